# How a recurring order repeats, and times of day (the schedule's fields:
# assistant/reorder/recurrence.py schedule_fields; a time of day: clock_fields).
## $freq: daily, weekly or monthly; $interval: every N days/weeks/months;
## $days: weekdays, weekend, all (the seven days) or list, with $day1..$day7 (mon..sun, none
## past $day_count); $month_day: 1..31, $short: yes when some months are shorter;
## $hour: 0..23, $hour12: 1..12, $half: am or pm, $minute: 0..59, $minute2: two digits.

time-of-day = { $minute ->
    [0] { $hour ->
        [0] midnight
        [12] noon
       *[other] { $hour12 } { $half }
    }
   *[other] { $hour12 }:{ $minute2 } { $half }
}
schedule-days = { $days ->
    [weekdays] weekdays
    [weekend] weekends
   *[list] { $day1 ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }{ $day2 ->
        [none] {""}
       *[other] { $day_count ->
            [2] {" and "}
           *[other] {", "}
        }{ $day2 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }{ $day3 ->
        [none] {""}
       *[other] { $day_count ->
            [3] {" and "}
           *[other] {", "}
        }{ $day3 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }{ $day4 ->
        [none] {""}
       *[other] { $day_count ->
            [4] {" and "}
           *[other] {", "}
        }{ $day4 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }{ $day5 ->
        [none] {""}
       *[other] { $day_count ->
            [5] {" and "}
           *[other] {", "}
        }{ $day5 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }{ $day6 ->
        [none] {""}
       *[other] { $day_count ->
            [6] {" and "}
           *[other] {", "}
        }{ $day6 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }{ $day7 ->
        [none] {""}
       *[other] { $day_count ->
            [7] {" and "}
           *[other] {", "}
        }{ $day7 ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
           *[sun] Sunday
        }
    }
}
schedule = { $freq ->
    [daily] { $interval ->
        [1] every day
       *[other] every { $interval } days
    }
    [weekly] { $interval ->
        [1] every { $days ->
            [weekdays] weekday
            [weekend] weekend
           *[other] { schedule-days }
        }
        [2] every other week on { schedule-days }
       *[other] every { $interval } weeks on { schedule-days }
    }
   *[monthly] on the { $month_day }{ $month_day ->
        [1] st
        [2] nd
        [3] rd
        [21] st
        [22] nd
        [23] rd
        [31] st
       *[other] th
    }{ $short ->
        [yes] {" "}(the last day in shorter months)
       *[no] {""}
    } of { $interval ->
        [1] every month
       *[other] every { $interval } months
    }
} at { time-of-day }
