"""What an independent check (helper h32) found failing adopters, authors and plugin
writers, each a case outside the plan: a test per failure, written before its fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.build_utils import build, write_project

MYST_CONF = """\
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_sources = {"nhs": {"title": "Baby development", "publisher": "NHS"}}
"""

#: YAML lists written a line an item, as YAML is most often written.
BLOCK_LISTS = """\
# Lists a line an item

```{tip-card} Bare knees
---
id: bare-knees
tags:
  - surfaces
  - "clothing"
source:
  - nhs
keywords:
  - slippery floor
  - stiff legs
helps:
  - hands-knees
---
Take the socks off.
```

:::{milestone} Hands and knees
:id: hands-knees
:age: 8-10 months
:source: nhs

Belly off the floor.
:::

```{crawl-list}
---
type:
  - tip
tags:
  - clothing
---
```
"""


def test_a_yaml_list_written_a_line_an_item_gives_its_items(tmp_path: Path) -> None:
    """MyST's ``---`` option block folds a block list (``tags:`` then ``- surfaces`` and
    ``- clothing``) into the text ``- surfaces - clothing``. The tip had one tag,
    "- surfaces - clothing" (in crawl.json, the lists, the search) and no warning; its
    ``source`` was "unknown source '- nhs'", its link "'- hands-knees' names no entry",
    and the ``crawl-list`` filtering on them listed nothing. Now each item is one value,
    as in the ``[a, b]`` form."""
    site = build(write_project(tmp_path / "src", {"conf.py": MYST_CONF, "index.md": BLOCK_LISTS}))
    assert site.crawl_warnings() == []
    entries = {entry["id"]: entry for entry in site.crawl_json()["entries"]}
    tip = entries["bare-knees"]
    assert tip["tags"] == ["surfaces", "clothing"]
    assert tip["sources"] == ["nhs"]
    assert tip["keywords"] == ["slippery floor", "stiff legs"]
    assert tip["relations"] == {"helps": ["hands-knees"]}
    listed = site.main("index").select(".crawl-list a[href]")
    assert [link.get_text(strip=True) for link in listed] == ["Bare knees"]


TRANSLATED_PLUGIN = """
from sphinx.locale import get_translation

from sphinx_crawl import ContentType, Field, IndexSpec, register_content_type

_ = get_translation("calm_plugin")


def group_by(entry):
    return [("calm", _("Calm games"))]


CALM = ContentType(
    name="calm", directive="calm-card", label=_("Calm game"), plural=_("Calm games"),
    fields=(
        Field("mood", converter=lambda value: _("Sleepy"), schema={"type": "string"}),
        Field("place", default=lambda fields: _("on the rug"), callout=_("Where")),
        Field("where", required_when=lambda fields: _("a calm game says where to play it")),
    ),
    heading_prefix=lambda fields: _("Calm game: "),
    badge=lambda fields: _("Quiet time"),
    callouts=lambda fields: [(_("Best"), _("after a nap"))],
    index=IndexSpec("calm-games", _("Calm games by mood"), _("calm games"), group_by),
)


def setup(app):
    register_content_type(app, CALM)
    return {"parallel_read_safe": True}
"""


def test_a_plugin_s_translated_words_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin guide says to pass a type's words through ``sphinx.locale`` to translate
    them; Sphinx's ``_()`` gives a lazy translation, not a str. A badge, a heading
    prefix, callouts or a ``required_when`` reason so translated was refused ("badge
    returned _TranslationProxy i'Quiet time'", a crawl.plugin warning at every entry)
    and left out of every entry, and so was a field's translated default or converted
    value ("does not match its schema"), in crawl.json too; an index heading so
    translated put the entry under 'Other', silently. They are words, and shown."""
    from tests.plugin_project import plugin_site

    page = "Home\n====\n\n.. calm-card:: Stacking cups\n   :mood: sleepy\n\n   Body.\n"
    site = plugin_site(tmp_path, monkeypatch, ("calm_plugin", TRANSLATED_PLUGIN), page)
    assert site.crawl_warnings("plugin") == []
    assert site.crawl_warnings("field") == [
        "<src>/index.rst:4: WARNING: calm-card: the :where: option is required: a calm "
        "game says where to play it [crawl.field]"
    ]
    text, _hrefs, _ids = site.shown("index")
    assert "Calm game: Stacking cups" in text
    assert "Quiet time" in text
    assert "Best: after a nap" in text
    assert "Where: on the rug" in text
    (entry,) = site.crawl_json()["entries"]
    assert (entry["mood"], entry["place"]) == ("Sleepy", "on the rug")
    index, _hrefs, _ids = site.shown("crawl-calm-games")
    assert "Calm games Stacking cups" in index
    assert "Other" not in index


