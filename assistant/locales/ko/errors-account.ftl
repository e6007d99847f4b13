# Refusals of the account commands, household look-ups and catalog files
# (assistant/shop/accounts.py, household.py, history.py, controls.py, catalog_file.py, typed_text.py).
# A catalog message starts with where: "{ $path } { $line }번째 줄 '{ $field }' 칸: ".

-card-number = 카드 번호로 보이는 숫자가 있어요 (13자리 이상, 공백·점·대시·밑줄로 나뉜 숫자도 이어서 셉니다). 카드는 결제 대행사의 토큰과 끝 네 자리만 보관해요 (카드 번호가 아니라면 숫자 사이에 글자나 쉼표를 넣어 주세요)
-make-household = 'jangbogi household create'나 'jangbogi demo init'으로 만들어 주세요

error-typed-card-number =
    { $what ->
        [household-name] 가구 이름
        [owner-name] 주인 이름
        [time-zone] 시간대
        [member-name] 구성원 이름
       *[other] { $what }
    }에 { -card-number }. 아무것도 저장하지 않았어요.
error-typed-hidden-character =
    { $what ->
        [household-name] 가구 이름
        [owner-name] 주인 이름
        [time-zone] 시간대
        [member-name] 구성원 이름
       *[other] { $what }
    }의 { $position }번째 글자가 보이지 않는 문자나 제어 문자예요 ({ $codepoint }, { $char ->
        [tab] 탭
        [line-break] 줄바꿈
        [nul] NUL
        [not-utf8] UTF-8이 아닌 바이트
        [control] 제어 문자
       *[other] { $char }
    }). 그 글자를 빼고 다시 입력해 주세요. 아무것도 저장하지 않았어요.
error-no-household = 아직 가구가 없어요. { -make-household }.
error-household-not-found = '{ $name }' 가구가 없어요. { -make-household }.
error-household-names = 가구 이름과 주인 이름은 각각 1자에서 { $most }자까지여야 해요.
error-household-exists = '{ $name }' 가구는 이미 있어요.
error-unknown-time-zone = '{ $zone }'{ PARTICLE($zone, "은") } 알 수 없는 시간대예요 (예: Asia/Seoul).
error-member-not-found = '{ $household }'에 '{ $name }' 구성원이 없어요.
error-no-such-member = '{ $name }' 구성원이 없어요. 'jangbogi demo init'을 참고해 주세요.
error-member-ambiguous = '{ $name }' 구성원이 여러 가구에 있어요.
error-no-owner = '{ $household }'에 주인이 없어요. { $option } 이름으로 구성원을 정해 주세요.
error-member-name = 구성원 이름은 1자에서 { $most }자까지여야 해요.
error-member-exists = '{ $household }'에 이미 '{ $name }' 구성원이 있어요.
error-only-owner = '{ $name }'님은 '{ $household }'의 하나뿐인 주인이라 뺄 수 없어요.
error-member-has-history = '{ $name }'님의 주문이나 정기 배송이 남아 있어서 구성원도 그대로 둬요.
error-limit-range =
    { $which ->
        [per-order] 한 번 주문 한도
       *[per-day] 하루 주문 한도
    }는 1원부터 { WON($most) }까지 정할 수 있어요 (없애려면 'none').
error-setting-range = { $name } 설정은 { NUMBER($low, useGrouping: "true") }부터 { NUMBER($high, useGrouping: "true") }까지만 정할 수 있어요.
error-card-token-format = 카드 토큰은 영문자, 숫자, _ : . - 로 된 6자에서 128자까지여야 해요.
error-card-last4-format = --last4는 숫자 네 자리여야 해요.
error-card-label-length = --label은 { $most }자까지 쓸 수 있어요.
error-card-token-taken = 이미 등록된 카드 토큰이에요.
error-card-not-found = '{ $household }'에 { $payment_id }번 카드가 없어요.
error-address-format = 주소에는 이름(1자에서 { $most_label }자까지)과 상세 주소({ $most_detail }자까지)가 필요해요.
error-address-not-found = '{ $household }'에 { $address_id }번 주소가 없어요.
error-join-adults-only = 멤버십 가입은 어른만 할 수 있어요.
error-pin-format = 비밀번호는 숫자(0-9) 네 자리여야 해요.
error-pins-differ = 두 번 입력한 비밀번호가 달라서 아무것도 바꾸지 않았어요.
error-password-format = 웹 비밀번호는 { $least }자에서 { $most }자까지, 제어 문자 없이 정해야 해요. 아무것도 바꾸지 않았어요.
error-passwords-differ = 두 번 입력한 웹 비밀번호가 달라서 아무것도 바꾸지 않았어요.
error-password-on-command-line = 비밀번호는 명령줄로 받지 않아요 (셸 기록에 남아요). 물어볼 때 입력하거나 표준 입력으로 넘겨 주세요. 아무것도 바꾸지 않았어요.
error-sign-in-failed = 이름이나 비밀번호가 맞지 않아요.
error-sign-in-locked = 비밀번호가 여러 번 틀려서 { $until_local }까지 이 구성원으로 로그인할 수 없어요 ({ $minutes }분).
error-advance-which = 진행할 주문 번호를 적거나 --all을 붙여 주세요.

