"""The ``crawl`` domain in built output: search index, objects.inv, intersphinx and roles."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sphinx

from sphinx_crawl.core.entries import EXCERPT_CHARS
from sphinx_crawl.domain import SECOND_DEFINITION
from tests.build_utils import (
    Build,
    build,
    copy_root,
    copy_source,
    line_of,
    load_inventory,
    read_search_index,
    write_project,
)

#: id -> (type, page, title) of every entry in the test-cross-page root.
ENTRIES = {
    "bare-knees": ("tip", "tips", "Bare knees grip the floor"),
    "floor-mirror": ("tip", "tips", "Mirror on the floor"),
    "sofa-cruise": ("tip", "tips", "Cruise along the sofa"),
    "let-them-be": ("tip", "tips", "Slow down vs. hurry up"),
    "no-movement": ("red-flag", "flags", "Not moving by 12 months"),
    "losing-skills": ("red-flag", "flags", "Losing skills"),
    "stiff-legs": ("red-flag", "flags", "Stiff legs"),
    "one-side": ("red-flag", "flags", "Uses one side only"),
    "hands-knees": ("milestone", "milestones", "Hands and knees"),
    "pushes-up": ("milestone", "milestones", "Pushes up"),
    "climbs-stairs": ("milestone", "milestones", "Climbs stairs"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("domain") / "src"))


# -- search index -------------------------------------------------------------------


def search_index(site: Build) -> dict[str, Any]:
    text = site.text("searchindex.js").strip()
    prefix = "Search.setIndex("
    assert text.startswith(prefix)
    assert text.endswith(")")
    return json.loads(text[len(prefix) : -1])  # type: ignore[no-any-return]


def object_search(index: dict[str, Any], word: str) -> list[dict[str, str]]:
    """The object results searchtools.js shows for one search word, with their links."""
    hits = []
    for prefix, objects in index["objects"].items():
        for docindex, typeindex, _prio, shortanchor, name in objects:
            fullname = f"{prefix}.{name}" if prefix else name
            if word.lower() not in fullname.lower():
                continue
            objname = index["objnames"][str(typeindex)]
            # The anchor rule of searchtools.js: "" is the full name, "-" is type-name.
            if shortanchor == "":
                anchor = fullname
            elif shortanchor == "-":
                anchor = f"{objname[1]}-{fullname}"
            else:
                anchor = shortanchor
            hits.append(
                {
                    "name": fullname,
                    "type": index["objtypes"][str(typeindex)],
                    "domain": objname[0],
                    "objtype": objname[1],
                    "page": index["docnames"][docindex],
                    "anchor": anchor,
                }
            )
    return hits


def test_entries_are_searched_once_by_the_entry_search_not_twice(site: Build) -> None:
    """Each entry is in the entry search's index and not among Sphinx's search objects,
    so the search page downloads it once (issue 27); pages keep their own text in Sphinx's
    index, and objects.inv keeps every entry for intersphinx."""
    index = search_index(site)
    assert [h for h in object_search(index, "") if h["domain"] == "crawl"] == []
    ours = read_search_index((site.outdir / "crawl-searchindex.js").read_text("utf-8"))
    listed = {(row[0], ours["pages"][row[1]].removesuffix(".html")) for row in ours["entries"]}
    assert listed == {(title, page) for _type, page, title in ENTRIES.values()}
    # The search cuts excerpts at the length cards use (core/entries.py), told by Python.
    assert ours["excerpt_chars"] == EXCERPT_CHARS
    # Sphinx (8.2+) finds pages by their own words, not by their entries' words: those
    # ("Take off socks and trousers", "Line up cushions") are the entry search's alone.
    terms = index["terms"]
    if sphinx.version_info >= (8, 2):
        assert not {"trouser", "trousers", "cushion", "cushions"} & set(terms)
    # The prose around entries stays: refs.md's words, its links to entries included.
    page = index["docnames"].index("refs")
    for word in ("explicit", "knee"):
        assert word in terms, word
        assert page in (terms[word] if isinstance(terms[word], list) else [terms[word]])
    assert "Tips" in index["titles"]


@pytest.mark.parametrize("entry_id", sorted(ENTRIES))
def test_searching_a_title_word_links_to_the_entry(site: Build, entry_id: str) -> None:
    """The entry search's link for an entry lands on the entry."""
    _type, page, title = ENTRIES[entry_id]
    ours = read_search_index((site.outdir / "crawl-searchindex.js").read_text("utf-8"))
    rows = [row for row in ours["entries"] if row[0] == title]
    assert len(rows) == 1, rows
    _title, page_index, anchor, *_ = rows[0]
    assert ours["pages"][page_index] == f"{page}.html"
    target = site.soup(page).find(id=anchor)
    assert target is not None, f"{page}.html#{anchor} does not exist"
    assert target.get("id") == entry_id
    assert title in target.get_text(" ")


