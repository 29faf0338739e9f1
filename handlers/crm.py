"""/crm: settings and help (search, tags, segments and digests arrive with their services)."""

from __future__ import annotations

import json
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.core.errors import UserError
from bot.core.i18n import reply_lang, t
from bot.customers import tagging
from bot.digests import build, subscriptions
from bot.insights import reclassify, segments
from bot.jobs.digests import send_now
from bot.notes import capture
from bot.notes import finder as search
from bot.render import digests as digest_views
from bot.render import errors
from bot.render import search as search_views
from bot.render import segments as segment_views
from bot.render.kit import Message, section
from handlers.context import runtime, team_of
from handlers.replies import SendNow, answer, redraw, send_later, tell

_CHANNEL = re.compile(r"^<#([A-Z0-9]+)(?:\|[^>]*)?>$")


def register(app: App) -> None:
    # `/crm digest send` posts after the answer to Slack (building and drawing take a while).
    app.command("/crm")(ack=crm_command, lazy=[send_later, send_digest_later, recompute_later])
    app.action(search_views.PAGE_ACTION)(ack=search_page_clicked, lazy=[send_later])


def search_page_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    wanted = json.loads(action["value"])
    query, page = str(wanted["q"]), int(wanted["page"])
    team_id = team_of(body)
    found = search.search(db=rt.db, team_id=team_id, text=query, now=rt.clock(), page=page)
    lang = reply_lang(query, rt.settings.locale)
    message = search_views.results_message(found, text=query, lang=lang, now=rt.clock())
    redraw(context, message)


def _answer(ack: Ack, text: str, lang: str) -> None:
    answer(ack, Message(text=text, blocks=[section(text)], lang=lang))


def crm_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text = str(command.get("text", "")).strip()
    lang = reply_lang(text, rt.settings.locale)
    words = text.split()
    try:
        if words[:2] == ["settings", "capture"] and len(words) >= 3:
            _capture(ack, command, words[2], " ".join(words[3:]), lang, context)
        elif words[:2] == ["settings", "stages"]:
            numbers = [int(w) for w in words[2:] if w.isdigit()]
            if len(numbers) != 2:
                raise UserError("crm_bad_thresholds")
            reclassify.set_thresholds(
                db=rt.db, team_id=command["team_id"], at_risk_days=numbers[0], churn_days=numbers[1]
            )
            _answer(ack, t("crm_thresholds_set", lang, at_risk=numbers[0], churn=numbers[1]), lang)
        elif words[:2] == ["settings", "rate"]:
            if len(words) != 4:
                raise UserError("crm_bad_rate")
            rate = reclassify.set_rate(
                db=rt.db, team_id=command["team_id"], currency=words[2], rate=words[3], now=rt.clock()
            )
            _answer(
                ack,
                t(
                    "crm_rate_set",
                    lang,
                    currency=words[2].upper(),
                    rate=rate,
                    base=rt.settings.default_currency,
                ),
                lang,
            )
        elif words[:1] == ["recompute"]:
            # 2.6–5.5 s at 100,000 customers: answered at once, done after (recompute_later).
            _answer(ack, t("crm_recomputing", lang), lang)
        elif words[:2] == ["settings", "emoji"] and len(words) == 3:
            emoji = capture.set_capture_emoji(
                db=rt.db,
                team_id=command["team_id"],
                emoji=words[2],
                now=rt.clock(),
                defaults=rt.defaults,
            )
            _answer(ack, t("crm_emoji_set", lang, emoji=emoji), lang)
        elif words and words[0] in ("search", "搜索", "find"):
            query = text.split(None, 1)[1] if len(words) > 1 else ""
            found = search.search(db=rt.db, team_id=command["team_id"], text=query, now=rt.clock())
            message = search_views.results_message(
                found, text=query, lang=reply_lang(query, lang), now=rt.clock()
            )
            answer(ack, message)
        elif words and words[0] in ("digest", "摘要"):
            _digest(ack, command, words[1:], text.split(None, 2)[2] if len(words) > 2 else "", lang, context)
        elif words and words[0] in ("segment", "segments", "分组"):
            _segment(ack, command, words[1:], lang, context)
        elif words and words[0] in ("tag", "标签"):
            result = tagging.apply_tags(
                db=rt.db,
                team_id=command["team_id"],
                change=tagging.read_tag_command(text.split(None, 1)[1] if len(words) > 1 else ""),
                now=rt.clock(),
                defaults=rt.defaults,
            )
            none = t("none", lang)
            _answer(
                ack,
                t(
                    "crm_tagged",
                    lang,
                    count=len(result.customers),
                    names=", ".join(result.customers[:20]) or none,
                    added=" ".join(f"#{x}" for x in result.added) or none,
                    removed=" ".join(f"#{x}" for x in result.removed) or none,
                )
                + (
                    " " + t("crm_tag_absent", lang, tags=" ".join(f"#{x}" for x in result.absent))
                    if result.absent
                    else ""
                ),
                lang,
            )
        elif words and words[0] not in ("help", "帮助"):
            _answer(
                ack,
                t("command_not_available", lang, command=f"/crm {words[0]}") + "\n\n" + t("crm_help", lang),
                lang,
            )
        else:
            _answer(ack, t("crm_help", lang), lang)
    except UserError as refused:
        answer(ack, errors.user_error(refused, lang))


def _sending(text: str) -> str | None:
    """The segment of a `/crm digest send <segment>` command, else None."""
    words = text.split()
    return words[2] if len(words) == 3 and words[0] in ("digest", "摘要") and words[1] == "send" else None


