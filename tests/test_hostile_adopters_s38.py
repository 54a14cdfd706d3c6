"""What an independent check (helper s38) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix.

A plugin's field schema is what ``crawl.schema.json`` promises a program reading
``crawl.json``. A schema with rules beyond its type (``pattern``, ``minimum``) was not
checked: an author's ``:code: abc`` went into crawl.json, and every program validating
it was refused (``entries[0].code: 'abc' does not match '^[A-Z]{2}$'``). A schema that
was not JSON Schema at all made crawl.schema.json unusable for every handbook.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from sphinx_crawl.api import load
from sphinx_crawl.core.schema import SCHEMA_FILE
from tests.plugin_project import plugin_site

STRICT_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def leaky(value):
    return value.strip() if value.strip() != "low" else "lower-case"


DRILL = ContentType(
    name="drill", directive="drill-card", label="Drill", plural="Drills",
    fields=(
        Field("reps", converter=int, schema={"type": "integer", "minimum": 1, "maximum": 20}),
        Field("code", schema={"type": "string", "pattern": "^[A-Z]{2}$"}),
        Field("level", converter=leaky, schema={"type": "string", "pattern": "^[A-Z]+$"}),
    ),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, DRILL)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_a_value_breaking_a_field_schema_s_rules_is_the_author_s_located_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("strict_plugin", STRICT_PLUGIN),
        "Drills\n======\n\n"
        ".. drill-card:: Out of range\n   :reps: -5\n   :code: abc\n\n   Body one.\n\n"
        ".. drill-card:: Fine\n   :reps: 5\n   :code: AB\n   :level: HIGH\n\n   Body two.\n",
    )
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: drill-card: :reps: -5 is less than the minimum of 1; "
        "the field is left out [crawl.field]",
        "<src>/index.rst:4: WARNING: drill-card: :code: 'abc' does not match '^[A-Z]{2}$'; "
        "the field is left out [crawl.field]",
    ]
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert "reps" not in entries["out-of-range"]
    assert "code" not in entries["out-of-range"]
    assert (entries["fine"]["reps"], entries["fine"]["code"]) == (5, "AB")
    # What a program reading the handbook does: crawl.json holds to its own schema.
    handbook = load(site.outdir / "crawl.json", validate=True)
    assert [e.id for e in handbook.entries] == ["out-of-range", "fine"]
    page = site.main("index").get_text(" ", strip=True)
    assert "Body one." in page
    assert "Body two." in page


def test_a_converted_value_breaking_a_rule_is_left_out_and_crawl_json_stays_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin's converter reads ':level: low' as 'lower-case', which its own
    pattern refuses: a located warning at the entry, and crawl.json still validates."""
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("strict_plugin", STRICT_PLUGIN),
        "Drills\n======\n\n.. drill-card:: Low\n   :level: low\n\n   Body.\n",
    )
    [warning] = site.crawl_warnings()
    assert warning.startswith("<src>/index.rst:4: WARNING: drill-card: :level: ")
    assert warning.endswith("[crawl.field]")
    load(site.outdir / "crawl.json", validate=True)


@pytest.mark.parametrize(
    ("schema", "why"),
    [
        ({"type": "nonsense"}, "'nonsense' is not valid"),
        ({"minimum": "one"}, "'one' is not of type 'number'"),
        ("string", "str 'string' is not an object"),
    ],
)
def test_a_field_schema_that_is_not_json_schema_is_refused_at_registration(
    schema: object, why: str
) -> None:
    from sphinx_crawl.types import ContentType, ContentTypeRegistry, Field

    refused = "the schema of field 'level' is not a JSON Schema"
    with pytest.raises(ExtensionError, match=refused) as e:
        ContentTypeRegistry().add(
            ContentType(
                name="evil",
                directive="evil-card",
                label="Evil",
                plural="Evils",
                fields=(Field("level", schema=schema),),  # type: ignore[arg-type]
            )
        )
    assert why in str(e.value)


def test_every_built_in_field_schema_is_json_schema(tmp_path: Path) -> None:
    """The built-in types pass the same check (they register through it)."""
    from tests.build_utils import build, copy_root

    site = build(copy_root("basic", tmp_path / "src"))
    assert (site.outdir / SCHEMA_FILE).is_file()
    load(site.outdir / "crawl.json", validate=True)


