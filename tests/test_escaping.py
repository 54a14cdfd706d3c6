"""Hostile text in titles, options and conf.py is shown as text, never run.

``tests/roots/test-hostile`` puts script tags, event handlers and ``javascript:``
URLs in every place an author or a conf.py value reaches: titles, ``:tags:``,
``:action:``, ``:id:``, ``:age:``, a ``crawl-list`` caption and the
``crawl_sources`` titles, publishers, authors and URLs. Each hostile string
calls ``alert(...)``, so any executable trace of one is easy to find.

Body content is different: it is the author's own Markdown, and MyST passes raw
HTML in it through, as in any Sphinx project (``trusted-body.md``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import BODY_ONLY_THEME, Build, build, copy_root

SYNTAXES = ["md", "rst"]
TRUSTED = "trusted-body"  # raw HTML in a MyST body, which MyST passes through


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("hostile", tmp_path_factory.mktemp("hostile") / "src"))


def text_of(element: Any) -> str:
    return " ".join(element.get_text(" ").split())


def unsmart(text: str) -> str:
    """Undo docutils' smart quotes, which apply to titles and option text alike."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def executable_traces(soup: BeautifulSoup) -> list[str]:
    """Everything in a page that a browser would run."""
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={value!r}>")
            is_url = name.lower() in {"href", "src", "action", "formaction", "xlink:href"}
            if is_url and re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE):
                found.append(f"<{tag.name} {name}={value!r}>")
        if tag.name in {"script", "svg", "iframe", "object", "embed"} and "alert" in str(tag):
            found.append(str(tag)[:120])
    return found


def test_hostile_input_is_reported_but_builds(hostile: Build) -> None:
    warnings = hostile.warnings()
    logs = hostile.app.status.getvalue() + hostile.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs
    for syntax in SYNTAXES:
        page = f"hostile-{syntax}"
        assert any(w.startswith(f"<src>/{page}.") and w.endswith("[crawl.id]") for w in warnings)
        assert any(w.startswith(f"<src>/{page}.") and w.endswith("[crawl.age]") for w in warnings)
    # Two unsafe URLs in conf.py; MyST and docutils accept the rest as text.
    assert sum(w.endswith("[crawl.config]") for w in warnings) == 2
    assert [w for w in warnings if "[crawl." not in w] == []


def test_no_page_runs_anything_hostile(hostile: Build) -> None:
    pages = [page for page in hostile.pages() if page != TRUSTED]
    # The entry pages, the sources page and every domain index are all checked.
    assert {"hostile-md", "hostile-rst", "sources", "crawl-tips", "crawl-red-flags"} <= set(pages)
    for page in pages:
        assert executable_traces(hostile.soup(page)) == [], page


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_titles_are_shown_as_text(hostile: Build, syntax: str) -> None:
    main = hostile.main(f"hostile-{syntax}")
    tip = main.find("article", id=f"hostile-tip-{syntax}")
    heading = unsmart(text_of(tip.find(class_="crawl-entry-title"))).removesuffix("¶").strip()
    assert heading == (
        f"<script>alert('{syntax}-title')</script> & "
        f"<img src=x onerror=alert('{syntax}-title-img')>"
    )
    flag = main.find("article", id=f"hostile-flag-{syntax}")
    heading = unsmart(text_of(flag.find(class_="crawl-entry-title"))).removesuffix("¶").strip()
    assert heading == f"Urgent advice: \"><svg onload=alert('{syntax}-flag-title')>"
    # Links to the entry carry the title inside their attribute and their text.
    link = main.find("a", class_="reference", href=f"#hostile-tip-{syntax}", title=True)
    assert link["title"].startswith(f"<script>alert('{syntax}-title')</script>")
    assert text_of(link).startswith(f"<script>alert('{syntax}-title')</script>")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_option_values_are_shown_as_text(hostile: Build, syntax: str) -> None:
    main = hostile.main(f"hostile-{syntax}")
    # (Tags are not shown on cards; their headings in the index are tested below.)
    flag = main.find("article", id=f"hostile-flag-{syntax}")
    action = unsmart(text_of(flag.find(class_="crawl-callout")))
    assert action == (
        f"What to do: <a href=\"javascript:alert('{syntax}-action')\" "
        f"onclick=\"alert('{syntax}-action-click')\">click</a>"
    )
    # A hostile id is cleaned into a slug; a hostile age is not shown at all.
    prefix = "x-" if syntax == "md" else ""
    assert main.find("article", id=f"{prefix}script-alert-{syntax}-id-script") is not None
    aged = main.find("article", id=f"hostile-age-{syntax}")
    assert aged.find(class_="crawl-age") is None
    assert not aged.has_attr("data-crawl-age-min")


