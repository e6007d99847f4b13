"""How the assistant says things (Korean). Pure functions from values to one-line text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from assistant.errors import JangbogiError
from assistant.locales import say_for
from assistant.nlu.numbers import to_native
from assistant.nlu.schema import Schedule
from assistant.shop.accounts import AccountView
from assistant.shop.advisor import ComingUp, DueItem, SubscriptionOffer
from assistant.shop.orders import STATUS_KO, OrderView
from assistant.shop.pricing import MAX_QUANTITY, Quote, won
from assistant.shop.receipt import Receipt
from assistant.shop.service import CartItem, ProductView
from assistant.store.models import DeliveryKind, OrderStatus

NOT_SHOPPING = "죄송해요, 저는 장보기만 도와드릴 수 있어요. 예: '우유 두 개 주문해 줘'."
HELP = (
    "이렇게 말씀해 보세요: '우유 두 개 주문해 줘', '계란 한 판 장바구니에 담아 줘', "
    "'장바구니 보여 줘', "
    "'장바구니 주문해 줘', '주문 상태 알려 줘', '마지막 주문 취소해 줘', '뭐 사야 돼?', "
    "'늘 사던 걸로 주문해 줘', '그만'."
)
EMPTY = "잘 못 들었어요. 다시 말씀해 주세요."
TOO_LONG = "말씀이 너무 길어요. 한 번에 한 가지씩 짧게 말씀해 주세요."
BYE = "안녕히 계세요."
ASK_YES_NO = "'응' 또는 '아니'로 대답해 주세요."
EXPIRED = "확인 시간이 지나서 이전 요청은 취소했어요."
NOTHING_TO_CONFIRM = "지금 확인할 주문이 없어요."
NOT_ORDERED = "알겠어요, 주문하지 않았어요."
NOT_CANCELLED = "알겠어요, 주문을 그대로 둘게요."
EMPTY_CART = "장바구니가 비어 있어요."
NO_ORDERS = "아직 주문하신 게 없어요."
NO_OPEN_ORDER = "취소할 수 있는 주문이 없어요."
ASK_PRODUCT = "어떤 상품을 말씀하시는 건지 다시 말씀해 주세요."


def particle(word: str, with_final: str, without_final: str) -> str:
    """Pick a Korean particle by whether ``word`` ends in a final consonant (을/를, 은/는)."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if "가" <= last <= "힣":
        has_final = (ord(last) - 0xAC00) % 28 != 0
    else:
        has_final = last.isdigit() and last in "013678"
    return with_final if has_final else without_final


def item(name: str, quantity: int, unit: str) -> str:
    return f"{name} {quantity}{unit}"


def price_phrase(q: Quote) -> str:
    text = f"회원가 {won(q.total)}" if q.member_pricing else won(q.total)
    if q.delivery_fee:
        text += f"(배송비 {won(q.delivery_fee)} 포함)"
    return text


def confirm_order(q: Quote, notes: str = "") -> str:
    if len(q.lines) == 1:
        ln = q.lines[0]
        what = item(ln.name, ln.quantity, ln.unit)
    else:
        what = f"{q.lines[0].name} 외 {len(q.lines) - 1}개 상품"
    return f"{what}, {price_phrase(q)}입니다.{notes} 주문할까요?"


def placed(order: OrderView, new: bool) -> str:
    lead = "주문했어요" if new else "이미 주문된 건이에요"
    return f"{lead}. 주문 번호 {order.id}번, 합계 {won(order.total)}."


def order_summary(order: OrderView) -> str:
    first = order.lines[0]
    what = item(first.name, first.quantity, first.unit)
    if len(order.lines) > 1:
        what += f" 외 {len(order.lines) - 1}개"
    return what


def status(order: OrderView) -> str:
    return (
        f"{order.id}번 주문({order_summary(order)}, {won(order.total)})은 "
        f"{STATUS_KO[order.status]} 상태예요."
    )


