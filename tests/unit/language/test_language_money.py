"""Money: Chinese numerals, currencies before and after the number, more currencies, and the
JioNLP money corpus as a yardstick."""

from __future__ import annotations

import json
import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bot.language import Amount, ParsedNote, parse_note
from bot.language.numerals import money_number

NOW = datetime(2026, 3, 10, 9, 0)
CORPORA = Path(os.environ.get("RAPPORT_CORPORA", Path(__file__).resolve().parents[4] / "shared" / "corpora"))


def parse(text: str, currency: str = "USD") -> ParsedNote:
    return parse_note(text, now=NOW, tz="Asia/Shanghai", default_currency=currency)


def amount(text: str, currency: str = "USD") -> tuple[Decimal, str] | None:
    found = parse(text, currency).amount
    return (found.value, found.currency) if found else None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二十万", 200_000),
        ("四万五", 45_000),
        ("一百五十万", 1_500_000),
        ("两千五", 2_500),
        ("一万二", 12_000),
        ("三百五", 350),
        ("一亿二", 120_000_000),
        ("二十五", 25),
        ("一百零五", 105),
        ("两万五千", 25_000),
        ("六十四万零一百四十三", 640_143),
        ("1.5万", 15_000),
        ("300万", 3_000_000),
        ("3千万亿", 3 * 10**15),
        ("1万2千", 12_000),
        ("肆佰叁拾万", 4_300_000),
        ("壹万贰仟", 12_000),
        ("廿五", 25),
        ("12,000", 12_000),
    ],
)
def test_money_numbers_in_every_way_they_are_written(text: str, value: int) -> None:
    assert money_number(text) == value


@pytest.mark.parametrize("text", ["二三", "万", "十百", "零", "0", "一万万", "亿亿", "1e5", "NaN", "五²"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    assert money_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        # Chinese numerals: with a currency, standing alone as a 万 amount, or after a money word.
        ("阿里巴巴 签了二十万", "200000", "CNY"),
        ("阿里巴巴 报价四万五", "45000", "CNY"),
        ("阿里巴巴 合同一百五十万", "1500000", "CNY"),
        ("阿里巴巴 八千块", "8000", "CNY"),
        ("阿里巴巴 付了两千五", "2500", "CNY"),
        ("阿里巴巴 预算1.5万", "15000", "CNY"),
        ("阿里巴巴 三百万元的项目", "3000000", "CNY"),
        ("阿里巴巴 十块三毛", "10.3", "CNY"),
        # A currency before the number.
        ("acme signed, USD 12k", "12000", "USD"),
        ("acme paid RMB 5000", "5000", "CNY"),
        ("acme paid usd12k", "12000", "USD"),
        ("阿里巴巴 人民币五万", "50000", "CNY"),
        ("阿里巴巴 美元2000", "2000", "USD"),
        ("阿里巴巴 港币3000", "3000", "HKD"),
        ("阿里巴巴 港币两千九百六十元", "2960", "HKD"),
        # More currencies, by code, symbol and name.
        ("acme paid HKD 3,000", "3000", "HKD"),
        ("sony paid JPY 500000", "500000", "JPY"),
        ("sony 50万日元", "500000", "JPY"),
        ("sony 5000円", "5000", "JPY"),
        ("acme paid 9000 euros", "9000", "EUR"),
        ("西门子 两万欧元", "20000", "EUR"),
        ("acme paid €9,900", "9900", "EUR"),
        ("barclays 3000英镑", "3000", "GBP"),
        ("barclays paid GBP 3000", "3000", "GBP"),
        ("dbs paid S$4,000", "4000", "SGD"),
        ("dbs paid SGD 4000", "4000", "SGD"),
        ("鸿海 新台币三万", "30000", "TWD"),
        ("tsmc paid NT$30,000", "30000", "TWD"),
        ("tsmc paid TWD 30000", "30000", "TWD"),
        ("bhp paid AUD 2000", "2000", "AUD"),
        ("bhp 两千澳元", "2000", "AUD"),
        ("shopify paid CAD 2000", "2000", "CAD"),
        ("三星 五十万韩元", "500000", "KRW"),
        ("samsung paid ₩500,000", "500000", "KRW"),
        ("samsung paid KRW 500000", "500000", "KRW"),
        ("阿里巴巴 9000元日币", "9000", "JPY"),
    ],
)
def test_amounts_in_chinese_numerals_and_many_currencies(text: str, value: str, currency: str) -> None:
    assert amount(text, currency="CNY") == (Decimal(value), currency)


@pytest.mark.parametrize(
    ("text", "workspace", "currency"),
    [
        ("acme paid $12k", "CAD", "CAD"),
        ("acme paid $12k", "EUR", "USD"),
        ("acme paid 500 dollars", "AUD", "AUD"),
        ("鸿海 二十萬元", "TWD", "TWD"),
        ("长和 三千元", "HKD", "HKD"),
        ("阿里巴巴 三千元", "USD", "CNY"),
        ("sony paid ¥50,000", "JPY", "JPY"),
        ("阿里巴巴 ¥50,000", "USD", "CNY"),
        ("acme paid US$12k", "CAD", "USD"),
    ],
)
def test_dollar_yuan_and_yen_mean_the_workspaces_own_when_it_is_one(
    text: str, workspace: str, currency: str
) -> None:
    found = amount(text, currency=workspace)
    assert found is not None and found[1] == currency


@pytest.mark.parametrize(
    "text",
    [
        "阿里巴巴 二十万用户",
        "阿里巴巴 两千五百人",
        "阿里巴巴 我们一块讨论方案",
        "阿里巴巴 三个月后再谈",
        "阿里巴巴 第二十期",
        "阿里巴巴 两千五",  # no currency, no 万, no money word: a count as likely as a price
        "阿里巴巴 付款三天后到账",
    ],
)
def test_chinese_numbers_that_are_not_money(text: str) -> None:
    assert parse(text).amount is None


def test_traditional_amounts_are_read() -> None:
    assert amount("長榮 簽約，總價二十萬", currency="TWD") == (Decimal(200000), "TWD")
    assert amount("長榮 預算新臺幣三萬") == (Decimal(30000), "TWD")
    assert amount("長榮 肆佰叁拾萬圓整", currency="CNY") == (Decimal(4300000), "CNY")


def _corpus() -> list[dict[str, object]]:
    path = CORPORA / "jionlp_money_zh.jsonl"
    if not path.exists():
        pytest.skip(f"the shared corpora are not at {CORPORA} (set RAPPORT_CORPORA)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_jionlp_money_corpus_reads_at_least_nine_in_ten() -> None:
    """Each amount is read inside a note, in a workspace whose currency is CNY (JioNLP reads a bare
    三百万 as yuan), and compared to the cent: JioNLP rounds to 分 (434.344元 → 434.34)."""
    rows = _corpus()
    wrong: list[tuple[object, Amount | None]] = []
    for row in rows:
        found = parse(f"阿里巴巴 {row['text']}", currency="CNY").amount
        expected = Decimal(str(row["value"]))
        if (
            found is None
            or found.currency != row["currency"]
            or abs(found.value - expected) >= Decimal("0.01")
        ):
            wrong.append((row["text"], found))
    # Deliberately rejected: none today. A case we decide to read otherwise is listed here with its reason.
    assert 1 - len(wrong) / len(rows) >= 0.90, wrong
    assert not wrong, wrong  # all 19 are read today; any regression shows here by name