def test_sphinx_s_opensearch_description_stays_xml(tmp_path: Path) -> None:
    """An adopter with ``html_use_opensearch`` (a Sphinx setting): Sphinx writes
    ``_static/opensearch.xml`` through the same page machinery as its HTML pages, and
    the "Emergency?" line was put before its ``<?xml ...?>``, so browsers could not read
    the file (ExpatError: junk after document element). The HTML pages keep the line."""
    import xml.dom.minidom

    from tests.build_utils import build, copy_root

    site = build(
        copy_root("emergency", tmp_path / "src"),
        confoverrides={"html_use_opensearch": "https://example.org/guide"},
    )
    opensearch = (site.outdir / "_static" / "opensearch.xml").read_text(encoding="utf-8")
    assert opensearch.startswith("<?xml")
    assert "crawl-" not in opensearch
    description = xml.dom.minidom.parseString(opensearch).documentElement
    assert description.tagName == "OpenSearchDescription"
    for page in ("index", "search", "genindex"):
        assert site.soup(page).select(".crawl-emergency-line"), page


@pytest.mark.parametrize(
    ("builder", "overrides", "icon"),
    [
        ("html", {}, "\u00b6"),
        # furo, pydata-sphinx-theme and shibuya set "#": their headings' links read "#".
        ("html", {"html_permalinks_icon": "#"}, "#"),
        # The adopter turned permalinks off: Sphinx's headings have none, nor do entries.
        ("html", {"html_permalinks": False}, None),
        # Sphinx's EPUB has none (an e-reader has no hover: a pilcrow beside each title).
        ("epub", {"version": "1", "copyright": "2026"}, None),
    ],
)
def test_entry_permalinks_follow_sphinx_s_permalink_settings(
    tmp_path: Path, builder: str, overrides: dict[str, object], icon: str | None
) -> None:
    from bs4 import BeautifulSoup

    from tests.build_utils import build, copy_root

    site = build(copy_root("basic", tmp_path / "src"), buildername=builder, confoverrides=overrides)
    suffix = ".xhtml" if builder == "epub" else ".html"
    page = BeautifulSoup((site.outdir / f"tips{suffix}").read_text(encoding="utf-8"), "html.parser")
    entry = page.find(id="bare-knees")
    assert entry is not None
    links = entry.select("a.crawl-permalink")
    sphinx_links = page.select("h1 a.headerlink")
    if icon is None:
        assert links == []
        assert sphinx_links == []
    else:
        assert [link.get_text() for link in links] == [icon]
        assert [link.get_text() for link in sphinx_links] == [icon]
    assert site.crawl_warnings() == []


KEPT_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type

ACT = ContentType(
    name="activity", directive="activity-card", label="Activity", plural="Activities",
    fields=(Field("minutes", default=lambda fields: "10"),),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, ACT)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
