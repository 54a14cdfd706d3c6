"""A content type from a plugin goes everywhere a built-in one does.

``tests/plugins/crawl_activity`` registers an ``activity`` type (directive
``activity-card``, fields ``duration`` and ``energy``) through the public
``register_content_type`` API only. ``tests/roots/test-plugin`` uses it, with
mistakes on ``errors.md``; ``tests/roots/test-plugin-clean`` uses it without any;
``tests/roots/test-entry-point`` gets it from a package's entry point instead.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sphinx_crawl import types
from sphinx_crawl.api import load
from tests.build_utils import COMMON_KEYS, Build, build, copy_root, load_inventory, schema_of

PLUGINS = Path(__file__).parent / "plugins"


@pytest.fixture(scope="module")
def clean_plugin(tmp_path_factory: pytest.TempPathFactory) -> Build:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS))
        return build(copy_root("plugin-clean", tmp_path_factory.mktemp("clean") / "src"))


@pytest.fixture(scope="module")
def plugin(tmp_path_factory: pytest.TempPathFactory) -> Build:
    # conf.py finds the plugin relative to tests/, which a copy of the root cannot.
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS))
        return build(copy_root("plugin", tmp_path_factory.mktemp("plugin") / "src"))


def text_of(element: Any) -> str:
    return " ".join(element.get_text(" ").split())


def test_activity_card_renders_like_any_entry(plugin: Build) -> None:
    card = plugin.main("index").find("article", id="tunnel-chase")
    assert card is not None
    assert {"crawl-entry", "crawl-type-activity", "activity-lively"} <= set(card["class"])
    assert card["data-crawl-type"] == "activity"
    assert (card["data-crawl-age-min"], card["data-crawl-age-max"]) == ("8", "12")
    # The energy is a choice field, so it is exposed for filtering as well.
    assert card["data-crawl-energy"] == "lively"
    heading = card.find(class_="crawl-entry-title")
    assert text_of(heading).removesuffix("¶").strip() == "Tunnel chase"
    assert text_of(card.find(class_="crawl-badge")) == "10 minutes"
    assert text_of(card.find(class_="crawl-entry-body")) == "Crawl through a tunnel together."
    assert text_of(card.find(class_="crawl-age")) == "Age: 8-12 months"
    assert card.find(class_="crawl-sources") is not None


@pytest.mark.parametrize(
    ("line", "subtype", "words", "entry_id"),
    [
        (3, "field", ":duration: 500 minutes is not between 1 and 120", "marathon-crawl"),
        (13, "field", ":energy: 'wild' is not one of: calm, lively", "wild-energy"),
        (23, "option", "unknown option 'colour'", "painted-tunnel"),
    ],
)
def test_plugin_field_mistakes_are_located_warnings(
    plugin: Build, line: int, subtype: str, words: str, entry_id: str
) -> None:
    found = [w for w in plugin.warnings() if words in w]
    assert len(found) == 1, plugin.warnings()
    assert found[0].startswith(f"<src>/errors.md:{line}: WARNING: activity-card: ")
    assert found[0].endswith(f"[crawl.{subtype}]")
    # The entry and the text after it are still there.
    main = plugin.main("errors")
    assert f"Body of {entry_id}." in text_of(main.find("article", id=entry_id))
    assert f"After {entry_id}." in text_of(main)


def test_unknown_plugin_option_lists_the_plugin_fields(plugin: Build) -> None:
    (found,) = [w for w in plugin.warnings() if "unknown option 'colour'" in w]
    assert "(known: age, duration, energy, id, keywords, source, tags)" in found


def test_only_the_mistakes_warn(plugin: Build) -> None:
    assert len(plugin.warnings()) == 3
    logs = plugin.app.status.getvalue() + plugin.app.warning.getvalue()
    assert "Traceback" not in logs


def test_activity_is_in_crawl_json_with_its_fields(plugin: Build) -> None:
    entries = {e["id"]: e for e in plugin.crawl_json()["entries"]}
    chase = entries["tunnel-chase"]
    assert chase["type"] == "activity"
    assert chase["duration"] == 10
    assert chase["energy"] == "lively"
    assert chase["url"] == "index.html#tunnel-chase"
    # A value that failed its converter is left out rather than exported wrong.
    assert "duration" not in entries["marathon-crawl"]
    assert entries["wild-energy"]["duration"] == 5
    assert "energy" not in entries["wild-energy"]


def test_activity_is_in_the_schema(plugin: Build) -> None:
    schema = json.loads(plugin.text("crawl.schema.json"))
    activity = schema["$defs"]["entry-activity"]
    assert activity["properties"]["type"] == {"const": "activity"}
    assert activity["properties"]["duration"]["type"] == "integer"
    assert activity["properties"]["energy"]["enum"] == ["calm", "lively"]
    refs = [item["$ref"] for item in schema["properties"]["entries"]["items"]["oneOf"]]
    assert "#/$defs/entry-activity" in refs
    # The valid entry alone validates against its type's shape.
    chase = next(e for e in plugin.crawl_json()["entries"] if e["id"] == "tunnel-chase")
    jsonschema.Draft202012Validator({**activity, "$defs": schema["$defs"]}).validate(chase)


def test_crawl_json_validates_even_after_warnings(plugin: Build) -> None:
    schema = json.loads(plugin.text("crawl.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(plugin.crawl_json())


def test_activity_has_its_domain_index(plugin: Build) -> None:
    soup = plugin.soup("crawl-activities")
    assert "Activities by energy" in text_of(soup.find("h1"))
    links = {a["href"]: text_of(a) for a in soup.select("table a[href]")}
    assert links["index.html#tunnel-chase"] == "Tunnel chase"
    assert links["errors.html#marathon-crawl"] == "Marathon crawl"
    headings = [text_of(strong) for strong in soup.select("tr.cap strong")]
    assert "lively" in headings


def test_crawl_list_collects_activities(plugin: Build) -> None:
    listing = plugin.main("index").find(class_="crawl-list")
    links = [a["href"] for a in listing.find_all("a", href=True)]
    assert sorted(links) == [
        "#tunnel-chase",
        "errors.html#marathon-crawl",
        "errors.html#painted-tunnel",
        "errors.html#wild-energy",
    ]
    chase = listing.find("a", href="#tunnel-chase").find_parent(class_="crawl-list-card")
    assert "10 minutes" in text_of(chase.find(class_="crawl-meta"))


def test_activity_role_links_with_the_title(plugin: Build) -> None:
    paragraph = next(p for p in plugin.main("index").find_all("p") if text_of(p).startswith("See "))
    link = paragraph.find("a", href="#tunnel-chase")
    assert link is not None
    assert text_of(link) == "Tunnel chase"


@pytest.mark.parametrize(
    ("name", "directive"),
    [("Activity", "activity-card"), ("activity", "activity card"), ("-x", "x")],
)
def test_content_type_names_must_be_slugs(name: str, directive: str) -> None:
    from sphinx.errors import ExtensionError

    from sphinx_crawl.types import ContentType, ContentTypeRegistry

    with pytest.raises(ExtensionError, match="lowercase slug"):
        ContentTypeRegistry().add(
            ContentType(name=name, directive=directive, label="X", plural="Xs")
        )


# -- a plugin content type goes everywhere a built-in one does ----------------------------


def test_plugin_type_renders_through_the_generic_directive(clean_plugin: Build) -> None:
    card = clean_plugin.main("games").find(id="tunnel-chase")
    assert card.name == "article"
    assert {"crawl-entry", "crawl-type-activity", "activity-lively"} <= set(card["class"])
    assert card["data-crawl-type"] == "activity"
    assert "10 minutes" in card.get_text(" ")
    assert clean_plugin.warnings() == []


def test_plugin_type_is_a_domain_object(clean_plugin: Build) -> None:
    links = [
        (a.get_text(), a["href"]) for a in clean_plugin.main("more").find_all("p")[0].find_all("a")
    ]
    assert links == [
        ("Tunnel chase", "games.html#tunnel-chase"),
        ("Pillow hill", "games.html#pillow-hill"),
    ]
    inv = load_inventory((clean_plugin.outdir / "objects.inv").read_bytes())
    assert set(inv.data["crawl:activity"]) == {"tunnel-chase", "pillow-hill"}
    assert inv.data["crawl:activity"]["tunnel-chase"].display_name == "Tunnel chase"
    listed = clean_plugin.main("more").find("div", class_="crawl-list")
    assert [a["href"] for a in listed.find_all("a")] == [
        "games.html#pillow-hill",
        "games.html#tunnel-chase",
    ]


def test_plugin_type_has_its_own_index(clean_plugin: Build) -> None:
    table = clean_plugin.main("crawl-activities").find("table", class_="indextable")
    groups: list[tuple[str, list[str]]] = []
    for row in table.find_all("tr"):
        if "pcap" in (row.get("class") or []):
            continue
        if "cap" in (row.get("class") or []):
            groups.append((row.get_text(strip=True), []))
        else:
            groups[-1][1].append(row.find("a")["href"])
    assert groups == [
        ("calm", ["games.html#pillow-hill"]),
        ("lively", ["games.html#tunnel-chase"]),
    ]


def test_plugin_type_in_json_and_schema(clean_plugin: Build) -> None:
    data = clean_plugin.crawl_json()
    records = {e["id"]: e for e in data["entries"]}
    assert list(records["tunnel-chase"]) == [*COMMON_KEYS, "duration", "energy"]
    assert records["tunnel-chase"]["duration"] == 10
    assert records["tunnel-chase"]["energy"] == "lively"
    assert "energy" not in records["pillow-hill"]
    assert records["pillow-hill"]["age"] == {
        "min_months": 7,
        "max_months": None,
        "label": "7+ months",
        "kind": "from",
    }

    schema = schema_of(clean_plugin)
    activity = schema["$defs"]["entry-activity"]
    assert activity["properties"]["type"] == {"const": "activity"}
    assert activity["properties"]["duration"]["type"] == "integer"
    assert activity["properties"]["energy"]["enum"] == ["calm", "lively"]
    # duration is required of authors but has no default: a bad value leaves it out.
    assert "duration" not in activity["required"]
    assert "energy" not in activity["required"]
    assert "urgency" in schema["$defs"]["entry-red-flag"]["required"]
    refs = [ref["$ref"] for ref in schema["properties"]["entries"]["items"]["oneOf"]]
    assert "#/$defs/entry-activity" in refs
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(data)) == []
    records["tunnel-chase"]["duration"] = "ten"
    assert not validator.is_valid(data)

    handbook = load(clean_plugin.outdir / "crawl.json", validate=True)
    assert handbook.entry("tunnel-chase").duration == 10
    assert handbook.entry("tunnel-chase").energy == "lively"


# -- a type published under the entry-point group, not listed in extensions ------------


@pytest.fixture
def published_activity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend an installed distribution declares the entry point."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    published = EntryPoint(
        name="activity", value="crawl_activity:ACTIVITY", group=types.ENTRY_POINT_GROUP
    )

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [published] if group == types.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(types, "entry_points", fake_entry_points)


@pytest.mark.usefixtures("published_activity")
def test_entry_point_type_gets_directive_index_and_json(tmp_path: Path) -> None:
    site = build(copy_root("entry-point", tmp_path / "src"))
    assert site.warnings() == []
    card = site.main("index").find("article", id="pillow-mountain")
    assert card is not None
    assert "crawl-type-activity" in card["class"]
    assert "15 minutes" in card.get_text()
    record = next(e for e in site.crawl_json()["entries"] if e["id"] == "pillow-mountain")
    assert record["type"] == "activity"
    assert record["duration"] == 15
    assert (site.outdir / "crawl-activities.html").is_file()
    assert "crawl_activity" in sys.modules


# -- names a plugin cannot take ------------------------------------------------------


@pytest.fixture
def crawl_app(tmp_path: Path, make_app: Any) -> Any:
    """A project with sphinx_crawl, for registering types as a plugin's setup does."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    return make_app("html", srcdir=src)


