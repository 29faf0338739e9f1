"""How long classification and weekly digests take on a large workspace (issue 7).

Generates (seeded) a workspace of customers with owners, regions, tags, notes (some complaints,
some soft-deleted, some dated in the past), purchases in several currencies (rates set for all
but one, which recompute reports), follow-ups done and overdue, and a stage history; loads it into
SQLite (batched executemany, the search triggers firing as in production) and PostgreSQL (COPY),
then times, with the services the app calls:

- recompute (bot.insights.reclassify, `/crm recompute` and the 6-hourly job), target < 10 s: the first run
  (every customer still a lead) and a later run 6 hours on (from the first run's result);
- one weekly digest of a built-in segment (bot.digests.build.build_digest, and its chart,
  bot.jobs.digests.digest_chart), target < 2 s.

Each figure is repeated (the database put back as it was before each recompute) and reported as
median and max, in seconds. Purchases are notes too (category purchase), in addition to --notes.

    .venv/bin/python bench/digest.py [--customers 100000] [--notes 2000000] [--purchases 200000]
                                     [--repeat 3] [--backend sqlite|postgresql|both]
                                     [--keep DIR] [--pg-url URL] [--seed 42] [--only recompute|digest]

--keep (SQLite) and --pg-url (PostgreSQL, an empty database) keep the loaded data for the next
run, which measures it again without loading.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PG_ADMIN
from bot.digests import build
from bot.insights.reclassify import Recomputed, recompute, set_rate
from bot.jobs.digests import digest_chart
from storage import migrate
from storage.db import Database
from storage.scratch import scratch_postgres

TEAM = "TBENCH"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday morning, when digests go out
FIRST_RUN = NOW - timedelta(hours=6)  # the run before NOW's, in the 6-hourly job
OWNERS = [f"U{n:04d}" for n in range(1, 31)]
REGIONS = ["emea", "apac", "na", "latam", "华东", "华南"]
INDUSTRIES = ["retail", "saas", "logistics", "finance", "制造", "医疗"]
TAGS = ["vip", "renewal", "priority", "trial", "partner", "大客户", "续约"]
# Currency, share of purchases, rate to USD (None: no rate set, so recompute reports it).
CURRENCIES = [("USD", 0.70, None), ("EUR", 0.14, "1.08"), ("GBP", 0.05, "1.27"), ("CNY", 0.09, "0.14"),
              ("JPY", 0.02, None)]  # fmt: skip
WORDS = (  # noqa: SIM905
    "called emailed met pricing renewal contract seats onboarding invoice demo discount budget "
    "security review integration report training support ticket outage upgrade quote proposal "
    "电话 沟通 报价 续费 合同 拜访 需求 反馈 采购 会议 培训 售后 升级 续约"
).split()
SEGMENTS = ["vip", "at-risk"]

Row = tuple[Any, ...]


def customers(count: int, rng: random.Random) -> list[Row]:
    """(id, name, owner, creator, region, industry, created, deleted, active from, until, buyer, weight).

    `until` is the customer's last activity: half were in touch this month, a fifth one to three
    months ago (at risk once they bought), the rest longer ago (churned).
    """
    out = []
    for n in range(1, count + 1):
        created = NOW - timedelta(days=rng.uniform(5, 730))
        low, high = rng.choices([(0, 30), (30, 90), (90, 700)], weights=[5, 2, 3])[0]
        ago = rng.uniform(low, high)
        until = max(created + timedelta(hours=1), NOW - timedelta(days=ago))
        owner = rng.choice(OWNERS) if rng.random() < 0.9 else None
        name = f"{rng.choice(['Acme', 'Globex', 'Initech', '华为', '京东', 'Umbrella'])} {n}"
        out.append(
            (
                n,
                name,
                owner,
                rng.choice(OWNERS),
                rng.choice(REGIONS),
                rng.choice(INDUSTRIES),
                created,
                NOW - timedelta(days=2) if rng.random() < 0.005 else None,
                created,
                until,
                rng.random() < 0.45,
                rng.paretovariate(1.5),
            )
        )
    return out


def notes(people: list[Row], count: int, purchases: int, seed: int) -> Iterator[Row]:
    """(id, customer, author, body, category, contact, occurred, amount, currency, created, deleted, tag).

    Notes go to customers by weight (a few busy ones, many quiet ones); purchases only to buyers.
    """
    rng = random.Random(seed + 1)
    buyers = [p for p in people if p[10]]
    nid = 0
    for pool, total, buying in ((people, count, False), (buyers, purchases, True)):
        weights = list(_cumulative(p[11] for p in pool))
        done = 0
        while done < total:
            batch = min(50_000, total - done)
            for person in rng.choices(pool, cum_weights=weights, k=batch):
                nid += 1
                yield _note(rng, nid, person, buying)
            done += batch


def _cumulative(values: Iterable[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def _note(rng: random.Random, nid: int, person: Row, buying: bool) -> Row:
    start, until = person[8], person[9]
    created = start + (until - start) * rng.random()
    author = person[2] or person[3] if rng.random() < 0.8 else rng.choice(OWNERS)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7)))
    amount = currency = None
    category = rng.choices(["complaint", "feedback", "need", "general"], cum_weights=[2, 6, 10, 100])[0]
    if buying:
        category = "purchase"
        amount = round(rng.lognormvariate(7, 1.2), 2)
        currency = rng.choices([c[0] for c in CURRENCIES], weights=[c[1] for c in CURRENCIES])[0]
        words = f"bought {rng.randint(1, 50)} seats for {amount} {currency}"
    occurred = created - timedelta(days=rng.uniform(0, 3)) if rng.random() < 0.1 else None
    deleted = created + timedelta(minutes=5) if rng.random() < 0.01 else None
    contact = rng.choice(["call", "email", "meeting", "visit", "chat", None])
    tag = rng.randrange(len(TAGS)) + 1 if rng.random() < 0.1 else None
    return nid, person[0], author, words, category, contact, occurred, amount, currency, created, deleted, tag


def follow_ups(people: list[Row], count: int, rng: random.Random) -> Iterator[Row]:
    """(id, customer, assignee, text, due, status, created, completed, sent): done this week and
    before, open and overdue, open and due later, a few cancelled."""
    for n in range(1, count + 1):
        person = rng.choice(people)
        assignee = person[2] or person[3]
        roll = rng.random()
        row: tuple[datetime, str, datetime | None, datetime | None]
        if roll < 0.35:
            completed = NOW - timedelta(days=rng.uniform(0, 21))
            due = completed - timedelta(days=rng.uniform(-2, 5))
            row = (due, "done", completed, due if due < completed else None)
        elif roll < 0.6:
            due = NOW - timedelta(days=rng.uniform(0, 60))
            row = (due, "open", None, due)
        elif roll < 0.95:
            row = (NOW + timedelta(days=rng.uniform(0, 60)), "open", None, None)
        else:
            due = NOW - timedelta(days=rng.uniform(0, 60))
            row = (due, "cancelled", due, None)
        due = row[0]
        yield (n, person[0], assignee, "call back re renewal", due, row[1], due - timedelta(days=7), *row[2:])


def stage_changes(people: list[Row], count: int, rng: random.Random) -> Iterator[Row]:
    """(id, customer, from, to, changed at): the last four months, a few hundred in the last week."""
    moves = [("lead", "new"), ("new", "active"), ("active", "at_risk"), ("at_risk", "churned"),
             ("at_risk", "active"), ("churned", "active"), ("new", "at_risk")]  # fmt: skip
    for n in range(1, count + 1):
        before, after = rng.choice(moves)
        yield (n, rng.choice(people)[0], before, after, NOW - timedelta(days=rng.uniform(0.1, 120)))


TABLES: dict[str, str] = {
    "customer": "id, team_id, name, normalized, kind, owner_id, created_by, region, industry, created_at,"
    " updated_at, deleted_at, stage, tier",
    "customer_tag": "team_id, customer_id, tag_id",
    "note": "id, team_id, customer_id, author_id, text, body, lang, source, category, contact_channel,"
    " occurred_at, amount, currency, created_at, deleted_at",
    "note_tag": "team_id, note_id, tag_id",
    "follow_up": "id, team_id, customer_id, assignee_id, created_by, text, due_at, status, created_at,"
    " completed_at, sent_at, attempts",
    "stage_change": "id, team_id, customer_id, from_stage, to_stage, changed_at",
}


def load(db: Database, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    people = customers(args.customers, rng)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO workspace (team_id, tz, currency, locale, created_at, capture_emoji, at_risk_days,"
            " churn_days) VALUES ('TBENCH', 'UTC', 'USD', 'en', CURRENT_TIMESTAMP, 'memo', 30, 90)"
        )
    for code, _, rate in CURRENCIES:
        if rate is not None and code != "USD":
            set_rate(db=db, team_id=TEAM, currency=code, rate=rate, now=NOW - timedelta(days=400))
    writer = _Writer(db)
    try:
        writer.write("tag", "id, team_id, name", ((i + 1, TEAM, tag) for i, tag in enumerate(TAGS)))
        writer.write(
            "customer",
            TABLES["customer"],
            (
                (p[0], TEAM, p[1], p[1].casefold(), "company", *p[2:7], p[6], p[7], "lead", "none")
                for p in people
            ),
        )
        writer.write("customer_tag", TABLES["customer_tag"], _customer_tags(people, rng))
        tagged: list[Row] = []
        writer.write("note", TABLES["note"], _note_rows(people, args, tagged))
        writer.write("note_tag", TABLES["note_tag"], tagged)
        writer.write(
            "follow_up",
            TABLES["follow_up"],
            ((f[0], TEAM, f[1], f[2], f[2], *f[3:], 0) for f in follow_ups(people, args.customers // 2, rng)),
        )
        writer.write(
            "stage_change",
            TABLES["stage_change"],
            ((s[0], TEAM, *s[1:]) for s in stage_changes(people, args.customers // 3, rng)),
        )
    finally:
        writer.close()
    if db.dialect == "postgresql":  # COPY gave explicit ids: move each sequence past them
        for table in ("tag", "customer", "note", "follow_up", "stage_change"):
            _sql(db, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    _sql(db, "CREATE TABLE bench_meta (name VARCHAR(32) PRIMARY KEY, value INTEGER NOT NULL)")
    meta = {
        "customers": args.customers,
        "notes": args.notes,
        "purchases": args.purchases,
        "seed": args.seed,
        "stage_changes": args.customers // 3,
        "follow_ups": args.customers // 2,
    }
    for name, value in meta.items():
        _sql(db, f"INSERT INTO bench_meta VALUES ('{name}', {int(value)})")
    if db.dialect == "postgresql":  # VACUUM too: index-only scans need the visibility map
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    else:
        _sql(db, "ANALYZE")


def _customer_tags(people: list[Row], rng: random.Random) -> Iterator[Row]:
    for person in people:
        chosen = {1} if rng.random() < 0.03 else set()  # vip
        chosen |= {rng.randrange(2, len(TAGS) + 1) for _ in range(rng.choice([0, 0, 1, 2]))}
        for tag in sorted(chosen):
            yield (TEAM, person[0], tag)


def _note_rows(people: list[Row], args: argparse.Namespace, tagged: list[Row]) -> Iterator[Row]:
    for nid, cid, author, body, category, contact, occurred, amount, currency, created, deleted, tag in notes(
        people, args.notes, args.purchases, args.seed
    ):
        if tag is not None:
            tagged.append((TEAM, nid, tag))
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in body[:2]) else "en"
        yield (
            nid,
            TEAM,
            cid,
            author,
            body,
            body,
            lang,
            "command",
            category,
            contact,
            occurred,
            amount,
            *(
                currency,
                created,
                deleted,
            ),
        )


class _Writer:
    """Bulk rows in: COPY on PostgreSQL, executemany in big batches on SQLite."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.raw = db.engine.raw_connection()
        if db.dialect == "sqlite":
            self.raw.cursor().execute("PRAGMA synchronous=OFF")

    def write(self, table: str, columns: str, rows: Iterable[Row]) -> None:
        if self.db.dialect == "postgresql":
            connection: Any = self.raw.driver_connection
            with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            self.raw.commit()
            return
        marks = ", ".join("?" for _ in columns.split(","))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        cursor = self.raw.cursor()
        batch: list[Row] = []
        for row in rows:
            batch.append(tuple(_sqlite_value(v) for v in row))
            if len(batch) == 20_000:
                cursor.executemany(sql, batch)
                self.raw.commit()
                batch.clear()
        cursor.executemany(sql, batch)
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def _sqlite_value(value: Any) -> Any:
    # SQLAlchemy's storage format for (naive, UTC) datetimes on SQLite.
    return f"{value:%Y-%m-%d %H:%M:%S.%f}" if isinstance(value, datetime) else value


