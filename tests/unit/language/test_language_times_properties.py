"""Properties of issue 13's date grammar over its own vocabulary: the fast paths find what the plain
grammars find, no input crashes it, and no follow-up is ever due before now."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import dates_en, dates_zh, parse_followup, parse_note
from bot.language.lexicon import tokens
from bot.language.markup import mark

VOCABULARY = """acme 阿里巴巴 call called met today tonight tonite tomorrow yesterday last night this morning
    afternoon evening night in the at around noon midnight 12 noon 8 10, 3 12 1am 2am 9p 9a 8:30 8.30pm 08:30
    15:30 1530h quarter half past to ten twenty five six seven one twelve five-thirty o'clock first second
    third last twenty-first thirty first the of next this following previous coming week month year after
    monday tue thu thurs fri sat sunday mon 16 21 16th 4th 3rd march sept feb. dec31 apr 2026 1994 '87 87
    christmas thanksgiving new year's day independence mother's 05-aug-2016 2019/aug/01 sep-23-2020 20240307
    2022 11 23 09-01 6·30 12/1 13/45 24/7 3/18/40 13/04/21 2026-02-30 feb 30 500 years in days months ago
    今晚 今早 今晨 明早 昨晚 当晚 今天 明天 后天 後天 大后天 大大后天 前天 本日 当天
    上午 下午 中午 傍晚 晚上 夜里 凌晨 8点 8點 十点 十二点 3点 一刻 三刻 半 差 5分 多 钟 整 时
    周三 週五 禮拜 星期日 下下周 下周 周 下个月 下個月 本月 同月 上旬 中旬 下旬 月底
    第一个 第3个 最后一个 份 的 15号 號 2月30日 去年 明年 今年 15年 零七年 元旦 国庆 十一 前 后
    第一天 年 月 日 来电 开会 了 要 跟进 给方案 , ， 。"""
WORDS = st.sampled_from(VOCABULARY.split())
NOTES = st.lists(WORDS, max_size=25).map(" ".join) | st.lists(WORDS, max_size=25).map("".join)
NOW = datetime(2026, 3, 10, 14, 30)


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_english_token_starts_find_what_the_full_grammar_finds(text: str) -> None:
    scan = mark(text).scan
    fast = dates_en.GRAMMAR.matches(scan, dates_en._starts(tokens(scan)))
    assert _spans(fast) == _spans(dates_en.GRAMMAR.matches(scan, dispatch=False))


@settings(max_examples=400, deadline=None)
@given(text=NOTES)
def test_chinese_first_character_dispatch_finds_what_the_full_grammar_finds(text: str) -> None:
    scan = mark(text).scan
    assert _spans(dates_zh.GRAMMAR.matches(scan)) == _spans(dates_zh.GRAMMAR.matches(scan, dispatch=False))


@settings(max_examples=400, deadline=None)
@given(text=NOTES, tz=st.sampled_from(["UTC", "Asia/Shanghai", "America/New_York"]))
def test_no_follow_up_is_due_before_now_and_nothing_happened_after_it(text: str, tz: str) -> None:
    for parse in (parse_note, parse_followup):
        parsed = parse("acme " + text, now=NOW, tz=tz)
        now = NOW.replace(tzinfo=ZoneInfo(tz))
        if parsed.follow_up is not None:
            assert parsed.follow_up.due >= now, text
        if parsed.occurred_at is not None:
            assert parsed.occurred_at <= now, text
        assert (parsed.error is None) == (parsed.error_code is None)
