## what the household's commands print when they change something (member, household,
## approvals, orders advance, password, subscriptions, catalog import, db upgrade)

cli-no-limit = 한도 없음
cli-role = { $role ->
        [owner] 소유자
        [adult] 어른
       *[child] 아이
    }
cli-member-added = '{ $household }'에 구성원을 추가했어요: '{ $name }' ({ cli-role })
cli-member-row = { $name }	{ cli-role }	1회 { $per_order }	하루 { $per_day }
cli-member-removed = 구성원에서 뺐어요: '{ $name }'
cli-member-limits = { $name }: 1회 { $per_order }, 하루 { $per_day }
cli-household-created = 가구를 만들었어요: '{ $household }', 소유자 '{ $owner }' (멤버십 없음, 카드 없음)
cli-membership = '{ $household }' 멤버십: { $on ->
        [yes] 켜짐
       *[no] 꺼짐
    }{ $changed ->
        [yes] {""}
       *[no] {" "}(그대로)
    }
cli-default-mark = {" "}(기본)
cli-card-added = 카드 { $id }번을 등록했어요: { $label } ****{ $last4 }{ $default }
cli-address-added = { $kind ->
        [home] 집 주소
        [locker] 보관함
       *[store] 매장
    } { $id }번을 추가했어요: { $label }{ $default }
cli-item-removed = { $noun ->
        [card] 카드
       *[address] 주소
    } { $id }번을 지웠어요
cli-pin-ask = 새 비밀번호 네 자리:{" "}
cli-pin-again = 한 번 더:{" "}
cli-pin-set = '{ $household }'의 비밀번호를 정했어요. 말로 하는 구매는 이제 비밀번호를 물어요.
cli-pin-cleared = '{ $household }'의 비밀번호를 지웠어요.
cli-pin-unlocked = '{ $household }'의 말로 하는 구매 잠금을 풀었어요.
cli-order-decided = 주문 { $id }번을 '{ $by }'님이 { $approved ->
        [yes] 승인했어요
       *[no] 거절했어요
    }: { order-status }, { $total }
cli-nothing-to-advance = 진행할 주문이 없어요: 주문됐거나 배송 중인 주문이 없어요.
cli-order-advanced = 주문 { $id }번: { order-status }
cli-password-set = '{ $name }'의 비밀번호를 정했어요. 이제 가구 웹 페이지에 로그인할 수 있어요.
cli-password-removed = '{ $name }'의 비밀번호를 지웠어요. 이제 웹 페이지에 로그인할 수 없어요.
cli-subscription-next = 다음 { $when }
cli-subscription-last = 지난번 { cli-run-status }
cli-subscription-no-run = 아직 실행 전
cli-subscription-skipped = { $when } 건너뜀:{" "}
cli-schema-at = 스키마 { $revision }: { $url }
cli-catalog-summary = { $file }의 상품 { $count }개를 { $dry ->
        [yes] 확인했어요(바꾼 것은 없어요). 가져오면
       *[no] 가져왔어요.
    } 추가 { $added }, 변경 { $updated }, 그대로 { $unchanged }, 판매 중지 { $deactivated }
cli-catalog-retired = 파일에 없는 상품 { $count }개{ $dry ->
        [yes] 는 판매를 멈추게 돼요
       *[no] 는 판매를 멈췄어요(지난 주문에는 남아요)
    }:
cli-catalog-kept = 판매 중인 상품 { $count }개가 이 파일에 없어 계속 판매돼요. 판매를 멈추려면 --replace로 가져오세요(--replace --dry-run이 먼저 보여 줘요).
cli-subscription-done = { $action ->
        [add] 만들었어요
        [pause] 멈췄어요
        [resume] 다시 시작했어요
       *[cancel] 취소했어요
    }:{" "}
cli-listening = 마이크로 듣고 있어요({ $profile }). 먼저 '{ $wake_word }'라고 불러 주세요.
cli-no-microphone = 마이크가 없어서 글자로 대화할게요. 입력해 주세요('그만'이라고 하면 끝나요).
cli-no-audio-devices = 오디오 장치가 없어요(사운드 카드가 없거나 PortAudio가 찾지 못했어요). `jangbogi text`는 장치 없이도 돼요.
