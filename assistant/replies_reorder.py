"""How the assistant talks about subscriptions and notifications (Korean).

Kept beside :mod:`assistant.replies` (which is long enough); the dialog picks this module or
:mod:`assistant.replies_reorder_en` together with the other one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from assistant.nlu.numbers import to_native
from assistant.reorder.conversation import SubscribeRequest
from assistant.reorder.recurrence import describe_ko, time_ko
from assistant.reorder.service import NotificationView, Skipped, SubscriptionView
from assistant.replies import item, particle
from assistant.shop.pricing import won
from assistant.store.models import SubscriptionStatus

ASK_SCHEDULE = "언제마다 주문할까요? 예: '매주 월요일', '3일마다', '매달 1일 오전 9시'."
ASK_SCHEDULE_AGAIN = "일정을 알아듣지 못했어요. " + ASK_SCHEDULE
REPEAT_SUBSCRIBE = "정기 배송을 시작할까요?"
NOT_SUBSCRIBED = "알겠어요, 정기 배송을 만들지 않았어요."
KEPT = "알겠어요, 정기 배송을 그대로 둘게요."
NO_SUBSCRIPTIONS = "정기 배송이 없어요. 예: '매주 월요일마다 우유 한 팩 주문해 줘'."
WEEKDAY_KO = "월화수목금토일"


def local_date(when: datetime, tz: str) -> str:
    """'12월 7일 월요일' in the household's time zone."""
    local = when.astimezone(ZoneInfo(tz))
    return f"{local.month}월 {local.day}일 {WEEKDAY_KO[local.weekday()]}요일"


def local_date_time(when: datetime, tz: str) -> str:
    """'12월 7일 월요일 오전 9시'."""
    local = when.astimezone(ZoneInfo(tz))
    return f"{local_date(when, tz)} {time_ko(local.hour, local.minute)}"


def _is(word: str) -> str:
    return word + particle(word, "이에요", "예요")


def _price(unit_price: int, quantity: int, member: bool) -> str:
    total = won(unit_price * quantity)
    return f"회원가 {total}" if member else total


def confirm_subscribe(req: SubscribeRequest, tz: str, member_pricing: bool) -> str:
    """'매주 월요일 오전 9시에 달걀 30구 1판을 주문할게요. ... 정기 배송을 시작할까요?'"""
    return _subscribe_question(req, tz, member_pricing, None)


def repeat_subscribe(req: SubscribeRequest, tz: str, member_pricing: bool, where: str) -> str:
    """The subscription question asked again after an unclear answer, with where it goes
    ('… 한 번에 회원가 8,500원, 집으로 배송해요. 첫 주문은 3월 9일 월요일이에요. 정기 배송을
    시작할까요?')."""
    return _subscribe_question(req, tz, member_pricing, where)


def _subscribe_question(
    req: SubscribeRequest, tz: str, member_pricing: bool, where: str | None
) -> str:
    p = req.product
    what = item(p.name, req.quantity, p.unit)
    price = _price(req.unit_price, req.quantity, member_pricing)
    first = local_date(req.first_run_at, tz)
    goes = f", {where}." if where else ","
    return (
        f"{describe_ko(req.recurrence)}에 {what}{particle(what, '을', '를')} 주문할게요. "
        f"한 번에 {price}{goes} 첫 주문은 {_is(first)}. {REPEAT_SUBSCRIBE}"
    )


def subscribed(sub: SubscriptionView) -> str:
    first = local_date_time(sub.next_run_at, sub.timezone) if sub.next_run_at else ""
    return f"정기 배송을 시작했어요. 첫 주문은 {_is(first)}."


def _line(sub: SubscriptionView) -> str:
    what = item(sub.product.name, sub.quantity, sub.product.unit)
    text = f"{describe_ko(sub.recurrence)} {what}"
    if sub.status is SubscriptionStatus.PAUSED:
        return f"{text}(멈춤)"
    if sub.next_run_at is not None:
        text += f", 다음은 {local_date(sub.next_run_at, sub.timezone)}"
    return text


def subscriptions(subs: Sequence[SubscriptionView]) -> str:
    if not subs:
        return NO_SUBSCRIPTIONS
    if len(subs) == 1:
        return f"정기 배송이 하나 있어요: {_line(subs[0])}."
    count = to_native(len(subs), attributive=True) if len(subs) < 100 else str(len(subs))
    parts = "; ".join(f"{i}번 {_line(s)}" for i, s in enumerate(subs, 1))
    return f"정기 배송이 {count} 개 있어요: {parts}."


ASK_WHICH = {"cancel_subscription": "해지할까요", "pause_subscription": "멈출까요",
             "skip_subscription": "이번 배송을 건너뛸까요",
             "resume_subscription": "다시 시작할까요"}  # fmt: skip
