"""Weekly segment summaries to channels: subscriptions, what a summary holds, and sending each
week's summary exactly once however many processes run (storage.digests claims the week)."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core import validation
from bot.core.clock import Clock
from bot.core.errors import UserError
from bot.core.i18n import t
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.digest_chart import WEEKS, digest_chart
from bot.insights import segments
from bot.insights.classification import convert
from bot.render.kit import Message, payload
from storage import classification, customers, digests, followups, notes
from storage import complaints as complaint_store
from storage import segments as segment_store
from storage.db import Database
from storage.models import DigestSubscription, Workspace

log = logging.getLogger(__name__)

_WEEKDAYS = {
    "monday": 0, "mon": 0, "周一": 0, "星期一": 0, "礼拜一": 0,
    "tuesday": 1, "tue": 1, "周二": 1, "星期二": 1, "礼拜二": 1,
    "wednesday": 2, "wed": 2, "周三": 2, "星期三": 2, "礼拜三": 2,
    "thursday": 3, "thu": 3, "周四": 3, "星期四": 3, "礼拜四": 3,
    "friday": 4, "fri": 4, "周五": 4, "星期五": 4, "礼拜五": 4,
    "saturday": 5, "sat": 5, "周六": 5, "星期六": 5, "礼拜六": 5,
    "sunday": 6, "sun": 6, "周日": 6, "星期日": 6, "星期天": 6, "礼拜天": 6,
}  # fmt: skip
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
LATE_AFTER = timedelta(hours=1)
METADATA_EVENT = "rapport_digest"


@dataclass(frozen=True)
class Schedule:
    segment: str
    weekday: int
    hour: int
    minute: int
    tz: str | None


def parse_schedule(text: str) -> Schedule:
    """`vip-at-risk every monday 9:00 [Asia/Shanghai]`, `vip 每周一 9:00`."""
    words = [
        w
        for w in validation.plain(text).replace("每", " ").split()
        if w.casefold() not in ("every", "at", "周")
    ]
    if len(words) < 3:
        raise UserError("digest_usage")
    segment, day, clock, *rest = words
    weekday = _WEEKDAYS.get(day.casefold()) if day.casefold() in _WEEKDAYS else _WEEKDAYS.get("周" + day)
    moment = _TIME.match(clock)
    if weekday is None or moment is None or int(moment.group(1)) > 23 or int(moment.group(2) or 0) > 59:
        raise UserError("digest_usage")
    tz = rest[0] if rest else None
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise UserError("digest_bad_tz", tz=tz) from None
    return Schedule(segment, weekday, int(moment.group(1)), int(moment.group(2) or 0), tz)


def due_moment(sub: DigestSubscription, now: datetime) -> datetime:
    """The latest weekly due time at or before `now`, in the subscription's time zone."""
    zone = ZoneInfo(sub.tz)
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - sub.weekday) % 7)
    due = datetime.combine(day, time(sub.hour, sub.minute), tzinfo=zone)
    if due > now:
        due = datetime.combine(day - timedelta(days=7), time(sub.hour, sub.minute), tzinfo=zone)
    return due


