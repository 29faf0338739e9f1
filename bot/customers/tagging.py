"""Tagging customers by hand: `/crm tag acme +vip -trial`, or every customer with a tag at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.core import validation
from bot.core.errors import UserError
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.matching import resolve
from bot.customers.records import CustomerNotFound
from bot.language.scripts import FORMAT_CHARS
from bot.language.tags import normalize_tag
from storage import customers, tags
from storage.db import Database

# A tag may carry invisible format characters (a pasted zero-width space); normalize_tag drops them.
_CHANGE = re.compile(f"^([+-])[#＃]?([\\w\\-{FORMAT_CHARS}]+)$")


@dataclass(frozen=True)
class TagChange:
    target: str  # a customer's name, or "#tag" for every customer carrying it
    add: tuple[str, ...]
    remove: tuple[str, ...]


@dataclass(frozen=True)
class TagResult:
    customers: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    absent: tuple[str, ...] = ()  # asked to remove, but none of the customers carried it


def read_tag_command(text: str) -> TagChange:
    """`acme +vip -trial`, `"Acme Health" +vip`, `#renewal-2027 +priority`.

    Tags are read as a note's are and must fit their column (bot.core.validation.tag)."""
    words = validation.plain(text).split()
    changes = [w for w in words if _CHANGE.match(w)]
    target = " ".join(w for w in words if not _CHANGE.match(w)).strip().strip("\"'“”「」")
    if not target or not changes:
        raise UserError("crm_tag_usage")
    add = validation.tags(m.group(2) for w in changes if (m := _CHANGE.match(w)) and m.group(1) == "+")
    remove = validation.tags(m.group(2) for w in changes if (m := _CHANGE.match(w)) and m.group(1) == "-")
    if not add and not remove:
        raise UserError("crm_tag_usage")
    return TagChange(target=target, add=add, remove=remove)


def apply_tags(
    *, db: Database, team_id: str, change: TagChange, now: datetime, defaults: WorkspaceDefaults
) -> TagResult:
    with db.session() as session:
        workspace_for(session, team_id, defaults, now)
        if change.target.startswith(("#", "＃")):
            ids = tags.customers_tagged(
                session=session, team_id=team_id, name=normalize_tag(change.target[1:])
            )
        else:
            found = resolve(session=session, team_id=team_id, name=change.target)
            if found.customer_id is None:
                raise CustomerNotFound(change.target, list(found.suggestions))
            ids = [found.customer_id]
        tags.tag_customers(
            session=session,
            team_id=team_id,
            customer_ids=ids,
            tags=tags.ensure_tags(session=session, team_id=team_id, names=list(change.add)),
        )
        carried = tags.names_carried(session=session, team_id=team_id, customer_ids=ids, names=change.remove)
        tags.untag_customers(session=session, team_id=team_id, customer_ids=ids, names=list(change.remove))
        names = customers.names_by_id(session=session, team_id=team_id, ids=set(ids))
        return TagResult(
            customers=tuple(sorted(names.values())),
            added=change.add,
            removed=tuple(name for name in change.remove if name in carried),
            absent=tuple(name for name in change.remove if name not in carried),
        )
