"""Round s45 (helper h37): adopters and authors outside the plan. Each case tried is a
test here, whether it held or failed; those that failed say what they did before their
fix. (What a browser shows is in tests/browser/test_hostile_adopters_s45.py.)

Most cases share one build of one project of authors' mistakes (``mistakes``), so the
module stays fast."""

from __future__ import annotations

import json
import re
import signal
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from tests.build_utils import Build, Project, adopter_conf, build, line_of, write_project
from tests.test_crash_safe import assert_repaired, sphinx
from tests.test_crash_safe import project as crash_project
from tests.test_hostile_adopters_s44 import RST_PAGE
from tests.test_incremental_edits import ALPHA, BETA, FLAG, MILESTONE, REFS, Handbook, write
from tests.test_incremental_edits import CONF as EDITS_CONF

CONF = """\
project = "P"
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "gone.rst"]
crawl_offline = True
crawl_sources = {
    "my source": {"title": "A key with a space", "publisher": "Someone"},
    "ok": {"title": "A usable key", "publisher": "Someone"},
}
crawl_tag_labels = {"floors": "<b>Floors</b> & more"}
"""

#: The extension's own ids on a page (the baby panel's, the offline copy's, the age
#: filter's, the search box's), each an entry's id here.
OWN_IDS = [
    "crawl-baby-heading",
    "crawl-baby-which",
    "crawl-baby-name",
    "crawl-baby-born",
    "crawl-baby-early",
    "crawl-offline-status",
    "crawl-checklist-age",
    "crawl-search-q",
]


def tip(title: str, *options: str, body: str = "Body.") -> str:
    lines = [f".. tip-card:: {title}", *(f"   {option}" for option in options), ""]
    lines += [f"   {line}" if line else "" for line in body.splitlines()]
    return "\n".join(lines) + "\n\n"


