"""bench/natural_tasks.py: the cooperative user's decisions, the task bookkeeping and the
outcome check, with a fake conversation; then the ten sample tasks through real processes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from tests.conftest import ROOT, load_script

nt = load_script("natural_tasks", ROOT / "bench" / "natural_tasks.py")

SAMPLE = ROOT / "bench" / "natural" / "sample.yaml"


def option(number: int, sku: str, name: str, name_en: str, size: str) -> dict[str, Any]:
    return {"number": number, "sku": sku, "name": f"{name} {size}", "name_en": name_en,
            "size": size, "price": 1000}  # fmt: skip


MILK = option(1, "DAI-001", "서울우유 흰우유", "Seoul Milk Fresh Milk", "1L")
BIG_MILK = option(2, "DAI-006", "서울우유 흰우유", "Seoul Milk Fresh Milk Family Size", "2.3L")
MAEIL = option(3, "DAI-002", "매일우유 오리지널", "Maeil Original Milk", "900ml")
EGGS = option(1, "EGG-001", "풀무원 무항생제 특란", "Pulmuone Antibiotic Free Eggs", "30구")


def task(want: dict[str, Any], lang: str = "ko", **kw: Any) -> Any:
    return nt.Task(id=f"{lang}-t-001", kind=kw.pop("kind", "plain"), lang=lang,
                   say=kw.pop("say", "우유 주문해 줘"), want=want, **kw)  # fmt: skip


def choice(*options: dict[str, Any]) -> dict[str, Any]:
    return {"reply": "몇 번?", "intent": "order", "end": False, "waiting_for": "choice",
            "options": list(options), "basket": None, "item": None}  # fmt: skip


def question(lines: dict[str, int], waiting: str = "order") -> dict[str, Any]:
    names = {o["sku"]: o for o in (MILK, BIG_MILK, MAEIL, EGGS)}
    basket = {
        "lines": [{**{k: names[s][k] for k in ("sku", "name", "name_en", "size")},
                   "quantity": q, "unit": "팩"} for s, q in lines.items()],
        "total": 1000, "delivery": "home",
    }  # fmt: skip
    return {"reply": "주문할까요?", "intent": "order", "end": False, "waiting_for": waiting,
            "options": [], "basket": basket, "item": None}  # fmt: skip


DONE = {"reply": "주문했어요.", "intent": "confirm", "end": False, "waiting_for": None,
        "options": [], "basket": None, "item": None}  # fmt: skip


# -- the cooperative user ---------------------------------------------------------------------


def test_a_choice_is_answered_by_name_with_the_size_only_when_names_repeat() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 2}}]}))
    assert user.decide(choice(MILK, BIG_MILK, MAEIL)).line == "서울우유 흰우유 1L"
    user = nt.User(task({"orders": [{"lines": {"DAI-002": 1}}]}))
    assert user.decide(choice(MILK, BIG_MILK, MAEIL)).line == "매일우유 오리지널"
    english = nt.User(task({"orders": [{"lines": {"DAI-001": 2}}]}, lang="en"))
    assert english.decide(choice(MILK, MAEIL)).line == "Seoul Milk Fresh Milk"
    # another name starts with this one: the size tells them apart
    assert english.decide(choice(MILK, BIG_MILK)).line == "Seoul Milk Fresh Milk 1L"
    ramen = option(1, "NOO-001", "농심 신라면", "Nongshim Shin Ramyun", "5개입")
    cup = option(2, "NOO-002", "농심 신라면 큰사발", "Nongshim Shin Ramyun Big Bowl", "114g")
    user = nt.User(task({"orders": [{"lines": {"NOO-001": 1}}]}))
    assert user.decide(choice(ramen, cup)).line == "농심 신라면 5개입"


def test_a_name_not_understood_is_said_with_the_size_then_given_up() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-002": 1}}]}))
    asked = choice(MILK, MAEIL)
    said = [user.decide(asked).line for _ in range(3)]
    assert said == ["매일우유 오리지널", "매일우유 오리지널 900ml", "아니"]
    english = nt.User(task({"orders": [{"lines": {"EGG-001": 1}}]}, lang="en"))
    said = [english.decide(choice(EGGS, MILK)).line for _ in range(2)]
    assert said == ["Pulmuone Antibiotic Free Eggs"] * 2  # no Korean size in English


def test_no_wanted_option_is_a_no() -> None:
    user = nt.User(task({"orders": [{"lines": {"EGG-001": 1}}]}))
    decision = user.decide(choice(MILK, MAEIL))
    assert decision.line == "아니" and "no wanted product" in decision.note


def test_the_right_basket_is_a_yes_and_a_wrong_quantity_is_corrected_once() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 3}}]}))
    first = user.decide(question({"DAI-001": 2}))
    assert (first.line, first.wrong_quantity, first.wrong_product) == ("3개로 바꿔 줘", True, False)
    again = user.decide(question({"DAI-001": 2}))
    assert (again.line, again.wrong_quantity) == ("아니", True)
    assert user.decide(question({"DAI-001": 3})).line == "응"
    en = nt.User(task({"orders": [{"lines": {"DAI-001": 3}}]}, lang="en"))
    assert en.decide(question({"DAI-001": 1})).line == "make it 3"


def test_a_count_asked_as_whole_packs_is_a_pack_question_not_a_wrong_quantity() -> None:
    """ "햇반 3개" asked as "12개입 1박스로 할까요?": the line says the pieces said."""
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 2}}]}))
    asked = question({"DAI-001": 1})
    asked["basket"]["lines"][0]["said"] = 2
    decision = user.decide(asked)
    assert decision.line == "2개로 바꿔 줘"
    assert (decision.pack_question, decision.wrong_quantity) == (True, False)


def test_two_wanted_orders_are_said_yes_to_in_any_order_once_each() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 1}}, {"lines": {"EGG-001": 1}}]}))
    assert user.decide(question({"EGG-001": 1})).line == "응"
    again = user.decide(question({"EGG-001": 1}))
    assert again.line == "아니" and again.wrong_product  # eggs were ordered already
    assert user.decide(question({"DAI-001": 1})).line == "응"


def test_a_wrong_quantity_in_a_basket_of_several_names_the_line() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 1, "EGG-001": 2}}]}))
    decision = user.decide(question({"DAI-001": 1, "EGG-001": 1}))
    assert decision.line == "풀무원 무항생제 특란 2개로 바꿔 줘" and decision.wrong_quantity


def test_a_product_not_wanted_is_refused_and_counted() -> None:
    user = nt.User(task({"orders": [{"lines": {"DAI-001": 1}}]}))
    decision = user.decide(question({"DAI-006": 1}))
    assert (decision.line, decision.wrong_product) == ("아니", True)
    missing = nt.User(task({"orders": [{"lines": {"DAI-001": 1, "EGG-001": 1}}]}))
    dropped = missing.decide(question({"DAI-001": 1}))
    assert (dropped.line, dropped.incomplete, dropped.wrong_product) == ("아니", True, False)


def test_yes_only_to_what_the_task_wants() -> None:
    cancel = {**DONE, "waiting_for": "cancel"}
    assert nt.User(task({"cancelled": 1})).decide(cancel).line == "응"
    assert nt.User(task({"orders": [{"lines": {"DAI-001": 1}}]})).decide(cancel).line == "아니"
    sub = {"subscriptions": [{"sku": "DAI-001", "quantity": 2, "freq": "weekly",
                              "weekdays": ["tue", "fri"]}]}  # fmt: skip
    user = nt.User(task(sub))
    assert user.decide({**DONE, "waiting_for": "schedule"}).line == "매주 화요일하고 금요일"
    assert user.decide(question({"DAI-001": 2}, "subscription")).line == "응"
    offer = {**DONE, "waiting_for": "offer"}
    assert nt.User(task({"orders": [{"lines": {"DAI-001": 1}}]})).decide(offer).line is None
    assert nt.User(task({}), pin="2468").decide({**DONE, "waiting_for": "pin"}).line == "2468"
    assert nt.User(task({})).decide(DONE).line is None


# -- one task with a fake conversation --------------------------------------------------------


class FakeTalk:
    """Answers from a script: the line said -> the turn (a default when not listed)."""

    def __init__(self, script: dict[str, dict[str, Any]], default: dict[str, Any]) -> None:
        self.script, self.default, self.heard = script, default, []

    def say(self, line: str) -> dict[str, Any]:
        self.heard.append(line)
        return self.script.get(line, self.default)

    def close(self) -> str:
        return ""


def drive(
    db_url: str, t: Any, script: dict[str, Any], default: Any = DONE
) -> tuple[Any, list[str]]:
    talk = FakeTalk(script, default)
    return nt.run_task(t, talk, db_url), talk.heard


def test_bookkeeping_of_a_choice_then_an_order(db_url: str) -> None:
    t = task({"orders": [{"lines": {"DAI-001": 2}}]}, say="우유 두 개 주문해 줘")
    result, heard = drive(db_url, t, {"우유 두 개 주문해 줘": choice(MILK, BIG_MILK),
                                       "서울우유 흰우유 1L": question({"DAI-001": 2})})  # fmt: skip
    assert heard == ["우유 두 개 주문해 줘", "서울우유 흰우유 1L", "응"]
    assert result.user_turns == 3 and result.spending_questions == 1
    assert (result.wrong_product, result.wrong_quantity) == (0, 0)
    assert not result.success  # the fake placed nothing
    assert any("not placed" in e for e in result.errors)


def test_then_lines_answer_the_first_question_unjudged(db_url: str) -> None:
    t = task({"orders": [{"lines": {"DAI-001": 3}}]}, say="서울우유 두 개", then=("세 개로",))
    result, heard = drive(db_url, t, {"서울우유 두 개": question({"DAI-001": 2}),
                                       "세 개로": question({"DAI-001": 3})})  # fmt: skip
    assert heard == ["서울우유 두 개", "세 개로", "응"]
    assert result.wrong_quantity == 0 and result.spending_questions == 2


def test_a_negative_with_a_spending_question_fails(db_url: str) -> None:
    t = task({}, kind="negative", say="어제 우유 샀어")
    result, heard = drive(db_url, t, {"어제 우유 샀어": question({"DAI-001": 1})})
    assert heard == ["어제 우유 샀어", "아니"]
    assert result.spending_questions == 1 and not result.success
    quiet, _ = drive(db_url, t, {})
    assert quiet.success and quiet.spending_questions == 0 and quiet.user_turns == 1


def test_it_stops_after_eight_user_turns(db_url: str) -> None:
    t = task({"subscriptions": [{"sku": "DAI-001", "quantity": 1, "freq": "daily"}]})
    result, heard = drive(db_url, t, {}, default={**DONE, "waiting_for": "schedule"})
    assert len(heard) == nt.MAX_TURNS == result.user_turns
    assert heard[1:] == ["매일"] * (nt.MAX_TURNS - 1)


def test_the_outcome_is_compared_with_want() -> None:
    before = nt.Snapshot({1: ("placed", {"DAI-001": 1}, "home")}, {}, {})
    after = nt.Snapshot(
        {1: ("cancelled", {"DAI-001": 1}, "home"), 2: ("placed", {"EGG-001": 1}, "locker")},
        {"DAI-002": 2},
        {5: ("active", "RIC-001", 1, {"freq": "weekly", "weekdays": ["fri", "tue"]})},
    )
    want = {"orders": [{"lines": {"EGG-001": 1}, "delivery": "locker"}], "cancelled": 1,
            "cart": {"DAI-002": 2}, "subscriptions": [{"sku": "RIC-001", "quantity": 1,
            "freq": "weekly", "weekdays": ["tue", "fri"]}]}  # fmt: skip
    assert nt.outcome_errors(task(want), before, after, "order") == []
    home = {**want, "orders": [{"lines": {"EGG-001": 1}, "delivery": "home"}]}
    assert nt.outcome_errors(task(home), before, after, "order")
    fortnightly = {"sku": "RIC-001", "quantity": 1, "freq": "weekly", "interval": 2}
    assert nt.outcome_errors(task({"subscriptions": [fortnightly]}), before, after, "subscribe")
    assert nt.schedule_words(fortnightly, "ko") == "2주마다"
    assert nt.schedule_words({**fortnightly, "weekdays": ["mon"]}, "en") == (
        "every 2 weeks on Monday"
    )
    assert nt.outcome_errors(task({"intent": "receipt"}), before, before, "receipt") == []
    assert nt.outcome_errors(task({"intent": "receipt"}), before, before, "none")
    errors = nt.outcome_errors(task({}, kind="negative"), before, after, "none")
    assert any("unwanted order" in e for e in errors) and any("cart" in e for e in errors)


def test_tasks_load_with_their_language() -> None:
    tasks = nt.load_tasks([SAMPLE])
    assert len(tasks) == 10
    langs = {t.id: t.group for t in tasks}
    assert langs["sample-plain-001"] == "ko" and langs["sample-plain-002"] == "en"
    assert langs["sample-negative-002"] == "negatives"


# -- the real thing ---------------------------------------------------------------------------


def check_bookkeeping(results: Sequence[Any]) -> None:
    by_id = {r.task.id: r for r in results}
    assert len(by_id) == 10
    for r in results:
        assert r.user_turns >= 1 and r.transcript, r.task.id
        assert not any("traceback" in e or "no reply" in e for e in r.errors), r.errors
    for neg in ("sample-negative-001", "sample-negative-002"):
        assert by_id[neg].spending_questions == 0 and by_id[neg].success
    plain = by_id["sample-plain-001"]
    assert plain.success and plain.wrong_product == 0 and plain.spending_questions >= 1
    assert by_id["sample-reference-001"].success  # `before` is not counted


def test_the_sample_in_process() -> None:
    check_bookkeeping(nt.run_all(nt.load_tasks([SAMPLE]), in_process=True))


@pytest.mark.slow
def test_the_sample_through_real_processes(capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[str] = []
    progress: Callable[[Any], None] = lambda r: seen.append(r.task.id)  # noqa: E731
    results = nt.run_all(nt.load_tasks([SAMPLE]), jobs=2, progress=progress)
    check_bookkeeping(results)
    assert sorted(seen) == sorted(r.task.id for r in results)
    text = nt.report(results, ["bench/natural/sample.yaml"], "real process", 1.0, True)
    assert "commit:" in text and "| ko |" in text and "| negatives |" in text
