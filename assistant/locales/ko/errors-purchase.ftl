# The purchase rules' refusals (assistant/shop/rules.py, controls.py, purchase.py, service.py).

error-pin-locked = 비밀번호를 { $attempts }번 틀려서 음성 주문이 { $until_local }까지 잠겨 있어요.
error-wrong-pin = 비밀번호가 맞지 않아요. { $attempts_left }번 더 틀리면 음성 주문이 { $minutes }분 동안 잠겨요.
error-pin-required = 주문하려면 비밀번호 네 자리가 필요해요.
error-pin-changed = 비밀번호가 방금 바뀌었어요. 다시 말씀해 주세요.
error-payment-required = 등록된 결제 카드가 없어서 주문할 수 없어요. 보호자가 'jangbogi household payment add --token 토큰 --last4 끝네자리'로 카드를 등록해 주세요.
error-no-address = 등록된 { delivery-kind } 주소가 없어요. 'jangbogi household address add --kind { $kind } ...'로 등록해 주세요.
error-nothing-to-order = 주문할 상품이 없어요.
error-not-confirmed = 확인받지 않은 주문은 할 수 없어요. 다시 주문해 주세요.
error-confirmation-unknown = 확인받은 주문이 없어요. 다시 주문해 주세요.
error-confirmation-expired = 확인 시간이 지났어요. 다시 주문해 주세요.
error-confirmation-changed = 확인받은 내용과 달라서 주문하지 않았어요. 다시 확인해 주세요.
error-price-changed = 가격이 바뀌어서 주문하지 않았어요 (지금 합계 { WON($total) }). 다시 주문해 주세요.
error-order-limit = { $name }님은 한 번에 { WON($limit) }까지 주문할 수 있어요 (이번 주문 { WON($total) }).
error-day-limit = { $name }님의 하루 주문 한도는 { WON($limit) }이에요. 오늘은 { WON($remaining) } 더 주문할 수 있어요 (이번 주문 { WON($total) }).
error-member-gone = 이 구성원이 더 이상 없어요.
error-order-not-found = { $order_id }번 주문이 없어요.
error-approval-adults-only = 주문 승인은 어른만 할 수 있어요.
error-voice-approval-needs-pin = 음성으로 승인하려면 비밀번호가 필요해요. 'jangbogi household pin set'으로 정하거나 'jangbogi approvals approve 주문번호'로 승인해 주세요.
error-not-awaiting-approval = { $order_id }번 주문은 승인을 기다리는 주문이 아니에요.
error-delivery-adults-only = 기본 배송 방법은 어른만 바꿀 수 있어요.