def confirm_cancel(order: OrderView) -> str:
    return f"{order.id}번 주문({order_summary(order)}, {won(order.total)})을 취소할까요?"


def cancelled(order: OrderView) -> str:
    return f"{order.id}번 주문을 취소했어요."


def choose(
    phrase: str,
    options: Sequence[ProductView],
    member_pricing: bool,
    total: int | None = None,
) -> str:
    parts = []
    for i, p in enumerate(options, 1):
        price = p.member_price if member_pricing else p.price
        parts.append(f"{i}번 {p.name} {won(price)}")
    topic = f"{phrase}{particle(phrase, '은', '는')}"
    if total is not None and total > len(options):
        lead = f"{topic} {total}가지가 있어요. 평점 높은 {len(options)}가지:"
    else:
        lead = f"{topic} {len(options)}가지가 있어요:"
    return f"{lead} " + ", ".join(parts) + ". 몇 번으로 할까요?"


def choose_again(count: int) -> str:
    return f"1번부터 {count}번 중에서 번호나 이름으로 골라 주세요."


def not_sold(phrase: str) -> str:
    return f"'{phrase}'{particle(phrase, '은', '는')} 저희 상품 목록에 없어요."


def added(entry: CartItem, count: int, quantity: int) -> str:
    p = entry.product
    return (
        f"{item(p.name, quantity, p.unit)}{particle(p.unit, '을', '를')} 장바구니에 담았어요. "
        f"지금 장바구니에 {count}가지 상품이 있어요."
    )


def removed(product: ProductView, left: int) -> str:
    if left:
        obj = particle(product.name, "을", "를")
        return f"{product.name}{obj} 덜어서 {left}{product.unit} 남았어요."
    return f"{product.name}{particle(product.name, '을', '를')} 장바구니에서 뺐어요."


def cart(items: Sequence[CartItem], q: Quote) -> str:
    lines = ", ".join(
        f"{item(i.product.name, i.quantity, i.product.unit)} {won(ln.line_total)}"
        for i, ln in zip(items, q.lines, strict=True)
    )
    return f"장바구니: {lines}. 합계 {price_phrase(q)}."


def confirm_checkout(q: Quote, notes: str = "") -> str:
    return f"장바구니 {len(q.lines)}가지 상품, {price_phrase(q)}입니다.{notes} 주문할까요?"


NOT_YET = {
    "membership": "멤버십 가입과 혜택 안내",
    "set_delivery": "배송 방법 바꾸기",
}


def not_available(intent: str) -> str:
    what = NOT_YET.get(intent, "그 요청")
    topic = f"{what}{particle(what, '은', '는')}"
    return f"{topic} 아직 도와드릴 수 없어요. 주문과 장바구니는 도와드릴게요."


def confirm_reorder(last: OrderView, q: Quote, notes: str = "") -> str:
    return f"지난 {last.id}번 주문과 같이 {confirm_order(q, notes)}"


def product_info(p: ProductView, count: int) -> str:
    stars = f"평점 {p.rating_tenths / 10:.1f}점, 리뷰 {p.rating_count:,}개"
    stock = "품절이에요" if p.stock == 0 else f"재고 {p.stock}{p.unit}"
    member = f", 회원가 {won(p.member_price)}" if p.member_price < p.price else ""
    more = f" (비슷한 상품 {count - 1}가지 더 있어요)" if count > 1 else ""
    return f"{p.name}: {won(p.price)}{member}, {stars}, {stock}.{more}"


def deals(products: Sequence[ProductView], member_pricing: bool, member: bool = False) -> str:
    if not products:
        return "지금은 회원 할인 상품이 없어요."
    parts = [f"{p.name} {won(p.price)} → 회원가 {won(p.member_price)}" for p in products]
    lead = "회원 할인 상품이에요" if member_pricing else "회원이시면 이렇게 싸게 살 수 있어요"
    if member and not member_pricing:
        lead = "카드를 등록하시면 이렇게 싸게 살 수 있어요"
    return f"{lead}: " + ", ".join(parts) + "."


