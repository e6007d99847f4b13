won = { WON($amount) }
products = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
