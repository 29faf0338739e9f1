"""The short answers of /crm: its help, settings changed, tags applied, recomputes, segments
deleted and weekly-summary subscriptions (search, segments and summaries themselves have their
own renderers)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.core.i18n import t
from bot.customers.tagging import TagResult
from bot.digests.subscriptions import Subscription
from bot.insights.reclassify import Recomputed
from bot.notes.capture import CaptureSetting
from bot.render.kit import Message, section

_DAY_NAMES = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
              "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日")}  # fmt: skip
TAGGED_NAMES = 20  # customers named in a tag answer; the count says how many there were


def said(text: str, lang: str) -> Message:
    """One answer in one section."""
    return Message(text=text, blocks=[section(text)], lang=lang)


def crm_help(lang: str) -> Message:
    return said(t("crm_help", lang), lang)


def not_available(word: str, lang: str) -> Message:
    """A sub-command /crm does not have: says so, then the help."""
    return said(t("command_not_available", lang, command=f"/crm {word}") + "\n\n" + t("crm_help", lang), lang)


def thresholds_set(at_risk: int, churn: int, lang: str) -> Message:
    return said(t("crm_thresholds_set", lang, at_risk=at_risk, churn=churn), lang)


def rate_set(currency: str, rate: Decimal, base: str, lang: str) -> Message:
    return said(t("crm_rate_set", lang, currency=currency.upper(), rate=rate, base=base), lang)


def recomputing(lang: str) -> Message:
    return said(t("crm_recomputing", lang), lang)


def recomputed(done: Recomputed, lang: str) -> Message:
    missing = t("crm_missing_rates", lang, currencies=", ".join(done.unconverted)) if done.unconverted else ""
    text = t(
        "crm_recomputed",
        lang,
        customers=done.customers,
        moved=done.moved,
        warnings=done.warnings,
        missing=missing,
    )
    return said(text, lang)


def emoji_set(emoji: str, lang: str) -> Message:
    return said(t("crm_emoji_set", lang, emoji=emoji), lang)


def capture_set(setting: CaptureSetting, lang: str) -> Message:
    if setting.customer_name is None:
        return said(t("crm_capture_off", lang, channel=setting.channel_id), lang)
    return said(t("crm_capture_on", lang, channel=setting.channel_id, customer=setting.customer_name), lang)


def tagged(result: TagResult, lang: str) -> Message:
    none = t("none", lang)
    text = t(
        "crm_tagged",
        lang,
        count=len(result.customers),
        names=", ".join(result.customers[:TAGGED_NAMES]) or none,
        added=" ".join(f"#{x}" for x in result.added) or none,
        removed=" ".join(f"#{x}" for x in result.removed) or none,
    )
    if result.absent:
        text += " " + t("crm_tag_absent", lang, tags=" ".join(f"#{x}" for x in result.absent))
    return said(text, lang)


def segment_deleted(name: str, lang: str) -> Message:
    return said(t("segment_deleted", lang, name=name), lang)


def _day(weekday: int, lang: str) -> str:
    return _DAY_NAMES["zh" if lang == "zh" else "en"][weekday]


def digest_subscribed(sub: Subscription, lang: str) -> Message:
    when = f"{sub.hour}:{sub.minute:02d}"
    text = t(
        "digest_subscribed", lang, segment=sub.segment, day=_day(sub.weekday, lang), time=when, tz=sub.tz
    )
    return said(text, lang)


def digest_list(subs: Sequence[Subscription], lang: str) -> Message:
    lines = [f"• *{s.segment}* — {_day(s.weekday, lang)} {s.hour}:{s.minute:02d} ({s.tz})" for s in subs]
    return said(t("digest_list", lang) + "\n" + "\n".join(lines) if lines else t("digest_none", lang), lang)


def digest_unsubscribed(count: int, segment: str, lang: str) -> Message:
    return said(t("digest_unsubscribed", lang, count=count, segment=segment), lang)


def digest_sending(segment: str, lang: str) -> Message:
    return said(t("digest_sending", lang, segment=segment), lang)
