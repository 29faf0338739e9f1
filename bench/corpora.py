"""How often `parse_note` reads the public development corpora right (/work/shared/corpora, README there).

    .venv/bin/python bench/corpora.py [--misses] [--dir DIR]

Each sentence becomes a note on a known customer ("Acme " / "阿里巴巴 " in front, `known` naming it),
parsed at the corpus's `ref` as now, in UTC. A time case is right when the instant it expects, at its
grain (day or minute), is the note's follow-up (a future instant) or its `occurred_at` (a past one);
an instant on the reference day or minute may be either. A money case is right when the note's amount
has the expected value and currency (the workspace currency is CNY, as JioNLP's default is yuan).

The corpora were written for other parsers, with other conventions. Where ours differ on purpose,
the case is listed in REJECTED with the reason, still counted and still shown: the figure printed
first is over every case, the second over the cases whose convention we share. "Either field" counts
the expected instant found as the follow-up or as `occurred_at`, whichever it should have been: a
looser figure, kept beside the strict one because earlier measurements were taken that way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.language import ParsedNote, parse_note

DEFAULT_DIR = Path(os.environ.get("RAPPORT_CORPORA", "/work/shared/corpora"))
CORPORA = ("Recognizers en", "Recognizers zh", "JioNLP time", "JioNLP money")
_CUSTOMER = {"en": "Acme", "zh": "阿里巴巴"}

_NOW_WORD = '"now" in a note is not a time ("they now use Salesforce"); a follow-up due now fires at once'
_LINKS = "dates inside links are not read: markup.py blanks links (a path's /2026/03/20/ is no date)"
_THE_DAY = '"the day" is not a date in a note ("blocked for the day", "partner of the day")'
_OTHER_DAY = '"the day before/after" counts from another event in the note, not from today'
# (corpus, text) -> why our reading differs from the corpus's on purpose.
REJECTED: dict[tuple[str, str], str] = {
    ("Recognizers en", "I'll go back now"): _NOW_WORD,
    ("Recognizers en", "Can we meet now"): _NOW_WORD,
    ("Recognizers en", "Let's go right now"): _NOW_WORD,
    ("Recognizers en", "I'm blocked for the day"): _THE_DAY,
    ("Recognizers en", "Hey, we got a partner of the day."): _THE_DAY,
    ("Recognizers en", "What happened the day before"): _OTHER_DAY,
    ("Recognizers en", "What's your plan for the day after?"): _OTHER_DAY,
    (
        "Recognizers en",
        "Pierre de Fermat died otd.",
    ): '"otd" in a sales note is on-time delivery, not "on this day"',
    ("Recognizers en", "www.example.com/users/12345/archive-2018-09-23-page-01"): _LINKS,
    ("Recognizers en", "www.example2.com/data/report-20170302.html"): _LINKS,
    ("Recognizers en", "DateTime search phrase 23.04.2022 14:55"): (
        "5.5 years after ref: a follow-up past the 5-year horizon is refused with an error"
    ),
    ("Recognizers zh", "最近"): '最近 ("recently") is not a date',
    ("Recognizers zh", "1/2/2020"): "n/n/yyyy is month first in both languages (a Chinese 1/2 is 1月2日 too)",
    ("JioNLP time", "12月30号"): (
        "a date without a year that fell in the last weeks (here two days before ref, across the new year)"
        " is when it happened, never a follow-up almost a year ahead"
    ),
    ("JioNLP time", "九零年9月十号"): (
        "a two-digit year is the latest such year at most 5 years ahead: 九零年 said in 1973 is 1890"
        " (1990 would be past the follow-up horizon anyway)"
    ),
    ("JioNLP time", "十一"): (
        "a bare 十一 is the number eleven far more often than National Day;"
        " 十一前, 十一后, 十一假期 are Oct 1"
    ),
    (
        "JioNLP time",
        "你十一点过去了是不是？",
    ): "the clause's 了 tells it in the past: the last 11:00, not the next",
}


@dataclass(frozen=True)
class Case:
    corpus: str
    text: str
    lang: str
    ref: datetime | None = None
    expected: str = ""  # YYYY-MM-DD (day) or YYYY-MM-DDTHH:MM (minute); for money "value currency"
    grain: str = "day"

    @property
    def note(self) -> str:
        return f"{_CUSTOMER[self.lang]} {self.text}"

    @property
    def rejected(self) -> str | None:
        return REJECTED.get((self.corpus, self.text))


def _lines(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load(folder: Path = DEFAULT_DIR) -> list[Case]:
    cases: list[Case] = []
    for row in _lines(folder / "recognizers_datetime.jsonl"):
        lang = str(row["lang"])
        corpus = "Recognizers en" if lang == "en" else "Recognizers zh"
        cases.append(_time_case(corpus, lang, row))
    for row in _lines(folder / "jionlp_time_zh.jsonl"):
        cases.append(_time_case("JioNLP time", "zh", row))
    for row in _lines(folder / "jionlp_money_zh.jsonl"):
        value = Decimal(str(row["value"]))
        cases.append(Case("JioNLP money", str(row["text"]), "zh", expected=f"{value} {row['currency']}"))
    return cases


def _time_case(corpus: str, lang: str, row: dict[str, object]) -> Case:
    ref = datetime.fromisoformat(str(row["ref"]))
    return Case(corpus, str(row["text"]), lang, ref, str(row["expected"]), str(row["grain"]))


def _at(when: datetime | None, grain: str) -> str | None:
    if when is None:
        return None
    return when.isoformat()[: 10 if grain == "day" else 16]


def parse(case: Case) -> ParsedNote:
    now = case.ref or datetime(2026, 1, 1)
    known = [_CUSTOMER[case.lang]]
    currency = "CNY" if case.corpus == "JioNLP money" else "USD"
    return parse_note(case.note, now=now, tz="UTC", known=known, default_currency=currency)


def answer(case: Case, parsed: ParsedNote) -> str:
    """What the parser said, in the corpus's terms (for the misses list)."""
    if parsed.error:
        return f"error: {parsed.error_code}"
    if case.corpus == "JioNLP money":
        amount = parsed.amount
        return f"{amount.value.normalize():f} {amount.currency}" if amount else "no amount"
    due = _at(parsed.follow_up.due, case.grain) if parsed.follow_up else None
    happened = _at(parsed.occurred_at, case.grain)
    return f"due {due}, occurred {happened}"


