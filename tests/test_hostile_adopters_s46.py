"""Round s46 (helper h42): adopters, authors, plugins and programs outside the plan.
Each case tried is a test here, whether it held or failed; those that failed say what
they did before their fix.

Most author cases share one build of one project (``authors``): entries in a glossary,
with footnotes, with math, in an included file, on an orphan page, with ids differing
only in case, with titles that look like markup, templates or format strings, and under
a label. Tried by hand and not kept here (they need a browser or a theme the tests do
not install): sphinx-celery, sphinx-nefertiti (dark too), sphinx-py3doc-enhanced-theme
and guzzle-sphinx-theme at 1280 and 375 px, light and dark, and pydata-sphinx-theme and
sphinx-book-theme dark by default (``html_context = {"default_mode": "dark"}``) on a
light system: axe found nothing in the extension's parts and its fields take the
page's colours. (sphinx-celery and py3doc-enhanced scroll sideways on a phone: their
layouts have a fixed width. sphinx-typo3-theme and karma-sphinx-theme do not run on
Sphinx 7 and later.)"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_crawl.api import load
from tests.build_utils import (
    Build,
    adopter_conf,
    adopter_site,
    build,
    line_of,
    load_inventory,
    read_search_index,
    schema_of,
    write_project,
)
from tests.plugin_project import plugin_site
from tests.test_crash_safe import (
    KILL_POINTS,
    assert_same_files,
    command,
    finished,
    marker,
    sphinx,
)

AUTHORS_CONF = adopter_conf(
    'extensions.append("sphinx.ext.mathjax")\n'
    'exclude_patterns = ["_build", "inc/*"]\n'
    "crawl_offline = True\n"
    # Settings that change how pages are read: none is the extension's to undo.
    'numfig = True\nsmartquotes = False\ndefault_role = "crawl:tip"\n'
    'rst_prolog = ".. |baby| replace:: your baby\\n"\n'
)

INCLUDED = ".. tip-card:: Included tip\n   :id: included-tip\n   :age: 6-9 months\n\n   {body}\n"

AUTHORS = {
    "conf.py": AUTHORS_CONF,
    "index.rst": "Home\n====\n\n.. toctree::\n   :caption: See :crawl:tip:`in-glossary` now\n\n"
    "   glossary\n   notes\n   included\n   cases\n   titles\n   containers\n",
    # sphinx-design's tabs and dropdowns (the extension loads sphinx-design), admonitions.
    "containers.rst": "Containers\n==========\n\n.. tab-set::\n\n   .. tab-item:: First\n\n"
    "      .. tip-card:: In a tab\n         :id: in-a-tab\n\n         Body.\n\n"
    "   .. tab-item:: Second\n\n      .. red-flag:: In a second tab\n         :id: in-second-tab\n"
    "         :urgency: soon\n\n         Body.\n\n"
    ".. dropdown:: Closed\n\n   .. tip-card:: In a dropdown\n      :id: in-dropdown\n\n"
    "      Body.\n\n.. note::\n\n   .. tip-card:: In a note\n      :id: in-note\n\n      Body.\n\n"
    ".. sidebar:: Side\n\n   .. tip-card:: In a sidebar\n      :id: in-sidebar\n\n      Body.\n\n"
    '.. tip-card:: Help |baby| crawl "forward"\n   :id: with-substitution\n\n'
    '   Body with |baby|, "quotes" -- and a dash.\n\n'
    "See `in-dropdown` and `in-a-tab`.\n",
    "glossary.rst": "Glossary\n========\n\n.. glossary::\n\n   Commando crawl\n"
    "      A crawl on the belly.\n\n      .. tip-card:: In glossary\n         :id: in-glossary\n\n"
    "         Body in a glossary.\n\n   Bear walk\n"
    "      Hands and feet. See :term:`Commando crawl` and :crawl:tip:`in-glossary`.\n",
    "notes.rst": "Notes\n=====\n\n"
    ".. tip-card:: With footnotes [#f1]_\n   :id: with-footnotes\n\n"
    "   Body with a footnote [#f1]_ and a numbered one [1]_.\n\n"
    "   .. [#f1] The footnote text.\n   .. [1] Numbered.\n\n"
    ".. red-flag:: Math :math:`x^2 > 3` in the title\n   :id: with-math\n   :urgency: soon\n\n"
    "   Body math :math:`\\frac{a}{b}`:\n\n   .. math::\n\n      e^{i\\pi} + 1 = 0\n",
    "inc/part.rst": INCLUDED.format(body="Included body, first words."),
    "included.rst": "Included\n========\n\n.. include:: inc/part.rst\n\n"
    "See :crawl:tip:`included-tip`.\n",
    "orphan.rst": ":orphan:\n\nOrphan\n======\n\n.. tip-card:: Orphan tip\n   :id: orphan-tip\n"
    "   :tags: lonely\n\n   Body.\n",
    "cases.rst": "Cases\n=====\n\n"
    ".. tip-card:: Knees upper\n   :id: Knees\n\n   Body.\n\n"
    ".. tip-card:: Knees lower\n   :id: knees\n\n   Body.\n\n"
    ".. tip-card:: KNEES\n\n   Body.\n\n"
    ".. _my-label:\n\n.. tip-card:: Labelled\n   :id: labelled\n\n   Body.\n\n"
    ".. milestone-table:: Rows\n\n   .. _row-label:\n\n   .. milestone:: Pulls to stand\n"
    "      :id: pulls-to-stand\n      :age: 9-12 months\n\n      Body.\n\n"
    ".. _same-as-id:\n\n.. tip-card:: Same as its id\n   :id: same-as-id\n\n   Body.\n\n"
    ".. _tip-list:\n\n.. crawl-list:: Tips on this page\n   :type: tip\n\n"
    "See :ref:`my-label`, :ref:`row-label`, :ref:`Named <my-label>`, :ref:`same-as-id` "
    "and :ref:`tip-list`.\n",
    "titles.rst": "Titles\n======\n\n"
    ".. tip-card:: <script>alert(1)</script>\n   :id: script-title\n"
    "   :tags: <b>x</b>, {{ tag }}\n\n"
    "   Body <script>alert(2)</script>.\n\n"
    ".. tip-card:: {{ title }} and {% if x %}y{% endif %}\n   :id: jinja-title\n"
    "   :keywords: {{ k }}, %s\n\n   Body {{ body }}.\n\n"
    ".. tip-card:: 100%s done %(name)s and %d {0}\n   :id: percent-title\n\n   Body %s.\n",
}


@pytest.fixture(scope="module")
def authors(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(write_project(tmp_path_factory.mktemp("authors") / "src", AUTHORS))


def entry(site: Build, entry_id: str) -> dict[str, Any]:
    return next(e for e in site.crawl_json()["entries"] if e["id"] == entry_id)


def test_no_case_of_the_authors_gives_a_traceback_or_an_invalid_crawl_json(
    authors: Build,
) -> None:
    logs = authors.app.status.getvalue() + authors.app.warning.getvalue()
    assert "Traceback" not in logs
    jsonschema.validate(authors.crawl_json(), schema_of(authors))
    handbook = load(authors.outdir / "crawl.json", validate=True)  # as a program reads it
    assert [e.id for e in handbook.entries] == [e["id"] for e in authors.crawl_json()["entries"]]
    # Only the ids differing in case are the authors' mistakes; and (s47) the page with
    # math loads MathJax from a CDN (sphinx.ext.mathjax's default), which is said.
    assert {w.split("[crawl.")[1] for w in authors.crawl_warnings()} == {"id]", "privacy]"}
    assert "cdn.jsdelivr.net" in " ".join(authors.crawl_warnings("privacy"))
    assert not [w for w in authors.warnings() if "[ref." in w], authors.warnings()


def test_an_entry_in_a_glossary_definition_is_an_entry(authors: Build) -> None:
    assert entry(authors, "in-glossary")["url"] == "glossary.html#in-glossary"
    link = authors.main("glossary").select_one('a.reference[href="#in-glossary"]')
    assert link is not None
    assert link.get_text() == "In glossary"


def test_a_toctree_caption_stays_the_author_s_words(authors: Build) -> None:
    """Sphinx reads no roles in a caption: it shows as written, and no crawl warning."""
    captions = [c.get_text() for c in authors.soup("index").select(".caption-text")]
    assert "See :crawl:tip:`in-glossary` now" in captions


def test_entries_in_tabs_dropdowns_and_admonitions_are_entries(authors: Build) -> None:
    """Inside sphinx-design's tabs and dropdowns, a note and a sidebar (held). (By hand in
    Chromium: a link to an entry in the second tab or a closed dropdown opens it.)"""
    urls = {e["id"]: e["url"] for e in authors.crawl_json()["entries"]}
    for entry_id in ("in-a-tab", "in-second-tab", "in-dropdown", "in-note", "in-sidebar"):
        assert urls[entry_id] == f"containers.html#{entry_id}"
        assert authors.main("containers").find("article", id=entry_id) is not None


def test_substitutions_plain_quotes_and_a_crawl_default_role_are_read(authors: Build) -> None:
    """``rst_prolog`` substitutions in a title and body, ``smartquotes = False`` and
    ``default_role = "crawl:tip"`` (held)."""
    data = entry(authors, "with-substitution")
    assert data["title"] == 'Help your baby crawl "forward"'
    assert data["text"] == 'Body with your baby, "quotes" -- and a dash.'
    links = authors.main("containers").select("p > a.reference.internal")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("#in-dropdown", "In a dropdown"),
        ("#in-a-tab", "In a tab"),
    ]


def test_footnotes_in_an_entry_are_shown_and_their_numbers_are_no_words_of_it(
    authors: Build,
) -> None:
    """The footnotes of an entry show in it; its text in crawl.json (and the search)
    was "... and a numbered one. 2 The footnote text. 1 Numbered.": the marks beside
    the words were left out already, not the footnotes' own numbers before their text.
    The same mark in its title was read out in the name of the title's permalink."""
    data = entry(authors, "with-footnotes")
    assert data["title"] == "With footnotes"
    assert data["text"] == ("Body with a footnote and a numbered one. The footnote text. Numbered.")
    article = authors.main("notes").find("article", id="with-footnotes")
    assert len(article.select("aside.footnote")) == 2
    # The title's permalink was named "Link to this entry: With footnotes 2".
    permalink = article.select_one("a.crawl-permalink")
    assert permalink["aria-label"] == "Link to this entry: With footnotes"


