"""Offline and installable (``crawl_offline = True``): a web app manifest and a service
worker that keeps the handbook on a reader's phone, within a budget.

What a first visit keeps (``crawl_offline_budget``, 2 MB by default): the *essentials*
(the start page, the search page and its index, the tracker and summary pages, the
emergency page, and the scripts, styles, icons and fonts those pages load), then the
pages the reader opens and what they load (the search's parts too), as they are
opened, the least recently opened dropped first. A handbook whose files all fit in the
budget is kept whole. The ``crawl-offline`` directive puts on a page the reader's
choice to keep the whole handbook (its size worked out here), file by file, and to
remove it again (``static/crawl-offline.js`` drives it; the worker does the work).

The worker's list names every file it may keep with the first characters of the
SHA-256 of its bytes and its size; its version (and cache) changes when any of them
changes, and a new version copies the files whose hash is unchanged from the old cache
instead of downloading them. It answers from the network first, so a live preview is
never stale. Written only for the HTML builders whose pages are files (``html``,
``dirhtml``), last, after every other file: the list is worked out from the files as
they are at the end of every build (never from "nothing changed"), so a build that
follows a stopped one gives the worker a new version if any kept file changed. Written
only when its bytes change. Pages opened from disk (``file://``) do not register it.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl.config import config_location, crawl_config
from sphinx_crawl.config_checks import edition_of
from sphinx_crawl.core.derive import free_id
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.names import add_crawl_directive
from sphinx_crawl.directives.options import raw_options, read_options, warn_stray
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import LOCALE_DIR, MESSAGE_CATALOG, _, language_tag
from sphinx_crawl.output import (
    html_output_dir,
    shipped_bytes,
    write_bytes_if_changed,
    write_if_changed,
)
from sphinx_crawl.removed_pages import removed_pages
from sphinx_crawl.render.search_preload import written_upfront
from sphinx_crawl.render.search_shards import FOREIGN_PART, HARMLESS_PART, PART_FOLDER

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

STATIC_DIR = Path(__file__).parent / "static"
WORKER_FILE = "crawl-sw.js"
MANIFEST_FILE = "manifest.webmanifest"
ICON_FILE = "crawl-icon.svg"
REGISTER_FILE = "crawl-offline.js"
#: How the worker's file starts (static/crawl-sw.js): a file so named that does not is
#: not ours, and is left alone.
WORKER_MARK = "/* sphinx-crawl service worker"
BUILDERS = ("html", "dirhtml")
#: What a reader needs: pages, styles, scripts, images and fonts.
KEPT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"}
    | {".woff", ".woff2", ".ttf", ".otf", ".webmanifest"}
)
#: Hex characters of a file's SHA-256 in the worker's list (the worker computes the
#: same of what it downloads, with SubtleCrypto).
HASH_CHARS = 12
#: The search's up-front index files (the parts in ``_crawl_search/`` are kept as the
#: reader's searches load them).
SEARCH_FILES = ("searchindex.js", "crawl-searchindex.js")
THEME_COLOR = "#005eb8"


def _enabled(app: Sphinx) -> bool:
    return crawl_config(app.config).offline and app.builder.name in BUILDERS


def add_offline_files(app: Sphinx) -> None:
    """``builder-inited``: the icon, and the script that registers the worker (else
    the ``crawl-offline`` box is left out)."""
    if not _enabled(app):
        app.add_post_transform(DropOfflineCopy)
        return
    static = Path(app.builder.outdir) / "_static"
    for name in (REGISTER_FILE, ICON_FILE):
        write_bytes_if_changed(static / name, shipped_bytes(STATIC_DIR / name))
    app.add_js_file(REGISTER_FILE, loading_method="defer")


def link_manifest(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: each page names the manifest and the theme colour."""
    if not _enabled(app) or "pathto" not in context:
        return
    href = context["pathto"](MANIFEST_FILE, 1)
    context["metatags"] = (
        context.get("metatags", "")
        + f'\n<link rel="manifest" href="{href}">'
        + f'\n<meta name="theme-color" content="{THEME_COLOR}">'
    )


# -- what the worker keeps ----------------------------------------------------------


@dataclass(frozen=True)
class KeptFile:
    """A file the worker may keep: its URL from the site's root (a folder's page as
    ``tips/index.html``), the first characters of the SHA-256 of its bytes, its size."""

    path: str
    hash: str
    size: int


