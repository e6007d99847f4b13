# The purchase rules' refusals (assistant/shop/rules.py, controls.py, purchase.py, service.py).

-purchase-unconfirmed = That order was not confirmed in time, so nothing was ordered. Please ask again.
-purchase-adults-only = Sorry, only an adult can do that.
-purchase-not-found = Sorry, I couldn't find that.

error-pin-locked = Voice ordering is locked after { $attempts } wrong PINs, until { $until_local }.
error-wrong-pin = That PIN is not right. { $attempts_left } more wrong tries lock voice ordering.
error-pin-required = Please say your four-digit PIN.
error-pin-changed = { -purchase-unconfirmed }
error-payment-required = There is no registered card, so I can't order. An adult can add one with 'jangbogi household payment add'.
error-no-address = There is no address registered for that delivery; add one with 'jangbogi household address add'.
error-nothing-to-order = Please say a quantity from 1 to { $most }.
error-not-confirmed = { -purchase-unconfirmed }
error-confirmation-unknown = { -purchase-unconfirmed }
error-confirmation-expired = { -purchase-unconfirmed }
error-confirmation-changed = { -purchase-unconfirmed }
error-price-changed = { -purchase-unconfirmed }
error-order-limit = That is over the limit of { WON($limit) } per order.
error-day-limit = That is over the daily limit of { WON($limit) }; { WON($remaining) } is left for today.
error-member-gone = { -purchase-not-found }
error-order-not-found = { -purchase-not-found }
error-approval-adults-only = { -purchase-adults-only }
error-voice-approval-needs-pin = { -purchase-adults-only }
error-not-awaiting-approval = That order can no longer be cancelled.
error-delivery-adults-only = { -purchase-adults-only }