# -- objects.inv and intersphinx --------------------------------------------------------


def inventory(path: Path) -> Any:
    return load_inventory(path.read_bytes())


def test_objects_inv_has_every_entry_by_id_with_title_and_anchor(site: Build) -> None:
    inv = inventory(site.outdir / "objects.inv")
    for type_ in ("tip", "red-flag", "milestone"):
        items = inv.data[f"crawl:{type_}"]
        expected = {i for i, (t, _, _) in ENTRIES.items() if t == type_}
        assert set(items) == expected
        for entry_id, item in items.items():
            _, page, title = ENTRIES[entry_id]
            assert item.display_name == title
            assert item.project_name == "X Domain"
            uri_page, _, anchor = item.uri.partition("#")
            assert uri_page == f"{page}.html"
            assert anchor, item.uri
            target = site.soup(page).find(id=anchor)
            assert target is not None, item.uri
            assert entry_id in {target.get("id"), *(p.get("id") for p in target.parents)}


def test_objects_inv_links_land_where_the_handbooks_own_links_land(site: Build) -> None:
    """An intersphinx link to an entry goes to the same place as crawl.json's URL and the
    entry search's link: the entry itself (the whole card, its heading first)."""
    inv = inventory(site.outdir / "objects.inv")
    urls = {e["id"]: e["url"] for e in site.crawl_json()["entries"]}
    found = {
        entry_id: item.uri
        for type_ in ("tip", "red-flag", "milestone")
        for entry_id, item in inv.data[f"crawl:{type_}"].items()
    }
    assert found == {entry_id: urls[entry_id] for entry_id in found}
    assert set(found) == set(ENTRIES)


SECOND_PAGE = """\
# Second

Role: {crawl:tip}`bare-knees`.

External role: {external:crawl:red-flag}`no-movement`.

External explicit: {external+first:crawl:milestone}`the push <pushes-up>`.

MyST inventory link: [](inv:first:crawl:tip#sofa-cruise)

Missing: {crawl:tip}`no-such-tip`.
"""


def test_intersphinx_resolves_crawl_refs_to_the_first_project(
    site: Build, tmp_path: Path, make_app: Any
) -> None:
    second = tmp_path / "second"
    second.mkdir()
    inv_path = site.outdir / "objects.inv"
    (second / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl", "sphinx.ext.intersphinx"]\n'
        'project = "Second"\n'
        "intersphinx_mapping = {'first': "
        f"('https://first.example.org/handbook/', {str(inv_path)!r})}}\n",
        encoding="utf-8",
    )
    (second / "index.md").write_text(SECOND_PAGE, encoding="utf-8")
    result = build(second, make_app=make_app)

    inv = inventory(inv_path)
    links = {a.get_text(): a["href"] for a in result.main("index").find_all("a", href=True)}
    base = "https://first.example.org/handbook/"
    expected = {
        "Bare knees grip the floor": inv.data["crawl:tip"]["bare-knees"].uri,
        "Not moving by 12 months": inv.data["crawl:red-flag"]["no-movement"].uri,
        "the push": inv.data["crawl:milestone"]["pushes-up"].uri,
        "Cruise along the sofa": inv.data["crawl:tip"]["sofa-cruise"].uri,
    }
    for text, uri in expected.items():
        assert links.get(text) == base + uri, (text, links)
    # Only the reference nobody has is reported, and reported once, as crawl.ref.
    line = line_of(second / "index.md", "no-such-tip")
    assert result.warnings() == [
        f"<src>/index.md:{line}: WARNING: reference to unknown crawl tip 'no-such-tip' [crawl.ref]"
    ]


# -- roles and links ------------------------------------------------------------------


def links_of(site: Build, page: str) -> list[tuple[str, str, str]]:
    """(paragraph label, link text, href) for each "Label: link." paragraph."""
    found = []
    for para in site.main(page).find_all("p"):
        a = para.find("a", href=True)
        if a is not None:
            found.append((para.get_text().split(":")[0], a.get_text(), a["href"]))
    return found