@dataclass(frozen=True)
class OfflinePlan:
    """The worker's list, and what a first visit keeps of it."""

    files: tuple[KeptFile, ...]
    #: What a first visit keeps whatever the reader opens, as URLs to fetch (with the
    #: ``?v=`` the pages use, so the browser's cache of the first page answers).
    essential: tuple[str, ...]
    budget: int

    @property
    def total(self) -> int:
        return sum(file.size for file in self.files)

    @property
    def essential_size(self) -> int:
        sizes = {file.path: file.size for file in self.files}
        return sum(sizes[url.partition("?")[0]] for url in self.essential)

    def largest(self, count: int = 3) -> str:
        """The largest essential files, with their sizes: what to make smaller (a page of
        2,000 entries with a checklist, more often than the search index)."""
        sizes = {file.path: file.size for file in self.files}
        paths = dict.fromkeys(url.partition("?")[0] for url in self.essential)
        biggest = sorted(paths, key=lambda path: (-sizes[path], path))[:count]
        return ", ".join(f"{path} {sizes[path]:,} bytes" for path in biggest)

    @property
    def whole(self) -> bool:
        return len(self.essential) == len(self.files)


def write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the manifest, then the worker with the files it may keep."""
    outdir = html_output_dir(app, exception)
    if outdir is None or app.builder.name not in BUILDERS:
        return
    if not crawl_config(app.config).offline:
        remove_offline_files(outdir)
        return
    write_if_changed(outdir / MANIFEST_FILE, json.dumps(manifest(app), indent=1) + "\n")
    plan = offline_plan(app, outdir)
    if not plan.whole and plan.essential_size > plan.budget:
        warn(
            f"crawl_offline_budget is {plan.budget:,} bytes, but what the search and the "
            f"tracker need offline is {plan.essential_size:,} bytes: a first visit keeps "
            f"that much (raise the budget, or make the largest smaller: {plan.largest()})",
            config_location(app, "crawl_offline_budget", "crawl_offline"),
            "config",
        )
    box = box_page(outdir, plan, page_suffix(app))
    write_if_changed(outdir / WORKER_FILE, worker_script(app, plan, box))


def remove_offline_files(outdir: Path) -> list[str]:
    """A build without ``crawl_offline``: the files a build with it wrote into the same
    folder go, as a clean build has none (s54: the worker stayed, and the phones that
    installed it kept it; crawl.js now takes it off them). Only ours: the worker by its
    first line, the manifest by the icon it names. What was removed."""
    removed = []
    worker = outdir / WORKER_FILE
    icon = f"_static/{ICON_FILE}"
    for path, ours in (
        (worker, lambda text: text.startswith(WORKER_MARK)),
        (outdir / MANIFEST_FILE, lambda text: f'"src": "{icon}"' in text),
        (outdir / "_static" / REGISTER_FILE, lambda text: True),
        (outdir / icon, lambda text: True),
    ):
        try:
            if ours(path.read_text(encoding="utf-8", errors="replace")):
                path.unlink()
                removed.append(path.relative_to(outdir).as_posix())
        except OSError:
            continue
    return removed


def offline_plan(app: Sphinx, outdir: Path) -> OfflinePlan:
    """Every file, most important to a parent first (what storage that runs out keeps,
    what the whole handbook downloads first): the essentials (the emergency page first),
    then the handbook's pages in the order of its contents, then other files, the
    authors' example pages (``crawl_demo_pages``) last."""
    budget = crawl_config(app.config).offline_budget
    # Not the files Sphinx left of pages removed from the handbook (a clean build has none).
    gone = {_file_of(app, app.builder.get_target_uri(page)) for page in removed_pages(app)}
    found = kept_files(outdir, page_suffix(app))
    gone |= _other_suffix(found, page_suffix(app))
    paths = [path for path in found if path not in gone]
    known = set(paths)
    essential = essential_files(outdir, essential_pages(app), known, page_suffix(app))
    order = {path: n for n, path in enumerate(_by_importance(app, paths, essential))}
    files = tuple(_hashed(outdir, path) for path in sorted(paths, key=order.__getitem__))
    if sum(file.size for file in files) <= budget:
        return OfflinePlan(files, tuple(file.path for file in files), budget)
    return OfflinePlan(files, essential, budget)