NONE_TO = {"cancel_subscription": "해지할", "pause_subscription": "멈출",
           "skip_subscription": "건너뛸", "resume_subscription": "다시 시작할"}  # fmt: skip


def choose_subscription(subs: Sequence[SubscriptionView], action: str) -> str:
    parts = ", ".join(
        f"{i}번 {describe_ko(s.recurrence)} {s.product.name}" for i, s in enumerate(subs, 1)
    )
    return f"어느 정기 배송을 {ASK_WHICH[action]}? {parts}. 번호나 상품 이름으로 말씀해 주세요."


def choose_again(count: int) -> str:
    return f"1번부터 {count}번 중에서 번호나 상품 이름으로 골라 주세요."


def no_subscription_for(phrase: str) -> str:
    return f"'{phrase}' 정기 배송은 없어요."


def nothing_to(action: str) -> str:
    return f"{NONE_TO[action]} 정기 배송이 없어요."


def confirm_cancel(sub: SubscriptionView) -> str:
    what = item(sub.product.name, sub.quantity, sub.product.unit)
    return f"{describe_ko(sub.recurrence)} {what} 정기 배송을 해지할까요?"


def cancelled(sub: SubscriptionView) -> str:
    return f"{sub.product.name} 정기 배송을 해지했어요."


def paused(sub: SubscriptionView) -> str:
    return (
        f"{sub.product.name} 정기 배송을 멈췄어요. 다시 받으시려면 "
        "'정기 배송 다시 시작해 줘'라고 말씀해 주세요."
    )


def resumed(sub: SubscriptionView) -> str:
    first = local_date_time(sub.next_run_at, sub.timezone) if sub.next_run_at else ""
    return f"{sub.product.name} 정기 배송을 다시 시작했어요. 다음 주문은 {_is(first)}."


def skipped(s: Skipped) -> str:
    sub = s.subscription
    text = f"{local_date(s.period_at, sub.timezone)} {sub.product.name} 배송을 건너뛸게요."
    if sub.next_run_at is not None:
        text += f" 다음 배송은 {_is(local_date(sub.next_run_at, sub.timezone))}."
    return text


# -- notifications the runner left ---------------------------------------------------------


def _when(data: Mapping[str, Any], tz: str) -> str:
    try:
        return local_date(datetime.fromisoformat(str(data["period"])), tz) + " "
    except (KeyError, ValueError, TypeError):
        return ""


def _money(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return won(value) if isinstance(value, int) else "?"


def notification(n: NotificationView) -> str:
    """One notification as a sentence."""
    d, when = n.data, _when(n.data, n.timezone)
    product = str(d.get("product") or "정기 배송 상품")
    subj = f"{product}{particle(product, '이', '가')}"
    order = f" (주문 번호 {d['order_id']}번)" if d.get("order_id") is not None else ""
    match n.kind:
        case "placed":
            return f"{when}{product} 정기 배송을 주문했어요{order}. 합계 {_money(d, 'total')}."
        case "caught_up":
            missed = d.get("missed") or 0
            older = f" 그 전에 놓친 {missed}번은 주문하지 않았어요." if missed else ""
            return f"꺼져 있던 동안 밀린 {when}{product} 정기 배송을 지금 주문했어요{order}.{older}"
        case "held":
            return (
                f"{product} 가격이 {_money(d, 'old_price')}에서 {_money(d, 'new_price')}으로 "
                f"{d.get('pct', '?')}% 올라서 {when}정기 배송을 보류했어요."
            )
        case "out_of_stock":
            return f"{subj} 품절이라 {when}정기 배송을 건너뛰었어요."
        case "substituted":
            sub = str(d.get("substitute") or "비슷한 상품")
            instead = f"{sub}{particle(sub, '으로', '로')} 대신"
            return f"{subj} 품절이라 {when}정기 배송은 {instead} 주문했어요{order}."
        case "missed":
            last = _when({"period": d.get("last_period")}, n.timezone).strip()
            until = f" (마지막 {last})" if last else ""
            return f"꺼져 있던 동안 {product} 정기 배송 {d.get('count', 1)}번을 놓쳤어요{until}."
        case "failed":
            reason = str(d.get("reason") or "").strip()
            why = f": {reason}" if reason else "."
            return f"{when}{product} 정기 배송을 주문하지 못했어요{why}"
    return f"{product} 정기 배송 알림이 있어요."


def tell(notes: Sequence[NotificationView]) -> str:
    """'알림이 하나 있어요: ...' / '알림이 두 개 있어요: ...'."""
    if len(notes) == 1:
        lead = "알림이 하나 있어요"
    else:
        lead = f"알림이 {to_native(len(notes), attributive=True)} 개 있어요"
    return f"{lead}: " + " ".join(notification(n) for n in notes)
