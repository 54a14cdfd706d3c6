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
which pages those are is read with each page, :class:`PageLoads`, and merged under ``-j``).

What a page's own content loads from another host (an ``image`` or ``figure``, MyST's
``![](https://...)``, a ``<img>`` or ``<script>`` in raw HTML) is the author's doing on
that page, not the theme's: it is found as each page is read (:class:`PageLoads`) and
warned at its own file and line, and the pages read back leave it out (before, an image
on the one page read back per template was put at ``html_theme``'s line, and the same
image on any other page went unseen). What ``rst_prolog`` and ``rst_epilog`` put in every
page is conf.py's: named once, at that setting's line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

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


#: A start tag's attributes: quoted values may hold ">".
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
#: What a browser reads as markup: comments (they load nothing), ``script`` and ``style``
#: (their text is no markup: a script's "<img src=..." string loads nothing), and start
#: tags. Read with one regular expression, not html.parser: that called Python for each of
#: a page's tags, and an entry index page of 20,000 entries (1.2 MB) took 0.27 s to read,
#: in every build, a third of what the one-title edit cost beyond sphinx-design's.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(script|style)\b({_ATTRIBUTES})>(.*?)(?:</\1\s*>|\Z)"
    rf"|<([a-zA-Z][^\s/>]*)({_ATTRIBUTES})>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


class LoadedAddresses(NamedTuple):
    """The addresses a page loads (elements' files, fetched links, inline styles' URLs)
    and, of those, its stylesheets."""

    urls: list[str]
    stylesheets: list[str]


def page_loads(markup: str) -> LoadedAddresses:
    """What ``markup`` (HTML) makes a browser load, in the page's order."""
    found = LoadedAddresses([], [])
    for match in _MARKUP.finditer(markup):
        raw_tag, raw_attributes, text, tag, attributes = match.groups()
        if raw_tag:
            _tag_loads(raw_tag.lower(), raw_attributes, found)
            if raw_tag.lower() == "style":
                found.urls.extend(_CSS_URL.findall(text))
        elif tag:
            tag = tag.lower()
            # Most tags load nothing: their attributes are read only if they may.
            if tag in _LOADING_TAGS or "style" in attributes.lower():
                _tag_loads(tag, attributes, found)
    return found


_LOADING_TAGS = frozenset({"link", *LOADED_FROM})


def _tag_loads(tag: str, attributes: str, found: LoadedAddresses) -> None:
    values = {
        name.lower(): html.unescape(value[1:-1] if value[:1] in ("'", '"') else value)
        for name, value in _ATTRIBUTE.findall(attributes)
    }
    if tag == "link":
        rels = set(values.get("rel", "").lower().split())
        if rels & FETCHED_LINKS and values.get("href"):
            found.urls.append(values["href"])
            if "stylesheet" in rels:
                found.stylesheets.append(values["href"])
    elif tag in LOADED_FROM and values.get(LOADED_FROM[tag]):
        found.urls.append(values[LOADED_FROM[tag]])
    if values.get("style"):
        found.urls.extend(_CSS_URL.findall(values["style"]))


def loaded_from_other_hosts(
    page: str, page_path: Path, outdir: Path, read: dict[Path, list[str]] | None = None
) -> dict[str, str]:
    """The other hosts' addresses ``page`` (its HTML, written at ``page_path``) loads,
    with those of the handbook's own stylesheets it links, in order: each with the
    name of the stylesheet that loads it ("" for the page itself). ``read``: each
    stylesheet's addresses, kept across pages (their templates link the same ones)."""
    reader = page_loads(page)
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
    # What rst_prolog and rst_epilog (conf.py's) put in pages' content, at their lines.
    for url, setting, docname in _conf_content_loads(app.env):
        who = f"pages with the {setting} of conf.py (the first: {docname!r}) load"
        hosts.setdefault(_host(url), {}).setdefault(url, (who, (setting,)))
    # Then what the pages load, those of the theme's main template first (every page's).
    stylesheets: dict[Path, list[str]] = {}
    # Not what a page's content loads: warned at its own line as the page is read. Unless
    # conf.py names it too (html_logo of an image that some page shows as well).
    conf_py = Path(app.confdir, "conf.py")
    named = conf_py.read_text(encoding="utf-8", errors="replace") if conf_py.is_file() else ""
    content = {url for url in content_urls(app.env) if url not in named}
    for templatename in sorted(pages, key=lambda name: (name != "page.html", name)):
        path, page = pages[templatename]
        for url, stylesheet in loaded_from_other_hosts(page, path, outdir, stylesheets).items():
            if not stylesheet and url in content:
                continue
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


def _is_math(node: Any) -> bool:
    return isinstance(node, (nodes.math, nodes.math_block))


#: The environment's attribute with what each page's content loads from other hosts:
#: docname -> [address, file, line] for each, in the page's order (plain data).
_CONTENT_LOADS = "crawl_content_loads"

ContentLoad = tuple[str, str, int]


def content_loads(env: BuildEnvironment) -> dict[str, list[ContentLoad]]:
    """Each page's content loads from other hosts: (address, file, line)."""
    loads: dict[str, list[ContentLoad]] = env.__dict__.setdefault(_CONTENT_LOADS, {})
    return loads


def _conf_content_loads(env: BuildEnvironment) -> list[tuple[str, str, str]]:
    """What rst_prolog and rst_epilog load from other hosts: each address once, with the
    setting and the first page that has it."""
    found: dict[str, tuple[str, str, str]] = {}
    loads = content_loads(env)
    for docname in sorted(loads):
        for url, path, _line in loads[docname]:
            if _from_conf_py(path):
                setting = "rst_epilog" if "epilog" in path else "rst_prolog"
                found.setdefault(url, (url, setting, docname))
    return list(found.values())


def _from_conf_py(path: str) -> bool:
    """Content of rst_prolog or rst_epilog (Sphinx names its lines' file ``<rst_prolog>``,
    ``<rst_prologue>`` from Sphinx 9): on every page, and written in conf.py."""
    return path.startswith("<") and ("prolog" in path or "epilog" in path)


def content_urls(env: BuildEnvironment) -> set[str]:
    """The addresses some page's content loads from another host."""
    return {url for loads in content_loads(env).values() for url, _file, _line in loads}


class PageLoads(EnvironmentCollector):
    """What each page makes a reader's browser load from another host, read in one pass
    over its doctree.

    - Whether it has math, in projects with sphinx.ext.mathjax (which loads MathJax on
      those pages only). Sphinx 9's math domain no longer knows them: its HTML writer
      finds out as it writes each page, which under ``-j`` happens in other processes.
    - What its content loads (images, figures, raw HTML), warned as the page is read, at
      the file and line that names it: once for each place, since each is a line to
      change (an image used twice from a substitution is one place). Kept per page, so
      the read-back pages can leave them out in any build, whichever pages it read.
    """

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _math_pages(env).discard(docname)
        content_loads(env).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        _math_pages(env).update(_math_pages(other) & set(docnames))
        theirs = content_loads(other)
        content_loads(env).update((name, theirs[name]) for name in sorted(docnames & theirs.keys()))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        # No page loads MathJax without the extension: no math to look for.
        mathjax = "sphinx.ext.mathjax" in app.extensions
        # Each place (address, file, line): whether this build shows it, and what it is.
        found: dict[ContentLoad, tuple[bool, str]] = {}
        for node in doctree.findall(_math_or_loads if mathjax else _loads_something):
            if _is_math(node):
                _math_pages(env).add(env.docname)
                continue
            if _defined_not_shown(node):
                continue
            where = _source_and_line(node, env.doc2path(env.docname))
            shown = _shown_in_this_build(app, node)
            what = _IMAGE if isinstance(node, nodes.image) else _RAW
            for url in _addresses(node):
                load = (url, *where)
                shown_elsewhere, _what = found.get(load, (False, what))
                found[load] = (shown or shown_elsewhere, what)
        if not found:
            return
        # Those in an ``only`` this build leaves out too: what the pages read back may
        # show in another build, and not the theme's.
        content_loads(env)[env.docname] = list(found)
        if not _reader_loads_remote_files(app):
            return
        for (url, path, line), (shown, what) in found.items():
            if shown and not _from_conf_py(path):  # those: once, at conf.py's line
                warn(
                    what.format(url=url, host=_host(url))
                    + " whenever the page is opened: that host learns which pages a reader "
                    "opens (a leak of their privacy), and an offline copy of the handbook "
                    "lacks it; save the file in the project and give its path instead",
                    f"{path}:{line}",
                    "privacy",
                )


_IMAGE = "the image {url} is loaded from another host ({host})"
_RAW = "raw HTML here loads {url} from another host ({host})"


def _loads_something(node: Any) -> bool:
    return isinstance(node, nodes.image) or (
        isinstance(node, nodes.raw) and "html" in node.get("format", "").split()
    )


def _math_or_loads(node: Any) -> bool:
    return _is_math(node) or _loads_something(node)


def _addresses(node: nodes.Node) -> list[str]:
    """The other hosts' addresses an image or a piece of raw HTML loads."""
    if isinstance(node, nodes.image):
        uri = str(node.get("uri", ""))
        return [uri] if is_other_host(uri) else []
    reader = page_loads(node.astext())
    return list(dict.fromkeys(url for url in reader.urls if is_other_host(url)))


def _defined_not_shown(node: nodes.Node) -> bool:
    """In a substitution's definition: shown where it is used (a copy), not there."""
    return any(isinstance(each, nodes.substitution_definition) for each in _ancestors(node))


def _shown_in_this_build(app: Sphinx, node: nodes.Node) -> bool:
    """Not inside an ``only`` this build's tags leave out."""
    from sphinx_crawl.domain import is_shown_with

    return not any(
        isinstance(each, addnodes.only) and not is_shown_with(app.builder.tags, each["expr"])
        for each in _ancestors(node)
    )


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _source_and_line(node: nodes.Node, page: str | Path) -> tuple[str, int]:
    """The file and line of the nearest of ``node`` and its parents with a line (MyST
    gives an image at a paragraph's start line 0), in the file the first with one names
    (an included file's own); else the page's file, line 1."""
    source = None
    each: nodes.Node | None = node
    while each is not None:
        source = source or each.source
        if each.line:
            return str(source or each.source or page), each.line
        each = each.parent
    return str(source or page), 1


def _reader_loads_remote_files(app: Sphinx) -> bool:
    """Whether this build's pages load other hosts' files as a reader opens them: HTML
    pages (and their bodies as JSON). EPUB, LaTeX and the other builders that keep no
    remote image download it as they build (sphinx.ext.images), or show none."""
    builder = app.builder
    return builder.format == "html" and bool(getattr(builder, "supported_remote_images", False))


def setup_other_hosts(app: Sphinx) -> None:
    app.add_env_collector(PageLoads)