def not_in_cart(phrase: str) -> str:
    return f"장바구니에 '{phrase}'{particle(phrase, '은', '는')} 없어요."


MAX_NAMED = 3
"""A question asked again names at most this many lines, then how many more."""
DELIVERY_NOUN_KO = {DeliveryKind.HOME: "집 배송", DeliveryKind.LOCKER: "사물함 배송",
                    DeliveryKind.STORE: "매장 픽업"}  # fmt: skip


def lines_phrase(lines: Sequence[tuple[str, int, str]]) -> str:
    """'서울우유 흰우유 1L 2팩, 풀무원 … 1판 외 2개 상품' from (name, quantity, unit)."""
    named = ", ".join(item(*ln) for ln in lines[:MAX_NAMED])
    more = len(lines) - MAX_NAMED
    return f"{named} 외 {more}개 상품" if more > 0 else named


def where_phrase(kind: DeliveryKind, label: str | None) -> str:
    """'집으로 배송해요', '사물함(망원역 무인 택배함)으로 보내요', '망원점에서 찾아가시면 돼요'."""
    if kind is DeliveryKind.HOME:
        return "집으로 배송해요"
    if kind is DeliveryKind.LOCKER:
        return f"{place_phrase(kind, label)}으로 보내요"
    return f"{label or '매장'}에서 찾아가시면 돼요"


def repeat_order(q: Quote, place: str | None, needs_approval: bool = False) -> str:
    """An order question asked again after an unclear answer: what, how many, the total and
    where, so that the "응" that follows is to something said ('서울우유 흰우유 1L 2팩, 회원가
    5,580원, 집으로 배송해요. 주문할까요?')."""
    what = lines_phrase([(ln.name, ln.quantity, ln.unit) for ln in q.lines])
    total = price_phrase(q) if len(q.lines) == 1 else f"모두 {price_phrase(q)}"
    approval = " 어른이 승인하면 주문돼요." if needs_approval else ""
    return f"{what}, {total}, {where_phrase(q.delivery, place)}.{approval} 주문할까요?"


def repeat_cancel(order: OrderView) -> str:
    """A cancellation asked again: the order's lines, total and delivery."""
    what = lines_phrase([(ln.name, ln.quantity, ln.unit) for ln in order.lines])
    return (
        f"{order.id}번 주문({what}, {won(order.total)}, {DELIVERY_NOUN_KO[order.delivery]})을 "
        "취소할까요?"
    )


DATABASE_BUSY = (
    "지금 다른 기기에서 주문을 처리하고 있어서 쓸 수 없어요. 아무것도 바뀌지 않았어요. "
    "잠시 후 다시 말씀해 주세요."
)
DATABASE_UNAVAILABLE = "지금은 주문 정보를 쓸 수 없어요. 아무것도 바뀌지 않았어요."


def error(exc: Exception) -> str:
    """The shop's refusals: a code's message, or the Korean they were written in."""
    if isinstance(exc, JangbogiError) and exc.code is not None:
        return say_for("ko").error(exc)
    return str(exc)


def not_a_count(said: str) -> str:
    """A quantity that is not a whole count ("0.5개", "1e9개"): refused as heard."""
    return f"수량은 1에서 {MAX_QUANTITY} 사이의 개수로 말씀해 주세요 (들은 수량: {said})."


# -- accounts, delivery, purchase controls (issue 5) ---------------------------

