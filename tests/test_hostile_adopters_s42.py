"""What an independent check (helper s42) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.build_utils import Build, adopter_site, build, write_project

JAPANESE_CONF = """\
project = "ハイハイ"
language = "{language}"
extensions = ["sphinx_crawl"]
crawl_emergency = {{"numbers": {{"日本": "119"}}, "page": "help", "signs": ["not breathing"]}}
crawl_search_concern = {{"entry": "ugokanai"}}
"""

#: The author's words are Japanese: English left on a page is the extension's.
JAPANESE_PAGES = {
    "index.rst": """\
ホーム
======

.. toctree::

   help

.. red-flag:: 動かない
   :id: ugokanai
   :urgency: soon
   :age: by 12 months

   相談してください。

.. red-flag:: 手をつかない
   :id: te
   :urgency: routine
   :action: 次の健診で話してください。

   見守る。

.. tip-card:: 裸のひざ
   :id: hiza
   :tags: ゆか

   ひざ。

.. tip-card:: 靴下をぬぐ
   :id: kutsushita

   すべらない。
""",
    "help.rst": "緊急\n====\n\n本文。\n",
}


def japanese_site(tmp_path: Path, language: str) -> Build:
    files = {"conf.py": JAPANESE_CONF.format(language=language), **JAPANESE_PAGES}
    return build(write_project(tmp_path / "src", files))


@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False), ("en", False)])
def test_the_extension_s_english_words_outside_entries_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """A handbook in Japanese (the package has no words for it: they show in English)
    had, unmarked on pages whose ``lang`` is ``ja``, a red flag's usual "What to do"
    ("Book an appointment with your pediatrician..."), the index pages' headings ("Red
    flags by urgency and age"), their groups ("Untagged") and badges, the header links
    naming them, and the "Emergency? Call ... now." line atop every page: a screen
    reader spoke them with a Japanese voice. They now say they are English; the
    author's words (an action written in Japanese, the places of the numbers, the tags)
    keep the page's language, and editions with words of their own are unchanged."""
    site = japanese_site(tmp_path, language)
    marked = "en" if english else None
    page = site.soup("index")
    usual = page.find("article", id="ugokanai").select_one(".crawl-callout-action > span")
    if english:
        assert usual.get("lang") == "en"
        assert usual.get_text().startswith("Book an appointment")
    else:
        assert usual is None  # the text straight after its label, as before
    own = page.find("article", id="te").select_one(".crawl-callout-action")
    assert own.select("span") == []  # the author's "次の健診で話してください。"

    line = page.select_one("p.crawl-emergency-line")
    assert line.find("strong").get("lang") == marked
    assert line.select_one("a.crawl-emergency-page").get("lang") == marked
    # "119 (日本)" is not inside any English part
    for number in line.select('a[href^="tel:"]'):
        assert number.find_parent(lang=True).name == "html"
    assert ("日本" in "".join(s.get_text() for s in line.select("[lang]"))) is False

    flags = site.soup("crawl-red-flags")
    main = flags.find("div", {"role": "main"})
    heading = main.find("h1")
    assert (heading.find(lang="en") is not None) is english
    badges = [em for em in main.select("td em") if not em.get_text().startswith("(")]
    assert len(badges) == 2
    assert {em.get("lang") for em in badges} == {marked}
    captions = main.select("tr.cap strong")
    assert len(captions) == 2
    assert {s.get("lang") for s in captions} == {marked}
    assert flags.title.find("span") is None  # the <title> stays text
    # (The header links, where the theme shows them: alabaster of Sphinx 8.0 does not.)
    if page.select_one("div.related") is not None:
        related = page.select_one('div.related a[href="crawl-red-flags.html"]')
        assert (related.find("span", lang="en") is not None) is english

    tips = site.soup("crawl-tips").find("div", {"role": "main"})
    groups = [s.get("lang") for s in tips.select("tr.cap strong")]
    assert groups == [None, marked]  # ゆか, the author's tag; then "Untagged"

    # The search box atop the content, without JavaScript too.
    box = page.select_one("form.crawl-search-box")
    assert box.find("label").get("lang") == marked
    assert box.find("button").get("lang") == marked

    # The pages tell the scripts (tested in a browser below).
    search = site.text("search.html")
    assert ('<meta name="crawl-words-lang" content="en" />' in search) is english
    assert ('<meta name="crawl-words-lang" content="en" />' in site.text("index.html")) is english
    assert site.crawl_warnings() == (
        [w for w in site.crawl_warnings() if "[crawl.language]" in w] if english else []
    )


