"""crawl-list and crawl-sources: entries gathered across pages, as built."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests.build_utils import Build, build, copy_root, line_of

MILESTONES = ["pushes-up", "hands-knees", "climbs-stairs"]
TIPS = ["floor-mirror", "bare-knees", "sofa-cruise", "let-them-be"]
# Most urgent first, then by age (no age last): urgent, urgent, soon, routine.
RED_FLAGS = ["stiff-legs", "losing-skills", "no-movement", "one-side"]

#: Caption -> the entries the list must show, in order (type, the type's rank, age, title).
EXPECTED = {
    "Everything": MILESTONES + TIPS + RED_FLAGS,
    "All red flags": RED_FLAGS,
    # :tags: is any-of and case-insensitive ("Play" on floor-mirror).
    "Tagged play or surfaces": ["floor-mirror", "bare-knees", "sofa-cruise"],
    # :age: keeps entries whose age overlaps; entries without an age apply at every age,
    # and "by 12 months" applies from 12 months on (not before).
    "Around 7 months": ["bare-knees", "let-them-be", "stiff-legs", "losing-skills", "one-side"],
    # Open-ended on both sides: "11+ months" against "10+ months" and "12+ months".
    "From 11 months on": [
        "climbs-stairs",
        "sofa-cruise",
        "let-them-be",
        "losing-skills",
        "no-movement",
        "one-side",
    ],
    "At 13 months": ["climbs-stairs", "sofa-cruise", "let-them-be", "losing-skills", "no-movement"],
    "Tips and flags about play or movement at 5-7 months": ["floor-mirror", "one-side"],
    "Milestone cards": MILESTONES,
    "Early red flags checklist": ["stiff-legs", "losing-skills"],
    "Nothing here": [],
    "All red flags checklist": RED_FLAGS,
    # :first: puts the named entries first, in the order given.
    "Red flags, one side first": ["one-side", "no-movement", "stiff-legs", "losing-skills"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("collections") / "src"))


@pytest.fixture(scope="module")
def entries(site: Build) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in site.crawl_json()["entries"]}


def lists(site: Build, page: str) -> dict[str, Any]:
    """Each rendered crawl-list of a page, by caption."""
    found = {}
    for block in site.main(page).find_all("div", class_="crawl-list"):
        caption = block.find("p", class_="rubric")
        assert caption is not None
        found[caption.get_text(strip=True)] = block
    return found


def shown_ids(block: Any, entries: dict[str, dict[str, Any]]) -> list[str]:
    by_url = {entry["url"]: entry_id for entry_id, entry in entries.items()}
    ids = []
    for a in block.find_all("a", href=True):
        assert a["href"] in by_url, f"{a['href']} is not an entry"
        entry_id = by_url[a["href"]]
        title = entries[entry_id]["title"]
        # Checklists link apart from the row that ticks: "Read more about <title>".
        assert " ".join(a.get_text(" ").split()) in (title, f"Read more about {title}")
        ids.append(entry_id)
    return ids


def test_every_list_of_the_page_is_rendered(site: Build) -> None:
    assert list(lists(site, "lists")) == list(EXPECTED)


@pytest.mark.parametrize("caption", list(EXPECTED))
def test_filters_select_and_order_entries(
    site: Build, entries: dict[str, dict[str, Any]], caption: str
) -> None:
    assert shown_ids(lists(site, "lists")[caption], entries) == EXPECTED[caption]


def test_links_point_to_the_defining_pages(site: Build, entries: dict[str, dict[str, Any]]) -> None:
    block = lists(site, "lists")["Everything"]
    for a in block.find_all("a", href=True):
        page, _, anchor = a["href"].partition("#")
        target = site.soup(page.removesuffix(".html")).find(id=anchor)
        assert target is not None, a["href"]
        assert "crawl-entry" in target["class"]
        assert a.get_text(strip=True) in target.get_text(" ")


def test_an_empty_selection_says_so(site: Build) -> None:
    block = lists(site, "lists")["Nothing here"]
    assert block.find("table") is None
    assert block.get_text(" ", strip=True) == "Nothing here No entries match."


def test_table_layout(site: Build, entries: dict[str, dict[str, Any]]) -> None:
    block = lists(site, "lists")["All red flags"]
    table = block.find("table")
    assert [th.get_text(strip=True) for th in table.find("thead").find_all("th")] == [
        "Entry",
        "Age",
        "Details",
    ]
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody("tr")]
    assert rows == [
        ["Stiff legs", "4-8 months", "Urgent: get help today"],
        ["Losing skills", "Any age", "Urgent: get help today"],
        ["Not moving by 12 months", "by 12 months", "Soon: book an appointment"],
        ["Uses one side only", "6-12 months", "Routine: mention it at the next check-up"],
    ]
    tips = lists(site, "lists")["Everything"].find("table").tbody("tr")
    details = {tr.td.get_text(strip=True): tr("td")[2].get_text(strip=True) for tr in tips}
    assert details["Mirror on the floor"] == entries["floor-mirror"]["text"]


def test_cards_layout(site: Build, entries: dict[str, dict[str, Any]]) -> None:
    block = lists(site, "lists")["Milestone cards"]
    assert block.find("table") is None
    cards = block.find("div", class_="crawl-card-grid").find_all("div", class_="crawl-list-card")
    assert len(cards) == len(MILESTONES)
    for card, entry_id in zip(cards, MILESTONES, strict=True):
        entry = entries[entry_id]
        assert card.find("p", class_="crawl-list-title").get_text(strip=True) == entry["title"]
        assert card.find("p", class_="crawl-meta").get_text(strip=True) == entry["age"]["label"]
        assert entry["text"] in card.get_text(" ")


@pytest.mark.parametrize("caption", ["Early red flags checklist", "All red flags checklist"])
def test_checklist_boxes_are_labelled_by_their_own_entry(
    site: Build, entries: dict[str, dict[str, Any]], caption: str
) -> None:
    page = site.main("lists")
    block = lists(site, "lists")[caption]
    items = block.find("ul", class_="crawl-checklist").find_all("li", recursive=False)
    assert len(items) == len(EXPECTED[caption])
    for item, entry_id in zip(items, EXPECTED[caption], strict=True):
        boxes = item.find_all("input")
        assert len(boxes) == 1
        box = boxes[0]
        assert box["type"] == "checkbox"
        # The label must be unique on the page, or assistive tech reads another item.
        labels = page.find_all(id=box["aria-labelledby"])
        assert len(labels) == 1, f"id {box['aria-labelledby']!r} is used {len(labels)} times"
        assert labels[0] in item.find_all(True)
        # The label only ticks; the item's separate "Read more" link goes to the entry.
        assert labels[0].find("a") is None
        assert item.find("a", class_="crawl-check-link")["href"] == entries[entry_id]["url"]
        assert entries[entry_id]["title"] in labels[0].get_text(" ")


def test_pages_have_unique_ids(site: Build) -> None:
    for page in site.pages():
        counts = Counter(el["id"] for el in site.soup(page).find_all(id=True))
        assert [i for i, n in counts.items() if n > 1] == [], page


def test_bad_filters_warn_and_fall_back(site: Build, entries: dict[str, dict[str, Any]]) -> None:
    bad = site.srcdir / "bad.md"
    type_line = line_of(bad, "{crawl-list} Bad type")
    age_line = line_of(bad, "{crawl-list} Bad age")
    layout_line = line_of(bad, "{crawl-list} Bad layout")
    first_line = line_of(bad, "{crawl-list} Bad first")
    warnings = sorted(site.crawl_warnings("filter"), key=lambda w: int(w.split(":")[1]))
    assert len(warnings) == 4, warnings
    assert warnings[0].startswith(f"<src>/bad.md:{type_line}: WARNING: ")
    assert "'gadget'" in warnings[0]
    assert warnings[1].startswith(f"<src>/bad.md:{age_line}: WARNING: ")
    assert "'sometime'" in warnings[1]
    assert warnings[2].startswith(f"<src>/bad.md:{layout_line}: WARNING: ")
    assert "'grid'" in warnings[2]
    assert warnings[3].startswith(f"<src>/bad.md:{first_line}: WARNING: ")
    assert "'no-such-entry'" in warnings[3]

    shown = lists(site, "bad")
    # The unknown type is dropped, the known one kept.
    assert shown_ids(shown["Bad type"], entries) == TIPS
    # An unreadable age filters nothing.
    assert shown_ids(shown["Bad age"], entries) == EXPECTED["Everything"]
    # An unknown layout falls back to a table.
    assert shown["Bad layout"].find("table") is not None
    assert shown_ids(shown["Bad layout"], entries) == MILESTONES
    # An unknown :first: id is skipped; the known one still leads.
    assert shown_ids(shown["Bad first"], entries) == ["hands-knees", "pushes-up", "climbs-stairs"]


# -- crawl-sources ------------------------------------------------------------------


def test_sources_page_lists_every_source_with_its_citing_entries(
    site: Build, entries: dict[str, dict[str, Any]]
) -> None:
    data = site.crawl_json()
    page = site.main("sources")
    blocks = page.find_all("div", class_="crawl-source")
    assert [b["id"] for b in blocks] == [f"source-{s['id']}" for s in data["sources"]]
    for block, source in zip(blocks, data["sources"], strict=True):
        assert block.find("p", class_="crawl-source-title").get_text(strip=True) == source["title"]
        by = block.find("p", class_="crawl-source-by").get_text(strip=True)
        assert by == ", ".join(p for p in (source["author"], source["publisher"]) if p)
        external = [a["href"] for a in block.find_all("a", class_="external")]
        assert external == ([source["url"]] if source["url"] else [])
        citing = [e for e in entries.values() if source["id"] in e["sources"]]
        assert source["cited_by"] == [e["id"] for e in citing]
        assert shown_ids(block.find("ul") or block, entries) == source["cited_by"]
        if not citing:
            assert "Not cited by any entry yet." in block.get_text(" ")


def test_the_uncited_source_is_listed_as_such(site: Build) -> None:
    block = site.main("sources").find(id="source-unused")
    assert block.find("a") is None
    assert "Not cited by any entry yet." in block.get_text(" ")


def test_entries_link_their_sources_to_the_sources_page(
    site: Build, entries: dict[str, dict[str, Any]]
) -> None:
    sources_page = site.soup("sources")
    titles = {s["id"]: s["title"] for s in site.crawl_json()["sources"]}
    checked = 0
    for entry in entries.values():
        page, _, anchor = entry["url"].partition("#")
        element = site.soup(page.removesuffix(".html")).find(id=anchor)
        line = element.find("p", class_="crawl-sources")
        if not entry["sources"]:
            assert line is None
            continue
        links = line.find_all("a", href=True)
        assert [a["href"] for a in links] == [f"sources.html#source-{k}" for k in entry["sources"]]
        assert [a.get_text(strip=True) for a in links] == [titles[k] for k in entry["sources"]]
        for key in entry["sources"]:
            assert sources_page.find(id=f"source-{key}") is not None
        checked += 1
    assert checked == 6
