## issue 17: a newcomer's first hour (set-up errors, the daemon's placed orders, insights counts)

error-database-missing = There is no database at { $path }; create it with `jangbogi demo init --db { $url }`.
error-postgres-driver-missing = A PostgreSQL database ({ $url }) needs its driver: pip install 'jangbogi[postgres]'

## jangbogi insights (numbers: plural rules), jangbogi catalog search

insights-orders = { $count ->
        [one] 1 order
       *[other] { $count } orders
    }
insights-product = { $count ->
        [one] bought once
       *[other] bought { $count } times
    }{ $regular ->
        [yes] , every { $days ->
            [one] day
           *[other] { $days } days
        } (spread { $spread })
       *[no] {""}
    }, usually { $quantity }, last { $last }
insights-next = next { $date } (confidence { $confidence })
catalog-not-found = '{ $query }': not in the catalog