def test_math_in_an_entry_s_title_is_its_plain_text_everywhere_else(authors: Build) -> None:
    assert entry(authors, "with-math")["title"] == "Math x^2 > 3 in the title"
    assert entry(authors, "with-math")["text"] == "Body math \\frac{a}{b}: e^{i\\pi} + 1 = 0"
    flags = authors.soup("crawl-red-flags").find("div", {"role": "main"})
    link = flags.select_one('a[href="notes.html#with-math"]')
    assert link.get_text(" ", strip=True) == "Math x^2 > 3 in the title"


def test_an_entry_in_an_included_file_belongs_to_the_page_that_includes_it(
    authors: Build,
) -> None:
    data = entry(authors, "included-tip")
    assert (data["docname"], data["url"]) == ("included", "included.html#included-tip")
    assert "included-tip" not in str(authors.outdir / "inc")
    assert not (authors.outdir / "inc").exists()


def test_an_orphan_page_s_entries_are_listed_and_kept_offline(authors: Build) -> None:
    assert entry(authors, "orphan-tip")["url"] == "orphan.html#orphan-tip"
    assert authors.soup("crawl-tips").select_one('a[href="orphan.html#orphan-tip"]') is not None
    assert '"orphan.html"' in authors.text("crawl-sw.js")


def test_ids_differing_only_in_case_are_one_id_and_said(authors: Build) -> None:
    ids = [e["id"] for e in authors.crawl_json()["entries"] if e["docname"] == "cases"]
    assert ids.count("knees") == 1
    said = [w for w in authors.crawl_warnings("id") if "cases.rst" in w]
    assert any("id 'Knees' is not a lowercase slug; using 'knees'" in w for w in said)
    assert any("duplicate crawl id 'knees'" in w for w in said)
    assert any("this title makes the id 'knees'" in w for w in said)