#: Opens the search page with an emergency query; prints what of the notice and the
#: results is marked English, and what is not.
READ_SEARCH_LANGUAGES = r"""
import json, sys
from playwright.sync_api import sync_playwright
from tests.browser.support import CHROMIUM_ARGS
executable, url = sys.argv[1:]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    page = browser.new_page()
    page.goto(url + "search.html?q=not+breathing")
    page.locator("section.crawl-search").wait_for()
    page.locator("form.crawl-search-box-results").wait_for()
    found = page.evaluate('''() => {
      const lang = (el) => el ? (el.closest("[lang]") || {}).lang || "" : null;
      const notice = document.querySelector(".crawl-search-emergency");
      const heading = notice.querySelector(".crawl-search-notice-heading strong");
      const spoken = [...heading.querySelectorAll("span[lang]")].map((s) => s.textContent);
      return {
        page: document.documentElement.lang,
        heading: lang(document.querySelector("#crawl-search-heading")),
        notice_words: spoken.join("|"),
        place: lang([...heading.querySelectorAll("a[href^='tel:']")][0]),
        link: lang(notice.querySelector("a[href$='help.html']")),
        box: [lang(document.querySelector(".crawl-search-box-results label")),
              lang(document.querySelector(".crawl-search-box-results button"))],
      };
    }''')
    page.goto(url + "search.html?q=my+baby+is+not+ok")
    page.locator("section.crawl-search").wait_for()
    found["concern"] = page.evaluate(
        "(() => { const p = document.querySelector('.crawl-search-concern p');"
        " return p ? (p.closest('[lang]') || {}).lang : null; })()")
    page.goto(url + "index.html?age=11")
    page.locator(".crawl-age-flag").first.wait_for()
    found["top_box"] = page.evaluate(
        "[...document.querySelectorAll('form.crawl-search-box:not(.crawl-search-box-results) "
        "> label, form.crawl-search-box > button')].map((el) => el.closest('[lang]').lang)")
    found["query"] = page.evaluate(
        "document.querySelector('form.crawl-search-box input').closest('[lang]').lang")
    found["age_flag"] = page.evaluate(
        "document.querySelector('.crawl-age-flag').closest('[lang]').lang")
    browser.close()
print(json.dumps(found))
"""


@pytest.mark.browser
@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False)])
def test_the_search_page_s_own_words_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """The search page of a handbook in Japanese showed the extension's English words
    (its results' heading, the emergency notice "This could be an emergency: call ...
    now.", the link to the emergency page, the results page's search box, the note for
    a worry the handbook does not cover) in a page whose ``lang`` is ``ja``; so were
    the search box atop every page and the age filter's flags in the entries.
    crawl-search.js now marks them English (the page says its words are, in a
    ``crawl-words-lang`` meta); the numbers and their places are not."""
    from tests.browser.support import run_page_script

    site = japanese_site(tmp_path, language)
    found = run_page_script(READ_SEARCH_LANGUAGES, site.outdir)
    marked = "en" if english else language
    assert found["page"] == language
    assert found["heading"] == marked
    assert found["link"] == marked
    assert found["box"] == [marked, marked]
    assert found["place"] == language  # 119 (日本) in the page's language
    assert found["concern"] == marked  # the package's note for a worry it does not cover
    # Every page's search box (its label and button; the query typed is the parent's),
    # and the age filter's flag in an entry ("Watch for this from 11 months").
    assert found["top_box"] == [marked, marked]
    assert found["query"] == language
    assert found["age_flag"] == marked
    if english:
        assert found["notice_words"].startswith("This could be an emergency: call")
        assert "日本" not in found["notice_words"]


SINGLE_PAGE_CHECKLISTS = {
    "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
    "index.rst": "Home\n====\n\n.. toctree::\n\n   tips\n\n"
    ".. tip-card:: Home tip\n   :id: home-tip\n\n   Home.\n\n"
    ".. crawl-list:: All\n   :type: tip\n   :layout: checklist\n",
    "tips.rst": "Tips\n====\n\n.. tip-card:: Bare knees\n   :id: bare-knees\n\n   Knees.\n\n"
    ".. crawl-list:: Tips\n   :type: tip\n   :layout: checklist\n",
}


