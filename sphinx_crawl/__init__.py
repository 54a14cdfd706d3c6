"""sphinx-crawl: typed, sourced, searchable content for parents' handbooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_crawl.types import ContentType, Field, IndexSpec, choice, register_content_type

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
__all__ = [
    "ContentType",
    "Field",
    "IndexSpec",
    "__version__",
    "choice",
    "register_content_type",
    "setup",
]

STATIC_DIR = Path(__file__).parent / "static"


def _add_static_files(app: Sphinx) -> None:
    """CSS and JS ship in the package; only HTML builders get them."""
    if app.builder.format != "html":
        return
    # A new list, never an in-place append: the default list is shared between apps.
    if str(STATIC_DIR) not in app.config.html_static_path:
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR)]
    app.add_css_file("crawl.css")
    app.add_js_file("crawl.js", loading_method="defer")


def setup(app: Sphinx) -> ExtensionMetadata:
    from sphinx_crawl.builtin import setup_builtin_types
    from sphinx_crawl.config import setup_config
    from sphinx_crawl.directives.collections import CrawlListDirective, CrawlSourcesDirective
    from sphinx_crawl.directives.milestone_table import MilestoneTableDirective
    from sphinx_crawl.directives.schema import CrawlSchemaDirective
    from sphinx_crawl.domain import DATA_VERSION, setup_domain
    from sphinx_crawl.export import setup_export
    from sphinx_crawl.i18n import LOCALE_DIR, MESSAGE_CATALOG
    from sphinx_crawl.incremental import setup_incremental
    from sphinx_crawl.render.collections import FillCollections
    from sphinx_crawl.render.fallback import NonHTMLFallback
    from sphinx_crawl.render.html import HTML_VISITORS
    from sphinx_crawl.render.reader import setup_reader
    from sphinx_crawl.review import setup_review
    from sphinx_crawl.types import load_entry_point_types

    app.setup_extension("sphinx_design")  # cards use its classes and styles
    setup_config(app)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    setup_domain(app)
    for node_class, (visit, depart) in HTML_VISITORS.items():
        app.add_node(node_class, html=(visit, depart))
    app.add_directive("milestone-table", MilestoneTableDirective)
    app.add_directive("crawl-list", CrawlListDirective)
    app.add_directive("crawl-sources", CrawlSourcesDirective)
    app.add_directive("crawl-schema", CrawlSchemaDirective)
    setup_builtin_types(app)
    load_entry_point_types(app)
    app.add_post_transform(FillCollections)
    app.add_post_transform(NonHTMLFallback)
    setup_incremental(app)
    setup_review(app)
    setup_reader(app)
    setup_export(app)
    app.connect("builder-inited", _add_static_files)
    return {
        "version": __version__,
        "env_version": DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
