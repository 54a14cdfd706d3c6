"""crawl-extend (issue 28, part 1): a project that imports the handbook adapts entries
defined elsewhere without copying them; pages, lists and crawl.json show the adapted
entry and where it came from; mistakes are located warnings; the result does not
depend on the order pages are read in, and incremental and ``-j 2`` builds equal a
clean serial one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sphinx_crawl.api import load
from tests.build_utils import Build, article, build, read_search_index, schema_of

CONF = """
project = "Clinic notes"
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_sources = {"clinic": {"title": "Clinic leaflet", "publisher": "Our clinic"}}
crawl_import_sources = {
    "handbook": {
        "location": "data/handbook.json",
        "base_url": "https://handbook.example.org/",
        "prefix": "hb-",
    },
}
"""

INDEX = """\
# Home

```{toctree}
imported
adapt
more
```

:::{tip-card} Our own tip
:id: own
:activity: setup
:source: clinic

A tip of this project.
:::

## Signs

:::{crawl-list}
:type: red-flag
:layout: checklist
:::
"""

IMPORTED = """\
# Imported

:::{crawl-import} handbook
:ids: stiff-limbs, one-side-weaker, floppy-muscle-tone, hands-and-knees-crawl
:::
"""

ADAPT = """\
# Our adaptations

:::{crawl-extend} hb-stiff-limbs
:action: Call the clinic's physio line; they see babies the same week.
:tags+: clinic
:source+: clinic
:::

:::{crawl-extend} hb-one-side-weaker
:action: Book with the clinic's pediatrician, and say which side.
:::
"""

MORE = """\
# More

:::{crawl-extend}
:types: red-flag
:tags: muscle-tone
:keywords+: clinic physio
:see+: own
:::