def subscribe(
    *,
    db: Database,
    team_id: str,
    channel_id: str,
    text: str,
    user_id: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> DigestSubscription:
    schedule = parse_schedule(text)
    segments.show(db=db, team_id=team_id, name=schedule.segment, now=now)  # refuses an unknown segment
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        return digests.add_subscription(
            session=session,
            subscription=DigestSubscription(
                team_id=team_id,
                channel_id=channel_id,
                segment=schedule.segment,
                weekday=schedule.weekday,
                hour=schedule.hour,
                minute=schedule.minute,
                tz=schedule.tz or workspace.tz,
                created_by=user_id,
                created_at=now,
            ),
        )


def subscriptions_in(*, db: Database, team_id: str, channel_id: str) -> list[DigestSubscription]:
    with db.session() as session:
        return digests.subscriptions(session=session, team_id=team_id, channel_id=channel_id)


def unsubscribe(*, db: Database, team_id: str, channel_id: str, segment: str) -> int:
    if not segments.is_name(segment):
        return 0
    with db.session() as session:
        return digests.deactivate(session=session, team_id=team_id, channel_id=channel_id, segment=segment)


@dataclass(frozen=True)
class Digest:
    segment: str
    size: int
    joined: tuple[str, ...]
    left: tuple[str, ...]
    stage_moves: tuple[tuple[str, str, str], ...]  # (customer, from, to) in the last 7 days
    top_value: tuple[tuple[str, Decimal], ...]  # customers by purchases of 365 days, workspace currency
    quiet: tuple[tuple[str, datetime | None], ...]  # longest without a note first
    complaints: int  # complaints opened in the last 7 days by members
    complaints_resolved: int  # members' complaints resolved in the last 7 days
    performance: dict[str, tuple[int, int]]  # owner -> (follow-ups done this week, overdue now)
    member_ids: tuple[int, ...]
    currency: str
    lang: str
    late_since: datetime | None = field(default=None)
    stages: dict[int, str] = field(default_factory=dict)  # members' current stages (the chart reads them)


def build_digest(
    *, db: Database, team_id: str, segment: str, now: datetime, previous: tuple[int, ...] | None
) -> Digest:
    view = segments.show(db=db, team_id=team_id, name=segment, now=now)
    week_ago = now - timedelta(days=7)
    members = {m.customer_id: m for m in view.members}
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        currency = workspace.currency if workspace else "USD"
        lang = workspace.locale if workspace else "en"
        weekly = segment_store.complaint_counts(session=session, team_id=team_id, since=week_ago)
        resolved = complaint_store.resolved_counts(session=session, team_id=team_id, since=week_ago)
        before = set(previous or ())
        gone = customers.names_by_id(session=session, team_id=team_id, ids=before - set(members))
        moves = [
            move
            for move in digests.stage_moves_since(session=session, team_id=team_id, since=week_ago)
            if move[0] in members
        ]
        rates = classification.rates(session=session, team_id=team_id)
        totals: dict[int, Decimal] = {}
        for customer_id, cur, amount in notes.purchase_totals_of(
            session=session, team_id=team_id, since=now - timedelta(days=365), customer_ids=members.keys()
        ):
            converted = convert(amount, cur, to=currency, rates=rates)
            if converted is not None:
                totals[customer_id] = totals.get(customer_id, Decimal(0)) + converted
        performance = followups.team_performance(session=session, team_id=team_id, since=week_ago, now=now)
    names = {cid: member.name for cid, member in members.items()}
    return Digest(
        segment=segment,
        size=len(members),
        joined=tuple(sorted(names[c] for c in members if previous is not None and c not in before)),
        left=tuple(sorted(gone.values())),
        stage_moves=tuple((names[customer_id], before, after) for customer_id, before, after, _ in moves),
        top_value=tuple((names[c], v) for c, v in sorted(totals.items(), key=lambda kv: -kv[1])[:5]),
        quiet=tuple((m.name, m.last_touch) for m in view.members[:5]),  # members come quietest first
        complaints=sum(weekly.get(c, 0) for c in members),
        complaints_resolved=sum(resolved.get(c, 0) for c in members),
        performance=performance,
        member_ids=tuple(sorted(members)),
        currency=currency,
        lang=lang,
        stages={cid: member.stage for cid, member in members.items()},
    )


@dataclass
class DigestDispatcher:
    """One tick: claim each subscription's due week once, and post it."""

    db: Database
    client: WebClient
    team_ids: list[str]
    clock: Clock
    owner: str
    lease: timedelta = timedelta(minutes=5)

    def run_once(self) -> int:
        sent = 0
        now = self.clock()
        for team_id in self.team_ids:
            with self.db.session() as session:
                subs = digests.subscriptions(session=session, team_id=team_id)
            for sub in subs:
                due = due_moment(sub, now)
                if due < sub.created_at or sub.id is None:
                    continue  # subscribed after this week's time: the first one is next week
                period = due.date().isoformat()
                with self.db.session() as session:
                    claimed = digests.claim_period(
                        session=session,
                        team_id=team_id,
                        subscription_id=sub.id,
                        period=period,
                        due_at=due,
                        owner=self.owner,
                        now=now,
                        lease=self.lease,
                    )
                    previous = digests.last_sent(
                        session=session, team_id=team_id, subscription_id=sub.id, before=period
                    )
                if claimed is None:
                    continue
                row, taken_over = claimed
                assert row.id is not None
                ts = self._already_posted(sub, period) if taken_over else None
                late = now - due > LATE_AFTER
                digest = build_digest(
                    db=self.db,
                    team_id=team_id,
                    segment=sub.segment,
                    now=now,
                    previous=tuple(json.loads(previous.members)) if previous else None,
                )
                if ts is None:
                    ts = self.post(sub, period, digest, now=now, due=due, late=late)
                    if ts is None:
                        continue  # the claim lapses after its lease and is taken over then
                else:  # the process that posted it stopped: is the chart there too?
                    charted = self._chart_in_thread(sub, ts, chart_name(digest.segment, due))
                    if charted is None:
                        continue  # cannot tell now: the claim lapses and the next taker looks again
                    if not charted:
                        self._attach_chart(sub, ts, digest, due=due)
                with self.db.session() as session:
                    digests.mark_digest_sent(
                        session=session,
                        period_id=row.id,
                        owner=self.owner,
                        ts=ts,
                        now=now,
                        members=json.dumps(list(digest.member_ids)),
                        late=late,
                    )
                sent += 1
        return sent

    def post(
        self,
        sub: DigestSubscription,
        period: str,
        digest: Digest,
        *,
        now: datetime,
        due: datetime,
        late: bool,
    ) -> str | None:
        """Posts the summary, then its chart in the message's thread; the message's ts, or None."""
        from bot.render.digests import digest_message

        message = digest_message(digest, now=now, late_since=due if late else None)
        meta = {"event_type": METADATA_EVENT, "event_payload": {"subscription": sub.id, "period": period}}
        try:
            answer = self.client.chat_postMessage(channel=sub.channel_id, **payload(message), metadata=meta)
        except SlackApiError as failure:
            log.warning("digest %s/%s not posted: %s", sub.id, period, failure.response.get("error"))
            return None
        ts = str(answer["ts"])
        self._attach_chart(sub, ts, digest, due=due)
        return ts

    def _attach_chart(self, sub: DigestSubscription, ts: str, digest: Digest, *, due: datetime) -> None:
        """Uploads the chart into the summary's thread; on failure, says so in the thread. The
        summary itself is never rewritten: what the channel read stays as it was posted."""
        lang = digest.lang
        try:
            png = digest_chart(
                db=self.db, team_id=sub.team_id, digest=digest, now=due, subscription_id=sub.id, tz=sub.tz
            )
            self.client.files_upload_v2(
                channel=sub.channel_id,
                thread_ts=ts,
                file=png,
                filename=chart_name(digest.segment, due),
                title=t("chart_file_title", lang, segment=digest.segment),
                alt_txt=t("chart_alt", lang, segment=digest.segment, size=digest.size, weeks=WEEKS),
            )
            return
        except SlackApiError as failure:
            reason = str(failure.response.get("error") or "error")
            log.warning("digest chart of subscription %s not uploaded: %s", sub.id, reason)
        except Exception as failure:  # drawing or uploading: the posted summary stands, and says so
            reason = (str(failure) or type(failure).__name__)[:120]
            log.exception("digest chart of subscription %s not attached", sub.id)
        try:
            told = Message(text=t("chart_failed", lang, reason=reason), lang=lang)
            self.client.chat_postMessage(channel=sub.channel_id, thread_ts=ts, **payload(told))
        except SlackApiError as failure:
            log.warning("digest of subscription %s: chart failure not told: %s", sub.id, failure)

    def _chart_in_thread(self, sub: DigestSubscription, ts: str, name: str) -> bool | None:
        """Whether the summary's thread has its chart; None when Slack could not say."""
        try:
            replies = self.client.conversations_replies(channel=sub.channel_id, ts=ts, limit=200)
        except SlackApiError as failure:
            error = failure.response.get("error")
            log.warning("digest thread of subscription %s not read: %s", sub.id, error)
            return None
        return any(
            file.get("name") == name
            for message in replies.get("messages") or []
            for file in message.get("files") or []
        )

    def _already_posted(self, sub: DigestSubscription, period: str) -> str | None:
        try:
            history = self.client.conversations_history(
                channel=sub.channel_id, include_all_metadata=True, limit=200
            )
        except SlackApiError:
            return None
        for message in history.get("messages") or []:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("subscription") == sub.id and payload.get("period") == period:
                return str(message["ts"])
        return None


def chart_name(segment: str, due: datetime) -> str:
    """The chart's file name: how a process taking over a summary knows its chart is there."""
    return f"{segment}-{due.date().isoformat()}.png"


def preview(*, db: Database, team_id: str, segment: str, now: datetime) -> Digest:
    return build_digest(db=db, team_id=team_id, segment=segment, now=now, previous=None)


def send_now(
    *,
    db: Database,
    client: WebClient,
    team_id: str,
    channel_id: str,
    segment: str,
    user_id: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> Digest:
    """This week's summary of `segment`, posted to the channel now with its chart (outside any
    subscription: the weekly posts are not moved or counted)."""
    digest = preview(db=db, team_id=team_id, segment=segment, now=now)
    with db.session() as session:
        tz = workspace_for(session, team_id, defaults, now).tz
    local = now.astimezone(ZoneInfo(tz))
    once = DigestSubscription(
        team_id=team_id,
        channel_id=channel_id,
        segment=segment,
        weekday=local.weekday(),
        hour=local.hour,
        minute=local.minute,
        tz=tz,
        created_by=user_id,
        created_at=now,
    )
    poster = DigestDispatcher(db=db, client=client, team_ids=[team_id], clock=lambda: now, owner=user_id)
    if poster.post(once, "now", digest, now=now, due=now, late=False) is None:
        raise UserError("digest_not_posted")
    return digest
