"""Bolt's lazy listeners on a thread pool the tests can wait for, without sleeping.

They run after the HTTP answer, as in production: a test that looks at what reached Slack after
a request calls `settle()` first, which returns once all lazy work submitted so far is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from typing import Any


class SettlingExecutor(Executor):
    def __init__(self, max_workers: int = 10) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="rapport-lazy")
        self._running: set[Future[Any]] = set()
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = self._pool.submit(fn, *args, **kwargs)
        with self._lock:
            self._running.add(future)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, future: Future[Any]) -> None:
        with self._lock:
            self._running.discard(future)

    def settle(self, timeout: float = 30) -> None:
        """Waits until every task submitted so far (and any it submitted meanwhile) is done."""
        while True:
            with self._lock:
                running = set(self._running)
            if not running:
                return
            _, stuck = wait(running, timeout=timeout)  # a bound on a hung test, not a timing assertion
            if stuck:
                raise AssertionError(f"{len(stuck)} lazy listener(s) still running after {timeout:.0f} s")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