PAGES = {
    "conf.py": CONF,
    "index.rst": "Home\n====\n\n.. toctree::\n\n   cells\n   ages\n   ids\n   lists\n"
    "   panels\n   unicode\n\nSee :crawl:tip:`gone-tip`.\n\n"
    ".. red-flag:: Sees a gone tip\n   :id: sees-gone\n   :urgency: soon\n   :see: gone-tip\n\n"
    "   Body.\n\n.. crawl-list::\n   :first: gone-tip\n",
    # Excluded by exclude_patterns, and linked to from the home page.
    "gone.rst": "Gone\n====\n\n" + tip("Gone", ":id: gone-tip"),
    "cells.rst": "Cells\n=====\n\n.. list-table::\n\n   * - .. tip-card:: In a cell\n"
    "          :id: in-a-cell\n\n          Body.\n     - other\n\n"
    + tip("Two sources", ":id: two-sources", ":source: my source, ok"),
    "ages.rst": "Ages\n====\n\n"
    + tip("En dash", ":id: en-dash", ":age: 6\u201310 months")
    + tip("In words", ":id: in-words", ":age: 6 to 10 mo")
    + tip("Em dash", ":id: em-dash", ":age: 6 — 10 months")
    + tip("Non-breaking hyphen", ":id: nb-hyphen", ":age: 6\u201110 months")
    + tip("Minus sign", ":id: minus-sign", ":age: 6\u221210 months")
    + tip("Unicode hyphen", ":id: unicode-hyphen", ":age: 6\u201010 months")
    + tip("Zero-width space", ":id: zero-width", ":age: 6-10 months\u200b")
    + tip("Backwards", ":id: backwards", ":age: 10-6 months")
    + tip("Trailing comma", ":id: trailing-comma", ":age: 6-10 months,")
    + tip("Exponent", ":id: exponent", ":age: 1.5e3 months")
    + tip("Negative", ":id: negative", ":age: -3 months")
    + tip("Too old", ":id: too-old", ":age: 300 months"),
    "ids.rst": "Ids\n===\n\n"
    + tip("Spaced", ":id: Bare Knees")
    + tip("Underscore", ":id: a_b")
    + tip("Dotted", ":id: a.b")
    + ":crawl:red-flag:`bare-knees` and :crawl:milestone:`a-b`\n",
    "lists.rst": "Lists\n=====\n\n"
    + tip("Tagged", ":id: tagged", ":tags: floors")
    + ".. red-flag:: No action\n   :id: no-action\n   :urgency: soon\n   :action:\n\n   Body.\n\n"
    + ".. crawl-list::\n   :type: tips\n\n"
    + ".. milestone-table:: Mixed\n\n   .. tip-card:: Not a milestone\n      :id: not-a-milestone"
    "\n\n      Body.\n\n   A loose paragraph.\n\n   .. milestone:: Rolls\n      :id: rolls\n"
    "      :age: 4-6 months\n\n      Body.\n",
    # A page that is a crawl-list only, whose filter matches nothing.
    "nothing.rst": ":orphan:\n\n.. crawl-list::\n   :tags: nothing-has-this-tag\n",
    "panels.rst": "Panels\n======\n\n"
    + "".join(tip(f"Named {name}", f":id: {name}", ":age: 6-10 months") for name in OWN_IDS)
    + tip("Listed", ":id: listed", ":tags: panel")
    + ".. crawl-baby::\n\n.. crawl-offline::\n\n.. crawl-list::\n   :tags: panel\n"
    "   :layout: checklist\n",
    "unicode.rst": "Unicode\n=======\n\n" + tip("👶🍼") + tip("✓") + tip("赤ちゃん") + tip("Ⅻ ǅ ﬁ"),
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(write_project(tmp_path_factory.mktemp("mistakes") / "src", PAGES))


def warned(site: Build, page: str, text: str, subtype: str) -> list[str]:
    """The crawl.<subtype> warnings at the line of ``page`` holding ``text`` (a
    directive's first line: where an entry's or a list's warnings are)."""
    line = line_of(site.srcdir / page, text)
    return [w for w in site.crawl_warnings(subtype) if f"<src>/{page}:{line}:" in w]


def test_no_mistake_stops_the_build_or_gives_a_traceback(mistakes: Build) -> None:
    logs = mistakes.app.status.getvalue() + mistakes.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "crawl.json" in {p.name for p in mistakes.outdir.iterdir()}


def test_an_entry_in_a_table_cell_is_an_entry(mistakes: Build) -> None:
    entries = {e["id"]: e for e in mistakes.crawl_json()["entries"]}
    assert entries["in-a-cell"]["url"] == "cells.html#in-a-cell"
    assert mistakes.main("cells").find("article", id="in-a-cell") is not None


def test_a_source_key_with_a_space_is_said_where_it_is_set_and_cited(mistakes: Build) -> None:
    (config,) = [w for w in mistakes.crawl_warnings("config") if "'my source'" in w]
    assert "is not a usable key" in config
    assert warned(mistakes, "cells.rst", "tip-card:: Two sources", "source")
    entry = next(e for e in mistakes.crawl_json()["entries"] if e["id"] == "two-sources")
    assert entry["sources"] == ["ok"]


@pytest.mark.parametrize(
    ("entry_id", "title"),
    [
        ("en-dash", "En dash"),
        ("in-words", "In words"),
        ("em-dash", "Em dash"),
        ("nb-hyphen", "Non-breaking hyphen"),
        ("minus-sign", "Minus sign"),
        ("unicode-hyphen", "Unicode hyphen"),
        ("zero-width", "Zero-width space"),
    ],
)
def test_an_age_with_any_dash_in_words_or_an_invisible_character_is_read(
    mistakes: Build, entry_id: str, title: str
) -> None:
    """En and em dashes and "6 to 10 months" were read already (held). "6\u201110
    months" (a non-breaking hyphen, as a word processor types one), "6\u221210 months" (a
    minus sign) and "6\u201010 months" look like "6-10 months" but were a crawl.age
    warning, "cannot read the age '6-10 months'; write it like '4-6 months'...", showing
    the author what they had written, and the entry had no age (the age filter showed it
    at every age); a zero-width space pasted after the age did the same. Every dash is
    read as the en and em dashes were, and invisible characters are left out."""
    entry = next(e for e in mistakes.crawl_json()["entries"] if e["id"] == entry_id)
    assert (entry["age"]["min_months"], entry["age"]["max_months"]) == (6, 10)
    assert warned(mistakes, "ages.rst", f"tip-card:: {title}", "age") == []


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Backwards", "the age '10-6 months' runs backwards"),
        ("Trailing comma", "cannot read the age '6-10 months,'"),
        ("Exponent", "cannot read the age '1.5e3 months'"),
        ("Negative", "cannot read the age '-3 months'"),
        ("Too old", "the age '300 months' is beyond 72 months"),
    ],
)
def test_an_age_that_cannot_be_one_is_the_author_s_located_warning(
    mistakes: Build, title: str, said: str
) -> None:
    (warning,) = warned(mistakes, "ages.rst", f"tip-card:: {title}", "age")
    assert said in warning


