"""A real `rapport serve` process, started as an operator starts it (the environment contract), on a
free loopback port: for the end-to-end tests and bench/load.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServeProcess:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def wait_healthy(self, *, within: float = 60) -> None:
        """Returns once GET /healthz answers 200; raises with the process's output if it exits first."""
        deadline = time.monotonic() + within  # a bound on a stuck start, not a timing assertion
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rapport serve exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:  # not listening yet (URLError), or 503 (HTTPError) while the database wakes
                time.sleep(0.05)
        raise RuntimeError(f"rapport serve did not become healthy within {within:.0f} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no goodbyes; requests in flight are cut off."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=20)


def launch_serve(
    *, database_url: str, api_url: str, secret: str, log: Path, extra_env: dict[str, str] | None = None
) -> ServeProcess:
    """Starts `rapport serve` (not yet waited for: see `wait_healthy`), its output going to `log`."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "RAPPORT_"))}
    env |= {
        "DATABASE_URL": database_url,
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": api_url,
        **(extra_env or {}),
    }
    with log.open("wb") as output:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=log.parent,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    return ServeProcess(process=process, url=f"http://127.0.0.1:{port}", log=log)
