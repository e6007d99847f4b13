## issue 17: a newcomer's first hour (set-up errors, the daemon's placed orders, insights counts)

error-database-missing = { $path }에 데이터베이스가 없어요. `jangbogi demo init --db { $url }`으로 만들어 주세요.
error-postgres-driver-missing = PostgreSQL 데이터베이스({ $url })를 쓰려면 드라이버가 필요해요: pip install 'jangbogi[postgres]'

## jangbogi insights (numbers: plural rules), jangbogi catalog search

insights-orders = 주문 { $count }건
insights-product = { $count ->
        [1] 한 번 구매
       *[other] { $count }번 구매
    }{ $regular ->
        [yes] , { $days }일마다 (편차 { $spread })
       *[no] {""}
    }, 보통 { $quantity }개, 마지막 { $last }
insights-next = 다음 { $date } (확신도 { $confidence })
catalog-not-found = '{ $query }'에 맞는 상품이 카탈로그에 없어요

## what the set-up and admin commands print, in the user's language

cli-demo-ready = 데모 가구 '{ $household }'(구성원 '{ $member }'){ $created ->
        [yes] 를 만들었어요
       *[no] 는 이미 있어요
    }. 카탈로그: { $counted ->
        [yes] { $added }개 추가,{" "}
       *[no] {""}
    }{ $unchanged }개 그대로
cli-runs-due = 예정된 정기 배송 { $count }건: { $outcomes }
cli-runs-nothing = 없음
cli-run-status = { $status ->
        [placed] 주문
        [held] 보류
        [skipped] 건너뜀
        [missed] 놓침
       *[failed] 실패
    }
cli-run-outcome = { cli-run-status } { $count }
insights-flag-due = 지금필요
insights-flag-steady = 꾸준함
insights-flag-subscribed = 정기배송중
insights-usual = 평소 { $noun }: { $sku } { $name }
catalog-line-prices = { $price } (회원 { $member_price })
catalog-line-stock = 재고 { $stock }
