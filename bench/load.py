"""Notes under load on two `rapport serve` processes sharing one PostgreSQL, one of them optionally
killed: is every note that was reported saved stored, and stored once?

A scratch database (migrated), the local Slack stand-in, and two real `rapport serve` processes
(started as the Procfile's `web` is) on free loopback ports. N clients (threads) send signed
`/note` requests back to back for a bounded time, each to the two servers in turn; every note's
text carries a unique marker (`load-c<client>-n<seq>`). A request is *acked* only when the answer
is HTTP 200 with the "note saved" reply, whose Undo button names the note's id; error answers,
other statuses, cut or refused connections and timeouts are not. A client whose server stops
answering moves to the other one. With --kill, the second server gets SIGKILL halfway (or at
--kill-at) and is not restarted.

Afterwards the notes are read back by marker. Every acked note must be stored exactly once under
the id its answer named: acked-but-not-stored and duplicates must be 0, else the exit status is 1.
Stored-but-not-acked is allowed (a process killed after its commit, before its answer). The
baseline is GET /healthz (one `SELECT 1`) on the same servers during the same run.

    .venv/bin/python bench/load.py [--clients 40] [--seconds 40] [--kill] [--kill-at S]
                                   [--customers 50] [--database-url URL]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from bench.common import PG_ADMIN, percentile, scratch_database
from bot.console import payloads
from bot.console.standin import SlackStandIn
from bot.render.notes import UNDO_ACTION
from storage.db import Database
from storage.models import Note
from tests.support.serve import ServeProcess, launch_serve

TEAM = "TLOAD"
MARKER = re.compile(r"\bload-c(\d+)-n(\d+)\b")
SLACK_PATIENCE = 3.0  # seconds Slack waits for a slash command's answer
REQUEST_TIMEOUT = 10.0

ACKED = "acked (note saved)"
ERROR_ANSWER = "error answer (200 without the note)"
CUT = "connection reset or closed before the answer"
REFUSED = "connection refused (nothing sent)"
TIMEOUT = f"no answer within {REQUEST_TIMEOUT:.0f} s"

Marker = tuple[int, int]


@dataclass(frozen=True)
class Sent:
    """One /note request as its client saw it."""

    marker: Marker
    server: int
    at: float  # seconds after the run started
    ms: float
    outcome: str
    note_id: int | None = None


@dataclass
class LoadResult:
    clients: int
    seconds: float  # from the first request to the last answer
    kill_at: float | None
    sent: list[Sent]
    stored: dict[Marker, list[int]]  # marker -> ids of the notes whose text carries it
    health_ms: list[float]
    answers: Counter[str] = field(default_factory=Counter)  # error answers' texts

    @property
    def acked(self) -> list[Sent]:
        return [s for s in self.sent if s.outcome == ACKED]

    @property
    def acked_not_stored(self) -> list[Marker]:
        return [s.marker for s in self.acked if s.marker not in self.stored]

    @property
    def acked_with_other_id(self) -> list[Marker]:
        return [
            s.marker for s in self.acked if s.marker in self.stored and s.note_id not in self.stored[s.marker]
        ]

    @property
    def duplicates(self) -> list[Marker]:
        return [marker for marker, ids in self.stored.items() if len(ids) > 1]

    @property
    def stored_not_acked(self) -> list[Marker]:
        acked = {s.marker for s in self.acked}
        return [marker for marker in self.stored if marker not in acked]

    @property
    def sound(self) -> bool:
        return not (self.acked_not_stored or self.duplicates or self.acked_with_other_id)


def read_answer(status: int, data: bytes) -> tuple[str, int | None, str | None]:
    """(outcome, the saved note's id, an error answer's text) of one HTTP answer to /note."""
    if status != 200:
        return f"HTTP {status}", None, None
    try:
        answer = json.loads(data)
    except ValueError:
        return "answer not JSON", None, None
    for block in answer.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == UNDO_ACTION:
                return ACKED, int(element["value"]), None
    return ERROR_ANSWER, None, str(answer.get("text", ""))[:120]


@dataclass
class Run:
    """What the client threads share: where to send, until when, and what they saw."""

    urls: list[str]
    secret: str
    response_url: str
    customers: int
    started: float
    stop_at: float
    sent: list[Sent] = field(default_factory=list)
    answers: Counter[str] = field(default_factory=Counter)
    health_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def connect(self, server: int) -> http.client.HTTPConnection:
        address = urlsplit(self.urls[server])
        return http.client.HTTPConnection(address.hostname or "", address.port, timeout=REQUEST_TIMEOUT)

    def client(self, n: int) -> None:
        """Sends notes back to back over keep-alive connections, to each live server in turn."""
        rng = random.Random(n)
        connections: dict[int, http.client.HTTPConnection] = {}
        down: set[int] = set()
        mine: list[Sent] = []
        seq = 0
        while time.monotonic() < self.stop_at:
            if len(down) == len(self.urls):
                down.clear()  # every server failed once: try them all again
            live = [i for i in range(len(self.urls)) if i not in down]
            server = live[(n + seq) % len(live)]
            seq += 1
            text = f"Customer{rng.randrange(self.customers)} called re pricing load-c{n}-n{seq} #load"
            body = payloads.slash_command(
                command="/note",
                text=text,
                team_id=TEAM,
                user_id=f"ULOAD{n:03d}",
                channel_id="CLOAD",
                response_url=self.response_url,
            )
            connection = connections.get(server) or self.connect(server)
            connections[server] = connection
            note_id, answer_text = None, None
            began = time.monotonic()
            try:
                connection.request(
                    "POST",
                    "/slack/events",
                    body=body.encode(),
                    headers=payloads.signed_headers(body, self.secret, content_type=payloads.FORM),
                )
                response = connection.getresponse()
                outcome, note_id, answer_text = read_answer(response.status, response.read())
            except TimeoutError:
                outcome = TIMEOUT
                connections.pop(server).close()
            except ConnectionRefusedError:
                outcome = REFUSED
                connections.pop(server).close()
                down.add(server)
            except (OSError, http.client.HTTPException):  # reset, or closed before the answer
                outcome = CUT
                connections.pop(server).close()
                down.add(server)
            ended = time.monotonic()
            mine.append(
                Sent((n, seq), server, began - self.started, (ended - began) * 1000, outcome, note_id)
            )
            if answer_text is not None:
                with self.lock:
                    self.answers[answer_text] += 1
        for connection in connections.values():
            connection.close()
        with self.lock:
            self.sent.extend(mine)

    def health(self) -> None:
        """GET /healthz on each server every 0.1 s: HTTP and one database round trip, as a baseline."""
        while time.monotonic() < self.stop_at:
            for server in range(len(self.urls)):
                connection = self.connect(server)
                began = time.monotonic()
                try:
                    connection.request("GET", "/healthz")
                    if connection.getresponse().status == 200:
                        self.health_ms.append((time.monotonic() - began) * 1000)
                except (OSError, http.client.HTTPException):
                    pass  # a killed server: its absence is what the /note figures show
                finally:
                    connection.close()
            time.sleep(0.1)


def stored_markers(db: Database) -> dict[Marker, list[int]]:
    found: dict[Marker, list[int]] = {}
    with db.engine.connect() as connection:
        rows = connection.execute(select(Note.id, Note.text).where(Note.team_id == TEAM))  # type: ignore[call-overload]
        for note_id, text in rows:
            match = MARKER.search(text)
            if match:
                found.setdefault((int(match[1]), int(match[2])), []).append(int(note_id))
    return found


def run_load(
    db: Database, *, workdir: Path, clients: int, seconds: float, kill_at: float | None, customers: int
) -> LoadResult:
    """The run on `db` (migrated; PostgreSQL to share it between processes), server logs in `workdir`."""
    # `rapport serve` listens on every interface: a secret of this run's own means nobody else can
    # sign a request to it (the clients talk to loopback only).
    secret = secrets.token_hex(16)
    slack = SlackStandIn(team_id=TEAM).start()
    servers: list[ServeProcess] = []
    try:
        for i in range(2):
            servers.append(
                launch_serve(
                    database_url=db.url,
                    api_url=slack.api_url,
                    secret=secret,
                    log=workdir / f"serve{i + 1}.log",
                )
            )
        for server in servers:
            server.wait_healthy()
        started = time.monotonic()
        run = Run(
            urls=[s.url for s in servers],
            secret=secret,
            response_url=slack.response_url("load"),
            customers=customers,
            started=started,
            stop_at=started + seconds,
        )
        threads = [threading.Thread(target=run.client, args=(n,), name=f"load-{n}") for n in range(clients)]
        threads.append(threading.Thread(target=run.health, name="load-health"))
        for thread in threads:
            thread.start()
        killed_at = None
        if kill_at is not None:
            time.sleep(max(0.0, started + kill_at - time.monotonic()))
            servers[-1].kill()
            killed_at = time.monotonic() - started
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        for server in servers:
            server.stop()
        slack.stop()
    return LoadResult(
        clients=clients,
        seconds=elapsed,
        kill_at=killed_at,
        sent=run.sent,
        stored=stored_markers(db),
        health_ms=run.health_ms,
        answers=run.answers,
    )


def latency_row(label: str, values: Sequence[float]) -> str:
    if not values:
        return f"| {label} | 0 | – | – | – |"
    return (
        f"| {label} | {len(values):,} | {statistics.median(values):.1f} | "
        f"{percentile(values, 99):.1f} | {max(values):.1f} |"
    )


def report(result: LoadResult) -> str:
    acked = result.acked
    outcomes = Counter(s.outcome for s in result.sent)
    killed = f", server 2 killed (SIGKILL) at {result.kill_at:.1f} s" if result.kill_at is not None else ""
    lines = [
        f"{result.clients} clients for {result.seconds:.1f} s on 2 `rapport serve` processes, "
        f"one PostgreSQL{killed}",
        "",
        "| measure | count |",
        "|---|---:|",
        f"| /note requests | {len(result.sent):,} |",
    ]
    lines += [f"| {outcome} | {count:,} |" for outcome, count in outcomes.most_common()]
    lines += [
        f"| notes stored (with a marker) | {sum(len(ids) for ids in result.stored.values()):,} |",
        f"| **acked but not stored** (must be 0) | {len(result.acked_not_stored)} |",
        f"| **stored more than once** (must be 0) | {len(result.duplicates)} |",
        f"| **acked with another note's id** (must be 0) | {len(result.acked_with_other_id)} |",
        f"| stored but not acked (allowed) | {len(result.stored_not_acked)} |",
        f"| acked after {SLACK_PATIENCE:.0f} s (Slack would have shown an error) | "
        f"{sum(1 for s in acked if s.ms > SLACK_PATIENCE * 1000)} |",
        f"| acked notes per second | {len(acked) / result.seconds:.1f} |",
        "",
        "| latency (client round trip) | requests | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|",
        latency_row("/note, acked", [s.ms for s in acked]),
    ]
    if result.kill_at is not None:
        kill_at = result.kill_at
        lines += [
            latency_row("/note, acked, sent before the kill", [s.ms for s in acked if s.at < kill_at]),
            latency_row("/note, acked, sent after the kill", [s.ms for s in acked if s.at >= kill_at]),
        ]
    lines.append(latency_row("GET /healthz, same servers and time (baseline)", result.health_ms))
    if result.answers:
        lines += ["", "error answers:"] + [f"  {n:,} × {text}" for text, n in result.answers.most_common(5)]
    for label, markers in (
        ("acked but not stored", result.acked_not_stored),
        ("stored more than once", result.duplicates),
        ("acked with another note's id", result.acked_with_other_id),
    ):
        if markers:
            shown = ", ".join(f"load-c{c}-n{n}" for c, n in markers[:10])
            lines.append(f"{label}: {shown}{' …' if len(markers) > 10 else ''}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--kill", action="store_true", help="SIGKILL the second server halfway")
    parser.add_argument("--kill-at", type=float, help="seconds after the start to kill it (implies --kill)")
    parser.add_argument("--customers", type=int, default=50, help="notes are spread over this many customers")
    parser.add_argument(
        "--database-url",
        default=PG_ADMIN,
        help="PostgreSQL server to create the scratch database on (default: RAPPORT_TEST_DATABASE_URL "
        "or the local server)",
    )
    args = parser.parse_args()
    kill_at = args.kill_at if args.kill_at is not None else (args.seconds / 2 if args.kill else None)
    workdir = Path(tempfile.mkdtemp(prefix="rapport-load-"))
    with scratch_database("postgresql", admin_url=args.database_url) as db:
        result = run_load(
            db,
            workdir=workdir,
            clients=args.clients,
            seconds=args.seconds,
            kill_at=kill_at,
            customers=args.customers,
        )
    print(report(result))
    if result.sound and not result.answers:
        shutil.rmtree(workdir)
    else:
        print(f"\nserver logs kept in {workdir}")
    if not result.sound:
        sys.exit(1)


if __name__ == "__main__":
    main()
