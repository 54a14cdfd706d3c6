"""The wiring: one thin ``setup`` calling each layer's ``setup_<part>``, bottom up.

core (no Sphinx) -> config, diagnostics, nodes -> types (registry) -> domain
-> directives -> collections and renderers -> outputs (crawl.json, search index).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_crawl.builtin import setup_builtin_types
from sphinx_crawl.changes import setup_changes
from sphinx_crawl.config import config_location, crawl_config, setup_config
from sphinx_crawl.core.changes import CHANGES_FILE, CHANGES_SCHEMA_FILE
from sphinx_crawl.core.cycle_gc import freeze_loaded, skip_final_collection, thaw
from sphinx_crawl.core.schema import CONTENT_FILE, SCHEMA_FILE
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives import setup_directives
from sphinx_crawl.domain import DATA_VERSION, setup_domain
from sphinx_crawl.export import setup_export
from sphinx_crawl.i18n import setup_i18n
from sphinx_crawl.import_fetch import setup_import_fetch
from sphinx_crawl.incremental import SHOWN_FILE, setup_incremental
from sphinx_crawl.markdown_hint import setup_markdown_hint
from sphinx_crawl.offline import MANIFEST_FILE, WORKER_FILE, setup_offline
from sphinx_crawl.output import shipped_bytes, write_bytes_if_changed
from sphinx_crawl.removed_pages import setup_removed_pages
from sphinx_crawl.render.adapted import setup_adapted
from sphinx_crawl.render.baby import (
    AGES_SCRIPT,
    COMPANION_SCRIPTS,
    RULES_FILE,
    TEXT_FILE,
    setup_companion,
)
from sphinx_crawl.render.changes import setup_render_changes
from sphinx_crawl.render.editions import setup_editions
from sphinx_crawl.render.emergency import setup_emergency
from sphinx_crawl.render.html import setup_html
from sphinx_crawl.render.index_page import INDEX_CSS_FILE, setup_index_page
from sphinx_crawl.render.lists import setup_collections
from sphinx_crawl.render.other_hosts import setup_other_hosts
from sphinx_crawl.render.reader import setup_reader
from sphinx_crawl.render.search import SEARCH_INDEX_FILE, setup_search
from sphinx_crawl.render.single_page import setup_single_page
from sphinx_crawl.render.template_check import setup_template_check
from sphinx_crawl.render.top import setup_top
from sphinx_crawl.review import setup_review
from sphinx_crawl.types import get_registry, load_entry_point_types
from sphinx_crawl.unfinished import setup_unfinished

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

STATIC_DIR = Path(__file__).parent / "static"
CSS_FILES = ("crawl.css",)
#: Copied, and linked by the pages that need them only (the index pages: domain.py).
PAGE_CSS_FILES = (INDEX_CSS_FILE,)
#: In this order: the ages first (the others compute ages with it), the companion's last.
JS_FILES = (AGES_SCRIPT, "crawl.js", *COMPANION_SCRIPTS)


def setup_extension(app: Sphinx, version: str) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")  # cards use its classes and styles
    setup_config(app)
    setup_markdown_hint(app)
    setup_i18n(app)
    setup_domain(app)
    setup_html(app)
    setup_index_page(app)
    setup_directives(app)
    setup_import_fetch(app)
    setup_builtin_types(app)
    load_entry_point_types(app)
    setup_collections(app)
    setup_adapted(app)
    setup_changes(app)
    setup_render_changes(app)
    setup_companion(app)
    setup_incremental(app)
    setup_review(app)
    setup_reader(app)
    setup_search(app)
    setup_emergency(app)
    setup_single_page(app)
    setup_top(app)
    setup_editions(app)
    setup_export(app)
    setup_removed_pages(app)
    setup_offline(app)
    setup_static_files(app)
    setup_template_check(app)
    setup_other_hosts(app)
    setup_unfinished(app)
    setup_cycle_gc(app)
    return {
        "version": version,
        "env_version": DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def setup_cycle_gc(app: Sphinx) -> None:
    """What Sphinx loaded before the build (its modules and those of the extensions, then
    the environment), out of the cycle collector's full passes until the build ends, and
    the process's last collection at exit skipped (core/cycle_gc.py)."""
    app.connect("config-inited", freeze_loaded, priority=900)
    app.connect("builder-inited", freeze_loaded, priority=900)
    app.connect("build-finished", thaw, priority=900)
    skip_final_collection()


