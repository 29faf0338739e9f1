"""A customer's profile: what the Edit profile form shows, how its answers are checked, the update."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar

from bot.core import validation
from bot.core.errors import UserError
from bot.core.validation import InvalidInput
from bot.customers.matching import NAMES
from bot.customers.records import existing
from bot.language import normalize_name
from storage import customers
from storage.db import Database
from storage.models import CustomerKind

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-./]{5,24}$")
T = TypeVar("T")


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None

    def as_text(self) -> str:
        return " | ".join(part or "" for part in (self.name, self.title, self.email, self.phone)).rstrip(" |")


@dataclass(frozen=True)
class Profile:
    customer_id: int
    name: str
    aliases: tuple[str, ...]
    kind: str
    owner_id: str | None
    region: str | None
    industry: str | None
    contacts: tuple[ContactLine, ...]


@dataclass(frozen=True)
class ProfileForm:
    """The form's answers as typed; `contacts` has one contact a line: name | title | email | phone."""

    name: str | None
    aliases: str | None
    kind: str | None
    owner_id: str | None
    region: str | None
    industry: str | None
    contacts: str | None


class InvalidProfile(UserError):
    """`fields` maps each form field to what is wrong with it, already in words (it may name a line)."""

    def __init__(self, fields: dict[str, tuple[str, dict[str, object]]]) -> None:
        super().__init__("edit_invalid")
        self.fields = fields


def profile_of(*, db: Database, team_id: str, customer_id: int) -> Profile:
    with db.session() as session:
        customer = existing(session=session, team_id=team_id, customer_id=customer_id)
        contacts = customers.contacts_of(session=session, team_id=team_id, customer_id=customer_id)
        return Profile(
            customer_id=customer_id,
            name=customer.name,
            aliases=tuple(customers.aliases(session=session, team_id=team_id, customer_id=customer_id)),
            kind=str(customer.kind),
            owner_id=customer.owner_id,
            region=customer.region,
            industry=customer.industry,
            contacts=tuple(ContactLine(c.name, c.title, c.email, c.phone) for c in contacts),
        )


def read_profile_form(form: ProfileForm) -> Profile:
    """Checks every answer; raises InvalidProfile naming each field (and contact line) to fix.

    Names and aliases are cleaned and bounded as every customer name is (bot.core.validation.name);
    the other answers must fit their columns and hold no control characters."""
    problems: dict[str, tuple[str, dict[str, object]]] = {}

    def checked(field: str, check: Callable[[], T]) -> T | None:
        try:
            return check()
        except InvalidInput as refused:
            problems.setdefault(field, (refused.key, refused.params))
            return None

    name = (form.name or "").strip()
    if not name:
        problems["name"] = ("profile_need_name", {})
    else:
        name = checked("name", lambda: validation.name(name)) or ""
    kind = form.kind or "company"
    if kind not in {k.value for k in CustomerKind}:
        problems["kind"] = ("edit_bad_choice", {})
    contacts: list[ContactLine] = []
    for number, line in enumerate((form.contacts or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() or None for p in line.split("|")] + [None] * 4
        person, title, email, phone = parts[:4]
        problem = _contact_problem(number, line, parts[:4])
        if problem is not None:
            problems.setdefault("contacts", problem)
        else:
            contacts.append(ContactLine(str(person), title, email, phone))
    aliases: list[str] = []
    for written in re.split(r"[,，、\n]", form.aliases or ""):
        alias = checked("aliases", partial(validation.name, written)) if written.strip() else None
        if alias and alias not in aliases:
            aliases.append(alias)
    region = checked("region", lambda: validation.field(form.region or "", limit=validation.REGION_MAX))
    industry = checked(
        "industry", lambda: validation.field(form.industry or "", limit=validation.INDUSTRY_MAX)
    )
    if problems:
        raise InvalidProfile(problems)
    return Profile(
        customer_id=0,
        name=name,
        aliases=tuple(aliases),
        kind=kind,
        owner_id=form.owner_id or None,
        region=region or None,
        industry=industry or None,
        contacts=tuple(contacts),
    )


def _contact_problem(number: int, line: str, parts: list[str | None]) -> tuple[str, dict[str, object]] | None:
    """What is wrong with contact line `number` (name | title | email | phone), if anything."""
    person, _, email, phone = parts
    if validation.has_control_chars(line):
        return "profile_contact_control_chars", {"line": number}
    if len(line.split("|")) > 4 or not person:
        return "profile_bad_contact_line", {"line": number}
    for part, limit in zip(parts, validation.CONTACT_MAX.values(), strict=True):
        if part and len(part) > limit:
            shown = validation.preview(part)
            return "profile_contact_too_long", {
                "line": number,
                "value": shown,
                "length": len(part),
                "limit": limit,
            }
    if email and not _EMAIL.match(email):
        return "profile_bad_email", {"line": number, "value": email}
    if phone and not _PHONE.match(phone):
        return "profile_bad_phone", {"line": number, "value": phone}
    return None


def save_profile(*, db: Database, team_id: str, customer_id: int, profile: Profile, now: datetime) -> Profile:
    """Applies the form in one transaction. A name or alias another customer already has is refused;
    a customer deleted since the form opened is CustomerGone."""
    with db.session() as session:
        customer = existing(session=session, team_id=team_id, customer_id=customer_id)
        wanted = [("name", profile.name), *[("aliases", alias) for alias in profile.aliases]]
        for field, value in wanted:
            owner = customers.name_owner(session=session, team_id=team_id, normalized=normalize_name(value))
            if owner is not None and owner != customer_id:
                raise InvalidProfile({field: ("profile_name_taken", {"value": value})})
        customers.replace_names(
            session=session,
            team_id=team_id,
            customer_id=customer_id,
            name=profile.name,
            normalized=normalize_name(profile.name),
            aliases=[(alias, normalize_name(alias)) for alias in profile.aliases],
        )
        customer.name, customer.normalized = profile.name, normalize_name(profile.name)
        customer.kind = CustomerKind(profile.kind)
        customer.owner_id, customer.region, customer.industry = (
            profile.owner_id,
            profile.region,
            profile.industry,
        )
        customer.updated_at = now
        session.add(customer)
        customers.replace_contacts(
            session=session,
            team_id=team_id,
            customer_id=customer_id,
            contacts=[(c.name, c.title, c.email, c.phone) for c in profile.contacts],
        )
    NAMES.forget(team_id)
    return profile_of(db=db, team_id=team_id, customer_id=customer_id)
