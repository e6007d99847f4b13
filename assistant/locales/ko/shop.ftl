## the shop's words: order statuses, delivery kinds and the e-receipt (jangbogi receipt)
## A product is passed as $name (Korean, with its size) and $name_en; this catalog says $name.

order-status = { $status ->
        [placed] 주문 접수
        [cancelled] 취소
        [shipped] 배송 중
        [delivered] 배송 완료
        [pending_approval] 승인 대기
       *[rejected] 승인 거절
    }
delivery-kind = { $kind ->
        [home] 집
        [locker] 사물함
       *[store] 매장
    }

## the e-receipt, one message a line

receipt-title = 장보기 전자 영수증 — 주문 { $id }번 ({ order-status })
receipt-placed = 주문 시각 { $time } ({ $zone }), { $member }, { $channel ->
        [voice] 음성 주문
        [text] 대화 주문
       *[auto] 정기 주문
    }
receipt-line = {"  "}{ $name } { $quantity }{ $unit } × { $discounted ->
        [yes] 정가 { WON($regular) } → 회원가 { WON($price) }
       *[no] { WON($price) }
    } = { WON($total) }
receipt-regular-subtotal = 정가 합계 { WON($amount) }
receipt-member-savings = 회원 할인 -{ WON($amount) }
receipt-subtotal = 상품 합계 { WON($amount) }
receipt-delivery = 배송: { $kind ->
        [home] 집 배송
        [locker] 사물함
       *[store] 매장 픽업
    }{ $labelled ->
        [yes] {" "}({ $label })
       *[no] {""}
    }, 배송비 { WON($fee) }
receipt-total = 결제 금액 { WON($amount) }
receipt-card = 결제 카드 { $labelled ->
        [yes] { $label }
       *[no] 카드
    } ****{ $last4 }
receipt-decided = { $status ->
        [rejected] 거절
       *[other] 승인
    }: { $by }
