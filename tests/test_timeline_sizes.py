"""The timeline's words: one size, set in the drawing, and month numbers that never
crowd each other, whatever the oldest age on the axis (up to the 72-month cap)."""

from __future__ import annotations

import itertools
import re

from sphinx_crawl.core.ages import MAX_AGE_MONTHS
from sphinx_crawl.render.timeline import (
    FONT_SIZE,
    PAD,
    TICK_SPACE,
    WIDTH,
    TimelineRow,
    tick_step,
    timeline_svg,
)


def test_the_chart_sets_its_words_size_itself() -> None:
    svg = timeline_svg([TimelineRow("Crawls", "8-10 months", 8, 10, "window")], "c")
    assert f'font-size="{FONT_SIZE}"' in svg
    assert "font-size" not in svg.split(">", 1)[1], "one size, for every word"


def test_month_numbers_stay_apart_up_to_the_cap() -> None:
    span = WIDTH - 2 * PAD
    for end in range(12, MAX_AGE_MONTHS + 1, 3):
        step = tick_step(end, span)
        assert span * step / end >= TICK_SPACE, end
        svg = timeline_svg([TimelineRow("t", "l", 0, end, "window")], "c")
        ticks = [float(x) for x in re.findall(r'class="crawl-timeline-tick" x="([\d.]+)"', svg)]
        assert ticks[0] == PAD
        assert min(b - a for a, b in itertools.pairwise(ticks)) >= TICK_SPACE, end
    assert tick_step(18, span) == 3  # the handbook's own chart: every 3 months
