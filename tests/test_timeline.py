"""``crawl-timeline`` (issue 15): the ages of a collection as an SVG chart drawn at build
time, with the same data as a table (its text alternative, and all other builders get)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_crawl.render.timeline import TimelineRow, axis_end, timeline_svg, wrap
from tests.build_utils import Build, build

CONF = 'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
PAGE = """\
# Ages

:::{crawl-timeline}
:type: milestone, red-flag
:::

:::{milestone} Crawls <b>forwards</b>
:id: forwards
:age: 8-10 months

Moves ahead.
:::

:::{milestone} Cruises
:id: cruises
:age: 9-12 months+

Along the sofa.
:::

:::{red-flag} Not crawling by one
:id: not-by-one
:urgency: soon
:age: by 12 months

No attempt.
:::

:::{red-flag} Stiff legs
:id: stiff
:urgency: urgent

At any age.
:::

:::{tip-card} Toys
:id: toys
:age: 6-10 months

Not in the timeline: the filter asks for milestones and red flags.
:::
"""


def project(tmp_path: Path, page: str = PAGE) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    return srcdir


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(project(tmp_path_factory.mktemp("timeline")))


def test_the_chart_draws_every_aged_entry_and_names_itself(site: Build) -> None:
    assert site.warnings() == []
    chart = site.main("index").select_one("svg.crawl-timeline-chart")
    assert chart is not None
    assert chart["role"] == "img"
    title = chart.find("title")
    assert title["id"] == chart["aria-labelledby"]
    assert "3 entries" in title.get_text()
    labels = [text.get_text() for text in chart.select("text.crawl-timeline-label")]
    # Youngest first; the title is text, never markup; the age is in words.
    assert labels == [
        "Crawls <b>forwards</b> · 8-10 months",
        "Cruises · 9-12 months+",
        "Not crawling by one · by 12 months",
    ]
    assert chart.find("b") is None
    assert len(chart.select("rect.crawl-timeline-bar")) == 2
    assert len(chart.select("path.crawl-timeline-arrow")) == 1  # "and later"
    assert len(chart.select("rect.crawl-timeline-by")) == 1  # expected by an age
    assert chart.select_one(".crawl-timeline-marker")["visibility"] == "hidden"


def test_the_table_under_it_says_the_same_with_links(site: Build) -> None:
    details = site.main("index").select_one("details.crawl-details")
    assert details.find("summary").get_text() == "The same ages as a table"
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in details.select("table.crawl-timeline-data tbody tr")
    ]
    assert rows == [
        ["Crawls <b>forwards</b>", "8-10 months"],
        ["Cruises", "9-12 months+"],
        ["Not crawling by one", "by 12 months"],
    ]
    hrefs = [a["href"] for a in details.select("a")]
    assert hrefs == ["#forwards", "#cruises", "#not-by-one"]


def test_other_builders_get_the_table(tmp_path: Path) -> None:
    text = build(project(tmp_path), buildername="text").text("index.txt")
    assert "Crawls <b>forwards</b>" in text
    assert "9-12 months+" in text
    assert "<svg" not in text


def test_a_wrong_type_is_a_located_warning(tmp_path: Path) -> None:
    site = build(project(tmp_path, PAGE.replace("milestone, red-flag", "milestones")))
    (warning,) = site.crawl_warnings("filter")
    assert warning.startswith("<src>/index.md:3: WARNING: crawl-timeline: unknown :type:")


def test_no_aged_entry_says_so(tmp_path: Path) -> None:
    page = PAGE.replace("milestone, red-flag", "red-flag\n:tags: anytime").replace(
        ":urgency: urgent\n", ":urgency: urgent\n:tags: anytime\n"
    )
    site = build(project(tmp_path, page))  # only the red flag without an age matches
    assert "No entries with ages match." in site.main("index").get_text()
    assert site.main("index").select_one("svg") is None


def test_two_charts_on_a_page_have_their_own_ids(tmp_path: Path) -> None:
    page = PAGE.replace(
        ":::{milestone} Crawls", ":::{crawl-timeline}\n:::\n\n:::{milestone} Crawls"
    )
    charts = build(project(tmp_path, page)).main("index").select("svg.crawl-timeline-chart")
    assert [c["id"] for c in charts] == ["crawl-timeline", "crawl-timeline-2"]


def test_the_axis_covers_every_window_in_steps_of_three_months() -> None:
    def row(low: float, high: float | None) -> TimelineRow:
        return TimelineRow("t", "l", low, high, "window" if high else "from")

    assert axis_end([row(4, 6)]) == 12
    assert axis_end([row(8, 18)]) == 18
    assert axis_end([row(5, 13.5)]) == 15
    assert axis_end([row(20, None)]) == 24
    svg = timeline_svg([row(4, 6), row(20, None)], "c")
    assert 'data-end="24"' in svg


def test_long_titles_wrap_on_words() -> None:
    lines = wrap("word " * 30, width=20)
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == ("word " * 30).strip()
