"""The reminder dispatcher: claims due follow-ups (storage.reminders) and posts them to Slack.

One `run_once` is one tick of the clock: claim a batch, deliver each, settle each claim.
APScheduler only decides when ticks happen (bot.app.scheduler); the database decides what is due.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from bot.core.clock import Clock
from bot.followups.reminder_context import ReminderContext, reminder_contexts
from bot.render.kit import payload
from bot.render.reminders import LATE_AFTER, matches, metadata, reminder
from storage import reminders
from storage.db import Database
from storage.reminders import Claim

log = logging.getLogger(__name__)

# Slack's answers that mean "not this channel" rather than "not now": the assignee's DM it is.
CHANNEL_GONE = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "channel_is_archived",
    "restricted_action",
}


@dataclass
class DispatchReport:
    posted: int = 0
    recovered: int = 0  # an earlier attempt had reached Slack; marked sent without posting again
    moved_to_dm: int = 0
    deferred: int = 0
    failed: int = 0
    late: int = 0
    skipped: int = 0  # its lease ran out before its turn in the batch; another dispatcher has it
    unknown: int = 0  # an earlier post could not be looked for (history unanswered): asked again later
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, **outcome: int) -> None:
        with self._lock:
            for name, value in outcome.items():
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Posted:
    claim: Claim
    channel: str
    ts: str


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class Dispatcher:
    db: Database
    client: WebClient
    team_ids: list[str]
    clock: Clock
    owner: str = field(default_factory=process_name)
    lease: timedelta = timedelta(seconds=60)
    batch: int = 32
    # Posts run side by side: a post is mostly waiting on Slack, and one at a time would make
    # a busy minute late. The database work of each stays in its own short transaction.
    parallel: int = 4
    channel_gap: timedelta = timedelta(seconds=1)
    _last_post: dict[str, datetime] = field(default_factory=dict)
    _dm: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor | None = None

    def run_once(self) -> DispatchReport:
        report = DispatchReport()
        while True:
            with self.db.session() as session:
                claims = reminders.claim_due(
                    session=session,
                    team_ids=self.team_ids,
                    owner=self.owner,
                    now=self.clock(),
                    lease=self.lease,
                    limit=self.batch,
                )
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self.parallel, thread_name_prefix="reminders")
            contexts: dict[int, ReminderContext] = {}
            for team_id in {claim.team_id for claim in claims}:
                ids = [claim.follow_up_id for claim in claims if claim.team_id == team_id]
                contexts |= reminder_contexts(db=self.db, team_id=team_id, follow_up_ids=ids)
            jobs = [
                self._pool.submit(self._deliver_and_settle, c, contexts.get(c.follow_up_id), report)
                for c in claims
            ]
            for job in jobs:
                job.result()  # a bug in delivery surfaces here, with its traceback
            if len(claims) < self.batch:
                return report

    # -- one reminder ------------------------------------------------------------------------
    def _deliver_and_settle(self, claim: Claim, ctx: ReminderContext | None, report: DispatchReport) -> None:
        """Posts one reminder and marks it sent at once, in its own short transaction: the time
        between "posted" and "marked sent" (when a crash leaves a takeover to look in Slack) is
        one post, not a whole batch, and a slow batch cannot outlive the claims of its first posts."""
        posted = self._deliver(claim, ctx, report)
        if posted is not None:
            self._settle([posted])

    def _deliver(self, claim: Claim, ctx: ReminderContext | None, report: DispatchReport) -> Posted | None:
        """Posts one claimed reminder; returns where it went, to be marked sent."""
        if ctx is None or ctx.status != "open" or ctx.due_at != claim.due_at:
            return None  # done, cancelled or snoozed since it was claimed: nothing to post
        now = self.clock()
        channel = ctx.channel_id if ctx.channel_id and not ctx.channel_id.startswith("D") else None
        target = channel or f"dm:{ctx.assignee_id}"
        with self._lock:  # the slot is taken before posting, so two threads never share a second
            last = self._last_post.get(target)
            if last is None or now - last >= self.channel_gap:
                self._last_post[target] = now
        if last is not None and now - last < self.channel_gap:
            # About one message per second per channel is what Slack allows.
            self._put_back(claim, last + self.channel_gap, None, unsure=claim.unsure)
            report.count(deferred=1)
            return None
        if now - claim.claimed_at > self.lease / 2:
            with self.db.session() as session:
                renewed = reminders.renew(session=session, claim=claim, now=now, lease=self.lease)
            if not renewed:
                log.info(
                    "reminder %s: lease expired before posting; left to its new holder", claim.follow_up_id
                )
                report.count(skipped=1)
                return None
        if claim.unsure:
            try:
                found = self._already_posted(ctx, channel)
            except (SlackApiError, OSError) as failure:
                # No answer is not "not posted": ask again later, never post on a guess.
                wait, error = _retry_wait(failure, claim.attempts)
                log.warning("reminder %s: could not look for an earlier post (%s)", ctx.follow_up_id, error)
                self._put_back(claim, now + wait, f"history: {error}", unsure=True)
                report.count(unknown=1)
                return None
            if found is not None:
                report.count(recovered=1)
                return Posted(claim, *found)
        try:
            posted_in, ts, moved = self._post(ctx, channel, now)
        except (SlackApiError, OSError) as failure:
            wait, error = _retry_wait(failure, claim.attempts)
            log.warning("reminder %s not posted (%s); retrying in %s", ctx.follow_up_id, error, wait)
            self._put_back(claim, now + wait, error, unsure=_may_have_posted(failure))
            report.count(failed=1)
            return None
        report.count(posted=1, moved_to_dm=int(moved), late=int(now - ctx.due_at > LATE_AFTER))
        return Posted(claim, posted_in, ts)

    def _post(self, ctx: ReminderContext, channel: str | None, now: datetime) -> tuple[str, str, bool]:
        if channel is not None:
            message = reminder(ctx, now)
            try:
                answer = self.client.chat_postMessage(
                    channel=channel, **payload(message), metadata=metadata(ctx), unfurl_links=False
                )
                return str(answer["channel"]), str(answer["ts"]), False
            except SlackApiError as failure:
                reason = str(failure.response.get("error"))
                if reason not in CHANNEL_GONE:
                    raise
                log.info(
                    "reminder %s: %s in %s; sending to the assignee directly",
                    ctx.follow_up_id,
                    reason,
                    channel,
                )
                message = reminder(ctx, now, moved_from=channel, reason=reason)
        else:
            message = reminder(ctx, now)
        dm = self._dm_channel(ctx.assignee_id)
        answer = self.client.chat_postMessage(
            channel=dm, **payload(message), metadata=metadata(ctx), unfurl_links=False
        )
        return str(answer["channel"]), str(answer["ts"]), channel is not None

    def _dm_channel(self, user_id: str) -> str:
        with self._lock:
            known = self._dm.get(user_id)
        if known is None:
            known = str(self.client.conversations_open(users=user_id)["channel"]["id"])
            with self._lock:
                self._dm[user_id] = known
        return known

    def _already_posted(self, ctx: ReminderContext, channel: str | None) -> tuple[str, str] | None:
        """Did an earlier attempt reach Slack? Look for our metadata around the due time.

        Raises when Slack does not answer (429, 5xx, no connection): the caller asks again later.
        A place Slack refuses to show in so many words (not_in_channel, missing_scope) cannot
        hold an answer we could read; it is passed over and the reminder posted, a possible
        repeat being better than a lost reminder (the README's "Security" says so).
        """
        candidates = [c for c in (channel,) if c]
        try:
            candidates.append(self._dm_channel(ctx.assignee_id))
        except SlackApiError as failure:
            if _unanswered(failure):
                raise
            log.info("no DM with %s to look in: %s", ctx.assignee_id, failure.response.get("error"))
        oldest = f"{ctx.due_at.timestamp() - 1:.6f}"
        for candidate in candidates:
            try:
                history = self.client.conversations_history(
                    channel=candidate, oldest=oldest, include_all_metadata=True, limit=200
                )
            except SlackApiError as failure:
                if _unanswered(failure):
                    raise
                log.warning("history of %s not readable: %s", candidate, failure.response.get("error"))
                continue
            for message in history.get("messages") or []:
                if matches(message, ctx):
                    return candidate, str(message["ts"])
        return None

    def _settle(self, posted: list[Posted]) -> None:
        """Marks posts sent (rule 4 of storage.reminders: only while the claim is still held)."""
        if not posted:
            return
        with self.db.session() as session:
            for done in posted:
                if not reminders.mark_sent(
                    session=session, claim=done.claim, now=self.clock(), channel_id=done.channel, ts=done.ts
                ):
                    log.warning("reminder %s: claim lost before it was marked sent", done.claim.follow_up_id)

    def _put_back(self, claim: Claim, not_before: datetime, error: str | None, *, unsure: bool) -> None:
        with self.db.session() as session:
            reminders.put_back(
                session=session, claim=claim, not_before=not_before, error=error, unsure=unsure
            )


def _backoff(attempts: int) -> timedelta:
    # At most a minute: a reminder is worth most on time, and `attempts` also counts tries that
    # Slack only paced (429s, unanswered lookups), which say nothing of how long an outage lasts.
    return timedelta(seconds=min(2 ** max(attempts, 1), 60))


def _unanswered(failure: SlackApiError) -> bool:
    """Slack did not say: rate-limited before reading the request, or failed on its side."""
    status = int(failure.response.status_code)
    return status == 429 or status >= 500 or failure.response.get("error") == "ratelimited"


def _may_have_posted(failure: Exception) -> bool:
    """A 429 or an `ok: false` error means Slack did not post; a 5xx or a lost connection may not."""
    if isinstance(failure, SlackApiError):
        return int(failure.response.status_code) >= 500
    return True


def _retry_wait(failure: Exception, attempts: int) -> tuple[timedelta, str]:
    """How long to wait before trying again (Slack's Retry-After when it gives one), and why."""
    if isinstance(failure, SlackApiError):
        error = str(failure.response.get("error") or failure.response.status_code)
        headers = failure.response.headers or {}
        retry_after = str(headers.get("Retry-After") or headers.get("retry-after") or "")
        if retry_after.isascii() and retry_after.isdigit() and len(retry_after) < 6:
            return timedelta(seconds=int(retry_after)), error
        return _backoff(attempts), error
    return _backoff(attempts), type(failure).__name__


def dispatcher_client(token: str, api_url: str | None, lease: timedelta) -> WebClient:
    """The dispatcher's own Web API client: no call may outlive a lease.

    A 429 or a 5xx is not waited out inside the call (the claim is put back with Slack's
    Retry-After instead), and the timeout stays well under the lease, so a post is never
    still in flight when another dispatcher takes the reminder over.
    """
    return WebClient(
        token=token,
        base_url=api_url or WebClient.BASE_URL,
        timeout=max(1, int(lease.total_seconds() // 4)),
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
    )