"""
#: The same plugin, upgraded: its field renamed, another default, a new version.
UPGRADED_PLUGIN = KEPT_PLUGIN.replace(
    'Field("minutes", default=lambda fields: "10")',
    ('Field("duration", default=lambda fields: "15 minutes")'),
).replace('"version": "1"', '"version": "2"')


def test_a_plugin_changed_between_builds_gives_what_a_clean_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An adopter's own plugin (docs/_ext/) edited, or an installed one upgraded, with
    conf.py and the pages unchanged: the rebuild kept every page as read with the old
    type (crawl.json said 'minutes': '10', and no warning for ':minutes:' the type no
    longer has), where a clean build said 'duration': '15 minutes' and warned."""
    import sys

    from tests.build_utils import build

    monkeypatch.syspath_prepend(str(tmp_path))
    plugin = tmp_path / "kept_plugin.py"
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'project = "P"\nextensions = ["sphinx_crawl", "kept_plugin"]\n', "utf-8"
    )
    (src / "index.rst").write_text(
        "Things\n======\n\n.. activity-card:: Tunnel\n   :minutes: 5\n\n   Crawl through.\n\n"
        ".. activity-card:: Rug\n\n   Roll on it.\n",
        "utf-8",
    )

    def built_with(source: str, srcdir: Path) -> tuple[list[dict[str, object]], list[str]]:
        plugin.write_text(source, encoding="utf-8")
        sys.modules.pop("kept_plugin", None)
        site = build(srcdir)
        entries = site.crawl_json()["entries"]
        return [{k: e.get(k) for k in ("id", "minutes", "duration")} for e in entries], [
            w for w in site.crawl_warnings() if "WARNING" in w
        ]

    before, _ = built_with(KEPT_PLUGIN, src)
    assert before == [
        {"id": "tunnel", "minutes": "5", "duration": None},
        {"id": "rug", "minutes": "10", "duration": None},
    ]
    rebuilt = built_with(UPGRADED_PLUGIN, src)
    clean_src = tmp_path / "clean"
    clean_src.mkdir()
    for name in ("conf.py", "index.rst"):
        (clean_src / name).write_text((src / name).read_text("utf-8"), "utf-8")
    clean = built_with(UPGRADED_PLUGIN, clean_src)
    assert rebuilt == clean
    assert clean[0] == [
        {"id": "tunnel", "minutes": None, "duration": "15 minutes"},
        {"id": "rug", "minutes": None, "duration": "15 minutes"},
    ]
    # Built again with nothing changed: nothing is read again.
    sys.modules.pop("kept_plugin", None)
    assert build(src).written == []


LIST_PAGE = (
    "Tips\n====\n\n"
    ".. tip-card:: Bare knees\n   :age: 6-10 months\n\n   Take off socks.\n\n"
    ".. crawl-list:: Tips for crawlers\n   :type: tip\n\n"
    ".. crawl-timeline:: When it matters\n"
)


def test_a_list_s_caption_is_offered_to_translators_and_translated(tmp_path: Path) -> None:
    """An adopter translating their handbook with gettext: a crawl-list's or a
    timeline's caption was in no .pot file, and stayed in the source language in every
    translated edition ('Tips for crawlers' above Spanish entries)."""
    from tests.build_utils import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'project = "P"\nextensions = ["sphinx_crawl"]\nlocale_dirs = ["locales"]\n', "utf-8"
    )
    (src / "index.rst").write_text(LIST_PAGE, "utf-8")
    pot = build(src, buildername="gettext").outdir / "index.pot"
    messages = pot.read_text(encoding="utf-8")
    assert 'msgid "Tips for crawlers"' in messages
    assert 'msgid "When it matters"' in messages

    catalog = src / "locales" / "es" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    (catalog / "index.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Tips for crawlers"\nmsgstr "Consejos para gateadores"\n\n'
        'msgid "When it matters"\nmsgstr "Cuándo importa"\n',
        "utf-8",
    )
    spanish = build(src, confoverrides={"language": "es"}, freshenv=True)
    captions = [r.get_text() for r in spanish.main("index").select("p.rubric")]
    assert captions == ["Consejos para gateadores", "Cuándo importa"]
    assert "Tips for crawlers" not in spanish.soup("index").get_text()
    english = build(src, freshenv=True)
    assert [r.get_text() for r in english.main("index").select("p.rubric")] == [
        "Tips for crawlers",
        "When it matters",
    ]
    assert "<!--" not in (english.outdir / "index.html").read_text(encoding="utf-8")


IFCONFIG_CONF = """
project = "P"
extensions = ["sphinx_crawl", "sphinx.ext.ifconfig"]

def setup(app):
    app.add_config_value("uk_edition", False, "env")
"""
IFCONFIG_PAGE = (
    "Tips\n====\n\n"
    ".. ifconfig:: uk_edition\n\n"
    "   .. tip-card:: Ask your health visitor\n      :id: uk-only\n\n      UK words.\n\n"
    ".. ifconfig:: builder == 'html'\n\n"
    "   .. tip-card:: On the web\n      :id: web-only\n\n      Web words.\n\n"
    ".. tip-card:: Everyone\n   :id: everyone\n\n   Body.\n\n"
    "See :crawl:tip:`uk-only`.\n\n"
    ".. crawl-list::\n   :type: tip\n"
)


