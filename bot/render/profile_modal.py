"""The Edit profile form of a customer."""

from __future__ import annotations

import json
from typing import Any

from bot.core.i18n import t
from bot.customers.profile import Profile, ProfileForm
from bot.render.kit import input_block, modal, option, text_input

PROFILE_CALLBACK = "customer_profile_modal"


def profile_modal(profile: Profile, *, lang: str, channel_id: str | None) -> dict[str, Any]:
    kinds = [option(t("card_kind_" + k, lang), k) for k in ("company", "person")]
    kind: dict[str, Any] = {"type": "static_select", "options": kinds}
    kind["initial_option"] = next(o for o in kinds if o["value"] == profile.kind)
    owner: dict[str, Any] = {"type": "users_select"}
    if profile.owner_id:
        owner["initial_user"] = profile.owner_id
    contacts = "\n".join(c.as_text() for c in profile.contacts)
    meta = {"customer_id": profile.customer_id, "lang": lang, "channel": channel_id}
    return modal(
        callback_id=PROFILE_CALLBACK,
        title=t("profile_title", lang),
        submit=t("edit_submit", lang),
        close=t("edit_cancel", lang),
        private_metadata=json.dumps(meta),
        blocks=[
            input_block("name", t("profile_name", lang), text_input(profile.name), optional=False),
            # As long as Slack allows: a shorter box would drop aliases when the form is saved.
            input_block("aliases", t("profile_aliases", lang), text_input(", ".join(profile.aliases))),
            input_block("kind", t("profile_kind", lang), kind),
            input_block("owner", t("profile_owner", lang), owner),
            input_block("region", t("card_region", lang), text_input(profile.region, max_length=100)),
            input_block("industry", t("card_industry", lang), text_input(profile.industry, max_length=100)),
            input_block(
                "contacts", t("profile_contacts", lang), text_input(contacts, multiline=True, max_length=3000)
            ),
        ],
    )


def read_profile(view: dict[str, Any]) -> tuple[ProfileForm, dict[str, Any]]:
    values = (view.get("state") or {}).get("values") or {}

    def answer(block: str) -> str | None:
        element = (values.get(block) or {}).get("value") or {}
        if element.get("type") == "static_select":
            return (element.get("selected_option") or {}).get("value")
        if element.get("type") == "users_select":
            return element.get("selected_user")
        value = element.get("value")
        return value if isinstance(value, str) else None

    form = ProfileForm(
        name=answer("name"),
        aliases=answer("aliases"),
        kind=answer("kind"),
        owner_id=answer("owner"),
        region=answer("region"),
        industry=answer("industry"),
        contacts=answer("contacts"),
    )
    return form, json.loads(view.get("private_metadata") or "{}")