def activity(**changes: Any) -> Any:
    from sphinx_crawl.types import ContentType

    values: dict[str, Any] = {
        "name": "activity",
        "directive": "activity-card",
        "label": "Activity",
        "plural": "Activities",
        **changes,
    }
    return ContentType(**values)


def test_a_field_may_not_take_a_key_every_entry_has_in_crawl_json(crawl_app: Any) -> None:
    from sphinx.errors import ExtensionError

    from sphinx_crawl.core.content_types import RESERVED_FIELD_NAMES
    from sphinx_crawl.types import Field, register_content_type

    # Every key crawl.json gives an entry besides its fields, and every common option.
    assert set(RESERVED_FIELD_NAMES) == {*COMMON_KEYS, "imported", "adapted", "source"}
    for name in RESERVED_FIELD_NAMES:
        with pytest.raises(ExtensionError) as raised:
            register_content_type(crawl_app, activity(fields=(Field("energy"), Field(name))))
        # The extension that registered it (here, this test module), the type, the field.
        assert f"sphinx-crawl: {__name__}: content type 'activity': field {name!r}" in str(
            raised.value
        )
    register_content_type(crawl_app, activity(fields=(Field("activity-url"),)))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"directive": "tip-card"},
            "directive 'tip-card' is already the directive of content type 'tip'",
        ),
        # Sphinx registers its own 'note' from 8.1 on; docutils' before.
        ({"directive": "note"}, "directive 'note' is already a directive of "),
        ({"directive": "include"}, "directive 'include' is already a directive of "),
        ({"directive": "topic"}, "directive 'topic' is already a directive of docutils"),
        (
            {"directive": "crawl-list"},
            "directive 'crawl-list' is already a directive of sphinx-crawl",
        ),
        ({"directive": "glossary"}, "directive 'glossary' is already a directive of Sphinx's std"),
        ({"directive": "function"}, "directive 'function' is already a directive of Sphinx's py"),
        (
            {"index": "tips"},
            "index name 'tips' is already the index of content type 'tip' (crawl-tips.html)",
        ),
        ({"index": "../up"}, "index name '../up' must be a lowercase slug"),
    ],
)
def test_a_plugin_may_not_take_a_name_docutils_sphinx_or_a_type_has(
    crawl_app: Any, changes: dict[str, str], message: str
) -> None:
    from sphinx.errors import ExtensionError

    from sphinx_crawl.types import IndexSpec, get_registry, register_content_type

    if "index" in changes:
        changes = {"index": IndexSpec(changes["index"], "A", "a", lambda entry: [])}  # type: ignore[dict-item]
    before = get_registry(crawl_app).names()
    with pytest.raises(ExtensionError, match=re.escape(message)):
        register_content_type(crawl_app, activity(**changes))
    assert get_registry(crawl_app).names() == before


