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
