"""The household's rhythm (``/rhythm``): per product it buys, its purchases over time and the
predicted next one (the data of ``jangbogi insights --json``) as a small SVG chart, and
what is probably running out (the dialog's opening suggestion), each with an order button
that leads to :mod:`.buy`'s confirmation page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from assistant.doors.web.chart import Chart, place_days
from assistant.doors.web.guard import Visit
from assistant.doors.web.shops import shops
from assistant.shop.advisor import Advisor
from assistant.shop.history import ProductInsight, day_index, household_insights, purchases
from assistant.store.db import transaction
from assistant.store.models import Household, Product, utcnow


@dataclass(frozen=True)
class ProductRhythm:
    """One product's row of the page."""

    name: str
    """Korean name with size."""
    name_en: str
    """English name."""
    insight: ProductInsight
    """What ``jangbogi insights`` says about it."""
    chart: Chart
    """Its purchases, today and the prediction, placed."""


def rhythm_page(visit: Visit) -> Response:
    now = utcnow()
    with transaction(visit.factory) as s:
        rows = product_rhythms(s, visit.me.household_id, now)
    running_out = Advisor(shops(visit.request).service(visit.me)).running_out(now)
    return visit.render("rhythm.html", rows=rows, running_out=running_out)


def product_rhythms(s: Session, household_id: int, now: datetime) -> list[ProductRhythm]:
    """Every product the household bought, most bought first, with its chart."""
    household = s.get(Household, household_id)
    if household is None:
        return []
    today = day_index(now, household.timezone)
    report = household_insights(s, household, today)
    per_day: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for p in purchases(s, household):
        per_day[p.product][p.day] += p.quantity
    by_sku = {p.sku: p for p in s.scalars(select(Product).where(Product.id.in_(per_day)))}
    rows = []
    for insight in report.products:
        product = by_sku[insight.sku]
        days = sorted(per_day[product.id].items())
        nxt = insight.next_due.toordinal() if insight.next_due else None
        chart = place_days(days, today, nxt)
        rows.append(ProductRhythm(product.display_name, product.name_en, insight, chart))
    return rows
