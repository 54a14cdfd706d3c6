"""The domain indices: crawl-milestones.html, crawl-red-flags.html and crawl-tips.html."""

from __future__ import annotations

from typing import Any

import pytest

from tests.build_utils import BODY_ONLY_THEME, Build, build, copy_root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("indices") / "src"))


def index_groups(site: Build, page: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(group heading, [(link text, href, age shown), ...]) in page order."""
    table = site.main(page).find("table", class_="indextable")
    assert table is not None, f"{page}.html has no index table"
    groups: list[tuple[str, list[tuple[str, str, str]]]] = []
    for row in table.find_all("tr"):
        classes = row.get("class") or []
        if "pcap" in classes:
            continue
        if "cap" in classes:
            groups.append((row.get_text(" ", strip=True), []))
            continue
        link = row.find("a", href=True)
        assert link is not None, row
        age = link.find_next_sibling("em")
        groups[-1][1].append(
            (link.get_text(strip=True), link["href"], age.get_text(strip=True) if age else "")
        )
    return groups


def urls(site: Build) -> dict[str, str]:
    return {entry["title"]: entry["url"] for entry in site.crawl_json()["entries"]}


def test_milestones_index_is_grouped_by_age_youngest_first(site: Build) -> None:
    assert index_groups(site, "crawl-milestones") == [
        ("4-6 months", [("Pushes up", "milestones.html#pushes-up", "(4-6 months)")]),
        ("8-10 months", [("Hands and knees", "milestones.html#hands-knees", "(8-10 months)")]),
        ("12+ months", [("Climbs stairs", "milestones.html#climbs-stairs", "(12+ months)")]),
    ]


def test_red_flags_index_is_grouped_by_urgency_then_ordered_by_age(site: Build) -> None:
    groups = index_groups(site, "crawl-red-flags")
    assert [heading for heading, _ in groups] == [
        "Urgent: get help today",
        "Soon: book an appointment",
        "Routine: mention it at the next check-up",
    ]
    rows = {heading: [(text, href) for text, href, _ in items] for heading, items in groups}
    # Within a group, by age; entries without an age come last.
    assert rows["Urgent: get help today"] == [
        ("Stiff legs", "flags.html#stiff-legs"),
        ("Losing skills", "flags.html#losing-skills"),
    ]
    assert rows["Soon: book an appointment"] == [
        ("Not moving by 12 months", "flags.html#no-movement")
    ]
    assert rows["Routine: mention it at the next check-up"] == [
        ("Uses one side only", "flags.html#one-side")
    ]


def test_tips_index_is_grouped_by_tag_case_insensitively(site: Build) -> None:
    groups = index_groups(site, "crawl-tips")
    headings = [heading.lower() for heading, _ in groups]
    # "Play" on one tip and "play" on another are one tag, as in crawl-list :tags:.
    assert headings == ["clothing", "furniture", "play", "surfaces", "untagged"]
    rows = {heading.lower(): [text for text, _, _ in items] for heading, items in groups}
    assert rows == {
        "clothing": ["Bare knees grip the floor"],
        "furniture": ["Cruise along the sofa"],
        "play": ["Mirror on the floor", "Cruise along the sofa"],
        "surfaces": ["Bare knees grip the floor"],
        "untagged": ["Slow down vs. hurry up"],
    }


@pytest.mark.parametrize("page", ["crawl-milestones", "crawl-red-flags", "crawl-tips"])
def test_every_index_row_links_to_its_entry(site: Build, page: str) -> None:
    by_title = urls(site)
    rows = [row for _, items in index_groups(site, page) for row in items]
    assert rows
    for text, href, _ in rows:
        assert href == by_title[text]
        target_page, _, anchor = href.partition("#")
        target = site.soup(target_page.removesuffix(".html")).find(id=anchor)
        assert target is not None, href
        assert text in target.get_text(" ")


def test_indices_cover_exactly_the_entries_of_their_type(site: Build) -> None:
    entries = site.crawl_json()["entries"]
    for page, type_ in [
        ("crawl-milestones", "milestone"),
        ("crawl-red-flags", "red-flag"),
        ("crawl-tips", "tip"),
    ]:
        linked = {href for _, items in index_groups(site, page) for _, href, _ in items}
        assert linked == {e["url"] for e in entries if e["type"] == type_}


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("crawl-milestones", "Milestones by age"),
        ("crawl-red-flags", "Red flags by urgency and age"),
        ("crawl-tips", "Tips by tag"),
    ],
)
def test_index_pages_are_titled_by_their_grouping(site: Build, page: str, title: str) -> None:
    heading: Any = site.main(page).find("h1")
    assert heading is not None
    assert heading.get_text(strip=True) == title


@pytest.fixture(scope="module")
def body_only_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = copy_root("cross-page", tmp_path_factory.mktemp("body-only") / "src")
    return build(src, confoverrides=BODY_ONLY_THEME)


@pytest.mark.parametrize("page", ["crawl-milestones", "crawl-red-flags", "crawl-tips"])
def test_index_pages_list_the_same_entries_in_a_theme_that_prints_only_the_body(
    site: Build, body_only_site: Build, page: str
) -> None:
    assert index_groups(body_only_site, page) == index_groups(site, page)
    # Listed once in a theme that prints the template's block (and not the body).
    tables = site.soup(page).find_all("table", class_="indextable")
    assert len(tables) == 1, f"{page}: {len(tables)} index tables"