def _sql(db: Database, statement: str) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def _meta(db: Database) -> dict[str, int] | None:
    with db.engine.connect() as connection:
        has = connection.exec_driver_sql("SELECT 1 FROM customer LIMIT 1").first() is not None
        if not has:
            return None
        return {str(k): int(v) for k, v in connection.exec_driver_sql("SELECT name, value FROM bench_meta")}


def reset(db: Database, meta: dict[str, int], *, baseline: bool) -> None:
    """Back to the loaded stages (every customer a lead) or to the first recompute's result
    (`bench_baseline`), with the stage moves and warnings recompute added since removed."""
    reset_history(db, meta, baseline=baseline)
    if baseline:
        _sql(
            db,
            "UPDATE customer SET stage = b.stage, tier = b.tier, stage_since = b.stage_since"
            " FROM bench_baseline AS b WHERE customer.id = b.id",
        )
    else:
        _sql(db, "UPDATE customer SET stage = 'lead', tier = 'none', stage_since = NULL")
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE customer, stage_change, follow_up")


def reset_history(db: Database, meta: dict[str, int], *, baseline: bool = False) -> None:
    keep = "baseline_" if baseline else ""
    _sql(db, f"DELETE FROM stage_change WHERE id > {meta[keep + 'stage_changes']}")
    _sql(db, f"DELETE FROM follow_up WHERE id > {meta[keep + 'follow_ups']}")


