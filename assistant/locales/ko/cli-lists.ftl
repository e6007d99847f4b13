## what the light read commands (orders list, approvals list, subscriptions list, notifications)
## print when a list is empty, and their table labels

cli-no-orders = 주문이 없어요.
cli-no-approvals = 승인을 기다리는 주문이 없어요.
cli-no-subscriptions = 정기 배송이 없어요.
cli-no-notifications = { $which ->
        [unread] 읽지 않은 알림이 없어요.
       *[all] 알림이 없어요.
    }
cli-total = 합계