def right(case: Case, parsed: ParsedNote, *, either: bool = False) -> bool:
    if parsed.error:
        return False
    if case.corpus == "JioNLP money":
        if parsed.amount is None:
            return False
        value, _, currency = case.expected.partition(" ")
        return parsed.amount.value == Decimal(value) and parsed.amount.currency == currency
    assert case.ref is not None
    reference = _at(case.ref, case.grain) or ""
    due = _at(parsed.follow_up.due, case.grain) if parsed.follow_up else None
    happened = _at(parsed.occurred_at, case.grain)
    if either or case.expected == reference:
        return case.expected in (due, happened)
    return case.expected == (happened if case.expected < reference else due)


@dataclass(frozen=True)
class Score:
    corpus: str
    cases: int
    right: int
    rejected: int  # cases whose convention we reject on purpose (all of them misses)
    either: int  # right in either field (see the module's docstring)
    misses: tuple[tuple[Case, str], ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.cases if self.cases else 0.0

    @property
    def accuracy_shared(self) -> float:
        """Over the cases whose convention we share."""
        shared = self.cases - self.rejected
        return self.right / shared if shared else 0.0


def score(cases: Sequence[Case]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for corpus in CORPORA:
        mine = [case for case in cases if case.corpus == corpus]
        misses: list[tuple[Case, str]] = []
        good = either = 0
        for case in mine:
            parsed = parse(case)
            either += right(case, parsed, either=True)
            if right(case, parsed):
                good += 1
            else:
                misses.append((case, answer(case, parsed)))
        rejected = sum(1 for case, _ in misses if case.rejected)
        scores[corpus] = Score(corpus, len(mine), good, rejected, either, tuple(misses))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--misses", action="store_true", help="list every case read wrong")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the corpora's folder")
    args = parser.parse_args(argv)

    cases = load(args.dir)
    scores = score(cases)
    right_but_rejected = [case for case in cases if case.rejected and right(case, parse(case))]
    print("| corpus | cases | right | accuracy | rejected on purpose | accuracy on the rest | either field |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for s in scores.values():
        print(
            f"| {s.corpus} | {s.cases} | {s.right} | {s.accuracy:.2f} | {s.rejected} "
            f"| {s.accuracy_shared:.2f} | {s.either / s.cases:.2f} |"
        )
    for case in right_but_rejected:
        print(f"\nnote: listed as rejected but read as the corpus reads it: {case.corpus}: {case.text!r}")
    if args.misses:
        for s in scores.values():
            if not s.misses:
                continue
            print(f"\n## {s.corpus}: {len(s.misses)} misses")
            for case, said in s.misses:
                why = f"  [rejected: {case.rejected}]" if case.rejected else ""
                ref = f" @ {case.ref:%Y-%m-%d %H:%M}" if case.ref else ""
                print(f"- {case.text!r}{ref}: expected {case.expected}, got {said}{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
