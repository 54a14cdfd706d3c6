"""The addresses a written page loads are read as a browser reads them.

The ``crawl.privacy`` check reads back one written page per template. It read them with
``html.parser``, which called Python for every tag: an entry index page of 20,000 entries
(1.2 MB) took 0.27 s, in every build, a third of what a one-title edit cost beyond
hand-written sphinx-design cards (issue 27). It now reads them with one regular
expression; these tests hold it to what ``html.parser`` finds (the reference below, the
reader it replaced), on generated pages and on every page of the handbook.
"""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_crawl.render.other_hosts import _CSS_URL, FETCHED_LINKS, LOADED_FROM, page_loads


class ReferenceLoads(HTMLParser):
    """What the check read before: elements' files, fetched links, inline styles' URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.stylesheets: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & FETCHED_LINKS and values.get("href"):
                self.urls.append(values["href"])
                if "stylesheet" in rels:
                    self.stylesheets.append(values["href"])
        elif tag in LOADED_FROM and values.get(LOADED_FROM[tag]):
            self.urls.append(values[LOADED_FROM[tag]])
        elif tag == "style":
            self._in_style = True
        if values.get("style"):
            self.urls.extend(_CSS_URL.findall(values["style"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(_CSS_URL.findall(data))


def reference(markup: str) -> tuple[list[str], list[str]]:
    reader = ReferenceLoads()
    reader.feed(markup)
    reader.close()
    return reader.urls, reader.stylesheets


def found(markup: str) -> tuple[list[str], list[str]]:
    loads = page_loads(markup)
    return loads.urls, loads.stylesheets


OTHER = "https://cdn.example.com/"


@pytest.mark.parametrize(
    ("markup", "urls"),
    [
        # A script's text and a comment are no markup: nothing they name is loaded.
        (f'<script>var t = "<img src={OTHER}a.png>";</script><p>x</p>', []),
        (f'<!-- <script src="{OTHER}old.js"></script> --><p>x</p>', []),
        # A quoted ">" does not end the tag; entities in values are read as characters.
        (f'<img alt="a > b" src="{OTHER}b.png?x=1&amp;y=2">', [f"{OTHER}b.png?x=1&y=2"]),
        # Tags and attributes in capitals, unquoted values, a self-closing tag.
        (f"<LINK REL=Stylesheet HREF={OTHER}c.css />", [f"{OTHER}c.css"]),
        # What a style loads: in a style element and in any tag's style attribute.
        (f"<style>@import url('{OTHER}d.css');</style>", [f"{OTHER}d.css"]),
        (f"<div style=\"background: url('{OTHER}e.png')\">", [f"{OTHER}e.png"]),
        # A link that is an address, not a request.
        (f'<link rel="canonical" href="{OTHER}f.html">', []),
    ],
)
def test_reads_what_a_browser_loads(markup: str, urls: list[str]) -> None:
    assert found(markup)[0] == urls == reference(markup)[0]


_VALUE = st.sampled_from(
    [
        OTHER + "x.js",
        "_static/y.css",
        "a > b",
        "it's",
        'say "hi"',
        "x&amp;y",
        "",
        f"url({OTHER}z.png)",
    ]
)
_NAME = st.sampled_from(["src", "href", "style", "data", "alt", "SRC", "Style"])


def _attribute(name: str, value: str) -> str:
    if '"' not in value:
        return f'{name}="{value}"'
    return f"{name}='{value}'" if "'" not in value else f"{name}={value.replace(' ', '')}"


_ATTRIBUTES = st.lists(st.tuples(_NAME, _VALUE), min_size=1, max_size=3).map(
    lambda pairs: "".join(" " + _attribute(name, value) for name, value in pairs)
)
_REL = st.sampled_from(["stylesheet", "icon", "canonical", "preload", "next"]).map(
    lambda rel: f' rel="{rel}"'
)
_PIECE = st.one_of(
    st.tuples(
        st.sampled_from(["img", "script", "link", "iframe", "div", "p", "IMG", "object"]),
        _REL,
        _ATTRIBUTES,
    ).map(lambda t: f"<{t[0]}{t[1] if t[0] == 'link' else ''}{t[2]}>"),
    _ATTRIBUTES.map(lambda a: f"<script{a}>var s = '<img src={OTHER}no.png>';</script>"),
    _VALUE.map(lambda v: f"<style>p {{ background: {v} }}</style>"),
    _ATTRIBUTES.map(lambda a: f"<!-- <img{a}> -->"),
    st.sampled_from(["text", "</div>", "</p>", "&lt;img src=x&gt;", "<br/>", "\n"]),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE, max_size=12).map("".join))
def test_generated_pages_read_as_html_parser_reads_them(markup: str) -> None:
    assert found(markup) == reference(markup)


def test_every_handbook_page_read_as_html_parser_reads_it(
    handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _process, html = handbook
    pages = sorted(html.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert found(markup) == reference(markup), page.relative_to(html)
