"""Issue 13's reported date bugs, each pinned in both languages where it applies.

Now is frozen: Tuesday 2026-03-10 at 09:00 unless a test says otherwise, in UTC.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.language import ParsedNote, parse_followup, parse_note

NOW = datetime(2026, 3, 10, 9, 0)
AFTERNOON = datetime(2026, 3, 10, 14, 30)
KNOWN = ["acme", "阿里巴巴", "华为", "腾讯"]


def note(text: str, now: datetime = NOW) -> ParsedNote:
    return parse_note(text, now=now, tz="UTC", known=KNOWN)


def followup(text: str, now: datetime = NOW) -> ParsedNote:
    return parse_followup(text, now=now, tz="UTC", known=KNOWN)


def due(parsed: ParsedNote) -> str | None:
    assert parsed.error is None, parsed.error
    return parsed.follow_up.due.isoformat()[:16] if parsed.follow_up else None


def occurred(parsed: ParsedNote) -> str | None:
    assert parsed.error is None, parsed.error
    return parsed.occurred_at.isoformat()[:16] if parsed.occurred_at else None


# --- Period words bind to the hour, before it or after it ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("腾讯 今晚8点 回电话确认", "2026-03-10T20:00"),
        ("腾讯 今晚八点半回电", "2026-03-10T20:30"),
        ("腾讯 晚上8点回电", "2026-03-10T20:00"),
        ("腾讯 明早8点开会", "2026-03-11T08:00"),
        ("腾讯 明天晚上7点吃饭", "2026-03-11T19:00"),
        ("腾讯 中午1点吃饭", "2026-03-10T13:00"),
        ("腾讯 傍晚6点见面", "2026-03-10T18:00"),
        ("腾讯 下午3点开会", "2026-03-10T15:00"),
        ("腾讯 凌晨3点上线", "2026-03-11T03:00"),
        ("腾讯 晚上12点上线", "2026-03-11T00:00"),
        ("腾讯 今晚12点上线", "2026-03-11T00:00"),
        ("腾讯 当晚十时回电", "2026-03-10T22:00"),
        ("腾讯 下周三晚上8点演示", "2026-03-18T20:00"),
        ("acme call tonight at 8", "2026-03-10T20:00"),
        ("acme call at 8 tonight", "2026-03-10T20:00"),
        ("acme call 8 tonight", "2026-03-10T20:00"),
        ("acme call tonight at 8:30", "2026-03-10T20:30"),
        ("acme call tonight at 12", "2026-03-11T00:00"),
        ("acme call tonight at 1am", "2026-03-11T01:00"),
        ("acme call tomorrow morning at 10", "2026-03-11T10:00"),
        ("acme call at 10 tomorrow morning", "2026-03-11T10:00"),
        ("acme call tomorrow at 3 in the afternoon", "2026-03-11T15:00"),
        ("acme call at 3 in the afternoon tomorrow", "2026-03-11T15:00"),
        ("acme call tomorrow evening at 7", "2026-03-11T19:00"),
        ("acme call at 7 tomorrow evening", "2026-03-11T19:00"),
        ("acme call at five-thirty tomorrow evening", "2026-03-11T17:30"),
        ("acme call this afternoon at 4", "2026-03-10T16:00"),
        ("acme call friday evening at 6", "2026-03-13T18:00"),
        ("acme lunch tomorrow at 12 noon", "2026-03-11T12:00"),
    ],
)
def test_a_part_of_the_day_binds_the_hour_said_before_or_after_it(text: str, expected: str) -> None:
    assert due(note(text)) == expected


def test_followup_tonight_at_8_is_due_tonight_not_this_morning() -> None:
    zh = followup("腾讯 今晚8点 回电话确认")
    en = followup("acme tonight at 8 call to confirm")
    assert due(zh) == "2026-03-10T20:00" and zh.follow_up is not None
    assert zh.follow_up.text == "回电话确认"
    assert due(en) == "2026-03-10T20:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("腾讯 昨晚8点来电", "2026-03-09T20:00"),
        ("腾讯 昨天晚上11点来电", "2026-03-09T23:00"),
        ("acme called last night at 11", "2026-03-09T23:00"),
        ("acme called last night at 8", "2026-03-09T20:00"),
    ],
)
def test_a_part_of_the_day_binds_the_hour_in_the_past_too(text: str, expected: str) -> None:
    parsed = note(text)
    assert occurred(parsed) == expected
    assert parsed.follow_up is None


def test_tonight_in_the_small_hours_is_this_night() -> None:
    just_after_midnight = datetime(2026, 3, 10, 0, 20)
    assert due(note("acme call tonight at 1am", just_after_midnight)) == "2026-03-10T01:00"
    assert due(note("腾讯 夜里12点上线", datetime(2026, 3, 10, 1, 0))) == "2026-03-11T00:00"


# --- What already happened today is when it happened ---------------------------------------------


def test_called_today_in_chinese_is_when_it_happened_and_next_month_the_follow_up() -> None:
    parsed = note("华为 今天来电，说下个月要加单 100 台", AFTERNOON)
    assert occurred(parsed) == "2026-03-10T09:00"
    assert due(parsed) == "2026-04-01T09:00"


@pytest.mark.parametrize(
    "text",
    [
        "阿里巴巴 今天上午开会，讨论续约",
        "阿里巴巴 今天开会讨论续约",
        "阿里巴巴 今早8点开会",
        "acme called today",
        "acme meeting this morning",
        "acme call at 9am today",
        "acme demo today at 10",
    ],
)
def test_today_already_behind_us_is_when_it_happened_never_an_overdue_follow_up(text: str) -> None:
    parsed = note(text, AFTERNOON)
    assert parsed.follow_up is None
    assert occurred(parsed) is not None and occurred(parsed) <= "2026-03-10T14:30"  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("阿里巴巴 今天下午三点开会", "2026-03-10T15:00"),
        ("阿里巴巴 今晚回电", "2026-03-10T20:00"),
        ("阿里巴巴 今天要给报价", "2026-03-10T17:00"),
        ("阿里巴巴 今天跟进报价", "2026-03-10T17:00"),
        ("acme call today", "2026-03-10T17:00"),
        ("acme call today at 4", "2026-03-10T16:00"),
        ("acme call tonight", "2026-03-10T20:00"),
    ],
)
def test_today_still_ahead_is_a_follow_up_due_later_today(text: str, expected: str) -> None:
    assert due(note(text, AFTERNOON)) == expected


def test_a_follow_up_today_without_a_time_is_due_at_the_next_working_moment() -> None:
    assert due(note("acme call today", NOW)) == "2026-03-10T09:00"
    assert due(note("acme call today", AFTERNOON)) == "2026-03-10T17:00"
    evening = datetime(2026, 3, 10, 18, 30)
    assert due(note("acme call today", evening)) == "2026-03-10T18:30"
    assert due(followup("腾讯 今天 回电话", AFTERNOON)) == "2026-03-10T17:00"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("腾讯 今天上午9点 回电话", "zh"), ("acme today at 9am call back", "en")],
)
def test_followup_at_a_time_already_past_today_says_it_is_past(text: str, lang: str) -> None:
    parsed = followup(text, AFTERNOON)
    assert parsed.error_code == "past_date"
    assert parsed.lang == lang
    assert parsed.follow_up is None
    assert ("已经过去" if lang == "zh" else "already past") in (parsed.error or "")


# --- A date just past is when it happened, not next year's follow-up -----------------------------

DEC_2 = datetime(2026, 12, 2, 10, 0)


def test_followup_on_a_date_just_past_says_it_is_past() -> None:
    parsed = followup("acme 12/1 check", DEC_2)
    assert parsed.error_code == "past_date"
    assert parsed.follow_up is None
    assert "12/1" in (parsed.error or "") and "Dec 1, 2026" in (parsed.error or "")
    assert followup("acme nov 1 renewal call", DEC_2).error_code == "past_date"


def test_chinese_followup_on_a_date_just_past_says_it_is_past_in_chinese() -> None:
    parsed = followup("阿里巴巴 3月5号 签合同")
    assert parsed.error_code == "past_date"
    assert parsed.lang == "zh"
    assert "3月5号" in (parsed.error or "") and "2026年3月5日" in (parsed.error or "")


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("acme 12/1 check", DEC_2, "2026-12-01T09:00"),
        ("acme renewal nov 1", DEC_2, "2026-11-01T09:00"),
        ("acme contract signed june 20", DEC_2, "2026-06-20T09:00"),
        ("阿里巴巴 3月5号签合同", NOW, "2026-03-05T09:00"),
        ("阿里巴巴 合同3月4日付款", NOW, "2026-03-04T09:00"),
        ("阿里巴巴 1月3日签约", NOW, "2026-01-03T09:00"),
        ("acme signed dec 20", datetime(2027, 1, 5, 10, 0), "2026-12-20T09:00"),
    ],
)
def test_a_date_without_its_year_just_past_is_when_it_happened(
    text: str, now: datetime, expected: str
) -> None:
    parsed = note(text, now)
    assert occurred(parsed) == expected
    assert parsed.follow_up is None


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("acme renewal dec 5", NOW, "2026-12-05T09:00"),  # this year's, still to come
        ("acme renewal jan 15", DEC_2, "2027-01-15T09:00"),  # this year's was long ago: next year's
        ("阿里巴巴 12月5日续约", NOW, "2026-12-05T09:00"),
        ("acme call dec 3", DEC_2, "2026-12-03T09:00"),
        ("acme renewal dec 1 2027", DEC_2, "2027-12-01T09:00"),
    ],
)
def test_a_date_without_its_year_still_to_come_is_a_follow_up(
    text: str, now: datetime, expected: str
) -> None:
    assert due(note(text, now)) == expected


# --- Dates that do not exist, and dates too far ahead, say so --------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("acme renewal feb 30", "en"),
        ("acme renewal 30 february", "en"),
        ("acme renewal 2026-02-30", "en"),
        ("acme renewal 31.04.2026", "en"),
        ("acme call due 13/45", "en"),
        ("acme contract review on 13/45", "en"),
        ("阿里巴巴 2月30日续约", "zh"),
        ("阿里巴巴 下个月31号付款", "zh"),
        ("阿里巴巴 2026年4月31日签约", "zh"),
    ],
)
def test_a_date_that_does_not_exist_is_refused_saying_so(text: str, lang: str) -> None:
    parsed = note(text)
    assert parsed.error_code == "no_such_date"
    assert parsed.lang == lang
    assert parsed.follow_up is None
    assert ("不存在" if lang == "zh" else "not on the calendar") in (parsed.error or "")


def test_followup_with_an_impossible_date_first_is_refused_saying_so() -> None:
    assert followup("acme 13/45 check").error_code == "no_such_date"
    assert followup("acme feb 30 renewal").error_code == "no_such_date"


@pytest.mark.parametrize("text", ["acme 24/7 support", "acme 50/50 split", "acme 13/45 passed the audit"])
def test_slashed_numbers_in_a_note_are_not_a_mistaken_date(text: str) -> None:
    parsed = note(text)
    assert parsed.error is None
    assert parsed.follow_up is None and parsed.occurred_at is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("acme check in 500 years", "en"),
        ("acme check back in 6 years", "en"),
        ("acme renewal jan 1 2040", "en"),
        ("acme ping in 100 months", "en"),
        ("阿里巴巴 100年后续约", "zh"),
        ("阿里巴巴 2040年1月1日续约", "zh"),
    ],
)
def test_a_follow_up_past_the_five_year_horizon_is_refused_saying_so(text: str, lang: str) -> None:
    parsed = note(text)
    assert parsed.error_code == "too_far"
    assert parsed.lang == lang
    assert "5" in (parsed.error or "")


def test_the_horizon_is_five_years_and_the_past_has_none() -> None:
    assert due(note("acme check in 5 years")) == "2031-03-10T09:00"
    assert occurred(note("acme founded on july 4, 1994")) == "1994-07-04T09:00"


# --- The follow-up's own words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_due", "what"),
    [
        ("acme call tonight at 8 with Bill", "2026-03-10T20:00", "call with Bill"),
        (
            "acme call Bill tomorrow at 3 in the afternoon about pricing",
            "2026-03-11T15:00",
            "call Bill about pricing",
        ),
        ("阿里巴巴 下个月中旬前给方案", "2026-04-15T09:00", "给方案"),
        ("阿里巴巴 下个月上旬给方案", "2026-04-05T09:00", "给方案"),
        ("阿里巴巴 4月下旬交付", "2026-04-25T09:00", "交付"),
        ("阿里巴巴 今晚8点回电话确认", "2026-03-10T20:00", "回电话确认"),
        ("acme follow up after christmas", "2026-12-25T09:00", "follow up"),
    ],
)
def test_the_follow_up_text_is_the_clause_without_its_time_words(
    text: str, expected_due: str, what: str
) -> None:
    parsed = note(text)
    assert due(parsed) == expected_due
    assert parsed.follow_up is not None
    assert parsed.follow_up.text == what


def test_a_part_of_today_still_under_way_is_a_follow_up_due_now_unless_told_as_done() -> None:
    nine_pm = datetime(2026, 3, 10, 21, 0)
    assert due(note("acme call tonight", nine_pm)) == "2026-03-10T21:00"
    assert due(note("阿里巴巴 今晚要回电", nine_pm)) == "2026-03-10T21:00"
    assert occurred(note("acme called tonight", nine_pm)) == "2026-03-10T20:00"
    assert occurred(note("阿里巴巴 今天上午开会", datetime(2026, 3, 10, 10, 30))) == "2026-03-10T09:00"
    assert due(followup("acme this evening call back", datetime(2026, 3, 10, 19, 0))) == "2026-03-10T19:00"
