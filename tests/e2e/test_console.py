"""`rapport console` driven through stdin, as a person at a terminal would (no tokens, SQLite)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from storage.db import Database
from storage.models import Customer, Note


def _console(
    tmp_path: Path, lines: list[str], *extra_env: tuple[str, str]
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'console.db'}", "RAPPORT_LOCALE": "en"}
    env |= dict(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_console_files_a_note_and_undo_removes_it(tmp_path: Path) -> None:
    result = _console(
        tmp_path,
        ["/note acme called re pricing #pricing", "/customer acme", "quit"],
    )

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "local console" in result.stderr
    assert "Saved a note on acme (new customer)" in out
    assert "Tags: #pricing" in out
    assert "[1] Edit  [2] Undo" in out
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        [note] = session.exec(select(Note)).all()
        assert session.exec(select(Customer.name)).one() == "acme"
    assert note.deleted_at is None
    assert "[1] Add note  [2] Add follow-up  [3] Edit profile  [4] All notes  [5] Share to channel" in out


def test_console_undo_button_soft_deletes_the_note(tmp_path: Path) -> None:
    result = _console(tmp_path, ["/note acme called re pricing #pricing", "2", "/customer acme"])

    assert "Removed the note on acme." in result.stdout
    assert "Notes: 0" in result.stdout
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        [note] = session.exec(select(Note)).all()
    assert note.deleted_at is not None and note.deleted_by == "U0CONSOLE"


def test_console_explains_what_it_cannot_do(tmp_path: Path) -> None:
    result = _console(tmp_path, ["/note", "react :memo:", "9", "/frobnicate x"])

    out = result.stdout
    assert "That note is empty." in out and "/note acme called re pricing" in out
    assert "Type a message first; then react to it or save it." in out
    assert "There are no buttons to press." in out
    assert "/frobnicate is not available in this version of Rapport yet" in out
    assert result.returncode == 0


def test_console_edit_opens_the_form_and_saves_corrections(tmp_path: Path) -> None:
    result = _console(
        tmp_path,
        [
            "/note acme called re pricing #pricing",
            "1",  # Edit
            "Acme Corp",  # customer
            "",  # note text kept
            "pricing renewal",  # tags
            "",  # contact kept
            "need",  # kind
            "2500",  # amount
            "eur",  # currency
            "2026-12-01",  # follow-up date
            "10:00",  # follow-up time
            "",  # when
            "/customer acme corp",
        ],
    )

    out = result.stdout
    assert "== Edit note ==" in out
    assert "Customer [acme]: Acme Corp" in out
    assert "Updated the note on Acme Corp" in out
    assert "Amount: 2,500 EUR" in out
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        note = session.exec(select(Note)).one()
        assert note.category == "need" and note.currency == "EUR"
        assert sorted(session.exec(select(Customer.name))) == ["Acme Corp", "acme"]


def test_console_ways_in_mention_reaction_capture_channel_and_shortcut(tmp_path: Path) -> None:
    result = _console(
        tmp_path,
        [
            "/note acme called re pricing",
            "@rapport acme",  # the card, in the thread
            "acme wants a second demo #demo",  # a message in the channel…
            "react :memo:",  # …saved by the capture reaction
            "/crm settings capture here Globex",
            "shipped the hardware",  # captured: this is a capture channel now
            "they asked about SSO",
            "save",  # the shortcut on that last message, filed under the customer chosen
            "Initech",
            *[""] * 9,
        ],
    )

    out = result.stdout
    assert "Recent notes\ncalled re pricing" in out
    assert "Saved as a note on acme." in out
    assert "it is a note now" in out
    assert "== Save as customer note ==" in out
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        by_source = {(n.source, n.body) for n in session.exec(select(Note))}
        names = set(session.exec(select(Customer.name)))
    assert {("reaction", "wants a second demo #demo"), ("capture", "shipped the hardware")} <= by_source
    assert ("capture", "they asked about SSO") in by_source  # captured as it was typed
    assert {"acme", "Globex"} <= names


def test_console_posts_a_summary_now_and_keeps_its_chart(tmp_path: Path) -> None:
    result = _console(
        tmp_path,
        ["/note acme bought 20 seats for $12k #vip", "/crm digest send vip", "quit"],
        ("TMPDIR", str(tmp_path)),
    )

    assert result.returncode == 0, result.stderr
    assert "Weekly summary: vip — 1 customer" in result.stdout
    assert "Rapport attached “vip by week” in the thread" in result.stdout
    [chart] = (tmp_path / "rapport-console-files").iterdir()
    assert chart.name.startswith("vip-") and chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