def test_myst_role_forms_link_to_entries_with_titles(site: Build) -> None:
    assert links_of(site, "refs") == [
        ("Tip role", "Bare knees grip the floor", "tips.html#bare-knees"),
        ("Red flag role", "Not moving by 12 months", "flags.html#no-movement"),
        ("Milestone role", "Hands and knees", "milestones.html#hands-knees"),
        ("Explicit text", "socks off", "tips.html#bare-knees"),
        ("Bare link", "Stiff legs", "flags.html#stiff-legs"),
        ("Text link", "see the mirror", "tips.html#floor-mirror"),
        ("Any role", "Pushes up", "milestones.html#pushes-up"),
    ]


def test_rst_role_forms_link_to_entries_with_titles(site: Build) -> None:
    assert links_of(site, "rst-refs") == [
        ("Tip role", "Cruise along the sofa", "tips.html#sofa-cruise"),
        ("Red flag role", "Losing skills", "flags.html#losing-skills"),
        ("Milestone role", "Climbs stairs", "milestones.html#climbs-stairs"),
        ("Explicit text", "call today", "flags.html#losing-skills"),
        ("Any role", "Uses one side only", "flags.html#one-side"),
    ]


def test_links_carry_the_entry_title_as_tooltip(site: Build) -> None:
    for page in ("refs", "rst-refs"):
        for a in site.main(page).find_all("a", class_="internal"):
            entry_id = a["href"].partition("#")[2]
            assert a.get("title") == ENTRIES[entry_id][2]


def test_wrong_type_and_missing_id_warn_at_their_line(site: Build) -> None:
    bad = site.srcdir / "bad.md"
    wrong = line_of(bad, "{crawl:tip}`no-movement`")
    missing = line_of(bad, "no-such-id")
    refs = site.crawl_warnings("ref")
    assert refs == [
        f"<src>/bad.md:{wrong}: WARNING: reference to unknown crawl tip "
        "(it is a red-flag) 'no-movement' [crawl.ref]",
        f"<src>/bad.md:{missing}: WARNING: reference to unknown crawl milestone "
        "'no-such-id' [crawl.ref]",
    ]
    # The unresolved text stays readable and links nowhere.
    paragraphs = {p.get_text().split(":")[0]: p for p in site.main("bad").find_all("p")}
    assert paragraphs["Wrong type"].find("a") is None
    assert "no-movement" in paragraphs["Wrong type"].get_text()
    assert paragraphs["Missing"].find("a") is None


def test_the_clean_pages_build_without_warnings(site: Build) -> None:
    assert [w for w in site.warnings() if "<src>/bad.md" not in w] == []


def test_duplicate_id_across_pages_names_both_places(tmp_path: Path, make_app: Any) -> None:
    srcdir = copy_root("cross-page", tmp_path / "src")
    (srcdir / "again.md").write_text(
        "# Again\n\n:::{tip-card} Knees again\n:id: bare-knees\n\nA second definition.\n:::\n",
        encoding="utf-8",
    )
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("bad\n", "bad\nagain\n"), encoding="utf-8")
    result = build(srcdir, make_app=make_app)
    first = line_of(srcdir / "tips.md", ":::{tip-card} Bare knees")
    second = line_of(srcdir / "again.md", ":::{tip-card}")
    assert result.crawl_warnings("id") == [
        f"<src>/tips.md:{first}: WARNING: duplicate crawl id 'bare-knees'; "
        f"also defined at <src>/again.md:{second}{SECOND_DEFINITION} [crawl.id]"
    ]
    # The first definition (by document name) wins everywhere.
    assert [e["url"] for e in result.crawl_json()["entries"] if e["id"] == "bare-knees"] == [
        "again.html#bare-knees"
    ]