def send_digest_later(command: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    segment = _sending(str(command.get("text", "")))
    if segment is None:
        return
    rt = runtime(context)
    lang = reply_lang(str(command.get("text", "")), rt.settings.locale)
    try:
        send_now(
            db=rt.db,
            client=context.client,
            team_id=str(command["team_id"]),
            channel_id=str(command["channel_id"]),
            segment=segment,
            now=rt.clock(),
            defaults=rt.defaults,
        )
    except UserError as refused:
        tell(SendNow(respond, context.client), errors.user_error(refused, lang))


def recompute_later(command: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    """`/crm recompute`, after the answer: classifies every customer, then says what moved."""
    text = str(command.get("text", ""))
    if text.split()[:1] != ["recompute"]:
        return
    rt = runtime(context)
    lang = reply_lang(text, rt.settings.locale)
    done = reclassify.recompute(db=rt.db, team_id=str(command["team_id"]), now=rt.clock())
    missing = t("crm_missing_rates", lang, currencies=", ".join(done.unconverted)) if done.unconverted else ""
    result = t(
        "crm_recomputed",
        lang,
        customers=done.customers,
        moved=done.moved,
        warnings=done.warnings,
        missing=missing,
    )
    tell(SendNow(respond, context.client), Message(text=result, blocks=[section(result)], lang=lang))


def _capture(
    ack: Ack, command: dict[str, Any], where: str, customer: str, lang: str, context: BoltContext
) -> None:
    rt = runtime(context)
    mentioned = _CHANNEL.match(where)
    if where == "here":
        channel = str(command["channel_id"])
    elif mentioned:
        channel = mentioned.group(1)
    else:
        _answer(ack, t("crm_help", lang), lang)
        return
    name = customer.strip().strip("\"'“”「」") or None
    setting = capture.set_capture(
        db=rt.db,
        team_id=command["team_id"],
        channel_id=channel,
        customer_name=None if name in (None, "off", "关闭") else name,
        user_id=command["user_id"],
        now=rt.clock(),
        defaults=rt.defaults,
    )
    if setting.customer_name is None:
        _answer(ack, t("crm_capture_off", lang, channel=channel), lang)
    else:
        _answer(ack, t("crm_capture_on", lang, channel=channel, customer=setting.customer_name), lang)


def _segment(ack: Ack, command: dict[str, Any], words: list[str], lang: str, context: BoltContext) -> None:
    rt = runtime(context)
    team_id, now = str(command["team_id"]), rt.clock()
    action = words[0] if words else "list"
    if action == "create" and len(words) >= 3:
        view = segments.create(
            db=rt.db,
            team_id=team_id,
            name=words[1],
            definition=" ".join(words[2:]),
            user_id=command["user_id"],
            now=now,
            defaults=rt.defaults,
        )
        message = segment_views.segment_table(view, lang=lang, now=now)
    elif action == "show" and len(words) == 2:
        message = segment_views.segment_table(
            segments.show(db=rt.db, team_id=team_id, name=words[1], now=now), lang=lang, now=now
        )
    elif action == "delete" and len(words) == 2:
        if not segments.remove(db=rt.db, team_id=team_id, name=words[1]):
            raise UserError("segment_not_found", name=words[1])
        _answer(ack, t("segment_deleted", lang, name=words[1]), lang)
        return
    else:
        message = segment_views.segment_list(segments.listing(db=rt.db, team_id=team_id), lang=lang)
    answer(ack, message)


_DAY_NAMES = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
              "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日")}  # fmt: skip


def _digest(
    ack: Ack, command: dict[str, Any], words: list[str], rest: str, lang: str, context: BoltContext
) -> None:
    rt = runtime(context)
    team_id, channel, now = str(command["team_id"]), str(command["channel_id"]), rt.clock()
    action = words[0] if words else ""
    if action == "subscribe":
        sub = subscriptions.subscribe(
            db=rt.db,
            team_id=team_id,
            channel_id=channel,
            text=rest,
            user_id=command["user_id"],
            now=now,
            defaults=rt.defaults,
        )
        day = _DAY_NAMES["zh" if lang == "zh" else "en"][sub.weekday]
        when = f"{sub.hour}:{sub.minute:02d}"
        _answer(ack, t("digest_subscribed", lang, segment=sub.segment, day=day, time=when, tz=sub.tz), lang)
    elif action == "list":
        subs = subscriptions.subscriptions_in(db=rt.db, team_id=team_id, channel_id=channel)
        names = _DAY_NAMES["zh" if lang == "zh" else "en"]
        lines = [f"• *{s.segment}* — {names[s.weekday]} {s.hour}:{s.minute:02d} ({s.tz})" for s in subs]
        _answer(
            ack, t("digest_list", lang) + "\n" + "\n".join(lines) if lines else t("digest_none", lang), lang
        )
    elif action == "unsubscribe" and len(words) == 2:
        count = subscriptions.unsubscribe(db=rt.db, team_id=team_id, channel_id=channel, segment=words[1])
        _answer(ack, t("digest_unsubscribed", lang, count=count, segment=words[1]), lang)
    elif action == "preview" and len(words) == 2:
        message = digest_views.digest_message(
            build.preview(db=rt.db, team_id=team_id, segment=words[1], now=now), now=now, preview=True
        )
        answer(ack, message)
    elif action == "send" and len(words) == 2:
        segments.definition(db=rt.db, team_id=team_id, name=words[1])  # refuses an unknown segment now
        _answer(ack, t("digest_sending", lang, segment=words[1]), lang)  # send_digest_later posts it
    else:
        raise UserError("digest_usage")