def test_a_single_page_s_checklists_keep_the_keys_their_ticks_were_saved_under(
    tmp_path: Path,
) -> None:
    """In the single HTML page, the ticks of a checklist written on another page than
    the root were kept under ``<root>:<item>`` (the page the parent has open) until
    commit 6c15e9a made lists link from the page they were written on: their keys
    became ``tips:<item>``, so every tick and note saved before no longer showed (and
    the baby's age, kept once per page, moved to the last list's page). The keys are
    the open page's again, as saved; the links still go from the page written on."""
    site = build(write_project(tmp_path / "src", SINGLE_PAGE_CHECKLISTS), buildername="singlehtml")
    html = site.text("index.html")
    keys = re.findall(r'data-crawl-key="([^"]*)"', html)
    # Written on tips (first in the single page, where the toctree is), then the root.
    assert keys == ["index:bare-knees", "index:home-tip", "index:bare-knees-2", "index:home-tip-2"]
    tools = r'class="crawl-checklist-tools crawl-checklist-top"[^>]*data-page="([^"]*)"'
    assert set(re.findall(tools, html)) == {"index"}  # the baby's age, kept once per page
    # The links from each list still land on the entries.
    links = re.findall(r'class="crawl-check-link reference internal" href="([^"]*)"', html)
    assert links == ["#bare-knees", "#home-tip"] * 2
    # A page of its own, as always.
    pages = build(write_project(tmp_path / "html", SINGLE_PAGE_CHECKLISTS))
    assert re.findall(r'data-crawl-key="([^"]*)"', pages.text("tips.html")) == [
        "tips:bare-knees",
        "tips:home-tip",
    ]


@pytest.mark.parametrize(
    ("suffix", "filetype", "said"),
    [
        (".md", "markdown", "1 Markdown page(s) (other.md) are not read"),
        (".ipynb", "jupyter_notebook", "source_suffix maps '.ipynb' to 'jupyter_notebook'"),
    ],
)
def test_a_source_suffix_no_extension_reads_is_left_out_with_a_warning(
    tmp_path: Path, suffix: str, filetype: str, said: str
) -> None:
    """An adopter copied ``source_suffix = {".rst": ..., ".md": "markdown"}`` from a MyST
    guide but not ``myst_parser`` into ``extensions``: the build stopped at the first
    Markdown page with "Sphinx error! Source parser for markdown not registered" and a
    traceback, and nothing was written. Such a suffix is now left out with a located
    warning (for Markdown, the one saying what to install), and the rest is built."""
    suffixes = f'source_suffix = {{".rst": "restructuredtext", "{suffix}": "{filetype}"}}\n'
    index = "Home\n====\n\n.. tip-card:: Bare knees\n\n   Knees.\n\nLast paragraph.\n"
    site = adopter_site(tmp_path, index, settings=suffixes, pages={f"other{suffix}": "# Other\n"})
    [warning] = site.crawl_warnings()
    assert warning.startswith("<src>/conf.py:")
    assert said in warning
    assert "Last paragraph." in site.main("index").get_text()
    assert [e["title"] for e in site.crawl_json()["entries"]] == ["Bare knees"]


TRANSLATED_TITLE_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Knees"
msgstr "Knie `tippen <javascript:alert(1)>`_ `Quelle <https://example.org/>`_"
"""


def test_a_translated_title_cannot_hold_a_link_a_browser_would_run(tmp_path: Path) -> None:
    """An entry's title is text: a ``javascript:`` link written in it shows as its text
    (the directive says so). A translator's title went round that: Sphinx's
    translation replaced the title after the directive had made it safe, so
    ``Knie `tippen <javascript:alert(1)>`_`` in a .po file became a link that ran script
    on the German page. A translated title is now made safe the same way (an ordinary
    web link in it stays a link)."""
    site = adopter_site(
        tmp_path,
        "Home\n====\n\n.. tip-card:: Knees\n   :id: knees\n\n   Body.\n\nLast paragraph.\n",
        language="de",
        settings='locale_dirs = ["locales"]\n',
        pages={"locales/de/LC_MESSAGES/index.po": TRANSLATED_TITLE_PO},
    )
    title = site.main("index").find("h2", id="knees-title")
    assert title.get_text().startswith("Knie tippen Quelle")
    assert [a["href"] for a in title.select("a:not(.headerlink)")] == ["https://example.org/"]
    assert "javascript:" not in site.text("index.html")
    assert "Last paragraph." in site.main("index").get_text()


JAPANESE_LISTS = """\
リスト
======