RANKED_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def rank(fields):
    return float(fields["level"])


def setup(app):
    register_content_type(app, ContentType(
        name="step", directive="step-card", label="Step", plural="Steps",
        fields=(Field("level", required=True),), rank=rank,
    ))
    return {"parallel_read_safe": True}
"""


def test_a_nan_rank_does_not_put_a_list_out_of_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin's rank that came out NaN for one entry (``float("nan")``) was taken as a
    number; as NaN compares false with everything, sorted() left the list as it came:
    "Last" (rank 2) listed before "First" (rank 0). The NaN is a crawl.plugin warning
    and ranks as 0, and the others keep their order."""
    from tests.plugin_project import plugin_site

    cards = [("Last", "2"), ("Odd", "nan"), ("First", "0")]
    page = "Home\n====\n\n" + "".join(
        f".. step-card:: {title}\n   :level: {level}\n\n   Body.\n\n" for title, level in cards
    )
    page += ".. crawl-list::\n   :type: step\n   :layout: cards\n"
    site = plugin_site(tmp_path, monkeypatch, ("step_plugin", RANKED_PLUGIN), page)
    assert site.crawl_warnings("plugin") == [
        "<src>/index.rst:9: WARNING: step-card: the 'step' content type's rank returned "
        "float nan [crawl.plugin]"
    ]
    listed = site.main("index").select(".crawl-list a[href]")
    titles = [link.get_text(strip=True) for link in listed]
    assert titles.index("First") < titles.index("Last")


TYPED_CALLOUTS_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def setup(app):
    register_content_type(app, ContentType(
        name="game", directive="game-card", label="Game", plural="Games",
        fields=(
            Field("steps", converter=lambda value: [s.strip() for s in value.split(";")],
                  schema={"type": "array", "items": {"type": "string"}}, callout="Steps"),
            Field("indoors", converter=lambda value: value.strip() == "yes",
                  schema={"type": "boolean"}, callout="Indoors"),
            Field("kit", converter=lambda value: [], schema={"type": "array"}, callout="Kit"),
        ),
    ))
    return {"parallel_read_safe": True}
"""


@pytest.mark.parametrize("builder", ["html", "text"])
def test_a_plugin_s_typed_field_reads_as_words_under_its_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builder: str
) -> None:
    """A plugin field of a JSON type other than a string (an array, a boolean), shown
    under its ``callout`` label, read as Python writes it: "Steps: ['crawl in', 'crawl
    out']" (curly quotes in HTML), "Indoors: True", and an empty list "Kit: []". It reads
    "Steps: crawl in, crawl out", "Indoors: Yes", and an empty value has no line, as an
    empty text has none; crawl.json keeps the typed values."""
    from tests.plugin_project import plugin_site

    page = (
        "Home\n====\n\n.. game-card:: Tunnel\n   :steps: crawl in; crawl out\n"
        "   :indoors: yes\n   :kit: none\n\n   Body.\n"
    )
    site = (
        plugin_site(tmp_path, monkeypatch, ("game_plugin", TYPED_CALLOUTS_PLUGIN), page)
        if builder == "html"
        else _text_site(tmp_path, monkeypatch, page)
    )
    if builder == "html":
        lines = [c.get_text(" ", strip=True) for c in site.main("index").select(".crawl-callout")]
        (entry,) = site.crawl_json()["entries"]
        assert (entry["steps"], entry["indoors"], entry["kit"]) == (
            ["crawl in", "crawl out"],
            True,
            [],
        )
    else:
        text = site.text("index.txt").splitlines()
        lines = [line.replace("**", "") for line in text if line.startswith("**") and ":" in line]
    assert lines == ["Steps: crawl in, crawl out", "Indoors: Yes"]


def _text_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str) -> Any:
    (tmp_path / "game_plugin.py").write_text(TYPED_CALLOUTS_PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl", "game_plugin"]\n',
        "index.rst": page,
    }
    return build(write_project(tmp_path / "src", files), buildername="text")


FACTORY_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def make_types():
    return [ContentType(
        name="activity", directive="activity-card", label="Activity", plural="Activities",
        fields=(Field("energy"),), badge=lambda fields: f"Energy: {fields.get('energy')}",
    )]


def setup(app):
    for content_type in make_types():
        register_content_type(app, content_type)
    return {"parallel_read_safe": True}
"""