def test_ids_that_are_no_slugs_are_said_and_the_one_they_make_is_used(mistakes: Build) -> None:
    for title, used in (("Spaced", "bare-knees"), ("Underscore", "a-b")):
        (warning,) = warned(mistakes, "ids.rst", f"tip-card:: {title}", "id")
        assert f"using '{used}'" in warning
    # a.b makes a-b too: the second is the duplicate, and says where the first is.
    dotted = warned(mistakes, "ids.rst", "tip-card:: Dotted", "id")
    assert any("duplicate crawl id 'a-b'" in w for w in dotted), dotted


def test_a_link_to_an_entry_of_another_type_names_the_type_it_is(mistakes: Build) -> None:
    refs = warned(mistakes, "ids.rst", ":crawl:red-flag:`bare-knees`", "ref")
    assert any("unknown crawl red-flag (it is a tip) 'bare-knees'" in w for w in refs), refs
    assert any("unknown crawl milestone (it is a tip) 'a-b'" in w for w in refs), refs


def test_links_to_an_entry_on_an_excluded_page_are_each_a_located_warning(
    mistakes: Build,
) -> None:
    """gone.rst is in exclude_patterns: its entry is nowhere, and every way the home page
    names it is the author's warning at its own line."""
    assert warned(mistakes, "index.rst", "See :crawl:tip:`gone-tip`", "ref")
    assert warned(mistakes, "index.rst", "red-flag:: Sees a gone tip", "relation")
    assert warned(mistakes, "index.rst", "crawl-list::", "filter")
    assert "gone-tip" not in {e["id"] for e in mistakes.crawl_json()["entries"]}


def test_a_list_of_an_unknown_type_and_a_table_of_other_things_are_said(mistakes: Build) -> None:
    (unknown,) = [w for w in mistakes.crawl_warnings("filter") if "lists.rst:" in w]
    assert "unknown :type: 'tips'" in unknown
    content = mistakes.crawl_warnings("content")
    assert any("lists.rst:" in w and "only milestone entries belong" in w for w in content)
    assert "rolls" in {e["id"] for e in mistakes.crawl_json()["entries"]}


def test_an_empty_action_is_said_and_a_tag_label_s_markup_is_text(mistakes: Build) -> None:
    (empty,) = warned(mistakes, "lists.rst", "red-flag:: No action", "field")
    assert ":action: the value is empty" in empty
    flag = mistakes.main("lists").find("article", id="no-action")
    assert "Book an appointment" in flag.get_text(), "the usual action for its urgency"
    tips = mistakes.text("crawl-tips.html")
    assert "<b>Floors</b>" not in tips
    assert "&lt;b&gt;Floors&lt;/b&gt; &amp; more" in tips


def test_a_page_that_is_only_a_list_matching_nothing_says_so(mistakes: Build) -> None:
    text, _hrefs, _ids = mistakes.shown("nothing")
    assert "No entries match." in text
    assert not [w for w in mistakes.crawl_warnings() if "nothing.rst" in w]


def test_titles_of_emoji_or_other_scripts_get_ids_of_their_own(mistakes: Build) -> None:
    entries = [e for e in mistakes.crawl_json()["entries"] if e["docname"] == "unicode"]
    assert [e["title"] for e in entries] == ["👶🍼", "✓", "赤ちゃん", "Ⅻ ǅ ﬁ"]
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == 4
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids
    main = mistakes.main("unicode")
    assert all(main.find("article", id=i) is not None for i in ids)