def _other_suffix(paths: list[str], suffix: str) -> set[str]:
    """The pages Sphinx left of a build with ``.html`` pages, where this build's end in
    ``suffix`` (``html_file_suffix = ".htm"``: s54, the worker listed both): a ``.html``
    file beside a page of the same name with this build's suffix."""
    if suffix == ".html":
        return set()
    found = set(paths)
    return {path for path in paths if path.endswith(".html") and path[:-5] + suffix in found}


def _by_importance(app: Sphinx, paths: list[str], essential: tuple[str, ...]) -> list[str]:
    """``paths`` (sorted) most important first: the essentials in their order, the
    pages in the order of the contents (depth first from the root; pages outside it
    after), other files, and the pages ``crawl_demo_pages`` names last."""
    env = app.env
    docs: list[str] = []
    seen: set[str] = set()
    stack = [app.config.root_doc]
    while stack:
        doc = stack.pop()
        if doc in seen or doc not in env.all_docs:
            continue
        seen.add(doc)
        docs.append(doc)
        stack.extend(reversed(env.toctree_includes.get(doc, [])))
    docs += sorted(set(env.all_docs) - seen)
    config = crawl_config(app.config)
    page_of = {_file_of(app, app.builder.get_target_uri(doc)): doc for doc in docs}
    rank = {path: n for n, path in enumerate(page_of)}
    first = [url.partition("?")[0] for url in essential]

    def key(path: str) -> tuple[int, int, str]:
        doc = page_of.get(path)
        if doc is not None and config.is_demo_page(doc):
            return (3, rank[path], path)
        if doc is not None:
            return (1, rank[path], path)
        return (2, 0, path)

    essential_paths = set(first)
    rest = sorted((path for path in paths if path not in essential_paths), key=key)
    return list(dict.fromkeys(first + rest))


def _hashed(outdir: Path, path: str) -> KeptFile:
    data = (outdir / path).read_bytes()
    return KeptFile(path, hashlib.sha256(data).hexdigest()[:HASH_CHARS], len(data))


def kept_files(outdir: Path, suffix: str = ".html") -> list[str]:
    """Every file a reader needs, as URLs relative to the site's root, sorted. A folder
    with its own ``.buildinfo`` is another build (a second language edition, with its
    own worker), and is left out; so are hidden files and folders. A folder's page
    (dirhtml's ``tips/``) is listed once, as ``tips/index.html``: the worker finds
    ``tips/`` there."""
    kept: list[str] = []
    for folder, dirs, names in os.walk(outdir):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d != "_sources" and not (here / d / ".buildinfo").exists()
        )
        for name in names:
            if name.startswith(".") or name == WORKER_FILE:
                continue
            if Path(name).suffix.lower() in KEPT_SUFFIXES or name.endswith(suffix):
                kept.append((here / name).relative_to(outdir).as_posix())
    return sorted(kept)


def essential_pages(app: Sphinx) -> list[str]:
    """The pages a first visit keeps whatever the reader opens, as URLs from the root:
    the start page, the search page, the tracker and summary (the baby's panel, the
    summary, lists to mark), and the page saying what counts as an emergency; most
    important first (what storage that runs out keeps): the emergency page, the
    search, the tracker and summary, the start page."""
    builder = app.builder
    docnames = []
    emergency = crawl_config(app.config).emergency.page
    if emergency in app.env.all_docs:
        docnames.append(emergency)
    docnames.append("search")
    domain = crawl_domain(app.env)
    for doc, specs in sorted(domain.collectors.items()):
        if any(_is_companion(spec) for spec in specs):
            docnames.append(doc)
    docnames.append(app.config.root_doc)
    return list(dict.fromkeys(_file_of(app, builder.get_target_uri(doc)) for doc in docnames))


def _is_companion(spec: dict[str, Any]) -> bool:
    return spec.get("kind") in ("baby", "summary") or spec.get("layout") in ("tracker", "noticed")


def page_suffix(app: Sphinx) -> str:
    """What the builder's page files end with (``html_file_suffix``: ``.htm``...)."""
    return str(getattr(app.builder, "out_suffix", ".html"))


def _file_of(app: Sphinx, url: str) -> str:
    """The file a page's URL from the root names (``tips/`` is ``tips/index.html``;
    with ``html_link_suffix = ""``, ``tips`` is ``tips.html``)."""
    path = unquote(urlsplit(url).path)
    suffix = page_suffix(app)
    if path in ("", "./") or path.endswith("/"):
        return path + "index" + suffix
    link = str(getattr(app.builder, "link_suffix", suffix))
    if link != suffix and path.endswith(link):
        return path[: len(path) - len(link)] + suffix
    return path