def test_a_plugin_offered_both_ways_through_a_function_is_registered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plugins.md: an entry point may name a function returning the types, and a plugin
    may offer both ways (the entry point, and ``setup()`` for projects that list it in
    ``extensions``). A plugin whose entry point and setup() both call its function gets
    a new, identical ContentType each time: the second was refused, "Extension error:
    sphinx-crawl: factory_plugin: content type 'activity' is already registered", and
    nothing was built. The same type made the same way is the same type; another type
    of that name is still refused."""
    from importlib.metadata import EntryPoint

    from sphinx.errors import ExtensionError

    from sphinx_crawl import types
    from tests.plugin_project import plugin_site

    published = EntryPoint(
        name="activity", value="factory_plugin:make_types", group=types.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(
        types, "entry_points", lambda *, group: [published] if group == published.group else []
    )
    page = "Home\n====\n\n.. activity-card:: Pillow hill\n   :energy: high\n\n   Climb.\n"
    site = plugin_site(tmp_path, monkeypatch, ("factory_plugin", FACTORY_PLUGIN), page)
    assert site.warnings() == []
    assert "Energy: high" in site.shown("index")[0]
    other = FACTORY_PLUGIN.replace('label="Activity"', 'label="Game"')
    (tmp_path / "other").mkdir()
    with pytest.raises(ExtensionError, match="'activity' is already registered"):
        plugin_site(tmp_path / "other", monkeypatch, ("factory_other", other), page)


CLASHING_PLUGIN = """
from sphinx_crawl import ContentType

