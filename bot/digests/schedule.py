"""When a weekly summary is due: the schedule a subscription is written in, and its latest due time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core import validation
from bot.core.errors import UserError

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


class Weekly(Protocol):
    """A weekly moment in a time zone, as a subscription stores it."""

    @property
    def weekday(self) -> int: ...
    @property
    def hour(self) -> int: ...
    @property
    def minute(self) -> int: ...
    @property
    def tz(self) -> str: ...


def due_moment(sub: Weekly, now: datetime) -> datetime:
    """The latest weekly due time at or before `now`, in the subscription's time zone."""
    zone = ZoneInfo(sub.tz)
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - sub.weekday) % 7)
    due = datetime.combine(day, time(sub.hour, sub.minute), tzinfo=zone)
    if due > now:
        due = datetime.combine(day - timedelta(days=7), time(sub.hour, sub.minute), tzinfo=zone)
    return due