def save_baseline(db: Database) -> dict[str, int]:
    _sql(db, "DROP TABLE IF EXISTS bench_baseline")
    _sql(db, "CREATE TABLE bench_baseline AS SELECT id, stage, tier, stage_since FROM customer")
    _sql(db, "DELETE FROM bench_meta WHERE name IN ('baseline_stage_changes', 'baseline_follow_ups')")
    for table, name in (("stage_change", "stage_changes"), ("follow_up", "follow_ups")):
        _sql(
            db,
            f"INSERT INTO bench_meta SELECT 'baseline_{name}', coalesce(max(id), 0) FROM {table}",
        )
    meta = _meta(db)
    assert meta is not None
    return meta


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def measure(
    db: Database, meta: dict[str, int], repeat: int, only: str | None
) -> tuple[dict[str, list[float]], list[str]]:
    figures: dict[str, list[float]] = {}
    facts: list[str] = []
    if only != "digest":
        measure_recompute(db, meta, repeat, figures, facts)
    if only != "recompute":
        measure_digests(db, repeat, figures, facts)
    return figures, facts


def measure_recompute(
    db: Database, meta: dict[str, int], repeat: int, figures: dict[str, list[float]], facts: list[str]
) -> None:
    runs: list[Recomputed] = []
    for _ in range(repeat):
        reset(db, meta, baseline=False)
        seconds, done = timed(lambda: recompute(db=db, team_id=TEAM, now=FIRST_RUN))
        figures.setdefault("recompute: first run (every customer a lead)", []).append(seconds)
        runs.append(done)
    # Its moves and warnings were the week before last: this week's digest shows the loaded history.
    reset_history(db, meta)
    meta = save_baseline(db)
    for _ in range(repeat):
        reset(db, meta, baseline=True)
        seconds, done = timed(lambda: recompute(db=db, team_id=TEAM, now=NOW))
        figures.setdefault("recompute: 6 hours later", []).append(seconds)
        runs.append(done)
    for label, run in (("first run", runs[0]), ("6 hours later", runs[-1])):
        facts.append(
            f"recompute {label}: {run.customers:,} customers, {run.moved:,} moved stage, {run.warnings:,}"
            f" churn warnings, no rate for {', '.join(run.unconverted) or 'none'}"
        )