TIP = ContentType(name="tip", directive="my-tip", label="My tip", plural="My tips")
GAMES = [
    ContentType(name="question", directive="quiz-card", label="Quiz", plural="Quizzes"),
    ContentType(name="game", directive="game-card", label="Game", plural="Games"),
]
"""


def test_an_installed_plugin_s_type_named_like_another_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed plugin (entry point) publishing a type whose name a built-in type has
    ("tip", "question") was left out without a word: the author only saw docutils'
    "Unknown directive type 'my-tip'" on every page that used it. plugins.md promises a
    crawl.plugin warning for a published type that cannot be registered: it names the
    entry point and the clash, and the list's other types are registered."""
    from importlib.metadata import EntryPoint

    from sphinx_crawl import types

    (tmp_path / "clash_plugin.py").write_text(CLASHING_PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    published = [
        EntryPoint(name="my-tip", value="clash_plugin:TIP", group=types.ENTRY_POINT_GROUP),
        EntryPoint(name="games", value="clash_plugin:GAMES", group=types.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(
        types,
        "entry_points",
        lambda *, group: published if group == types.ENTRY_POINT_GROUP else [],
    )
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
        "index.rst": "Home\n====\n\n.. game-card:: Pillow hill\n\n   Climb.\n",
    }
    site = build(write_project(tmp_path / "src", files))
    warnings = site.crawl_warnings("plugin")
    assert len(warnings) == 2, warnings
    assert "the plugin games = clash_plugin:GAMES" in warnings[0]
    assert "content type 'question' is already registered" in warnings[0]
    assert "the plugin my-tip = clash_plugin:TIP" in warnings[1]
    assert "content type 'tip' is already registered" in warnings[1]
    assert all(warning.startswith("<src>/conf.py:2: WARNING") for warning in warnings)
    assert [entry["type"] for entry in site.crawl_json()["entries"]] == ["game"]


def test_an_index_page_left_without_entries_is_not_kept(tmp_path: Path) -> None:
    """The last tip deleted (here, its page), an incremental build left the old
    crawl-tips.html in place: a bookmark still opened a list of tips the handbook no
    longer has, and the offline copy (crawl-sw.js) kept it for phones, where a clean
    build has neither. And the pages not rewritten (an unchanged page, the red flags'
    kept index page) still had "tips" in their header (classic, nature...), a link to
    it; the first tip added, they had no link to the new index. The page of an index
    without entries is removed, and every page is written again when an index page
    comes or goes."""
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_offline = True\n'
        'html_theme = "classic"\n',
        "index.rst": "Home\n====\n\n.. toctree::\n\n   tips\n   plain\n\n"
        ".. red-flag:: Stiff legs\n   :urgency: soon\n\n   Body.\n",
        "tips.rst": "Tips\n====\n\n.. tip-card:: Bare knees\n\n   Socks off.\n",
        "plain.rst": "Plain\n=====\n\nNo entries.\n",
    }
    src = write_project(tmp_path / "src", files)
    first = build(src)
    assert (first.outdir / "crawl-tips.html").is_file()
    assert 'href="crawl-tips.html"' in first.text("plain.html")
    (src / "tips.rst").write_text("Tips\n====\n\nNone yet.\n", "utf-8")
    again = build(src)
    assert not (again.outdir / "crawl-tips.html").exists()
    assert (again.outdir / "crawl-red-flags.html").is_file()
    assert "crawl-tips.html" not in again.text("crawl-sw.js")
    for page in ("plain.html", "crawl-red-flags.html"):
        assert 'href="crawl-tips.html"' not in again.text(page), page
    (src / "tips.rst").write_text(files["tips.rst"], "utf-8")
    third = build(src)
    for page in ("plain.html", "crawl-red-flags.html"):
        assert 'href="crawl-tips.html"' in third.text(page), page


#: Runs the worker's top level in Node with a stub ``self`` (scope http://x/), and
#: prints the file each URL names (its ``pathOf``).
PATH_OF = """
import { readFileSync } from "node:fs";
import vm from "node:vm";
const [file, ...urls] = process.argv.slice(1);
const self = {
  registration: { scope: "http://x/" }, location: { origin: "http://x" }, addEventListener() {},
};
const context = vm.createContext({ self, URL, console });
vm.runInContext(readFileSync(file, "utf8") + ";globalThis.pathOf = pathOf;", context);
console.log(JSON.stringify(urls.map((url) => context.pathOf(url))));
"""


def test_the_offline_copy_keeps_pages_named_htm_and_linked_without_a_suffix(
    tmp_path: Path,
) -> None:
    """``html_file_suffix = ".htm"``: the offline copy kept no page at all (only files
    ending ".html" were listed), so a parent offline had the styles and the search index
    but not the emergency page nor any other; and a site linking its pages without a
    suffix (``html_link_suffix = ""``, clean URLs: "sub/tips") had its pages, when
    listed, under names no request asks for. The pages are listed by their files, and
    the worker finds "sub/tips" and "/" in "sub/tips.htm" and "index.htm"."""
    import shutil
    import subprocess

    from tests.test_offline import worker_parts

    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_offline = True\n'
        'html_file_suffix = ".htm"\nhtml_link_suffix = ""\n'
        'crawl_emergency = {"numbers": {"UK": "999"}, "page": "help"}\n',
        "index.rst": "Home\n====\n\n.. toctree::\n\n   sub/tips\n   help\n",
        "help.rst": "Help\n====\n\nCall 999.\n",
        "sub/tips.rst": "Tips\n====\n\n.. tip-card:: Bare knees\n\n   Socks off.\n",
    }
    site = build(write_project(tmp_path / "src", files))
    _version, listed, essential, _budget = worker_parts(site.outdir)
    paths = [path for path, _hash, _size in listed]
    for page in ("index.htm", "help.htm", "sub/tips.htm", "search.htm", "crawl-tips.htm"):
        assert page in paths, page
    assert essential[0] == "help.htm"
    assert "index.htm" in essential
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("Node.js is not installed")
    urls = ["http://x/", "http://x/sub/tips", "http://x/help", "http://x/_static/crawl.js"]
    found = subprocess.run(
        [node, "--input-type=module", "-e", PATH_OF, "--", str(site.outdir / "crawl-sw.js"), *urls],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(found.stdout) == ["index.htm", "sub/tips.htm", "help.htm", "_static/crawl.js"]


UNLABELLED_RELATION_PLUGIN = """
from sphinx_crawl import ContentType, Relation, register_content_type


def setup(app):
    register_content_type(app, ContentType(
        name="game", directive="game-card", label="Game", plural="Games",
        relations=(Relation("practises", targets=("milestone",)),),
    ))
    return {"parallel_read_safe": True}
"""


def test_a_relation_without_labels_is_headed_by_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Relation("practises", targets=("milestone",))``, its labels left at their
    defaults (""): the game's line of links read ": Hands and knees" and the
    milestone's back-links ": Pillow hill", a bare colon for a heading, in every
    builder. They are headed "Practises" and "Games" (the declaring type's plural)."""
    from tests.plugin_project import plugin_site

    page = (
        "Home\n====\n\n.. game-card:: Pillow hill\n   :practises: hands-knees\n\n   Climb.\n\n"
        ".. milestone:: Hands and knees\n   :id: hands-knees\n   :age: 8-10 months\n"
    )
    site = plugin_site(tmp_path, monkeypatch, ("game_links", UNLABELLED_RELATION_PLUGIN), page)
    assert site.crawl_warnings() == []
    main = site.main("index")
    lines = [
        " ".join(line.get_text(" ", strip=True).split())
        for line in main.select(".crawl-relation-practises, .crawl-related-by-practises")
    ]
    assert lines == ["Practises: Hands and knees", "Games: Pillow hill"]


def test_an_empty_milestone_table_says_how_in_the_page_s_syntax(tmp_path: Path) -> None:
    """A MyST page's milestone table without milestones was told "write each as a
    '.. milestone::' indented under the table": reStructuredText, which MyST does not
    read there. It is told the MyST way; a reStructuredText page as before."""
    files = {
        "conf.py": MYST_CONF,
        "index.md": "# Home\n\n```{toctree}\nrst\n```\n\n:::{milestone-table} Moving\n:::\n",
        "rst.rst": "Other\n=====\n\n.. milestone-table:: Moving\n",
    }
    site = build(write_project(tmp_path / "src", files))
    assert site.crawl_warnings("content") == [
        "<src>/index.md:7: WARNING: milestone-table: the table has no milestones (write "
        "each as a ':::{milestone}' block inside the '::::{milestone-table}' block); no "
        "table is shown [crawl.content]",
        "<src>/rst.rst:4: WARNING: milestone-table: the table has no milestones (write "
        "each as a '.. milestone::' indented under the table); no table is shown "
        "[crawl.content]",
    ]


def test_a_source_s_authors_as_a_list_are_its_authors(tmp_path: Path) -> None:
    """``crawl_sources`` with ``"author": ["Dr A. Lee", "Dr B. Ray"]`` (several authors,
    as a list) lost the authors without a word: crawl.json had ``"author": null`` and
    the sources page no names. They are joined ("Dr A. Lee, Dr B. Ray"); a publisher or
    author that is not text (a number, a date) is a crawl.config warning at its line,
    not left out silently."""
    conf = (
        'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_sources = {\n'
        '    "leaflet": {"title": "Leaflet", "author": ["Dr A. Lee", "Dr B. Ray"]},\n'
        '    "clinic": {"title": "Clinic", "author": "Dr C", "publisher": 2026},\n'
        "}\n"
    )
    page = (
        "Home\n====\n\n.. tip-card:: Bare knees\n   :source: leaflet, clinic\n\n   Body.\n\n"
        ".. crawl-sources::\n"
    )
    site = build(write_project(tmp_path / "src", {"conf.py": conf, "index.rst": page}))
    assert site.crawl_warnings() == [
        "<src>/conf.py:5: WARNING: crawl_sources['clinic']: publisher 2026 is not a name "
        "(text, or a list of names); it is left out [crawl.config]"
    ]
    sources = {source["id"]: source for source in site.crawl_json()["sources"]}
    assert sources["leaflet"]["author"] == "Dr A. Lee, Dr B. Ray"
    assert "Dr A. Lee, Dr B. Ray" in site.shown("index")[0]


def test_a_demo_pattern_that_names_no_page_is_a_warning(tmp_path: Path) -> None:
    """``crawl_demo_pages = ["examples.rst", "/drafts/*", "nothing/*"]``: a pattern written
    as a file ("examples.rst") or from the root ("/drafts/*") names no page, as page
    names have neither; it did nothing without a word, and the example entries were
    collected, indexed and exported as the handbook's. Such a pattern is a crawl.config
    warning at its line, with the pattern meant. (One that names no page in this build
    alone, "nothing/*", is left alone: an edition may leave its pages out.)"""
    conf = (
        'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_demo_pages = [\n'
        '    "examples.rst",\n    "/drafts/*",\n    "nothing/*",\n    "kept*",\n]\n'
    )
    files = {
        "conf.py": conf,
        "index.rst": "Home\n====\n\n.. toctree::\n\n   examples\n   drafts/a\n   kept\n",
        "examples.rst": "Examples\n========\n\n.. tip-card:: Example tip\n\n   Body.\n",
        "drafts/a.rst": "Draft\n=====\n\nText.\n",
        "kept.rst": "Kept\n====\n\n.. tip-card:: Kept example\n\n   Body.\n",
    }
    site = build(write_project(tmp_path / "src", files))
    tail = "as written it does nothing, and the entries it was meant for count as the handbook's"
    assert site.crawl_warnings("config") == [
        "<src>/conf.py:4: WARNING: crawl_demo_pages: 'examples.rst' names no page (a page's "
        f"name has no suffix nor a leading '/': write 'examples'); {tail} [crawl.config]",
        "<src>/conf.py:5: WARNING: crawl_demo_pages: '/drafts/*' names no page (a page's "
        f"name has no suffix nor a leading '/': write 'drafts/*'); {tail} [crawl.config]",
    ]
    assert [entry["title"] for entry in site.crawl_json()["entries"]] == ["Example tip"]


def test_an_index_page_left_without_entries_is_not_kept_in_dirhtml(tmp_path: Path) -> None:
    """The same in dirhtml: its index page is crawl-tips/index.html, and the folder
    goes with it."""
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
        "index.rst": "Home\n====\n\n.. tip-card:: Bare knees\n\n   Socks off.\n",
    }
    src = write_project(tmp_path / "src", files)
    first = build(src, buildername="dirhtml")
    assert (first.outdir / "crawl-tips" / "index.html").is_file()
    (src / "index.rst").write_text("Home\n====\n\nNo tips yet.\n", "utf-8")
    again = build(src, buildername="dirhtml")
    assert not (again.outdir / "crawl-tips").exists()


def test_an_imported_red_flag_s_usual_action_names_whom_to_call(tmp_path: Path) -> None:
    """A red flag from a data file, without an ``action`` of its own, got the usual
    action for its urgency with its role as written: the card said "Book an appointment
    with {crawl:contact}`doctor`, or with a pediatric physical therapist.", and so did
    crawl.json. The role is written out for the build's place, as on a page."""
    data = (
        "project: Clinic notes\nentries:\n  - type: red-flag\n    id: stiff\n"
        "    title: Stiff legs\n    urgency: soon\n    text: Legs stay straight.\n"
    )
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
        "index.rst": "Home\n====\n\n.. crawl-import:: notes.yaml\n",
        "notes.yaml": data,
    }
    site = build(write_project(tmp_path / "src", files))
    assert site.crawl_warnings() == []
    (entry,) = site.crawl_json()["entries"]
    assert entry["action"] == (
        "Book an appointment with your pediatrician, or with a pediatric physical therapist."
    )
    text = site.shown("index")[0]
    assert "crawl:contact" not in text
    assert "Book an appointment with your pediatrician" in text


