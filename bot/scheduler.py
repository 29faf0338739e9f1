"""APScheduler as the in-process clock that wakes the reminder dispatcher.

APScheduler 3 cannot share a job store between processes, so it stores nothing here: each
process ticks on its own and the database (storage.reminders) decides who posts what.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.reminders import Dispatcher

log = logging.getLogger(__name__)
TICK_SECONDS = 0.25


def _tick(dispatcher: Dispatcher) -> None:
    report = dispatcher.run_once()
    if report.posted or report.failed or report.recovered:
        log.info("reminders: %s", report)


def _add_job(scheduler: BackgroundScheduler | BlockingScheduler, dispatcher: Dispatcher) -> None:
    scheduler.add_job(
        _tick,
        IntervalTrigger(seconds=TICK_SECONDS),
        args=[dispatcher],
        id="reminders",
        max_instances=1,  # a slow tick is never overlapped by the next one
        coalesce=True,  # ticks missed while busy collapse into one
        misfire_grace_time=None,
    )


def start_background(dispatcher: Dispatcher) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    _add_job(scheduler, dispatcher)
    scheduler.start()
    return scheduler


def run_blocking(dispatcher: Dispatcher) -> None:
    scheduler = BlockingScheduler(timezone="UTC")
    _add_job(scheduler, dispatcher)
    _tick(dispatcher)  # overdue reminders go out at start, not a tick later
    scheduler.start()
