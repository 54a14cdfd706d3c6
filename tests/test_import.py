"""Entries from elsewhere (issue 15, part 1): a project imports from the handbook's own
crawl.json (as a file, and over HTTP) and from a YAML file, links to what it imported,
and gets them searched, filtered, collected and exported like its own entries."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from sphinx_crawl.api import load
from tests.build_utils import (
    Build,
    QuietHandler,
    article,
    build,
    read_search_index,
    schema_of,
    serving,
)

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
    "notes": "data/notes.yaml",
}
"""

NOTES = """\
project: Physio notes
sources:
  physio-2025:
    title: Notes from the physio team
    author: A. Physio
    url: https://physio.example.org/notes
entries:
  - type: tip
    id: bare-feet
    title: Bare feet on the floor
    age: 6-12 months
    text: |
      Socks slip on wooden floors.

      Bare feet grip better.
    source: physio-2025
    tags: [floor, grip]
    keywords: slippery floor, socks
    safety: Stay close while they practise.
  - type: red-flag
    id: arms-never-used
    title: Never uses one arm
    urgency: urgent
    age: 9 months
    source: physio-2025
    see: [bare-feet]
"""

INDEX = """\
# Home

```{toctree}
imported
```

:::{tip-card} Our own tip
:id: own
:source: clinic
:helps: hb-hands-and-knees-crawl

See {crawl:tip}`bare-feet` and {crawl:red-flag}`hb-stiff-limbs`.
:::

## Tips from everywhere

:::{crawl-list}
:type: tip
:::

## Sources

:::{crawl-sources}
:::
"""

IMPORTED = """\
# Imported

:::{crawl-import} handbook
:ids: stiff-limbs, hands-and-knees-crawl
:::

:::{crawl-import} notes
:::
"""


def make_project(root: Path, handbook_json: Path, pages: dict[str, str] | None = None) -> Path:
    src = root / "src"
    (src / "data").mkdir(parents=True)
    shutil.copy(handbook_json, src / "data" / "handbook.json")
    (src / "data" / "notes.yaml").write_text(NOTES, encoding="utf-8")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in {"index.md": INDEX, "imported.md": IMPORTED, **(pages or {})}.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, handbook_json: Path) -> Build:
    return build(make_project(tmp_path_factory.mktemp("import"), handbook_json))


def test_the_build_is_clean(site: Build) -> None:
    assert site.warnings() == []


def test_imported_entries_render_like_local_ones_and_say_where_from(
    site: Build, handbook_json: Path
) -> None:
    original = load(handbook_json).entry("stiff-limbs")
    flag = article(site, "imported", "hb-stiff-limbs")
    assert flag.find(class_="crawl-title-text").get_text() == original.title
    body = " ".join(flag.find(class_="crawl-entry-body").get_text().split())
    assert original.text == body.replace("\u2019", "'")  # docutils' smart quotes
    assert "crawl-urgency-" + original.urgency in flag["class"]
    assert flag.find(class_="crawl-badge").get_text().strip()  # the level in words
    action = flag.find(class_="crawl-callout-action").get_text()
    assert original.action in " ".join(action.split())
    origin = flag.find(class_="crawl-imported-from")
    link = origin.find("a")
    assert link.get_text() == "Crawling Backwards: a handbook for parents"
    assert link["href"] == "https://handbook.example.org/" + original.url
    # The original's sources, with their titles, listed on this project's sources page.
    cited = [a.get_text() for a in flag.find(class_="crawl-sources").find_all("a")]
    handbook_sources = load(handbook_json)
    assert cited == [handbook_sources.source(key).title for key in original.sources]

    tip = article(site, "imported", "bare-feet")
    assert [p.get_text() for p in tip.find(class_="crawl-entry-body").find_all("p")] == [
        "Socks slip on wooden floors.",
        "Bare feet grip better.",
    ]
    assert tip["data-crawl-age-min"] == "6"
    assert tip["data-crawl-age-max"] == "12"
    assert "Stay close while they practise." in tip.find(class_="crawl-callout-safety").get_text()
    assert tip.find(class_="crawl-imported-from").get_text(" ", strip=True).endswith("Physio notes")


