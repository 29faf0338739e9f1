"""Traditional Chinese (Taiwan, Hong Kong) is read like Simplified, and kept as written."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.language import ParsedNote, parse_note
from bot.language.markup import mark
from bot.language.scripts import simplified

NOW = datetime(2026, 3, 10, 9, 0)  # a Tuesday


def parse(text: str, known: tuple[str, ...] = ()) -> ParsedNote:
    return parse_note(text, now=NOW, tz="Asia/Taipei", known=known)


def test_a_traditional_note_is_read_and_kept_as_written() -> None:
    parsed = parse("騰訊 電話溝通報價，下週二跟進 #報價")
    assert parsed.customer == "騰訊"
    assert parsed.body == "電話溝通報價，下週二跟進 #報價"
    assert parsed.tags == ("報價",)
    assert parsed.channel == "call"
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == "2026-03-17T09:00:00+08:00"
    assert parsed.follow_up.text == "跟進"
    assert parsed.lang == "zh"


@pytest.mark.parametrize(
    ("traditional", "simplified_text"),
    [
        ("鴻海 下禮拜三開會", "鸿海 下礼拜三开会"),
        ("鴻海 後天回訪", "鸿海 后天回访"),
        ("鴻海 明天下午三點開會", "鸿海 明天下午三点开会"),
        ("台積電 三點開會", "台积电 三点开会"),
        ("鴻海 這個月底前簽約", "鸿海 这个月底前签约"),
        ("鴻海 這個月跟進", "鸿海 这个月跟进"),
        ("鴻海 下個月5號跟進", "鸿海 下个月5号跟进"),
        ("鴻海 昨天拜訪，客戶反饋價格太高", "鸿海 昨天拜访，客户反馈价格太高"),
        ("國泰 投訴交貨延遲", "国泰 投诉交货延迟"),
        ("長榮 下單了 二十萬元", "长荣 下单了 二十万元"),
        ("騰訊電話溝通，下週五給答覆", "腾讯电话沟通，下周五给答复"),
    ],
)
def test_traditional_reads_every_field_as_its_simplified_twin_does(
    traditional: str, simplified_text: str
) -> None:
    ours, twin = parse(traditional), parse(simplified_text)
    assert simplified(ours.customer or "") == twin.customer
    assert simplified(ours.body) == twin.body
    assert (ours.channel, ours.category, ours.amount, ours.occurred_at, ours.lang) == (
        twin.channel,
        twin.category,
        twin.amount,
        twin.occurred_at,
        twin.lang,
    )
    assert (ours.follow_up and ours.follow_up.due) == (twin.follow_up and twin.follow_up.due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("鴻海 下禮拜三開會", "2026-03-18T09:00:00+08:00"),
        ("鴻海 後天回訪", "2026-03-12T09:00:00+08:00"),
        ("台積電 三點開會", "2026-03-10T15:00:00+08:00"),
        ("鴻海 這個月底前簽約", "2026-03-31T09:00:00+08:00"),
    ],
)
def test_traditional_dates_are_found(text: str, due: str) -> None:
    parsed = parse(text)
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.isoformat() == due


def test_a_name_without_a_space_ends_at_a_traditional_keyword() -> None:
    parsed = parse("騰訊電話溝通")
    assert (parsed.customer, parsed.body, parsed.channel) == ("騰訊", "電話溝通", "call")


def test_the_reading_copy_keeps_offsets_and_the_readable_text_is_untouched() -> None:
    marked = mark("騰訊 <@U1> 下週二 後天 https://例子.tw/後天 #報價")
    assert len(marked.scan) == len(marked.readable)
    assert "下周二 后天" in marked.scan and "後" not in marked.scan  # the link is blanked, not converted
    assert marked.readable == "騰訊 @U1 下週二 後天 https://例子.tw/後天 #報價"


def test_simplified_leaves_simplified_and_latin_text_alone() -> None:
    for text in ("阿里巴巴 电话沟通报价，下周二跟进", "acme called", "乾隆 著名", ""):
        assert simplified(text) == text


def test_a_lone_surrogate_is_read_unconverted_rather_than_raising() -> None:
    assert simplified("後天\ud800") == "後天\ud800"
