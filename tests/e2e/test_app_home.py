"""App Home: opening the tab publishes my follow-ups, my latest notes and my customers."""

from __future__ import annotations

from tests import factories as f
from tests.e2e.conftest import Rapport


def _open_home(rapport: Rapport, user: str = f.USER) -> None:
    body = f.event_body({"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"})
    answer = rapport.post(body, f.signed(body, json_body=True))
    assert answer.status == 200


def _published(rapport: Rapport, count: int = 1) -> list[dict[str, object]]:
    """The tab is built after the answer to Slack; the request returned once it was."""
    calls = rapport.slack.calls_to("views.publish")
    assert len(calls) >= count, f"views.publish: {len(calls)} call(s), {count} expected"
    return [c.params for c in calls]


def test_home_shows_my_follow_ups_overdue_first_my_notes_and_customers(rapport: Rapport) -> None:
    rapport.command("acme called, follow up in 3 days #pricing")
    rapport.command("globex tomorrow send the deck", command="/followup")
    rapport.command("initech: met the CTO", user=f.OTHER_USER)
    rapport.clock.advance(days=2)

    _open_home(rapport)

    [published] = _published(rapport)
    assert published["user_id"] == f.USER
    shown = f.all_text(published["view"]["blocks"])  # type: ignore[index]
    assert "My follow-ups" in shown and "My recent notes" in shown and "My customers" in shown
    assert shown.index("send the deck") < shown.index("follow up in 3 days")  # overdue first
    assert "overdue" in shown
    assert "initech" not in shown.split("My recent notes")[1]  # someone else's note


def test_home_for_a_new_person_explains_how_to_start(rapport: Rapport) -> None:
    _open_home(rapport, user="U404")

    [published] = _published(rapport)
    shown = f.all_text(published["view"]["blocks"])  # type: ignore[index]
    assert "Nothing open" in shown and "/note acme called re pricing" in shown
