"""Waiting for work done after an answer (lazy listeners, scheduler jobs): one helper, no bare sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(check: Callable[[], T], what: str, *, within: float = 30.0) -> T:
    """Returns `check()`'s first truthy value; fails naming `what` if none comes within `within`
    seconds. The bound is for a stuck run, not a timing assertion: on a busy machine it is slack."""
    deadline = time.monotonic() + within
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still not there after {within:.0f} s")
        time.sleep(0.02)
