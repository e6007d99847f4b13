"""`jangbogi catalog import` on hostile files: huge lines, control and invisible characters,
card numbers, and a short file that must not retire the rest of the catalog unasked."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from sqlalchemy import create_engine, text

from assistant.config import bundled_catalog_path
from tests.conftest import Runner
from tests.test_store import snapshot

LINES = bundled_catalog_path().read_text(encoding="utf-8").splitlines()
HEADER, ROWS = LINES[0], LINES[1:]
NAME_KO = 2


def with_name(row: str, name: str) -> str:
    cells = row.split(",")
    cells[NAME_KO] = name
    return ",".join(cells)


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "import.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def active(url: str) -> dict[str, int]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return dict(con.execute("select sku, active from products").fetchall())
    finally:
        con.close()


def test_a_short_file_adds_and_updates_but_retires_nothing_unasked(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    cells = ROWS[0].split(",")
    cells[12] = "3"  # stock of the first product
    short = write(tmp_path, ",".join(cells), ROWS[1], ROWS[2])
    others = len(ROWS) - 3
    result = jangbogi("catalog", "import", str(short), "--db", db_url)
    assert result.code == 0, result.err
    assert "변경 1, 그대로 2, 판매 중지 0" in result.out
    assert f"판매 중인 상품 {others}개가 이 파일에 없어 계속 판매돼요" in result.out
    assert "--replace" in result.out
    assert set(active(db_url).values()) == {1}

    before = snapshot(db_url)
    dry = jangbogi("catalog", "import", str(short), "--replace", "--dry-run", "--db", db_url)
    assert dry.code == 0, dry.err
    assert f"파일에 없는 상품 {others}개는 판매를 멈추게 돼요:" in dry.out
    listed = [line.split("\t")[0].strip() for line in dry.lines if line.startswith("  ")]
    assert listed == sorted(row.split(",")[0] for row in ROWS[3:])
    assert snapshot(db_url) == before  # a dry run writes nothing

    replaced = jangbogi("catalog", "import", str(short), "--replace", "--db", db_url)
    assert replaced.code == 0, replaced.err
    assert f"판매 중지 {others}" in replaced.out and f"  {ROWS[3].split(',')[0]}\t" in (
        replaced.out
    )
    on_sale = {sku for sku, on in active(db_url).items() if on}
    assert on_sale == {row.split(",")[0] for row in ROWS[:3]}
    assert len(active(db_url)) == len(ROWS)  # retired products are kept for past orders


def test_demo_init_again_keeps_products_of_another_file(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    extra = ROWS[0].split(",")
    extra[0], extra[NAME_KO] = "ZZZ-001", "우리동네 두부"
    assert jangbogi("catalog", "import", str(write(tmp_path, ",".join(extra))),
                    "--db", db_url).code == 0  # fmt: skip
    assert jangbogi("demo", "init", "--db", db_url).code == 0
    assert active(db_url)["ZZZ-001"] == 1


def test_a_ten_megabyte_line_is_named_and_nothing_changes(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    before = snapshot(db_url)
    huge = with_name(ROWS[1], "우유" * 5_000_000)
    result = jangbogi("catalog", "import", str(write(tmp_path, ROWS[0], huge)), "--db", db_url)
    assert result.code == 2, result.err
    assert "3번째 줄 'name_ko' 칸: 줄이 10,000," in result.err
    assert "Traceback" not in result.err and len(result.err) < 400
    assert snapshot(db_url) == before


def test_a_long_field_within_a_short_line_is_named(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    result = jangbogi("catalog", "import", str(write(tmp_path, with_name(ROWS[0], "우" * 201))),
                      "--db", db_url)  # fmt: skip
    assert result.code == 2 and "2번째 줄 'name_ko' 칸: 200자보다 길어요." in result.err


HIDDEN = [
    ("서울\x00우유", "U+0000"),
    ("서울\x07우유", "U+0007"),
    ("서울\u2028우유", "U+2028"),
    ("우\u200b유", "U+200B"),
    ("우\u200c유", "U+200C"),
    ("우\u200d유", "U+200D"),
    ("우\u2060유", "U+2060"),
    ("우\ufeff유", "U+FEFF"),
    ("우\u00ad유", "U+00AD"),
    ("\u3164", "U+3164"),
]


def test_control_and_invisible_characters_are_refused_with_line_and_field(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    before = snapshot(db_url)
    for name, code in HIDDEN:
        path = write(tmp_path, ROWS[0], ROWS[1], with_name(ROWS[2], name))
        result = jangbogi("catalog", "import", str(path), "--db", db_url)
        assert result.code == 2, (code, result.err)
        assert "4번째 줄 'name_ko' 칸: " in result.err, result.err
        assert f"보이지 않는 문자나 제어 문자예요 ({code}, " in result.err, result.err
        assert snapshot(db_url) == before


def test_a_card_number_in_the_catalog_is_refused_unrepeated(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    before = snapshot(db_url)
    cells = ROWS[0].split(",")
    cells[7] = "우유|4242 4242 4242 4242"  # aliases
    result = jangbogi("catalog", "import", str(write(tmp_path, ",".join(cells))), "--db", db_url)
    assert result.code == 2 and "2번째 줄 'aliases' 칸: 카드 번호로 보이는 숫자" in result.err
    assert "4242" not in result.err
    price = ROWS[0].split(",")
    price[8] = "4242424242424242"
    result = jangbogi("catalog", "import", str(write(tmp_path, ",".join(price))), "--db", db_url)
    assert result.code == 2 and "'price' 칸: 카드 번호" in result.err and "4242" not in result.err
    assert snapshot(db_url) == before


def test_decomposed_hangul_is_stored_composed(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    extra = ROWS[0].split(",")
    extra[0], extra[NAME_KO] = "ZZZ-002", unicodedata.normalize("NFD", "우리동네 두부")
    assert jangbogi("catalog", "import", str(write(tmp_path, ",".join(extra))),
                    "--db", db_url).code == 0  # fmt: skip
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    ((stored,),) = con.execute("select name_ko from products where sku = 'ZZZ-002'").fetchall()
    con.close()
    assert stored == "우리동네 두부"


def test_nul_and_zero_width_are_refused_on_postgresql(
    jangbogi: Runner,
    pg_url: str,
    tmp_path: Path,
) -> None:
    assert jangbogi("demo", "init", "--db", pg_url).code == 0
    engine = create_engine(pg_url)
    query = text("select sku, name_ko, active from products order by sku")
    with engine.connect() as conn:
        before = conn.execute(query).fetchall()
    for name, code in (("서울\x00우유", "U+0000"), ("우\u200b유", "U+200B")):
        path = write(tmp_path, ROWS[0], with_name(ROWS[1], name))
        result = jangbogi("catalog", "import", str(path), "--db", pg_url)
        assert result.code == 2, result.err
        assert "3번째 줄 'name_ko' 칸: " in result.err, result.err
        assert f"보이지 않는 문자나 제어 문자예요 ({code}, " in result.err, result.err
    with engine.connect() as conn:
        assert conn.execute(query).fetchall() == before
    engine.dispose()
