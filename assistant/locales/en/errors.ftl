error-unknown = Something went wrong.

# errors raised with a developer's text (configuration, audio, devices)
error-generic = Sorry, that didn't work: { $text }

## catalog, cart, orders (assistant/shop/cart.py, orders.py)

error-quantity-range = Please say a quantity from 1 to { $most }.
error-product-not-sold = Sorry, that product isn't sold here.
error-product-no-longer-sold = Sorry, that product is no longer sold.
error-out-of-stock = { $left ->
        [0] Sorry, { $name_en } is sold out.
       *[other] Sorry, only { $left } of { $name_en } left.
    }
error-cart-line-limit = Your cart can hold at most { $most } of one product.
error-not-in-cart = That product isn't in your cart.
error-order-not-cancellable = Order { $order_id } is already { order-status }, so it can't be cancelled.

## the operator's commands (jangbogi orders advance, receipt): English in every catalog, as the
## rest of what those commands print

error-no-such-order = no order { $order_id }
error-order-cannot-advance = order { $order_id } is { $status }; only placed or shipped orders move along
error-order-already-at = order { $order_id } is already { $target }
error-order-cannot-become = order { $order_id } is { $status }; it cannot become { $target }
