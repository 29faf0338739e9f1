"""Properties of the readers added in issue 13 (names anywhere, suffixes, money, Traditional):
built from their own vocabulary, no text makes them raise or answer inconsistently."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import candidate_names, normalize_name, parse_note
from bot.language.amounts import find_amount
from bot.language.markup import mark
from bot.language.numerals import money_number

NOW = datetime(2026, 3, 10, 9, 0)
KNOWN = ("Acme", "Globex", "华为", "騰訊", "Acme Health")
VOCABULARY = """Acme acme ACME Health Globex Hooli Inc Inc. , Co., Ltd. LLC GmbH Corp 华为 技术 有限公司 集团
    科技 （ 深圳 ） 騰訊 電話 溝通 下週二 後天 三點 這個月 二十萬 肆佰叁拾萬圓整 四万五 两千五 1.5万 3千万亿
    港币 人民币 美元 新台幣 USD RMB HK$ NT$ ¥ € 元 块 毛 角 分 钱 整 * _ ~ <!here> <!channel> @here
    met with called phone just got off the quick cold call email 反馈 ： 会议纪要 拜访了 和 开会 跟进
    bought paid signed refund 付款了 续费 要报价 确认了付款时间 \n"""
WORDS = st.sampled_from([*VOCABULARY.split(), "\n", " "])
TEXT = st.one_of(st.lists(WORDS, max_size=40).map(" ".join), st.lists(WORDS, max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=TEXT, known=st.lists(st.sampled_from(KNOWN), max_size=3))
def test_names_read_from_any_text_are_consistent(text: str, known: list[str]) -> None:
    parsed = parse_note(text, now=NOW, tz="Asia/Taipei", known=known)
    if parsed.customer_known:
        assert parsed.customer in known
    if parsed.customer_alternative is not None:
        assert parsed.customer_alternative in known and not parsed.customer_known
    if parsed.customer is None:
        assert not parsed.customer_known


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_candidate_names_are_bounded_normalized_keys(text: str) -> None:
    names = candidate_names(text)
    assert len(names) <= 160
    assert all(name == normalize_name(name) and name for name in names)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, currency=st.sampled_from(["USD", "CNY", "TWD", "JPY", "CAD"]))
def test_any_amount_found_is_positive_with_an_iso_code(text: str, currency: str) -> None:
    amount = find_amount(mark(text).scan, currency)
    if amount is not None:
        assert amount.value > 0 and len(amount.currency) == 3 and amount.currency.isupper()


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet="零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅0123456789.,", max_size=20
    )
)
def test_money_number_never_raises_and_is_positive_or_none(text: str) -> None:
    value = money_number(text)
    assert value is None or value > 0


def test_mark_keeps_the_scan_as_long_as_the_text_for_traditional_notes() -> None:
    text = "騰訊科技（深圳）有限公司 <@U1> 電話溝通報價 https://例子.tw/後天 #報價 二十萬"
    marked = mark(text)
    assert len(marked.scan) == len(marked.readable)
