"""Pages that load files from another host: one located ``crawl.privacy`` warning each.

What a parent reads in a health handbook is theirs. A page that loads a script, a
stylesheet or a font from another host (a theme's web fonts, a CDN's MathJax, an
analytics script) tells that host which pages a reader opens, from where, and when;
offline (``crawl_offline``), the file is missing. Nothing said so: shibuya's Google
Fonts came with every page of an adopter's handbook.

Read from what the build wrote, not guessed from settings: the pages
:mod:`~sphinx_crawl.render.template_check` reads back (one per template, noted in the
main process, so ``-j`` finds what a serial build finds), the project's stylesheets they
link (a CSS ``@import`` or ``url()`` of another host), and, with ``sphinx.ext.mathjax``,
its ``mathjax_path`` where some page has math (it loads MathJax on those pages only;
which pages those are is read with each page, :class:`MathPages`, and merged under ``-j``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The kinds of ``<link rel>`` a browser fetches (or connects for) when it reads a page;
#: the others (canonical, alternate, next, search...) are addresses, not requests.
FETCHED_LINKS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "manifest",
    }
)
#: The attribute each element loads its file from.
LOADED_FROM = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}
#: A font for some characters only (``unicode-range``: shibuya's flags): a browser fetches it
#: for a page that shows one of them, not for every page.
_SOME_CHARACTERS_FONT = re.compile(r"@font-face\s*{[^}]*unicode-range[^}]*}", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:@import\s+(?:url\(\s*)?|url\(\s*)["']?([^"')\s;]+)""", re.IGNORECASE)


def is_other_host(url: str) -> bool:
    """Whether a browser fetches ``url`` from a host of its own (``https://...``,
    ``//host/...``), not from the handbook's (relative, ``data:``)."""
    parts = urlsplit(url.strip())
    if url.strip().startswith("//"):
        return bool(parts.netloc)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _Loads(HTMLParser):
    """The addresses a page loads: elements' files, fetched links, inline styles' URLs."""

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


def loaded_from_other_hosts(
    page: str, page_path: Path, outdir: Path, read: dict[Path, list[str]] | None = None
) -> dict[str, str]:
    """The other hosts' addresses ``page`` (its HTML, written at ``page_path``) loads,
    with those of the handbook's own stylesheets it links, in order: each with the
    name of the stylesheet that loads it ("" for the page itself). ``read``: each
    stylesheet's addresses, kept across pages (their templates link the same ones)."""
    reader = _Loads()
    reader.feed(page)
    found = {url: "" for url in reader.urls if is_other_host(url)}
    base = page_path.resolve().as_uri()
    read = {} if read is None else read
    for href in reader.stylesheets:
        if is_other_host(href):
            continue
        css_path = Path(urlsplit(urljoin(base, href)).path)
        if outdir.resolve() not in css_path.parents:
            continue
        if css_path not in read:
            read[css_path] = _stylesheet_loads(css_path)
        for url in read[css_path]:
            found.setdefault(url, css_path.name)
    return found


def _stylesheet_loads(path: Path) -> list[str]:
    """The other hosts' addresses a stylesheet imports or uses (none if unreadable)."""
    try:
        css = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    used = _CSS_URL.findall(_SOME_CHARACTERS_FONT.sub("", css))
    return [url for url in used if is_other_host(url)]


def check_other_hosts(app: Sphinx, pages: dict[str, tuple[Path, str]]) -> None:
    """``pages``: template -> (written file, its HTML). One warning per host, at the line
    of conf.py that names it (the address, the host, the stylesheet that loads it; else
    the theme), naming a template whose pages load it."""
    outdir = Path(app.outdir)
    # host -> its addresses -> (who loads them, the names to look for in conf.py)
    hosts: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {}
    # MathJax first: a page of Sphinx 8 that lists a page with math loads it too.
    mathjax = _mathjax_page(app)
    if mathjax is not None:
        url = str(app.config.mathjax_path)
        hosts.setdefault(_host(url), {}).setdefault(
            url, (f"the page {mathjax!r} has math, so sphinx.ext.mathjax loads", _MATHJAX)
        )
    # Then what the pages load, those of the theme's main template first (every page's).
    stylesheets: dict[Path, list[str]] = {}
    for templatename in sorted(pages, key=lambda name: (name != "page.html", name)):
        path, page = pages[templatename]
        for url, stylesheet in loaded_from_other_hosts(page, path, outdir, stylesheets).items():
            names: tuple[str, ...] = (stylesheet,) if stylesheet else ()
            who = f"pages written with {templatename!r} load"
            hosts.setdefault(_host(url), {}).setdefault(url, (who, names))
    for host, urls in sorted(hosts.items()):
        (url, (who, names)), *more = urls.items()
        also = f" (and {len(more)} more file{'s' if len(more) > 1 else ''} there)" if more else ""
        warn(
            f"{who} {url}{also} from another host ({host}): it learns which pages a "
            "reader opens, and an offline copy of the handbook lacks it; ship the file "
            "with the project (html_static_path) or leave it out",
            config_location(app, url, host, *names, "html_theme"),
            "privacy",
        )


_MATHJAX = ("mathjax_path", "sphinx.ext.mathjax")


def _host(url: str) -> str:
    return urlsplit(url.strip() if not url.strip().startswith("//") else "https:" + url).netloc


def _mathjax_page(app: Sphinx) -> str | None:
    """The first page with math, where sphinx.ext.mathjax loads MathJax from another host."""
    if "sphinx.ext.mathjax" not in app.extensions or not is_other_host(
        str(getattr(app.config, "mathjax_path", "") or "")
    ):
        return None
    return min(_math_pages(app.env), default=None)


#: The environment's attribute with the pages that have math (a set of names: plain data).
_MATH_PAGES = "crawl_math_pages"


def _math_pages(env: BuildEnvironment) -> set[str]:
    pages: set[str] = env.__dict__.setdefault(_MATH_PAGES, set())
    return pages


class MathPages(EnvironmentCollector):
    """The pages with math, in projects with sphinx.ext.mathjax. (Sphinx 9's math domain
    no longer knows them: its HTML writer finds out as it writes each page, which under
    ``-j`` happens in other processes.)"""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _math_pages(env).discard(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        _math_pages(env).update(_math_pages(other) & set(docnames))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if "sphinx.ext.mathjax" not in app.extensions:
            return  # no page loads MathJax: nothing to read
        if next(doctree.findall(_is_math), None) is not None:
            _math_pages(app.env).add(app.env.docname)


def _is_math(node: Any) -> bool:
    return isinstance(node, (nodes.math, nodes.math_block))


def setup_other_hosts(app: Sphinx) -> None:
    app.add_env_collector(MathPages)