def test_a_type_of_another_type_s_directive_is_refused_by_the_core_registry() -> None:
    from sphinx_crawl.core.content_types import ContentTypeError, ContentTypeRegistry

    registry = ContentTypeRegistry()
    registry.add(activity())
    with pytest.raises(ContentTypeError, match="already the directive of content type"):
        registry.add(activity(name="game"))


GONE_PLUGIN = """
from sphinx_crawl import ContentType, Field, IndexSpec, register_content_type

GAME = ContentType(
    name="game", directive="game-card", label="Game", plural="Games", help="A game.",
    fields=(Field("energy", help="calm or lively", schema={"type": "string"}),),
    index=IndexSpec("games", "Games by energy", "games",
                    lambda e: [(e["fields"].get("energy") or "any", "any")]),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, GAME)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_a_plugin_taken_out_leaves_no_index_page_nor_its_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s54: with a plugin's content type gone (the plugin and its pages taken out), an
    incremental build left the type's index page and its label in objects.inv; a clean
    build has neither."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "gone_games_s54.py").write_text(GONE_PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(src))
    (src / "conf.py").write_text('extensions = ["gone_games_s54"]\n', encoding="utf-8")
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   games\n\n"
        ".. tip-card:: Bare knees\n   :id: bare\n\n   Socks.\n",
        encoding="utf-8",
    )
    (src / "games.rst").write_text(
        "Games\n=====\n\n.. game-card:: Chase\n   :id: chase\n   :energy: lively\n\n   Run.\n",
        encoding="utf-8",
    )
    first = build(src)
    assert (first.outdir / "crawl-games.html").exists()
    assert (
        "crawl-games"
        in load_inventory((first.outdir / "objects.inv").read_bytes()).data["std:label"]
    )
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "games.rst").unlink()
    (src / "index.rst").write_text(
        "Home\n====\n\n.. tip-card:: Bare knees\n   :id: bare\n\n   Socks.\n", encoding="utf-8"
    )
    again = build(src)
    assert not (again.outdir / "crawl-games.html").exists()
    labels = load_inventory((again.outdir / "objects.inv").read_bytes()).data["std:label"]
    assert "crawl-games" not in labels
    assert (again.outdir / "crawl-tips.html").exists()