def setup_static_files(app: Sphinx) -> None:
    """CSS and JS ship in the package, copied into ``_static`` (only when changed) and
    linked from every HTML page. ``html_static_path`` is neither used for them nor
    edited. (sphinx-design, which the cards use, adds its folder to it at
    ``builder-inited``, after Sphinx compared the configuration with the saved one:
    Sphinx 8.1+ then says the option changed at each rebuild; it reads no page again
    for it, since the option only concerns writing.)"""
    app.connect("builder-inited", add_static_files)
    app.connect("config-inited", keep_record_out_of_epub)
    app.connect("env-before-read-docs", check_page_names)


def keep_record_out_of_epub(app: Sphinx, config: Config) -> None:
    """What the pages showed is recorded beside them for the next build
    (``.crawl-shown.json``): no part of an EPUB, whose next build into the same folder
    warned "unknown mimetype for .crawl-shown.json" (a failure with -W). Added to
    ``epub_exclude_files`` in every build, so the setting compares the same each time."""
    excluded = list(config.epub_exclude_files or [])
    if SHOWN_FILE not in excluded:
        config.epub_exclude_files = [*excluded, SHOWN_FILE]


def add_static_files(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    # Copied before any page is written, so the links carry Sphinx's ?v= checksum and
    # browsers fetch a changed script instead of an old cached one.
    target = Path(app.builder.outdir) / "_static"
    for name in (*CSS_FILES, *PAGE_CSS_FILES, *JS_FILES):
        write_bytes_if_changed(target / name, shipped_bytes(STATIC_DIR / name))
    for name in CSS_FILES:
        app.add_css_file(name)
    for name in JS_FILES:
        app.add_js_file(name, loading_method="defer")
    check_static_names(app)


def check_page_names(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs`` (every build, pages read or not): a page with the name
    of a content type's index page (``crawl-tips``): Sphinx writes the index over it."""
    if app.builder.format != "html":
        return
    for content_type in get_registry(app):
        if content_type.index is None:
            continue
        name = f"crawl-{content_type.index.name}"
        if name in env.found_docs:
            warn(
                f"the page {name} has the name of the crawl domain's index of "
                f"{str(content_type.plural).lower()} ({app.builder.get_target_uri(name)}), "
                "which replaces it in the output; give the page another name",
                (name, 1),
                "config",
            )


def check_static_names(app: Sphinx) -> None:
    """The project's own static or extra files named as the extension's (a handbook
    about crawling may have its _static/crawl.css, or a crawl.json of its own in
    html_extra_path): Sphinx copies one over the other, and every page would lose the
    extension's styles or scripts, or the content API its file, without a word."""
    in_static = {path.name for path in STATIC_DIR.iterdir()} | {TEXT_FILE, RULES_FILE}
    in_root = {CONTENT_FILE, SCHEMA_FILE, SEARCH_INDEX_FILE, CHANGES_FILE, CHANGES_SCHEMA_FILE}
    if crawl_config(app.config).offline:  # a manifest of the project's own is fine without
        in_root |= {WORKER_FILE, MANIFEST_FILE}
    lost = {
        "html_static_path": "pages lose the extension's styles or scripts (the age filter, "
        "the tracker, the urgency words)",
        "html_extra_path": "the handbook loses the extension's file (its content API, "
        "search or offline copy)",
    }
    for setting, ours, where in (
        ("html_static_path", in_static, "_static"),
        ("html_extra_path", in_root, "the output"),
    ):
        for entry in getattr(app.config, setting):
            path = Path(app.confdir, entry)
            # Top-level files only (a folder's tree is copied as it is); a static
            # template ("crawl.css_t") is written without its "_t".
            files = [path] if path.is_file() else sorted(path.iterdir()) if path.is_dir() else []
            for file in files:
                name = file.name.removesuffix("_t") if setting == "html_static_path" else file.name
                if file.is_file() and name in ours:
                    named = Path(entry) if file == path else Path(entry) / file.name
                    warn(
                        f"{setting}: {named.as_posix()} has the name of a file of "
                        f"sphinx-crawl's own, which it replaces in {where}: {lost[setting]}; "
                        "give yours another name",
                        config_location(app, setting),
                        "config",
                    )
