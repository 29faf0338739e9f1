"""A condition "this id column is one of these ids" that stays one bound parameter however many ids.

A list of thousands of ids as an IN list costs more to send and plan than to run; PostgreSQL
takes them as one array (whose size its planner then knows), SQLite as one JSON text it unpacks
with json_each.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import ARRAY, BindParameter, ColumnElement, Integer, any_, bindparam, literal, select, text
from sqlmodel import Session, col


def among(session: Session, column: Any, ids: Collection[int]) -> ColumnElement[bool]:
    wanted = sorted({int(i) for i in ids})
    if session.get_bind().dialect.name == "postgresql":
        return col(column) == any_(literal(wanted, ARRAY(Integer)))
    packed: BindParameter[str] = bindparam("among_ids", json.dumps(wanted), unique=True)
    unpacked = select(text("value")).select_from(text("json_each(:among_ids)").bindparams(packed))
    return col(column).in_(unpacked)
