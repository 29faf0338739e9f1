"""Every public example of issue 4, pinned field by field (now = Tuesday 2026-03-10 09:00)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from bot.language import parse_note, to_contract

NOW = datetime(2026, 3, 10, 9, 0)
LONDON = "Europe/London"
SHANGHAI = "Asia/Shanghai"

EXAMPLES: list[tuple[str, str, dict[str, Any]]] = [
    (
        LONDON,
        "northwind complained about late delivery, call back tomorrow 11am #logistics",
        {
            "customer": "northwind",
            "channel": "call",
            "category": "complaint",
            "tags": ["logistics"],
            "follow_up": "2026-03-11T11:00:00+00:00",
        },
    ),
    (
        LONDON,
        "contoso signed for 40 seats, $18.5k #won",
        {
            "customer": "contoso",
            "category": "purchase",
            "amount": {"value": 18500, "currency": "USD"},
            "follow_up": None,
            "tags": ["won"],
        },
    ),
    (
        LONDON,
        "fabrikam wants a security questionnaire by next thursday",
        {"customer": "fabrikam", "category": "need", "follow_up": "2026-03-19T09:00:00+00:00"},
    ),
    (
        LONDON,
        "litware asked for an on-prem option, revisit in 10 days",
        {"customer": "litware", "category": "need", "follow_up": "2026-03-20T09:00:00+00:00"},
    ),
    (
        LONDON,
        "proseware paid €9,900 for invoice 1043",
        {
            "customer": "proseware",
            "category": "purchase",
            "amount": {"value": 9900, "currency": "EUR"},
            "follow_up": None,
        },
    ),
    (
        LONDON,
        "woodgrove needs a 99.9% uptime SLA",
        {"customer": "woodgrove", "category": "need", "amount": None, "follow_up": None},
    ),
    (
        LONDON,
        "coho winery visited HQ last tuesday",
        {
            "customer": "coho winery",
            "channel": "visit",
            "occurred_at": "2026-03-03T09:00:00+00:00",
            "follow_up": None,
        },
    ),
    (
        LONDON,
        "contoso: <@U07XYZ> owns the follow-up on march 20",
        {"customer": "contoso", "mentions": ["U07XYZ"], "follow_up": "2026-03-20T09:00:00+00:00"},
    ),
    (
        LONDON,
        "fabrikam chat on teams re onboarding #onboarding #Onboarding",
        {"customer": "fabrikam", "channel": "chat", "tags": ["onboarding"]},
    ),
    (
        SHANGHAI,
        "中兴 电话确认需求，下周三给答复",
        {
            "customer": "中兴",
            "channel": "call",
            "category": "need",
            "follow_up": "2026-03-18T09:00:00+08:00",
            "lang": "zh",
        },
    ),
    (
        SHANGHAI,
        "格力 邮件投诉交付延迟 #交付",
        {"customer": "格力", "channel": "email", "category": "complaint", "tags": ["交付"]},
    ),
    (
        SHANGHAI,
        "蔚来 签了两年合同，总价12万元",
        {"customer": "蔚来", "category": "purchase", "amount": {"value": 120000, "currency": "CNY"}},
    ),
    (
        SHANGHAI,
        "万科 十天后回访",
        {"customer": "万科", "follow_up": "2026-03-20T09:00:00+08:00"},
    ),
    (
        SHANGHAI,
        "宁德时代 下午五点半开会",
        {"customer": "宁德时代", "channel": "meeting", "follow_up": "2026-03-10T17:30:00+08:00"},
    ),
    (
        SHANGHAI,
        "“中国移动” 上周三拜访过",
        {
            "customer": "中国移动",
            "channel": "visit",
            "occurred_at": "2026-03-04T09:00:00+08:00",
            "follow_up": None,
        },
    ),
    (
        SHANGHAI,
        "海康威视 3月20日前提交投标文件",
        {"customer": "海康威视", "follow_up": "2026-03-20T09:00:00+08:00"},
    ),
    (
        SHANGHAI,
        "滴滴 后天上午十点视频会议",
        {"customer": "滴滴", "channel": "meeting", "follow_up": "2026-03-12T10:00:00+08:00"},
    ),
    (
        SHANGHAI,
        "携程 需要5个管理员账号",
        {"customer": "携程", "category": "need", "amount": None, "follow_up": None},
    ),
    (
        SHANGHAI,
        "shopify 微信沟通，下周一 follow up",
        {"customer": "shopify", "channel": "chat", "follow_up": "2026-03-16T09:00:00+08:00"},
    ),
]


@pytest.mark.parametrize(("tz", "text", "expected"), EXAMPLES, ids=[e[1][:40] for e in EXAMPLES])
def test_public_example_is_parsed_as_the_issue_says(tz: str, text: str, expected: dict[str, Any]) -> None:
    got = to_contract(parse_note(text, now=NOW, tz=tz))
    assert got["error"] is None
    for field, want in expected.items():
        if field != "follow_up":
            assert got[field] == want, field
        elif want is None:
            assert got["follow_up"] is None
        else:
            assert got["follow_up"] is not None and got["follow_up"]["due"] == want


def test_follow_up_text_is_the_task_without_the_date() -> None:
    parsed = parse_note(EXAMPLES[0][1], now=NOW, tz=LONDON)
    assert parsed.follow_up is not None
    assert parsed.follow_up.text == "call back"
    chinese = parse_note("海康威视 3月20日前提交投标文件", now=NOW, tz=SHANGHAI)
    assert chinese.follow_up is not None
    assert chinese.follow_up.text == "提交投标文件"


def test_amount_value_is_a_decimal_and_an_int_in_json() -> None:
    parsed = parse_note("contoso signed for 40 seats, $18.5k #won", now=NOW, tz=LONDON)
    assert parsed.amount is not None
    assert parsed.amount.value == Decimal("18500")
    assert type(to_contract(parsed)["amount"]["value"]) is int