.. red-flag:: 動かない
   :id: ugokanai
   :urgency: soon
   :source: s

   相談。

.. tip-card:: 裸のひざ
   :id: hiza

   ひざ。

.. milestone-table:: 動き

   .. milestone:: すわる
      :id: suwaru
      :age: 6-8 months

      すわる。

.. crawl-list:: 表
   :layout: table

.. crawl-list:: チェック
   :type: red-flag
   :layout: checklist

.. crawl-list:: 記録
   :type: milestone
   :layout: tracker

.. crawl-list:: 気づいた
   :type: red-flag
   :layout: noticed

.. crawl-timeline:: 年表

.. crawl-sources::

.. crawl-baby::

.. crawl-summary::
"""


@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False)])
def test_the_words_of_lists_trackers_and_the_baby_panel_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """The same in what lists show on a page in Japanese: a table's column headings
    ("Entry", "Age", "Details"), a red flag's badge and "Any age" in it, a checklist's
    "Printed on", its notice, age field and "Clear my ticks and notes", each item's
    "Read more" and "Notes", a tracker's "Yes / Not yet / Not sure" and "Date", the
    noticed signs' "I have noticed this" and "Since", the timeline's name and its table's
    disclosure, "Cited by", the baby panel's labels and buttons and the summary's note
    were English without saying so. Now each says so; the entries' titles, the ages as
    written and the names a parent types keep the page's language."""
    sources = 'crawl_sources = {"s": {"title": "出典", "publisher": "保健所"}}\n'
    site = adopter_site(tmp_path, JAPANESE_LISTS, language=language, settings=sources)
    main = site.main("index")

    def spoken(element: Any) -> str:
        """The language an element is read in: its own ``lang`` or its nearest one."""
        holder = element if element.get("lang") else element.find_parent(lang=True)
        return str(holder["lang"])

    parts = [
        "table.crawl-list-table thead",
        "table.crawl-timeline-data thead",
        ".crawl-print-only > span:first-child",
        "p.crawl-checklist-saved",
        "p.crawl-checklist-age label",
        "button.crawl-checklist-clear",
        "p.crawl-checklist-status",
        ".crawl-check-more a > span:first-child",
        ".crawl-check-note-print strong",
        ".crawl-print-age strong",
        "label.crawl-track-state",
        "svg.crawl-timeline-chart title",
        "details.crawl-details > summary",
        "p.crawl-cited-by",
        "form.crawl-baby label",
        "form.crawl-baby button",
        "p.crawl-baby-heading",
        "p.crawl-summary-empty",
    ]
    if english:  # words beside the author's (a title) are in a span of their own
        parts += [
            "table.crawl-list-table tbody tr td:nth-of-type(3) p > span",  # the badge
            "table.crawl-list-table tbody tr td:nth-of-type(2) p > span",  # "Any age"
            ".crawl-check-note label > span:first-child",
            "label.crawl-track-date > span:first-child",
            "label.crawl-track-noticed > span:first-of-type",
            "legend > span:first-child",
        ]
    else:  # as before: the words alone, in no span
        assert main.select("label.crawl-track-date > span:not(.crawl-visually-hidden)") == []
        assert main.select("table.crawl-list-table tbody p > span") == []
    expected = "en" if english else language
    shown = {part: {spoken(found) for found in main.select(part)} for part in parts}
    assert shown == {part: {expected} for part in parts}
    # The author's words and what a parent types: the page's language.
    assert spoken(main.select_one("form.crawl-baby select")) == language
    assert spoken(main.select_one("tr#suwaru")) == language
    for title in main.select(".crawl-check-title, .crawl-track-line strong, legend"):
        assert spoken(title) == language


