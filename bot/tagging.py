"""Tagging customers by hand: `/crm tag acme +vip -trial`, or every customer with a tag at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.customers import CustomerNotFound
from bot.errors import UserError
from bot.resolve import resolve
from bot.runtime import WorkspaceDefaults, workspace_for
from storage import customers, tags
from storage.db import Database

_CHANGE = re.compile(r"^([+-])[#＃]?([\w\-]+)$")


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
    """`acme +vip -trial`, `"Acme Health" +vip`, `#renewal-2027 +priority`."""
    words = text.split()
    changes = [w for w in words if _CHANGE.match(w)]
    target = " ".join(w for w in words if not _CHANGE.match(w)).strip().strip("\"'“”「」")
    if not target or not changes:
        raise UserError("crm_tag_usage")
    add = tuple(
        dict.fromkeys(m.group(2).casefold() for w in changes if (m := _CHANGE.match(w)) and m.group(1) == "+")
    )
    remove = tuple(
        dict.fromkeys(m.group(2).casefold() for w in changes if (m := _CHANGE.match(w)) and m.group(1) == "-")
    )
    return TagChange(target=target, add=add, remove=remove)


def apply_tags(
    *, db: Database, team_id: str, change: TagChange, now: datetime, defaults: WorkspaceDefaults
) -> TagResult:
    with db.session() as session:
        workspace_for(session, team_id, defaults, now)
        if change.target.startswith(("#", "＃")):
            ids = tags.customers_tagged(session=session, team_id=team_id, name=change.target[1:].casefold())
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