def measure_digests(db: Database, repeat: int, figures: dict[str, list[float]], facts: list[str]) -> None:
    """Digests of the database as it is: after measure_recompute, classified 6 hours after the
    run before (the moves of this week are the loaded history and that run's)."""
    for segment in SEGMENTS:
        previous = last_week(db, segment)
        for _ in range(repeat + 2):
            built, digest = timed(
                lambda segment=segment, previous=previous: build.build_digest(  # type: ignore[misc]
                    db=db, team_id=TEAM, segment=segment, now=NOW, previous=previous
                )
            )
            figures.setdefault(f"digest `{segment}`: build_digest", []).append(built)
            drawn, png = timed(
                lambda digest=digest: digest_chart(  # type: ignore[misc]
                    db=db, team_id=TEAM, digest=digest, now=NOW
                )
            )
            figures.setdefault(f"digest `{segment}`: digest_chart", []).append(drawn)
            figures.setdefault(f"digest `{segment}`: total", []).append(built + drawn)
        top = digest.top_value[0][1] if digest.top_value else 0
        facts.append(
            f"digest `{segment}`: {digest.size:,} members, {len(digest.joined):,} joined,"
            f" {len(digest.left):,} left, {len(digest.stage_moves):,} stage moves,"
            f" {digest.complaints:,} complaints,"
            f" {len(digest.performance)} owners, top value {top:,.0f} {digest.currency}"
            + f"; chart {len(png):,} bytes"
        )