def test_a_key_written_with_an_escaped_quote_is_located_in_its_setting(tmp_path: Path) -> None:
    """A topic written ``'baby\\'s teeth'`` (a quote escaped, as Python allows) with a
    ``javascript:`` link, or as a synonym with no list: the warnings said ``conf.py:1``
    (the project's name), since the key is not quoted in conf.py as it reads. They now
    name the line of the setting."""
    settings = (
        "\ncrawl_search_out_of_scope = {\n"
        "    'baby\\'s teeth': {'text': 'Not covered.', 'url': 'javascript:alert(1)'},\n"
        "}\n"
        "crawl_search_synonyms = {'baby\\'s': 5}\n"
    )
    site = adopter_site(tmp_path, "Home\n====\n", settings=settings)
    lines = [warning.split(": WARNING", 1)[0] for warning in site.crawl_warnings("config")]
    assert sorted(lines) == ["<src>/conf.py:4", "<src>/conf.py:7"]


def test_a_misspelt_setting_is_said_to_do_nothing(tmp_path: Path) -> None:
    """``crawl_emergancy = {...}`` (or ``crawl_source``, ``CRAWL_SOURCES``): Sphinx keeps
    any name conf.py assigns, so the handbook was built without its emergency line or
    its sources and nothing said why. A name close to a setting is now named, with the
    setting it may mean; a helper of the project's own (``crawl_sources_base``) is not."""
    settings = (
        'crawl_emergancy = {"numbers": {"UK": "999"}}\n'
        "CRAWL_SOURCES = {}\n"
        "crawl_sources_base = {}\n"
        "crawl_helper = 1\n"
    )
    site = adopter_site(tmp_path, "Home\n====\n", settings=settings)
    assert site.crawl_warnings() == [
        "<src>/conf.py:3: WARNING: crawl_emergancy is not a setting; did you mean "
        "crawl_emergency? As written it does nothing [crawl.config]",
        "<src>/conf.py:4: WARNING: CRAWL_SOURCES is not a setting; did you mean "
        "crawl_sources? As written it does nothing [crawl.config]",
    ]


def test_the_single_page_s_search_page_links_to_the_page_s_parts(tmp_path: Path) -> None:
    """A single-page build's search box sends a query to the search page the extension
    writes beside it; there the theme's table of contents linked '#document-help', an
    anchor of the single page, not of the search page: every link in its sidebar went
    nowhere. And the "What counts as an emergency" link led to the top of the single
    page ('#', and './' from the search page), not to that page's part. Both now lead
    to the part, in the single page."""
    site = adopter_site(
        tmp_path,
        "Home\n====\n\n.. toctree::\n\n   help\n   sub/deep\n\n.. tip-card:: Knees\n\n   K.\n",
        settings='crawl_emergency = {"numbers": {"UK": "999"}, "page": "help"}\n',
        pages={"help.rst": "Help\n====\n\nText.\n", "sub/deep.rst": "Deep\n====\n\nText.\n"},
        buildername="singlehtml",
    )
    search = site.soup("search")
    hrefs = [a["href"] for a in search.find_all("a", href=True)]
    assert "index.html#document-help" in hrefs
    assert [href for href in hrefs if href.startswith("#document-")] == []
    link = search.select_one("a.crawl-emergency-page")
    assert link is not None
    assert link["href"] == "index.html#document-help"
    link = site.soup("index").select_one("a.crawl-emergency-page")
    assert link is not None
    assert link["href"] == "#document-help"
    page = site.soup("index")
    assert page.find(id="document-help") is not None


def test_a_milestone_table_with_no_milestones_is_said_and_not_shown(tmp_path: Path) -> None:
    """``.. milestone-table:: Moving`` with its milestones not indented under it (or none
    written yet) showed an empty table, column headings over no rows, and no warning:
    the author did not learn why the page's milestones were not in it. Now a located
    warning says so and no empty table is shown; what follows is kept."""
    page = (
        "Home\n====\n\n.. milestone-table:: Moving\n\n"
        ".. milestone:: Sits\n   :age: 6 months\n\n   Sits.\n\nLast paragraph.\n"
    )
    site = adopter_site(tmp_path, page)
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: milestone-table: the table has no milestones (write "
        "each as a '.. milestone::' indented under the table); no table is shown "
        "[crawl.content]"
    ]
    main = site.main("index")
    assert main.select("table") == []
    assert main.find(id="sits") is not None  # the milestone, on its own
    assert "Last paragraph." in main.get_text()


