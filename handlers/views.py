"""Modal submissions."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.core.i18n import t
from bot.notes import editing as note_edit
from bot.notes import reply_targets
from bot.render import edit_modal, errors
from bot.render import notes as note_views
from handlers.context import runtime, team_of
from handlers.replies import redraw_at, send_later


def register(app: App) -> None:
    app.view(edit_modal.EDIT_CALLBACK)(ack=edit_submitted, lazy=[send_later])


def edit_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    form, meta = edit_modal.read_state(view)
    lang = str(meta.get("lang") or rt.settings.locale)
    team_id = team_of(body)
    try:
        changes = note_edit.read_form(
            form,
            tz=str(meta.get("tz") or rt.settings.default_tz),
            default_currency=rt.settings.default_currency,
        )
        filed = note_edit.edit_note(
            db=rt.db,
            team_id=team_id,
            note_id=int(meta["note_id"]),
            user_id=body["user"]["id"],
            changes=changes,
            now=rt.clock(),
            defaults=rt.defaults,
            lang=lang,
        )
    except note_edit.InvalidFields as invalid:
        ack(
            response_action="errors",
            errors={field: t(key, lang, **params) for field, (key, params) in invalid.fields.items()},
        )
        return
    except UserError as refused:
        ack(response_action="errors", errors={"body": errors.user_error(refused, lang).text})
        return
    ack()
    response_url = reply_targets.destination(
        db=rt.db, team_id=team_id, user_id=body["user"]["id"], key=meta.get("reply"), now=rt.clock()
    )
    if response_url:
        redraw_at(context, str(response_url), note_views.note_filed(filed, edited=True))
