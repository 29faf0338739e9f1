"""/crm tag: tags on one customer, or on every customer carrying a tag."""

from __future__ import annotations

from tests import factories as f
from tests.e2e.conftest import Rapport


def _card_text(rapport: Rapport, name: str) -> str:
    return f.all_text(rapport.command(name, command="/customer").json()["blocks"])


def test_tags_are_added_and_removed_on_one_customer(rapport: Rapport) -> None:
    rapport.command("acme: started a trial #trial")

    answer = rapport.command("tag acme +VIP -trial", command="/crm").json()

    assert "Tags changed on 1 customer: acme" in answer["text"] and "Removed: #trial." in answer["text"]
    assert "Not there" not in answer["text"]
    shown = _card_text(rapport, "acme")
    assert "`#vip`" in shown and "`#trial`" not in shown  # the tags field, not the note text


def test_every_customer_with_a_tag_can_be_tagged_at_once(rapport: Rapport) -> None:
    rapport.command("acme: renewal due #renewal-2027")
    rapport.command("globex: renewal due #renewal-2027")
    rapport.command("initech: new lead")

    answer = rapport.command("tag #renewal-2027 +priority", command="/crm").json()

    assert "2 customers: acme, globex" in answer["text"]
    assert "#priority" in _card_text(rapport, "globex") and "#priority" not in _card_text(rapport, "initech")


def test_tag_command_without_changes_explains_itself_in_chinese(rapport: Rapport) -> None:
    answer = rapport.command("tag 阿里巴巴", command="/crm").json()
    assert "/crm tag <客户> +标签 -标签" in answer["text"]


def test_removing_a_tag_the_customer_does_not_carry_says_so(rapport: Rapport) -> None:
    rapport.command("acme: started a trial #trial")

    answer = rapport.command("tag acme -pilot -trial", command="/crm").json()

    assert "Removed: #trial." in answer["text"] and "(Not there to remove: #pilot.)" in answer["text"]
