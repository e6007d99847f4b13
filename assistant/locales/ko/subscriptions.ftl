## subscriptions and the runner's notifications in a conversation (locales/phrases_reorder.py)
## $schedule: the recurrence as schedule.ftl says it, $time: a time of day (time-of-day)

ask-schedule = 언제마다 주문할까요? 예: '매주 월요일', '3일마다', '매달 1일 오전 9시'.
ask-schedule-again = 일정을 알아듣지 못했어요. { ask-schedule }
repeat-subscribe = 정기 배송을 시작할까요?
not-subscribed = 알겠어요, 정기 배송을 만들지 않았어요.
kept = 알겠어요, 정기 배송을 그대로 둘게요.
no-subscriptions = 정기 배송이 없어요. 예: '매주 월요일마다 우유 한 팩 주문해 줘'.
local-date = { $month }월 { $day }일 { day-name }요일
local-date-time = { local-date } { $time }
subscribe-question = { $schedule }에 { $what }{ PARTICLE($what, "을") } 주문할게요. 한 번에 { $member ->
        [yes] 회원가 { WON($price) }
       *[no] { WON($price) }
    }{ $placed ->
        [yes] , { $where }.
       *[no] ,
    } 첫 주문은 { $first }{ PARTICLE($first, "이에요") }. { repeat-subscribe }
subscribed = 정기 배송을 시작했어요. 첫 주문은 { $first }{ PARTICLE($first, "이에요") }.
subscription-line = { $schedule } { $what }{ $state ->
        [paused] (멈춤)
        [next] , 다음은 { $next }
       *[none] {""}
    }
subscriptions-one = 정기 배송이 하나 있어요: { $line }.
subscriptions-many = 정기 배송이 { SPELL($count, ruleset: "spellout-cardinal-native-attributive", below: 100) } 개 있어요: { $lines }.
subscriptions-numbered = { $number }번 { $line }
subscription-choice = { $number }번 { $schedule } { $name }
choose-subscription = 어느 정기 배송을 { $action ->
        [cancel_subscription] 해지할까요
        [pause_subscription] 멈출까요
        [skip_subscription] 이번 배송을 건너뛸까요
       *[resume_subscription] 다시 시작할까요
    }? { $options }. 번호나 상품 이름으로 말씀해 주세요.
subscription-choose-again = 1번부터 { $count }번 중에서 번호나 상품 이름으로 골라 주세요.
no-subscription-for = '{ $phrase }' 정기 배송은 없어요.
subscription-verb = { $action ->
        [cancel_subscription] 해지할
        [pause_subscription] 멈출
        [skip_subscription] 건너뛸
       *[resume_subscription] 다시 시작할
    }
nothing-to = { subscription-verb } 정기 배송이 없어요.
subscription-confirm-cancel = { $schedule } { $what } 정기 배송을 해지할까요?
subscription-cancelled = { $name } 정기 배송을 해지했어요.
subscription-paused = { $name } 정기 배송을 멈췄어요. 다시 받으시려면 '정기 배송 다시 시작해 줘'라고 말씀해 주세요.
subscription-resumed = { $name } 정기 배송을 다시 시작했어요. 다음 주문은 { $first }{ PARTICLE($first, "이에요") }.
subscription-skipped = { $date } { $name } 배송을 건너뛸게요.{ $known ->
        [yes] {" "}다음 배송은 { $next }{ PARTICLE($next, "이에요") }.
       *[no] {""}
    }

## notifications the runner left: $product / $product_en, $dated (yes/no) and $date, $ordered and $order

some-product = 정기 배송 상품
some-substitute = 비슷한 상품
note-when = { $dated ->
        [yes] { $date }{" "}
       *[no] {""}
    }
note-order = { $ordered ->
        [yes] {" "}(주문 번호 { $order }번)
       *[no] {""}
    }
note-placed = { note-when }{ $product } 정기 배송을 주문했어요{ note-order }. 합계 { $total }.
note-caught-up = 꺼져 있던 동안 밀린 { note-when }{ $product } 정기 배송을 지금 주문했어요{ note-order }.{ $missed ->
        [0] {""}
       *[other] {" "}그 전에 놓친 { $missed }번은 주문하지 않았어요.
    }
note-held = { $product } 가격이 { $old_price }에서 { $new_price }으로 { $pct }% 올라서 { note-when }정기 배송을 보류했어요.
note-out-of-stock = { $product }{ PARTICLE($product, "이") } 품절이라 { note-when }정기 배송을 건너뛰었어요.
note-substituted = { $product }{ PARTICLE($product, "이") } 품절이라 { note-when }정기 배송은 { $substitute }{ PARTICLE($substitute, "으로") } 대신 주문했어요{ note-order }.
note-missed = 꺼져 있던 동안 { $product } 정기 배송 { $count }번을 놓쳤어요{ $last_known ->
        [yes] {" "}(마지막 { $last })
       *[no] {""}
    }.
note-failed = { note-when }{ $product } 정기 배송을 주문하지 못했어요{ $reasoned ->
        [yes] : { $reason }
       *[no] .
    }
note-other = { $product } 정기 배송 알림이 있어요.
tell = { $count ->
        [1] 알림이 하나 있어요
       *[other] 알림이 { SPELL($count, ruleset: "spellout-cardinal-native-attributive", below: 100) } 개 있어요
    }: { $notes }