def test_the_documented_intersphinx_example_links_to_the_handbook(
    handbook: tuple[Any, Path], tmp_path: Path, make_app: Any
) -> None:
    """The roles docs/authoring/domain.md shows, copied as they are into a project that
    maps the handbook, resolve without a warning (they named ids it does not have)."""
    guide = (Path(__file__).parents[1] / "docs" / "authoring" / "domain.md").read_text(
        encoding="utf-8"
    )
    # As written, or split for display ("{crawl:tip}` `` `crawl:bare-knees-and-feet`").
    roles = [
        f"{{crawl:{kind}}}`{target}`"
        for kind, target in re.findall(r"\{crawl:([\w-]+)\}`(?: `` `)?([\w:-]+)`", guide)
    ]
    assert len(roles) >= 2, roles
    project = tmp_path / "linking"
    project.mkdir()
    (project / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl", "sphinx.ext.intersphinx"]\n'
        'project = "Linking"\n'
        "intersphinx_mapping = {'crawl': ('https://example.org/handbook/', "
        f"{str(handbook[1] / 'objects.inv')!r})}}\n",
        encoding="utf-8",
    )
    (project / "index.md").write_text(
        "# Linking\n\n" + "\n\n".join(f"See {role}." for role in roles) + "\n", encoding="utf-8"
    )
    result = build(project, make_app=make_app)
    assert result.warnings() == []
    hrefs = [a["href"] for a in result.main("index").find_all("a", href=True)]
    assert len([h for h in hrefs if h.startswith("https://example.org/handbook/")]) == len(roles)


# -- entries inside ``only`` --------------------------------------------------------

_ONLY_CONF = (
    'extensions = ["myst_parser", "sphinx_crawl"]\n'
    'myst_enable_extensions = ["colon_fence"]\nproject = "Only"\n'
)
_ONLY_RST = """Home
====

.. toctree::

   more

.. only:: extra

   .. tip-card:: Extra only
      :id: extra-only

      Body.

.. only:: not extra

   .. tip-card:: Without extra
      :id: without-extra

      Body.

.. tip-card:: Always
   :id: always

   Body.

See :crawl:tip:`extra-only`.
"""
_ONLY_MD = """# More

```{only} extra
:::{tip-card} Extra in Markdown
:id: extra-md

Body.
:::
```

```{only} html and not latex
:::{tip-card} Only in HTML
:id: html-md

Body.
:::
```
"""


def _only_project(path: Path) -> Path:
    path.mkdir()
    (path / "conf.py").write_text(_ONLY_CONF, encoding="utf-8")
    (path / "index.rst").write_text(_ONLY_RST, encoding="utf-8")
    (path / "more.md").write_text(_ONLY_MD, encoding="utf-8")
    return path


def _published(result: Build) -> dict[str, Any]:
    """Every id each output that lists entries publishes."""
    inventory = load_inventory((result.outdir / "objects.inv").read_bytes())
    search = read_search_index(result.text("crawl-searchindex.js"))
    return {
        "crawl.json": sorted(e["id"] for e in result.crawl_json()["entries"]),
        "objects.inv": sorted(inventory.data.get("crawl:tip", {})),
        "search": sorted(row[2] for row in search["entries"]),
        "index page": sorted(
            a["href"].split("#")[1]
            for a in result.main("crawl-tips").find_all("a", href=True)
            if ".html#" in a["href"]
        ),
    }


def test_entries_in_a_false_only_are_not_published(tmp_path: Path, make_app: Any) -> None:
    result = build(_only_project(tmp_path / "src"), make_app=make_app)
    shown = ["always", "html-md", "without-extra"]
    assert _published(result) == dict.fromkeys(_published(result), shown)
    # A reference to it warns as one to an entry that does not exist, at its line.
    line = line_of(result.srcdir / "index.rst", "See :crawl:tip:")
    assert result.crawl_warnings() == [
        f"<src>/index.rst:{line}: WARNING: reference to unknown crawl tip 'extra-only' [crawl.ref]"
    ]


def test_entries_follow_the_tags_of_each_build_incrementally_and_in_parallel(
    tmp_path: Path, make_app: Any
) -> None:
    srcdir = _only_project(tmp_path / "src")
    build(srcdir, make_app=make_app)
    # Sphinx keeps doctrees whatever the tags: the pages whose entries they decide are
    # read again, and the data equals a clean build's with the new tags.
    for tags, parallel in ((["extra"], 2), ([], 0), (["extra"], 0)):
        again = build(srcdir, make_app=make_app, tags=tags, parallel=parallel)
        clean = build(
            copy_source(srcdir, tmp_path / f"clean-{len(tags)}-{parallel}"),
            make_app=make_app,
            tags=tags,
        )
        assert _published(again) == _published(clean)
        assert again.crawl_json() == clean.crawl_json()
        assert again.crawl_warnings() == clean.crawl_warnings()
    assert "extra-md" in _published(again)["crawl.json"]
    assert "without-extra" not in _published(again)["crawl.json"]