def test_local_entries_link_to_imported_ones_and_links_show_both_ends(site: Build) -> None:
    own = article(site, "index", "own")
    hrefs = {a.get_text(): a["href"] for a in own.find(class_="crawl-entry-body").find_all("a")}
    assert hrefs == {
        "Bare feet on the floor": "imported.html#bare-feet",
        "Stiff or tight arms or legs": "imported.html#hb-stiff-limbs",
    }
    helps = own.find(class_="crawl-relation-helps")
    assert [a["href"] for a in helps.find_all("a")] == ["imported.html#hb-hands-and-knees-crawl"]
    milestone = article(site, "imported", "hb-hands-and-knees-crawl")
    back = milestone.find(class_="crawl-related-by-helps")
    assert "index.html#own" in [a["href"] for a in back.find_all("a")]
    # Within one file: the imported red flag's :see: and the tip's "Related signs".
    tip = article(site, "imported", "bare-feet")
    assert [a["href"] for a in tip.find(class_="crawl-related-by-see").find_all("a")] == [
        "#arms-never-used"
    ]


def test_imported_entries_are_collected_searched_and_exported(site: Build) -> None:
    listed = [a["href"] for a in site.main("index").find(class_="crawl-list").find_all("a")]
    assert "imported.html#bare-feet" in listed
    assert "#own" in listed

    index = read_search_index(site.text("crawl-searchindex.js"))
    ids = [row[2] for row in index["entries"]]
    assert {"hb-stiff-limbs", "bare-feet", "arms-never-used", "own"} <= set(ids)
    assert "slippery" in index["words"]["k"]  # the data file's keywords are searched

    data = site.crawl_json()
    jsonschema.validate(data, schema_of(site))
    by_id = {e["id"]: e for e in data["entries"]}
    assert by_id["hb-stiff-limbs"]["imported"] == {
        "from": "Crawling Backwards: a handbook for parents",
        "url": "https://handbook.example.org/red-flags.html#stiff-limbs",
    }
    assert by_id["hb-stiff-limbs"]["url"] == "imported.html#hb-stiff-limbs"
    assert by_id["bare-feet"]["imported"] == {"from": "Physio notes", "url": None}
    assert "imported" not in by_id["own"]
    assert by_id["arms-never-used"]["relations"] == {"see": ["bare-feet"]}
    assert by_id["own"]["relations"] == {"helps": ["hb-hands-and-knees-crawl"]}
    sources = {s["id"]: s for s in data["sources"]}
    assert sources["physio-2025"]["imported_from"] == "Physio notes"
    assert sources["physio-2025"]["cited_by"] == ["bare-feet", "arms-never-used"]
    assert "imported_from" not in sources["clinic"]

    loaded = load(site.outdir / "crawl.json", validate=True)
    assert loaded.entry("bare-feet").imported is not None
    assert loaded.entry("bare-feet").imported.project == "Physio notes"
    assert loaded.entry("own").imported is None
    assert loaded.source("physio-2025").imported_from == "Physio notes"


def test_the_sources_page_lists_the_imported_sources(site: Build) -> None:
    block = site.main("index").find(id="source-physio-2025")
    assert block is not None
    text = block.get_text(" ", strip=True)
    assert "Notes from the physio team" in text
    assert "Imported from: Physio notes" in text
    source_link = article(site, "imported", "bare-feet").find(class_="crawl-sources").find("a")
    assert source_link["href"] == "index.html#source-physio-2025"


def test_text_output_has_the_imported_entries(tmp_path: Path, handbook_json: Path) -> None:
    text_build = build(make_project(tmp_path, handbook_json), buildername="text")
    out = text_build.text("imported.txt")
    assert "Bare feet on the floor" in out
    assert "Imported from" in out
    assert "Stiff or tight arms or legs" in out


# -- what goes wrong -------------------------------------------------------------------

BROKEN = {
    "broken.yaml": """\
entries:
  - type: gadget
    title: Not a type here
  - type: red-flag
    title: Wrong level
    urgency: asap
    source: nowhere
  - type: tip
    title: "<script>alert(1)</script> [x](javascript:alert(2))"
    text: "<img src=x onerror=alert(3)> **not bold**"
    age: twelve months
    colour: blue
  - just text
""",
    "bad.json": '{"schema_version": "9.0", "project": "x"}',
    "notyaml.yaml": "entries: [\n  - : :\n",
}

