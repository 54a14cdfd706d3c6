"""The checklist layout as built: rows that tick, links apart, note fields, tools.

In HTML each item's row is a ``<label>`` holding the tick box and the entry's title
and level, so a tap on the title ticks the box; the link to the entry is a separate
"Read more" link, never inside the row; each item has a labelled note field and a
print-only copy of it; the list has a baby's-age field and a clear button. Note
fields and tools are hidden until crawl-checklist.js reveals them, so the page reads
fully without JavaScript. Text and LaTeX keep the plain "[ ] title" list.

The browser side (storage, printing, tap targets) is in tests/browser/test_checklist.py.
"""

from __future__ import annotations

from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.build_utils import Build, build, copy_root

# The two checklists of tests/roots/test-cross-page/lists.md, by caption.
EARLY = "Early red flags checklist"
ALL = "All red flags checklist"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("checklist") / "src"))


@pytest.fixture(scope="module")
def entries(site: Build) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in site.crawl_json()["entries"]}


def checklists(site: Build) -> dict[str, Any]:
    found = {}
    for block in site.main("lists").find_all("div", class_="crawl-list-checklist"):
        found[block.find("p", class_="rubric").get_text(strip=True)] = block
    return found


def items(block: Any) -> Any:
    return block.find("ul", class_="crawl-checklist").find_all("li", recursive=False)


