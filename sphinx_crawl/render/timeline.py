"""``crawl-timeline``: a collection's age windows drawn as an SVG chart at build time.

The chart is a picture of the same data the table under it holds (the table is its
text alternative, for screen readers and anyone who prefers it). It needs no script;
crawl.js only moves the "your baby" marker to the age the reader has set. Colours come
from CSS custom properties, so the chart follows the theme's dark mode and prints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from sphinx_crawl.i18n import _

#: The drawing's own units: the SVG scales to the column's width (see crawl.css). The
#: drawing is about as wide as a phone's column (343 CSS px at 375), so its words
#: print at about their own size there: FONT_SIZE units are at least 14 px on a phone,
#: and crawl.css caps the chart's width so they stay a reading size on a desktop.
WIDTH = 360
PAD = 10
#: Every word of the chart: titles, ages, month numbers, the axis, "Your baby".
FONT_SIZE = 15
TITLE_SIZE = FONT_SIZE
LINE_HEIGHT = 19
BAR_HEIGHT = 10
ROW_GAP = 12
#: Characters per title line before it wraps (SVG text does not wrap by itself): 340
#: units across, a letter about half FONT_SIZE wide, and room for wide letters.
WRAP = 40
#: Month numbers on the axis at least this far apart (two digits at FONT_SIZE, and a gap).
TICK_SPACE = 30


@dataclass(frozen=True)
class TimelineRow:
    title: str
    age_label: str
    min_months: float
    #: None: open-ended (from an age on, or expected by an age and after).
    max_months: float | None
    kind: str


def axis_end(rows: list[TimelineRow]) -> int:
    """The last month on the axis: past every window, a multiple of 3, at least 12."""
    furthest = max((r.max_months if r.max_months is not None else r.min_months + 3) for r in rows)
    return max(12, 3 * math.ceil(furthest / 3))


def tick_step(end: int, span: float) -> int:
    """Months between numbers on the axis: every 3 where they fit, else 6, 12, 24."""
    return next(
        (step for step in (3, 6, 12) if span * step / end >= TICK_SPACE),
        24,
    )


def wrap(text: str, width: int = WRAP) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def timeline_svg(rows: list[TimelineRow], chart_id: str, lang: str = "") -> str:
    """The chart: one row per entry (its title and age in words, then its window as a
    bar on a shared axis of months), the axis, and a hidden marker for the baby. ``lang``
    (`` lang="en"``, see :func:`~sphinx_crawl.i18n.words_in_english`) marks the package's
    words: the chart's name, the axis and the marker."""
    end = axis_end(rows)
    left, right = PAD, WIDTH - PAD

    def x(months: float) -> float:
        return round(left + (right - left) * min(months, end) / end, 2)

    parts: list[str] = []
    top: float = PAD + FONT_SIZE + 4  # room above the rows for the marker's label
    y: float = top
    for row in rows:
        title_lines = wrap(row.title)
        if len(title_lines[-1]) + 3 + len(row.age_label) <= WRAP:
            title_lines[-1] += f" · {row.age_label}"
        else:
            title_lines.append(row.age_label)
        for i, line in enumerate(title_lines):
            y += LINE_HEIGHT if i else TITLE_SIZE
            parts.append(
                f'<text class="crawl-timeline-label" x="{left}" y="{y}">{escape(line)}</text>'
            )
        y += 6
        start = x(row.min_months)
        if row.kind == "by":
            # Expected by this age: a mark at the age, and from there on it matters.
            parts.append(
                f'<line class="crawl-timeline-after" x1="{start}" y1="{y + BAR_HEIGHT / 2}" '
                f'x2="{right}" y2="{y + BAR_HEIGHT / 2}"/>'
                f'<rect class="crawl-timeline-by" x="{start - 3}" y="{y}" width="6" '
                f'height="{BAR_HEIGHT}"/>'
            )
        else:
            stop = x(row.max_months) if row.max_months is not None else right
            bar_class = "crawl-timeline-bar" + (
                " crawl-timeline-open" if row.max_months is None else ""
            )
            parts.append(
                f'<rect class="{bar_class}" x="{start}" y="{y}" '
                f'width="{max(stop - start, 4)}" height="{BAR_HEIGHT}" rx="{BAR_HEIGHT / 2}"/>'
            )
            if row.max_months is None:  # and later: an arrow at the axis' end
                middle = y + BAR_HEIGHT / 2
                parts.append(
                    f'<path class="crawl-timeline-arrow" d="M{right - 6},{y - 2} '
                    f'L{right + 2},{middle} L{right - 6},{y + BAR_HEIGHT + 2} Z"/>'
                )
        y += BAR_HEIGHT + ROW_GAP
    bottom = y
    grid = []
    for month in range(0, end + 1, tick_step(end, right - left)):
        grid.append(
            f'<line class="crawl-timeline-grid" x1="{x(month)}" y1="{top}" '
            f'x2="{x(month)}" y2="{bottom}"/>'
            f'<text class="crawl-timeline-tick" x="{x(month)}" y="{bottom + FONT_SIZE + 3}">'
            f"{month}</text>"
        )
    axis_label = escape(str(_("Age in months")))
    baby = escape(str(_("Your baby")))
    described = _(
        "Ages for {count} entries, drawn on one line of months; the table below says the same."
    )
    title = escape(str(described).format(count=len(rows)))
    chart = escape(chart_id)
    svg = (
        f'<svg class="crawl-timeline-chart" id="{chart}" font-size="{FONT_SIZE}" '
        f'viewBox="0 0 {WIDTH} {bottom + 2 * FONT_SIZE + 14}" '
        f'role="img" aria-labelledby="{chart}-title" data-x0="{left}" data-x1="{right}" '
        f'data-end="{end}"><title id="{chart}-title"{lang}>{title}</title>'
    )
    axis = (
        f'<line class="crawl-timeline-axis" x1="{left}" y1="{bottom}" x2="{right}" '
        f'y2="{bottom}"/><text class="crawl-timeline-axis-label"{lang} x="{WIDTH / 2}" '
        f'y="{bottom + 2 * FONT_SIZE + 8}">{axis_label}</text>'
    )
    # The marker under the rows, so their words stay readable across it.
    marker = (
        f'<g class="crawl-timeline-marker" visibility="hidden">'
        f'<line x1="0" y1="{top}" x2="0" y2="{bottom}"/>'
        f'<text x="0" y="{top - 2}" text-anchor="middle"{lang}>{baby}</text></g>'
    )
    return svg + "".join(grid) + axis + marker + "".join(parts) + "</svg>"