#: A tag that loads a file for the page: scripts, styles, icons, the manifest, images.
_LOADING_TAG = re.compile(r"<(script|link|img|source)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\b(src|href|rel)\s*=\s*"([^"]*)"', re.IGNORECASE)
_LOADED_LINKS = frozenset({"stylesheet", "icon", "manifest", "preload", "modulepreload"})
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.IGNORECASE)
_FONT_SRC = re.compile(r"(?<![\w-])src\s*:([^;]*)", re.IGNORECASE)
_FONT_SOURCE = re.compile(
    r"""url\(\s*['"]?([^'")]+)['"]?\s*\)\s*(?:format\(\s*['"]?([^'")]+))?""", re.IGNORECASE
)
#: Font formats every browser the handbook supports reads (not IE's embedded-opentype,
#: nor SVG fonts).
_BROWSER_FONT_FORMATS = frozenset({"woff2", "woff", "truetype", "opentype", "collection"})


def css_loads(css: str) -> list[str]:
    """What a stylesheet makes a browser fetch: every ``url()`` outside ``@font-face``,
    and of each font's sources only the one a browser takes: the first whose format it
    reads (of the last ``src``). Themes list every format (sphinx-rtd-theme: EOT, WOFF2,
    WOFF, TTF, SVG for each face, 2.2 MB that no browser of today fetches)."""
    found = _CSS_URL.findall(_FONT_FACE.sub("", css))
    for face in _FONT_FACE.finditer(css):
        sources = _FONT_SRC.findall(face.group(1))
        if not sources:
            continue
        for url, hint in _FONT_SOURCE.findall(sources[-1]):
            if not hint or hint.strip().lower() in _BROWSER_FONT_FORMATS:
                found.append(url)
                break
    return found


def essential_files(
    outdir: Path, pages: list[str], known: set[str], suffix: str = ".html"
) -> tuple[str, ...]:
    """The essential pages that exist, what they load (what their styles load too:
    fonts, in the format a browser takes, and images), the search's index and the
    manifest and its icon, as URLs to fetch (a file's ``?v=`` as the pages give it), in
    the order of ``pages`` (each page, then what it loads; the search's index after
    the search page)."""
    urls: dict[str, str] = {}

    def add(path: str, query: str = "") -> None:
        if path in known:
            urls.setdefault(path, path + (f"?{query}" if query else ""))

    for page in pages:
        if page not in known:
            continue
        add(page)
        html = (outdir / page).read_text(encoding="utf-8", errors="replace")
        for tag, attributes in _LOADING_TAG.findall(html):
            found = {name.lower(): value for name, value in _ATTRIBUTE.findall(attributes)}
            if tag.lower() == "link" and not _LOADED_LINKS & set(found.get("rel", "").split()):
                continue
            target = found.get("src") or found.get("href")
            if target:
                add(*_resolve(page, target))
        if page in (f"search{suffix}", f"search/index{suffix}"):
            for name in SEARCH_FILES:
                add(name)
    for name in (*SEARCH_FILES, MANIFEST_FILE, f"_static/{ICON_FILE}"):
        add(name)
    # A split index's harmless phrases and other languages' emergency words: read
    # offline, an alarming query's notice is the one it gets online ("fell asleep" is no
    # fall; "bebê não respira" is an emergency in the English edition too).
    parts = (written_upfront(outdir / SEARCH_FILES[1]) or {}).get("parts")
    for flag, name in (("harmless", HARMLESS_PART), ("foreign", FOREIGN_PART)):
        if isinstance(parts, dict) and parts.get(flag):
            add(f"{PART_FOLDER}/{name}.js", f"v={parts.get('version', '')}")
    for path in [p for p in urls if p.endswith(".css")]:
        css = (outdir / path).read_text(encoding="utf-8", errors="replace")
        for target in css_loads(css):
            add(*_resolve(path, target))
    return tuple(urls.values())


def _resolve(base: str, target: str) -> tuple[str, str]:
    """A reference in the file ``base`` as (path from the root, query); a reference to
    another host, from the server's root or inline resolves to ("", "")."""
    parts = urlsplit(target.replace("&amp;", "&"))
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return "", ""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
    return ("", "") if path.startswith("..") else (path, parts.query)


def worker_script(app: Sphinx, plan: OfflinePlan, box: str = "") -> str:
    """The worker: the template with the build's list, budget and words, and the page
    that holds the reader's choice (``box``, where storage that is full is explained)."""
    values = {
        "@FILES@": "[\n"
        + ",\n".join(json.dumps([f.path, f.hash, f.size]) for f in plan.files)
        + "\n]",
        "@ESSENTIAL@": json.dumps(list(plan.essential), indent=0),
        "@BUDGET@": str(plan.budget),
        "@HASH_CHARS@": str(HASH_CHARS),
        "@BOX@": json.dumps(box),
        "@SEARCH_PARTS@": json.dumps(PART_FOLDER),
        "@PAGE_SUFFIX@": json.dumps(page_suffix(app)),
        "@LINK_SUFFIX@": json.dumps(str(getattr(app.builder, "link_suffix", page_suffix(app)))),
        "@TEXT@": json.dumps(worker_text(app), ensure_ascii=False, sort_keys=True),
    }
    script = (STATIC_DIR / WORKER_FILE).read_text(encoding="utf-8")
    for placeholder, value in values.items():
        script = script.replace(placeholder, value)
    # The version is that of everything the worker holds: any change is a new cache.
    version = hashlib.sha256(script.encode("utf-8")).hexdigest()[:16]
    return script.replace("@VERSION@", version)


def box_page(outdir: Path, plan: OfflinePlan, suffix: str = ".html") -> str:
    """The first page, most important first, that holds the reader's choice (the
    ``crawl-offline`` box), as a path from the root; "" when no page does."""
    for file in plan.files:
        if file.path.endswith(suffix) and BOX_MARK in (outdir / file.path).read_bytes():
            return file.path
    return ""


#: What the box's HTML begins with (visit_offline_copy).
BOX_MARK = b'<div class="crawl-offline" hidden="hidden" data-crawl-offline='


def worker_text(app: Sphinx) -> dict[str, Any]:
    """The words of the page the worker shows offline for a page it did not keep, and
    of the notice a page shows when storage is full, in the build's language; under
    ``editions``, the same for each edition under this one, by its folder from the
    worker's scope ("es/" for a Spanish edition under an English one): a page of an
    edition the reader never opened is answered by this worker, in that edition's
    language."""
    emergency = crawl_config(app.config).emergency.page
    has_emergency = emergency in app.env.all_docs
    uri = app.builder.get_target_uri
    start = _file_of(app, uri(app.config.root_doc))
    editions = crawl_config(app.config).editions
    here = edition_of(editions, app.config.language or "en")
    text: dict[str, Any] = {
        **_edition_words(lambda message: str(_(message)), own=True),
        "lang": language_tag(app.config),
        "start": start,
        "emergency": _file_of(app, uri(emergency)) if has_emergency else "",
        "label": here.label if here is not None else "",
        "editions": {},
    }
    if here is None:
        return text
    for language, edition in editions.items():
        if edition.path == here.path or not edition.path.startswith(here.path):
            continue
        text["editions"][edition.path[len(here.path) :]] = {
            **_edition_words(_catalog(language), own=False),
            "lang": language.replace("_", "-"),
            "start": start,
            "emergency": _file_of(app, uri(emergency))
            if has_emergency and edition.has_page(emergency)
            else "",
            "label": edition.label,
        }
    return text


def _edition_words(_: Callable[[str], str], own: bool) -> dict[str, str]:
    """The words in one language: ``_`` translates into it (named so that the
    catalogs' extraction finds the messages)."""
    if own:
        text = _(
            "You are offline, and this page was not kept on this phone. The pages "
            "you have opened are kept, and so are the search and the tracker."
        )
    else:
        text = _(
            "You are offline, and this edition of the handbook is not kept on this "
            "phone. What is kept is linked below."
        )
    return {
        "title": _("Not kept on this phone"),
        "text": text,
        "toStart": _("Go to the first page"),
        "toEmergency": _("What to do in an emergency"),
        "full": _(
            "This phone's storage is full: some of the handbook could not be kept for "
            "reading without a network."
        ),
        "seeKept": _("What is kept on this phone"),
        "close": _("Close"),
    }


def _catalog(language: str) -> Callable[[str], str]:
    """The extension's own catalog for another edition's language (English where it
    has none)."""
    catalog = gettext.translation(
        MESSAGE_CATALOG, localedir=str(LOCALE_DIR), languages=[language], fallback=True
    )
    return catalog.gettext


def manifest(app: Sphinx) -> dict[str, Any]:
    config = app.config
    name = str(config.html_title or config.project)
    start = app.builder.get_target_uri(config.root_doc) or "./"
    return {
        "name": name,
        "short_name": str(config.html_short_title or name)[:30],
        "lang": language_tag(config),
        "start_url": start,
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": f"_static/{ICON_FILE}", "sizes": "any", "type": "image/svg+xml"},
        ],
    }


# -- the reader's choice: the whole handbook on this phone --------------------------


class crawl_offline_copy(nodes.General, nodes.Element):
    """Where crawl-offline.js offers to keep the whole handbook (``crawl-offline``)."""


class CrawlOfflineDirective(SphinxDirective):
    """``crawl-offline``: the reader's choice to keep the whole handbook on the phone,
    with its size, and to remove it. Shown in the HTML of a build with
    ``crawl_offline`` (over http(s), once the worker runs); nothing elsewhere."""

    # Stray content, argument or options: our located warnings, not docutils' error
    # (which dropped the directive).
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = raw_options()

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        read_options(self.name, self.options, self.block_text, self.option_spec, location)
        warn_stray(self.name, self.content, self.arguments, location, argument=False)
        node = crawl_offline_copy()
        self.set_source_info(node)
        return [node]


class DropOfflineCopy(SphinxPostTransform):
    """Where no worker is written (another builder, ``crawl_offline`` off), the choice
    is left out: there is nothing to keep. Added at ``builder-inited`` for those builds
    only."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(crawl_offline_copy)):
            node.parent.remove(node)


def offline_words() -> dict[str, str]:
    """What crawl-offline.js says, in the build's language (``{size}`` and the like are
    filled in by the script)."""
    words = {
        "some": _(
            "This phone keeps the pages you open here, the search and the tracker (up to "
            "{budget}), so that you can read them again without a network."
        ),
        "keep": _("Keep the whole handbook on this phone ({size})"),
        "keeping": _("Keeping the handbook on this phone: {done} of {total} files."),
        "kept": _(
            "The whole handbook ({size}) is kept on this phone: every page works without a network."
        ),
        "whole": _(
            "The whole handbook ({size}) is kept on this phone after a first visit: every "
            "page works without a network."
        ),
        "failed": _(
            "{failed} of {total} files could not be kept (is the network on?). The rest is kept."
        ),
        "full": _(
            "This phone's storage is full: {failed} of {total} files could not be kept. "
            "The rest is kept. Make room on the phone, then try again."
        ),
        "retry": _("Try again"),
        "remove": _("Remove the offline copy"),
        "removed": _(
            "The offline copy is removed. This phone keeps only the pages you open, the "
            "search and the tracker (up to {budget})."
        ),
        "mb": _("{n} MB"),
        "kb": _("{n} kB"),
    }
    return {key: str(value) for key, value in words.items()}


def visit_offline_copy(self: HTML5Translator, node: crawl_offline_copy) -> None:
    words = escape(json.dumps(offline_words(), ensure_ascii=False, sort_keys=True))
    # The usual id, unless an entry or a heading on the page has it already.
    status = free_id("crawl-offline-status", lambda name: name not in self.document.ids)
    self.document.ids[status] = node
    self.body.append(
        f'<div class="crawl-offline" hidden="hidden" data-crawl-offline="{words}">'
        f'<p class="crawl-offline-status" id="{status}" role="status" '
        'aria-live="polite"></p>'
        '<progress class="crawl-offline-progress" hidden="hidden" max="1" value="0" '
        f'aria-labelledby="{status}"></progress>'
        '<p class="crawl-offline-buttons">'
        '<button type="button" class="crawl-offline-keep" hidden="hidden"></button> '
        '<button type="button" class="crawl-offline-remove" hidden="hidden"></button>'
        "</p></div>\n"
    )
    raise nodes.SkipNode


def setup_offline(app: Sphinx) -> None:
    app.add_node(crawl_offline_copy, html=(visit_offline_copy, None))
    add_crawl_directive(app, "crawl-offline", CrawlOfflineDirective)
    app.connect("builder-inited", add_offline_files)
    app.connect("html-page-context", link_manifest)
    # Last, after every other file of the build is written (crawl.json, search index).
    app.connect("build-finished", write_offline_files, priority=900)
