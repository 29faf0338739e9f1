"""/crm segment: saved filters in English and Chinese, built-ins, and the table they show."""

from __future__ import annotations

from tests import factories as f
from tests.e2e.conftest import Rapport


def _crm(rapport: Rapport, text: str) -> str:
    reply = rapport.command(text, command="/crm").json()
    return f.all_text(reply.get("blocks", [])) or str(reply["text"])


def _seed(rapport: Rapport) -> None:
    # Five buyers, one purchase each, all today: only money ranks them, so by the RFM rules
    # acme, hooli, stark and wayne score 12-15 (high) and globex 11 (medium).
    rapport.command("acme bought 20 seats for $12k #vip")
    for name, amount in (("hooli", "5k"), ("stark", "4k"), ("wayne", "3k")):
        rapport.command(f"{name} paid ${amount} for licences")
    rapport.command("globex paid $500 for a pilot #renewal")
    rapport.command("initech: first call #renewal")
    rapport.command("umbrella complained about the invoice")
    rapport.recompute()


def test_a_saved_segment_shows_its_members_with_owner_stage_tier_and_last_contact(rapport: Rapport) -> None:
    _seed(rapport)

    created = _crm(rapport, "segment create renewals tag:renewal")

    assert "Segment renewals: 2 customers" in created
    assert "globex" in created and "initech" in created and "acme" not in created
    assert "<@U1>" in created and "Last contact: just now" in created
    assert "renewals" in _crm(rapport, "segment list")


def test_filters_combine_and_read_chinese_keys(rapport: Rapport) -> None:
    _seed(rapport)
    rapport.clock.advance(days=31)
    rapport.recompute()

    english = _crm(rapport, "segment create mid-at-risk tier:medium stage:at_risk")
    chinese = _crm(rapport, "segment create 风险大客户 阶段:风险 标签:vip")

    assert "Segment mid-at-risk: 1 customer" in english and "globex" in english
    assert "分组 风险大客户：1 个客户" in chinese and "acme" in chinese  # answered in Chinese


def test_built_in_segments(rapport: Rapport) -> None:
    _seed(rapport)

    vip = _crm(rapport, "segment show vip")
    complaints = _crm(rapport, "segment show complaints")

    assert "Segment vip: 4 customers" in vip  # tagged vip, or of high value
    assert "acme" in vip and "hooli" in vip and "globex" not in vip
    assert "umbrella" in complaints and "acme" not in complaints


def test_wrong_filters_and_names_are_explained(rapport: Rapport) -> None:
    assert "`colour:red` is not a filter I know" in _crm(rapport, "segment create red colour:red")
    assert "`stage:sleepy` is not a filter I know" in _crm(rapport, "segment create s stage:sleepy")
    assert "cannot be a segment name" in _crm(rapport, "segment create vip tag:x")
    assert "no segment called nope" in _crm(rapport, "segment show nope")