def test_an_entry_with_an_id_of_the_extension_s_own_parts_leaves_them_theirs(
    mistakes: Build,
) -> None:
    """An entry ``:id: crawl-baby-born`` (or ``crawl-baby-heading``,
    ``crawl-offline-status``...) on the page of the baby panel and the offline copy: the
    page had the id twice, so the panel's "Date of birth" label named the entry, not the
    date field (a screen reader read the field without a name, a tap on the label did
    not reach it), the panel was named by the entry's heading, and the offline copy's
    progress bar by the entry. The panels take another id where an entry has theirs (as
    the age filter and the search box already did); the entries keep theirs."""
    soup = mistakes.soup("panels")
    ids = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    for entry_id in OWN_IDS:
        assert soup.find("article", id=entry_id) is not None
    form = soup.find("form", class_="crawl-baby")
    assert form is not None
    labels = form.find_all("label")
    assert len(labels) == 4
    for label in labels:
        field = soup.find(id=label["for"])
        assert field is not None, label
        assert field.name in {"input", "select"}, label
        assert field.find_parent("form") is form
    heading = soup.find(id=form["aria-labelledby"])
    assert heading is not None
    assert "crawl-baby-heading" in heading["class"]
    progress = soup.find("progress", class_="crawl-offline-progress")
    assert progress is not None
    status = soup.find(id=progress["aria-labelledby"])
    assert status is not None
    assert "crawl-offline-status" in status["class"]


def test_the_offline_copy_keeps_the_page_of_only_a_list(mistakes: Build) -> None:
    worker = mistakes.text("crawl-sw.js")
    assert '"nothing.html"' in worker
    assert '"gone.html"' not in worker


ROOT_DOC_CONF = """\
project = "P"
version = "1"
copyright = "2026"
extensions = ["sphinx_crawl"]
root_doc = "start"
crawl_emergency = {"numbers": {"UK": "999"}, "page": "emergency"}
"""
ROOT_DOC_PAGES = {
    "conf.py": ROOT_DOC_CONF,
    "start.rst": "Start\n=====\n\n.. toctree::\n\n   emergency\n\n"
    ".. red-flag:: Not moving\n   :id: not-moving\n   :urgency: soon\n   :age: by 12 months\n\n"
    "   Body.\n\n.. crawl-list::\n   :type: red-flag\n   :layout: checklist\n",
    "emergency.rst": "Emergency\n=========\n\nCall.\n",
}


@pytest.fixture(scope="module")
def start_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project whose root document is ``start``, not ``index``: built as HTML once,
    then by each builder from the same doctrees."""
    base = tmp_path_factory.mktemp("root-doc")
    src = write_project(base / "src", ROOT_DOC_PAGES)
    project = Project("start", src, base / "out", base / "doctrees")
    project.build("html")
    return project


def _links_home(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [str(a["href"]) for a in soup.find_all("a", href=True) if a.get_text(strip=True) == "P"]


def test_the_single_page_s_search_page_links_home_to_the_single_page(
    start_project: Project,
) -> None:
    """singlehtml writes one page (start.html with ``root_doc = "start"``) and the
    extension its search page; the theme's links home on the search page
    (``pathto(root_doc)``) were ``./``: the output folder, which has no index.html
    (a "not found"), and, opened from disk, a file listing even where it has one. They
    lead to the single page."""
    result, out = start_project.build("singlehtml")
    assert result.returncode == 0, result.stderr[-2000:]
    search = (out / "search.html").read_text(encoding="utf-8")
    assert 'href="./"' not in search
    home = _links_home(search)
    assert home, search
    assert set(home) == {"start.html"}, home
    assert (out / "start.html").is_file()


@pytest.mark.parametrize("builder", ["html", "dirhtml", "epub", "latex", "text"])
def test_a_root_document_not_named_index_builds_without_a_warning(
    start_project: Project, builder: str
) -> None:
    result, out = start_project.build(builder)
    assert result.returncode == 0, result.stderr[-2000:]
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert problems == []
    if builder == "html":
        data = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
        assert [e["url"] for e in data["entries"]] == ["start.html#not-moving"]


SUFFIX_CONF = 'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_offline = True\n'


@pytest.mark.parametrize(
    ("setting", "start", "page"),
    [
        ('html_file_suffix = ".xhtml"', "index.xhtml", "index.xhtml"),
        ('html_link_suffix = ""', "index", "index.html"),
    ],
)
def test_the_offline_handbook_with_other_page_suffixes_starts_on_a_page(
    tmp_path: Path, setting: str, start: str, page: str
) -> None:
    text = ROOT_DOC_PAGES["start.rst"].replace(".. toctree::\n\n   emergency\n\n", "")
    src = write_project(
        tmp_path / "src", {"conf.py": SUFFIX_CONF + setting + "\n", "index.rst": text}
    )
    site = build(src)
    assert site.crawl_warnings() == []
    manifest = json.loads(site.text("manifest.webmanifest"))
    assert manifest["start_url"] == start
    assert (site.outdir / page).is_file()
    assert f'"{page}"' in site.text("crawl-sw.js")


PLUGIN = """
from sphinx_crawl import ContentType, Field, IndexSpec, register_content_type


