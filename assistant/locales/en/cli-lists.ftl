## what the light read commands (orders list, approvals list, subscriptions list, notifications)
## print when a list is empty, and their table labels

cli-no-orders = No orders.
cli-no-approvals = No orders waiting for approval.
cli-no-subscriptions = No subscriptions.
cli-no-notifications = { $which ->
        [unread] No unread notifications.
       *[all] No notifications.
    }
cli-total = total
