"""Offline and installable (``crawl_offline = True``): a web app manifest and a
service worker that keeps every file of the build after the first visit.

The worker's cache is named after a digest of the files it keeps, so each deploy
that changes anything is a new version that replaces the old one; it answers from
the network first, so a live preview is never stale. Written only for the HTML
builders whose pages are files (``html``, ``dirhtml``), last, after every other file:
its version is worked out from the files as they are at the end of every build (never
from "nothing changed"), so a build that follows a stopped one gives the worker a new
version if any kept file changed. Written only when its bytes change. Pages opened
from disk (``file://``) do not register it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import crawl_config
from sphinx_crawl.output import html_output_dir, write_bytes_if_changed, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
WORKER_FILE = "crawl-sw.js"
MANIFEST_FILE = "manifest.webmanifest"
ICON_FILE = "crawl-icon.svg"
REGISTER_FILE = "crawl-offline.js"
BUILDERS = ("html", "dirhtml")
#: What a reader needs: pages, styles, scripts, images and fonts.
KEPT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"}
    | {".woff", ".woff2", ".ttf", ".webmanifest"}
)
THEME_COLOR = "#005eb8"


def _enabled(app: Sphinx) -> bool:
    return crawl_config(app.config).offline and app.builder.name in BUILDERS


def add_offline_files(app: Sphinx) -> None:
    """``builder-inited``: the icon, and the script that registers the worker."""
    if not _enabled(app):
        return
    static = Path(app.builder.outdir) / "_static"
    for name in (REGISTER_FILE, ICON_FILE):
        write_bytes_if_changed(static / name, (STATIC_DIR / name).read_bytes())
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


def write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the manifest, then the worker with every file kept."""
    outdir = html_output_dir(app, exception)
    if outdir is None or not _enabled(app):
        return
    write_if_changed(outdir / MANIFEST_FILE, json.dumps(manifest(app), indent=1) + "\n")
    files = kept_files(outdir)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0")
        path = outdir / name
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    worker = (
        (STATIC_DIR / WORKER_FILE)
        .read_text(encoding="utf-8")
        .replace("@VERSION@", digest.hexdigest()[:16])
        .replace("@FILES@", json.dumps(files, indent=0))
    )
    write_if_changed(outdir / WORKER_FILE, worker)


def manifest(app: Sphinx) -> dict[str, Any]:
    config = app.config
    name = str(config.html_title or config.project)
    start = app.builder.get_target_uri(config.root_doc) or "./"
    return {
        "name": name,
        "short_name": str(config.html_short_title or name)[:30],
        "lang": config.language or "en",
        "start_url": start,
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": f"_static/{ICON_FILE}", "sizes": "any", "type": "image/svg+xml"},
        ],
    }


def kept_files(outdir: Path) -> list[str]:
    """Every file a reader needs, as URLs relative to the site's root, sorted. A folder
    with its own ``.buildinfo`` is another build (a second language edition, with its
    own worker), and is left out; so are hidden files and folders."""
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
            if Path(name).suffix.lower() in KEPT_SUFFIXES:
                relative = (here / name).relative_to(outdir).as_posix()
                kept.append(relative)
                if name == "index.html":
                    # dirhtml links to folders: "tips/" must be found as "tips/index.html".
                    kept.append(relative.removesuffix("index.html") or "./")
    return sorted(set(kept))


def setup_offline(app: Sphinx) -> None:
    app.connect("builder-inited", add_offline_files)
    app.connect("html-page-context", link_manifest)
    # Last, after every other file of the build is written (crawl.json, search index).
    app.connect("build-finished", write_offline_files, priority=900)
