## the shop's words: order statuses, delivery kinds and the e-receipt (jangbogi receipt)
## A product is passed as $name (Korean, with its size) and $name_en; this catalog says $name_en
## (the catalog's English names tell the sizes apart where it matters, so they carry no size).

order-status = { $status ->
        [placed] received
        [cancelled] cancelled
        [shipped] on its way
        [delivered] delivered
        [pending_approval] waiting for an adult's approval
       *[rejected] turned down
    }
delivery-kind = { $kind ->
        [home] home
        [locker] parcel locker
       *[store] store
    }

## the e-receipt, one message a line

receipt-title = Jangbogi e-receipt — order { $id } ({ order-status })
receipt-placed = Ordered { $time } ({ $zone }), { $member }, { $channel ->
        [voice] voice order
        [text] text order
       *[auto] regular delivery
    }
receipt-line = {"  "}{ $quantity } × { $name_en } at { $discounted ->
        [yes] { WON($price) } (regular { WON($regular) })
       *[no] { WON($price) }
    } = { WON($total) }
receipt-regular-subtotal = Regular prices { WON($amount) }
receipt-member-savings = Member savings -{ WON($amount) }
receipt-subtotal = Products { WON($amount) }
receipt-delivery = Delivery: { $kind ->
        [home] home delivery
        [locker] parcel locker
       *[store] store pickup
    }{ $labelled ->
        [yes] {" "}({ $label })
       *[no] {""}
    }, fee { WON($fee) }
receipt-total = Total charged { WON($amount) }
receipt-card = Card { $labelled ->
        [yes] { $label }
       *[no] card
    } ****{ $last4 }
receipt-decided = { $status ->
        [rejected] Turned down
       *[other] Approved
    } by { $by }
