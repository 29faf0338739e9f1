"""Notes as teams write them, in English, Chinese and Traditional Chinese, read whole: every field
that issue 13 is about at once, with the known names a workspace would pass."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from bot.language import parse_note, to_contract

NOW = datetime(2026, 3, 10, 9, 0)  # a Tuesday

CASES: list[tuple[str, tuple[str, ...], dict[str, Any]]] = [
    (
        "Just got off the phone with Globex, they want a quote for 50 seats by friday",
        ("Globex",),
        {
            "customer": "Globex",
            "customer_known": True,
            "body": "Just got off the phone with Globex, they want a quote for 50 seats by friday",
            "channel": "call",
            "category": "need",
            "amount": None,
            "follow_up": "2026-03-13",
        },
    ),
    (
        "华为技术有限公司 电话回访，客户反馈交付慢，下周三再联系",
        ("华为",),
        {
            "customer": "华为",
            "customer_known": True,
            "body": "电话回访，客户反馈交付慢，下周三再联系",
            "channel": "call",
            "follow_up": "2026-03-18",
        },
    ),
    (
        "Acme Health bought 20 seats $12k #won",
        ("Acme",),
        {
            "customer": "Acme Health",
            "customer_known": False,
            "customer_alternative": "Acme",
            "body": "bought 20 seats $12k #won",
            "category": "purchase",
            "amount": {"value": 12000, "currency": "USD"},
            "tags": ["won"],
        },
    ),
    (
        "华为 会议纪要：讨论了二期项目，预算约 300 万元，月底前给方案",
        (),
        {
            "customer": "华为",
            "channel": "meeting",
            "category": "general",
            "amount": {"value": 3000000, "currency": "CNY"},
            "follow_up": "2026-03-31",
        },
    ),
    (
        "ACME Inc emailed the revised SOW",
        ("ACME",),
        {"customer": "ACME", "customer_known": True, "body": "emailed the revised SOW", "channel": "email"},
    ),
    (
        "*Initech* signed the renewal, EUR 45,000",
        (),
        {
            "customer": "Initech",
            "body": "signed the renewal, EUR 45,000",
            "category": "purchase",
            "amount": {"value": 45000, "currency": "EUR"},
        },
    ),
    (
        "<!here> Hooli cold email went out, no reply yet",
        (),
        {"customer": "Hooli", "body": "cold email went out, no reply yet", "channel": "email"},
    ),
    (
        "京东 签了两年合同，总价二十万，明天开票",
        (),
        {
            "customer": "京东",
            "category": "purchase",
            "amount": {"value": 200000, "currency": "CNY"},
            "follow_up": "2026-03-11",
        },
    ),
    (
        "騰訊 電話溝通報價，下週二跟進 #報價",
        (),
        {
            "customer": "騰訊",
            "body": "電話溝通報價，下週二跟進 #報價",
            "channel": "call",
            "category": "general",
            "tags": ["報價"],
            "follow_up": "2026-03-17",
        },
    ),
    (
        "鴻海 下禮拜三拜訪，預算二十萬",
        (),
        {"customer": "鴻海", "channel": "visit", "amount": {"value": 200000, "currency": "CNY"}},
    ),
    (
        "長榮 後天下午三點開會",
        (),
        {"customer": "長榮", "channel": "meeting", "follow_up": "2026-03-12"},
    ),
    (
        "今天拜访了比亚迪，想要一份报价，四万五左右",
        (),
        {
            "customer": "比亚迪",
            "customer_known": False,
            "channel": "visit",
            "category": "need",
            "amount": {"value": 45000, "currency": "CNY"},
        },
    ),
    (
        "Ａｃｍｅ 电话 确认了付款时间",
        ("Acme",),
        {"customer": "Acme", "channel": "call", "category": "general", "amount": None},
    ),
    (
        "阿里巴巴 电话沟通续费，下周二跟进",
        ("阿里巴巴",),
        {"customer": "阿里巴巴", "category": "general", "follow_up": "2026-03-17"},
    ),
    (
        "acme called to confirm the refund, all good",
        ("Acme",),
        {"customer": "Acme", "channel": "call", "category": "general"},
    ),
    (
        "美团 付款了 人民币五万",
        (),
        {"customer": "美团", "category": "purchase", "amount": {"value": 50000, "currency": "CNY"}},
    ),
]


@pytest.mark.parametrize(("text", "known", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_realistic_note_is_read_whole(text: str, known: tuple[str, ...], expected: dict[str, Any]) -> None:
    result = to_contract(parse_note(text, now=NOW, tz="Asia/Shanghai", known=known, default_currency="CNY"))
    if result["follow_up"] is not None:
        result["follow_up"] = result["follow_up"]["due"][:10]
    assert {field: result[field] for field in expected} == expected
