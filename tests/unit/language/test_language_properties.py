"""Properties: whatever the text, the parser answers with a valid object and never raises."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import parse_followup, parse_note, to_contract
from bot.language.contract import CONTRACT_FIELDS
from bot.language.model import CATEGORIES, CHANNELS

NOW = datetime(2026, 3, 10, 9, 0)

# Text built from the grammars' own vocabulary finds far more edge cases than random Unicode alone.
VOCABULARY = """acme 阿里巴巴 called met tomorrow next last this tuesday fri eod end of month in 3 days ago
    2 hours week at 3pm 15:00 12/10 dec 5 the 5th 2026-04-01 15.04.2026 $12k €9,900 5000 usd 3.5万元
    20万 一 两 十 百 天后 天前 周三 下周二 上周五 本周一 星期天 礼拜 月底 下个月5号 12月5日 3月20日前
    下午五点半 上午十点 明早 今晚 后天 大后天 号 点 半 # ＃标签 #2 <@U1> <#C1|x> <https://a.b/#c|d>
    &amp; “ ” 「 」 : ： , ， 。 \n quarter q3 24/7 7x24 version 5.2 seats 个 人"""
WORDS = st.sampled_from([*VOCABULARY.split(), "\n"])
NOTE_TEXT = st.one_of(
    st.text(max_size=4000),
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(WORDS, max_size=60).map("".join),
)


def _valid(result: dict[str, object]) -> None:
    assert tuple(result) == CONTRACT_FIELDS
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    assert result["lang"] in ("en", "zh")
    assert result["category"] in CATEGORIES
    assert result["channel"] is None or result["channel"] in CHANNELS
    assert isinstance(result["tags"], list) and all(t == t.lower() for t in result["tags"])
    assert len(set(result["tags"])) == len(result["tags"])


@settings(max_examples=300, deadline=None)
@given(text=NOTE_TEXT, tz=st.sampled_from(["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Chatham"]))
def test_any_text_gives_a_valid_contract_without_raising(text: str, tz: str) -> None:
    parsed = parse_note(text, now=NOW, tz=tz)
    _valid(to_contract(parsed))
    if parsed.follow_up is not None:
        assert parsed.follow_up.due.tzinfo is not None
    assert (parsed.error is None) == (parsed.error_code is None)


@settings(max_examples=150, deadline=None)
@given(text=NOTE_TEXT)
def test_followup_either_finds_a_future_time_or_says_no_date(text: str) -> None:
    parsed = parse_followup(text, now=NOW, tz="UTC")
    assert parsed.follow_up is not None or parsed.error_code is not None


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=30))
def test_occurrences_lie_behind_now_and_follow_ups_ahead_of_today(words: list[str]) -> None:
    parsed = parse_note("acme " + " ".join(words), now=NOW, tz="UTC")
    if parsed.occurred_at is not None:
        assert parsed.occurred_at.date() <= NOW.date()
    if parsed.follow_up is not None:
        assert parsed.follow_up.due.date() >= NOW.date()
