"""The store: migrations, the demo household, constraints, all-or-nothing import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from assistant.cli import main
from assistant.config import bundled_catalog_path
from assistant.store import db
from assistant.store.models import Household, Member, Order, PaymentMethod, Product
from tests.conftest import Runner


def counts(url: str) -> dict[str, int]:
    path = url.removeprefix("sqlite:///")
    con = sqlite3.connect(path)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("products", "households", "members", "orders", "order_lines")
        }
    finally:
        con.close()


def snapshot(url: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return con.execute("select * from products order by sku").fetchall()
    finally:
        con.close()


def test_demo_init_is_idempotent(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(db_url)
    assert before["households"] == 1 and before["members"] == 1
    assert before["products"] >= 300
    assert main(["demo", "init", "--db", db_url]) == 0
    assert "이미 있어요" in capsys.readouterr().out
    assert counts(db_url) == before


def test_demo_household_is_a_member_with_a_card(db_url: str) -> None:
    engine = db.open_engine(db_url)
    with db.transaction(db.session_factory(engine)) as session:
        household = session.scalars(select(Household)).one()
        assert household.membership_active
        (card,) = household.payment_methods
        assert card.last4 == "4242" and card.is_default
        assert {a.kind.value for a in household.addresses} == {"home", "locker", "store"}
        assert session.scalars(select(Member)).one().role.value == "owner"


def test_last4_must_be_four_digits(db_url: str) -> None:
    engine = db.open_engine(db_url)
    factory = db.session_factory(engine)
    with pytest.raises(IntegrityError), factory() as session, session.begin():
        household = session.scalars(select(Household)).one()
        session.add(
            PaymentMethod(
                household_id=household.id, token="t2", last4="4242424242424242",
                label="x", is_default=False, created_at=household.created_at,
            )
        )  # fmt: skip


def test_default_database_lives_in_the_xdg_data_dir(tmp_path: Path, jangbogi: Runner) -> None:
    xdg = tmp_path / "xdg"
    result = jangbogi("demo", "init", env={"XDG_DATA_HOME": str(xdg)})
    assert result.code == 0, result.err
    assert (xdg / "jangbogi" / "jangbogi.db").is_file()


def test_jangbogi_db_env_is_used(tmp_path: Path, jangbogi: Runner) -> None:
    target = tmp_path / "env.db"
    result = jangbogi("demo", "init", env={"JANGBOGI_DB": f"sqlite:///{target}"})
    assert result.code == 0, result.err
    assert target.is_file()


def test_catalog_import_is_all_or_nothing(db_url: str, tmp_path: Path, jangbogi: Runner) -> None:
    before = snapshot(db_url)
    lines = bundled_catalog_path().read_text(encoding="utf-8").splitlines()
    # change prices of the first rows (valid), then break a row far below them
    changed = [lines[0]]
    for row in lines[1:6]:
        cells = row.split(",")
        cells[8] = str(int(cells[8]) + 1000)
        changed.append(",".join(cells))
    broken = lines[40].split(",")
    broken[9] = str(int(broken[8]) + 1)  # member price above the price
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*changed, *lines[6:40], ",".join(broken), *lines[41:]]) + "\n")
    result = jangbogi("catalog", "import", str(bad), "--db", db_url)
    assert result.code == 2
    assert "41번째 줄 'member_price' 칸: 회원가" in result.err
    assert "Traceback" not in result.err
    assert snapshot(db_url) == before


def test_catalog_import_updates_and_retires_only_with_replace(
    db_url: str, tmp_path: Path, jangbogi: Runner
) -> None:
    lines = bundled_catalog_path().read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[12] = "7"
    smaller = tmp_path / "smaller.csv"
    smaller.write_text("\n".join([lines[0], ",".join(cells), *lines[3:]]) + "\n")
    dropped = lines[2].split(",")[0]
    result = jangbogi("catalog", "import", str(smaller), "--db", db_url)
    assert result.code == 0, result.err
    assert "변경 1" in result.out and "판매 중지 0" in result.out
    assert "판매 중인 상품 1개가 이 파일에 없어 계속 판매돼요" in result.out
    listed = jangbogi("catalog", "list", "--json", "--db", db_url)
    skus = {json.loads(line)["sku"]: json.loads(line) for line in listed.lines}
    assert skus[cells[0]]["stock"] == 7 and dropped in skus

    result = jangbogi("catalog", "import", str(smaller), "--replace", "--db", db_url)
    assert result.code == 0, result.err
    assert "판매 중지 1" in result.out
    assert f"  {dropped}\t" in result.out  # what was retired is named
    listed = jangbogi("catalog", "list", "--json", "--db", db_url)
    assert dropped not in {json.loads(line)["sku"] for line in listed.lines}


def test_idempotency_key_is_unique(db_url: str) -> None:
    from assistant.shop.household import find_member
    from assistant.shop.purchase import place_for_member
    from assistant.store.models import Channel, utcnow

    factory = db.session_factory(db.open_engine(db_url))
    with db.transaction(factory) as session:
        member = find_member(session)
        product = session.scalars(select(Product).where(Product.stock > 5)).first()
        assert product is not None
        first = place_for_member(session, member, [(product.id, 1)], channel=Channel.AUTO,
                                 idempotency_key="k1", now=utcnow())  # fmt: skip
        again = place_for_member(session, member, [(product.id, 1)], channel=Channel.AUTO,
                                 idempotency_key="k1", now=utcnow())  # fmt: skip
        assert first.new and not again.new and first.order.id == again.order.id
    with pytest.raises(IntegrityError), factory() as session, session.begin():
        order = session.scalars(select(Order)).one()
        clone = Order(**{c.key: getattr(order, c.key) for c in Order.__table__.columns
                         if c.key != "id"})  # fmt: skip
        session.add(clone)
