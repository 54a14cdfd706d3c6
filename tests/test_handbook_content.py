"""The handbook carries the articles' guidance as sourced, reviewed, plain entries."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sphinx_crawl.api import Handbook

REPO = Path(__file__).resolve().parents[1]
SEED_OVERLAP = REPO.parent / "shared" / "tools" / "seed_overlap.py"
PARENT_PAGES = [
    "index",
    "why",
    "milestones",
    "tips/index",
    "tips/surfaces-and-clothing",
    "tips/motivation-and-play",
    "tips/strength-and-tummy-time",
    "tips/hands-on-help",
    "red-flags",
    "emergency",
    "checklist",
    "faq",
    "sources",
    "about",
]


def page(handbook: tuple[subprocess.CompletedProcess[str], Path], name: str) -> Any:
    html = handbook[1] / f"{name}.html"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(
        "article", role="main"
    )


def test_enough_entries_of_each_kind_each_citing_a_source(content: Handbook) -> None:
    counts = Counter(entry.type for entry in content.entries)
    assert counts["tip"] >= 15
    assert counts["red-flag"] >= 6
    assert counts["milestone"] >= 8
    declared = {source.id for source in content.sources}
    for entry in content.entries:
        assert entry.sources, f"{entry.id} cites no source"
        assert set(entry.sources) <= declared


def test_every_article_is_cited(content: Handbook) -> None:
    """Each of the five source articles is a source, and entries cite it."""
    articles = [s for s in content.sources if s.cited_by]
    assert len(articles) >= 5
    assert len(content.sources) >= 5


def test_tips_and_red_flags_say_when_they_apply(content: Handbook) -> None:
    for entry in content.entries_of("tip"):
        assert entry.age is not None, entry.id
        assert entry.tags, entry.id
    for entry in content.entries_of("red-flag"):
        assert entry.urgency in {"routine", "soon", "urgent"}
        assert entry.action


def test_every_parent_page_shows_its_review_dates(handbook) -> None:
    for name in PARENT_PAGES:
        review = page(handbook, name).find(class_="crawl-review")
        assert review is not None, name
        assert "Last reviewed" in review.get_text()
        assert "Next review due" in review.get_text()


def test_the_landing_page_answers_first_and_points_to_help(handbook) -> None:
    main = page(handbook, "index")
    h1 = main.find("h1").get_text()
    assert "backwards" in h1.lower()
    assert "normal" in h1.lower()
    first_paragraph = first_words(main).get_text()
    assert first_paragraph.lower().startswith("usually, yes")
    hrefs = {a["href"] for a in main.find_all("a", href=True)}
    assert {"red-flags.html", "milestones.html", "tips/index.html"} <= {
        str(h).split("#")[0] for h in hrefs
    }
    assert "not medical advice" in main.get_text().lower()


def first_words(main: Any) -> Any:
    """The page's own first paragraph, under its title (not the review dates, nor the
    emergency line every page shows above the title)."""
    return main.find("h1").find_next("p", class_=lambda c: c != "crawl-review")


def test_the_emergency_page_says_call_now_before_anything_else(handbook) -> None:
    main = page(handbook, "emergency")
    assert "emergency" in main.find("h1").get_text().lower()
    first = " ".join(first_words(main).get_text().split())
    for number in ("999", "911", "112"):
        assert number in first, number
    assert "now" in first
    assert "cannot help" in first
    text = " ".join(main.get_text(" ").split()).lower()
    for sign in (
        "not breathing",
        "wake up",
        "glass",
        "seizure",
        "blue",
        "under the ribs",
        "allergic reaction",
        "seriously injured",
        "8 weeks",
        "under 3 months",
        "38 °c",
        "trust your instincts",
    ):
        assert sign in text, sign
    # Plain text a frightened parent reads at once: no cards, filters or badges.
    assert not main.select(".crawl-entry")
    cited = {a["href"].split("#")[1] for a in main.select('a[href^="sources.html#"]')}
    assert {
        "source-nhs-hackney-seek-help",
        "source-nct-urgent-doctor",
        "source-hse-seriously-unwell",
    } <= cited


def test_the_emergency_page_follows_when_to_ask_for_help_in_the_menu(handbook) -> None:
    nav = whole_page(handbook, "index").find(class_="sidebar-tree")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert hrefs.index("emergency.html") == hrefs.index("red-flags.html") + 1


@pytest.mark.parametrize("name", ["index", "faq"])
def test_the_short_lists_of_signs_include_the_one_year_and_lost_skills_signs(
    handbook: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    main = page(handbook, name)
    targets = {str(a["href"]).rpartition("#")[2] for a in main.find_all("a", href=True)}
    assert {"still-only-backwards-at-one-year", "lost-skills"} <= targets


REASSURANCE = re.compile(r"\bon its own\b.*\b(warning sign|reason to call|belong on this list)")


@pytest.mark.parametrize("name", PARENT_PAGES)
def test_going_backwards_on_its_own_is_reassured_only_with_an_age(
    handbook: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    """'Going backwards on its own is fine' holds only before about a year: past it,
    the one-year sign applies. Every such sentence says so, and the page links that sign."""
    text = " ".join(page(handbook, name).get_text(" ").split())
    found = [s for s in re.split(r"(?<=[.!?])\s+", text) if REASSURANCE.search(s)]
    for sentence in found:
        assert re.search(r"12 months|one year", sentence), (name, sentence)
    if found:
        targets = {
            str(a["href"]).rpartition("#")[2] for a in page(handbook, name).find_all("a", href=True)
        }
        assert "still-only-backwards-at-one-year" in targets, name


def test_about_page_says_it_is_not_medical_advice(handbook) -> None:
    text = page(handbook, "about").get_text(" ").lower()
    assert "not medical advice" in text
    assert "pediatrician" in text


def test_the_why_page_explains_both_views_where_sources_differ(handbook) -> None:
    text = " ".join(page(handbook, "why").get_text(" ").split()).lower()
    assert "arms" in text
    assert "legs" in text
    assert "differ" in text or "disagree" in text


@pytest.mark.skipif(not SEED_OVERLAP.is_file(), reason="../shared/tools is not beside this clone")
def test_no_sentence_is_copied_from_the_source_articles() -> None:
    result = subprocess.run(
        [sys.executable, str(SEED_OVERLAP), str(REPO / "docs")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


# -- parents' pages without the clutter (issue 13) ------------------------------------

PARENT_PAGES = [
    "index",
    "why",
    "milestones",
    "tips/index",
    "red-flags",
    "emergency",
    "checklist",
    "faq",
]


def whole_page(handbook: tuple[subprocess.CompletedProcess[str], Path], name: str) -> Any:
    html = handbook[1] / f"{name}.html"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", PARENT_PAGES)
def test_parents_pages_have_no_source_view_or_authoring_navigation(
    handbook: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    soup = whole_page(handbook, name)
    hrefs = [a.get("href", "") for a in soup.find_all("a")]
    assert not [h for h in hrefs if "_sources" in h], "a link to the page's source"
    nav = soup.find(class_="sidebar-tree")
    assert nav is not None
    assert "authoring" not in str(nav), "the authors' guide is in the parents' navigation"


def test_the_authors_guide_is_linked_from_the_about_page(
    handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    about = page(handbook, "about")
    assert about.find("a", href="authoring/index.html") is not None
    assert (handbook[1] / "authoring" / "index.html").is_file()


@pytest.mark.parametrize("name", ["milestones", "red-flags", "tips/surfaces-and-clothing"])
def test_cards_show_no_tags_or_decimal_ages(
    handbook: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    soup = page(handbook, name)
    cards = soup.select("article.crawl-entry, tr.crawl-type-milestone")
    assert cards
    for card in cards:
        text = card.get_text(" ")
        assert "Tags:" not in text
    ages = [age.get_text() for age in soup.select(".crawl-age")]
    assert ages
    assert not [age for age in ages if re.search(r"\d\.\d", age)], ages