def entry_of(item: Any, entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    href = item.find("a", class_="crawl-check-link")["href"]
    (entry,) = [e for e in entries.values() if e["url"] == href]
    return entry


def test_both_checklists_are_found(site: Build) -> None:
    assert set(checklists(site)) == {EARLY, ALL}


@pytest.mark.parametrize("caption", [EARLY, ALL])
def test_each_row_is_a_label_holding_the_box_and_title(
    site: Build, entries: dict[str, dict[str, Any]], caption: str
) -> None:
    page = site.main("lists")
    listed = items(checklists(site)[caption])
    assert listed
    for item in listed:
        entry = entry_of(item, entries)
        rows = item.find_all("label", class_="crawl-check-row")
        assert len(rows) == 1
        row = rows[0]
        boxes = row.find_all("input")
        assert len(boxes) == 1, "one box per row, inside the row's label"
        box = boxes[0]
        assert box["type"] == "checkbox"
        assert "crawl-check" in box["class"]
        # The title and level are the row's text, and the box's accessible name.
        label = page.find_all(id=box["aria-labelledby"])
        assert len(label) == 1
        assert label[0] in row.find_all(True)
        assert entry["title"] in label[0].get_text(" ")
        assert any(level in label[0].get_text() for level in ("Urgent", "Soon", "Routine"))
        # Nothing in the row navigates: a tap on the title ticks the box.
        assert row.find("a") is None
        assert row.find(class_="crawl-check-mark")["aria-hidden"] == "true"


@pytest.mark.parametrize("caption", [EARLY, ALL])
def test_the_entry_link_is_apart_from_the_row_and_named(
    site: Build, entries: dict[str, dict[str, Any]], caption: str
) -> None:
    for item in items(checklists(site)[caption]):
        entry = entry_of(item, entries)
        links = item.find_all("a")
        assert len(links) == 1
        link = links[0]
        assert link["href"] == entry["url"]
        assert link.find_parent("label") is None
        # Visible "Read more"; screen readers hear which entry it is about.
        assert " ".join(link.get_text(" ").split()) == f"Read more about {entry['title']}"
        hidden = link.find(class_="crawl-visually-hidden")
        assert hidden.get_text().strip() == f"about {entry['title']}"


@pytest.mark.parametrize("caption", [EARLY, ALL])
def test_each_item_has_a_labelled_note_field_and_print_copy(
    site: Build, entries: dict[str, dict[str, Any]], caption: str
) -> None:
    page = site.main("lists")
    for item in items(checklists(site)[caption]):
        entry = entry_of(item, entries)
        note = item.find("div", class_="crawl-check-note")
        assert note.has_attr("hidden"), "revealed by the script that keeps it"
        field = note.find("textarea")
        assert field is not None
        assert field.get_text() == ""
        assert int(field["maxlength"]) > 0
        labels = page.find_all("label", attrs={"for": field["id"]})
        assert len(labels) == 1
        assert " ".join(labels[0].get_text(" ").split()) == f"Notes about {entry['title']}"
        printed = item.find("p", class_="crawl-check-note-print")
        assert printed.has_attr("hidden")
        assert printed.find(class_="crawl-check-note-text") is not None


def test_keys_and_ids_are_unique_when_two_lists_share_entries(site: Build) -> None:
    blocks = checklists(site)
    shared = {
        box["data-crawl-key"]
        for block in blocks.values()
        for box in block.find_all("input", class_="crawl-check")
    }
    boxes = [box for block in blocks.values() for box in block.find_all("input")]
    # stiff-legs and losing-skills are on both lists: each box keeps its own state.
    assert len(shared) == len([b for b in boxes if b.get("type") == "checkbox"])
    assert all(key.startswith("lists:") for key in shared)
    assert {"lists:stiff-legs", "lists:stiff-legs-2"} <= shared
    counts = Counter(el["id"] for el in site.soup("lists").find_all(id=True))
    assert [i for i, n in counts.items() if n > 1] == []


def test_the_list_has_its_tools_hidden_until_the_script_runs(site: Build) -> None:
    for caption, block in checklists(site).items():
        top = block.find("div", class_="crawl-checklist-top")
        bottom = block.find("div", class_="crawl-checklist-bottom")
        assert top.has_attr("hidden"), caption
        assert bottom.has_attr("hidden"), caption
        assert top["data-page"] == "lists"
        assert "this device only" in top.get_text()
        assert "Nothing is sent anywhere" in top.get_text()
        age = top.find("input", attrs={"name": "checklist-age"})
        assert age["type"] == "text"
        assert block.find("label", attrs={"for": age["id"]}).get_text().startswith("Baby's age")
        button = bottom.find("button")
        assert button["type"] == "button"
        assert button.get_text() == "Clear my ticks and notes"
        assert bottom["data-confirm"].endswith("This cannot be undone.")
        assert bottom.find(attrs={"role": "status"}) is not None
        # Shown on paper only: the date (crawl.js) and the age, once entered.
        assert block.find("p", class_="crawl-print-only").find(class_="crawl-print-date")
        assert block.find("p", class_="crawl-print-age").has_attr("hidden")
        # The tools come before and after the list, not inside an item.
        children = [c for c in block.children if getattr(c, "name", None)]
        names = [" ".join(n for n in c.get("class", []) if n != "no-search") for c in children]
        assert names.index("crawl-checklist-tools crawl-checklist-top") < names.index(
            "crawl-checklist"
        )
        assert names[-1] == "crawl-checklist-tools crawl-checklist-bottom"


def test_no_controls_leak_into_the_search_index(site: Build) -> None:
    index = site.text("searchindex.js")
    for words in ("Clear my ticks", "Read more", "Notes about", "this device only"):
        assert words not in index


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_keep_a_plain_tick_list(
    tmp_path_factory: pytest.TempPathFactory, builder: str
) -> None:
    srcdir = copy_root("cross-page", tmp_path_factory.mktemp(f"checklist-{builder}") / "src")
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    out = Path(app.outdir)
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(out.glob("*.txt" if builder == "text" else "*.tex"))
    )
    assert "Traceback" not in app.warning.getvalue()
    for words in ("Read more", "Notes about", "Clear my ticks", "this device only", "Baby's age"):
        assert words not in text, f"{words!r} in {builder} output"
    if builder == "text":
        lines = [" ".join(line.replace("**", "").split()) for line in text.splitlines()]
        assert any(line.startswith("* [ ] Stiff legs") for line in lines), lines
        assert any(line.startswith("* [ ] Uses one side only") for line in lines)
    else:
        # LaTeX escapes the brackets: "{[} {]} ...Stiff legs".
        boxes = [line for line in text.splitlines() if line.startswith("{[} {]} ")]
        assert any("{Stiff legs}" in line for line in boxes), boxes
