"""APScheduler as the in-process clock that wakes the dispatchers.

APScheduler 3 cannot share a job store between processes, so it stores nothing here: each
process ticks on its own and the database decides who does what (storage.reminders for
reminders, storage.digests for weekly summaries, storage.runs for the 6-hourly recompute).

Each kind of work is its own job on the scheduler's thread pool, so a slow one never holds up
another: a weekly summary with its chart takes seconds, and reminders are due to the second.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TypeAlias

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.insights.reclassify import recompute_due
from bot.jobs.digests import DigestDispatcher
from bot.jobs.reminders import Dispatcher

log = logging.getLogger(__name__)
TICK_SECONDS = 0.25  # reminders: how late one may be, at most, when the process is idle
DIGEST_SECONDS = 5.0  # weekly summaries are due to the minute
CLASSIFY_CHECK_MINUTES = 5  # how soon after a 6-hour period starts its recompute runs

Scheduler: TypeAlias = BackgroundScheduler | BlockingScheduler


def remind(dispatcher: Dispatcher) -> None:
    report = dispatcher.run_once()
    if report.posted or report.failed or report.recovered or report.unknown:
        log.info("reminders: %s", report)


def summarize(summaries: DigestDispatcher) -> None:
    if sent := summaries.run_once():
        log.info("digests: %d sent", sent)


def classify(dispatcher: Dispatcher) -> None:
    for team_id in dispatcher.team_ids:
        done = recompute_due(
            db=dispatcher.db, team_id=team_id, now=dispatcher.clock(), owner=dispatcher.owner
        )
        if done is not None:
            log.info("classification of %s: %s", team_id, done)


def _every(
    scheduler: Scheduler,
    job: object,
    *,
    job_id: str,
    arg: object,
    first: datetime | None = None,
    **every: float,
) -> None:
    scheduler.add_job(
        job,
        IntervalTrigger(**every),
        args=[arg],
        id=job_id,
        max_instances=1,  # a slow run is never overlapped by the next one of the same job
        coalesce=True,  # runs missed while busy collapse into one
        misfire_grace_time=None,
        next_run_time=first,
    )


def _add_jobs(scheduler: Scheduler, dispatcher: Dispatcher) -> None:
    now = datetime.now(UTC)
    _every(scheduler, remind, job_id="reminders", arg=dispatcher, first=now, seconds=TICK_SECONDS)
    _every(
        scheduler, summarize, job_id="digests", arg=_summaries(dispatcher), first=now, seconds=DIGEST_SECONDS
    )
    _every(
        scheduler,
        classify,
        job_id="classification",
        arg=dispatcher,
        first=now + timedelta(minutes=1),  # not in the way of start-up
        minutes=CLASSIFY_CHECK_MINUTES,
    )


def _summaries(dispatcher: Dispatcher) -> DigestDispatcher:
    return DigestDispatcher(
        db=dispatcher.db,
        client=dispatcher.client,
        team_ids=dispatcher.team_ids,
        clock=dispatcher.clock,
        owner=dispatcher.owner,
    )


def start_background(dispatcher: Dispatcher) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    _add_jobs(scheduler, dispatcher)
    scheduler.start()
    return scheduler


def run_blocking(dispatcher: Dispatcher) -> None:
    scheduler = BlockingScheduler(timezone="UTC")
    _add_jobs(scheduler, dispatcher)
    scheduler.start()
