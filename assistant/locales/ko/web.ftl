## the household's web page (jangbogi web): every word of its pages

web-site = 장보기
web-lang-ko = 한국어
web-lang-en = English
web-nav-orders = 주문 내역
web-nav-approvals = 승인
web-signed-in-as = { $household } · { $name }
web-sign-out = 로그아웃
web-signin-title = 로그인
web-signin-name = 이름
web-signin-password = 비밀번호
web-signin-household = 가구 이름 (여러 가구일 때만)
web-signin-submit = 로그인
web-signin-missing = 이름과 비밀번호를 모두 입력해 주세요.
web-orders-title = 주문 내역
web-orders-filter = 상태
web-orders-all = 전체
web-orders-show = 보기
web-orders-older = 이전 주문 보기
web-orders-none = 주문이 없어요.
web-col-order = 주문
web-col-date = 날짜
web-col-status = 상태
web-col-member = 주문한 사람
web-col-total = 금액
web-col-product = 상품
web-col-quantity = 수량
web-col-price = 단가
web-order-number = { $id }번
web-regular-price = 정가 { WON($amount) }
web-receipt-print = 인쇄하려면 브라우저의 인쇄 기능을 쓰세요.
web-back-to-orders = 주문 내역으로
web-approvals-title = 승인을 기다리는 주문
web-approvals-none = 승인을 기다리는 주문이 없어요.
web-approvals-from = { $name }의 주문 { $id }번
web-approve = 승인
web-reject = 거절
web-decided = 주문 { $id }번을 { $approved ->
        [yes] 승인했어요.
       *[no] 거절했어요.
    }
web-requests-title = 내가 부탁한 주문
web-requests-none = 아직 부탁한 주문이 없어요.
web-requests-waiting = 어른이 정하면 이 페이지가 알아서 바뀌어요.
web-error-title = 문제가 있어요
web-error-csrf = 이 양식은 만료되었거나 이 사이트에서 보낸 것이 아니에요. 페이지를 새로 고친 뒤 다시 해 주세요. 아무것도 바뀌지 않았어요.
web-error-signed-out = 먼저 로그인해 주세요. 아무것도 바뀌지 않았어요.
web-error-not-found = 그런 페이지나 주문이 없어요.
web-error-bad-status = 그런 주문 상태는 없어요: { $status }
web-error-server = 서버에서 문제가 생겼어요. 기록해 두었으니 잠시 뒤에 다시 해 주세요.
web-error-home = 처음으로

## rhythm
web-nav-rhythm = 구매 주기
web-rhythm-title = 우리 집 구매 주기
web-rhythm-none = 아직 산 게 없어서 보여 드릴 주기가 없어요.
web-rhythm-bought = { $count }번 샀어요, 보통 { $quantity }개씩
web-rhythm-every = { $known ->
        [yes] 약 { $days }일마다
       *[no] 한 번만 사서 아직 주기를 몰라요
    }
web-rhythm-last = 마지막 구매 { $date }
web-rhythm-next = 다음 예상 { $date } (신뢰도 { $percent }%)
web-rhythm-due = 곧 떨어질 것 같아요
web-chart-label = { $name } 구매 기록
web-chart-purchase = { $date }에 { $quantity }개 구매
web-chart-today = 오늘 { $date }
web-chart-predicted = 다음 예상 { $date }
web-running-out-title = 곧 떨어질 것
web-running-out-none = 지금은 떨어져 가는 게 없어 보여요.
web-running-out-item = 마지막으로 산 지 { $days }일 됐어요. 보통 { $interval }일마다 사요.
web-order-button = { $quantity }개 주문
web-confirm-title = 이대로 주문할까요?
web-confirm-expires = 이 질문은 { $seconds }초 동안만 유효해요. 그 뒤에는 아무것도 주문되지 않아요.
web-confirm-approval = 이 주문은 어른이 승인할 때까지 기다려요.
web-confirm-pin = 가구 PIN
web-confirm-again = 방금 같은 주문이 들어갔어요(주문 { $id }번). 확인하면 그 주문을 보여 드리고 새로 주문하지 않아요.
web-confirm-yes = 네, 주문할게요
web-confirm-no = 아니요, 돌아가기
web-buy-bad-form = 주문 양식이 올바르지 않아요. 구매 주기 페이지로 돌아가 다시 눌러 주세요. 아무것도 주문되지 않았어요.

## subscriptions
web-nav-subscriptions = 정기 배송
web-nav-notifications = 알림{ $count ->
        [0] {""}
       *[other] {" "}({ $count })
    }
