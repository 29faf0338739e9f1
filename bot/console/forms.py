"""Modals at the console: each input is asked for in turn, showing what it holds now."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.console.payloads import initial_answer

CLEAR = "-"


def _label(block: dict[str, Any]) -> str:
    return str((block.get("label") or {}).get("text", block.get("block_id", "")))


def _choices(element: dict[str, Any]) -> list[str]:
    return [str(option["value"]) for option in element.get("options", [])]


def fill(
    view: dict[str, Any], ask: Callable[[str], str], out: Callable[[str], None]
) -> dict[str, str | None]:
    """Asks for every input of `view`; Enter keeps the current value, '-' clears it."""
    title = (view.get("title") or {}).get("text", "")
    out(f"== {title} ==  (Enter keeps a value, {CLEAR} clears it)")
    answers: dict[str, str | None] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        current = initial_answer(element)
        hint = {
            "datepicker": " (YYYY-MM-DD)",
            "timepicker": " (HH:MM)",
            "users_select": " (a user id like U123)",
        }.get(element["type"], "")
        if element["type"] == "static_select":
            hint = " (" + "/".join(_choices(element)) + ")"
        typed = ask(f"{_label(block)}{hint} [{current or ''}]: ").strip()
        if typed == CLEAR:
            answers[block["block_id"]] = None
        elif typed:
            answers[block["block_id"]] = typed
    return answers
