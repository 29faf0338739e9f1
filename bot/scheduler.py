"""APScheduler as the in-process clock that wakes the reminder dispatcher.

APScheduler 3 cannot share a job store between processes, so it stores nothing here: each
process ticks on its own and the database (storage.reminders) decides who posts what.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.digests import DigestDispatcher
from bot.reclassify import recompute
from bot.reminders import Dispatcher

log = logging.getLogger(__name__)
TICK_SECONDS = 0.25
CLASSIFY_HOURS = 6


def _tick(dispatcher: Dispatcher, summaries: DigestDispatcher) -> None:
    report = dispatcher.run_once()
    if report.posted or report.failed or report.recovered:
        log.info("reminders: %s", report)
    if sent := summaries.run_once():
        log.info("digests: %d sent", sent)


def _add_job(scheduler: BackgroundScheduler | BlockingScheduler, dispatcher: Dispatcher) -> None:
    scheduler.add_job(
        _tick,
        IntervalTrigger(seconds=TICK_SECONDS),
        args=[dispatcher, _summaries(dispatcher)],
        id="reminders",
        max_instances=1,  # a slow tick is never overlapped by the next one
        coalesce=True,  # ticks missed while busy collapse into one
        misfire_grace_time=None,
    )


def _summaries(dispatcher: Dispatcher) -> DigestDispatcher:
    return DigestDispatcher(
        db=dispatcher.db,
        client=dispatcher.client,
        team_ids=dispatcher.team_ids,
        clock=dispatcher.clock,
        owner=dispatcher.owner,
    )


def _classify(dispatcher: Dispatcher) -> None:
    for team_id in dispatcher.team_ids:
        done = recompute(db=dispatcher.db, team_id=team_id, now=dispatcher.clock())
        log.info("classification of %s: %s", team_id, done)


def _add_classification(scheduler: BackgroundScheduler | BlockingScheduler, dispatcher: Dispatcher) -> None:
    # Stages move with time alone (no note for 30 days), so they are recomputed on a clock too.
    scheduler.add_job(
        _classify,
        IntervalTrigger(hours=CLASSIFY_HOURS),
        args=[dispatcher],
        id="classification",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC) + timedelta(minutes=1),
    )


def start_background(dispatcher: Dispatcher) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    _add_job(scheduler, dispatcher)
    _add_classification(scheduler, dispatcher)
    scheduler.start()
    return scheduler


def run_blocking(dispatcher: Dispatcher) -> None:
    scheduler = BlockingScheduler(timezone="UTC")
    _add_job(scheduler, dispatcher)
    _add_classification(scheduler, dispatcher)
    _tick(dispatcher, _summaries(dispatcher))  # overdue reminders go out at start, not a tick later
    scheduler.start()