def test_a_next_review_before_the_last_one_is_a_warning(tmp_path: Path) -> None:
    """``last_reviewed: 2026-11-21`` and ``next_review: 2025-11-21`` (a year mistyped):
    the page said "Last reviewed: November 21, 2026 · Next review due: November 21,
    2025" without a word to the author. It is a crawl.review warning."""
    files = {
        "conf.py": MYST_CONF,
        "index.md": "---\nlast_reviewed: 2026-11-21\nnext_review: 2025-11-21\n---\n# Home\n\n"
        "Text.\n",
    }
    site = build(write_project(tmp_path / "src", files))
    assert site.crawl_warnings() == [
        "<src>/index.md:1: WARNING: next_review: 2025-11-21 is before last_reviewed "
        "(2026-11-21); one of the dates is mistyped [crawl.review]"
    ]


def test_a_question_without_an_answer_is_a_warning_and_no_faq_answer(tmp_path: Path) -> None:
    """A question written without its answer (no body) was taken without a word: the
    page, the search and the FAQ showed the question with nothing under it, and the
    page's schema.org FAQPage data gave search engines an answer of "" (which they
    refuse). It is a crawl.content warning at the question, and the FAQ data holds the
    answered questions only."""
    page = (
        "Home\n====\n\n.. question:: Is going backwards normal?\n   :id: normal\n\n"
        ".. question:: When do babies crawl?\n   :id: when\n\n   Between 6 and 10 months.\n\n"
        # An answer that is a list of entries has no text of its own: it is an answer.
        ".. question:: What should I watch for?\n   :id: watch\n\n"
        "   .. crawl-list::\n      :type: question\n"
    )
    files = {"conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n', "index.rst": page}
    site = build(write_project(tmp_path / "src", files))
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: question: the question has no answer: write it below, "
        "as the entry's body [crawl.content]"
    ]
    script = site.soup("index").find("script", type="application/ld+json")
    assert script is not None
    data = json.loads(str(script.string))
    assert [item["name"] for item in data["mainEntity"]] == ["When do babies crawl?"]