ASK_PIN = "비밀번호 네 자리를 말씀해 주세요."
ASK_PIN_AGAIN = "비밀번호 네 자리를 숫자로 말씀해 주세요. 그만두려면 '아니'라고 해 주세요."
NO_APPROVALS = "승인을 기다리는 주문이 없어요."
APPROVAL_KEPT = "알겠어요, 그 주문은 그대로 승인을 기다려요."
NOT_JOINED = "알겠어요, 가입하지 않았어요."
ASK_DELIVERY = "어디로 받으실지 '집', '사물함', '매장' 중에서 말씀해 주세요."
REGISTER_CARD = "카드를 등록하시면 회원가가 자동으로 적용돼요."
KIND_KO = {DeliveryKind.HOME: "집", DeliveryKind.LOCKER: "사물함", DeliveryKind.STORE: "매장 픽업"}
STATE_KO = {
    OrderStatus.PLACED: "주문 접수 상태예요",
    OrderStatus.SHIPPED: "배송 중이에요",
    OrderStatus.DELIVERED: "배송이 끝났어요",
    OrderStatus.CANCELLED: "취소 상태예요",
    OrderStatus.PENDING_APPROVAL: "어른의 승인을 기다리고 있어요",
    OrderStatus.REJECTED: "승인이 거절되어 주문되지 않았어요",
}


def place_phrase(kind: DeliveryKind, label: str | None) -> str:
    """'집', '사물함(망원역 무인 택배함)', '매장 픽업(망원점)'."""
    return f"{KIND_KO[kind]}({label})" if label and kind is not DeliveryKind.HOME else KIND_KO[kind]


def purchase_notes(q: Quote, needs_approval: bool, place: str | None = None) -> str:
    """What to add before "주문할까요?": where it goes, the member saving, approval."""
    notes = []
    if place:
        notes.append(f"{place}으로 받아요.")
    if q.potential_savings > 0:
        if q.membership_active:
            notes.append(f"카드를 등록하시면 {won(q.potential_savings)} 더 저렴해요.")
        else:
            notes.append(f"회원이시면 {won(q.potential_savings)} 더 저렴해요.")
    if needs_approval:
        notes.append("어른이 승인하면 주문돼요.")
    return "".join(" " + n for n in notes)


def receipt_sentence(r: Receipt, new: bool) -> str:
    """The e-receipt in one spoken sentence."""
    lead = "주문했어요" if new else "이미 주문된 건이에요"
    first = r.lines[0]
    what = item(first.name, first.quantity, first.unit)
    if len(r.lines) > 1:
        what += f" 외 {len(r.lines) - 1}개"
    extras = []
    if r.member_savings:
        extras.append(f"회원 할인 {won(r.member_savings)}")
    if r.delivery_fee:
        extras.append(f"배송비 {won(r.delivery_fee)} 포함")
    total = won(r.total) + (f"({', '.join(extras)})" if extras else "")
    where = where_phrase(r.delivery, r.delivery_place)
    paid = f"카드 {r.payment_last4}로 결제하고 " if r.payment_last4 else ""
    return f"{lead}. 주문 번호 {r.order_id}번, {what}, 합계 {total}, {paid}{where}."


def waiting_approval(order: OrderView) -> str:
    return (
        f"어른의 승인을 기다리는 주문으로 남겼어요. 주문 번호 {order.id}번, "
        f"합계 {won(order.total)}. 어른이 승인하면 주문돼요."
    )


def duplicate(order: OrderView) -> str:
    return (
        f"방금 같은 주문을 받았어요(주문 번호 {order.id}번, 합계 {won(order.total)}). "
        "한 번만 주문할게요."
    )


def _when(placed_at: datetime, now: datetime, tz: str) -> str:
    zone = ZoneInfo(tz)
    days = (now.astimezone(zone).date() - placed_at.astimezone(zone).date()).days
    if days <= 0:
        return "오늘"
    if days == 1:
        return "어제"
    if days == 2:
        return "그저께"
    local = placed_at.astimezone(zone)
    return f"{local.month}월 {local.day}일에"


