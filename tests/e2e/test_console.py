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
        ["/note acme called re pricing #pricing", "/customer acme", "1", "/customer acme", "quit"],
    )

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "local console" in result.stderr
    assert "Saved a note on acme (new customer)" in out
    assert "Tags: #pricing" in out
    assert "[1] Undo" in out
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        [note] = session.exec(select(Note)).all()
        assert session.exec(select(Customer.name)).one() == "acme"
    assert note.deleted_at is None  # "1" after /customer pressed no Undo: the card has no button


def test_console_undo_button_soft_deletes_the_note(tmp_path: Path) -> None:
    result = _console(tmp_path, ["/note acme called re pricing #pricing", "1", "/customer acme"])

    assert "Removed the note on acme." in result.stdout
    assert "Notes: 0" in result.stdout
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.session() as session:
        [note] = session.exec(select(Note)).all()
    assert note.deleted_at is not None and note.deleted_by == "U0CONSOLE"


def test_console_explains_what_it_cannot_do(tmp_path: Path) -> None:
    result = _console(tmp_path, ["/note", "hello", "9", "/crm search x"])

    out = result.stdout
    assert "That note is empty." in out and "/note acme called re pricing" in out
    assert "Start with a slash command" in out
    assert "There are no buttons to press." in out
    assert "/crm is not available in this version of Rapport yet" in out
    assert result.returncode == 0
