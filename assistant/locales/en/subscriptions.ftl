## subscriptions and the runner's notifications in a conversation (locales/phrases_reorder.py)
## $schedule: the recurrence as schedule.ftl says it, $time: a time of day (time-of-day)

ask-schedule = How often shall I order it? For example: 'every Monday', 'every 3 days'.
ask-schedule-again = Sorry, I didn't get the schedule. { ask-schedule }
repeat-subscribe = Shall I start the regular delivery?
not-subscribed = Okay, I didn't set up a regular delivery.
kept = Okay, I'll keep the regular delivery as it is.
no-subscriptions = You have no regular deliveries. Try: 'subscribe to milk every Monday'.
local-date = { day-name }, { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day }
local-date-time = { local-date } at { $time }
subscribe-question = I'll order { $what } { $schedule }, { WON($price) }{ $member ->
        [yes] {" "}at the member price
       *[no] {""}
    } each time{ $placed ->
        [yes] , { $where }
       *[no] {""}
    }; the first order is on { $first }. { repeat-subscribe }
subscribed = Your regular delivery is set up. The first order is on { $scheduled ->
        [yes] { $first }
       *[no] soon
    }.
subscription-line = { $what } { $schedule }{ $state ->
        [paused] {" "}(paused)
        [next] , next on { $next }
       *[none] {""}
    }
subscriptions-one = You have one regular delivery: { $line }.
subscriptions-many = You have { SPELL($count, below: 10) } regular deliveries: { $lines }.
subscriptions-numbered = { $number }: { $line }
subscription-choice = { $number }: { $name_en } { $schedule }
subscription-verb = { $action ->
        [cancel_subscription] cancel
        [pause_subscription] pause
        [skip_subscription] skip once
       *[resume_subscription] resume
    }
choose-subscription = Which regular delivery shall I { subscription-verb }? { $options }. Say a number or the product.
subscription-choose-again = Please pick a number from 1 to { $count }, or say the product.
no-subscription-for = There is no regular delivery of '{ $phrase }'.
nothing-to = There is no regular delivery to { subscription-verb }.
subscription-confirm-cancel = Cancel the regular delivery of { $what } { $schedule }?
subscription-cancelled = The regular delivery of { $name_en } is cancelled.
subscription-paused = The regular delivery of { $name_en } is paused. To start it again, say 'resume my regular delivery'.
subscription-resumed = The regular delivery of { $name_en } is on again. The next order is on { $scheduled ->
        [yes] { $first }
       *[no] soon
    }.
subscription-skipped = I'll skip the { $name_en } delivery on { $date }.{ $known ->
        [yes] {" "}The next one is on { $next }.
       *[no] {""}
    }

## notifications the runner left: $product / $product_en, $dated (yes/no) and $date, $ordered and $order

some-product = a regular delivery
some-substitute = a similar product
note-when = { $dated ->
        [yes] {" "}on { $date }
       *[no] {""}
    }
note-order = { $ordered ->
        [yes] {" "}(order { $order })
       *[no] {""}
    }
note-placed = I ordered your regular { $product_en }{ note-when }{ note-order }, total { $total }.
note-caught-up = I was off, so I ordered your regular { $product_en }{ note-when } late{ note-order }.{ $missed ->
        [0] {""}
        [one] {" "}1 earlier one was not ordered.
       *[other] {" "}{ $missed } earlier ones were not ordered.
    }
note-held = The price of { $product_en } rose { $pct }% from { $old_price } to { $new_price }, so I held the delivery{ note-when }.
note-out-of-stock = { $product_en } was out of stock, so I skipped the delivery{ note-when }.
note-substituted = { $product_en } was out of stock, so I ordered { $substitute_en } instead{ note-when }{ note-order }.
note-missed = I was off and missed { $count ->
        [one] 1 delivery
       *[other] { $count } deliveries
    } of { $product_en }{ $last_known ->
        [yes] {" "}(the last on { $last })
       *[no] {""}
    }.
# $error: the class name of the shop's refusal (stored by the runner), $reason its own words
note-failed = I couldn't order your regular { $product_en }{ note-when }{ $error ->
        [PaymentRequiredError] : there is no registered card
        [DeliveryError] : there is no address for the delivery
        [SpendingLimitError] : it is over the member's spending limit
        [NotFoundError] : the product is no longer sold
        [OutOfStockError] : it is out of stock
        [InvalidQuantityError] : the quantity is not allowed
        [NotAllowedError] : the member is not allowed to order
       *[other] { $reasoned ->
            [yes] : { $reason }
           *[no] .
        }
    }
note-other = There is news about your regular { $product_en }.
tell = { $count ->
        [1] You have one notification
       *[other] You have { SPELL($count, below: 10) } notifications
    }: { $notes }
