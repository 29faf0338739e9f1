"""The date forms of issue 13, both languages: ordinal weekdays of a month, "after next", days of this or
next month, spelled and ordinal dates, quarter and half past, the 24-hour clock, abbreviations,
Traditional date words, holidays, and the forms of the development corpora. Tuesday 2026-03-10 09:00."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.language import parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def due(text: str, now: datetime = NOW) -> str | None:
    parsed = parse_note(text, now=now, tz="UTC", known=["acme", "阿里巴巴"])
    assert parsed.error is None, parsed.error
    return parsed.follow_up.due.isoformat()[:16] if parsed.follow_up else None


def occurred(text: str, now: datetime = NOW) -> str | None:
    parsed = parse_note(text, now=now, tz="UTC", known=["acme", "阿里巴巴"])
    assert parsed.error is None, parsed.error
    return parsed.occurred_at.isoformat()[:16] if parsed.occurred_at else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ordinal weekdays of a month.
        ("acme review the first Monday of next month", "2026-04-06T09:00"),
        ("阿里巴巴 下个月第一个周一评审", "2026-04-06T09:00"),
        ("acme review the last friday of the month", "2026-03-27T09:00"),
        ("阿里巴巴 本月最后一个周五评审", "2026-03-27T09:00"),
        ("acme offsite the 3rd sunday of june", "2026-06-21T09:00"),
        ("阿里巴巴 6月第3个星期日团建", "2026-06-21T09:00"),
        ("阿里巴巴 八月份的第一个周二开会", "2026-08-04T09:00"),
        # After next.
        ("acme call the week after next", "2026-03-23T09:00"),
        ("阿里巴巴 下下周跟进", "2026-03-23T09:00"),
        ("acme call tuesday after next", "2026-03-24T09:00"),
        ("阿里巴巴 下下周二跟进", "2026-03-24T09:00"),
        ("阿里巴巴 大后天回访", "2026-03-13T09:00"),
        ("阿里巴巴 大大后天回访", "2026-03-14T09:00"),
        ("acme call the month after next", "2026-05-01T09:00"),
        # Days of this or next month.
        ("acme invoice the 15th of next month", "2026-04-15T09:00"),
        ("阿里巴巴 下个月15号付款", "2026-04-15T09:00"),
        ("acme invoice this month's 20th", "2026-03-20T09:00"),
        ("acme invoice next month's 5th", "2026-04-05T09:00"),
        ("阿里巴巴 本月20号付款", "2026-03-20T09:00"),
        ("acme invoice the third of next month", "2026-04-03T09:00"),
        # Spelled-out and ordinal dates, either order.
        ("acme demo March 20th", "2026-03-20T09:00"),
        ("acme demo 20th of March", "2026-03-20T09:00"),
        ("acme demo the twentieth of March", "2026-03-20T09:00"),
        ("acme demo March the twentieth", "2026-03-20T09:00"),
        ("acme demo march twenty-first", "2026-03-21T09:00"),
        ("acme demo on wednesday the eleventh", "2026-03-11T09:00"),
        ("acme demo on monday the 16th at 3pm", "2026-03-16T15:00"),
        ("acme demo monday 16", "2026-03-16T09:00"),
        # Quarter and half past, the 24-hour clock.
        ("acme call quarter past 3", "2026-03-10T15:15"),
        ("acme call half past 10 tomorrow", "2026-03-11T10:30"),
        ("acme call quarter to 4", "2026-03-10T15:45"),
        ("acme call ten past 9 tomorrow", "2026-03-11T09:10"),
        ("阿里巴巴 3点一刻开会", "2026-03-10T15:15"),
        ("阿里巴巴 3点半开会", "2026-03-10T15:30"),
        ("阿里巴巴 差一刻4点开会", "2026-03-10T15:45"),
        ("阿里巴巴 4点差5分开会", "2026-03-10T15:55"),
        ("阿里巴巴 三点三刻开会", "2026-03-10T15:45"),
        ("阿里巴巴 下午5点多钟开会", "2026-03-10T17:00"),
        ("acme call 15:30", "2026-03-10T15:30"),
        ("acme call 1530h", "2026-03-10T15:30"),
        ("acme call at six pm", "2026-03-10T18:00"),
        ("acme call at six tomorrow", "2026-03-11T18:00"),
        ("acme call today at 9p", "2026-03-10T21:00"),
        ("acme call at 8.30pm", "2026-03-10T20:30"),
        # Abbreviated weekday and month names.
        ("acme demo Tue", "2026-03-17T09:00"),
        ("acme demo Thu", "2026-03-12T09:00"),
        ("acme demo Thurs 2pm", "2026-03-12T14:00"),
        ("acme renewal Sept 5", "2026-09-05T09:00"),
        ("acme renewal Apr. 2", "2026-04-02T09:00"),
        ("acme renewal Dec31", "2026-12-31T09:00"),
        # Traditional date words.
        ("阿里巴巴 週五回訪", "2026-03-13T09:00"),
        ("阿里巴巴 禮拜三拜訪", "2026-03-11T09:00"),
        ("阿里巴巴 後天下午3點開會", "2026-03-12T15:00"),
        ("阿里巴巴 下個月5號付款", "2026-04-05T09:00"),
        ("阿里巴巴 這週四開會", "2026-03-12T09:00"),
        ("阿里巴巴 下個禮拜一開會", "2026-03-16T09:00"),
        ("阿里巴巴 兩天後回訪", "2026-03-12T09:00"),
        # Weeks said around a weekday.
        ("acme demo on monday of next week", "2026-03-16T09:00"),
        ("acme demo next week wednesday", "2026-03-18T09:00"),
        ("acme demo the following friday", "2026-03-20T09:00"),
        ("acme demo two days after tomorrow", "2026-03-13T09:00"),
        ("阿里巴巴 下周周六上门", "2026-03-21T09:00"),
        # Holidays.
        ("acme follow up after christmas", "2026-12-25T09:00"),
        ("acme call before thanksgiving", "2026-11-26T09:00"),
        ("阿里巴巴 国庆前给方案", "2026-10-01T09:00"),
        ("阿里巴巴 十一前给方案", "2026-10-01T09:00"),
        ("阿里巴巴 明年元旦续约", "2027-01-01T09:00"),
        ("阿里巴巴 母亲节活动", "2026-05-10T09:00"),
        # Numeric forms.
        ("acme renewal 05-Aug-2026", "2026-08-05T09:00"),
        ("acme renewal 2026/aug/05", "2026-08-05T09:00"),
        ("acme renewal Sep-23-2026", "2026-09-23T09:00"),
        ("acme renewal 20260805", "2026-08-05T09:00"),
        ("acme renewal 2026 08 05", "2026-08-05T09:00"),
        ("acme renewal 09-01", "2026-09-01T09:00"),
        ("阿里巴巴 6·18大促", "2026-06-18T09:00"),
        ("阿里巴巴 2026-09-0910:09上线", "2026-09-09T10:09"),
        ("阿里巴巴 2026年第一百天上线", "2026-04-10T09:00"),
    ],
)
def test_date_forms_of_issue_13(text: str, expected: str) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acme met tuesday of last week", "2026-03-03T09:00"),
        ("acme met on previous week - monday", "2026-03-02T09:00"),
        ("acme signed 3/18/25", "2025-03-18T09:00"),
        ("acme was founded 15 April of 87", "1987-04-15T09:00"),
        ("acme sold the unit on Dec. 31 , 1994", "1994-12-31T09:00"),
        ("阿里巴巴 去年3月3号签约", "2025-03-03T09:00"),
        ("阿里巴巴 15年3月2日签约", "2015-03-02T09:00"),
        ("阿里巴巴 零七年八月二十九号成立", "2007-08-29T09:00"),
        ("阿里巴巴 上个月23号晚上九点零九下单", "2026-02-23T21:09"),
        ("阿里巴巴 去年元旦签约", "2025-01-01T09:00"),
        ("阿里巴巴 你12-11-10有时间吗", "2012-11-10T09:00"),
    ],
)
def test_past_date_forms_of_issue_13(text: str, expected: str) -> None:
    assert occurred(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "acme at one point they asked for a discount",
        "acme we may first ask legal",
        "acme the first call went well",
        "acme the second meeting is the demo",
        "acme open 10 to 5",
        "acme top five ten-year plans",
        "acme room 9a",
        "acme 5 a day",
        "阿里巴巴 十一个人参加",
        "阿里巴巴 五一个方案",
        "阿里巴巴 会议纪要",
        "acme otd rate is 95%",
        "acme they now use salesforce",
    ],
)
def test_words_that_only_look_like_dates_are_not_dates(text: str) -> None:
    parsed = parse_note(text, now=NOW, tz="UTC", known=["acme", "阿里巴巴"])
    assert parsed.error is None
    assert parsed.follow_up is None and parsed.occurred_at is None


def test_a_count_after_a_weekday_is_not_its_day_of_the_month() -> None:
    assert due("acme workshop monday 16 people") == "2026-03-16T09:00"  # next Monday, not "the 16th"
    assert due("acme workshop friday 20 people") == "2026-03-13T09:00"
    assert due("acme workshop friday 20") == "2026-03-20T09:00"
