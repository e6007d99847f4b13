## the conversation: what the assistant says while shopping (locales/phrases.py)
## A product is passed as $name (Korean, with its size) and $name_en; this catalog says $name_en.

not-shopping = Sorry, I can only help with grocery shopping. For example: 'order two bottles of milk'.
help = Try: 'order two bottles of milk', 'add a tray of eggs to my cart', 'show my cart', 'check out', 'where is my order', 'cancel my last order', 'what do I need?', 'order the usual', 'stop'.
empty = Sorry, I didn't catch that. Please say it again.
too-long = That was too long. Please ask for one thing at a time.
bye = Goodbye.
ask-yes-no = Please answer 'yes' or 'no'.
expired = That question timed out, so I dropped it.
nothing-to-confirm = There is nothing to confirm right now.
not-ordered = Okay, I didn't order anything.
not-cancelled = Okay, I'll leave the order as it is.
empty-cart = Your cart is empty.
no-orders = You haven't ordered anything yet.
no-open-order = There is no order that can still be cancelled.
ask-product = Which product do you mean? Please say it again.
database-busy = Another device is using the orders right now (the database is locked), so nothing changed. Please say it again in a moment.
database-unavailable = The orders can't be reached right now, so nothing changed.

## punctuation between the parts of a list or of several sentences

list-comma = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## orders, the cart, choosing a product

item = { $quantity } × { $name_en }
first-and-more = { $name_en } and { $more } more
lines-phrase = { $named }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
price-phrase = { WON($total) }{ $member ->
        [yes] {" "}at the member price
       *[no] {""}
    }{ $fee ->
        [0] {""}
       *[other] {" "}(including { WON($fee) } delivery)
    }
confirm-order = { $what }, { $price }.{ $notes } Shall I order?
confirm-items = { $what }, { $price } in all.{ $notes } Shall I order?
placed-lead = { $new ->
        [yes] Ordered
       *[no] That order was already placed
    }
placed = { placed-lead }. Order number { $id }, total { WON($total) }.
order-summary = { item }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
status = Order { $id } ({ $summary }, { WON($total) }) is { order-status }.
confirm-cancel = Cancel order { $id } ({ $summary }, { WON($total) })?
cancelled = Order { $id } is cancelled.
choice = { $number }: { $name_en } { WON($price) }
choose = There are { $count } kinds of { $phrase }{ $more ->
        [yes] ; the { $shown } best rated
       *[no] {""}
    }: { $options }. Which number?
choose-usual = There are { $count } kinds of { $phrase }. Your usual is { $usual }{ $more ->
        [yes] ; others: { $others }
       *[no] {""}
    }. Which number?
choose-again = Please pick a number from 1 to { $count }, or say the name.
not-sold = Sorry, '{ $phrase }' is not in our catalog.
not-in-cart = There is no '{ $phrase }' in your cart.
added = Added { item } to your cart. It has { products } now.
removed = { $left ->
        [0] Removed { $name_en } from your cart.
       *[other] Took some { $name_en } out; { $left } left in your cart.
    }
cart-line = { item } { WON($total) }
cart = Your cart: { $lines }. Total { $price }.
confirm-checkout = { products } in your cart, { $price }.{ $notes } Shall I order?
not-available = I can't do that yet; I can help with orders and your cart.
confirm-reorder = The same as order { $id }: { $question }
product-info = { $name_en }: { WON($price) }{ $cheaper ->
        [yes] , { WON($member_price) } for members
       *[no] {""}
    }, rated { NUMBER($rating, minimumFractionDigits: 1, maximumFractionDigits: 1) } by { NUMBER($reviews, useGrouping: 1) } { $reviews ->
        [one] review
       *[other] reviews
    }, { $stock ->
        [0] out of stock
       *[other] { $stock } in stock
    }.{ $similar ->
        [0] {""}
        [one] {" "}(1 similar product too)
       *[other] {" "}({ $similar } similar products too)
    }
no-deals = There are no member deals right now.
deal = { $name_en } { WON($price) } → { WON($member_price) }
deals = { $lead ->
        [member] Member deals
        [card] With a registered card you would pay
       *[join] As a member you would pay
    }: { $deals }.
not-a-count = Please say a whole number from 1 to { $most } (I heard { $said }).

## where an order goes: $kind (home, locker, store), $labelled (yes/no) and $label

