won = { WON($amount) }
products = 상품 { $count }개