error-catalog-card-number = { $path } { $line }번째 줄 '{ $field }' 칸: { -card-number }.
error-catalog-hidden-character =
    { $path } { $line }번째 줄 '{ $field }' 칸: { $position }번째 글자가 보이지 않는 문자나 제어 문자예요 ({ $codepoint }, { $char ->
        [tab] 탭
        [line-break] 줄바꿈
        [nul] NUL
        [not-utf8] UTF-8이 아닌 바이트
        [control] 제어 문자
       *[other] { $char }
    }). 그 글자를 빼고 다시 써 주세요.
error-catalog-empty-field = { $path } { $line }번째 줄 '{ $field }' 칸: 비어 있으면 안 돼요.
error-catalog-text-too-long = { $path } { $line }번째 줄 '{ $field }' 칸: { $most }자보다 길어요.
error-catalog-not-a-number = { $path } { $line }번째 줄 '{ $field }' 칸: 정수여야 하는데 '{ $value }'{ PARTICLE($value, "이") } 있어요.
error-catalog-number-range = { $path } { $line }번째 줄 '{ $field }' 칸: { $number }{ PARTICLE($number, "은") } { $low }..{ $high } 범위를 벗어나요.
error-catalog-bad-sku = { $path } { $line }번째 줄 '{ $field }' 칸: '{ $value }'{ PARTICLE($value, "은") } DAI-001 같은 형식이 아니에요.
error-catalog-bad-unit = { $path } { $line }번째 줄 '{ $field }' 칸: '{ $value }'{ PARTICLE($value, "은") } 세는 단위가 아니에요 ({ $units }).
error-catalog-bad-size = { $path } { $line }번째 줄 '{ $field }' 칸: '{ $value }'{ PARTICLE($value, "은") } 1L, 30구, 2kg 같은 크기가 아니에요.
error-catalog-empty-alias = { $path } { $line }번째 줄 '{ $field }' 칸: '|' 사이에 빈 별칭이 있어요.
error-catalog-member-price = { $path } { $line }번째 줄 '{ $field }' 칸: 회원가 { $member_price }{ PARTICLE($member_price, "이") } 정가 { $price }보다 높아요.
error-catalog-bad-rating = { $path } { $line }번째 줄 '{ $field }' 칸: '{ $value }'{ PARTICLE($value, "은") } 0.0..5.0 사이의 평점이 아니에요.
error-catalog-file-too-large = { $path }: 파일이 { $megabytes }MB보다 커요. 카탈로그 파일이 맞나요?
error-catalog-no-file = { $path }: 그런 파일이 없어요.
error-catalog-is-directory = { $path }: 파일이 아니라 폴더예요.
error-catalog-not-utf8 = { $path } { $line }번째 줄: UTF-8 텍스트가 아니에요.
error-catalog-unreadable = { $path }: 파일을 읽을 수 없어요 ({ $reason }).
error-catalog-line-too-long = { $path } { $line }번째 줄 '{ $field }' 칸: 줄이 { NUMBER($length, useGrouping: "true") }자예요. 카탈로그 한 줄은 { NUMBER($most, useGrouping: "true") }자, 한 칸은 { $most_field }자까지예요.
error-catalog-empty-file = { $path }: 파일이 비어 있어요.
error-catalog-not-csv = { $path } { $line }번째 줄: 올바른 CSV가 아니에요 ({ $reason }).
error-catalog-open-quote = { $path } { $line }번째 줄: 따옴표로 묶은 칸이 줄을 넘어가요. 따옴표를 닫아 주세요.
error-catalog-missing-columns = { $path } { $line }번째 줄(머리글): { $missing } 열이 없어요. 머리글은 { $expected }여야 해요.
error-catalog-column-order = { $path } { $line }번째 줄(머리글): 열의 순서가 다르거나 남는 열이 있어요. 머리글은 { $expected }여야 해요.
error-catalog-field-count = { $path } { $line }번째 줄 '{ $field }' 칸: 칸이 { $expected }개여야 하는데 { $found }개예요.
error-catalog-duplicate-sku = { $path } { $line }번째 줄 '{ $field }' 칸: { $sku }{ PARTICLE($sku, "은") } 이미 { $first_line }번째 줄에서 썼어요.
error-catalog-duplicate-name = { $path } { $line }번째 줄 '{ $field }' 칸: { $first_line }번째 줄과 이름·크기가 같아요.
error-catalog-no-products = { $path }: 머리글만 있고 상품이 없어요.
