# Refusals about subscriptions and recurring orders (assistant/reorder/).
## A schedule's fields: schedule.ftl; $name / $name_en: a product's Korean / English name.

error-schedule-unreadable = 저장된 일정을 읽을 수 없어요: { $data }
error-schedule-freq = 반복 주기는 매일, 매주, 매달 중 하나여야 해요 (받은 값: { $freq }).
error-schedule-interval = 반복 간격은 1에서 { $limit } 사이여야 해요 (받은 값: { $interval }).
error-schedule-weekday = 요일을 알 수 없어요: { $days } (mon..sun).
error-schedule-weekdays-not-weekly = 요일은 매주 반복하는 일정에만 정할 수 있어요.
error-schedule-month-day = 날짜는 매달 반복하는 일정에 1에서 31 사이로 정해 주세요 ({ $day }).
error-schedule-time = 시각이 올바르지 않아요: { $hour }:{ $minute2 }.
error-schedule-zone = 알 수 없는 시간대예요: { $name }
error-schedule-beyond-calendar = 일정의 다음 날짜가 달력 끝(9999년)을 넘어요: { schedule }, { $after } 이후.
error-subscription-product-gone = 그 상품이 없어요.
error-subscribe-not-asked = 확인받은 정기 배송 요청이 없어요. 다시 말씀해 주세요.
error-subscribe-expired = 확인 시간이 지났어요. 다시 말씀해 주세요.
error-subscribe-pin-required = 정기 배송을 시작하려면 비밀번호 네 자리가 필요해요.
error-subscription-sku-not-sold = { $sku }는 더 이상 팔지 않는 상품이에요.
error-subscription-no-match = '{ $wanted }'에 맞는 상품이 없어요.
error-subscription-ambiguous = '{ $wanted }'에 맞는 상품이 여럿이에요 ({ $names }). SKU로 정해 주세요.
error-subscription-not-found = { $id }번 정기 배송이 없어요.
error-subscription-adults-only = 정기 배송은 어른만 신청하거나 바꿀 수 있어요.
error-subscription-not-sold = { $name }은(는) 더 이상 팔지 않는 상품이에요.
error-subscription-duplicate = 같은 일정의 { $name } 정기 배송이 이미 있어요: { $id }번{ $paused ->
        [yes] {" "}(멈춰 있어요: 'resume'으로 다시 시작할 수 있어요)
       *[no] {""}
    }.
error-subscription-state = { $id }번 정기 배송은 { $state ->
        [active] 진행 중이라
        [paused] 멈춰 있어서
       *[cancelled] 해지돼서
    } { $action ->
        [pause] 멈출
        [resume] 다시 시작할
        [cancel] 해지할
       *[skip] 건너뛸
    } 수 없어요.
error-subscription-period-taken = { $id }번 정기 배송의 이번 회차는 이미 처리됐어요.
error-period-taken = subscription { $id }: periods from { $first } were already recorded as missed
error-subscribe-ask-adult = 정기 배송은 어른만 신청할 수 있어요. 어른에게 부탁해 주세요.
error-schedule-at-option = --at: '{ $text }'은(는) 시각이 아니에요 (HH:MM, 00:00-23:59).
error-schedule-on-option = --on: 요일을 알 수 없어요: { $days } (mon..sun).
