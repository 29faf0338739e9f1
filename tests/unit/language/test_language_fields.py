"""Channel, category and amount, in English, Chinese and mixed notes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from bot.language import ParsedNote, parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def parse(text: str, currency: str = "USD") -> ParsedNote:
    return parse_note(text, now=NOW, tz="Asia/Shanghai", default_currency=currency)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("acme called about pricing", "call"),
        ("acme phoned back", "call"),
        ("acme rang twice", "call"),
        ("acme left a voicemail", "call"),
        ("acme emailed the contract", "email"),
        ("acme sent an e-mail", "email"),
        ("acme replied by mail", "email"),
        ("acme met the CFO", "meeting"),
        ("acme meeting went long", "meeting"),
        ("acme zoom with procurement", "meeting"),
        ("acme video call with the team", "meeting"),
        ("acme lunch with Dana", "meeting"),
        ("acme visited HQ", "visit"),
        ("acme on site for the audit", "visit"),
        ("acme onsite workshop", "visit"),
        ("acme chatted on slack", "chat"),
        ("acme ping on teams", "chat"),
        ("acme wechat about the invoice", "chat"),
        ("acme texted me", "chat"),
        ("阿里巴巴 电话沟通", "call"),
        ("阿里巴巴 回电确认", "call"),
        ("阿里巴巴 发邮件确认", "email"),
        ("阿里巴巴 开会讨论", "meeting"),
        ("阿里巴巴 视频会议", "meeting"),
        ("阿里巴巴 上门拜访", "visit"),
        ("阿里巴巴 微信沟通", "chat"),
        ("阿里巴巴 钉钉上聊了一下", "chat"),
        ("阿里巴巴 飞书沟通", "chat"),
        ("acme 电话沟通 pricing", "call"),
        ("acme bought 10 seats", None),
        ("阿里巴巴 下单了", None),
    ],
)
def test_channel_is_the_first_way_of_contact_named(text: str, channel: str | None) -> None:
    assert parse(text).channel == channel


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("acme bought 10 seats", "purchase"),
        ("acme paid the invoice", "purchase"),
        ("acme signed the order form", "purchase"),
        ("acme renewed for two years", "purchase"),
        ("acme ordered 5 more licenses", "purchase"),
        ("acme complained about latency", "complaint"),
        ("acme is unhappy with support", "complaint"),
        ("acme wants to escalate the outage", "complaint"),
        ("acme feedback on the new UI", "feedback"),
        ("acme likes the dashboard", "feedback"),
        ("acme wants SSO", "need"),
        ("acme asked for a discount", "need"),
        ("acme needs an on-prem option", "need"),
        ("acme called to discuss renewal", "general"),
        ("acme didn't buy anything", "general"),
        ("acme has not signed yet", "general"),
        ("acme: we need to send the deck", "general"),
        ("acme complained after they bought 10 seats", "complaint"),
        ("阿里巴巴 下单了200套", "purchase"),
        ("阿里巴巴 采购了一批服务器", "purchase"),
        ("阿里巴巴 签约了", "purchase"),
        ("阿里巴巴 续费三年", "purchase"),
        ("阿里巴巴 已续约两年", "purchase"),
        ("阿里巴巴 续签了", "purchase"),
        ("阿里巴巴 开会讨论续约", "general"),
        ("阿里巴巴 已付款", "purchase"),
        ("阿里巴巴 投诉响应慢", "complaint"),
        ("阿里巴巴 对服务不满", "complaint"),
        ("阿里巴巴 不满意新版本", "complaint"),
        ("阿里巴巴 反馈界面卡顿", "feedback"),
        ("阿里巴巴 给了好评", "feedback"),
        ("阿里巴巴 需要发票", "need"),
        ("阿里巴巴 希望增加报表", "need"),
        ("阿里巴巴 想要试用", "need"),
        ("阿里巴巴 不需要培训", "general"),
        ("阿里巴巴 还没下单", "general"),
        ("华为采购部开会", "general"),
    ],
)
def test_category_follows_the_strongest_keyword(text: str, category: str) -> None:
    assert parse(text).category == category


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("acme paid $12,000", "12000", "USD"),
        ("acme deal $12k", "12000", "USD"),
        ("acme deal $1.2M", "1200000", "USD"),
        ("acme paid €300", "300", "EUR"),
        ("acme paid £2,500", "2500", "GBP"),
        ("acme paid 5000 usd", "5000", "USD"),
        ("acme paid 5000 EUR", "5000", "EUR"),
        ("acme paid HK$300", "300", "HKD"),
        ("acme paid $1,234.50", "1234.50", "USD"),
        ("acme paid 3 million dollars", "3000000", "USD"),
        ("acme budget 50k", "50000", "USD"),
        ("acme deal worth 120k", "120000", "USD"),
        ("阿里巴巴 付款￥80000", "80000", "CNY"),
        ("阿里巴巴 总价3.5万元", "35000", "CNY"),
        ("阿里巴巴 签了20万", "200000", "USD"),
        ("阿里巴巴 1000美元的订单", "1000", "USD"),
        ("阿里巴巴 三万元", "30000", "CNY"),
        ("阿里巴巴 预算50万左右", "500000", "USD"),
        ("阿里巴巴 合同金额120万元", "1200000", "CNY"),
        ("阿里巴巴 1.5亿的项目", "150000000", "USD"),
    ],
)
def test_amounts_with_their_currency(text: str, value: str, currency: str) -> None:
    amount = parse(text).amount
    assert amount is not None
    assert (amount.value, amount.currency) == (Decimal(value), currency)


def test_bare_amount_takes_the_workspace_currency() -> None:
    amount = parse("阿里巴巴 签了20万", currency="CNY").amount
    assert amount is not None and amount.currency == "CNY"


def test_explicit_currency_wins_over_an_earlier_bare_amount() -> None:
    amount = parse("acme budget 50k, signed at €45,000").amount
    assert amount is not None and (amount.value, amount.currency) == (Decimal(45000), "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "acme bought 20 seats",
        "acme needs 99.9% uptime",
        "acme invoice 1043",
        "acme upgraded to version 5.2",
        "acme call +1 415 555 0199",
        "acme support is 24/7",
        "acme has 2000 users",
        "阿里巴巴 需要50个席位",
        "阿里巴巴 2000人规模",
        "阿里巴巴 20万用户",
        "阿里巴巴 需要5个管理员账号",
        "阿里巴巴 电话13812345678",
        "阿里巴巴 增长了30%",
    ],
)
def test_counts_and_numbers_are_not_money(text: str) -> None:
    assert parse(text).amount is None


def test_an_amount_of_any_size_is_read_without_failing() -> None:
    # Its limit is the note's (bot.core.validation); the grammar reads what was written.
    amount = parse("acme paid $123456789012345678901234567890").amount
    assert amount is not None and amount.value == Decimal("123456789012345678901234567890")