def test_warnings_after_reading_point_into_the_included_file(tmp_path: Path, make_app: Any) -> None:
    """An entry an rST ``.. include::`` brought: a warning once every page is read (a
    duplicate id, a relation naming no entry) names the included file and its line, not
    a line past the end of the including page."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   zz\n\n.. tip-card:: Shared\n   :id: shared\n\n   Body.\n",
        encoding="utf-8",
    )
    (src / "zz.rst").write_text(
        "Later\n=====\n\nOne.\n\nTwo.\n\n.. include:: shared.inc\n", encoding="utf-8"
    )
    (src / "shared.inc").write_text(
        ".. tip-card:: Shared again\n   :id: shared\n\n   Body.\n\n"
        ".. tip-card:: Helper\n   :id: helper\n   :helps: nothing-here\n\n   Body.\n",
        encoding="utf-8",
    )
    result = build(src, make_app=make_app)
    assert result.crawl_warnings("id") == [
        "<src>/shared.inc:1: WARNING: duplicate crawl id 'shared'; also defined at "
        f"<src>/index.rst:8{SECOND_DEFINITION} [crawl.id]"
    ]
    assert result.crawl_warnings("relation") == [
        "<src>/shared.inc:6: WARNING: :helps: 'nothing-here' names no entry; the link is "
        "left out [crawl.relation]"
    ]
    # The page's part of the data says where, as plain data (the same under -j).
    from sphinx_crawl.domain import crawl_domain

    (helper,) = [
        e for e in crawl_domain(result.app.env).entries_by_doc["zz"] if e["id"] == "helper"
    ]
    assert helper["included"] == ["shared.inc", 6]


_TITLE_IDS_CONF = 'extensions = ["sphinx_crawl"]\nproject = "Title ids"\n'
_TITLE_IDS_PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   tips\n   treats\n   a-first\n   b-later\n\n"
    "See :crawl:tip:`unicode-cafe-2` and :crawl:tip:`unicode-cafe-treats`.\n",
    # Two titles on one page making one id: the second has the page's next anchor.
    "tips.rst": "Tips\n====\n\n.. tip-card:: Ünïcödé Çafé\n\n   The first.\n\n"
    ".. tip-card:: Unicode Cafe\n\n   The second.\n",
    # And on another page: its anchor is free on its page, the id is not.
    "treats.rst": "Treats\n======\n\n.. tip-card:: Unicode, Cafe!\n\n   The third.\n",
    # An id the author wrote is theirs, whatever the order of the pages.
    "a-first.rst": "A\n=\n\n.. tip-card:: Tummy time\n\n   Made from the title.\n",
    "b-later.rst": "B\n=\n\n.. tip-card:: Written\n   :id: tummy-time\n\n   Written.\n",
}


def _title_ids_project(path: Path) -> Path:
    path.mkdir()
    (path / "conf.py").write_text(_TITLE_IDS_CONF, encoding="utf-8")
    for name, text in _TITLE_IDS_PAGES.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_ids_made_from_titles_are_made_unique_the_same_way_everywhere(
    tmp_path: Path, make_app: Any
) -> None:
    """Two titles making one id ("Ünïcödé Çafé", "Unicode Cafe"): no entry is left out,
    each has one id in every output, links to it land on it, the author is told which
    :id: to write, and -j 2 and incremental builds agree with a clean serial one."""
    srcdir = _title_ids_project(tmp_path / "src")
    result = build(srcdir, make_app=make_app)
    expected = {
        "unicode-cafe": "tips.html#unicode-cafe",
        "unicode-cafe-2": "tips.html#unicode-cafe-2",
        "unicode-cafe-treats": "treats.html#unicode-cafe-treats",
        "tummy-time": "b-later.html#tummy-time",
        "tummy-time-a-first": "a-first.html#tummy-time-a-first",
    }
    assert {e["id"]: e["url"] for e in result.crawl_json()["entries"]} == expected
    assert _published(result) == dict.fromkeys(_published(result), sorted(expected))
    links = {a.get_text(): a["href"] for a in result.main("index").select("a.reference")}
    assert links["Unicode Cafe"] == "tips.html#unicode-cafe-2"
    assert links["Unicode, Cafe!"] == "treats.html#unicode-cafe-treats"
    for url in expected.values():  # each page has the anchor, its heading the -title one
        page, anchor = url.split(".html#")
        shown = result.main(page).find("article", id=anchor)
        assert shown is not None, url
        assert shown.find(class_="crawl-entry-title")["id"] == f"{anchor}-title"
    tips, treats = srcdir / "tips.rst", srcdir / "treats.rst"
    assert result.crawl_warnings() == [
        f"<src>/a-first.rst:{line_of(srcdir / 'a-first.rst', '.. tip-card::')}: WARNING: "
        "tip-card: this title makes the id 'tummy-time', which the entry at "
        f"<src>/b-later.rst:{line_of(srcdir / 'b-later.rst', '.. tip-card::')} has; this "
        "entry is known as 'tummy-time-a-first' until you give it an id of its own: add "
        "':id: tummy-time-a-first' (or another) [crawl.id]",
        f"<src>/tips.rst:{line_of(tips, '.. tip-card:: Unicode')}: WARNING: tip-card: this "
        f"title makes the id 'unicode-cafe', which the entry at <src>/tips.rst:"
        f"{line_of(tips, '.. tip-card:: Ü')} has; this entry is known as 'unicode-cafe-2' "
        "until you give it an id of its own: add ':id: unicode-cafe-2' (or another) "
        "[crawl.id]",
        f"<src>/treats.rst:{line_of(treats, '.. tip-card::')}: WARNING: tip-card: this title "
        f"makes the id 'unicode-cafe', which the entry at <src>/tips.rst:"
        f"{line_of(tips, '.. tip-card:: Ü')} has; this entry is known as "
        "'unicode-cafe-treats' until you give it an id of its own: add "
        "':id: unicode-cafe-treats' (or another) [crawl.id]",
    ]
    # Read in another order (-j 2), and again after each page changes: the same.
    parallel = build(copy_source(srcdir, tmp_path / "parallel"), make_app=make_app, parallel=2)
    assert parallel.crawl_json() == result.crawl_json()
    assert parallel.text("crawl-searchindex.js") == result.text("crawl-searchindex.js")
    for name in ("treats.rst", "a-first.rst", "tips.rst"):
        source = srcdir / name
        source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
        again = build(srcdir, make_app=make_app)
        assert again.crawl_json() == result.crawl_json(), name
        assert again.text("crawl-searchindex.js") == result.text("crawl-searchindex.js")
        assert sorted(again.crawl_warnings()) == sorted(result.crawl_warnings())
    # The entries holding the id go: the one on an unchanged page takes it back, its
    # page is written again with it, as a clean build writes it.
    tips.write_text("Tips\n====\n\nNone yet.\n", encoding="utf-8")
    again = build(srcdir, make_app=make_app)
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert "treats" in again.written
    assert again.crawl_json() == clean.crawl_json()
    assert again.shown("treats") == clean.shown("treats")
    assert again.main("treats").find("article", id="unicode-cafe") is not None


def test_a_reference_to_an_unknown_source_is_text_not_a_dead_link(
    tmp_path: Path, make_app: Any
) -> None:
    """``{crawl:source}`` with a key no ``crawl_sources`` has: warned at its line, and
    shown as its text; before, it linked to ``sources.html#source-<key>``, an anchor no
    page has (s38, helper-24's report). A known source still links to its line."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'extensions = ["sphinx_crawl"]\nproject = "Sources"\n'
            'crawl_sources = {"nhs": {"title": "Baby development", "publisher": "NHS"}}\n',
            "index.rst": "Index\n=====\n\n.. toctree::\n\n   sources\n\n"
            "Known: :crawl:source:`nhs`. Unknown: :crawl:source:`nowhere`.\n",
            "sources.rst": "Sources\n=======\n\n.. crawl-sources::\n",
        },
    )
    result = build(src, make_app=make_app)
    assert any(
        w.startswith("<src>/index.rst:8:") and "unknown source 'nowhere'" in w
        for w in result.crawl_warnings()
    ), result.crawl_warnings()
    refs = result.main("index").find_all(class_="crawl-source-ref")
    known, unknown = refs
    assert unknown.get_text() == "nowhere"
    assert known.find_parent("a")["href"] == "sources.html#source-nhs"
    assert unknown.find_parent("a") is None
