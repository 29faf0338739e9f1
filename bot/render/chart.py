"""The weekly summary's chart: a segment's size by week (bot.digests.history), stacked by lifecycle
stage, as a PNG.

Drawn with matplotlib's object API (a Figure on the Agg canvas, no pyplot state), so charts can
be drawn from several threads. Every text on the chart uses Noto Sans CJK SC (SIL Open Font
License, shipped by the `mplfonts` package): it has Latin and Chinese glyphs, so a Chinese
workspace's chart shows its words rather than empty boxes.
"""

from __future__ import annotations

import io
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.i18n import t
from bot.digests.history import Week

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties

STAGES = ("lead", "new", "active", "at_risk", "churned")  # bottom to top
COLOURS = {
    "lead": "#b0bec5",
    "new": "#4fc3f7",
    "active": "#66bb6a",
    "at_risk": "#ffa726",
    "churned": "#ef5350",
}
FONT_FILE = "NotoSansCJKsc-Regular.otf"


@cache
def font_path() -> Path:
    """The chart font's file (Noto Sans CJK SC)."""
    path = Path(str(files("mplfonts").joinpath("fonts", FONT_FILE)))
    if not path.is_file():
        raise FileNotFoundError(f"the chart font {path} is missing; reinstall mplfonts")
    return path


def _font(size: float) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=font_path(), size=size)


def weekly_chart(weeks: list[Week], *, segment: str, lang: str) -> bytes:
    """A stacked bar chart of `weeks` (oldest first), as PNG bytes."""
    # matplotlib loads here, on the first chart, not when every process starts (0.4 s).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4.2), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(weeks)))
    bottom = [0] * len(weeks)
    for stage in STAGES:
        heights = [week.stages.get(stage, 0) for week in weeks]
        if not any(heights):
            continue
        axes.bar(
            positions,
            heights,
            bottom=bottom,
            color=COLOURS[stage],
            width=0.72,
            label=t("stage_" + stage, lang),
        )
        bottom = [low + high for low, high in zip(bottom, heights, strict=True)]
    for x, total in zip(positions, bottom, strict=True):
        axes.annotate(
            str(total),
            (x, total),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontproperties=_font(8),
        )
    axes.set_xticks(positions, [week.ending.strftime("%m-%d") for week in weeks])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(0, max([*bottom, 1]) * 1.15)
    axes.set_title(t("chart_title", lang, segment=segment, weeks=len(weeks)), fontproperties=_font(12))
    axes.set_ylabel(t("chart_customers", lang), fontproperties=_font(9))
    axes.set_xlabel(t("chart_week_ending", lang), fontproperties=_font(9))
    for label in (*axes.get_xticklabels(), *axes.get_yticklabels()):
        label.set_fontproperties(_font(8))
    axes.spines[["top", "right"]].set_visible(False)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(prop=_font(8), loc="upper left", frameon=False, ncols=5, bbox_to_anchor=(0, -0.16))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