place-phrase = { $kind ->
        [home] home
       *[other] { $kind ->
            [locker] the parcel locker
           *[store] store pickup
        }{ $labelled ->
            [yes] {" "}({ $label })
           *[no] {""}
        }
    }
where-phrase = { $kind ->
        [home] delivered to your home
        [locker] sent to { place-phrase }
       *[store] ready for pickup at { $labelled ->
            [yes] { $label }
           *[no] the store
        }
    }
repeat-order = { $what }, { $lines ->
        [1] { $price }
       *[other] { $price } in all
    }, { $where }.{ $approval ->
        [yes] {" "}It is ordered once an adult approves it.
       *[no] {""}
    } Shall I order?
repeat-cancel = Cancel order { $id } ({ $what }, { WON($total) }, { $kind ->
        [home] home delivery
        [locker] parcel locker
       *[store] store pickup
    })?
delivery-set = From now on your orders go to { place-phrase }.

## accounts, approvals, membership

ask-pin = Please say your four-digit PIN.
ask-pin-again = Please say the four digits of your PIN, or 'no' to stop.
no-approvals = No orders are waiting for approval.
approval-kept = Okay, that order keeps waiting for approval.
not-joined = Okay, I didn't sign you up.
ask-delivery = Where would you like it: home, the parcel locker or store pickup?
register-card = Register a card and member prices apply automatically.
purchase-notes = { $placed ->
        [yes] {" "}Delivery: { $place }.
       *[no] {""}
    }{ $savings ->
        [0] {""}
       *[other] {" "}{ $card ->
            [yes] With a registered card it would be
           *[no] As a member you would pay
        } { WON($savings) } less.
    }{ $approval ->
        [yes] {" "}An adult has to approve it.
       *[no] {""}
    }
receipt-sentence = { placed-lead }. Order number { $id }: { $what }, total { WON($total) }{ $savings ->
        [0] { $fee ->
            [0] {""}
           *[other] {" "}(including { WON($fee) } delivery)
        }
       *[other] {" "}({ WON($savings) } member savings{ $fee ->
            [0] {""}
           *[other] , including { WON($fee) } delivery
        })
    }, { $paid ->
        [yes] paid with the card ending { $last4 },{" "}
       *[no] {""}
    }{ $where }.
waiting-approval = Saved as order { $id } ({ WON($total) }), waiting for an adult's approval; it is ordered once an adult approves it.
duplicate = You just placed the same order (order { $id }, { WON($total) }), so I'm ordering it only once.
ordered-when = { $days ->
        [0] today
        [1] yesterday
       *[other] on { $month ->
            [1] Jan
            [2] Feb
            [3] Mar
            [4] Apr
            [5] May
            [6] Jun
            [7] Jul
            [8] Aug
            [9] Sep
            [10] Oct
            [11] Nov
           *[12] Dec
        } { $day }
    }
status-sentence = Order { $id } ({ $what }, { WON($total) }), placed { ordered-when }, is { order-status }.
cannot-cancel = Order { $id } is already { order-status }, so it can't be cancelled.
ask-approval = To { $reject ->
        [yes] turn down
       *[no] approve
    } { $member }'s order { $id } ({ $summary }, { WON($total) }), please say your four-digit PIN.
decided = { $status ->
        [rejected] { $member }'s order { $id } is turned down.
       *[other] { $member }'s order { $id } is approved: { WON($total) }.
    }
benefits = member prices automatically and free home delivery{ $free ->
        [yes] {""}
       *[no] {" "}from { WON($threshold) }
    }
membership-info = { $member ->
        [yes] You're a member{ $card ->
            [yes] : with the card ending { $last4 } you get { benefits }.
           *[no] . { register-card }
        }
       *[no] You're not a member yet. Members get { benefits }, with no fee. Say 'sign me up for membership' to join.
    }
ask-join = Shall I sign you up for membership? There's no fee; you get { benefits }.
joined = You're a member now{ $card ->
        [yes] ; your orders get member prices.
       *[no] . { register-card }
    }
out-of-stock = Sorry, that is out of stock. { $alternative ->
        [yes] Instead: { $question }
       *[no] Nothing similar is in stock right now.
    }
offer-for-cart = Sorry, that is out of stock. Shall I add { $name_en } ({ WON($price) }) instead?

## the household's buying rhythm: $noun (Korean) and $noun_en name a product as the household does

