## the household's web page (jangbogi web): every word of its pages

web-site = Jangbogi
web-lang-ko = 한국어
web-lang-en = English
web-nav-orders = Orders
web-nav-approvals = Approvals
web-signed-in-as = { $household } · { $name }
web-sign-out = Sign out
web-signin-title = Sign in
web-signin-name = Name
web-signin-password = Password
web-signin-household = Household (only if there are several)
web-signin-submit = Sign in
web-signin-missing = Please type both your name and your password.
web-orders-title = Orders
web-orders-filter = Status
web-orders-all = All
web-orders-show = Show
web-orders-older = Older orders
web-orders-none = No orders.
web-col-order = Order
web-col-date = Date
web-col-status = Status
web-col-member = Ordered by
web-col-total = Total
web-col-product = Product
web-col-quantity = Qty
web-col-price = Price
web-order-number = No. { $id }
web-regular-price = regular { WON($amount) }
web-receipt-print = To print it, use your browser's print command.
web-back-to-orders = Back to the orders
web-approvals-title = Orders waiting for approval
web-approvals-none = No order is waiting for approval.
web-approvals-from = Order { $id } from { $name }
web-approve = Approve
web-reject = Turn down
web-decided = Order { $id } { $approved ->
        [yes] approved.
       *[no] turned down.
    }
web-requests-title = What I asked for
web-requests-none = You have not asked for anything yet.
web-requests-waiting = This page updates itself when an adult decides.
web-error-title = Something is wrong
web-error-csrf = This form has expired or was not sent from this site. Reload the page and try again. Nothing was changed.
web-error-signed-out = Please sign in first. Nothing was changed.
web-error-not-found = There is no such page or order.
web-error-bad-status = There is no order status { $status }.
web-error-server = Something went wrong on the server. It was logged; please try again in a moment.
web-error-home = Start page

## rhythm
web-nav-rhythm = Rhythm
web-rhythm-title = Our buying rhythm
web-rhythm-none = Nothing has been bought yet, so there is no rhythm to show.
web-rhythm-bought = Bought { $count ->
        [one] once
       *[other] { $count } times
    }, usually { $quantity }
web-rhythm-every = { $known ->
        [yes] About every { $days } days
       *[no] Bought only once: no interval yet
    }
web-rhythm-last = Last bought on { $date }
web-rhythm-next = Next expected around { $date } (confidence { $percent }%)
web-rhythm-due = Probably running out
web-chart-label = Purchases of { $name } over time
web-chart-purchase = Bought { $quantity } on { $date }
web-chart-today = Today, { $date }
web-chart-predicted = Next expected around { $date }
web-running-out-title = Running out soon
web-running-out-none = Nothing seems to be running out right now.
web-running-out-item = Last bought { $days } days ago; usually every { $interval } days.
web-order-button = Order { $quantity }
web-confirm-title = Order this?
web-confirm-expires = This question counts for { $seconds } seconds; after that nothing is ordered.
web-confirm-approval = This order will wait for an adult's approval.
web-confirm-pin = Household PIN
web-confirm-again = The same order was just placed (No. { $id }); confirming shows that order and orders nothing new.
web-confirm-yes = Yes, order
web-confirm-no = No, go back
web-buy-bad-form = That order form is incomplete. Go back to the rhythm page and tap again. Nothing was ordered.

## subscriptions
web-nav-subscriptions = Regular deliveries
web-nav-notifications = Notifications{ $count ->
        [0] {""}
       *[other] {" "}({ $count })
    }
web-subs-title = Regular deliveries
web-subs-none = No regular delivery yet.
web-subs-adults-only = Only an adult can change them.
web-subs-state = { $state ->
        [active] Active
        [paused] Paused
       *[cancelled] Cancelled
    }
web-subs-next = { $scheduled ->
        [yes] Next: { $when }
       *[no] Nothing scheduled
    }
web-subs-last = { $status ->
        [placed] Last time: ordered
        [held] Last time: held (the price rose)
        [skipped] Last time: skipped
        [missed] Last time: missed
        [failed] Last time: not ordered
       *[none] Not ordered yet
    }
web-subs-skip = Skip the next one
web-subs-pause = Pause
web-subs-resume = Resume
web-subs-cancel = Cancel
web-subs-done = Regular delivery { $id }: { $action ->
        [pause] paused.
        [resume] resumed.
        [skip] the next one is skipped.
       *[cancel] cancelled.
    }
web-subs-cancel-title = Cancel this regular delivery?
web-subs-cancel-warn = It will not be ordered again. To order it regularly later, it has to be set up again.
web-subs-cancel-yes = Yes, cancel it
web-subs-cancel-keep = No, keep it
web-notes-title = Notifications
web-notes-none = No notifications yet.
web-notes-unread = New
web-notes-read = Mark as read
web-notes-read-all = Mark all as read
web-notes-marked = { $count ->
        [0] Nothing was left to mark.
        [one] One notification marked as read.
       *[other] { $count } notifications marked as read.
    }

## account
web-nav-account = Account
web-account-title = Household account
web-account-adults-only = Only the owner or an adult can see or change the household's account. Nothing was changed.
web-account-bad-form = The field { $field } has no usable value. Nothing was changed.
web-account-bad-amount = The limit { $field } must be an amount in won, or "none" for no limit. Nothing was changed.
web-account-done = { $action ->
        [membership] Membership changed.
        [card] Card added.
        [card-removed] Card removed.
        [card-default] Default card changed.
        [place] Place added.
        [place-removed] Place removed.
        [place-default] Default place changed.
        [member] Member added.
        [member-removed] Member removed.
       *[limits] Limits saved.
    }
web-account-membership = Membership: { $active ->
        [yes] on (member prices, free delivery)
       *[no] off
    }
web-account-membership-on = Turn membership on
web-account-membership-off = Turn membership off
web-account-cards = Cards
web-account-no-cards = No card yet.
web-account-card = { $label } ····{ $last4 }
web-account-default = default
web-account-make-default = Make default
web-account-remove = Remove
web-account-add = Add
web-account-token = Payment processor token
web-account-token-hint = Never type the card number: only the processor's token and the last four digits.
web-account-last4 = Last four digits
web-account-label = Label
web-account-as-default = Make it the default
web-account-places = Delivery places (orders go to: { $kind ->
        [home] home
        [locker] a parcel locker
       *[store] a pickup store
    })
web-account-no-places = No place yet.
web-account-kind = { $kind ->
        [home] Home
        [locker] Parcel locker
        [store] Pickup store
       *[other] Kind
    }
web-account-detail = Address or directions
web-account-deliver-here = Deliver here
web-account-members = Members and spending limits
web-account-role = { $role ->
        [owner] owner
        [adult] adult
        [child] child
       *[other] Role
    }
web-account-name = Name
web-account-per-order = Per order (won)
web-account-per-day = Per day (won)
web-account-limit-hint = An amount in won, or "none" for no limit.
web-account-no-limit = none
web-account-save-limits = Save limits
web-account-add-member = Add a member