def test_a_label_above_an_entry_is_a_reference_to_it_with_its_title(authors: Build) -> None:
    """``.. _my-label:`` above a tip-card, and ``:ref:`my-label```: Sphinx said "Failed
    to create a cross reference. A title or caption not found: 'my-label'" and showed
    nothing (only sections, figures and tables have titles it knows); the same in a
    milestone table. The label names the entry with its title, as above a section."""
    main = authors.main("cases")
    links = {a.get_text(): a["href"] for a in main.select("a.reference.internal")}
    assert links["Labelled"] == "#my-label"
    assert links["Pulls to stand"] == "#row-label"
    assert links["Named"] == "#my-label"
    assert links["Tips on this page"] == "#tip-list"  # a list, by its caption
    assert main.select_one("#my-label").find_parent("article")["id"] == "labelled"
    row_title = main.select_one("#row-label").find_parent("p")
    assert row_title.get_text() == "Pulls to stand"
    assert row_title.find_parent("tr")["id"] == "pulls-to-stand"


def test_a_label_named_as_the_entry_below_it_is_the_entry_s_own_id(authors: Build) -> None:
    """``.. _same-as-id:`` right above ``:id: same-as-id`` (as Sphinx authors label what
    they write): the entry's anchor became 'same-as-id-2', with a crawl.id warning that
    "the label 'same-as-id' has it as its anchor" and asking for another id, and links
    to the entry changed. The label and the entry are one element with one id."""
    assert not [w for w in authors.crawl_warnings() if "same-as-id" in w]
    assert entry(authors, "same-as-id")["url"] == "cases.html#same-as-id"
    main = authors.main("cases")
    assert len(main.select("#same-as-id")) == 1
    assert main.select_one("#same-as-id").name == "article"
    (ref,) = main.select('a.reference.internal[href="#same-as-id"] > span.std-ref')
    assert ref.get_text() == "Same as its id"


