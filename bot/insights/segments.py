"""Segments: saved customer filters, written as `key:value` words, in English or Chinese.

    tag:vip tag:renewal     every tag given (all)        标签:大客户
    anytag:vip,priority     any of these tags            任一标签:…
    stage:at_risk           lead|new|active|at_risk|churned   阶段:风险 (潜在/新/活跃/风险/流失)
    tier:high               high|medium|low|none         价值:高 (高/中/低/无)
    owner:@someone          the customer's owner         负责人:@某人
    region:emea             region (any case)            地区:华东
    industry:retail         industry (any case)          行业:零售
    inactive:30d            no note for 30 days          未联系:30天
    bought:90d              a purchase in the last 90 days  购买:90天
    complaints:90d          a complaint in the last 90 days  投诉:90天
    complaints:open         an unresolved complaint      投诉:未解决

Built-in segments: vip (tag vip, or tier high), at-risk, new, churned, complaints (open ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core import validation
from bot.core.errors import UserError
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.language import normalize_name
from bot.language.tags import normalize_tag
from storage import segments as store
from storage.db import Database
from storage.segments import CustomerFacts

_KEYS = {
    "tag": "tag", "标签": "tag",
    "anytag": "anytag", "任一标签": "anytag",
    "stage": "stage", "阶段": "stage",
    "tier": "tier", "价值": "tier", "等级": "tier",
    "owner": "owner", "负责人": "owner",
    "region": "region", "地区": "region",
    "industry": "industry", "行业": "industry",
    "inactive": "inactive", "未联系": "inactive",
    "bought": "bought", "购买": "bought",
    "complaints": "complaints", "投诉": "complaints",
}  # fmt: skip
_STAGES = {
    "lead": "lead", "潜在": "lead", "潜在客户": "lead",
    "new": "new", "新": "new", "新客户": "new",
    "active": "active", "活跃": "active",
    "at_risk": "at_risk", "at-risk": "at_risk", "风险": "at_risk", "有流失风险": "at_risk",
    "churned": "churned", "流失": "churned", "已流失": "churned",
}  # fmt: skip
_TIERS = {"high": "high", "高": "high", "medium": "medium", "中": "medium", "low": "low", "低": "low",
          "none": "none", "无": "none"}  # fmt: skip
_DAYS = re.compile(r"^(\d{1,4})\s*(?:d|days?|天)?$")
_NAME = re.compile(r"^[\w\-]{1,64}$")

BUILT_IN = {
    "vip": "anytag:vip tier:high",  # read specially: a tag OR the tier
    "at-risk": "stage:at_risk",
    "new": "stage:new",
    "churned": "stage:churned",
    "complaints": "complaints:open",
}
_OPEN = {"open", "未解决", "未处理", "待处理"}


@dataclass(frozen=True)
class Filter:
    tags: tuple[str, ...] = ()
    any_tags: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    owner: str | None = None
    region: str | None = None
    industry: str | None = None
    inactive_days: int | None = None
    bought_days: int | None = None
    complaint_days: int | None = None
    open_complaints: bool = False
    either_tag_or_tier: bool = field(default=False)  # the vip built-in


def parse_filter(text: str) -> Filter:
    """Reads a definition; a word it cannot use is named in a UserError("segment_bad_word")."""
    values: dict[str, list[str]] = {}
    for word in validation.plain(text).split():
        key, sep, value = word.partition(":") if ":" in word else word.partition("：")
        name = _KEYS.get(key.casefold())
        if not sep or name is None or not value:
            raise UserError("segment_bad_word", word=word)
        values.setdefault(name, []).append(value)
    if not values:
        raise UserError("segment_empty")

    def days(name: str) -> int | None:
        if name not in values:
            return None
        found = _DAYS.match(values[name][-1])
        if not found:
            raise UserError("segment_bad_word", word=f"{name}:{values[name][-1]}")
        return int(found.group(1))

    def mapped(name: str, table: dict[str, str]) -> tuple[str, ...]:
        out = []
        for value in values.get(name, []):
            for part in value.split(","):
                if part.casefold() not in table:
                    raise UserError("segment_bad_word", word=f"{name}:{part}")
                out.append(table[part.casefold()])
        return tuple(out)

    owner = values.get("owner", [None])[-1]
    complaints = values.pop("complaints", [])
    if any(value.casefold() not in _OPEN for value in complaints):
        values["complaints"] = [value for value in complaints if value.casefold() not in _OPEN]
    return Filter(
        tags=tuple(normalize_tag(t.lstrip("#＃")) for v in values.get("tag", []) for t in v.split(",")),
        any_tags=tuple(
            normalize_tag(t.lstrip("#＃")) for v in values.get("anytag", []) for t in v.split(",")
        ),
        stages=mapped("stage", _STAGES),
        tiers=mapped("tier", _TIERS),
        owner=owner.strip("<@>").split("|")[0] if owner else None,
        region=values.get("region", [None])[-1],
        industry=values.get("industry", [None])[-1],
        inactive_days=days("inactive"),
        bought_days=days("bought"),
        complaint_days=days("complaints"),
        open_complaints=any(value.casefold() in _OPEN for value in complaints),
    )


def matches(customer: CustomerFacts, wanted: Filter, now: datetime) -> bool:
    tag_or_tier = (
        not wanted.any_tags or bool(customer.tags & set(wanted.any_tags)),
        not wanted.tiers or customer.tier in wanted.tiers,
    )
    if wanted.either_tag_or_tier:
        if not any(tag_or_tier):
            return False
    elif not all(tag_or_tier):
        return False
    checks = [
        set(wanted.tags) <= customer.tags,
        not wanted.stages or customer.stage in wanted.stages,
        wanted.owner is None or customer.owner_id == wanted.owner,
        wanted.region is None or normalize_name(customer.region or "") == normalize_name(wanted.region),
        wanted.industry is None or normalize_name(customer.industry or "") == normalize_name(wanted.industry),
        wanted.inactive_days is None
        or customer.last_touch is None
        or now - customer.last_touch >= timedelta(days=wanted.inactive_days),
        wanted.bought_days is None
        or (
            customer.last_purchase is not None
            and now - customer.last_purchase <= timedelta(days=wanted.bought_days)
        ),
        wanted.complaint_days is None or customer.complaints_since > 0,
        not wanted.open_complaints or customer.open_complaints > 0,
    ]
    return all(checks)


@dataclass(frozen=True)
class SegmentView:
    name: str
    definition: str
    members: tuple[CustomerFacts, ...]


def definition(*, db: Database, team_id: str, name: str) -> str:
    """The segment's filter as written; UserError("segment_not_found") when there is none."""
    return _definition(db, team_id, name)[0]


