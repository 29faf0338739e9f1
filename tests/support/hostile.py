"""What a renderer may be handed on a bad day, in English and in Chinese: notes as long as a note
may be, hundreds of tags, customer names longer than any screen, lists longer than any message.

Each builder makes the same domain objects the services return, with every list and every text at
(or past) what the services let through, so a renderer's test shows what Slack would be sent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.customers.profile import ContactLine, Profile
from bot.customers.records import CustomerCard, FollowUpLine, NoteLine, NotesPage
from bot.digests.build import Digest
from bot.followups.agenda import CreatedFollowUp, FollowUpItem, FollowUpList
from bot.followups.reminder_context import ReminderContext
from bot.home.page import Home, HomeNote
from bot.insights.segments import SegmentView
from bot.language.parser import MAX_CHARS
from bot.notes.editing import EditableNote
from bot.notes.filing import FiledNote
from bot.notes.finder import SearchHit, SearchQuery, SearchResults
from storage.segments import CustomerFacts

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)
TZ = "Asia/Shanghai"
MANY = 500  # tags on a note and on a customer
LONG_LIST = 200  # open follow-ups, segment members
RESULTS = 100  # search hits on one page

# Every character Slack's markup gives meaning to, so escaping (which makes text longer) and
# cutting (which must not break a link or leave a `*` open) are both exercised.
_EN = "Called re pricing & <terms>; *renewal* is _urgent_, see `SOW-7` ~maybe~. "
_ZH = "电话沟通报价，客户希望下周二跟进合同细节；*续约*很急，见《服务协议》第七条。"


def text(lang: str, length: int = MAX_CHARS) -> str:
    """A note body as long as a note may be."""
    unit = _ZH if lang == "zh" else _EN
    return (unit * (length // len(unit) + 1))[:length]


def name(lang: str) -> str:
    """A 300-character customer name."""
    unit = "华为技术有限公司深圳分公司" if lang == "zh" else "Northwind Traders & Sons <EMEA> "
    return (unit * 30)[:300]


def tags(lang: str) -> tuple[str, ...]:
    return tuple((f"标签{i:03d}" if lang == "zh" else f"tag{i:03d}") for i in range(MANY))


def note_line(lang: str, i: int = 1) -> NoteLine:
    return NoteLine(
        note_id=i,
        author_id=f"U{i:08d}",
        body=text(lang),
        created_at=NOW - timedelta(hours=i),
        occurred_at=None,
        permalink=f"https://example.slack.com/archives/C1/p{1700000000 + i}000000",
        channel="call",
        category="complaint",
        tags=tags(lang),
    )


def card(lang: str) -> CustomerCard:
    return CustomerCard(
        customer_id=7,
        name=name(lang),
        aliases=tuple(f"{name(lang)} {i}" for i in range(100)),
        kind="company",
        owner_id="U0OWNER",
        region=text(lang, 500),
        industry=text(lang, 500),
        tags=tags(lang),
        note_count=12_000,
        last_contact=NOW - timedelta(days=3),
        recent=tuple(note_line(lang, i) for i in range(1, 51)),
        open_follow_ups=tuple(
            FollowUpLine(follow_up_id=i, assignee_id="U0ASSIGN", text=text(lang, 600), due_at=NOW)
            for i in range(LONG_LIST)
        ),
        tz=TZ,
        stage="at_risk",
        tier="high",
        purchases_12m=tuple((f"C{i:02d}", Decimal("123456789.50")) for i in range(60)),
        open_complaints=tuple(note_line(lang, i) for i in range(1, 4)),
        open_complaint_count=300,
        contacts=tuple(f"{name(lang)}, CEO, ceo{i}@example.com, +86 10 1234 5678" for i in range(80)),
    )


def notes_page(lang: str) -> NotesPage:
    notes = tuple(note_line(lang, i) for i in range(1, 101))
    return NotesPage(customer_id=7, customer_name=name(lang), page=3, notes=notes, has_more=True)


def filed_note(lang: str) -> FiledNote:
    return FiledNote(
        note_id=1,
        customer_id=7,
        customer_name=name(lang),
        customer_created=True,
        body=text(lang),
        tags=tags(lang),
        mentions=tuple(f"U{i:08d}" for i in range(300)),
        channel="meeting",
        category="purchase",
        amount=Decimal("99999999999.99"),
        currency="CNY",
        occurred_at=NOW - timedelta(days=1),
        follow_up_id=3,
        follow_up_due=NOW + timedelta(days=6),
        follow_up_text=text(lang, 1000),
        tz=TZ,
        lang=lang,
    )


def follow_up_item(lang: str, i: int = 1) -> FollowUpItem:
    return FollowUpItem(
        follow_up_id=i,
        customer_name=name(lang),
        assignee_id="U0ASSIGN",
        text=text(lang),
        due_at=NOW + timedelta(hours=i - 100),
        overdue=i < 100,
    )


def created_follow_up(lang: str) -> CreatedFollowUp:
    return CreatedFollowUp(item=follow_up_item(lang), customer_created=False, tz=TZ, lang=lang)


def follow_up_list(lang: str) -> FollowUpList:
    # What the service returns for 200 open: the first page it fetches, and the count of all.
    items = tuple(follow_up_item(lang, i) for i in range(1, 49))
    return FollowUpList(items=items, scope="customer", subject=name(lang), tz=TZ, lang=lang, total=LONG_LIST)


def search_results(lang: str) -> SearchResults:
    snippet = "…" + text(lang, 160) + "…"
    hits = tuple(
        SearchHit(
            note_id=i,
            customer_id=i,
            customer_name=name(lang),
            author_id="U0AUTHOR",
            snippet=snippet,
            highlights=((1, 6), (20, 30)),
            created_at=NOW - timedelta(days=i),
            permalink=f"https://example.slack.com/archives/C1/p{1700000000 + i}000000",
            score=100 - i,
        )
        for i in range(RESULTS)
    )
    return SearchResults(
        query=SearchQuery(terms=(text(lang, 2500),)),
        hits=hits,
        page=2,
        per_page=RESULTS,
        total=10_000,
        total_is_exact=False,
        has_more=True,
    )


def segment(lang: str) -> SegmentView:
    members = tuple(
        CustomerFacts(
            customer_id=i,
            name=name(lang),
            owner_id="U0OWNER",
            stage="active",
            tier="medium",
            region=None,
            industry=None,
            tags=frozenset(tags(lang)[:20]),
            last_touch=NOW - timedelta(days=i),
            last_purchase=None,
            complaints_since=0,
            open_follow_ups=i,
        )
        for i in range(LONG_LIST)
    )
    return SegmentView(name="vip", definition=text(lang, 1500), members=members)


def segments(lang: str) -> list[tuple[str, str]]:
    return [(f"{name(lang)}{i}", text(lang, 400)) for i in range(100)]


def digest(lang: str) -> Digest:
    names = tuple(f"{name(lang)} {i}" for i in range(LONG_LIST))
    return Digest(
        segment="vip",
        size=LONG_LIST,
        joined=names,
        left=names,
        stage_moves=tuple((n, "active", "at_risk") for n in names),
        top_value=tuple((n, Decimal("123456789")) for n in names),
        quiet=tuple((n, NOW - timedelta(days=40)) for n in names),
        complaints=999,
        complaints_resolved=998,
        performance={f"U{i:08d}": (i, i) for i in range(LONG_LIST)},
        member_ids=tuple(range(LONG_LIST)),
        currency="CNY",
        lang=lang,
    )


def reminder(lang: str) -> ReminderContext:
    return ReminderContext(
        follow_up_id=123456789,
        team_id="T1",
        customer_name=name(lang),
        text=text(lang),
        assignee_id="U0ASSIGN",
        created_by="U0AUTHOR",
        channel_id="C1",
        due_at=NOW - timedelta(days=2),
        status="open",
        source=note_line(lang),
        recent=tuple(note_line(lang, i) for i in range(1, 51)),
        tz=TZ,
        lang=lang,
    )


def home(lang: str) -> Home:
    return Home(
        follow_ups=tuple(follow_up_item(lang, i) for i in range(1, LONG_LIST + 1)),
        notes=tuple(
            HomeNote(customer_name=name(lang), body=text(lang), created_at=NOW, permalink=None)
            for _ in range(100)
        ),
        customers=tuple(f"{name(lang)} {i}" for i in range(100)),
        tz=TZ,
        lang=lang,
    )


def editable_note(lang: str) -> EditableNote:
    return EditableNote(
        note_id=1,
        customer=name(lang),
        body=text(lang),
        tags=tags(lang),
        channel="email",
        category="need",
        amount=Decimal("12.5"),
        currency="EUR",
        follow_up_due=NOW,
        occurred_on=NOW.date(),
        tz=TZ,
        lang=lang,
    )


def profile(lang: str) -> Profile:
    return Profile(
        customer_id=7,
        name=name(lang),
        aliases=tuple(f"{name(lang)} {i}" for i in range(100)),
        kind="company",
        owner_id="U0OWNER",
        region=text(lang, 100),
        industry=text(lang, 100),
        contacts=tuple(
            ContactLine(name=name(lang), title="CEO", email=f"ceo{i}@example.com", phone="+86 10 1234")
            for i in range(100)
        ),
    )
