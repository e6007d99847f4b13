## the conversation: what the assistant says while shopping (locales/phrases.py)
## A product is passed as $name (Korean, with its size) and $name_en; this catalog says $name.

not-shopping = 죄송해요, 저는 장보기만 도와드릴 수 있어요. 예: '우유 두 개 주문해 줘'.
help = 이렇게 말씀해 보세요: '우유 두 개 주문해 줘', '계란 한 판 장바구니에 담아 줘', '장바구니 보여 줘', '장바구니 주문해 줘', '주문 상태 알려 줘', '마지막 주문 취소해 줘', '뭐 사야 돼?', '늘 사던 걸로 주문해 줘', '그만'.
empty = 잘 못 들었어요. 다시 말씀해 주세요.
too-long = 말씀이 너무 길어요. 한 번에 한 가지씩 짧게 말씀해 주세요.
bye = 안녕히 계세요.
ask-yes-no = '응' 또는 '아니'로 대답해 주세요.
expired = 확인 시간이 지나서 이전 요청은 취소했어요.
nothing-to-confirm = 지금 확인할 주문이 없어요.
not-ordered = 알겠어요, 주문하지 않았어요.
not-cancelled = 알겠어요, 주문을 그대로 둘게요.
empty-cart = 장바구니가 비어 있어요.
no-orders = 아직 주문하신 게 없어요.
no-open-order = 취소할 수 있는 주문이 없어요.
ask-product = 어떤 상품을 말씀하시는 건지 다시 말씀해 주세요.
database-busy = 지금 다른 기기에서 주문을 처리하고 있어서 쓸 수 없어요. 아무것도 바뀌지 않았어요. 잠시 후 다시 말씀해 주세요.
database-unavailable = 지금은 주문 정보를 쓸 수 없어요. 아무것도 바뀌지 않았어요.

## punctuation between the parts of a list or of several sentences

list-comma = {", "}
list-semicolon = {"; "}
sentence-gap = {" "}

## orders, the cart, choosing a product

item = { $name } { $quantity }{ $unit }
first-and-more = { $name } 외 { $more }개 상품
lines-phrase = { $named }{ $more ->
        [0] {""}
       *[other] {" "}외 { $more }개 상품
    }
price-phrase = { $member ->
        [yes] 회원가 { WON($total) }
       *[no] { WON($total) }
    }{ $fee ->
        [0] {""}
       *[other] (배송비 { WON($fee) } 포함)
    }
confirm-order = { $what }, { $price }입니다.{ $notes } 주문할까요?
confirm-items = { $what }, 모두 { $price }입니다.{ $notes } 주문할까요?
placed-lead = { $new ->
        [yes] 주문했어요
       *[no] 이미 주문된 건이에요
    }
placed = { placed-lead }. 주문 번호 { $id }번, 합계 { WON($total) }.
order-summary = { item }{ $more ->
        [0] {""}
       *[other] {" "}외 { $more }개
    }
status = { $id }번 주문({ $summary }, { WON($total) })은 { order-status } 상태예요.
confirm-cancel = { $id }번 주문({ $summary }, { WON($total) })을 취소할까요?
cancelled = { $id }번 주문을 취소했어요.
choice = { $number }번 { $name } { WON($price) }
choose = { $phrase }{ PARTICLE($phrase, "은") } { $more ->
        [yes] { $count }가지가 있어요. 평점 높은 { $shown }가지:
       *[no] { $shown }가지가 있어요:
    } { $options }. 몇 번으로 할까요?
choose-usual = { $phrase }{ PARTICLE($phrase, "은") } { $count }가지가 있어요. 늘 사시던 { $usual }{ $more ->
        [yes] , 그 밖에 { $others }
       *[no] {""}
    }. 몇 번으로 할까요?
choose-again = 1번부터 { $count }번 중에서 번호나 이름으로 골라 주세요.
not-sold = '{ $phrase }'{ PARTICLE($phrase, "은") } 저희 상품 목록에 없어요.
not-in-cart = 장바구니에 '{ $phrase }'{ PARTICLE($phrase, "은") } 없어요.
added = { item }{ PARTICLE($unit, "을") } 장바구니에 담았어요. 지금 장바구니에 { $count }가지 상품이 있어요.
removed = { $name }{ PARTICLE($name, "을") } { $left ->
        [0] 장바구니에서 뺐어요.
       *[other] 덜어서 { $left }{ $unit } 남았어요.
    }
