"""/crm search and the App Home search box over signed HTTP, in English and Chinese."""

from __future__ import annotations

from bot.render.search import PAGE_ACTION
from tests import factories as f
from tests.e2e.conftest import Rapport


def _search(rapport: Rapport, query: str) -> dict[str, object]:
    return dict(rapport.command(f"search {query}", command="/crm").json())


def test_crm_search_finds_english_and_short_chinese_words_newest_first(rapport: Rapport) -> None:
    rapport.command("acme called re pricing tiers #pricing")
    rapport.clock.advance(minutes=1)
    rapport.command("globex asked about pricing for seats")
    rapport.command('"华为" 电话沟通报价')
    rapport.command('"京东" 需要发票')

    english = _search(rapport, "pricing")
    chinese = _search(rapport, "报价")
    shown = f.all_text(english["blocks"])  # type: ignore[arg-type]

    assert english["response_type"] == "ephemeral"
    assert shown.index("globex") < shown.index("acme")  # the newer of two matches first
    assert "*pricing*" in shown  # the match is highlighted
    assert "华为" in f.all_text(chinese["blocks"]) and "京东" not in f.all_text(chinese["blocks"])  # type: ignore[arg-type]


def test_crm_search_filters_by_tag_and_customer(rapport: Rapport) -> None:
    rapport.command("acme called re pricing #pricing")
    rapport.command("globex: pricing call")

    tagged = f.all_text(_search(rapport, "pricing #pricing")["blocks"])  # type: ignore[arg-type]
    by_customer = f.all_text(_search(rapport, "pricing customer:globex")["blocks"])  # type: ignore[arg-type]

    assert "acme" in tagged and "globex" not in tagged
    assert "globex" in by_customer and "acme" not in by_customer


def test_bad_filter_and_empty_query_get_a_clear_answer(rapport: Rapport) -> None:
    assert "is not understood" in str(_search(rapport, "since:yesterdayish")["text"])
    assert "Search for something" in str(rapport.command("search", command="/crm").json()["text"])


def test_results_page_forward(rapport: Rapport) -> None:
    for n in range(13):
        rapport.command(f"acme: pricing update {n:02d}")
        rapport.clock.advance(minutes=1)
    first = _search(rapport, "pricing")

    rapport.click(PAGE_ACTION, f.find_button(first["blocks"], PAGE_ACTION)["value"])  # type: ignore[arg-type]

    second = rapport.responses()[-1]
    assert second["replace_original"] is True
    assert "update 02" in f.all_text(second["blocks"]) and "update 12" not in f.all_text(second["blocks"])


def test_app_home_search_box_publishes_the_results(rapport: Rapport) -> None:
    rapport.command("acme called re pricing")
    action = {
        "type": "plain_text_input",
        "action_id": "home_search",
        "block_id": "home_search",
        "value": "pricing",
    }
    body = f.action_body(action, response_url=rapport.response_url())

    assert rapport.post(body, f.signed(body)).status == 200

    published = rapport.slack.calls_to("views.publish")  # published after the answer, settled by now
    shown = f.all_text(published[-1].params["view"]["blocks"])
    assert "Notes matching “pricing”: 1" in shown and "My follow-ups" in shown