def odd(value):
    return {"inf": float("inf"), "true": True, "tuple": ("a", "b"), "bytes": b"abc",
            "none": None, "self": ODD}.get(value.strip(), value)


def badge(fields):
    return {"markup": "<b>bold</b> <script>alert(1)</script>", "none": None}.get(
        fields.get("look"), "Odd")


def group_by(entry):
    look = entry["fields"].get("look")
    if look == "generator":
        return ((key, key.upper()) for key in ["gen"])
    if look == "string":
        return "abc"
    if look == "triple":
        return [("a", "b", "c")]
    return [(look, look)]


ODD = ContentType(
    name="odd", directive="odd-card", label="Odd", plural="Odds",
    fields=(
        Field("count", converter=odd, schema={"type": "integer"}),
        Field("word", converter=odd, schema={"type": "string"}),
        Field("words", converter=odd, schema={"type": "array", "items": {"type": "string"}}),
        Field("look"),
    ),
    badge=badge,
    index=IndexSpec("odds", "Odds", "odds", group_by),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, ODD)
    register_content_type(app, ODD)  # twice, by mistake
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""

#: Each card's option, and what the warning at its line says (None: no warning).
ODD_CARDS = [
    (":count: inf", "converter returned float inf, which does not match its schema"),
    (":count: true", "converter returned bool True, which does not match its schema"),
    (":words: tuple", "converter returned tuple ('a', 'b'), which does not match"),
    (":word: bytes", "converter returned bytes b'abc', which does not match"),
    (":word: none", "converter returned NoneType None, which does not match"),
    (":word: self", "converter returned ContentType ContentType("),
    (":look: none", "badge returned NoneType None"),
    (":look: string", "group_by raised ValueError"),
    (":look: triple", "group_by raised ValueError"),
    (":look: markup", None),
    (":look: generator", None),
]


@pytest.fixture(scope="module")
def odd_plugin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """A plugin whose code returns what it should not, built serially and with -j 2."""
    base = tmp_path_factory.mktemp("odd")
    page = "Home\n====\n\n" + "".join(
        f".. odd-card:: Card {option}\n   {option}\n\n   Body.\n\n"
        for n, (option, _said) in enumerate(ODD_CARDS)
    )
    conf = (
        'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\nproject = "P"\n'
        'extensions = ["sphinx_crawl", "odd_hooks_s45"]\n'
    )
    sites = []
    for name, parallel in (("serial", 0), ("parallel", 2)):
        src = write_project(
            base / name, {"conf.py": conf, "odd_hooks_s45.py": PLUGIN, "index.rst": page}
        )
        sites.append(build(src, parallel=parallel))
    return sites[0], sites[1]


