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
