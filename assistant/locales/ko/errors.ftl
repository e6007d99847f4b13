error-unknown = 문제가 생겼어요.

# errors raised with a developer's text (configuration, audio, devices)
error-generic = { $text }

## catalog, cart, orders (assistant/shop/cart.py, orders.py)

error-quantity-range = 수량은 1에서 { $most } 사이로 말씀해 주세요 (들은 수량: { $said }).
error-product-not-sold = 그 상품은 팔지 않아요.
error-product-no-longer-sold = 그 상품은 더 이상 팔지 않아요.
error-out-of-stock = { $name }은(는) { $left ->
        [0] 품절이에요
       *[other] { $left }{ $unit }만 남았어요
    }.
error-cart-line-limit = 장바구니에는 한 상품을 { $most }{ $unit }까지 담을 수 있어요.
error-not-in-cart = 장바구니에 그 상품이 없어요.
error-order-not-cancellable = { $order_id }번 주문은 이미 { order-status } 상태라 취소할 수 없어요.

## the operator's commands (jangbogi orders advance, receipt): English in every catalog, as the
## rest of what those commands print

error-no-such-order = no order { $order_id }
error-order-cannot-advance = order { $order_id } is { $status } ({ order-status }); only placed or shipped orders move along
error-order-already-at = order { $order_id } is already { $target }
error-order-cannot-become = order { $order_id } is { $status }; it cannot become { $target }