def status_sentence(order: OrderView, now: datetime, tz: str) -> str:
    """'어제 주문하신 우유 2팩(3번 주문, 5,580원)은 배송 중이에요.'"""
    what = order_summary(order)
    return (
        f"{_when(order.placed_at, now, tz)} 주문하신 {what}({order.id}번 주문, "
        f"{won(order.total)}){particle(what, '은', '는')} {STATE_KO[order.status]}."
    )


def cannot_cancel(order: OrderView) -> str:
    why = "배송이 끝나서" if order.status is OrderStatus.DELIVERED else "배송 중이라"
    return f"{order.id}번 주문은 이미 {why} 취소할 수 없어요."


def ask_approval(order: OrderView, reject: bool) -> str:
    verb = "거절" if reject else "승인"
    return (
        f"{order.member}님의 {order.id}번 주문({order_summary(order)}, {won(order.total)})을 "
        f"{verb}하려면 비밀번호 네 자리를 말씀해 주세요."
    )


def decided(order: OrderView) -> str:
    if order.status is OrderStatus.REJECTED:
        return f"{order.member}님의 {order.id}번 주문을 거절했어요."
    return f"{order.member}님의 {order.id}번 주문을 승인했어요. 합계 {won(order.total)}."


def _benefits(acc: AccountView) -> str:
    free = "집 배송이 무료예요"
    if not acc.member_free_delivery:
        free = f"{won(acc.free_delivery_threshold)} 이상이면 집 배송이 무료예요"
    return f"회원가가 자동으로 적용되고 {free}"


def membership_info(acc: AccountView) -> str:
    if not acc.membership_active:
        return (
            f"아직 회원이 아니세요. 회원이 되면 {_benefits(acc)}(가입비 없음). "
            "'멤버십 가입할래'라고 말씀해 주세요."
        )
    since = f"({acc.membership_since:%Y년 %m월 %d일}부터)" if acc.membership_since else ""
    if acc.payment_last4 is None:
        return f"회원이세요{since}. {REGISTER_CARD}"
    return f"회원이세요{since}. 카드 {acc.payment_last4}로 {_benefits(acc)}."


def ask_join(acc: AccountView) -> str:
    return f"멤버십에 가입할까요? 가입비는 없고, {_benefits(acc)}."


def joined(acc: AccountView) -> str:
    if acc.payment_last4 is None:
        return f"멤버십에 가입했어요. {REGISTER_CARD}"
    return "멤버십에 가입했어요. 이제부터 회원가로 주문돼요."


def delivery_set(kind: DeliveryKind, label: str | None) -> str:
    """The household's default delivery changed."""
    return f"앞으로 {place_phrase(kind, label)}으로 받을게요."


def out_of_stock(problem: str, alternative_question: str | None) -> str:
    if alternative_question is None:
        return f"{problem} 비슷한 상품도 지금은 없어요."
    return f"{problem} 대신 {alternative_question}"


def offer_for_cart(problem: str, p: ProductView, member_pricing: bool) -> str:
    price = won(p.member_price if member_pricing else p.price)
    return f"{problem} 대신 {p.name} {price}{particle(price, '을', '를')} 담을까요?"


# -- the household's buying rhythm (assistant.shop.advisor) -------------------------------

OFFER_DECLINED = "알겠어요. 필요하실 때 말씀해 주세요."
REPEAT_OFFER = "정기 배송으로 바꿀까요?"
NO_USUAL_YET = "아직 늘 사시는 상품을 모르겠어요."
NOTHING_KNOWN = (
    "아직은 주문 기록으로 떨어질 때를 알 수 있는 상품이 없어요. "
    "같은 상품을 몇 번 더 주문하시면 때맞춰 알려 드릴게요."
)
WEEKDAYS_KO = {"mon": "월", "tue": "화", "wed": "수", "thu": "목", "fri": "금", "sat": "토",
               "sun": "일"}  # fmt: skip


