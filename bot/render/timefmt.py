"""Times as people read them: local to the reader, and relative ("3 days ago", "3 天前")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def local(moment: datetime, tz: str, lang: str) -> str:
    at = moment.astimezone(ZoneInfo(tz))
    if lang == "zh":
        return f"{at.year}年{at.month}月{at.day}日 {at:%H:%M}"
    return at.strftime("%a %b %-d %Y, %H:%M")


def relative(moment: datetime, now: datetime, lang: str) -> str:
    seconds = int((now - moment).total_seconds())
    future = seconds < 0
    seconds = abs(seconds)
    for size, en, zh in (
        (86400 * 365, "year", "年"),
        (86400 * 30, "month", "个月"),
        (86400 * 7, "week", "周"),
        (86400, "day", "天"),
        (3600, "hour", "小时"),
        (60, "minute", "分钟"),
    ):
        if seconds >= size:
            count = seconds // size
            if lang == "zh":
                return f"{count}{zh}{'后' if future else '前'}"
            unit = en if count == 1 else en + "s"
            return f"in {count} {unit}" if future else f"{count} {unit} ago"
    return "刚刚" if lang == "zh" else "just now"
