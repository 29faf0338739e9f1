"""Where the customer's name ends and where it is: body words, legal suffixes, known names with a
longer new name after them, and names that are not first (issue 13). `known` is passed as the
workspace's name index would pass it (bot.notes.read_text)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from bot.language import ParsedNote, candidate_names, candidate_prefixes, parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def parse(text: str, known: tuple[str, ...] = ()) -> ParsedNote:
    return parse_note(text, now=NOW, tz="Asia/Shanghai", known=known, default_currency="CNY")


def read(text: str, known: tuple[str, ...] = ()) -> tuple[str | None, str]:
    parsed = parse(text, known)
    return parsed.customer, parsed.body


@pytest.mark.parametrize(
    ("text", "customer", "body"),
    [
        ("腾讯 反馈：界面不错，就是有点慢", "腾讯", "反馈：界面不错，就是有点慢"),
        (
            "华为 会议纪要：讨论了二期项目，预算约 300 万元",
            "华为",
            "会议纪要：讨论了二期项目，预算约 300 万元",
        ),
        ("京东 电话沟通：下周报价", "京东", "电话沟通：下周报价"),
        ("中国银行 北京分行：来电咨询", "中国银行 北京分行", "来电咨询"),
        ("acme quick call: renewal at risk", "acme", "quick call: renewal at risk"),
        ("Hooli cold email about the pilot", "Hooli", "cold email about the pilot"),
        ("Hooli quick sync re pricing", "Hooli", "quick sync re pricing"),
        ("Initech brief chat with procurement", "Initech", "brief chat with procurement"),
        ("First Republic called back", "First Republic", "called back"),
        ("Good Harvest Foods ordered 10 cases", "Good Harvest Foods", "ordered 10 cases"),
        ("acme USD 12k renewal", "acme", "USD 12k renewal"),
    ],
)
def test_words_that_start_the_body_end_a_guessed_name(text: str, customer: str, body: str) -> None:
    assert read(text) == (customer, body)


def test_the_body_after_the_name_keeps_its_amount_and_category() -> None:
    minutes = parse("华为 会议纪要：讨论了二期项目，预算约 300 万元")
    assert minutes.amount is not None and (minutes.amount.value, minutes.amount.currency) == (
        3_000_000,
        "CNY",
    )
    assert parse("腾讯 反馈：界面不错，就是有点慢").category == "feedback"


@pytest.mark.parametrize(
    ("text", "customer", "body"),
    [
        ("ACME Inc emailed the revised SOW", "ACME Inc", "emailed the revised SOW"),
        ("Acme, Inc. emailed the revised SOW", "Acme, Inc.", "emailed the revised SOW"),
        ("ACME LTD called", "ACME LTD", "called"),
        ("Globex Corp signed", "Globex Corp", "signed"),
        ("Globex Corporation signed", "Globex Corporation", "signed"),
        ("Siemens AG asked for a quote", "Siemens AG", "asked for a quote"),
        ("Hooli GmbH renewed", "Hooli GmbH", "renewed"),
        ("Initech LLC complained", "Initech LLC", "complained"),
        ("Globex Co., Ltd. signed the PO", "Globex Co., Ltd.", "signed the PO"),
        ("华为技术有限公司 电话回访", "华为技术有限公司", "电话回访"),
        ("华为技术有限公司电话回访", "华为技术有限公司", "电话回访"),
        ("阿里巴巴集团 下单了", "阿里巴巴集团", "下单了"),
        ("小米科技 来电", "小米科技", "来电"),
        ("中信股份有限公司 投诉", "中信股份有限公司", "投诉"),
        ("万达有限责任公司 签了合同", "万达有限责任公司", "签了合同"),
        ("腾讯科技（深圳）有限公司 来电", "腾讯科技（深圳）有限公司", "来电"),
    ],
)
def test_legal_suffixes_belong_to_a_new_name(text: str, customer: str, body: str) -> None:
    assert read(text) == (customer, body)


@pytest.mark.parametrize(
    ("text", "known", "body"),
    [
        ("ACME Inc emailed the revised SOW", "ACME", "emailed the revised SOW"),
        ("Acme, Inc. emailed the revised SOW", "Acme", "emailed the revised SOW"),
        ("acme ltd called", "Acme", "called"),
        ("Globex Co., Ltd. signed the PO", "Globex", "signed the PO"),
        ("华为技术有限公司 电话回访", "华为", "电话回访"),
        ("阿里巴巴集团 下单了", "阿里巴巴", "下单了"),
        ("腾讯科技（深圳）有限公司 来电", "腾讯", "来电"),
        ("Acme Inc: renewal signed", "Acme", "renewal signed"),
        ('"Acme, Inc." renewal signed', "Acme", "renewal signed"),
        ("华为技术有限公司：电话回访", "华为", "电话回访"),
    ],
)
def test_a_known_name_with_its_legal_suffix_is_the_known_customer(text: str, known: str, body: str) -> None:
    parsed = parse(text, known=(known,))
    assert (parsed.customer, parsed.body, parsed.customer_known) == (known, body, True)


def test_a_capitalised_word_after_a_known_name_reads_as_a_longer_new_name() -> None:
    parsed = parse("Acme Health bought 20 seats $12k", known=("Acme",))
    assert (parsed.customer, parsed.body) == ("Acme Health", "bought 20 seats $12k")
    assert (parsed.customer_known, parsed.customer_alternative) == (False, "Acme")
    assert parsed.amount is not None and parsed.amount.value == Decimal(12000)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("acme health bought 20 seats", "health bought 20 seats"),  # no capital, no sign of a name
        ("Acme CEO called", "CEO called"),
        ("Acme SOW signed", "SOW signed"),
        ("Acme Monday call went well", "Monday call went well"),
        ("Acme Q3 review", "Q3 review"),
        ("Acme. Health check went fine", "Health check went fine"),
        ("Acme Inc emailed", "emailed"),
    ],
)
def test_after_a_known_name_only_a_name_like_word_suggests_a_longer_one(text: str, body: str) -> None:
    parsed = parse(text, known=("Acme",))
    assert (parsed.customer, parsed.body, parsed.customer_known, parsed.customer_alternative) == (
        "Acme",
        body,
        True,
        None,
    )


def test_the_longer_known_name_wins_over_reading_a_new_one() -> None:
    parsed = parse("Acme Health bought 20 seats", known=("Acme", "Acme Health"))
    assert (parsed.customer, parsed.customer_known) == ("Acme Health", True)


@pytest.mark.parametrize(
    ("text", "known", "customer"),
    [
        ("Just got off the phone with Globex, they want a quote", ("Globex",), "Globex"),
        ("called globex re pricing", ("Globex",), "Globex"),
        ("spoke to Initech about the renewal", ("Initech",), "Initech"),
        ("today we met acme", ("Acme",), "Acme"),
        ("今天拜访了华为，讨论二期", ("华为",), "华为"),
        ("上午和阿里巴巴开会", ("阿里巴巴",), "阿里巴巴"),
        ("電話跟騰訊溝通報價", ("騰訊",), "騰訊"),
    ],
)
def test_a_known_customer_is_found_anywhere_when_the_start_names_no_one(
    text: str, known: tuple[str, ...], customer: str
) -> None:
    parsed = parse(text, known=known)
    assert (parsed.customer, parsed.body, parsed.customer_known) == (customer, text, True)


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("Just got off the phone with Globex, they want a quote", "Globex"),
        ("met with Acme today", "Acme"),
        ("visited Contoso HQ yesterday", "Contoso HQ"),
        ("拜访了华为", "华为"),
        ("和阿里巴巴开会", "阿里巴巴"),
        ("今天和阿里巴巴开会", "阿里巴巴"),
        ("下午跟京东沟通报价", "京东"),
        ("met with Sarah from Hooli about the pilot", "Hooli"),
        ("Sarah from Hooli called about the pilot", "Hooli"),
        ("Great meeting with Globex today", "Globex"),
        # Only a name-like word after the verb: not a person's pronoun, not lower case.
        ("today we met acme", None),
        ("met with the team today", None),
        ("今天和他们开会", None),
        ("明天跟进", None),
    ],
)
def test_an_unknown_name_after_a_verb_is_read_with_the_whole_note_as_body(
    text: str, customer: str | None
) -> None:
    parsed = parse(text)
    assert (parsed.customer, parsed.body, parsed.customer_known) == (customer, text, False)


@pytest.mark.parametrize(
    ("text", "known", "customer", "body"),
    [
        ("*Acme* called", (), "Acme", "called"),
        ("_Acme_ called", (), "Acme", "called"),
        ("*Acme Health* renewed", ("Acme Health",), "Acme Health", "renewed"),
        ("*acme* renewed", ("Acme",), "Acme", "renewed"),
        ("<!here> acme called", (), "acme", "called"),
        ("<!channel> 阿里巴巴 电话沟通", (), "阿里巴巴", "电话沟通"),
        ("<!everyone> <!here> Acme: renewal signed", ("Acme",), "Acme", "renewal signed"),
    ],
)
def test_slack_formatting_and_broadcasts_do_not_hide_the_name(
    text: str, known: tuple[str, ...], customer: str, body: str
) -> None:
    assert read(text, known) == (customer, body)


def test_a_new_name_at_the_start_keeps_the_known_one_named_later_as_the_alternative() -> None:
    parsed = parse("Hooli called, they compared us with Globex", known=("Globex",))
    assert (parsed.customer, parsed.customer_known, parsed.customer_alternative) == ("Hooli", False, "Globex")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Just got off the phone with Globex, they want a quote", "globex"),
        ("met with Acme Health today", "acme health"),
        ("今天拜访了华为，讨论二期", "华为"),
        ("上午和阿里巴巴开会", "阿里巴巴"),
        ("acme called", "acme"),
    ],
)
def test_candidate_names_hold_the_keys_the_name_index_must_find(text: str, key: str) -> None:
    names = candidate_names(text)
    assert key in names
    assert names[: len(candidate_prefixes(text))] == candidate_prefixes(text)


def test_candidate_names_stay_bounded_on_a_wall_of_text() -> None:
    wall = " ".join(["Met with Globex and Initech and Hooli"] * 200) + "，和阿里巴巴开会" * 200
    assert len(candidate_names(wall)) <= 160
