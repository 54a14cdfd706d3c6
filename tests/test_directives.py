"""The entry directives as a reader sees them, written three ways.

The same handbook page is written with MyST colon fences (``colon.md``), MyST
backtick fences (``backtick.md``, one entry with a YAML option block) and
reStructuredText (``rst.rst``, in a project without MyST at all). Every id and
title ends in the syntax's name, so one set of expectations serves all three.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.build_utils import Build, build, copy_root

# (build fixture, page, suffix of every id and title on the page)
SYNTAXES = [
    pytest.param(("myst_build", "colon", "colon"), id="myst-colon"),
    pytest.param(("myst_build", "backtick", "backtick"), id="myst-backtick"),
    pytest.param(("rst_build", "rst", "rst"), id="rst"),
]

URGENCY = {
    "routine": (
        "not-moving",
        "Non-urgent advice: ",
        "Routine: mention it at the next check-up",
        "Mention it at your baby\u2019s next routine check-up.",  # smart quotes apply
    ),
    "soon": (
        "one-side",
        "Advice to act soon: ",
        "Soon: book an appointment",
        "Book an appointment with your pediatrician, or with a pediatric physical therapist.",
    ),
    "urgent": (
        "loses-skills",
        "Urgent advice: ",
        "Urgent: get help today",
        # Given with :action:, so it replaces the level's default.
        "Call your pediatrician today, even at the weekend.",
    ),
}


@pytest.fixture(scope="module")
def myst_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("directives-myst", tmp_path_factory.mktemp("directives-myst") / "src"))


@pytest.fixture(scope="module")
def rst_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("directives-rst", tmp_path_factory.mktemp("directives-rst") / "src"))


@pytest.fixture(params=SYNTAXES)
def page(request: pytest.FixtureRequest) -> tuple[Build, str, Any]:
    """(build, suffix, main content) of one page."""
    fixture, name, suffix = request.param
    built: Build = request.getfixturevalue(fixture)
    return built, suffix, built.main(name)


def text_of(element: Any) -> str:
    return " ".join(element.get_text(" ").split())


def heading_text(article: Any) -> str:
    """The visible heading text, without the pilcrow permalink."""
    heading = article.find(class_="crawl-entry-title")
    return text_of(heading).removesuffix("¶").strip()


@pytest.mark.parametrize("fixture", ["myst_build", "rst_build"])
def test_projects_build_without_warnings(request: pytest.FixtureRequest, fixture: str) -> None:
    built: Build = request.getfixturevalue(fixture)
    assert built.warnings() == []


def test_milestone_table_has_age_milestone_and_what_you_see_columns(page) -> None:
    _, suffix, main = page
    table = main.find("table", class_="crawl-milestone-table")
    assert table is not None
    assert text_of(table.find("caption")).startswith(f"Getting up on all fours ({suffix})")
    assert [text_of(th) for th in table.find("thead").find_all("th")] == [
        "Age",
        "Milestone",
        "What you see",
    ]


def test_milestone_rows_are_sorted_by_age_and_each_has_an_anchor(page) -> None:
    _, suffix, main = page
    rows = main.find("table", class_="crawl-milestone-table").find("tbody").find_all("tr")
    # Written 9-12+, 6-9, 4-6; shown youngest first.
    assert [row.get("id") for row in rows] == [
        f"pushes-up-on-straight-arms-{suffix}",  # no :id:, so made from the title
        f"rocking-{suffix}",
        f"hands-knees-{suffix}",
    ]
    cells = [[text_of(td) for td in row.find_all("td")] for row in rows]
    assert [c[0] for c in cells] == ["4-6 months", "6\u20139 months", "9-12 months+"]
    assert [c[1] for c in cells] == [
        f"Pushes up on straight arms ({suffix})",
        f"Rocks on hands and knees ({suffix})",
        f"Crawls on hands and knees ({suffix})",
    ]
    assert cells[0][2] == "Lifts the chest during tummy time."
    assert cells[1][2] == "Rocks back and forth."
    # The third column keeps the body and the source, not a second age line.
    assert cells[2][2].startswith("Moves forward with the belly off the floor.")
    assert "Source: WHO Motor Development Study" in cells[2][2]
    assert "Age:" not in cells[2][2]
    assert all("crawl-entry" in row["class"] for row in rows)


def test_standalone_milestone_is_an_article_with_its_age(page) -> None:
    _, suffix, main = page
    article = main.find("article", id=f"pulls-to-stand-{suffix}")
    assert article is not None
    assert "crawl-type-milestone" in article["class"]
    assert heading_text(article) == f"Pulls to stand ({suffix})"
    assert text_of(article.find(class_="crawl-meta")) == "Age: 12 months"
    assert "Pulls up on furniture." in text_of(article.find(class_="crawl-entry-body"))


def test_tip_card_renders_title_body_and_meta(page) -> None:
    _, suffix, main = page
    article = main.find("article", id=f"barefoot-{suffix}")
    assert article is not None
    assert "crawl-type-tip" in article["class"]
    heading = article.find(class_="crawl-entry-title")
    # Entries are headed one level below the page section, and the article is named by it.
    assert heading.name == "h2"
    assert article["aria-labelledby"] == heading["id"]
    assert heading_text(article) == f"Let them go barefoot ({suffix})"
    # The permalink follows the heading, so the heading is read without a pilcrow.
    assert heading.find("a") is None
    permalink = article.find("a", class_="crawl-permalink")
    assert permalink["href"] == f"#barefoot-{suffix}"
    assert permalink["aria-label"] == f"Link to this entry: Let them go barefoot ({suffix})"

    content = article.find(class_="crawl-entry-body")
    assert content.find("strong").get_text() == "socks"
    assert content.find("em").get_text() == "smooth"
    items = content.find("ul").find_all("li")
    assert [text_of(li) for li in items] == ["bare knees grip", "see the WHO study"]
    link = items[1].find("a")
    assert link["href"] == "https://www.who.int/tools/child-growth-standards"
    assert link.get_text() == "the WHO study"

    meta = article.find(class_="crawl-meta")
    assert text_of(meta.find(class_="crawl-age")) == "Age: 6-10 months"
    # Tags sort entries into lists and indices; cards do not show them to parents.
    assert meta.find(class_="crawl-tags") is None
    assert "surfaces" not in text_of(article)


def test_sources_link_to_the_crawl_sources_page(page) -> None:
    built, suffix, main = page
    line = main.find("article", id=f"barefoot-{suffix}").find("p", class_="crawl-sources")
    links = line.find_all("a")
    assert text_of(line).startswith("Sources:")
    assert [a["href"] for a in links] == ["sources.html#source-kc", "sources.html#source-who"]
    assert [a.get_text() for a in links] == [
        "The Lowdown On Crawling Backward",
        "WHO Motor Development Study",
    ]
    sources = built.main("sources")
    kc = sources.find(id="source-kc")
    assert kc is not None
    assert "The Lowdown On Crawling Backward" in text_of(kc)
    # ...and the sources page links back to the entries citing each source.
    back_links = [a["href"] for a in kc.find_all("a")]
    assert f"{suffix}.html#barefoot-{suffix}" in back_links
    assert kc.find("a", href="https://example.org/kc") is not None


def test_id_is_made_from_the_title_when_absent(page) -> None:
    _, suffix, main = page
    article = main.find("article", id=f"roll-a-ball-slowly-{suffix}")
    assert article is not None
    assert heading_text(article) == f"Roll a ball, slowly! ({suffix})"
    assert text_of(article.find(class_="crawl-entry-body")) == "Roll it just out of reach."


@pytest.mark.parametrize("level", list(URGENCY))
def test_red_flag_states_its_urgency_in_words(page, level: str) -> None:
    _, suffix, main = page
    stem, prefix, badge, action = URGENCY[level]
    article = main.find("article", id=f"{stem}-{suffix}")
    assert article is not None
    assert f"crawl-urgency-{level}" in article["class"]
    assert article["data-crawl-urgency"] == level

    # Screen readers hear the level first: a visually hidden prefix inside the heading.
    heading = article.find(class_="crawl-entry-title")
    hidden = heading.find(class_="crawl-visually-hidden")
    assert hidden is not None
    assert hidden.get_text() == prefix
    assert heading.contents[0] is hidden

    # Sighted readers see it in words too, not only as a colour.
    shown = article.find(class_="crawl-badge")
    assert shown is not None
    assert shown.get_text() == badge
    assert shown.find_parent(class_="crawl-entry-title") is None
    assert "crawl-visually-hidden" not in shown.get("class", [])

    callout = article.find(class_="crawl-callout")
    assert text_of(callout) == f"What to do: {action}"


def test_hidden_prefix_is_hidden_by_the_shipped_css(myst_build: Build) -> None:
    css = (myst_build.outdir / "_static" / "crawl.css").read_text(encoding="utf-8")
    rule = re.search(r"\.crawl-visually-hidden\s*\{([^}]*)\}", css)
    assert rule is not None
    assert "position: absolute" in rule.group(1)
    assert "clip" in rule.group(1)
    head = myst_build.soup("colon").find("head")
    assert head.find("link", href=re.compile(r"_static/crawl\.css")) is not None


def test_ages_are_read_into_month_ranges(page) -> None:
    _, suffix, main = page
    expected = {
        f"pushes-up-on-straight-arms-{suffix}": ("4", "6", "window"),  # 4-6 months
        f"rocking-{suffix}": ("6", "9", "window"),  # 6\u20139 months (an en dash)
        f"pulls-to-stand-{suffix}": ("12", "12", "window"),  # 12 months
        f"hands-knees-{suffix}": ("9", "", "from"),  # 9-12 months+: open-ended
        f"not-moving-{suffix}": ("12", "", "by"),  # by 12 months: from 12 months on
        f"barefoot-{suffix}": ("6", "10", "window"),
    }
    for entry_id, (low, high, kind) in expected.items():
        element = main.find(id=entry_id)
        assert element is not None, entry_id
        assert (
            element["data-crawl-age-min"],
            element["data-crawl-age-max"],
            element["data-crawl-age-kind"],
        ) == (low, high, kind)
    # An entry without :age: claims no age range.
    element = main.find(id=f"one-side-{suffix}")
    assert not element.has_attr("data-crawl-age-min")
    assert not element.has_attr("data-crawl-age-max")


def test_entries_have_their_type_as_data(page) -> None:
    _, _, main = page
    types = Counter(element["data-crawl-type"] for element in main.select("[data-crawl-type]"))
    assert types == {"milestone": 4, "tip": 2, "red-flag": 3}


def test_last_reviewed_line_comes_from_the_page_metadata(page) -> None:
    _, _, main = page
    line = main.find("p", class_="crawl-review")
    assert line is not None
    assert text_of(line) == "Last reviewed: March 1, 2026 \u00b7 Next review due: March 1, 2027"
    # Shown under the page title, before any entry.
    assert line.find_previous_sibling().name == "h1"


def test_content_after_the_entries_is_kept(page) -> None:
    _, suffix, main = page
    assert f"A closing paragraph ({suffix})." in text_of(main)


def test_ids_on_each_page_are_unique(page) -> None:
    _, _, main = page
    ids = Counter(element["id"] for element in main.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []


def _shape(main: Any, suffix: str) -> list[tuple[str, str, str]]:
    """Every entry's tag, id and text, with the syntax's name taken out."""
    return [
        (el.name, el["id"].replace(suffix, "S"), text_of(el).replace(f"({suffix})", "(S)"))
        for el in main.select("[data-crawl-type]")
    ]


def test_the_three_syntaxes_render_the_same_entries(myst_build: Build, rst_build: Build) -> None:
    colon = _shape(myst_build.main("colon"), "colon")
    assert len(colon) == 9
    assert _shape(myst_build.main("backtick"), "backtick") == colon
    assert _shape(rst_build.main("rst"), "rst") == colon