cart-line = { item } { WON($total) }
cart = 장바구니: { $lines }. 합계 { $price }.
confirm-checkout = 장바구니 { $count }가지 상품, { $price }입니다.{ $notes } 주문할까요?
not-available = { $intent ->
        [membership] 멤버십 가입과 혜택 안내는
        [set_delivery] 배송 방법 바꾸기는
       *[other] 그 요청은
    } 아직 도와드릴 수 없어요. 주문과 장바구니는 도와드릴게요.
confirm-reorder = 지난 { $id }번 주문과 같이 { $question }
product-info = { $name }: { WON($price) }{ $cheaper ->
        [yes] , 회원가 { WON($member_price) }
       *[no] {""}
    }, 평점 { NUMBER($rating, minimumFractionDigits: 1, maximumFractionDigits: 1) }점, 리뷰 { NUMBER($reviews, useGrouping: 1) }개, { $stock ->
        [0] 품절이에요
       *[other] 재고 { $stock }{ $unit }
    }.{ $similar ->
        [0] {""}
       *[other] {" "}(비슷한 상품 { $similar }가지 더 있어요)
    }
no-deals = 지금은 회원 할인 상품이 없어요.
deal = { $name } { WON($price) } → 회원가 { WON($member_price) }
deals = { $lead ->
        [member] 회원 할인 상품이에요
        [card] 카드를 등록하시면 이렇게 싸게 살 수 있어요
       *[join] 회원이시면 이렇게 싸게 살 수 있어요
    }: { $deals }.
not-a-count = 수량은 1에서 { $most } 사이의 개수로 말씀해 주세요 (들은 수량: { $said }).

## where an order goes: $kind (home, locker, store), $labelled (yes/no) and $label

place-phrase = { $kind ->
        [home] 집
       *[other] { $kind ->
            [locker] 사물함
           *[store] 매장 픽업
        }{ $labelled ->
            [yes] ({ $label })
           *[no] {""}
        }
    }
where-phrase = { $kind ->
        [home] 집으로 배송해요
        [locker] { place-phrase }으로 보내요
       *[store] { $labelled ->
            [yes] { $label }
           *[no] 매장
        }에서 찾아가시면 돼요
    }
repeat-order = { $what }, { $lines ->
        [1] { $price }
       *[other] 모두 { $price }
    }, { $where }.{ $approval ->
        [yes] {" "}어른이 승인하면 주문돼요.
       *[no] {""}
    } 주문할까요?
repeat-cancel = { $id }번 주문({ $what }, { WON($total) }, { $kind ->
        [home] 집 배송
        [locker] 사물함 배송
       *[store] 매장 픽업
    })을 취소할까요?
delivery-set = 앞으로 { place-phrase }으로 받을게요.

## accounts, approvals, membership

ask-pin = 비밀번호 네 자리를 말씀해 주세요.
ask-pin-again = 비밀번호 네 자리를 숫자로 말씀해 주세요. 그만두려면 '아니'라고 해 주세요.
no-approvals = 승인을 기다리는 주문이 없어요.
approval-kept = 알겠어요, 그 주문은 그대로 승인을 기다려요.
not-joined = 알겠어요, 가입하지 않았어요.
ask-delivery = 어디로 받으실지 '집', '사물함', '매장' 중에서 말씀해 주세요.
register-card = 카드를 등록하시면 회원가가 자동으로 적용돼요.
purchase-notes = { $placed ->
        [yes] {" "}{ $place }으로 받아요.
       *[no] {""}
    }{ $savings ->
        [0] {""}
       *[other] {" "}{ $card ->
            [yes] 카드를 등록하시면
           *[no] 회원이시면
        } { WON($savings) } 더 저렴해요.
    }{ $approval ->
        [yes] {" "}어른이 승인하면 주문돼요.
       *[no] {""}
    }