@pytest.mark.parametrize("key", ["pt_BR", "pt-BR"])
def test_an_edition_keyed_either_way_is_tagged_and_found(tmp_path: Path, key: str) -> None:
    """An edition keyed by Sphinx's ``pt_BR`` was written ``hreflang="pt_BR"
    lang="pt_BR"``, which search engines and screen readers do not read as Brazilian
    Portuguese; keyed by the tag ``pt-BR`` in a build whose ``language`` is ``pt_BR``, it
    was no edition: its pages had no switch and no hreflang links. Either way the tag is
    ``pt-BR``, and the Brazilian build finds its edition."""
    conf = (
        'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_editions = {\n'
        '    "en": {"label": "English", "path": ""},\n'
        f'    "{key}": {{"label": "Português", "path": "pt-br/"}},\n}}\n'
    )
    files = {"conf.py": conf, "index.rst": "Home\n====\n\nText.\n"}
    src = write_project(tmp_path / "src", files)
    english = build(src)
    link = english.soup("index").select_one("nav.crawl-editions a")
    assert link is not None
    assert (link["hreflang"], link["lang"], link["href"]) == ("pt-BR", "pt-BR", "pt-br/index.html")
    brazilian = build(src, confoverrides={"language": "pt_BR"}, freshenv=True)
    links = brazilian.soup("index").select("nav.crawl-editions a")
    assert [(a["hreflang"], a["href"]) for a in links] == [("en", "../index.html")]
    alternates = brazilian.soup("index").select('link[rel="alternate"]')
    assert [a["hreflang"] for a in alternates] == ["en", "pt-BR"]


