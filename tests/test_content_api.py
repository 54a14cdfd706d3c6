"""The JSON content API: crawl.json, crawl.schema.json and sphinx_crawl.api.load."""

from __future__ import annotations

import copy
import json
import posixpath
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sphinx_crawl.api import load
from sphinx_crawl.core.ages import AgeRange
from tests.build_utils import COMMON_KEYS, Build, build, copy_root, copy_source, schema_of

TYPE_FIELDS = {"tip": [], "milestone": [], "red-flag": ["urgency", "action"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("api") / "src"))


def test_top_level_shape(site: Build) -> None:
    data = site.crawl_json()
    assert list(data) == [
        "schema_version",
        "project",
        "version",
        "language",
        "generator",
        "entries",
        "sources",
    ]
    assert data["project"] == "X Domain"
    assert data["version"] == ""  # Sphinx's release: the test project sets none
    assert data["language"] == "en"
    assert data["generator"].startswith("sphinx-crawl ")
    assert len(data["entries"]) == 11
    assert [s["id"] for s in data["sources"]] == ["kc", "who", "aap", "unused"]


def test_entry_keys_are_in_a_stable_order(site: Build) -> None:
    for record in site.crawl_json()["entries"]:
        expected = COMMON_KEYS + TYPE_FIELDS[record["type"]]
        # keywords may be left out; nothing else may be, and nothing may move.
        assert list(record) == [k for k in expected if k in record], record["id"]
        assert set(expected) - set(record) <= {"keywords"}, record["id"]


def test_urls_are_relative_with_the_entry_anchor(site: Build) -> None:
    for record in site.crawl_json()["entries"]:
        page, _, anchor = record["url"].partition("#")
        assert page == f"{record['docname']}.html"
        assert anchor == record["id"]
        assert "://" not in record["url"]
        assert not record["url"].startswith("/")
        element = site.soup(record["docname"]).find(id=anchor)
        assert element is not None
        assert record["title"] in element.get_text(" ")


def test_ages_are_min_max_label_kind_with_null_for_open_ends(site: Build) -> None:
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    # "by 12 months" is a deadline: it matters at 12 months and after, not before.
    assert entries["no-movement"]["age"] == {
        "min_months": 12,
        "max_months": None,
        "label": "by 12 months",
        "kind": "by",
    }
    assert entries["bare-knees"]["age"] == {
        "min_months": 6,
        "max_months": 10,
        "label": "6-10 months",
        "kind": "window",
    }
    assert entries["sofa-cruise"]["age"] == {
        "min_months": 10,
        "max_months": None,
        "label": "10+ months",
        "kind": "from",
    }
    assert entries["climbs-stairs"]["age"]["max_months"] is None
    assert entries["losing-skills"]["age"] is None
    assert entries["let-them-be"]["age"] is None
    for record in entries.values():
        if record["age"] is not None:
            assert list(record["age"]) == ["min_months", "max_months", "label", "kind"]


def test_type_fields_and_text(site: Build) -> None:
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert entries["losing-skills"]["urgency"] == "urgent"
    assert entries["losing-skills"]["action"] == "Call your pediatrician today."
    # The action defaults to the level's usual advice.
    assert entries["one-side"]["action"].startswith("Mention it")
    assert entries["floor-mirror"]["tags"] == ["Play"]
    assert entries["floor-mirror"]["keywords"] == ["reflection", "tummy time"]
    assert entries["floor-mirror"]["text"] == "Put a mirror at eye level."
    assert entries["no-movement"]["sources"] == ["kc", "who"]


def test_sources_record_who_cites_them(site: Build) -> None:
    data = site.crawl_json()
    sources = {s["id"]: s for s in data["sources"]}
    assert list(sources["kc"]) == [
        "id",
        "title",
        "publisher",
        "author",
        "url",
        "language",
        "cited_by",
    ]
    assert sources["kc"]["url"] == "https://example.org/kc"
    assert sources["who"]["author"] is None
    assert sources["unused"]["cited_by"] == []
    for key, source in sources.items():
        assert source["cited_by"] == [e["id"] for e in data["entries"] if key in e["sources"]]


def test_content_validates_against_its_schema(site: Build) -> None:
    schema = schema_of(site)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = site.crawl_json()
    assert list(validator.iter_errors(data)) == []

    # The schema is not vacuous: each of these breaks it.
    broken = []
    bad_urgency = copy.deepcopy(data)
    next(e for e in bad_urgency["entries"] if e["type"] == "red-flag")["urgency"] = "whenever"
    broken.append(bad_urgency)
    stray_key = copy.deepcopy(data)
    stray_key["entries"][0]["colour"] = "red"
    broken.append(stray_key)
    bad_age = copy.deepcopy(data)
    next(e for e in bad_age["entries"] if e["age"])["age"] = {"min_months": 3}
    broken.append(bad_age)
    no_title = copy.deepcopy(data)
    del no_title["entries"][0]["title"]
    broken.append(no_title)
    for document in broken:
        assert not validator.is_valid(document)


