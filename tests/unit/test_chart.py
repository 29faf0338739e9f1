"""The summary chart: a real PNG whose every text is drawn with the shipped CJK font, so Chinese
words come out as glyphs, not boxes."""

from __future__ import annotations

import io
import warnings
from datetime import date, timedelta

import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from PIL import Image

from bot.core.i18n import t
from bot.digests.history import Week
from bot.render import chart
from bot.render.chart import font_path, weekly_chart

WEEKS = [
    Week(date(2026, 9, 7) + timedelta(weeks=n), {"active": 40 + n, "at_risk": n % 3, "churned": n // 4})
    for n in range(12)
]


def _drawn_texts(monkeypatch: pytest.MonkeyPatch, lang: str) -> list[tuple[str, str]]:
    """(text, font file) of every text the chart draws, caught as the figure is saved."""
    seen: list[tuple[str, str]] = []
    save = Figure.savefig

    def spy(figure: Figure, *args: object, **kwargs: object) -> None:
        FigureCanvasAgg(figure).draw()
        for text in figure.findobj(lambda artist: hasattr(artist, "get_fontproperties")):
            content = text.get_text()  # type: ignore[attr-defined]
            if content and text.get_visible():
                seen.append((content, str(text.get_fontproperties().get_file())))  # type: ignore[attr-defined]
        save(figure, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "savefig", spy)
    weekly_chart(WEEKS, segment="大客户", lang=lang)
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_uses_the_cjk_font_and_the_font_has_every_glyph(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    drawn = _drawn_texts(monkeypatch, lang)
    texts = {text for text, _ in drawn}
    assert t("chart_title", lang, segment="大客户", weeks=12) in texts
    assert t("stage_at_risk", lang) in texts and "09-07" in texts
    assert {file for _, file in drawn} == {str(font_path())}
    covered = set(FT2Font(str(font_path())).get_charmap())
    missing = {char for text in texts for char in text if ord(char) not in covered}
    assert missing == set()


def test_the_check_would_catch_a_font_without_chinese_glyphs() -> None:
    fallback = font_manager.findfont("DejaVu Sans")
    covered = set(FT2Font(fallback).get_charmap())
    assert ord("客") not in covered and ord("客") in set(FT2Font(str(font_path())).get_charmap())


def test_drawing_chinese_raises_no_missing_glyph_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        png = weekly_chart(WEEKS, segment="流失预警", lang="zh")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (880, 462)


def test_the_bars_stack_the_stages_and_empty_stages_stay_out_of_the_legend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    labels = {text for text, _ in _drawn_texts(monkeypatch, "en")}
    assert {"active", "at risk", "churned"} <= labels
    assert "lead" not in labels and "new" not in labels
    assert str(WEEKS[-1].size) in labels  # the total above the last bar
    assert chart.STAGES.index("active") < chart.STAGES.index("at_risk")