BROKEN_PAGE = """\
# Broken

Before the imports.

:::{crawl-import} data/broken.yaml
:::

:::{crawl-import} data/bad.json
:::

:::{crawl-import} data/notyaml.yaml
:::

:::{crawl-import} data/missing.yaml
:::

:::{crawl-import} https://example.org/crawl.json
:::

:::{crawl-import} notes
:ids: bare-feet, no-such-entry
:prefix: Not A Prefix
:::

:::{crawl-import}
:::

After the imports.
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory, handbook_json: Path) -> Build:
    src = make_project(
        tmp_path_factory.mktemp("broken"),
        handbook_json,
        {"imported.md": IMPORTED + "\n```{toctree}\nbroken\n```\n", "broken.md": BROKEN_PAGE},
    )
    for name, text in BROKEN.items():
        (src / "data" / name).write_text(text, encoding="utf-8")
    return build(src)


def test_each_problem_is_a_located_warning_and_the_rest_is_imported(broken: Build) -> None:
    warnings = broken.crawl_warnings()
    assert all("Traceback" not in w for w in broken.warnings())

    def warned(line: int, *parts: str) -> bool:
        return any(
            w.startswith(f"<src>/broken.md:{line}:") and all(p in w for p in parts)
            for w in warnings
        )

    assert warned(5, "entries[0]", "'gadget' is not a content type", "[crawl.import]")
    assert warned(5, "entries[1]", ":urgency: 'asap'", "[crawl.field]")
    assert warned(5, "entries[1]", "source 'nowhere'", "[crawl.source]")
    assert warned(5, "entries[2]", "cannot read the age 'twelve months'", "[crawl.age]")
    assert warned(5, "entries[2]", "'colour' is not a field", "[crawl.field]")
    assert warned(5, "entries[3]", "expected a mapping", "[crawl.import]")
    assert warned(8, "schema_version: '9.0'", "nothing is imported", "[crawl.import]")
    assert warned(11, "not YAML", "[crawl.import]")
    assert warned(14, "no such file", "[crawl.import]")
    assert warned(17, "fetched only when it is named in crawl_import_sources", "[crawl.import]")
    assert warned(20, ":ids: 'no-such-entry'", "[crawl.import]")
    assert warned(20, ":prefix: 'Not A Prefix'", "[crawl.option]")
    assert warned(25, "name a file, or one of crawl_import_sources", "[crawl.import]")

    main = broken.main("broken")
    text = " ".join(main.get_text(" ").split())
    assert "Before the imports." in text
    assert "After the imports." in text
    assert main.find("article", id="wrong-level") is not None  # the level falls back
    hostile = main.find("article", class_="crawl-type-tip")
    assert hostile.find("script") is None
    assert hostile.find("img") is None
    assert not [a for a in hostile.find_all("a") if ":" in a.get("href", "")]
    assert "<script>alert(1)</script>" in hostile.find(class_="crawl-title-text").get_text()
    assert "**not bold**" in hostile.get_text()
    # The second import of the notes file on another page: its id is taken.
    assert any("duplicate crawl id 'bare-feet'" in w for w in broken.crawl_warnings("id"))


# -- over HTTP, cached -----------------------------------------------------------------


@pytest.fixture
def server(handbook_json: Path) -> Iterator[tuple[str, http.server.ThreadingHTTPServer]]:
    with serving(functools.partial(QuietHandler, directory=str(handbook_json.parent))) as found:
        yield found


def test_a_url_is_fetched_cached_and_used_when_the_host_is_down(
    tmp_path: Path, handbook_json: Path, server: tuple[str, http.server.ThreadingHTTPServer]
) -> None:
    base, httpd = server
    src = make_project(tmp_path, handbook_json)
    conf = CONF.replace('"location": "data/handbook.json",', f'"location": "{base}crawl.json",')
    conf = conf.replace('"base_url": "https://handbook.example.org/",', "")
    (src / "conf.py").write_text(conf, encoding="utf-8")

    first = build(src)
    assert first.warnings() == []
    origin = article(first, "imported", "hb-stiff-limbs").find(class_="crawl-imported-from")
    assert origin.find("a")["href"] == f"{base}red-flags.html#stiff-limbs"

    httpd.shutdown()
    httpd.server_close()
    again = build(src, freshenv=True)
    down = again.crawl_warnings("import")
    assert len(down) == 1
    assert "using the copy cached by an earlier build" in down[0]
    assert "conf.py:" in down[0]
    assert "crawl_import_sources['handbook']" in down[0]
    assert article(again, "imported", "hb-stiff-limbs") is not None

    shutil.rmtree(src / "_build")
    never = build(src)
    assert any("no copy is cached" in w for w in never.crawl_warnings("import"))
    assert never.main("imported").find("article", id="hb-stiff-limbs") is None
    assert never.main("imported").find("article", id="bare-feet") is not None


# -- incremental and -j 2 ----------------------------------------------------------------


def test_editing_the_data_file_rebuilds_what_shows_it_exactly(
    tmp_path: Path, handbook_json: Path
) -> None:
    src = make_project(tmp_path / "inc", handbook_json)
    build(src)
    notes = src / "data" / "notes.yaml"
    notes.write_text(NOTES.replace("Bare feet on the floor", "Barefoot play"), encoding="utf-8")
    after = build(src)
    assert "imported" in after.written
    assert "index" in after.written
    clean = build(shutil.copytree(src, tmp_path / "clean", ignore=_no_build))
    assert after.crawl_json() == clean.crawl_json()
    for page in ("index", "imported"):
        assert after.shown(page) == clean.shown(page)
    assert "Barefoot play" in after.main("index").get_text()


def test_parallel_build_gives_what_a_serial_build_gives(
    tmp_path: Path, handbook_json: Path
) -> None:
    src = make_project(tmp_path / "serial", handbook_json)
    serial = build(src)
    parallel = build(shutil.copytree(src, tmp_path / "parallel", ignore=_no_build), parallel=2)
    assert json.dumps(parallel.crawl_json()) == json.dumps(serial.crawl_json())
    assert parallel.text("crawl-searchindex.js") == serial.text("crawl-searchindex.js")


def _no_build(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "_build"]


def test_a_spanish_build_marks_english_imported_text_as_english(
    tmp_path: Path, handbook_json: Path
) -> None:
    src = make_project(tmp_path, handbook_json)
    es = build(src, confoverrides={"language": "es"})
    flag = article(es, "imported", "hb-stiff-limbs")
    assert flag.find(class_="crawl-title-text")["lang"] == "en"
    assert flag.find(class_="crawl-entry-body")["lang"] == "en"
    assert "Importado de" in flag.find(class_="crawl-imported-from").get_text()


PLUGIN_CONF = """
extensions = ["sphinx_crawl"]
from sphinx_crawl import ContentType, Field, Relation, register_content_type