receipt-sentence = { placed-lead }. 주문 번호 { $id }번, { $what }, 합계 { WON($total) }{ $savings ->
        [0] { $fee ->
            [0] {""}
           *[other] (배송비 { WON($fee) } 포함)
        }
       *[other] (회원 할인 { WON($savings) }{ $fee ->
            [0] {""}
           *[other] , 배송비 { WON($fee) } 포함
        })
    }, { $paid ->
        [yes] 카드 { $last4 }로 결제하고{" "}
       *[no] {""}
    }{ $where }.
waiting-approval = 어른의 승인을 기다리는 주문으로 남겼어요. 주문 번호 { $id }번, 합계 { WON($total) }. 어른이 승인하면 주문돼요.
duplicate = 방금 같은 주문을 받았어요(주문 번호 { $id }번, 합계 { WON($total) }). 한 번만 주문할게요.
ordered-when = { $days ->
        [0] 오늘
        [1] 어제
        [2] 그저께
       *[other] { $month }월 { $day }일에
    }
status-sentence = { ordered-when } 주문하신 { $what }({ $id }번 주문, { WON($total) }){ PARTICLE($what, "은") } { $status ->
        [placed] 주문 접수 상태예요
        [shipped] 배송 중이에요
        [delivered] 배송이 끝났어요
        [cancelled] 취소 상태예요
        [pending_approval] 어른의 승인을 기다리고 있어요
       *[rejected] 승인이 거절되어 주문되지 않았어요
    }.
cannot-cancel = { $id }번 주문은 이미 { $status ->
        [delivered] 배송이 끝나서
       *[other] 배송 중이라
    } 취소할 수 없어요.
ask-approval = { $member }님의 { $id }번 주문({ $summary }, { WON($total) })을 { $reject ->
        [yes] 거절
       *[no] 승인
    }하려면 비밀번호 네 자리를 말씀해 주세요.
decided = { $status ->
        [rejected] { $member }님의 { $id }번 주문을 거절했어요.
       *[other] { $member }님의 { $id }번 주문을 승인했어요. 합계 { WON($total) }.
    }
benefits = 회원가가 자동으로 적용되고 { $free ->
        [yes] 집 배송이 무료예요
       *[no] { WON($threshold) } 이상이면 집 배송이 무료예요
    }
membership-info = { $member ->
        [yes] 회원이세요{ $since ->
            [yes] ({ $year }년 { NUMBER($month, minimumIntegerDigits: 2) }월 { NUMBER($day, minimumIntegerDigits: 2) }일부터)
           *[no] {""}
        }. { $card ->
            [yes] 카드 { $last4 }로 { benefits }.
           *[no] { register-card }
        }
       *[no] 아직 회원이 아니세요. 회원이 되면 { benefits }(가입비 없음). '멤버십 가입할래'라고 말씀해 주세요.
    }
ask-join = 멤버십에 가입할까요? 가입비는 없고, { benefits }.
joined = 멤버십에 가입했어요. { $card ->
        [yes] 이제부터 회원가로 주문돼요.
       *[no] { register-card }
    }
out-of-stock = { $problem } { $alternative ->
        [yes] 대신 { $question }
       *[no] 비슷한 상품도 지금은 없어요.
    }
offer-for-cart = { $problem } 대신 { $name } { WON($price) }을 담을까요?

## the household's buying rhythm: $noun (Korean) and $noun_en name a product as the household does

offer-declined = 알겠어요. 필요하실 때 말씀해 주세요.
repeat-offer = 정기 배송으로 바꿀까요?
no-usual-yet = 아직 늘 사시는 상품을 모르겠어요.
nothing-known = 아직은 주문 기록으로 떨어질 때를 알 수 있는 상품이 없어요. 같은 상품을 몇 번 더 주문하시면 때맞춰 알려 드릴게요.
running-out-one = { $noun } 사신 지 { $days }일 됐어요. 보통 { $interval }일마다 사세요. { $question }
running-out-item = { $noun }({ $days }일 전, 보통 { $interval }일마다)
running-out = 떨어질 때가 된 것 같아요: { $items }. { $question }
nothing-due = 지금은 떨어질 때가 된 상품이 없어요. 다음은 { $noun }, { $days }일 뒤쯤이에요.
every = { $freq ->
        [monthly] 매달
        [weekly] { $interval ->
            [1] 매주
           *[other] { $interval }주마다
        }
       *[daily] { $interval ->
            [1] 매일
           *[other] { $interval }일마다
        }
    }