def test_a_plugin_s_odd_values_are_its_located_warnings(odd_plugin: tuple[Build, Build]) -> None:
    serial, _parallel = odd_plugin
    logs = serial.app.status.getvalue() + serial.app.warning.getvalue()
    assert "Traceback" not in logs
    for option, said in ODD_CARDS:
        found = warned(serial, "index.rst", f"odd-card:: Card {option}", "plugin")
        if said is None:
            assert found == [], found
        else:
            assert any(said in w for w in found), (option, found)


def test_crawl_json_keeps_only_a_plugin_s_values_that_fit(odd_plugin: tuple[Build, Build]) -> None:
    serial, _parallel = odd_plugin
    data = serial.crawl_json()
    jsonschema.validate(data, json.loads(serial.text("crawl.schema.json")))
    assert len(data["entries"]) == len(ODD_CARDS)
    json.loads(serial.text("crawl.json"), parse_constant=_no_constant)


def _no_constant(name: str) -> Any:
    raise AssertionError(f"crawl.json has {name}, which JSON does not")


def test_a_plugin_s_badge_markup_is_text(odd_plugin: tuple[Build, Build]) -> None:
    serial, _parallel = odd_plugin
    html = serial.text("index.html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_plugin_s_groups_from_a_generator_are_its_index_s_groups(
    odd_plugin: tuple[Build, Build],
) -> None:
    serial, _parallel = odd_plugin
    soup = BeautifulSoup(serial.text("crawl-odds.html"), "html.parser")
    heads = [a.get_text() for a in soup.select('a[href^="#cap-"]')]
    assert "GEN" in heads, heads
    assert "Other" in heads, heads


def test_a_plugin_built_with_j_2_gives_what_a_serial_build_gives(
    odd_plugin: tuple[Build, Build],
) -> None:
    serial, parallel = odd_plugin
    assert parallel.crawl_json() == serial.crawl_json()
    for page in ("index", "crawl-odds"):
        assert parallel.shown(page) == serial.shown(page)
    assert sorted(parallel.crawl_warnings()) == sorted(serial.crawl_warnings())


SPANISH_AGES = ["6 to 10 mo", "6\u201310 months", "6 - 10 m", "by 12 mths", "9-12 months+"]


def test_ages_written_in_other_ways_read_in_a_spanish_edition(tmp_path: Path) -> None:
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nlanguage = "es"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": "Inicio\n======\n\n"
            + "".join(
                f".. milestone:: Hito {n}\n   :age: {age}\n\n   Cuerpo.\n\n"
                for n, age in enumerate(SPANISH_AGES)
            ),
        },
    )
    site = build(src)
    assert site.crawl_warnings() == []
    labels = [e["age"]["label"] for e in site.crawl_json()["entries"]]
    assert labels == [
        "6-10 meses",
        "6-10 meses",
        "6-10 meses",
        "para los 12 meses",
        "9-12 meses o más",
    ]


def test_a_page_renamed_one_deleted_and_an_entry_moved_under_j_2_equal_clean_builds(
    tmp_path: Path,
) -> None:
    """With the offline copy on and two processes: a page renamed, then a page deleted
    whose entry others link to (a role, a relation, a list), then an entry moved to
    another page; after each, the incremental build equals a clean one (crawl.json,
    the entry search, every page's content), and the links to the deleted entry are
    the author's warnings."""
    handbook = Handbook(
        tmp_path,
        {"a.md": "# A\n\n" + ALPHA + BETA + MILESTONE, "b.md": "# B\n\n" + FLAG, "refs.md": REFS},
        parallel=2,
        conf=EDITS_CONF + "crawl_offline = True\n",
    )
    src = handbook.srcdir

    def contents(*pages: str) -> None:
        write(src, "index.md", "# Edits\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n")

    (src / "b.md").rename(src / "c.md")
    contents("a", "c", "refs")
    handbook.rebuilt("renaming b.md to c.md")

    (src / "a.md").unlink()
    contents("c", "refs")
    deleted = handbook.rebuilt("deleting a.md, whose tip others link to")
    said = [w for w in deleted.crawl_warnings() if "'alpha'" in w]
    assert any("[crawl.relation]" in w for w in said), said
    assert any("[crawl.ref]" in w for w in said), said

    write(src, "c.md", "# C\n\n" + FLAG + BETA)
    write(src, "refs.md", REFS + "\n" + ALPHA)
    moved = handbook.rebuilt("moving beta to c.md and alpha to refs.md")
    urls = {entry["id"]: entry["url"] for entry in moved.crawl_json()["entries"]}
    assert urls["beta"] == "c.html#beta"
    assert urls["alpha"] == "refs.html#alpha"
    assert [w for w in moved.crawl_warnings() if "'alpha'" in w] == []


