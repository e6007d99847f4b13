error-unknown = 문제가 생겼어요.

# errors raised with a developer's Korean text: shown as they are
error-generic = { $text }
error-generic-quantity = { $text }
error-generic-out-of-stock = { $text }
error-generic-order-state = { $text }
error-generic-not-found = { $text }
error-generic-payment = { $text }
error-generic-delivery = { $text }
error-generic-confirmation = { $text }
error-generic-pin-required = { $text }
error-generic-not-allowed = { $text }
error-generic-schedule = { $text }
error-generic-account = { $text }
