"""`rapport parse`: the JSON contract other tools rely on, single and batch, over the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

FIELDS = {
    "customer",
    "body",
    "tags",
    "mentions",
    "channel",
    "category",
    "follow_up",
    "occurred_at",
    "amount",
    "lang",
    "error",
    # Added later (issue 13): whether the customer is one of the known names, and the known one
    # the text may mean instead.
    "customer_known",
    "customer_alternative",
}


def _rapport(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_parse_prints_one_json_object_with_exactly_the_contract_fields() -> None:
    result = _rapport(
        "parse",
        "northwind complained about late delivery, call back tomorrow 11am #logistics",
        "--now",
        "2026-03-10T09:00",
        "--tz",
        "Europe/London",
    )

    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    parsed = json.loads(line)
    assert set(parsed) == FIELDS
    assert parsed["customer"] == "northwind" and parsed["tags"] == ["logistics"]
    assert parsed["follow_up"]["due"] == "2026-03-11T11:00:00+00:00"


def test_parse_takes_known_names_for_the_longest_match() -> None:
    result = _rapport(
        "parse",
        "acme health renewed",
        "--known",
        "Acme",
        "--known",
        "Acme Health",
        "--now",
        "2026-03-10T09:00",
    )
    assert json.loads(result.stdout)["customer"].lower() == "acme health"


def test_parse_error_is_a_json_object_and_a_non_zero_status() -> None:
    result = _rapport("parse", "   ")
    parsed = json.loads(result.stdout)
    assert result.returncode == 1
    assert parsed["error"] and set(parsed) == FIELDS


def test_batch_answers_every_line_in_order_even_after_a_bad_one() -> None:
    lines = [
        {"text": "acme called", "now": "2026-03-10T09:00:00+00:00", "tz": "UTC", "known": []},
        "this is not json",
        {"text": "万科 十天后回访", "now": "2026-03-10T09:00:00+08:00", "tz": "Asia/Shanghai"},
        {"text": 42},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"

    result = _rapport("parse", "--batch", stdin=stdin)

    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4 and all(set(o) == FIELDS for o in out)
    assert out[0]["customer"] == "acme" and out[0]["error"] is None
    assert out[1]["error"] and out[3]["error"]
    assert out[2]["customer"] == "万科" and out[2]["follow_up"]["due"] == "2026-03-20T09:00:00+08:00"


def test_parse_without_text_or_batch_says_so_in_one_line() -> None:
    result = _rapport("parse")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "rapport: parse needs the note text, or --batch to read JSON lines from stdin"
    ]


def test_unknown_command_is_one_line_and_non_zero() -> None:
    result = _rapport("frobnicate")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["rapport: No such command 'frobnicate'."]