def test_load_returns_typed_objects(site: Build) -> None:
    handbook = load(site.outdir / "crawl.json", validate=True)
    assert handbook.project == "X Domain"
    flag = handbook.entry("no-movement")
    assert flag.type == "red-flag"
    assert flag.title == "Not moving by 12 months"
    assert flag.url == "flags.html#no-movement"
    assert isinstance(flag.age, AgeRange)
    assert flag.age == AgeRange(12, None, "by 12 months", "by")
    assert flag.urgency == "soon"
    assert flag.sources == ("kc", "who")
    assert handbook.entry("sofa-cruise").age == AgeRange(10, None, "10+ months", "from")
    assert handbook.entry("losing-skills").age is None
    assert [e.id for e in handbook.entries_of("milestone")] == [
        "hands-knees",
        "pushes-up",
        "climbs-stairs",
    ]
    urgent = [e.title for e in handbook.entries_of("red-flag") if e.urgency == "urgent"]
    assert urgent == ["Losing skills", "Stiff legs"]
    assert handbook.source("kc").cited_by == ("no-movement", "pushes-up", "bare-knees")
    with pytest.raises(AttributeError):
        _ = handbook.entry("bare-knees").urgency


def test_load_with_validate_rejects_a_broken_file(site: Build, tmp_path: Any) -> None:
    data = site.crawl_json()
    data["entries"][0]["type"] = "gadget"
    (tmp_path / "crawl.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "crawl.schema.json").write_text(site.text("crawl.schema.json"), encoding="utf-8")
    with pytest.raises(jsonschema.ValidationError):
        load(tmp_path / "crawl.json", validate=True)


def test_two_clean_builds_write_identical_files(
    site: Build, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = build(copy_root("cross-page", tmp_path_factory.mktemp("api-again") / "src"))
    for name in ("crawl.json", "crawl.schema.json"):
        assert (again.outdir / name).read_bytes() == (site.outdir / name).read_bytes()


def test_references_in_entry_text_read_as_the_titles_they_link_to(tmp_path: Any) -> None:
    """In crawl.json (and the search index and JSON-LD built from the same data) a
    reference reads as the page shows it, not as the id the author typed."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'crawl_sources = {"kc": {"title": "The Lowdown", "author": "Dr. KC"}}\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text("# Home\n\n```{toctree}\ntips\nfaq\n```\n", encoding="utf-8")
    (tmp_path / "tips.md").write_text(
        "# Tips\n\n:::{tip-card} A mirror on the floor\n:id: floor-mirror\n\nSet it low.\n:::\n",
        encoding="utf-8",
    )
    (tmp_path / "faq.md").write_text(
        "# FAQ\n\n:::{question} How can I help?\n:id: help\n\n"
        "Try {crawl:tip}`floor-mirror`, or {crawl:tip}`this one <floor-mirror>`, as"
        " {crawl:source}`kc` says; {crawl:tip}`no-such-tip` is not there.\n"
        "Odd marks \ue000tip\ue001x\ue000 stay plain text.\n:::\n",
        encoding="utf-8",
    )
    site = build(tmp_path)
    answer = {e["id"]: e for e in site.crawl_json()["entries"]}["help"]["text"]
    assert answer == (
        "Try A mirror on the floor, or this one, as The Lowdown says; no-such-tip is not"
        " there. Odd marks tipx stay plain text."
    )
    assert "How can I help?" in site.text("faq.html")
    assert "Try A mirror on the floor" in site.text("faq.html")  # the FAQ's JSON-LD


def test_the_reserved_field_names_are_every_key_an_entry_record_has() -> None:
    """No field may take a key crawl.json gives every entry: the list the registry refuses
    is the one the record and the schema are made with."""
    from sphinx_crawl.core.content_types import COMMON_OPTIONS, RESERVED_FIELD_NAMES
    from sphinx_crawl.core.schema import build_schema, entry_record
    from sphinx_crawl.types import ContentType, ContentTypeRegistry, Field

    kind = ContentType(
        name="kind", directive="kind-card", label="K", plural="Ks", fields=(Field("colour"),)
    )
    entry: Any = {
        "id": "x",
        "type": "kind",
        "title": "X",
        "docname": "index",
        "anchor": "x",
        "lineno": 1,
        "age": None,
        "tags": [],
        "sources": [],
        "keywords": [],
        "text": "",
        "fields": {"colour": "red"},
        "relations": {},
        "imported": {"project": "P", "url": None},
        "adapted": {"by": "P", "original": {}, "adaptation": {}},
    }
    record = entry_record(entry, "index.html#x", kind)
    assert set(RESERVED_FIELD_NAMES) == (set(record) - {"colour"}) | set(COMMON_OPTIONS)
    registry = ContentTypeRegistry()
    registry.add(kind)
    schema = build_schema(registry)["$defs"]["entry-kind"]["properties"]
    assert set(schema) - {"colour"} == set(record) - {"colour"}


def test_the_language_is_a_bcp_47_tag_as_in_the_pages(tmp_path: Path) -> None:
    """Sphinx spells a region with '_' (pt_BR); crawl.json, its schema and the pages' lang
    attribute say pt-BR, and a previous crawl.json that said pt_BR is the same edition."""
    src = copy_root("cross-page", tmp_path / "src")
    first = build(src, confoverrides={"language": "pt_BR"})
    data = first.crawl_json()
    assert data["language"] == "pt-BR"
    page = first.soup("index").html
    assert page is not None
    assert page["lang"] == "pt-BR"
    validator = jsonschema.Draft202012Validator(schema_of(first))
    assert list(validator.iter_errors(data)) == []
    assert load(first.outdir / "crawl.json", validate=True).language == "pt-BR"
    # An older build's crawl.json said "pt_BR": still this edition, compared.
    data["language"] = "pt_BR"
    (tmp_path / "previous.json").write_text(json.dumps(data), encoding="utf-8")
    again = build(
        copy_source(src, tmp_path / "again"),
        confoverrides={"language": "pt_BR", "crawl_previous": str(tmp_path / "previous.json")},
    )
    assert again.crawl_warnings() == first.crawl_warnings()
    assert json.loads(again.text("crawl-changes.json"))["language"] == "pt-BR"


TITLES_RST = """\
Titles
======

.. |sub| replace:: SUBST

.. tip-card:: Footnote [#f1]_ and |sub|
   :id: marked

   A body with |sub| in it [#f1]_.

.. tip-card:: Self ref :crawl:tip:`selfref` here
   :id: selfref

   Body.

.. tip-card:: Any ref :any:`anyself` there
   :id: anyself

   See :crawl:tip:`selfref`.

.. [#f1] A footnote.
"""

TITLES_MD = """\
# More

:::{tip-card} MyST ref [](#mystself) too
:id: mystself

Body.
:::
"""


def titles_everywhere(site: Build) -> dict[str, dict[str, str]]:
    """Each entry's title as the page's heading, crawl.json, the entry search, the tips'
    index page and objects.inv give it."""
    from sphinx.util.inventory import InventoryFile

    from tests.build_utils import read_search_index

    found: dict[str, dict[str, str]] = {}
    for entry in site.crawl_json()["entries"]:
        page, anchor = entry["url"].split(".html#")
        heading = site.main(page).find("article", id=anchor).find(class_="crawl-entry-title")
        found[entry["id"]] = {"json": entry["title"], "html": " ".join(heading.get_text().split())}
    search = read_search_index(site.text("crawl-searchindex.js"))
    for row in search["entries"]:
        found[row[2]]["search"] = row[0]
    for link in site.main("crawl-tips").select("table.indextable a[href]"):
        found[link["href"].partition("#")[2]]["index"] = link.get_text()
    with (site.outdir / "objects.inv").open("rb") as stream:
        # InventoryFile.load (Sphinx 8.0 and later; .loads only from 8.2): name ->
        # (project, version, uri, display name), a tuple or, from 8.2, a named one.
        inventory = InventoryFile.load(stream, "", posixpath.join)
    for entry_id, item in inventory["crawl:tip"].items():
        found[entry_id]["objects.inv"] = str(getattr(item, "display_name", None) or item[3])
    return found


def test_titles_read_as_shown_after_substitutions_and_without_self_reference(
    tmp_path: Path,
) -> None:
    """A title's plain text is what the reader sees: substitutions made, no footnote
    number; a link in a title to its own entry shows the id once (it cannot show the
    title it is part of), in the page, crawl.json, the search, the index and
    objects.inv alike."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text(
        TITLES_RST + "\n.. toctree::\n\n   more\n", encoding="utf-8"
    )
    (tmp_path / "more.md").write_text(TITLES_MD, encoding="utf-8")
    site = build(tmp_path)
    assert site.warnings() == []
    expected = {
        "marked": ("Footnote [1] and SUBST", "Footnote and SUBST"),
        "selfref": ("Self ref selfref here", "Self ref selfref here"),
        "anyself": ("Any ref anyself there", "Any ref anyself there"),
        "mystself": ("MyST ref mystself too", "MyST ref mystself too"),
    }
    found = titles_everywhere(site)
    for entry_id, (html, plain) in expected.items():
        assert found[entry_id] == {
            "html": html,
            "json": plain,
            "search": plain,
            "index": plain,
            "objects.inv": plain,
        }, entry_id
    texts = {e["id"]: e["text"] for e in site.crawl_json()["entries"]}
    assert texts["marked"] == "A body with SUBST in it."
    assert texts["anyself"] == "See Self ref selfref here."