def test_the_list_of_changes_goes_when_nothing_is_compared(tmp_path: Path) -> None:
    """A release compared with the last one (crawl_previous), then built without it: the
    earlier crawl-changes.json (and its schema) stayed beside the new crawl.json, whose
    entries no longer had the dates it gave, where a clean build writes none; an app
    reading it showed changes from another comparison. It is removed."""
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\nrelease = "1.0"\n'
        'crawl_release_date = "2026-01-01"\n',
        "index.rst": "Home\n====\n\n.. tip-card:: Bare knees\n   :id: knees\n\n   Body.\n",
    }
    src = write_project(tmp_path / "src", files)
    first = build(src)
    (src / "previous.json").write_text(first.text("crawl.json"), "utf-8")
    (src / "index.rst").write_text(files["index.rst"].replace("Body.", "New body."), "utf-8")
    (src / "conf.py").write_text(files["conf.py"] + 'crawl_previous = "previous.json"\n', "utf-8")
    compared = build(src)
    changes = json.loads(compared.text("crawl-changes.json"))
    assert [change["id"] for change in changes["changed"]] == ["knees"]
    (src / "conf.py").write_text(files["conf.py"], "utf-8")
    again = build(src)
    assert not (again.outdir / "crawl-changes.json").exists()
    assert not (again.outdir / "crawl-changes.schema.json").exists()
