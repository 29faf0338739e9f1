"""The small forms behind the card's Add note and Add follow-up buttons."""

from __future__ import annotations

import json
from typing import Any

from bot.core.i18n import t
from bot.render.kit import modal, plain
from bot.render.limits import LIMITS

ADD_NOTE_CALLBACK = "card_add_note_modal"
ADD_FOLLOW_UP_CALLBACK = "card_add_follow_up_modal"
TEXT_BLOCK = "text"


def _form(
    callback: str, title: str, label: str, meta: dict[str, Any], lang: str, hint: str | None
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": True,
        # Slack's most for a text input (a note may be longer when typed with /note).
        "max_length": LIMITS.text_input_length,
    }
    if hint:
        element["placeholder"] = plain(hint, limit=LIMITS.placeholder)
    return modal(
        callback_id=callback,
        title=title,
        submit=t("edit_submit", lang),
        close=t("edit_cancel", lang),
        private_metadata=json.dumps(meta),
        blocks=[
            {
                "type": "input",
                "block_id": TEXT_BLOCK,
                "label": plain(label, limit=LIMITS.input_label),
                "element": element,
                "optional": False,
            }
        ],
    )


def add_note(*, customer_id: int, customer: str, channel_id: str | None, lang: str) -> dict[str, Any]:
    meta = {"customer_id": customer_id, "customer": customer, "channel": channel_id, "lang": lang}
    return _form(ADD_NOTE_CALLBACK, t("card_add_note_title", lang), customer, meta, lang, None)


def add_follow_up(*, customer_id: int, customer: str, channel_id: str | None, lang: str) -> dict[str, Any]:
    meta = {"customer_id": customer_id, "customer": customer, "channel": channel_id, "lang": lang}
    hint = t("card_follow_up_hint", lang)
    return _form(ADD_FOLLOW_UP_CALLBACK, t("card_add_follow_up_title", lang), customer, meta, lang, hint)


def read(view: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    values = (view.get("state") or {}).get("values") or {}
    text = ((values.get(TEXT_BLOCK) or {}).get("value") or {}).get("value") or ""
    return str(text), json.loads(view.get("private_metadata") or "{}")
