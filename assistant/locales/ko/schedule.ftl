# How a recurring order repeats, and times of day (the schedule's fields:
# assistant/reorder/recurrence.py schedule_fields; a time of day: clock_fields).
## $freq: daily, weekly or monthly; $interval: every N days/weeks/months;
## $days: weekdays, weekend, all (the seven days) or list, with $day1..$day7 (mon..sun, none
## past $day_count); $month_day: 1..31, $short: yes when some months are shorter;
## $hour: 0..23, $hour12: 1..12, $half: am or pm, $minute: 0..59, $minute2: two digits.

time-of-day = { $hour ->
    [0] 밤 12시
    [12] 낮 12시
   *[other] { $half ->
        [am] 오전
       *[pm] 오후
    } { $hour12 }시
}{ $minute ->
    [0] {""}
   *[other] {" "}{ $minute }분
}
schedule-days = { $days ->
    [weekdays] 평일
    [weekend] 주말
   *[list] { $day1 ->
        [mon] 월
        [tue] 화
        [wed] 수
        [thu] 목
        [fri] 금
        [sat] 토
       *[sun] 일
    }{ $day2 ->
        [none] {""}
       *[other] ·{ $day2 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }{ $day3 ->
        [none] {""}
       *[other] ·{ $day3 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }{ $day4 ->
        [none] {""}
       *[other] ·{ $day4 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }{ $day5 ->
        [none] {""}
       *[other] ·{ $day5 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }{ $day6 ->
        [none] {""}
       *[other] ·{ $day6 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }{ $day7 ->
        [none] {""}
       *[other] ·{ $day7 ->
            [mon] 월
            [tue] 화
            [wed] 수
            [thu] 목
            [fri] 금
            [sat] 토
           *[sun] 일
        }
    }요일
}
schedule = { $freq ->
    [daily] { $interval ->
        [1] 매일
       *[other] { $interval }일마다
    }
    [weekly] { $interval ->
        [1] 매주
        [2] 격주
       *[other] { $interval }주마다
    } { $days ->
        [all] 매일
       *[other] { schedule-days }
    }
   *[monthly] { $interval ->
        [1] 매달
       *[other] { $interval }개월마다
    } { $month_day }일{ $short ->
        [yes] (짧은 달은 말일)
       *[no] {""}
    }
} { time-of-day }