@pytest.mark.parametrize("uk", [False, True])
def test_an_entry_in_a_false_ifconfig_is_nowhere(tmp_path: Path, uk: bool) -> None:
    """sphinx.ext.ifconfig removes a false block's content when the page is resolved:
    the entry was on no page, but crawl.json, the search, the list on the page and the
    link still had it, each a link to an anchor that was not there."""
    from tests.build_utils import build, read_search_index

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(IFCONFIG_CONF, "utf-8")
    (src / "index.rst").write_text(IFCONFIG_PAGE, "utf-8")
    # Built first the other way: the rebuild gives what a clean build gives.
    build(src, confoverrides={"uk_edition": not uk})
    site = build(src, confoverrides={"uk_edition": uk})
    expected = ["uk-only", "web-only", "everyone"] if uk else ["web-only", "everyone"]
    assert [e["id"] for e in site.crawl_json()["entries"]] == expected
    page = site.main("index")
    on_page = [a["id"] for a in page.select("article.crawl-entry")]
    assert on_page == expected
    linked = {a["href"] for a in page.select("a[href^='#']")} - {"#tips"}
    assert linked <= {f"#{entry}" for entry in expected} | {"#"}
    index = read_search_index((site.outdir / "crawl-searchindex.js").read_text("utf-8"))
    assert [row[2] for row in index["entries"]] == expected
    unknown = "reference to unknown crawl tip 'uk-only' [crawl.ref]"
    assert any(unknown in w for w in site.crawl_warnings()) is not uk


def test_generated_directives_name_what_they_do_not_take(tmp_path: Path) -> None:
    """crawl-schema (an adopter documenting the JSON API) and the other directives made
    from the code stopped at docutils' own error for an option or an argument they do
    not take ('maximum 1 argument(s) allowed, 3 supplied' for ':type: nope', 'no content
    permitted' for an argument), and crawl-baby read its options as content; each is
    now a located crawl warning, and the rest of the page is there."""
    from tests.build_utils import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('project = "P"\nextensions = ["sphinx_crawl"]\n', "utf-8")
    (src / "index.rst").write_text(
        "Reference\n=========\n\n"
        ".. crawl-schema:: crawl.json\n   :type: tip\n\n"
        ".. crawl-warning-types:: all\n\n"
        ".. crawl-layers::\n\n   stray text\n\n"
        ".. crawl-baby::\n   :name: Ana\n\n"
        "The end.\n",
        "utf-8",
    )
    site = build(src)
    assert [w for w in site.warnings() if "[docutils]" in w or "ERROR" in w] == []
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: crawl-schema: unknown option 'type' (it takes none) "
        "[crawl.option]",
        "<src>/index.rst:7: WARNING: crawl-warning-types takes no argument; 'all' is left "
        "out [crawl.option]",
        "<src>/index.rst:9: WARNING: crawl-layers takes no content; it is left out [crawl.content]",
        "<src>/index.rst:13: WARNING: crawl-baby: unknown option 'name' (it takes none) "
        "[crawl.option]",
    ]
    page = site.main("index")
    assert '"schema_version"' in page.get_text()
    assert page.select("table.crawl-warning-types")
    assert page.select("table.crawl-layers")
    assert "The end." in page.get_text()


LONG_WORD = "Kraftfahrzeughaftpflichtversicherungsbabykrabbelrueckwaertsbewegung"
LONG_URL = "https://example.org/" + "averyveryverylongpathwithoutanybreakpoints" * 2
LONG_WORDS_PAGE = f"""Top
===

.. milestone-table:: Table

   .. milestone:: {LONG_WORD}
      :age: 6 months
      :source: s

      Read {LONG_URL}

.. crawl-list::
   :layout: checklist

.. crawl-list::
   :layout: table

.. crawl-timeline::

.. crawl-sources::
"""