MYST_LABELS = """\
# Home

(knees)=
:::{tip-card} Bare knees
:id: knees

Body.
:::

::::{milestone-table} Rows
(pulls)=
:::{milestone} Pulls up
:age: 9-12 months

Body.
:::
::::

See {ref}`knees`, {ref}`pulls` and {crawl:tip}`knees`.
"""


def test_labels_above_entries_in_myst_name_them(tmp_path: Path) -> None:
    """MyST's ``(name)=`` above an entry and above a milestone in a table, as the rST
    labels above."""
    conf = adopter_conf(
        'extensions.insert(0, "myst_parser")\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    src = write_project(tmp_path / "src", {"conf.py": conf, "index.md": MYST_LABELS})
    site = build(src)
    assert site.warnings() == []
    links = [(a.get_text(), a["href"]) for a in site.main("index").select("a.reference.internal")]
    assert links == [("Bare knees", "#knees"), ("Pulls up", "#pulls"), ("Bare knees", "#knees")]
    assert [e["url"] for e in site.crawl_json()["entries"]] == [
        "index.html#knees",
        "index.html#pulls-up",
    ]


def test_titles_like_markup_templates_or_formats_are_text_everywhere(authors: Build) -> None:
    titles = {e["id"]: e["title"] for e in authors.crawl_json()["entries"]}
    assert titles["script-title"] == "<script>alert(1)</script>"
    assert titles["jinja-title"] == "{{ title }} and {% if x %}y{% endif %}"
    assert titles["percent-title"] == "100%s done %(name)s and %d {0}"
    for page in ("titles", "crawl-tips"):
        html = authors.text(f"{page}.html")
        assert "<script>alert(" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
        assert "{{ title }} and {% if x %}y{% endif %}" in html, page
        assert "100%s done %(name)s and %d {0}" in html, page
    search = authors.text("crawl-searchindex.js")
    assert "</script>" not in search  # an HTML parser would end a script there
    found = json.dumps(read_search_index(search), ensure_ascii=False)
    assert "{{ title }} and {% if x %}y{% endif %}" in found


def _what_readers_get(site: Build) -> dict[str, Any]:
    """crawl.json, the entry search and each page's content."""
    return {
        "crawl.json": site.crawl_json(),
        "search": read_search_index(site.text("crawl-searchindex.js")),
        "worker": site.text("crawl-sw.js").split("const VERSION")[0],
        **{page: site.shown(page) for page in site.pages()},
    }


def test_j2_an_edit_of_only_the_included_file_and_a_clean_build_agree(
    authors: Build, tmp_path: Path
) -> None:
    """The project built with -j 2 equals the serial build; then only the included
    file is edited: the incremental build reads the page that includes it, and equals a
    clean build. crawl.json is valid against its schema after each."""
    src = shutil.copytree(authors.srcdir, tmp_path / "src", ignore=shutil.ignore_patterns("_build"))
    parallel = build(src, parallel=2)
    assert _what_readers_get(parallel) == _what_readers_get(authors)
    (src / "inc" / "part.rst").write_text(
        INCLUDED.format(body="Included body, edited.").replace("6-9", "7-9"), encoding="utf-8"
    )
    edited = build(src, parallel=2)
    assert edited.written == ["included"] or "included" in edited.written
    assert entry(edited, "included-tip")["text"] == "Included body, edited."
    assert entry(edited, "included-tip")["age"]["min_months"] == 7
    clean_src = shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    clean = build(clean_src)
    assert _what_readers_get(edited) == _what_readers_get(clean)
    for site in (parallel, edited):
        jsonschema.validate(site.crawl_json(), schema_of(site))


def test_a_label_above_an_entry_is_reached_from_another_project(tmp_path: Path) -> None:
    """intersphinx ``:ref:`` to an entry's label of another handbook: before, the label
    was in no objects.inv (Sphinx lists only labels with a title), so the link could not
    be made."""
    other = adopter_site(
        tmp_path / "other",
        "Home\n====\n\n.. _knees-label:\n\n.. tip-card:: Bare knees\n   :id: bare-knees\n\n"
        "   Body.\n",
    )
    inventory = load_inventory((other.outdir / "objects.inv").read_bytes())
    label = inventory.data["std:label"]["knees-label"]
    assert (label.uri, label.display_name) == ("index.html#knees-label", "Bare knees")
    conf = (
        'extensions.append("sphinx.ext.intersphinx")\n'
        f'intersphinx_mapping = {{"a": ("https://a.example.org/", "{other.outdir}/objects.inv")}}\n'
    )
    site = adopter_site(tmp_path / "b", "Home\n====\n\nSee :ref:`a:knees-label`.\n", settings=conf)
    link = site.main("index").select_one('a[href="https://a.example.org/index.html#knees-label"]')
    assert link is not None
    assert link.get_text() == "Bare knees"
    assert site.warnings() == []


# -- adopters' templates and settings ------------------------------------------------------

TEMPLATE_PAGE = (
    "Home\n====\n\n.. red-flag:: Not moving\n   :id: not-moving\n   :urgency: soon\n\n"
    "   Body.\n\n.. crawl-list::\n   :type: red-flag\n   :layout: checklist\n"
)
TEMPLATE_SETTINGS = (
    'templates_path = ["_templates"]\nhtml_sidebars = {"**": []}\nhtml_copy_source = False\n'
)


@pytest.mark.parametrize(
    ("block", "file", "lost"),
    [
        ("scripts", "crawl.js", "the checklists keep no tick"),
        ("css", "crawl.css", "the words for screen readers show on the page"),
    ],
)
def test_a_template_that_leaves_out_our_scripts_or_styles_is_said(
    tmp_path: Path, block: str, file: str, lost: str
) -> None:
    """An adopter's layout.html that empties the ``scripts`` (or ``css``) block: the
    pages looked whole, but a checklist's ticks were kept nowhere and the age filter,
    baby panel, tracker, search box and offline copy never showed (without the styles,
    the words for screen readers showed twice); no word of it. One located crawl.config
    warning for each file left out, at the block's line, naming the templates."""
    layout = '{% extends "!layout.html" %}\n{%- block ' + block + " %}{%- endblock %}\n"
    site = adopter_site(
        tmp_path,
        TEMPLATE_PAGE,
        settings=TEMPLATE_SETTINGS + 'html_additional_pages = {"landing": "landing.html"}\n',
        pages={"_templates/layout.html": layout, "_templates/landing.html": "<p>Hello</p>\n"},
    )
    (said,) = site.crawl_warnings()  # not the standalone page of html_additional_pages
    assert said.startswith("<src>/_templates/layout.html:2: WARNING: pages written with ")
    assert "'page.html'" in said
    assert "'search.html'" in said
    assert "landing" not in said
    assert f"({file}): {lost}" in said
    assert f"keep the '{block}' block" in said
    assert said.endswith("[crawl.config]")
    assert f"_static/{file}" not in site.text("index.html")


def test_no_sidebars_and_no_copied_sources_need_nothing_of_ours(tmp_path: Path) -> None:
    site = adopter_site(tmp_path, TEMPLATE_PAGE, settings=TEMPLATE_SETTINGS)
    assert site.warnings() == []
    assert not [p for p in (site.outdir / "_sources").rglob("*") if p.is_file()]
    assert site.main("index").select("ul.crawl-checklist li")
    assert "_static/crawl.js" in site.text("index.html")


def test_a_page_of_two_thousand_entries_over_the_offline_budget_names_it(
    tmp_path: Path,
) -> None:
    """2,000 entries on one page with a checklist of a third of them: the page is 2 MB,
    and the budget warning said to "make the search index smaller" (21 kB here). It
    names the largest files a first visit keeps, the page first."""
    parts = ["Big\n===\n\n"]
    for n in range(2000):
        parts.append(f".. tip-card:: Tip number {n}\n   :tags: t{n % 7}\n\n   Body {n}.\n\n")
    parts.append(".. crawl-list::\n   :type: tip\n   :tags: t1, t2\n   :layout: checklist\n")
    site = adopter_site(
        tmp_path, "".join(parts), settings="crawl_offline = True\ncrawl_offline_budget = 400_000\n"
    )
    (said,) = site.crawl_warnings()
    assert "conf.py:4:" in said
    largest = said.split("make the largest smaller: ")[1]
    assert largest.startswith("index.html ")
    assert "search index" not in said
    data = site.crawl_json()
    assert len({e["id"] for e in data["entries"]}) == 2000
    jsonschema.validate(data, schema_of(site))


# -- plugins ----------------------------------------------------------------------------

PLUGIN_PAGE = "Home\n====\n\n.. tip-card:: A tip\n   :id: a-tip\n\n   Body.\n\n{more}"


def _plugin(body: str) -> str:
    return (
        "from sphinx_crawl import ContentType, Field, IndexSpec, Relation, "
        "register_content_type\nfrom sphinx_crawl.types import get_registry\n\n\n"
        "def setup(app):\n    app.setup_extension('sphinx_crawl')\n"
        + "".join(f"    {line}\n" for line in body.splitlines())
        + "    return {'parallel_read_safe': True, 'parallel_write_safe': True}\n"
    )


def plugin_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, body: str, more: str = ""
) -> Build:
    """PLUGIN_PAGE (and ``more``) built with a plugin whose setup() runs ``body``."""
    page = PLUGIN_PAGE.format(more=more)
    return plugin_site(tmp_path, monkeypatch, (module, _plugin(body)), page)