COLON_FENCED = """\
# Home

```md
:::{tip-card} An example in a code block
:::
```

:::{red-flag} Not moving
:urgency: soon

Ask.
:::

:::{tip-card} Bare knees
Knees.
:::

:::{note}
Not ours.
:::

Last paragraph.
"""


@pytest.mark.parametrize("extensions", [[], ["colon_fence"]])
def test_an_entry_in_a_colon_fence_myst_does_not_read_is_said(
    tmp_path: Path, extensions: list[str]
) -> None:
    """A MyST project that writes entries in ``:::`` fences, as the README does, but
    without ``colon_fence`` in ``myst_enable_extensions``: MyST read each fence as a
    paragraph, so the red flag showed as its raw text (":::{red-flag} Not moving
    :urgency: soon Ask. :::") and nothing said why. A warning at the first such fence
    now names the setting (fences inside a code block are examples)."""
    conf = (
        'project = "P"\nextensions = ["myst_parser", "sphinx_crawl"]\n'
        f"myst_enable_extensions = {extensions!r}\n"
    )
    files = {"conf.py": conf, "index.md": COLON_FENCED}
    site = build(write_project(tmp_path / "src", files))
    if extensions:
        assert site.crawl_warnings() == []
        assert len(site.crawl_json()["entries"]) == 2
    else:
        assert site.crawl_warnings() == [
            "<src>/index.md:8: WARNING: ':::{red-flag}' is not read as a directive (and 1 "
            'more on this page): MyST reads ::: fences only with "colon_fence" in '
            "myst_enable_extensions (conf.py), so it shows as text [crawl.config]"
        ]
    assert "Last paragraph." in site.main("index").get_text()


def _unversioned(html: str) -> str:
    return re.sub(r"\?v=[0-9a-f]+", "", html)


PROJECT_CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Red flags by urgency and age"
msgstr "危険サイン"

