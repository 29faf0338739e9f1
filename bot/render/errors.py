"""How refusals and failures read."""

from __future__ import annotations

from bot.core.errors import UserError
from bot.core.i18n import t
from bot.customers.records import CustomerNotFound
from bot.render.kit import Message, actions, button, escape, section

OPEN_CARD_ACTION = "customer_open"
CREATE_ACTION = "customer_create"


def user_error(error: UserError, lang: str) -> Message:
    if isinstance(error, CustomerNotFound) and error.suggestions:
        options = ", ".join(f"*{escape(name)}*" for name in error.suggestions)
        text = t("customer_did_you_mean", lang, name=escape(error.name), options=options)
        buttons = [button(name, OPEN_CARD_ACTION, name) for name in error.suggestions]
        return Message(
            text=text, blocks=[section(text), actions(*buttons, block_id="did_you_mean")], lang=lang
        )
    params = {k: escape(str(v)) for k, v in error.params.items() if v is not None}
    text = t(error.key, lang, **params)
    if isinstance(error, CustomerNotFound) and error.name and not error.name.isdigit():
        create = button(t("customer_create", lang, name=error.name[:60]), CREATE_ACTION, error.name[:200])
        return Message(
            text=text, blocks=[section(text), actions(create, block_id="create_customer")], lang=lang
        )
    return Message(text=text, blocks=[section(text)], lang=lang)


def reason(error: UserError, lang: str) -> str:
    """A refusal's words as plain text, for a form's field (where Slack shows no markup)."""
    return t(error.key, lang, **{k: v for k, v in error.params.items() if v is not None})


def generic_error(lang: str) -> Message:
    text = "⚠️ " + t("error_generic", lang)
    return Message(text=text, blocks=[section(text)], lang=lang)
