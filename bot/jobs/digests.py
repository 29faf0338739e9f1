"""Posting weekly segment summaries to channels: each week's summary exactly once however many
processes run (storage.digests claims the week), and a summary sent at once ("/crm digest send").
A summary's chart follows in its thread."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.clock import Clock
from bot.core.errors import UserError
from bot.core.i18n import t
from bot.core.workspaces import WorkspaceDefaults
from bot.digests import delivery
from bot.digests.build import Digest, build_digest, preview
from bot.digests.delivery import Delivery, chart_name
from bot.digests.history import WEEKS, weekly_sizes
from bot.digests.schedule import LATE_AFTER, due_moment
from bot.render.chart import weekly_chart
from bot.render.digests import digest_message
from bot.render.kit import Message, payload
from storage import digests
from storage.db import Database

log = logging.getLogger(__name__)

METADATA_EVENT = "rapport_digest"


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
                to = delivery.weekly(sub, period)
                ts = self._already_posted(to) if taken_over else None
                late = now - due > LATE_AFTER
                digest = build_digest(
                    db=self.db,
                    team_id=team_id,
                    segment=sub.segment,
                    now=now,
                    previous=tuple(json.loads(previous.members)) if previous else None,
                )
                if ts is None:
                    ts = self.post(to, digest, now=now, due=due, late=late)
                    if ts is None:
                        continue  # the claim lapses after its lease and is taken over then
                else:  # the process that posted it stopped: is the chart there too?
                    charted = self._chart_in_thread(to, ts, chart_name(digest.segment, due))
                    if charted is None:
                        continue  # cannot tell now: the claim lapses and the next taker looks again
                    if not charted:
                        self._attach_chart(to, ts, digest, due=due)
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

    def post(self, to: Delivery, digest: Digest, *, now: datetime, due: datetime, late: bool) -> str | None:
        """Posts the summary, then its chart in the message's thread; the message's ts, or None."""
        message = digest_message(digest, now=now, late_since=due if late else None)
        meta = {
            "event_type": METADATA_EVENT,
            "event_payload": {"subscription": to.subscription_id, "period": to.period},
        }
        try:
            answer = self.client.chat_postMessage(channel=to.channel_id, **payload(message), metadata=meta)
        except SlackApiError as failure:
            log.warning(
                "digest %s/%s not posted: %s", to.subscription_id, to.period, failure.response.get("error")
            )
            return None
        ts = str(answer["ts"])
        self._attach_chart(to, ts, digest, due=due)
        return ts

    def _attach_chart(self, to: Delivery, ts: str, digest: Digest, *, due: datetime) -> None:
        """Uploads the chart into the summary's thread; on failure, says so in the thread. The
        summary itself is never rewritten: what the channel read stays as it was posted."""
        lang = digest.lang
        try:
            png = digest_chart(
                db=self.db,
                team_id=to.team_id,
                digest=digest,
                now=due,
                subscription_id=to.subscription_id,
                tz=to.tz,
            )
            self.client.files_upload_v2(
                channel=to.channel_id,
                thread_ts=ts,
                file=png,
                filename=chart_name(digest.segment, due),
                title=t("chart_file_title", lang, segment=digest.segment),
                alt_txt=t("chart_alt", lang, segment=digest.segment, size=digest.size, weeks=WEEKS),
            )
            return
        except SlackApiError as failure:
            reason = str(failure.response.get("error") or "error")
            log.warning("digest chart of subscription %s not uploaded: %s", to.subscription_id, reason)
        except Exception as failure:  # drawing or uploading: the posted summary stands, and says so
            reason = (str(failure) or type(failure).__name__)[:120]
            log.exception("digest chart of subscription %s not attached", to.subscription_id)
        try:
            told = Message(text=t("chart_failed", lang, reason=reason), lang=lang)
            self.client.chat_postMessage(channel=to.channel_id, thread_ts=ts, **payload(told))
        except SlackApiError as failure:
            log.warning("digest of subscription %s: chart failure not told: %s", to.subscription_id, failure)

    def _chart_in_thread(self, to: Delivery, ts: str, name: str) -> bool | None:
        """Whether the summary's thread has its chart; None when Slack could not say."""
        try:
            replies = self.client.conversations_replies(channel=to.channel_id, ts=ts, limit=200)
        except SlackApiError as failure:
            error = failure.response.get("error")
            log.warning("digest thread of subscription %s not read: %s", to.subscription_id, error)
            return None
        return any(
            file.get("name") == name
            for message in replies.get("messages") or []
            for file in message.get("files") or []
        )

    def _already_posted(self, to: Delivery) -> str | None:
        try:
            history = self.client.conversations_history(
                channel=to.channel_id, include_all_metadata=True, limit=200
            )
        except SlackApiError:
            return None
        for message in history.get("messages") or []:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("subscription") == to.subscription_id and payload.get("period") == to.period:
                return str(message["ts"])
        return None


def digest_chart(
    *,
    db: Database,
    team_id: str,
    digest: Digest,
    now: datetime,
    subscription_id: int | None = None,
    tz: str = "UTC",
) -> bytes:
    """The PNG chart for `digest`, whose week ends at `now`."""
    return weekly_chart(
        weekly_sizes(db=db, team_id=team_id, digest=digest, now=now, subscription_id=subscription_id, tz=tz),
        segment=digest.segment,
        lang=digest.lang,
    )


def send_now(
    *,
    db: Database,
    client: WebClient,
    team_id: str,
    channel_id: str,
    segment: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> Digest:
    """This week's summary of `segment`, posted to the channel now with its chart (outside any
    subscription: the weekly posts are not moved or counted; bot.digests.delivery)."""
    digest = preview(db=db, team_id=team_id, segment=segment, now=now)
    to = delivery.at_once(
        db=db, team_id=team_id, channel_id=channel_id, segment=segment, now=now, defaults=defaults
    )
    poster = DigestDispatcher(db=db, client=client, team_ids=[team_id], clock=lambda: now, owner="send-now")
    if poster.post(to, digest, now=now, due=now, late=False) is None:
        raise UserError("digest_not_posted")
    return digest