@pytest.mark.parametrize(
    ("name", "directive", "said"),
    [
        (
            "señal",
            "senal",
            "content type name 'señal' must be a lowercase slug (letters a-z, "
            "digits and hyphens) such as 'senal'",
        ),
        (
            "senal",
            "señal-roja",
            "content type directive 'señal-roja' must be a lowercase slug "
            "(letters a-z, digits and hyphens) such as 'senal-roja'",
        ),
    ],
)
def test_a_type_named_with_accents_is_refused_with_the_name_it_can_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, directive: str, said: str
) -> None:
    """Refused at registration (held), with "such as 'activity'": the author of a
    Spanish plugin was not told that the ñ was the trouble. The name without accents is
    offered."""
    body = (
        f"register_content_type(app, ContentType(name={name!r}, directive={directive!r}, "
        "label='Señal', plural='Señales'))"
    )
    assert said in _refusal(tmp_path, monkeypatch, "accents_s46", body)


def _refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, body: str) -> str:
    """What Sphinx says when the plugin ``module`` registering ``body`` is refused."""
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError) as raised:
        plugin_build(tmp_path, monkeypatch, module, body)
    return str(raised.value)


def test_a_type_with_spanish_words_and_accents_in_its_labels_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (
        "register_content_type(app, ContentType(name='senal', directive='senal', "
        "label='Señal de alarma', plural='Señales de alarma', fields=(Field('gravedad'),), "
        "index=IndexSpec('senales', 'Señales por gravedad', 'señales', "
        "lambda e: [(e['fields'].get('gravedad', ''), e['fields'].get('gravedad', 'Sin'))])))"
    )
    more = ".. senal:: Una señal rara\n   :gravedad: alta\n\n   Cuerpo.\n"
    site = plugin_build(tmp_path, monkeypatch, "spanish_s46", body, more)
    assert site.warnings() == []
    data = entry(site, "una-senal-rara")
    assert (data["type"], data["title"], data["gravedad"]) == ("senal", "Una señal rara", "alta")
    index = site.soup("crawl-senales")
    assert "Señales por gravedad" in index.get_text()
    jsonschema.validate(site.crawl_json(), schema_of(site))


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # A field and a relation of one name.
        (
            "register_content_type(app, ContentType(name='act', directive='act-card', "
            "label='Act', plural='Acts', fields=(Field('see'),), relations=(Relation('see'),)))",
            "content type 'act': option 'see' is used twice",
        ),
        # Another type's index name.
        (
            "register_content_type(app, ContentType(name='act', directive='act-card', "
            "label='Act', plural='Acts', index=IndexSpec('tips', 'Acts', 'acts', lambda e: [])))",
            "index name 'tips' is already the index of content type 'tip'",
        ),
        # One of the extension's own directives.
        (
            "register_content_type(app, ContentType(name='act', directive='crawl-list', "
            "label='Act', plural='Acts'))",
            "directive 'crawl-list' is already a directive of sphinx-crawl itself",
        ),
    ],
    ids=["field-and-relation", "index-of-tips", "directive-crawl-list"],
)
def test_a_type_whose_names_clash_with_built_in_ones_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, said: str
) -> None:
    assert said in _refusal(tmp_path, monkeypatch, "clash_s46", body)