def is_name(name: str) -> bool:
    """Whether a segment could be called `name`: a name that cannot is not looked up at all."""
    return name in BUILT_IN or _NAME.match(name) is not None


def _definition(db: Database, team_id: str, name: str) -> tuple[str, Filter]:
    if not is_name(name):
        raise UserError("segment_not_found", name=name)
    if name in BUILT_IN:
        wanted = parse_filter(BUILT_IN[name])
        return BUILT_IN[name], Filter(**{**wanted.__dict__, "either_tag_or_tier": name == "vip"})
    with db.session() as session:
        saved = store.segment(session=session, team_id=team_id, name=name)
    if saved is None:
        raise UserError("segment_not_found", name=name)
    return saved.definition, parse_filter(saved.definition)


def show(*, db: Database, team_id: str, name: str, now: datetime) -> SegmentView:
    definition, wanted = _definition(db, team_id, name)
    since = now - timedelta(days=wanted.complaint_days or 90)
    # The database leaves out customers that cannot match; `matches` decides among the rest.
    narrowing = store.Narrowing(
        stages=wanted.stages,
        tiers=wanted.tiers,
        all_tags=wanted.tags,
        any_tags=wanted.any_tags,
        tag_or_tier=wanted.either_tag_or_tier,
        owner=wanted.owner,
        complained_since=since if wanted.complaint_days is not None else None,
        bought_since=now - timedelta(days=wanted.bought_days) if wanted.bought_days is not None else None,
        open_complaints=wanted.open_complaints,
    )
    with db.session() as session:
        candidates = store.facts(
            session=session, team_id=team_id, complaints_since=since, narrowing=narrowing
        )
    members = sorted(
        (c for c in candidates if matches(c, wanted, now)),
        key=lambda c: (c.last_touch is not None, c.last_touch or now),
    )
    return SegmentView(name=name, definition=definition, members=tuple(members))


def create(
    *,
    db: Database,
    team_id: str,
    name: str,
    definition: str,
    user_id: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> SegmentView:
    if not _NAME.match(name) or name in BUILT_IN:
        raise UserError("segment_bad_name", name=name)
    parse_filter(definition)  # refuse what cannot be read before saving it
    with db.session() as session:
        workspace_for(session, team_id, defaults, now)
        store.save_segment(
            session=session, team_id=team_id, name=name, definition=definition, created_by=user_id, now=now
        )
    return show(db=db, team_id=team_id, name=name, now=now)


def listing(*, db: Database, team_id: str) -> list[tuple[str, str]]:
    with db.session() as session:
        saved = [(s.name, s.definition) for s in store.segments(session=session, team_id=team_id)]
    return [*BUILT_IN.items(), *saved]


def remove(*, db: Database, team_id: str, name: str) -> bool:
    if not is_name(name):
        return False
    with db.session() as session:
        return store.delete_segment(session=session, team_id=team_id, name=name)
