"""Dates and times in a note, in either language, resolved against `now` in the note's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Moment:
    start: int  # span in the scan text, including a leading "by"/"on" or a trailing 前
    end: int
    at: datetime  # aware, in the note's zone
    past: bool  # told as having happened: occurred_at, never a follow-up


def find_moments(scan: str, now: datetime) -> list[Moment]:
    return []