STRINGS = {"type": "string"}

def steps(text):
    return [step.strip() for step in text.split(";") if step.strip()]

def setup(app):
    register_content_type(app, ContentType(
        name="activity", directive="activity-card", label="Activity", plural="Activities",
        fields=(Field("steps", converter=steps, schema={"type": "array", "items": STRINGS}),),
        relations=(Relation("practises", targets=("milestone",), label="Practises",
                            reverse_label="Activities to practise"),),
    ))
"""

PLUGIN_DATA = """\
entries:
  - type: milestone
    id: rolls
    title: Rolls over
    age: 4-6 months
  - type: activity
    id: roll-game
    title: The rolling game
    steps: [Lay the baby on a blanket, Tilt it slowly]
    practises: [rolls]
  - type: activity
    id: roll-game-text
    title: The rolling game, written as text
    steps: Lay the baby down; Tilt the blanket
    practises: rolls
"""


def test_a_plugin_type_imports_its_list_fields_and_links(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(PLUGIN_CONF, encoding="utf-8")
    (src / "data.yaml").write_text(PLUGIN_DATA, encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n\n.. crawl-import:: data.yaml\n", encoding="utf-8")
    site = build(src)
    assert site.crawl_warnings() == []
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert entries["roll-game"]["steps"] == ["Lay the baby on a blanket", "Tilt it slowly"]
    assert entries["roll-game-text"]["steps"] == ["Lay the baby down", "Tilt the blanket"]
    assert entries["roll-game"]["relations"] == {"practises": ["rolls"]}
    assert entries["rolls"]["related_by"] == {"practises": ["roll-game", "roll-game-text"]}
