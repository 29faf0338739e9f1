"""A purchase is a purchase act that happened; talking about one is not. A refund is no complaint."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.language import parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def category(text: str) -> str:
    return parse_note(text, now=NOW, tz="Asia/Shanghai").category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Talking about money or a renewal is not buying.
        ("acme called to confirm the refund", "general"),
        ("Ａｃｍｅ 电话 确认了付款时间", "general"),
        ("阿里巴巴 电话沟通续费，下周二跟进", "general"),
        ("阿里巴巴 讨论签约细节", "general"),
        ("阿里巴巴 询问付款方式", "need"),
        ("acme asked when they should pay", "general"),
        ("acme wants to buy 20 seats", "need"),
        ("acme discussed the purchase order process", "general"),
        ("acme renews in june", "general"),
        ("acme signs of churn", "general"),
        # Acts that happened, in either language.
        ("acme bought 20 seats", "purchase"),
        ("acme paid the invoice", "purchase"),
        ("acme signed the renewal", "purchase"),
        ("acme ordered 5 more licenses", "purchase"),
        ("阿里巴巴 签了两年合同", "purchase"),
        ("阿里巴巴 付款了", "purchase"),
        ("阿里巴巴 已经付款", "purchase"),
        ("阿里巴巴 下单50套", "purchase"),
        ("阿里巴巴 成交", "purchase"),
        ("阿里巴巴 续费了", "purchase"),
        ("阿里巴巴 续费三年", "purchase"),
        ("阿里巴巴 采购200台服务器", "purchase"),
        ("阿里巴巴 签约成功", "purchase"),
        ("阿里巴巴 付款二十万", "purchase"),
        # 要 is a need when what is wanted follows; 反馈 after the name is feedback.
        ("阿里巴巴 要报价", "need"),
        ("阿里巴巴 要一份方案", "need"),
        ("阿里巴巴 想要试用", "need"),
        ("阿里巴巴 明天要开会", "general"),
        ("阿里巴巴 这个很重要", "general"),
        ("acme feedback: the export is slow", "feedback"),
        # A refund asked for angrily is a complaint because of the anger, not the refund.
        ("acme is furious and wants a refund", "complaint"),
        ("阿里巴巴 要求退款", "need"),
    ],
)
def test_category_needs_the_act_not_the_topic(text: str, expected: str) -> None:
    assert category(text) == expected