def last_week(db: Database, segment: str) -> tuple[int, ...]:
    """Last week's members: this week's with a few gone and a few others, so some joined and left."""
    members = build.build_digest(db=db, team_id=TEAM, segment=segment, now=NOW, previous=None).member_ids
    rng = random.Random(len(members))
    others = rng.sample(range(1, max(members, default=1) + 1), k=len(members) // 20)
    return tuple(sorted({m for m in members if rng.random() > 0.05} | set(others)))


@contextmanager
def backend(kind: str, keep: str | None, pg_url: str | None) -> Iterator[Database]:
    with ExitStack() as stack:
        if kind == "sqlite":
            folder = keep or stack.enter_context(tempfile.TemporaryDirectory(prefix="rapport_digest_"))
            os.makedirs(folder, exist_ok=True)
            url = f"sqlite:///{folder}/digest.db"
        else:
            url = pg_url or stack.enter_context(scratch_postgres(PG_ADMIN, prefix="rapport_bench"))
        db = Database(url)
        stack.callback(db.dispose)
        yield db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=2_000_000)
    parser.add_argument("--purchases", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each recompute (digests: +2)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--keep", help="SQLite: keep the database file in this folder, reuse it next time")
    parser.add_argument("--pg-url", help="PostgreSQL: an empty database to fill and keep (default: scratch)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", choices=["recompute", "digest"], help="measure only this")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    table: dict[str, dict[str, list[float]]] = {}
    notes: dict[str, list[str]] = {}
    for kind in kinds:
        with backend(kind, args.keep, args.pg_url) as db:
            migrate.upgrade(db)
            meta = _meta(db)
            if meta is None:
                started = time.perf_counter()
                load(db, args)
                print(f"{kind}: loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
                meta = _meta(db)
                assert meta is not None
            wanted = {k: getattr(args, k) for k in ("customers", "notes", "purchases", "seed")}
            if any(meta[k] != v for k, v in wanted.items()):
                sys.exit(f"{kind}: the kept database holds {meta}, not {wanted}; drop it or match them")
            table[kind], notes[kind] = measure(db, meta, args.repeat, args.only)
            print(f"{kind}: measured", file=sys.stderr)
    report(table, notes, args)


def report(
    table: dict[str, dict[str, list[float]]], notes: dict[str, list[str]], args: argparse.Namespace
) -> None:
    kinds = list(table)
    print(
        f"\n{args.customers:,} customers, {args.notes:,} notes + {args.purchases:,} purchases;"
        f" seconds per service call (median and max of {args.repeat} recomputes, {args.repeat + 2} digests)\n"
    )
    print("| measure | target | " + " | ".join(f"{k} median | {k} max" for k in kinds) + " |")
    print("|---|---:|" + "---:|---:|" * len(kinds))
    rows = list(dict.fromkeys(row for kind in kinds for row in table[kind]))
    for row in rows:
        target = "10" if row.startswith("recompute") else "" if row.endswith("digest_chart") else "2"
        cells = []
        for kind in kinds:
            values = table[kind].get(row, [])
            cells += [f"{statistics.median(values):.2f}", f"{max(values):.2f}"] if values else ["–", "–"]
        print(f"| {row} | {target} | " + " | ".join(cells) + " |")
    for kind in kinds:
        print(f"\n{kind}:")
        for line in notes[kind]:
            print(f"- {line}")


if __name__ == "__main__":
    main()
