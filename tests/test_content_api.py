"""The JSON content API: crawl.json, crawl.schema.json and sphinx_crawl.api.load."""

from __future__ import annotations

import copy
import json
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
