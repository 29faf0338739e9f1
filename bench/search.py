"""How fast `/crm search` and customer-name resolution answer over a million notes.

Generates (seeded) notes in English and Chinese over many customers, loads them into SQLite
(batched executemany, the search triggers firing as in production) and PostgreSQL (COPY), then
times the search service on a mix of queries and the name lookups, and prints markdown tables:
p50/p95 per kind of query, and the database size per million notes. Target: p95 < 30 ms.

    .venv/bin/python bench/search.py [--notes 1000000] [--customers 50000] [--repeat 60]
                                     [--backend sqlite|postgresql|both] [--keep DIR] [--pg-url URL]
                                     [--only KIND ...]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PG_ADMIN, percentile
from bot.language import normalize_name
from bot.notes.finder import search
from storage import customers as customer_queries
from storage import migrate
from storage.db import Database
from storage.scratch import scratch_postgres

TEAM = "TBENCH"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

EN = (  # noqa: SIM905  (one list per line would be 170 lines)
    "called emailed met visited pricing renewal contract seats onboarding invoice demo discount budget "
    "procurement legal security review integration api dashboard report export import migration training "
    "support ticket outage latency upgrade downgrade churn expansion upsell quote proposal trial pilot "
    "champion sponsor stakeholder timeline deadline quarter roadmap feature request bug feedback complaint "
    "escalation refund payment wire terms net30 annual monthly license compliance audit gdpr soc2 sso "
    "okta slack teams zoom meeting lunch conference webinar newsletter referral partner reseller "
    "distributor warehouse shipping logistics inventory analytics forecast pipeline hiring layoffs "
    "merger acquisition funding ipo board ceo cto cfo vp director manager engineer analyst"
).split()
ZH = (  # noqa: SIM905
    "电话 沟通 报价 续费 合同 拜访 需求 反馈 采购 会议 投诉 退款 发票 付款 折扣 预算 试用 上线 培训 "
    "售后 故障 升级 续约 扩容 合作 渠道 代理 物流 仓库 库存 数据 报表 接口 安全 审计 合规 法务 "
    "招标 投标 方案 演示 样品 交付 验收 回款 账期 年费 月费 许可 授权 部署 私有化 云服务 "
    "电话沟通 商务谈判 技术交流 需求调研 项目启动 合同签署 价格调整 售后服务 客户满意 战略合作"
).split()
NAME_CHARS = "华为京东腾讯阿里巴百度美团小米字节跳动网易携程滴滴拼多快手新浪搜狐联想海尔格力中兴顺丰"
TAGS = [
    "pricing",
    "renewal",
    "risk",
    "vip",
    "legal",
    "support",
    "报价",
    "续费",
    "投诉",
    "合作",
]
AUTHORS = [f"U{n:04d}" for n in range(40)]


def customer_names(count: int, rng: random.Random) -> list[str]:
    """Distinct names: English ("Acme Health 123"), Chinese of two to four characters (华为, 京东)."""
    names: dict[str, None] = {"华为": None, "京东": None, "阿里巴巴": None, "Acme Health": None}
    syllables = ["ac", "me", "glo", "bex", "ini", "tech", "sys", "ora", "nex", "via", "zen", "cor"]
    while len(names) < count:
        if rng.random() < 0.5:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()
            names[f"{word} {rng.choice(['Inc', 'Health', 'Labs', 'Group', 'Ltd'])} {rng.randint(1, 999)}"] = (
                None
            )
        else:
            names["".join(rng.choice(NAME_CHARS) for _ in range(rng.choice([2, 3, 4])))] = None
    return list(names)


def note_body(rng: random.Random, name: str) -> tuple[str, str]:
    """(body, lang): eight to twenty words, Zipf-ish (a few words are common, most are rare)."""
    chinese = rng.random() < 0.5
    vocabulary = ZH if chinese else EN
    count = rng.randint(8, 20)
    words = [vocabulary[min(int(rng.paretovariate(0.8)) - 1, len(vocabulary) - 1)] for _ in range(count)]
    words = [rng.choice(vocabulary) if rng.random() < 0.5 else word for word in words]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), name)
    return ("，".join(words) if chinese else " ".join(words)), ("zh" if chinese else "en")


def rows(notes: int, names: list[str], seed: int) -> Iterator[tuple[Any, ...]]:
    """(id, customer id, author, body, lang, created_at, tag index or -1), oldest first."""
    rng = random.Random(seed)
    span = timedelta(days=730) / max(notes, 1)
    start = NOW - timedelta(days=730)
    for n in range(notes):
        customer = rng.randrange(len(names))
        body, lang = note_body(rng, names[customer])
        tag = rng.randrange(len(TAGS)) if rng.random() < 0.2 else -1
        yield n + 1, customer + 1, rng.choice(AUTHORS), body, lang, start + span * n, tag


def load(db: Database, notes: int, names: list[str], seed: int) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO workspace (team_id, tz, currency, locale, created_at, capture_emoji)"
            " VALUES ('TBENCH', 'UTC', 'USD', 'en', CURRENT_TIMESTAMP, 'memo')"
        )
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        customers = [(i + 1, TEAM, name, normalize_name(name)) for i, name in enumerate(names)]
        cursor.executemany(
            _params(
                db,
                "INSERT INTO customer (id, team_id, name, normalized, kind, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'company', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            ),
            customers,
        )
        cursor.executemany(
            _params(
                db,
                "INSERT INTO customer_name (team_id, customer_id, name, normalized, is_alias)"
                " VALUES (?, ?, ?, ?, ?)",
            ),
            [(TEAM, cid, name, normal, False) for cid, _, name, normal in customers]
            + [
                (TEAM, cid, name.split()[0], normal.split()[0] + f" {cid}", True)
                for cid, _, name, normal in customers[::10]
                if " " in name
            ],
        )
        cursor.executemany(
            _params(db, "INSERT INTO tag (id, team_id, name) VALUES (?, ?, ?)"),
            [(i + 1, TEAM, tag) for i, tag in enumerate(TAGS)],
        )
        raw.commit()
        if db.dialect == "postgresql":
            _copy_notes(raw, notes, names, seed)
        else:
            _insert_notes(raw, notes, names, seed)
        raw.commit()
    finally:
        raw.close()
    # The test server runs without autovacuum; a production one would soon have vacuumed the fresh
    # rows, and index-only scans (a tag's note ids) depend on the visibility map vacuum writes.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE")


def _has_notes(db: Database) -> bool:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT 1 FROM note LIMIT 1").first() is not None


def _params(db: Database, sql: str) -> str:
    return sql.replace("?", "%s") if db.dialect == "postgresql" else sql


def _insert_notes(raw: Any, notes: int, names: list[str], seed: int) -> None:
    cursor = raw.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    batch: list[tuple[Any, ...]] = []
    tagged: list[tuple[Any, ...]] = []
    for nid, cid, author, body, lang, created, tag in rows(notes, names, seed):
        # SQLAlchemy's storage format for naive UTC datetimes on SQLite.
        stamp = created.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        batch.append((nid, TEAM, cid, author, body, body, lang, stamp))
        if tag >= 0:
            tagged.append((TEAM, nid, tag + 1))
        if len(batch) == 20_000:
            _flush_sqlite(cursor, batch, tagged)
            raw.commit()
    _flush_sqlite(cursor, batch, tagged)


def _flush_sqlite(cursor: Any, batch: list[tuple[Any, ...]], tagged: list[tuple[Any, ...]]) -> None:
    cursor.executemany(
        "INSERT INTO note (id, team_id, customer_id, author_id, text, body, lang, source, category,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'command', 'general', ?)",
        batch,
    )
    cursor.executemany("INSERT INTO note_tag (team_id, note_id, tag_id) VALUES (?, ?, ?)", tagged)
    batch.clear()
    tagged.clear()


def _copy_notes(raw: Any, notes: int, names: list[str], seed: int) -> None:
    connection = raw.driver_connection
    tagged: list[tuple[Any, ...]] = []
    columns = "id, team_id, customer_id, author_id, text, body, lang, source, category, created_at"
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY note ({columns}) FROM STDIN") as copy:
            for nid, cid, author, body, lang, created, tag in rows(notes, names, seed):
                copy.write_row((nid, TEAM, cid, author, body, body, lang, "command", "general", created))
                if tag >= 0:
                    tagged.append((TEAM, nid, tag + 1))
        with cursor.copy("COPY note_tag (team_id, note_id, tag_id) FROM STDIN") as copy:
            for row in tagged:
                copy.write_row(row)


def queries(names: list[str], rng: random.Random) -> dict[str, Callable[[], str]]:
    """Kinds of query a team types, each a generator of fresh examples."""
    english = [n for n in names if " " in n]
    chinese = [n for n in names if " " not in n]

    def pick(words: list[str], length: int | None = None) -> str:
        choices = [w for w in words if length is None or len(w) == length]
        return rng.choice(choices)

    return {
        "English word": lambda: pick(EN),
        "English two words": lambda: f"{pick(EN)} {pick(EN)}",
        "Chinese 2 chars (word)": lambda: pick(ZH, 2),
        "Chinese 2 chars (customer name)": lambda: pick([n for n in chinese[:2000] if len(n) == 2]),
        "Chinese 4 chars": lambda: pick(ZH, 4),
        "word + customer:": lambda: f'{pick(EN)} customer:"{rng.choice(english)}"',
        "Chinese + 客户:": lambda: f"{pick(ZH, 2)} 客户:{rng.choice(chinese)}",
        "word + #tag": lambda: f"{pick(EN)} #{rng.choice(TAGS)}",
        "word + from: + since:": lambda: f"{pick(EN)} from:<@{rng.choice(AUTHORS)}> since:2026-06-01",
        "filters only (#tag since:)": lambda: f"#{rng.choice(TAGS)} since:2026-10-01",
        "no match": lambda: f"zyxw{rng.randint(0, 999)}",
    }


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def measure(db: Database, names: list[str], repeat: int, only: list[str]) -> dict[str, list[float]]:
    rng = random.Random(5)
    results: dict[str, list[float]] = {}
    for kind, make in queries(names, rng).items():
        if only and not any(part in kind for part in only):
            continue
        rng.seed(kind)  # each kind draws the same examples whether or not the others run
        timings = results.setdefault(f"search: {kind}", [])
        for _ in range(repeat):
            text = make()
            timings += timed(lambda text=text: search(db=db, team_id=TEAM, text=text, now=NOW), 1)  # type: ignore[misc]
    results["search: all of the above"] = [t for key, v in results.items() for t in v]
    if only:
        return results

    def exact() -> object:
        with db.session() as session:
            wanted = normalize_name(rng.choice(names).upper())
            return customer_queries.customer_by_name(session=session, team_id=TEAM, normalized=wanted)

    results["name: exact (CustomerName.normalized)"] = timed(exact, repeat * 5)
    fuzzy = _fuzzy(db, names, rng)
    if fuzzy is not None:
        fuzzy()  # the first call loads every name into the per-workspace cache
        results["name: typo, fuzzy (bot.customers.matching, warm cache)"] = timed(fuzzy, repeat * 5)
    return results


def _fuzzy(db: Database, names: list[str], rng: random.Random) -> Callable[[], object] | None:
    try:
        from bot.customers.matching import resolve  # another part of issue 6; measured when present
    except ImportError:
        return None

    def typo() -> object:
        name = rng.choice(names)
        at = rng.randrange(len(name))
        with db.session() as session:
            return resolve(session=session, team_id=TEAM, name=name[:at] + name[at + 1 :])

    return typo


def size_bytes(db: Database, path: str | None) -> int:
    if path is not None:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return os.path.getsize(path)
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one())


@contextmanager
def backend(kind: str, keep: str | None, pg_url: str | None) -> Iterator[tuple[Database, str | None]]:
    if kind == "sqlite":
        folder = keep or tempfile.mkdtemp(prefix="rapport_search_")
        path = os.path.join(folder, "search.db")
        if os.path.exists(path) and keep is None:
            os.remove(path)
        db = Database(f"sqlite:///{path}")
        try:
            yield db, path
        finally:
            db.dispose()
            if keep is None:
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(path + suffix):
                        os.remove(path + suffix)
                os.rmdir(folder)
        return
    with ExitStack() as stack:
        url = pg_url or stack.enter_context(scratch_postgres(PG_ADMIN, prefix="rapport_bench"))
        db = Database(url)
        try:
            yield db, None
        finally:
            db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=60, help="queries of each kind")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--keep", help="SQLite: keep the database file in this folder")
    parser.add_argument(
        "--pg-url", help="PostgreSQL: an empty database to fill and keep (default: a scratch one)"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--only", nargs="+", default=[], help="time only the query kinds whose names contain one of these"
    )
    args = parser.parse_args()
    names = customer_names(args.customers, random.Random(args.seed))
    kinds = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    table: dict[str, dict[str, list[float]]] = {}
    sizes: dict[str, int] = {}
    for kind in kinds:
        with backend(kind, args.keep, args.pg_url) as (db, path):
            migrate.upgrade(db)
            started = time.perf_counter()
            if not _has_notes(db):  # a kept database (--keep, --pg-url) is measured again as it is
                load(db, args.notes, names, args.seed)
            print(
                f"{kind}: loaded {args.notes:,} notes in {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
            table[kind] = measure(db, names, args.repeat, args.only)
            sizes[kind] = size_bytes(db, path)
    report(table, sizes, args.notes, args.customers)


def report(
    table: dict[str, dict[str, list[float]]], sizes: dict[str, int], notes: int, customers: int
) -> None:
    kinds = list(table)
    print(f"\n{notes:,} notes, {customers:,} customers; milliseconds per call (service, session included)\n")
    print("| query | " + " | ".join(f"{k} p50 | {k} p95" for k in kinds) + " |")
    print("|---|" + "---:|---:|" * len(kinds))
    for row in table[kinds[0]]:
        cells = []
        for kind in kinds:
            values = table[kind].get(row, [])
            cells += (
                [f"{statistics.median(values):.1f}", f"{percentile(values, 95):.1f}"]
                if values
                else ["–", "–"]
            )
        print(f"| {row} | " + " | ".join(cells) + " |")
    print("\n| database | size | per million notes |")
    print("|---|---:|---:|")
    for kind, size in sizes.items():
        per_million = size / max(notes, 1) * 1_000_000
        print(f"| {kind} | {size / 2**20:,.0f} MiB | {per_million / 2**20:,.0f} MiB |")


if __name__ == "__main__":
    main()