offer-declined = Okay. Just ask when you need it.
repeat-offer = Shall I make it a regular delivery?
no-usual-yet = I don't know your usual order yet.
nothing-known = I can't tell yet what is running out: order the same products a few more times and I'll tell you when they're due.
running-out-one = You bought { $noun_en } { $days ->
        [one] 1 day
       *[other] { $days } days
    } ago; you usually buy it every { $interval ->
        [one] day
       *[other] { $interval } days
    }. { $question }
running-out-item = { $noun_en } ({ $days ->
        [one] 1 day
       *[other] { $days } days
    } ago, usually every { $interval ->
        [one] day
       *[other] { $interval } days
    })
running-out = These are probably running out: { $items }. { $question }
nothing-due = Nothing seems to be running out right now. Next up: { $noun_en }, in about { $days ->
        [one] 1 day
       *[other] { $days } days
    }.
every = { $freq ->
        [monthly] every month
        [weekly] { $interval ->
            [1] every week
           *[other] every { $interval } weeks
        }
       *[daily] { $interval ->
            [1] every day
           *[other] every { $interval } days
        }
    }
subscription-offer = You buy { $noun_en } { every }. { repeat-offer }
day-name = { $weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }
subscribe-phrase = subscribe to { $noun_en } { $freq ->
        [monthly] on the { $day }{ $day ->
            [1] st
            [2] nd
            [3] rd
            [21] st
            [22] nd
            [23] rd
            [31] st
           *[other] th
        } of every month
        [weekly] every { $interval ->
            [1] {""}
           *[other] other{" "}
        }{ day-name }
       *[daily] { $interval ->
            [1] every day
           *[other] every { $interval } days
        }
    }
confirm-usual = Your usual: { $question }
confirm-usual-basket = Your usual order: { $question }
never-bought = You haven't ordered { $phrase } before.

## issue 14, basket: several items in one request, packs, corrections

choose-item = Which { $phrase } would you like? { $usual ->
        [yes] Your usual is { $first }{ $more ->
            [yes] ; others: { $others }
           *[no] {""}
        }
       *[no] { $options }
    }{ $hidden ->
        [0] {""}
       *[other] {" "}({ $hidden } more)
    }.
delivery-this-order = This order goes to { place-phrase }.
pack-size = { $name_en } comes in packs of { $per_pack }.
which-line = Which one should I change ({ $lines })?
added-lines = Added { $what } to your cart. It has { products } now.

## references, receipts, order history, emptying the cart (issue 14: dialog/orders.py, cart.py, account.py)

confirm-again = Another order just like order { $id }: { $question }
receipt-spoken = Receipt for order { $id } (placed { ordered-when }, { order-status }): { $what }, total { WON($total) }{ $savings ->
        [0] { $fee ->
            [0] {""}
           *[other] {" "}(including { WON($fee) } delivery)
        }
       *[other] {" "}(member savings { WON($savings) }{ $fee ->
            [0] {""}
           *[other] , including { WON($fee) } delivery
        })
    }.{ $payment ->
        [card] {" "}Paid with the card ending in { $last4 }.
        [waiting] {" "}Not paid yet.
       *[none] {""}
    }
history-entry = { $what } { ordered-when } (order { $id }, { WON($total) }, { order-status })
order-history = { $count ->
        [1] Your last order: { $orders }.
       *[other] Your last { $count } orders: { $orders }.
    }
confirm-clear-cart = { $count ->
        [1] Shall I take the one product out of your cart?
       *[other] Shall I take all { $count } products out of your cart?
    }
cart-cleared = { $count ->
        [1] Your cart is empty now: I took out 1 product.
       *[other] Your cart is empty now: I took out { $count } products.
    }
cart-kept = Okay, I left your cart as it is.
nothing-to-change = There is no order to change right now. Tell me what you'd like and how many.
no-such-size = { $kind ->
        [single] Sorry, it isn't sold singly, so I didn't change it.
       *[other] Sorry, there's no { $size } one, so I didn't change it.
    }
delivery-not-default = I didn't change where your orders usually go. To have them { $kind ->
        [home] delivered home from now on, say 'from now on, deliver to my home'.
        [locker] sent to the parcel locker from now on, say 'from now on, send them to my locker'.
       *[store] ready for store pickup from now on, say 'from now on, I'll pick them up at the store'.
    }