subscription-offer = { every } { $noun }{ PARTICLE($noun, "을") } 사시네요. { repeat-offer }
day-name = { $weekday ->
        [mon] 월
        [tue] 화
        [wed] 수
        [thu] 목
        [fri] 금
        [sat] 토
       *[sun] 일
    }
subscribe-phrase = { $freq ->
        [monthly] 매달 { $day }일에
        [weekly] { $interval ->
            [1] 매주
           *[other] 격주
        } { day-name }요일마다
       *[daily] { $interval ->
            [1] 매일
           *[other] { $interval }일마다
        }
    } { $name } { SPELL($quantity, ruleset: "spellout-cardinal-native-attributive", below: 100) } { $unit } 주문해 줘
confirm-usual = 늘 사시던 { $question }
confirm-usual-basket = 늘 사시던 상품으로 { $question }
never-bought = 전에 주문하신 { $phrase }{ PARTICLE($phrase, "이") } 없어요.

## issue 14, basket: several items in one request, packs, corrections

choose-item = { $phrase }{ PARTICLE($phrase, "은") } 어떤 걸로 할까요? { $usual ->
        [yes] 늘 사시던 { $first }{ $more ->
            [yes] , 그 밖에 { $others }
           *[no] {""}
        }
       *[no] { $options }
    }{ $hidden ->
        [0] {""}
       *[other] {" "}(그 밖에 { $hidden }가지 더)
    }.
delivery-this-order = 이번 주문은 { place-phrase }으로 받을게요.
pack-size = { $phrase }{ PARTICLE($phrase, "은") } { $size } 1{ $unit } 단위예요.
which-line = 어느 상품을 바꿀지 말씀해 주세요({ $lines }).
added-lines = { $what }{ PARTICLE($what, "을") } 장바구니에 담았어요. 지금 장바구니에 { $count }가지 상품이 있어요.

## references, receipts, order history, emptying the cart (issue 14: dialog/orders.py, cart.py, account.py)

confirm-again = { $id }번 주문과 같은 주문을 한 번 더 하시는 거죠? { $question }
receipt-spoken = { $id }번 주문 영수증이에요({ ordered-when } 주문, { order-status }). { $what }, 합계 { WON($total) }{ $savings ->
        [0] { $fee ->
            [0] {""}
           *[other] (배송비 { WON($fee) } 포함)
        }
       *[other] (회원 할인 { WON($savings) }{ $fee ->
            [0] {""}
           *[other] , 배송비 { WON($fee) } 포함
        })
    }.{ $payment ->
        [card] {" "}카드 { $last4 }로 결제했어요.
        [waiting] {" "}아직 결제 전이에요.
       *[none] {""}
    }
history-entry = { ordered-when } 주문한 { $what }({ $id }번, { WON($total) }, { order-status })
order-history = { $count ->
        [1] 최근 주문이에요: { $orders }.
       *[other] 최근 주문 { $count }건이에요: { $orders }.
    }
confirm-clear-cart = { $count ->
        [1] 장바구니의 상품 1개를 뺄까요?
       *[other] 장바구니의 { $count }개 상품을 모두 뺄까요?
    }
cart-cleared = 장바구니를 비웠어요. { $count }개 상품을 뺐어요.
cart-kept = 알겠어요, 장바구니를 그대로 둘게요.
nothing-to-change = 지금은 바꿀 주문이 없어요. 주문하실 상품과 수량을 말씀해 주세요.
no-such-size = { $kind ->
        [single] 낱개로 파는 상품이 없어서 바꾸지 못했어요.
       *[other] { $size }짜리 상품이 없어서 바꾸지 못했어요.
    }
delivery-not-default = 기본 배송은 바꾸지 않았어요. 앞으로 늘 { delivery-kind }으로 받으시려면 '앞으로 { delivery-kind }으로 받을게'라고 말씀해 주세요.