EDITION_CONF = """\
project = "P"
extensions = ["sphinx_crawl"]
locale_dirs = ["locales/"]
crawl_editions = {"en": {"label": "English", "path": ""}, "es": {"label": "Es", "path": "es/"}}
"""
EDITION_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Bare knees grip the floor"
msgstr "Las rodillas desnudas se agarran al suelo"
"""


def test_an_id_made_from_a_translated_title_is_the_same_in_every_edition(
    tmp_path: Path,
) -> None:
    """An entry without ``:id:`` takes its id from its title; a Spanish edition that
    translates the title keeps the English edition's id, so the edition switch (which
    keeps the ``#id``) and links between editions land on the entry."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": EDITION_CONF,
            "index.rst": "Home\n====\n\n.. tip-card:: Bare knees grip the floor\n\n   Body.\n",
            "locales/es/LC_MESSAGES/index.po": EDITION_PO,
        },
    )
    english = build(src)
    spanish = build(src, confoverrides={"language": "es"}, builddir=tmp_path / "es")
    (en_entry,) = english.crawl_json()["entries"]
    (es_entry,) = spanish.crawl_json()["entries"]
    assert es_entry["title"] == "Las rodillas desnudas se agarran al suelo"
    assert en_entry["id"] == es_entry["id"] == "bare-knees-grip-the-floor"
    assert spanish.main("index").find("article", id=en_entry["id"]) is not None


def test_another_handbook_s_entries_are_linked_through_intersphinx(tmp_path: Path) -> None:
    """The roles reach another handbook's entries through its objects.inv (plain and
    with ``external``); a relation (``:see:``) names this handbook's entries only, and
    says so."""
    other = build(
        write_project(tmp_path / "other", {"conf.py": adopter_conf(), "index.rst": RST_PAGE})
    )
    conf = (
        'project = "B"\nextensions = ["sphinx_crawl", "sphinx.ext.intersphinx"]\n'
        f'intersphinx_mapping = {{"a": ("https://a.example.org/", "{other.outdir}/objects.inv")}}\n'
    )
    page = (
        "Home\n====\n\nPlain :crawl:red-flag:`not-moving`, "
        ":external+a:crawl:red-flag:`not-moving`.\n\n"
        ".. red-flag:: Mine\n   :id: mine\n   :urgency: soon\n   :see: not-moving\n\n   Body.\n"
    )
    site = build(write_project(tmp_path / "src", {"conf.py": conf, "index.rst": page}))
    links = site.main("index").select('a[href="https://a.example.org/index.html#not-moving"]')
    assert [a.get_text() for a in links] == ["Not moving", "Not moving"]
    (said,) = site.crawl_warnings()
    assert "index.rst:6:" in said  # the red flag's line
    assert "[crawl.relation]" in said


@pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "j2"])
def test_a_first_build_killed_inside_a_page_is_repaired_by_the_next(
    tmp_path: Path, parallel: int
) -> None:
    """The kills of test_crash_safe come after a build that finished; here the very
    first build of a project (offline copy on) is SIGKILLed while it writes its third
    page, with no environment saved and no crawl.json yet: the next build gives what a
    clean build gives, file for file."""
    srcdir = crash_project(tmp_path)
    stopped = sphinx(srcdir, parallel, file=".html", at="2", how="half")
    assert stopped.returncode == -signal.SIGKILL, stopped.stderr[-3000:]
    assert not (srcdir / "_build" / "html" / "crawl.json").exists()
    assert_repaired(srcdir, "first-build-killed", tmp_path, parallel)
