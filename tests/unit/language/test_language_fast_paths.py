"""The speed-ups (first-character dispatch, token-gated starts) must find exactly what the plain
grammars find: these tests compare them on generated notes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import amounts, category, channels, dates_en, dates_zh
from bot.language.lexicon import FirstCharLexicon, Lexicon, alternatives, tokens
from bot.language.markup import mark

VOCABULARY = """tomorrow tmrw today tonight yesterday the day after before this next last coming past previous
mon monday tue tuesday wed thu thurs fri friday sat saturday sun sunday week weekend month year quarter q3
end of eod cob close business early late later sometime in within after a an one two three couple few
several half hour hours minutes days weeks months ago from now back earlier at @ noon midday midnight
morning afternoon evening night o'clock 3pm 11am 2:30pm 15:00 3 10 12/10 3/4 24/7 2026-04-01 15.04.2026
dec 5 december 5th the 5th of march 20 2027 called met emailed visited chat teams zoom video call on site
bought paid signed renewed complained unhappy feedback likes wants needs asked for not never we need to
$12k €9,900 5000 usd budget 50k 3.5万元 20万 总价12万元 预算50万 三万元 ￥80000 1000美元 hk$300 us$5
明天 后天 大后天 今天 昨天 前天 下周三 上周五 本周一 周日 星期天 礼拜六
下个月5号 月底 12月5日 3月20日前 20号 三天后 十天内 两周后 半小时后 下午五点半 上午十点 晚上8点 3点
明早 今晚 每周三 5号楼 一点 电话 邮件 开会 拜访 微信 投诉 下单 需要 反馈 , ， 。 #tag"""
PIECES = VOCABULARY.split()
NOTES = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=25
).map("".join)


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_english_date_grammar_with_token_starts_finds_what_the_full_grammar_finds(text: str) -> None:
    scan = mark(text).scan
    fast = dates_en.GRAMMAR.matches(scan, dates_en._starts(tokens(scan)))
    assert _spans(fast) == _spans(dates_en.GRAMMAR.matches(scan, dispatch=False))


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_chinese_date_grammar_with_dispatch_finds_what_the_full_grammar_finds(text: str) -> None:
    scan = mark(text).scan
    assert _spans(dates_zh.GRAMMAR.matches(scan)) == _spans(dates_zh.GRAMMAR.matches(scan, dispatch=False))


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_keyword_tables_looked_up_at_tokens_find_what_a_plain_scan_finds(text: str) -> None:
    scan = mark(text).scan
    channel_table = dict(channels.EN_KEYWORDS)
    for table in (channel_table, category.EN_KEYWORDS, {**channel_table, **category.EN_KEYWORDS}):
        lexicon = Lexicon(table)
        plain = re.compile(r"\b(?:" + "|".join(table.values()) + r")\b")
        assert [m.span() for _, m in lexicon.finditer(scan)] == [m.span() for m in plain.finditer(scan)]


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a(?:b|c)|d\|e|(f|g)h") == ["a(?:b|c)", r"d\|e", "(f|g)h"]


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_amounts_tried_at_tokens_are_the_amounts_a_plain_scan_finds(text: str) -> None:
    scan = mark(text).scan
    plain = amounts.pick(amounts._AMOUNT.finditer(scan), "USD")
    assert amounts.find_amount(scan, "USD") == plain


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_chinese_keyword_tables_found_by_first_character_match_a_plain_scan(text: str) -> None:
    scan = mark(text).scan
    for table in (dict(channels._ZH), category._ZH):
        lexicon = FirstCharLexicon(table)
        plain = re.compile("|".join(f"(?P<{label}>{words})" for label, words in table.items()))
        found = [(label, m.span()) for label, m in lexicon.finditer(scan)]
        assert found == [(m.lastgroup, m.span()) for m in plain.finditer(scan)]