msgid "Entries in the handbook"
msgstr "項目"
"""


def test_a_catalog_added_to_the_project_reaches_every_file_of_an_incremental_build(
    tmp_path: Path,
) -> None:
    """A Japanese handbook built, then given its own sphinx_crawl.po (the crawl.language
    warning asks for one) and built again: the pages were read again in the catalog's
    words, but the red flags' index page kept its English heading ("Red flags by urgency
    and age") and the search index its English words, where a clean build had the
    translation. An incremental build now gives what a clean one does."""
    files = {
        "conf.py": 'project = "P"\nlanguage = "ja"\nextensions = ["sphinx_crawl"]\n'
        'locale_dirs = ["locales"]\n',
        "index.rst": "ホーム\n======\n\n.. red-flag:: 動かない\n   :id: ugokanai\n"
        "   :urgency: soon\n\n   相談。\n",
    }
    src = write_project(tmp_path / "src", files)
    build(src)
    catalog = src / "locales" / "ja" / "LC_MESSAGES" / "sphinx_crawl.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(PROJECT_CATALOG, encoding="utf-8")
    again = build(src)
    clean = build(
        write_project(tmp_path / "clean", {**files, str(catalog.relative_to(src)): PROJECT_CATALOG})
    )
    # (Without the scripts' ?v= checksums: Sphinx caches them for the process, which
    # here ran the first build too; sphinx-build runs each build in its own.)
    for name in ("crawl-red-flags.html", "crawl-searchindex.js", "index.html"):
        assert _unversioned(again.text(name)) == _unversioned(clean.text(name)), name
    assert "危険サイン" in again.text("crawl-red-flags.html")


def test_an_incremental_build_keeps_the_header_links_in_a_clean_build_s_order(
    tmp_path: Path,
) -> None:
    """In a theme that shows the header links (classic, nature, agogo; the JSON
    builder's rellinks), an edit that leaves the index pages as they were gave the
    pages written again their links in another order than a clean build: 'next: b'
    before 'milestones | tips | red flags', as the page 'a' sorts before 'crawl'."""
    files = {
        "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\nhtml_theme = "classic"\n',
        "index.rst": "Home\n====\n\n.. toctree::\n\n   a\n   b\n",
        "a.rst": "A\n=\n\n.. red-flag:: Not moving\n   :urgency: soon\n\n   Ask.\n",
        "b.rst": "B\n=\n\n.. tip-card:: Knees\n\n   K.\n",
    }
    src = write_project(tmp_path / "src", files)
    build(src)
    page = src / "a.rst"
    page.write_text(page.read_text(encoding="utf-8").replace("Ask.", "Ask now."), "utf-8")
    again = build(src)
    clean = build(write_project(tmp_path / "clean", {**files, "a.rst": page.read_text("utf-8")}))

    def header(site: Build) -> list[str]:
        return [str(a["href"]) for a in site.soup("a").select("div.related")[0].find_all("a")]

    assert header(again) == header(clean)


def test_the_json_builder_s_header_links_name_the_index_pages_in_text(tmp_path: Path) -> None:
    """The JSON builder hands each page's header links to other programs: the index
    pages' names there stay text (the English marking is for HTML pages)."""
    files = {"conf.py": JAPANESE_CONF.format(language="ja"), **JAPANESE_PAGES}
    site = build(write_project(tmp_path / "src", files), buildername="json")
    links = json.loads(site.text("index.fjson"))["rellinks"]
    assert ["crawl-red-flags", "Red flags by urgency and age", "", "red flags"] in links


#: Opens the page with the baby panel and the summary, enters a baby, and prints the
#: language each part is read in.
READ_COMPANION_LANGUAGES = r"""
import json, sys
from playwright.sync_api import sync_playwright
from tests.browser.support import CHROMIUM_ARGS
executable, url = sys.argv[1:]
SPOKEN = "(el) => el ? (el.closest('[lang]') || {}).lang || '' : null"
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    page = browser.new_page()
    page.goto(url + "index.html")
    page.locator("form.crawl-baby:not([hidden])").wait_for()
    found = {"empty": page.eval_on_selector(".crawl-summary p", SPOKEN)}
    page.fill("#crawl-baby-name", "ハナ")
    page.fill("#crawl-baby-born", "2026-01-02")
    page.click("button.crawl-baby-save")
    page.locator(".crawl-summary dl").wait_for()
    found["status"] = page.eval_on_selector(".crawl-baby-status", SPOKEN)
    found["headings"] = page.eval_on_selector_all(
        ".crawl-summary h2", "(els) => [...new Set(els.map((el) => el.closest('[lang]').lang))]")
    found["terms"] = page.eval_on_selector(".crawl-summary dt", SPOKEN)
    found["name"] = page.eval_on_selector(".crawl-summary dd", SPOKEN)
    found["print"] = page.eval_on_selector("button.crawl-summary-print", SPOKEN)
    browser.close()
print(json.dumps(found))
"""


@pytest.mark.browser
@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False)])
def test_the_companion_s_words_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """What crawl-companion.js writes in a Japanese handbook: the summary's "No baby is
    entered on this device yet.", then its headings, its terms ("Baby", "Born") and
    buttons, and the panel's "Saved on this device." were English in a page whose lang
    is ja. They now say so (the script is told the words are English); the baby's name
    the parent typed keeps the page's language."""
    from tests.browser.support import run_page_script

    page = "ホーム\n======\n\n.. crawl-baby::\n\n.. crawl-summary::\n"
    site = adopter_site(tmp_path, page, language=language)
    found = run_page_script(READ_COMPANION_LANGUAGES, site.outdir)
    marked = "en" if english else language
    assert found == {
        "empty": marked,
        "status": marked,
        "headings": [marked],
        "terms": marked,
        "name": language,
        "print": marked,
    }


@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False)])
def test_the_labels_of_sources_changes_and_editions_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """More of the package's words on a page in Japanese: an entry's "Source:" label,
    the list of changes' "There is no earlier release to compare with.", and the name
    of the language switch ("Other languages") were English without saying so. They
    now say so; the source's title and each language's own link keep theirs."""
    settings = (
        'crawl_sources = {"s": {"title": "出典", "publisher": "保健所"}}\n'
        'crawl_editions = {"ja": {"label": "日本語", "path": ""}, '
        '"es": {"label": "Español", "path": "es/"}, "en": {"label": "English", "path": "en/"}}\n'
    )
    page = (
        "ホーム\n======\n\n.. tip-card:: 裸のひざ\n   :id: hiza\n   :source: s\n\n   ひざ。\n\n"
        ".. crawl-changes::\n"
    )
    site = adopter_site(tmp_path, page, language=language, settings=settings)
    main = site.main("index")
    marked = "en" if english else None
    label = main.select_one("p.crawl-sources strong")
    assert label is not None
    assert label.get("lang") == marked
    assert label.find_next_sibling().get_text() == "出典"
    assert label.find_next_sibling().find_parent(lang=True).name == "html"
    none = main.select_one(".crawl-changes p")
    assert none is not None
    assert none.get("lang") == marked
    switch = main.select_one("nav.crawl-editions")
    assert switch is not None
    assert switch.get("lang") == marked
    assert {a["lang"] for a in switch.find_all("a")} == ({"es", "en"} - {language}) | (
        {"ja"} if language != "ja" else set()
    )