def test_fields_named_as_docutils_options_are_the_plugin_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``class`` and ``name`` are options many directives take; a plugin's fields of
    those names read what the author wrote (held)."""
    body = (
        "register_content_type(app, ContentType(name='act', directive='act-card', "
        "label='Act', plural='Acts', fields=(Field('class'), Field('name'))))"
    )
    more = ".. act-card:: An act\n   :class: loud\n   :name: Ana\n\n   B.\n"
    site = plugin_build(tmp_path, monkeypatch, "fields_s46", body, more)
    assert site.warnings() == []
    data = entry(site, "an-act")
    assert (data["class"], data["name"]) == ("loud", "Ana")


def test_types_registered_early_in_config_inited_work_and_later_ones_are_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A type registered in a ``config-inited`` handler that runs before ours (priority
    under 900) is a type like any (held); one registered at ``env-before-read-docs`` is
    the located plugin warning of the builder-inited case (held)."""
    body = (
        "early = ContentType(name='early', directive='early-card', label='E', plural='Es')\n"
        "late = ContentType(name='late', directive='late-card', label='L', plural='Ls')\n"
        "app.connect('config-inited', lambda app, c: register_content_type(app, early), "
        "priority=100)\n"
        "app.connect('env-before-read-docs', lambda app, e, d: register_content_type(app, late))"
    )
    more = ".. early-card:: Early one\n\n   B.\n"
    site = plugin_build(tmp_path, monkeypatch, "when_s46", body, more)
    (said,) = site.crawl_warnings()
    assert "content type 'late' is registered after the configuration was read" in said
    assert "[crawl.plugin]" in said
    assert [e["id"] for e in site.crawl_json()["entries"]] == ["a-tip", "early-one"]


