"""Dates and times, English and Chinese, against Tuesday 2026-03-10 09:00 in the note's zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.language import parse_followup, parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def due(text: str, tz: str = "UTC", now: datetime = NOW) -> str | None:
    parsed = parse_note(text, now=now, tz=tz)
    assert parsed.error is None, parsed.error
    return parsed.follow_up.due.isoformat()[:16] if parsed.follow_up else None


def occurred(text: str, tz: str = "UTC", now: datetime = NOW) -> str | None:
    parsed = parse_note(text, now=now, tz=tz)
    return parsed.occurred_at.isoformat()[:16] if parsed.occurred_at else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acme call today", "2026-03-10T09:00"),
        ("acme call tomorrow", "2026-03-11T09:00"),
        ("acme call tmrw 3pm", "2026-03-11T15:00"),
        ("acme call back day after tomorrow", "2026-03-12T09:00"),
        ("acme call tomorrow at 2:30pm", "2026-03-11T14:30"),
        ("acme call at 3pm tomorrow", "2026-03-11T15:00"),
        ("acme call tomorrow 15:00", "2026-03-11T15:00"),
        ("acme call tomorrow morning", "2026-03-11T09:00"),
        ("acme call tomorrow afternoon", "2026-03-11T14:00"),
        ("acme send deck 10am", "2026-03-10T10:00"),
        ("acme send deck 8am", "2026-03-11T08:00"),
        ("acme send deck 3pm", "2026-03-10T15:00"),
        ("acme send deck at noon", "2026-03-10T12:00"),
        ("acme demo tuesday", "2026-03-17T09:00"),
        ("acme demo this tuesday", "2026-03-17T09:00"),
        ("acme demo wednesday", "2026-03-11T09:00"),
        ("acme demo this friday", "2026-03-13T09:00"),
        ("acme demo next tuesday", "2026-03-17T09:00"),
        ("acme demo next monday", "2026-03-16T09:00"),
        ("acme demo next sunday", "2026-03-22T09:00"),
        ("acme demo next fri 4pm", "2026-03-20T16:00"),
        ("acme demo on friday at 3", "2026-03-13T15:00"),
        ("acme quote by friday", "2026-03-13T09:00"),
        ("acme quote by eod friday", "2026-03-13T17:00"),
        ("acme quote eod", "2026-03-10T17:00"),
        ("acme quote by end of day", "2026-03-10T17:00"),
        ("acme quote by end of week", "2026-03-13T09:00"),
        ("acme quote by end of month", "2026-03-31T09:00"),
        ("acme quote by end of next month", "2026-04-30T09:00"),
        ("acme renewal next week", "2026-03-16T09:00"),
        ("acme renewal next month", "2026-04-01T09:00"),
        ("acme check in 3 days", "2026-03-13T09:00"),
        ("acme check in 2 weeks", "2026-03-24T09:00"),
        ("acme check in a week", "2026-03-17T09:00"),
        ("acme ping in 2 hours", "2026-03-10T11:00"),
        ("acme ping in 30 minutes", "2026-03-10T09:30"),
        ("acme ping in half an hour", "2026-03-10T09:30"),
        ("acme check back in a couple of days", "2026-03-12T09:00"),
        ("acme check in 2 months", "2026-05-10T09:00"),
        ("acme review in 5 business days", "2026-03-17T09:00"),
        ("acme review 3 days from now", "2026-03-13T09:00"),
        ("acme contract review dec 5", "2026-12-05T09:00"),
        ("acme contract review December 5th", "2026-12-05T09:00"),
        ("acme contract review 5 December", "2026-12-05T09:00"),
        ("acme contract review on the 5th of december", "2026-12-05T09:00"),
        ("acme contract review 12/10", "2026-12-10T09:00"),
        ("acme contract review 3/12", "2026-03-12T09:00"),
        ("acme contract review march 20 at 2pm", "2026-03-20T14:00"),
        ("acme renewal jan 15, 2027", "2027-01-15T09:00"),
        ("acme renewal 2026-04-01", "2026-04-01T09:00"),
        ("acme renewal 2026-04-01 14:30", "2026-04-01T14:30"),
        ("acme renewal 15.04.2026", "2026-04-15T09:00"),
        ("acme invoice due the 15th", "2026-03-15T09:00"),
        ("acme invoice due on the 5th", "2026-04-05T09:00"),
        ("acme call tonight", "2026-03-10T20:00"),
        ("acme call this afternoon", "2026-03-10T14:00"),
        ("acme call this weekend", "2026-03-14T09:00"),
        ("acme quote by the end of the quarter", "2026-03-31T09:00"),
        ("acme kickoff next week on wednesday", "2026-03-18T09:00"),
        ("acme kickoff wednesday next week", "2026-03-18T09:00"),
        ("acme call back at 3", "2026-03-10T15:00"),
        ("acme revisit in a fortnight", "2026-03-24T09:00"),
        ("acme review 2 weeks from today", "2026-03-24T09:00"),
        ("acme call tomorrow eod", "2026-03-11T17:00"),
        ("acme call 3pm next tue", "2026-03-17T15:00"),
        ("acme proposal by end of next week", "2026-03-20T09:00"),
        ("acme proposal early next week", "2026-03-16T09:00"),
        ("acme proposal by end of Q2", "2026-06-30T09:00"),
        ("acme renewal 3/20/2026", "2026-03-20T09:00"),
        ("acme call in 48 hours", "2026-03-12T09:00"),
        ("acme call in two days", "2026-03-12T09:00"),
        ("acme call this evening", "2026-03-10T18:00"),
        ("acme call tonight 8pm", "2026-03-10T20:00"),
        ("acme demo on friday, follow up next tuesday", "2026-03-17T09:00"),
        ("acme wants the renewal sorted friday", "2026-03-13T09:00"),
        ("acme asked for the quote on monday", "2026-03-16T09:00"),
        ("acme meeting 10-11am tomorrow", "2026-03-11T10:00"),
        ("acme call 2-3pm friday", "2026-03-13T14:00"),
        ("acme call at 5 today", "2026-03-10T17:00"),
        ("acme noon tomorrow lunch", "2026-03-11T12:00"),
        ("acme call Monday the 16th at 3pm", "2026-03-16T15:00"),
        ("acme renewal in Jan", "2027-01-01T09:00"),
        ("acme renewal by end of April", "2026-04-30T09:00"),
        ("acme call back around 4", "2026-03-10T16:00"),
        ("acme renewal date 2026/04/01", "2026-04-01T09:00"),
    ],
)
def test_english_follow_up_dates(text: str, expected: str) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("阿里巴巴 今天下午三点开会", "2026-03-10T15:00"),
        ("阿里巴巴 明天跟进", "2026-03-11T09:00"),
        ("阿里巴巴 明早电话", "2026-03-11T09:00"),
        ("阿里巴巴 明天晚上8点吃饭", "2026-03-11T20:00"),
        ("阿里巴巴 后天回访", "2026-03-12T09:00"),
        ("阿里巴巴 大后天回访", "2026-03-13T09:00"),
        ("阿里巴巴 周五前给报价", "2026-03-13T09:00"),
        ("阿里巴巴 星期四拜访", "2026-03-12T09:00"),
        ("阿里巴巴 礼拜六上门", "2026-03-14T09:00"),
        ("阿里巴巴 周日回电", "2026-03-15T09:00"),
        ("阿里巴巴 下周二跟进", "2026-03-17T09:00"),
        ("阿里巴巴 下星期一开会", "2026-03-16T09:00"),
        ("阿里巴巴 下个礼拜三演示", "2026-03-18T09:00"),
        ("阿里巴巴 本周五前反馈", "2026-03-13T09:00"),
        ("阿里巴巴 这周四开会", "2026-03-12T09:00"),
        ("阿里巴巴 三天后回访", "2026-03-13T09:00"),
        ("阿里巴巴 3天后回访", "2026-03-13T09:00"),
        ("阿里巴巴 两周后再联系", "2026-03-24T09:00"),
        ("阿里巴巴 一个月后续约", "2026-04-10T09:00"),
        ("阿里巴巴 两小时后回电", "2026-03-10T11:00"),
        ("阿里巴巴 半小时后回电", "2026-03-10T09:30"),
        ("阿里巴巴 月底前付款", "2026-03-31T09:00"),
        ("阿里巴巴 下个月5号签约", "2026-04-05T09:00"),
        ("阿里巴巴 下月初再谈", "2026-04-01T09:00"),
        ("阿里巴巴 12月5日续约", "2026-12-05T09:00"),
        ("阿里巴巴 12月5号续约", "2026-12-05T09:00"),
        ("阿里巴巴 2026年4月1日签约", "2026-04-01T09:00"),
        ("阿里巴巴 3月20日前提交", "2026-03-20T09:00"),
        ("阿里巴巴 20号前回复", "2026-03-20T09:00"),
        ("阿里巴巴 上午十点电话", "2026-03-10T10:00"),
        ("阿里巴巴 晚上7点半吃饭", "2026-03-10T19:30"),
        ("阿里巴巴 下午3:30开会", "2026-03-10T15:30"),
        ("阿里巴巴 明天下午两点一刻开会", "2026-03-11T14:15"),
        ("阿里巴巴 下周三下午3点演示", "2026-03-18T15:00"),
        ("阿里巴巴 今晚回电", "2026-03-10T20:00"),
        ("阿里巴巴 十天内给答复", "2026-03-20T09:00"),
        ("阿里巴巴 下周跟进", "2026-03-16T09:00"),
        ("阿里巴巴 3点开会", "2026-03-10T15:00"),
        ("阿里巴巴 过两天再联系", "2026-03-12T09:00"),
        ("阿里巴巴 再过一周回访", "2026-03-17T09:00"),
        ("阿里巴巴 3个工作日内回复", "2026-03-13T09:00"),
        ("阿里巴巴 一个星期后回访", "2026-03-17T09:00"),
        ("阿里巴巴 下下周一上午9点半汇报", "2026-03-23T09:30"),
        ("阿里巴巴 明天中午吃饭", "2026-03-11T12:00"),
        ("阿里巴巴 后天晚上开会", "2026-03-12T20:00"),
        ("阿里巴巴 月中再跟进", "2026-03-15T09:00"),
        ("阿里巴巴 年底前续约", "2026-12-31T09:00"),
        ("阿里巴巴 下周三之前给方案", "2026-03-18T09:00"),
        ("阿里巴巴 十五点半开会", "2026-03-10T15:30"),
        ("阿里巴巴 周五演示，下周二跟进", "2026-03-17T09:00"),
        ("阿里巴巴 今天下午电话沟通了续约方案，下周五前给报价", "2026-03-20T09:00"),
        ("阿里巴巴 十二月五日续约", "2026-12-05T09:00"),
        ("阿里巴巴 三月二十日前交付", "2026-03-20T09:00"),
        ("阿里巴巴 二〇二六年五月一日上线", "2026-05-01T09:00"),
        ("阿里巴巴 下个月十五号付款", "2026-04-15T09:00"),
        ("阿里巴巴 星期五上午九点半拜访", "2026-03-13T09:30"),
        ("阿里巴巴 礼拜一早上8点开会", "2026-03-16T08:00"),
        ("阿里巴巴 今天晚上九点回电", "2026-03-10T21:00"),
        ("阿里巴巴 明天9:30开会", "2026-03-11T09:30"),
        ("阿里巴巴 半个月后回访", "2026-03-25T09:00"),
        ("阿里巴巴 一年后续约", "2027-03-10T09:00"),
        ("阿里巴巴 1个半小时后回电", "2026-03-10T10:30"),
        ("阿里巴巴 10分钟后回电", "2026-03-10T09:10"),
        ("阿里巴巴 3月底前完成", "2026-03-31T09:00"),
        ("阿里巴巴 本月底付款", "2026-03-31T09:00"),
        ("阿里巴巴 下周末上门", "2026-03-21T09:00"),
        ("acme 电话沟通 pricing，明天跟进", "2026-03-11T09:00"),
        ("shopify 微信沟通，下周一 follow up", "2026-03-16T09:00"),
    ],
)
def test_chinese_follow_up_dates(text: str, expected: str) -> None:
    assert due(text, tz="Asia/Shanghai") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acme called yesterday", "2026-03-09T09:00"),
        ("acme visited last friday", "2026-03-06T09:00"),
        ("acme met 2 days ago", "2026-03-08T09:00"),
        ("acme emailed a week ago", "2026-03-03T09:00"),
        ("acme demoed the day before yesterday", "2026-03-08T09:00"),
        ("acme met them monday", "2026-03-09T09:00"),
        ("acme called today about pricing", "2026-03-10T09:00"),
        ("acme signed last week", "2026-03-02T09:00"),
        ("阿里巴巴 昨天来电", "2026-03-09T09:00"),
        ("阿里巴巴 前天拜访过", "2026-03-08T09:00"),
        ("阿里巴巴 上周五开会", "2026-03-06T09:00"),
        ("阿里巴巴 三天前下单", "2026-03-07T09:00"),
        ("阿里巴巴 周一拜访了", "2026-03-09T09:00"),
        ("阿里巴巴 本周一开会了", "2026-03-09T09:00"),
        ("阿里巴巴 昨天下午拜访", "2026-03-09T14:00"),
        ("阿里巴巴 上个月签了合同", "2026-02-01T09:00"),
        ("阿里巴巴 3月5日签了合同", "2026-03-05T09:00"),
        ("acme met on march 2", "2026-03-02T09:00"),
        ("acme called last night", "2026-03-09T20:00"),
        ("acme called earlier today", "2026-03-10T09:00"),
        ("阿里巴巴 刚刚来电询问报价", "2026-03-10T09:00"),
    ],
)
def test_past_expressions_set_occurred_at_and_never_a_follow_up(text: str, expected: str) -> None:
    assert occurred(text, tz="Asia/Shanghai" if not text.isascii() else "UTC") == expected
    assert due(text, tz="Asia/Shanghai" if not text.isascii() else "UTC") is None


@pytest.mark.parametrize(
    "text",
    [
        "acme support is 24/7",
        "acme wants 7x24 support",
        "acme target Q3 launch",
        "acme bought 20 seats",
        "acme upgraded to version 5.2",
        "acme call +1 415 555 0199",
        "acme phone 415-555-0199",
        "acme 50/50 split",
        "acme scored 3/4 of the criteria",
        "acme needs 99.9% uptime",
        "acme order #2",
        "阿里巴巴 需要50个席位",
        "阿里巴巴 2000人规模",
        "阿里巴巴 提了3点建议",
        "阿里巴巴 电话13812345678",
        "阿里巴巴 价格便宜一点",
        "阿里巴巴 7x24小时服务",
        "阿里巴巴 每周三例会",
        "阿里巴巴 5号楼会议室",
        "阿里巴巴 version 2.3.1 上线",
        "阿里巴巴 试用3天",
        "acme meet at 4 with the CFO",
        "acme 3 locations at 5 sites",
        "acme see https://acme.com/2026/03/20/notes",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    parsed = parse_note(text, now=NOW, tz="UTC")
    assert parsed.follow_up is None
    assert parsed.occurred_at is None


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("UTC", "2026-03-11T11:00:00+00:00"),
        ("America/New_York", "2026-03-11T11:00:00-04:00"),
        ("Asia/Shanghai", "2026-03-11T11:00:00+08:00"),
        ("Asia/Kolkata", "2026-03-11T11:00:00+05:30"),
    ],
)
def test_due_carries_the_offset_of_the_notes_zone(tz: str, expected: str) -> None:
    parsed = parse_note("acme call tomorrow 11am", now=NOW, tz=tz)
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == expected


def test_relative_days_are_counted_in_the_notes_zone_not_utc() -> None:
    late_evening_utc = datetime.fromisoformat("2026-03-10T20:00:00+00:00")  # already the 11th in Shanghai
    parsed = parse_note("阿里巴巴 明天跟进", now=late_evening_utc, tz="Asia/Shanghai")
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == "2026-03-12T09:00:00+08:00"


def test_tomorrow_across_spring_forward_keeps_wall_clock_time() -> None:
    before_dst = datetime(2026, 3, 7, 10, 0)  # US clocks go forward on Sunday 2026-03-08
    parsed = parse_note("acme call tomorrow 9am", now=before_dst, tz="America/New_York")
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == "2026-03-08T09:00:00-04:00"


def test_time_inside_the_spring_forward_gap_moves_forward() -> None:
    parsed = parse_note("acme call sunday 2:30am", now=datetime(2026, 3, 7, 10, 0), tz="America/New_York")
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == "2026-03-08T03:30:00-04:00"


def test_in_hours_counts_real_hours_across_fall_back() -> None:
    now = datetime.fromisoformat("2026-11-01T00:30:00-04:00")  # New York falls back at 02:00
    parsed = parse_note("acme ping in 3 hours", now=now, tz="America/New_York")
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == "2026-11-01T02:30:00-05:00"


def test_date_without_year_is_this_years_and_one_earlier_this_year_is_when_it_happened() -> None:
    assert due("acme renewal march 10") == "2026-03-10T09:00"
    assert due("acme renewal dec 5") == "2026-12-05T09:00"
    # Issue 13: a date just past is when it happened, never a follow-up a year ahead.
    for text, tz, expected in [
        ("acme renewal march 9", "UTC", "2026-03-09T09:00"),
        ("acme renewal feb 3", "UTC", "2026-02-03T09:00"),
        ("阿里巴巴 3月1日续约", "Asia/Shanghai", "2026-03-01T09:00"),
    ]:
        assert due(text, tz=tz) is None
        assert occurred(text, tz=tz) == expected


def test_first_future_date_is_the_follow_up_and_past_date_the_occurrence() -> None:
    parsed = parse_note("acme met yesterday, follow up next tuesday", now=NOW, tz="UTC")
    assert parsed.occurred_at is not None and parsed.follow_up is not None
    assert parsed.occurred_at.date().isoformat() == "2026-03-09"
    assert parsed.follow_up.due.date().isoformat() == "2026-03-17"
    assert parsed.follow_up.text == "follow up"


@pytest.mark.parametrize(
    ("text", "due_at", "what"),
    [
        ("acme tomorrow 3pm send the quote", "2026-03-11T15:00", "send the quote"),
        ("acme next tue renewal call", "2026-03-17T09:00", "renewal call"),
        ("阿里巴巴 三天后 回访", "2026-03-13T09:00", "回访"),
        ("阿里巴巴 明天下午三点 发报价", "2026-03-11T15:00", "发报价"),
        ("acme in 2 weeks check in, bring the roadmap", "2026-03-24T09:00", "check in, bring the roadmap"),
    ],
)
def test_followup_command_takes_when_and_what(text: str, due_at: str, what: str) -> None:
    parsed = parse_followup(text, now=NOW, tz="Asia/Shanghai")
    assert parsed.error is None
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat()[:16] == due_at
    assert parsed.follow_up.text == what


@pytest.mark.parametrize(
    ("text", "lang", "hint", "code"),
    [
        ("acme send the quote", "en", "/followup acme tomorrow", "no_date"),
        ("acme called yesterday", "en", "/followup", "past_date"),  # issue 13: says that it is past
        ("阿里巴巴 发报价", "zh", "明天下午三点", "no_date"),
    ],
)
def test_followup_without_a_future_date_says_how_to_write_one(
    text: str, lang: str, hint: str, code: str
) -> None:
    parsed = parse_followup(text, now=NOW, tz="UTC")
    assert parsed.error_code == code
    assert parsed.lang == lang
    assert hint in (parsed.error or "")
    assert parsed.follow_up is None


def test_follow_up_text_leaves_out_every_date_of_its_clause() -> None:
    parsed = parse_note("acme send the contract tomorrow or friday", now=NOW, tz="UTC")
    assert parsed.follow_up is not None
    assert parsed.follow_up.text == "send the contract"


def test_note_with_only_a_date_gets_a_plain_follow_up_text() -> None:
    english = parse_note("acme tomorrow", now=NOW, tz="UTC")
    chinese = parse_note("阿里巴巴 明天", now=NOW, tz="UTC")
    assert english.follow_up is not None and english.follow_up.text == "follow up"
    assert chinese.follow_up is not None and chinese.follow_up.text == "跟进"