def test_a_second_baby_panel_or_summary_on_a_page_is_said_and_left_out(tmp_path: Path) -> None:
    """Two ``crawl-baby`` on one page (a copy-paste, or one in an included file) gave
    the page every field's id twice: the second panel's labels named the first one's
    fields (WCAG 4.1.1) and, as the script fills only the first, it stayed hidden; a
    second ``crawl-summary`` said "It needs JavaScript" for good. The second of each is
    now a located warning and left out; the rest of the page is kept."""
    page = (
        "Home\n====\n\n.. crawl-baby::\n\n.. crawl-summary::\n\n.. crawl-baby::\n\n"
        ".. crawl-summary::\n\nLast paragraph.\n"
    )
    site = adopter_site(tmp_path, page)
    assert site.crawl_warnings() == [
        "<src>/index.rst:8: WARNING: crawl-baby: the page has one already (at "
        "<src>/index.rst:4); a page holds one, which the script fills: this one is left "
        "out [crawl.content]",
        "<src>/index.rst:10: WARNING: crawl-summary: the page has one already (at "
        "<src>/index.rst:6); a page holds one, which the script fills: this one is left "
        "out [crawl.content]",
    ]
    main = site.main("index")
    assert len(main.select("form.crawl-baby")) == 1
    assert len(main.select(".crawl-summary")) == 1
    ids = [element["id"] for element in main.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert "Last paragraph." in main.get_text()


ODD_BADGE_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


class Lazy:
    pass


def setup(app):
    register_content_type(app, ContentType(
        name="odd", directive="odd-card", label="Odd", plural="Odds",
        fields=(Field("mood", converter=lambda value: Lazy()),),
        badge=lambda fields: Lazy(),
    ))
    return {"parallel_read_safe": True}
"""


def test_a_plugin_hook_s_odd_value_is_named_the_same_in_every_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin's badge hook or converter returning an object (not text): the warning
    showed its default repr with a memory address, "Lazy <odd_plugin.Lazy object at
    0x7f6f7ad0c150>", which changed from build to build, so the same project's warnings
    differed between two runs (and between an incremental build and a clean one).
    The address is left out."""
    from tests.plugin_project import plugin_site

    page = "Home\n====\n\n.. odd-card:: One\n   :mood: calm\n\n   Body.\n\nLast paragraph.\n"
    site = plugin_site(tmp_path, monkeypatch, ("odd_plugin", ODD_BADGE_PLUGIN), page)
    converter, badge = site.crawl_warnings("plugin")
    assert "converter returned Lazy <odd_plugin.Lazy object>, which" in converter
    assert "badge returned Lazy <odd_plugin.Lazy object>" in badge
    assert "0x" not in converter + badge
    assert "Last paragraph." in site.main("index").get_text()


def test_markdown_read_as_restructuredtext_is_said(tmp_path: Path) -> None:
    """``source_suffix = [".rst", ".md"]`` without MyST: Sphinx reads the Markdown pages
    as reStructuredText, so "# Other" was a comment, the page had no title and a
    ``:::`` entry was a paragraph, and the only hint was Sphinx's about a toctree entry
    without a title. A warning at the setting now says what is going on."""
    site = adopter_site(
        tmp_path,
        "Home\n====\n\n.. toctree::\n\n   other\n",
        settings='source_suffix = [".rst", ".md"]\n',
        pages={"other.md": "# Other\n\n:::{tip-card} Knees\nK.\n:::\n"},
    )
    assert site.crawl_warnings() == [
        "<src>/conf.py:3: WARNING: source_suffix has '.md' read as reStructuredText (no "
        'Markdown parser is enabled): to write pages in MyST Markdown, add "myst_parser" '
        "to extensions [crawl.config]"
    ]
