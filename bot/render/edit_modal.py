"""The Edit modal of a filed note, and reading its answers back."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.core.i18n import t
from bot.language.model import CATEGORIES, CHANNELS
from bot.notes.editing import EditableNote, NoteForm
from bot.render.kit import input_block, modal, option, text_input

EDIT_CALLBACK = "note_edit_modal"
VALUE = "value"


def _select(choices: tuple[str, ...], initial: str | None, prefix: str, lang: str) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "static_select",
        "options": [option(t(prefix + c, lang), c) for c in choices],
    }
    if initial in choices:
        element["initial_option"] = option(t(prefix + initial, lang), initial)
    return element


SAVE_MESSAGE_CALLBACK = "save_message_modal"


def save_message_modal(note: EditableNote, *, channel_id: str, ts: str, author_id: str) -> dict[str, Any]:
    """The same form, prefilled from a Slack message, for the "Save as customer note" shortcut."""
    view = edit_modal(note, reply_key=None)
    meta = {
        "channel": channel_id,
        "ts": ts,
        "author": author_id,
        "lang": note.lang,
        "tz": note.tz,
        "mentions": list(note.mentions[:20]),  # Slack user ids, for the follow-up's assignee
        "occurred": note.occurred_at.isoformat() if note.occurred_at else None,  # to the second
    }
    return modal(
        callback_id=SAVE_MESSAGE_CALLBACK,
        title=t("save_message_title", note.lang),
        submit=t("edit_submit", note.lang),
        close=t("edit_cancel", note.lang),
        private_metadata=json.dumps(meta),
        blocks=view["blocks"],
    )


def edit_modal(note: EditableNote, *, reply_key: str | None) -> dict[str, Any]:
    lang = note.lang
    date_picker: dict[str, Any] = {"type": "datepicker"}
    due_date = dict(date_picker)
    due_time: dict[str, Any] = {"type": "timepicker"}
    if note.follow_up_due is not None:
        due_date["initial_date"] = note.follow_up_due.date().isoformat()
        due_time["initial_time"] = note.follow_up_due.strftime("%H:%M")
    occurred = dict(date_picker)
    if note.occurred_on is not None:
        occurred["initial_date"] = note.occurred_on.isoformat()
    amount = f"{note.amount.normalize():f}" if note.amount is not None else None
    # The answer's destination stays on the server (bot.notes.reply_targets): the form names it by key.
    metadata = {"note_id": note.note_id, "reply": reply_key, "lang": lang, "tz": note.tz}
    return modal(
        callback_id=EDIT_CALLBACK,
        title=t("edit_title", lang),
        submit=t("edit_submit", lang),
        close=t("edit_cancel", lang),
        private_metadata=json.dumps(metadata),
        blocks=[
            input_block(
                "customer",
                t("field_customer", lang),
                text_input(note.customer, max_length=200),
                optional=False,
            ),
            input_block("body", t("field_text", lang), text_input(note.body, multiline=True), optional=False),
            # As long as Slack allows: a shorter box would drop tags when the form is saved.
            input_block("tags", t("field_tags", lang), text_input(" ".join(note.tags))),
            input_block(
                "channel", t("field_channel", lang), _select(CHANNELS, note.channel, "channel_", lang)
            ),
            input_block(
                "category", t("field_category", lang), _select(CATEGORIES, note.category, "category_", lang)
            ),
            input_block("amount", t("field_amount", lang), text_input(amount, max_length=30)),
            input_block("currency", t("field_currency", lang), text_input(note.currency, max_length=3)),
            input_block("follow_up_date", t("field_follow_up", lang), due_date),
            input_block("follow_up_time", t("field_follow_up_time", lang), due_time),
            input_block("occurred_date", t("field_occurred", lang), occurred),
        ],
    )


def _answer(values: dict[str, Any], block_id: str) -> str | None:
    element = (values.get(block_id) or {}).get(VALUE) or {}
    kind = element.get("type")
    if kind == "static_select":
        option = element.get("selected_option") or {}
        return option.get("value")
    if kind == "datepicker":
        return element.get("selected_date")
    if kind == "timepicker":
        return element.get("selected_time")
    value = element.get("value")
    return value if isinstance(value, str) else None


def occurred_of(meta: dict[str, Any]) -> datetime | None:
    """The saved message's time to the second, as the form's metadata keeps it."""
    value = meta.get("occurred")
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def initial_answers(view: dict[str, Any]) -> NoteForm:
    """What the form showed when it opened (its elements' initial values, which Slack sends back
    with the view): a submitted answer that differs from it was set by the person."""

    def initial(block_id: str) -> str | None:
        for block in view.get("blocks") or []:
            if block.get("block_id") == block_id:
                element = block.get("element") or {}
                if "initial_option" in element:
                    return str((element["initial_option"] or {}).get("value") or "") or None
                for key in ("initial_value", "initial_date", "initial_time"):
                    if element.get(key):
                        return str(element[key])
        return None

    return NoteForm(**{name: initial(name) for name in NoteForm.__dataclass_fields__})


def read_state(view: dict[str, Any]) -> tuple[NoteForm, dict[str, Any]]:
    """The form's answers and the private metadata (note id, response URL, language)."""
    values = (view.get("state") or {}).get("values") or {}
    form = NoteForm(
        customer=_answer(values, "customer"),
        body=_answer(values, "body"),
        tags=_answer(values, "tags"),
        channel=_answer(values, "channel"),
        category=_answer(values, "category"),
        amount=_answer(values, "amount"),
        currency=_answer(values, "currency"),
        follow_up_date=_answer(values, "follow_up_date"),
        follow_up_time=_answer(values, "follow_up_time"),
        occurred_date=_answer(values, "occurred_date"),
    )
    return form, json.loads(view.get("private_metadata") or "{}")