:::{crawl-extend} own
:safety: Stay with your baby.
:::
"""


def make_project(root: Path, handbook_json: Path, pages: dict[str, str] | None = None) -> Path:
    src = root / "src"
    (src / "data").mkdir(parents=True)
    shutil.copy(handbook_json, src / "data" / "handbook.json")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    texts = {"index.md": INDEX, "imported.md": IMPORTED, "adapt.md": ADAPT, "more.md": MORE}
    for name, text in {**texts, **(pages or {})}.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, handbook_json: Path) -> Build:
    return build(make_project(tmp_path_factory.mktemp("extend"), handbook_json))


def words(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_build_is_clean(site: Build) -> None:
    assert site.warnings() == []


def test_two_red_flags_show_the_adapted_action_and_where_they_came_from(
    site: Build, handbook_json: Path
) -> None:
    original = load(handbook_json)
    for entry_id, action in (
        ("stiff-limbs", "Call the clinic's physio line; they see babies the same week."),
        ("one-side-weaker", "Book with the clinic's pediatrician, and say which side."),
    ):
        flag = article(site, "imported", f"hb-{entry_id}")
        shown = words(flag.find(class_="crawl-callout-action"))
        assert shown == f"What to do: {action}"
        assert original.entry(entry_id).action not in words(flag)
        origin = flag.find(class_="crawl-imported-from")
        assert words(origin) == "Imported from: Crawling Backwards: a handbook for parents"
        adapted = origin.find_next_sibling("p")
        assert "crawl-adapted-by" in adapted["class"]
        assert words(adapted) == "Adapted by: Clinic notes"
        # The text and the title are the original's.
        assert flag.find(class_="crawl-title-text").get_text() == original.entry(entry_id).title
    # An entry nothing changed says nothing of an adaptation.
    assert (
        article(site, "imported", "hb-hands-and-knees-crawl").find(class_="crawl-adapted-by")
        is None
    )


def test_crawl_json_records_the_original_and_the_adaptation(
    site: Build, handbook_json: Path
) -> None:
    data = site.crawl_json()
    jsonschema.validate(data, schema_of(site))
    assert data["schema_version"] == "1.4"
    by_id = {e["id"]: e for e in data["entries"]}
    original = load(handbook_json).entry("stiff-limbs")
    flag = by_id["hb-stiff-limbs"]
    assert flag["action"] == "Call the clinic's physio line; they see babies the same week."
    assert flag["imported"]["from"] == "Crawling Backwards: a handbook for parents"
    assert flag["adapted"]["by"] == "Clinic notes"
    assert flag["adapted"]["original"]["action"] == original.action
    assert flag["adapted"]["adaptation"]["action"] == flag["action"]
    assert flag["tags"] == [*original.tags, "clinic"]
    assert flag["sources"] == [*original.sources, "clinic"]
    assert flag["keywords"][-1] == "clinic physio"
    assert flag["relations"]["see"][-1] == "own"
    assert "adapted" not in by_id["hb-hands-and-knees-crawl"]
    # The local tip, adapted on another page, gains its safety line.
    assert by_id["own"]["safety"] == "Stay with your baby."
    assert by_id["own"]["adapted"]["original"] == {"safety": None}
    # Back-links follow: the tip now lists the signs that point to it.
    assert "hb-stiff-limbs" in by_id["own"]["related_by"]["see"]
    sources = {s["id"]: s for s in data["sources"]}
    assert "hb-stiff-limbs" in sources["clinic"]["cited_by"]

    loaded = load(site.outdir / "crawl.json", validate=True)
    adapted = loaded.entry("hb-stiff-limbs").adapted
    assert adapted is not None
    assert adapted.by == "Clinic notes"
    assert adapted.original["action"] == original.action
    assert loaded.entry("hb-stiff-limbs").action == flag["action"]
    assert "adapted" not in loaded.entry("hb-stiff-limbs").fields


def test_lists_search_and_the_own_page_show_the_adapted_entries(site: Build) -> None:
    checklist = site.main("index").find(class_="crawl-list")
    assert "physio line" in words(checklist)
    index = read_search_index(site.text("crawl-searchindex.js"))
    assert "clinic" in index["words"]["k"]  # the keywords crawl-extend added are searched
    own = article(site, "index", "own")
    assert words(own.find(class_="crawl-callout-safety")) == "Safety: Stay with your baby."
    assert own.find(class_="crawl-adapted-by") is None  # this project's own entry
    back = own.find(class_="crawl-related-by-see")
    assert "imported.html#hb-stiff-limbs" in [a["href"] for a in back.find_all("a")]
    flag = article(site, "imported", "hb-stiff-limbs")
    see = [a["href"] for a in flag.find(class_="crawl-relation-see").find_all("a")]
    assert see[-1] == "index.html#own"


def test_a_changed_level_changes_the_badge_class_and_default_action(
    tmp_path: Path, handbook_json: Path
) -> None:
    """:urgency: makes a sign urgent: its class, badge and spoken prefix follow, and an
    action that was the level's default follows too; one written out stays."""
    page = """\
# Levels

:::{red-flag} A sign of this project
:id: local-sign
:urgency: soon
:source: clinic

Text.
:::

:::{crawl-extend} local-sign, hb-floppy-muscle-tone
:urgency: urgent
:::
"""
    src = make_project(tmp_path, handbook_json, {"adapt.md": page, "more.md": "# More\n"})
    site = build(src)
    assert site.warnings() == []
    local = article(site, "adapt", "local-sign")
    assert "crawl-urgency-urgent" in local["class"]
    assert "crawl-urgency-soon" not in local["class"]
    assert local["data-crawl-urgency"] == "urgent"
    assert words(local.find(class_="crawl-badge")) == "Urgent: get help today"
    assert "Urgent advice:" in words(local.find(class_="crawl-entry-title"))
    assert "Get help the same day" in words(local.find(class_="crawl-callout-action"))
    by_id = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert by_id["local-sign"]["adapted"]["original"]["urgency"] == "soon"
    assert by_id["local-sign"]["action"].startswith("Get help the same day")
    imported = by_id["hb-floppy-muscle-tone"]
    assert imported["urgency"] == "urgent"
    assert imported["action"] == imported["adapted"]["original"].get(
        "action", imported["action"]
    )  # written out in the handbook: kept


# -- what goes wrong -------------------------------------------------------------------

