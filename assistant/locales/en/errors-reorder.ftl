# Refusals about subscriptions and recurring orders (assistant/reorder/).
## A schedule's fields: schedule.ftl; $name / $name_en: a product's Korean / English name.

-schedule-refused = Sorry, I can't keep that schedule. Try 'every Monday' or 'every 3 days'.
-subscribe-unconfirmed = That order was not confirmed in time, so nothing was ordered. Please ask again.
-subscription-not-found = Sorry, I couldn't find that.

error-schedule-unreadable = { -schedule-refused }
error-schedule-freq = { -schedule-refused }
error-schedule-interval = { -schedule-refused }
error-schedule-weekday = { -schedule-refused }
error-schedule-weekdays-not-weekly = { -schedule-refused }
error-schedule-month-day = { -schedule-refused }
error-schedule-time = { -schedule-refused }
error-schedule-zone = { -schedule-refused }
error-schedule-beyond-calendar = { -schedule-refused }
error-subscription-product-gone = { -subscription-not-found }
error-subscribe-not-asked = { -subscribe-unconfirmed }
error-subscribe-expired = { -subscribe-unconfirmed }
error-subscribe-pin-required = Please say your four-digit PIN.
error-subscription-sku-not-sold = Sorry, that didn't work: { $sku } is no longer sold.
error-subscription-no-match = { -subscription-not-found }
error-subscription-ambiguous = Sorry, that didn't work: several products match '{ $wanted }' ({ $names }). Please choose one by its SKU.
error-subscription-not-found = { -subscription-not-found }
error-subscription-adults-only = Sorry, only an adult can do that.
error-subscription-not-sold = Sorry, that didn't work: { $name_en } is no longer sold.
error-subscription-duplicate = Sorry, that didn't work: there is already a regular delivery of { $name_en } on that schedule (number { $id }{ $paused ->
        [yes] , paused: 'resume' starts it again
       *[no] {""}
    }).
error-subscription-state = Sorry, that didn't work: regular delivery { $id } is { $state ->
        [active] active
        [paused] paused
       *[cancelled] cancelled
    }, so it can't be { $action ->
        [pause] paused
        [resume] resumed
        [cancel] cancelled
       *[skip] skipped
    }.
error-subscription-period-taken = Sorry, that didn't work: this period of regular delivery { $id } was already handled.
error-period-taken = Sorry, that didn't work: subscription { $id }: periods from { $first } were already recorded as missed
error-subscribe-ask-adult = Only an adult can start a regular delivery. Please ask an adult.
error-schedule-at-option = --at: '{ $text }' is not a time of day (HH:MM, 00:00-23:59).
error-schedule-on-option = --on: unknown weekdays: { $days } (mon..sun).