def confirm_items(q: Quote, notes: str = "") -> str:
    """A confirmation that names every line (suggestions of several products)."""
    if len(q.lines) == 1:
        return confirm_order(q, notes)
    what = ", ".join(item(ln.name, ln.quantity, ln.unit) for ln in q.lines)
    return f"{what}, 모두 {price_phrase(q)}입니다.{notes} 주문할까요?"


def running_out(items: Sequence[DueItem], q: Quote, notes: str = "") -> str:
    """'우유 사신 지 8일 됐어요. 보통 7일마다 사세요.' and the confirmation of the order."""
    if len(items) == 1:
        d = items[0].due
        noun = items[0].nouns[0]
        return (
            f"{noun} 사신 지 {d.days_since}일 됐어요. 보통 {d.interval}일마다 사세요. "
            f"{confirm_items(q, notes)}"
        )
    parts = [f"{i.nouns[0]}({i.due.days_since}일 전, 보통 {i.due.interval}일마다)" for i in items]
    return f"떨어질 때가 된 것 같아요: {', '.join(parts)}. {confirm_items(q, notes)}"


def nothing_due(coming: ComingUp | None) -> str:
    if coming is None:
        return NOTHING_KNOWN
    return (
        f"지금은 떨어질 때가 된 상품이 없어요. 다음은 {coming.nouns[0]}, "
        f"{coming.days}일 뒤쯤이에요."
    )


def every(schedule: Schedule) -> str:
    """매일, 매주, 2주마다, 매달, 5일마다."""
    if schedule.freq == "monthly":
        return "매달"
    if schedule.freq == "weekly":
        return "매주" if schedule.interval == 1 else f"{schedule.interval}주마다"
    return "매일" if schedule.interval == 1 else f"{schedule.interval}일마다"


def subscription_offer(offer: SubscriptionOffer) -> str:
    noun = offer.nouns[0]
    return f"{every(offer.schedule)} {noun}{particle(noun, '을', '를')} 사시네요. {REPEAT_OFFER}"


def subscribe_phrase(offer: SubscriptionOffer) -> str:
    """What to say to create the subscription ("매주 월요일마다 서울우유 흰우유 1L 한 팩 주문해
    줘")."""
    s, p = offer.schedule, offer.product
    if s.freq == "monthly":
        when = f"매달 {s.day}일에"
    elif s.freq == "weekly":
        day = WEEKDAYS_KO[s.weekdays[0]] if s.weekdays else "월"
        when = f"{'매주' if s.interval == 1 else '격주'} {day}요일마다"
    else:
        when = "매일" if s.interval == 1 else f"{s.interval}일마다"
    count = offer.rhythm.quantity
    spoken = to_native(count, attributive=True) if count < 100 else str(count)
    return f"{when} {p.name} {spoken} {p.unit} 주문해 줘"


def confirm_usual(q: Quote, notes: str = "") -> str:
    return f"늘 사시던 {confirm_order(q, notes)}"


def confirm_usual_basket(q: Quote, notes: str = "") -> str:
    return f"늘 사시던 상품으로 {confirm_items(q, notes)}"


def never_bought(phrase: str) -> str:
    return f"전에 주문하신 {phrase}{particle(phrase, '이', '가')} 없어요."


def choose_usual(
    phrase: str, options: Sequence[ProductView], member_pricing: bool, total: int | None = None
) -> str:
    """Like :func:`choose`, with the household's usual product first and said so."""
    parts = []
    for i, p in enumerate(options, 1):
        price = p.member_price if member_pricing else p.price
        parts.append(f"{i}번 {p.name} {won(price)}")
    topic = f"{phrase}{particle(phrase, '은', '는')}"
    count = total if total is not None and total > len(options) else len(options)
    others = f", 그 밖에 {', '.join(parts[1:])}" if len(parts) > 1 else ""
    return f"{topic} {count}가지가 있어요. 늘 사시던 {parts[0]}{others}. 몇 번으로 할까요?"