#: Opens each page at 375 px; prints, by page, how far it scrolls sideways and what of
#: the extension's parts (or Sphinx's index table) runs past the screen.
MEASURE_SIDEWAYS = r"""
import json, sys
from playwright.sync_api import sync_playwright
from tests.browser.support import CHROMIUM_ARGS
executable, url = sys.argv[1:]
PAST = (
    "() => [...document.querySelectorAll('[class*=\"crawl-\"] *, .indextable *')]"
    ".filter((el) => el.getClientRects().length && !el.closest('svg')"
    " && el.getBoundingClientRect().right > innerWidth + 1)"
    ".map((el) => el.tagName + ' ' + el.textContent.slice(0, 30))"
)
found = {}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 375, "height": 800})
    for path in ("index.html", "crawl-milestones.html"):
        page.goto(url + path)
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = 1; })")
        sideways = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        found[path] = [sideways, page.evaluate(PAST)]
    browser.close()
print(json.dumps(found))
"""


@pytest.mark.browser
def test_long_words_break_inside_tables_lists_and_sources_on_a_phone(tmp_path: Path) -> None:
    """A German compound as a milestone's title, a URL pasted into its text, a long
    source title: the milestone table, checklist, a list as a table, the timeline's
    table and the source list ran past a 375 px screen, and the page scrolled
    sideways (cards broke such words already); so did the milestones' index page."""
    from tests.browser.support import run_page_script
    from tests.build_utils import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'project = "P"\nextensions = ["sphinx_crawl"]\n'
        f'crawl_sources = {{"s": {{"title": "{LONG_WORD}Guide", "publisher": "P", '
        f'"url": "{LONG_URL}"}}}}\n',
        "utf-8",
    )
    (src / "index.rst").write_text(LONG_WORDS_PAGE, "utf-8")
    site = build(src)
    assert site.crawl_warnings() == []
    found = run_page_script(MEASURE_SIDEWAYS, site.outdir)
    assert found == {"index.html": [0, []], "crawl-milestones.html": [0, []]}


def test_a_crawl_extend_value_breaking_a_field_schema_s_rules_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same rules hold for a value a crawl-extend gives (':reps: 50' where the
    plugin allows 1 to 20): before, it went into crawl.json, which then failed its
    own schema."""
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("strict_plugin", STRICT_PLUGIN),
        "Drills\n======\n\n"
        ".. drill-card:: Fine\n   :reps: 5\n   :code: AB\n\n   Body.\n\n"
        ".. crawl-extend:: fine\n   :reps: 50\n   :code: xyz\n",
    )
    said = site.crawl_warnings()
    assert len(said) == 2
    assert ":reps: for 'fine' (a drill): 50 does not match the field's schema" in said[0]
    assert ":code: for 'fine' (a drill): 'xyz' does not match the field's schema" in said[1]
    handbook = load(site.outdir / "crawl.json", validate=True)
    assert [e.fields for e in handbook.entries] == [{"reps": 5, "code": "AB"}]


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"label": None}, "label must be words (a str), not NoneType None"),
        ({"plural": 5}, "plural must be words (a str), not int 5"),
        ({"label": "  "}, "label is empty"),
        ({"help": None}, "help must be words"),
        ({"fields": ("callout",)}, "field 'x' callout must be words (a str), not int 7"),
        ({"relations": ("label",)}, "relation 'pokes' label must be words"),
        ({"index": None}, "index localname must be words"),
    ],
)
def test_labels_that_are_not_words_are_refused_at_registration(
    changes: dict[str, object], said: str
) -> None:
    """A plugin with label=None (or a number as a relation's label, a field's callout,
    an index's name) registered quietly, and its entries were headed 'None:' or '7:',
    an entry without a title was titled 'None' (id 'none'), and its index page was
    called 'None'."""
    from sphinx_crawl.types import ContentType, ContentTypeRegistry, Field, IndexSpec, Relation

    values: dict[str, object] = {
        "name": "odd",
        "directive": "odd-card",
        "label": "Odd",
        "plural": "Odds",
    }
    for key, value in changes.items():
        if key == "fields":
            values["fields"] = (Field("x", callout=7),)  # type: ignore[arg-type]
        elif key == "relations":
            values["relations"] = (Relation("pokes", label=None),)  # type: ignore[arg-type]
        elif key == "index":
            values["index"] = IndexSpec("odds", None, "odds", lambda entry: [])  # type: ignore[arg-type]
        else:
            values[key] = value
    with pytest.raises(ExtensionError, match="content type 'odd': ") as refused:
        ContentTypeRegistry().add(ContentType(**values))  # type: ignore[arg-type]
    assert said in str(refused.value)
