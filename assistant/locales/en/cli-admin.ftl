## what the household's commands print when they change something (member, household,
## approvals, orders advance, password, subscriptions, catalog import, db upgrade)

cli-no-limit = no limit
cli-role = { $role ->
        [owner] owner
        [adult] adult
       *[child] child
    }
cli-member-added = added { cli-role } '{ $name }' to '{ $household }'
cli-member-row = { $name }	{ cli-role }	per order { $per_order }	per day { $per_day }
cli-member-removed = removed '{ $name }'
cli-member-limits = { $name }: per order { $per_order }, per day { $per_day }
cli-household-created = created household '{ $household }' with owner '{ $owner }' (not a member, no card)
cli-membership = membership of '{ $household }' { $on ->
        [yes] on
       *[no] off
    }{ $changed ->
        [yes] {""}
       *[no] {" "}(unchanged)
    }
cli-default-mark = {" "}(default)
cli-card-added = registered card { $id }: { $label } ****{ $last4 }{ $default }
cli-address-added = added { $kind ->
        [home] home
        [locker] locker
       *[store] store
    } { $id }: { $label }{ $default }
cli-item-removed = removed { $noun ->
        [card] card
       *[address] address
    } { $id }
cli-pin-ask = new 4-digit PIN:{" "}
cli-pin-again = again:{" "}
cli-pin-set = PIN set for '{ $household }'; spoken purchases ask for it
cli-pin-cleared = PIN cleared for '{ $household }'
cli-pin-unlocked = spoken purchases of '{ $household }' unlocked
cli-order-decided = order { $id } { $approved ->
        [yes] approved
       *[no] rejected
    } by '{ $by }': { $status }, { $total }
cli-nothing-to-advance = nothing to move along: no order is placed or shipped
cli-order-advanced = order { $id }: { $status }
cli-password-set = password of '{ $name }' set; they can sign in to the household's web page
cli-password-removed = password of '{ $name }' removed; they can no longer sign in to the web page
cli-subscription-next = next { $when }
cli-subscription-last = last { cli-run-status }
cli-subscription-no-run = no run yet
cli-subscription-skipped = skipped { $when }:{" "}
cli-schema-at = schema at { $revision }: { $url }
cli-catalog-summary = { $dry ->
        [yes] checked
       *[no] imported
    } { $count } products from { $file }: { $added } { $dry ->
        [yes] would be added
       *[no] added
    }, { $updated } { $dry ->
        [yes] would be updated
       *[no] updated
    }, { $unchanged } unchanged, { $deactivated } { $dry ->
        [yes] would be no longer sold
       *[no] no longer sold
    }
cli-catalog-retired = { $count ->
        [one] 1 product
       *[other] { $count } products
    } not in the file { $dry ->
        [yes] would be retired
       *[no] retired (kept for past orders)
    }:
cli-catalog-kept = { $count ->
        [one] 1 product on sale is
       *[other] { $count } products on sale are
    } not in this file and stay on sale; import with --replace to retire them (--replace --dry-run lists them first)
cli-subscription-done = { $action ->
        [add] created
        [pause] paused
        [resume] resumed
       *[cancel] cancelled
    }{" "}
cli-listening = listening on the microphone ({ $profile }); say '{ $wake_word }' first
cli-no-microphone = no microphone found: starting the text conversation (type; '그만' ends)
cli-no-audio-devices = no audio devices found (no sound card, or PortAudio sees none); `jangbogi text` works without one