def test_a_plugin_that_takes_a_built_in_type_away_is_said_where_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin removing ``tip`` from the registry (its private table): the red flag's
    "see" relation that names tips is a located plugin warning at conf.py, a tip-card
    is docutils' unknown directive, and the rest builds (held)."""
    more = ".. red-flag:: Still here\n   :id: still-here\n   :urgency: soon\n\n   B.\n"
    body = "get_registry(app)._types.pop('tip')"
    site = plugin_build(tmp_path, monkeypatch, "remover_s46", body, more)
    (said,) = site.crawl_warnings()
    assert said.startswith("<src>/conf.py:2: WARNING: content type 'red-flag': relation 'see'")
    assert "names the type 'tip', which this project does not have" in said
    assert [e["id"] for e in site.crawl_json()["entries"]] == ["still-here"]


def test_a_plugin_that_raises_in_setup_is_named_in_sphinx_s_error(tmp_path: Path) -> None:
    """Sphinx stops (an extension's setup failed): its message is the plugin's error and
    the last place is the plugin's own line, not the extension's (held)."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
            + adopter_conf('extensions.append("broken_s46")\n'),
            "broken_s46.py": _plugin("raise RuntimeError('the plugin broke')"),
            "index.rst": PLUGIN_PAGE.format(more=""),
        },
    )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-T", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "RuntimeError: the plugin broke" in result.stderr
    frames = [line for line in result.stderr.splitlines() if line.strip().startswith("File ")]
    assert "broken_s46.py" in frames[-1]


# -- builds from the command line ---------------------------------------------------------

CLI_PAGE = (
    "Home\n====\n\n.. tip-card:: A tip\n   :id: a-tip\n   :age: 6 to ten months\n\n   Body.\n\n"
    ".. red-flag:: A flag\n   :id: a-flag\n   :urgency: whenever\n\n   Body.\n"
)


def _sphinx(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", *map(str, args)]
    # Without colours: Sphinx colours its messages where CI=true is set, as on CI.
    plain = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(command, capture_output=True, text=True, check=False, env=plain)


def test_w_keep_going_and_q_list_every_warning_and_finish_the_build(tmp_path: Path) -> None:
    src = write_project(tmp_path / "src", {"conf.py": adopter_conf(), "index.rst": CLI_PAGE})
    result = _sphinx("-W", "--keep-going", "-q", "-b", "html", src, tmp_path / "out")
    assert result.returncode == 1
    assert result.stdout == ""
    crawl = [line for line in result.stderr.splitlines() if "[crawl." in line]
    assert [line.rsplit("[", 1)[1] for line in crawl] == ["crawl.age]", "crawl.field]"]
    assert [line.split("index.rst:")[1].split(":")[0] for line in crawl] == [
        str(line_of(src / "index.rst", "tip-card::")),
        str(line_of(src / "index.rst", "red-flag::")),
    ]
    assert "Traceback" not in result.stderr
    data = json.loads((tmp_path / "out" / "crawl.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["entries"]] == ["a-tip", "a-flag"]


def test_make_mode_builders_sharing_doctrees_give_what_a_clean_build_gives(
    tmp_path: Path,
) -> None:
    """``sphinx-build -M html``, then ``-M dirhtml`` and ``-M html`` again into the same
    build folder (one doctrees folder for all): the second html build equals the first
    (held)."""
    src = write_project(tmp_path / "src", {"conf.py": adopter_conf(), "index.rst": CLI_PAGE})
    out = tmp_path / "_build"
    assert _sphinx("-M", "html", src, out, "-q").returncode == 0
    first = shutil.copytree(out / "html", tmp_path / "first")
    assert _sphinx("-M", "dirhtml", src, out, "-q").returncode == 0
    assert (
        json.loads((out / "dirhtml" / "crawl.json").read_text("utf-8"))["entries"][0]["url"]
        == "#a-tip"
    )
    assert _sphinx("-M", "html", src, out, "-q").returncode == 0
    for name in ("crawl.json", "crawl-searchindex.js", "index.html", "crawl-tips.html"):
        assert (out / "html" / name).read_bytes() == (first / name).read_bytes(), name


def test_a_build_with_a_writes_what_a_clean_build_writes(tmp_path: Path) -> None:
    """Sphinx's ``-a`` (write every page) after an edit (held)."""
    src = write_project(tmp_path / "src", {"conf.py": adopter_conf(), "index.rst": CLI_PAGE})
    build(src)
    (src / "index.rst").write_text(CLI_PAGE.replace("Body.", "Edited."), encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build(force_all=True)
    finally:
        app.cleanup()
    again = Path(app.outdir)
    clean = build(shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build")))
    for name in ("crawl.json", "crawl-searchindex.js"):
        assert (again / name).read_bytes() == (clean.outdir / name).read_bytes(), name
    assert "Edited." in (again / "index.html").read_text(encoding="utf-8")


def test_a_fresh_environment_after_a_killed_build_gives_a_clean_build_s_files(
    tmp_path: Path,
) -> None:
    """A rebuild (an entry's title edited, offline copy on) SIGKILLed while it writes
    crawl.json, then ``sphinx-build -E`` (a fresh environment, as an adopter does when
    unsure): every file equals a clean build's, and the build is not marked unfinished
    (held; test_crash_safe's next builds keep their environment)."""
    conf = (
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        + adopter_conf('extensions.append("kill_points")\ncrawl_offline = True\n')
    )
    src = write_project(tmp_path / "project", {"conf.py": conf, "index.rst": CLI_PAGE})
    shutil.copy(KILL_POINTS, src / "kill_points.py")
    finished(sphinx(src))
    (src / "index.rst").write_text(CLI_PAGE.replace("A tip", "A new tip"), encoding="utf-8")
    stopped = sphinx(src, file="crawl.json", at="0", how="half")
    assert stopped.returncode == -signal.SIGKILL, stopped.stderr[-3000:]
    finished(subprocess.run([*command(src), "-E"], capture_output=True, text=True, check=False))
    clean = shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    finished(sphinx(clean))
    assert_same_files(src / "_build" / "html", clean / "_build" / "html")
    assert not marker(src).exists()
