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

## what the set-up and admin commands print, in the user's language

cli-demo-ready = demo household '{ $household }' (member '{ $member }') { $created ->
        [yes] created
       *[no] already set up
    }; catalog: { $counted ->
        [yes] { $added } added,{" "}
       *[no] {""}
    }{ $unchanged } unchanged
cli-runs-due = { $count ->
        [one] 1 subscription due
       *[other] { $count } subscriptions due
    }: { $outcomes }
cli-runs-nothing = nothing
cli-run-status = { $status ->
        [placed] placed
        [held] held
        [skipped] skipped
        [missed] missed
       *[failed] failed
    }
cli-run-outcome = { cli-run-status } { $count }
insights-flag-due = DUE
insights-flag-steady = steady
insights-flag-subscribed = subscribed
insights-usual = usual { $noun }: { $sku } { $name }
catalog-line-prices = { $price } (member { $member_price })
catalog-line-stock = stock { $stock }
