"""The open-complaints filter, in English and Chinese, beside the complaint window."""

from __future__ import annotations

import pytest

from bot.core.errors import UserError
from bot.insights import segments


def test_open_complaints_read_in_both_languages() -> None:
    for text in ("complaints:open tier:high", "投诉:未解决 价值:高"):
        wanted = segments.parse_filter(text)
        assert wanted.open_complaints and wanted.tiers == ("high",) and wanted.complaint_days is None


def test_open_and_a_window_together() -> None:
    wanted = segments.parse_filter("complaints:open complaints:30d")
    assert wanted.open_complaints and wanted.complaint_days == 30


def test_a_window_alone_is_not_open_complaints() -> None:
    wanted = segments.parse_filter("投诉:90天")
    assert wanted.complaint_days == 90 and not wanted.open_complaints


def test_nonsense_is_named() -> None:
    with pytest.raises(UserError) as refused:
        segments.parse_filter("complaints:soon")
    assert refused.value.params["word"] == "complaints:soon"