def test_crawl_list_captions_are_shown_as_text(hostile: Build) -> None:
    for syntax in SYNTAXES:
        rubric = hostile.main(f"hostile-{syntax}").find(class_="crawl-list").find(class_="rubric")
        assert rubric.get_text() == f"<script>alert('{syntax}-caption')</script>"


def test_domain_index_headings_from_tags_are_shown_as_text(hostile: Build) -> None:
    # Sphinx's domainindex template prints group headings unescaped; tags are author text.
    soup = hostile.soup("crawl-tips")
    headings = {text_of(strong) for strong in soup.select("tr.cap strong")}
    assert "<script>alert('md-tag')</script>" in headings
    assert "\"><img src=x onerror=alert('rst-tag-img')>" in headings


def test_index_pages_in_a_theme_that_prints_only_the_body_run_nothing(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The index pages' own copy of the list (render/index_page.py) escapes as Sphinx's
    template does: tags as group headings, titles, ages."""
    src = copy_root("hostile", tmp_path_factory.mktemp("hostile-body-only") / "src")
    themed = build(src, confoverrides=BODY_ONLY_THEME)
    for page in ("crawl-tips", "crawl-red-flags"):
        assert themed.soup(page).select("table.indextable a"), f"{page} lists the entries"
        assert executable_traces(themed.soup(page)) == [], page
    headings = {text_of(strong) for strong in themed.soup("crawl-tips").select("tr.cap strong")}
    assert "<script>alert('md-tag')</script>" in headings
    titles = {text_of(a) for a in themed.soup("crawl-tips").select("table.indextable a")}
    assert any(title.startswith("<script>alert('md-title')</script>") for title in titles)


def test_source_details_from_conf_py_are_shown_as_text(hostile: Build) -> None:
    source = hostile.main("sources").find(id="source-xss")
    assert text_of(source.find(class_="crawl-source-title")) == (
        "<script>alert('source-title')</script>"
    )
    assert text_of(source.find(class_="crawl-source-by")) == (
        "\"><svg onload=alert('source-author')>, <img src=x onerror=alert('source-publisher')>"
    )
    # An http(s) URL with hostile characters stays inside its attribute.
    url = "https://example.org/?q=\"><script>alert('source-url')</script>"
    link = source.find("a", href=True)
    assert link["href"] == url
    assert set(link.attrs) == {"class", "href"}
    # Entries citing it show its title as text too.
    cite = hostile.main("hostile-md").find(class_="crawl-sources").find("a")
    assert text_of(cite) == "<script>alert('source-title')</script>"
    assert cite["title"] == "<script>alert('source-title')</script>"


def test_non_web_source_urls_are_left_out(hostile: Build) -> None:
    warnings = [w for w in hostile.warnings() if w.endswith("[crawl.config]")]
    assert any(w.startswith("<src>/conf.py:11: ") and "JaVaScRiPt:" in w for w in warnings)
    assert any(w.startswith("<src>/conf.py:12: ") and "data:text/html" in w for w in warnings)
    sources = hostile.main("sources")
    for key in ("mixedcase", "data"):
        block = sources.find(id=f"source-{key}")
        assert block is not None
        assert block.find("a", class_="external") is None
    exported = {s["id"]: s["url"] for s in hostile.crawl_json()["sources"]}
    assert exported["mixedcase"] is None
    assert exported["data"] is None


def test_crawl_json_holds_the_text_not_html(hostile: Build) -> None:
    entries = {e["id"]: e for e in hostile.crawl_json()["entries"]}
    assert entries["hostile-tip-rst"]["title"] == (
        "<script>alert('rst-title')</script> & <img src=x onerror=alert('rst-title-img')>"
    )
    assert entries["hostile-tip-md"]["tags"][0] == "<script>alert('md-tag')</script>"


def test_myst_passes_author_html_in_bodies_through(hostile: Build) -> None:
    """Expected MyST behaviour, pinned here so that a change is noticed.

    A body is the author's own Markdown; MyST renders raw HTML in it as HTML, as it
    does anywhere else in a page. sphinx-crawl does not sanitise bodies: authors are
    trusted for body HTML, exactly as for the rest of the page.
    """
    article = hostile.main(TRUSTED).find("article", id="trusted-body")
    body = article.find(class_="crawl-entry-body")
    script = body.find("script")
    assert script is not None
    assert "window.authorScript" in script.get_text()
    assert body.find("img", attrs={"onerror": True}) is not None
    # Only the body: the title and everything sphinx-crawl writes around it stay clean.
    body.decompose()
    assert executable_traces(BeautifulSoup(str(article), "html.parser")) == []