web-subs-title = 정기 배송
web-subs-none = 아직 정기 배송이 없어요.
web-subs-adults-only = 정기 배송은 어른만 바꿀 수 있어요.
web-subs-state = { $state ->
        [active] 진행 중
        [paused] 일시 중지
       *[cancelled] 해지됨
    }
web-subs-next = { $scheduled ->
        [yes] 다음 주문: { $when }
       *[no] 예정된 주문 없음
    }
web-subs-last = { $status ->
        [placed] 지난번: 주문함
        [held] 지난번: 보류 (가격 인상)
        [skipped] 지난번: 건너뜀
        [missed] 지난번: 놓침
        [failed] 지난번: 주문 못 함
       *[none] 아직 주문 전
    }
web-subs-skip = 다음 한 번 건너뛰기
web-subs-pause = 일시 중지
web-subs-resume = 다시 시작
web-subs-cancel = 해지
web-subs-done = 정기 배송 { $id }번: { $action ->
        [pause] 일시 중지했어요.
        [resume] 다시 시작했어요.
        [skip] 다음 한 번을 건너뛰어요.
       *[cancel] 해지했어요.
    }
web-subs-cancel-title = 이 정기 배송을 해지할까요?
web-subs-cancel-warn = 더 이상 주문하지 않아요. 나중에 다시 받으려면 새로 만들어야 해요.
web-subs-cancel-yes = 네, 해지할게요
web-subs-cancel-keep = 아니요, 그대로 둘게요
web-notes-title = 알림
web-notes-none = 아직 알림이 없어요.
web-notes-unread = 새 알림
web-notes-read = 읽음으로 표시
web-notes-read-all = 모두 읽음으로 표시
web-notes-marked = { $count ->
        [0] 표시할 알림이 없었어요.
       *[other] 알림 { $count }개를 읽음으로 표시했어요.
    }

## account
web-nav-account = 계정
web-account-title = 가족 계정
web-account-adults-only = 가족 계정은 대표나 어른만 보고 바꿀 수 있어요. 아무것도 바뀌지 않았어요.
web-account-bad-form = { $field } 칸의 값을 쓸 수 없어요. 아무것도 바뀌지 않았어요.
web-account-bad-amount = { $field } 한도는 원 단위 금액이나, 한도가 없으면 "없음"이어야 해요. 아무것도 바뀌지 않았어요.
web-account-done = { $action ->
        [membership] 멤버십을 바꿨어요.
        [card] 카드를 추가했어요.
        [card-removed] 카드를 지웠어요.
        [card-default] 기본 카드를 바꿨어요.
        [place] 장소를 추가했어요.
        [place-removed] 장소를 지웠어요.
        [place-default] 기본 장소를 바꿨어요.
        [member] 가족을 추가했어요.
        [member-removed] 가족을 지웠어요.
       *[limits] 한도를 저장했어요.
    }
web-account-membership = 멤버십: { $active ->
        [yes] 사용 중 (회원가, 무료 배송)
       *[no] 사용 안 함
    }
web-account-membership-on = 멤버십 켜기
web-account-membership-off = 멤버십 끄기
web-account-cards = 카드
web-account-no-cards = 아직 카드가 없어요.
web-account-card = { $label } ····{ $last4 }
web-account-default = 기본
web-account-make-default = 기본으로
web-account-remove = 지우기
web-account-add = 추가
web-account-token = 결제사 토큰
web-account-token-hint = 카드 번호는 절대 입력하지 마세요. 결제사 토큰과 끝 네 자리만 입력해요.
web-account-last4 = 끝 네 자리
web-account-label = 이름표
web-account-as-default = 기본으로 쓰기
web-account-places = 배송 장소 (주문 배송지: { $kind ->
        [home] 집
        [locker] 무인 택배함
       *[store] 픽업 매장
    })
web-account-no-places = 아직 장소가 없어요.
web-account-kind = { $kind ->
        [home] 집
        [locker] 무인 택배함
        [store] 픽업 매장
       *[other] 종류
    }
web-account-detail = 주소나 안내
web-account-deliver-here = 여기로 배송
web-account-members = 가족과 구매 한도
web-account-role = { $role ->
        [owner] 대표
        [adult] 어른
        [child] 아이
       *[other] 역할
    }
web-account-name = 이름
web-account-per-order = 한 번 주문 한도 (원)
web-account-per-day = 하루 한도 (원)
web-account-limit-hint = 원 단위 금액, 한도가 없으면 "없음".
web-account-no-limit = 없음
web-account-save-limits = 한도 저장
web-account-add-member = 가족 추가