BROKEN = """\
# Broken

:::{crawl-extend} no-such-entry
:action: Call us.
:::

:::{crawl-extend} hb-stiff-limbs
:colour: blue
:urgency: asap
:::

:::{crawl-extend}
:action: Nothing chosen.
:::

:::{crawl-extend} own
:::

:::{crawl-extend} own
:action: A tip has no action.
:tags: x
:source+: nowhere
:::

:::{crawl-extend} hb-stiff-limbs
:action: Another action.
:::

:::{crawl-extend} hb-floppy-muscle-tone
:action: <script>alert(1)</script> **not bold** [x](javascript:alert(2))
:::
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory, handbook_json: Path) -> Build:
    src = make_project(
        tmp_path_factory.mktemp("broken"),
        handbook_json,
        {"more.md": "# More\n\n```{toctree}\nbroken\n```\n", "broken.md": BROKEN},
    )
    return build(src)


def test_each_problem_is_a_located_warning_and_the_build_goes_on(broken: Build) -> None:
    warnings = broken.crawl_warnings()
    assert all("Traceback" not in w for w in broken.warnings())

    def warned(page: str, line: int, *parts: str) -> bool:
        return any(
            w.startswith(f"<src>/{page}.md:{line}:") and all(p in w for p in parts)
            for w in warnings
        )

    assert warned("broken", 3, "'no-such-entry' names no entry", "[crawl.extend]")
    assert warned("broken", 7, ":colour: is not a field", "[crawl.extend]")
    assert warned("broken", 7, ":urgency: for 'hb-stiff-limbs'", "'asap'", "[crawl.field]")
    assert warned("broken", 12, "name an entry", "[crawl.extend]")
    assert warned("broken", 16, "no option changes anything", "[crawl.extend]")
    assert warned("broken", 19, "'own' has none of :tags: x", "[crawl.extend]")
    assert warned("broken", 19, "unknown source 'nowhere'", "[crawl.source]")
    # Two crawl-extend set one field differently: the first by page name is used, the
    # other is named, with the place of the one used.
    assert warned(
        "broken",
        25,
        ":action: of 'hb-stiff-limbs' is also set, differently, by the crawl-extend at",
        "adapt.md:3",
        "[crawl.extend]",
    )
    flag = article(broken, "imported", "hb-stiff-limbs")
    assert "physio line" in words(flag.find(class_="crawl-callout-action"))
    assert "crawl-urgency-soon" in flag["class"]


def test_what_an_author_writes_is_text(broken: Build) -> None:
    hostile = "<script>alert(1)</script> **not bold** [x](javascript:alert(2))"
    flag = article(broken, "imported", "hb-floppy-muscle-tone")
    assert flag.find("script") is None
    assert not [a for a in flag.find_all("a") if "javascript" in a.get("href", "")]
    assert words(flag.find(class_="crawl-callout-action")) == f"What to do: {hostile}"
    entry = {e["id"]: e for e in broken.crawl_json()["entries"]}["hb-floppy-muscle-tone"]
    assert entry["action"] == hostile
    assert "Another action." not in json.dumps(broken.crawl_json())  # the conflict's loser


# -- order, incremental and -j 2 ---------------------------------------------------------

APPEND_A = """\
# A

:::{crawl-extend} hb-stiff-limbs
:action+: From page a.
:tags+: from-a
:::
"""

APPEND_B = """\
# B

:::{crawl-extend} hb-stiff-limbs
:action+: From page b.
:tags+: from-b
:action: Set on page b.
:::
"""


def test_the_order_pages_are_read_in_does_not_matter(tmp_path: Path, handbook_json: Path) -> None:
    results = []
    for name, order in (("ab", "a\nb"), ("ba", "b\na")):
        index = INDEX.replace("adapt\nmore\n", f"{order}\n")
        src = make_project(
            tmp_path / name,
            handbook_json,
            {"index.md": index, "a.md": APPEND_A, "b.md": APPEND_B, "adapt.md": "# x\n"},
        )
        (src / "adapt.md").unlink()
        (src / "more.md").unlink()
        results.append(build(src))
    first, second = results
    assert first.crawl_json() == second.crawl_json()
    assert first.shown("imported") == second.shown("imported")
    flag = {e["id"]: e for e in first.crawl_json()["entries"]}["hb-stiff-limbs"]
    assert flag["action"] == "Set on page b. From page a. From page b."
    assert flag["tags"][-2:] == ["from-a", "from-b"]


def _no_build(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "_build"]


def _same(after: Build, clean: Build) -> None:
    assert after.crawl_json() == clean.crawl_json()
    assert after.text("crawl-searchindex.js") == clean.text("crawl-searchindex.js")
    for page in ("index", "imported", "adapt", "more"):
        assert after.shown(page) == clean.shown(page), page


@pytest.mark.parametrize(
    "edit",
    ["change the action", "remove the extension", "extend another entry"],
)
def test_an_incremental_build_equals_a_clean_one(
    tmp_path: Path, handbook_json: Path, edit: str
) -> None:
    src = make_project(tmp_path / "inc", handbook_json)
    build(src)
    adapt = src / "adapt.md"
    text = adapt.read_text(encoding="utf-8")
    if edit == "change the action":
        text = text.replace("the same week", "within two days")
    elif edit == "remove the extension":
        text = text.split(":::{crawl-extend} hb-one-side-weaker")[0]
    else:
        text = text.replace("hb-one-side-weaker", "hb-floppy-muscle-tone")
    adapt.write_text(text, encoding="utf-8")
    after = build(src)
    assert "imported" in after.written  # the page showing the entries is written again
    assert "index" in after.written  # and the list that shows them
    clean = build(shutil.copytree(src, tmp_path / "clean", ignore=_no_build))
    assert after.warnings() == clean.warnings() == []
    _same(after, clean)
    again = build(src)
    assert again.written == []  # nothing changed: nothing is written


def test_a_parallel_build_gives_what_a_serial_build_gives(
    tmp_path: Path, handbook_json: Path
) -> None:
    src = make_project(tmp_path / "serial", handbook_json)
    serial = build(src)
    parallel = build(shutil.copytree(src, tmp_path / "parallel", ignore=_no_build), parallel=2)
    assert json.dumps(parallel.crawl_json()) == json.dumps(serial.crawl_json())
    _same(parallel, serial)
