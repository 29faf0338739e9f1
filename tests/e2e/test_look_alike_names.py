"""Names and tags that look alike are alike: invisible characters (zero-width space and joiner, bidi
marks, BOM), other kinds of space and full-width letters never make a second customer or tag."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.console import payloads
from bot.render import cards
from bot.render.notes import EDIT_ACTION
from storage.models import Customer, CustomerName, Note, Tag
from tests import factories as f
from tests.e2e.conftest import Rapport


def _customers(rapport: Rapport) -> list[str]:
    with rapport.db.session() as session:
        return sorted(session.exec(select(Customer.name)))


def _tags(rapport: Rapport) -> list[str]:
    with rapport.db.session() as session:
        return sorted(session.exec(select(Tag.name)))


@pytest.mark.parametrize(
    "written",
    [
        "ac\u200bme",  # zero-width space
        "ac\u200dme",  # zero-width joiner
        "ac\u200cme",  # zero-width non-joiner
        "\u200facme",  # right-to-left mark
        "\u202aacme\u202c",  # left-to-right embedding ... pop
        "\ufeffacme",  # byte order mark
        "ac\u00adme",  # soft hyphen
        "ＡＣＭＥ",  # full-width Latin
    ],
)
def test_a_look_alike_of_a_known_name_files_under_that_customer(rapport: Rapport, written: str) -> None:
    rapport.command("acme: first call")

    answer = rapport.command(f"{written} called re pricing").json()

    assert "Saved a note on *acme*" in answer["text"] and "new customer" not in answer["text"]
    assert _customers(rapport) == ["acme"]
    with rapport.db.session() as session:
        assert len(list(session.exec(select(Note)))) == 2


@pytest.mark.parametrize(
    "written", ["Acme\u00a0Health", "Acme\u3000Health", "Acme \u200b Health", "ACME  HEALTH"]
)
def test_other_kinds_of_space_find_a_two_word_name(rapport: Rapport, written: str) -> None:
    rapport.command('"Acme Health": first call')

    rapport.command(f'"{written}" called re pricing')
    card = rapport.command(written, command="/customer").json()

    assert _customers(rapport) == ["Acme Health"]
    assert card["blocks"][0]["type"] == "header" and "Acme Health" in f.all_text(card["blocks"])


def test_a_new_name_is_stored_without_its_invisible_characters(rapport: Rapport) -> None:
    rapport.command('"Glo\u200bbex\u00a0 Corp\u200f" first call')
    rapport.command("globex corp renewal")

    assert _customers(rapport) == ["Globex Corp"]
    with rapport.db.session() as session:
        assert list(session.exec(select(CustomerName.normalized))) == ["globex corp"]


def test_card_search_follow_up_list_and_crm_tag_find_the_customer_through_a_look_alike(
    rapport: Rapport,
) -> None:
    rapport.command("acme called re pricing, follow up tomorrow")

    card = rapport.command("ac\u200bme", command="/customer").json()
    listed = rapport.command("list \u200facme", command="/followup").json()
    found = rapport.command("search customer:ac\u200dme pricing", command="/crm").json()
    tagged = rapport.command("tag ac\u200bme +vip", command="/crm").json()

    assert card["blocks"][0]["type"] == "header"
    assert "Open follow-ups on acme" in f.all_text(listed["blocks"])
    assert "Notes matching" in f.all_text(found["blocks"]) and "called re *pricing*" in f.all_text(
        found["blocks"]
    )
    assert "acme" in tagged["text"] and _tags(rapport) == ["vip"]
    assert _customers(rapport) == ["acme"]


@pytest.mark.parametrize("written", ["#vi\u200bp", "#\u200bvip", "#vip\u200d", "#ＶＩＰ", "＃vip"])
def test_a_look_alike_tag_is_the_same_tag(rapport: Rapport, written: str) -> None:
    rapport.command("acme: first call #vip")

    answer = rapport.command(f"acme renewal {written}").json()
    rapport.command(f"tag acme +{written.lstrip('#＃')}", command="/crm")

    assert "`#vip`" in f.all_text(answer["blocks"])
    assert _tags(rapport) == ["vip"]


def test_the_edit_form_and_the_profile_form_clean_names_and_tags(rapport: Rapport) -> None:
    reply = rapport.command("acme called #pricing").json()
    rapport.click(EDIT_ACTION, f.find_button(reply["blocks"], EDIT_ACTION)["value"])
    view = rapport.slack.calls_to("views.open")[-1].params["view"]
    edit = f.submission_body(
        view, f.modal_values(view, customer="ac\u200bme", tags="pri\u200bcing, \ufeffvip")
    )
    assert rapport.post(edit, f.signed(edit)).status == 200

    card = rapport.command("acme", command="/customer").json()
    rapport.click(
        cards.EDIT_PROFILE_ACTION, f.find_button(card["blocks"], cards.EDIT_PROFILE_ACTION)["value"]
    )
    profile = rapport.slack.calls_to("views.open")[-1].params["view"]
    answers = {"name": "Acme\u200b Corp", "aliases": "AC\u200dME, 艾克\u200b米"}
    saved = f.submission_body(profile, payloads.modal_state(profile, answers))
    assert rapport.post(saved, f.signed(saved)).status == 200

    assert _customers(rapport) == ["Acme Corp"]
    assert _tags(rapport) == ["pricing", "vip"]
    with rapport.db.session() as session:
        names = sorted(session.exec(select(CustomerName.name)))
    assert names == ["ACME", "Acme Corp", "艾克米"]
    assert rapport.command("艾克米", command="/customer").json()["blocks"][0]["type"] == "header"


def test_chinese_names_keep_working_and_their_look_alikes_match(rapport: Rapport) -> None:
    rapport.command("阿里巴巴 电话沟通报价，下周二跟进 #报价")

    answer = rapport.command("阿里\u200b巴巴 下单了 50 个席位 #报价").json()
    quoted = rapport.command("“华为（中国）” 拜访").json()

    assert "已记录到 *阿里巴巴*" in answer["text"]
    assert "华为（中国）" in quoted["text"]  # full-width brackets kept as written
    assert _customers(rapport) == ["华为（中国）", "阿里巴巴"]
    assert _tags(rapport) == ["报价"]
