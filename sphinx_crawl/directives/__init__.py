"""Directives: the generic entry directive, milestone tables and collections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_crawl.builtin import CONTENT_TYPES
from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.baby import CrawlBabyDirective, CrawlSummaryDirective
from sphinx_crawl.directives.changes import CrawlChangesDirective
from sphinx_crawl.directives.crawl_extend import CrawlExtendDirective
from sphinx_crawl.directives.crawl_import import CrawlImportDirective
from sphinx_crawl.directives.entry import make_entry_directive
from sphinx_crawl.directives.lists import (
    CrawlListDirective,
    CrawlSourcesDirective,
    CrawlTimelineDirective,
)
from sphinx_crawl.directives.milestone_table import MilestoneTableDirective
from sphinx_crawl.directives.names import (
    add_crawl_directive,
    crawl_directive_names,
    foreign_holder,
    setup_directive_names,
)
from sphinx_crawl.directives.options import mark_repeated_rst_options
from sphinx_crawl.directives.schema import (
    CrawlConfigReferenceDirective,
    CrawlLayersDirective,
    CrawlSchemaDirective,
    CrawlWarningTypesDirective,
)
from sphinx_crawl.types import get_registry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: The directives every project has, by name (content types add theirs).
FIXED_DIRECTIVES = {
    "milestone-table": MilestoneTableDirective,
    "crawl-list": CrawlListDirective,
    "crawl-timeline": CrawlTimelineDirective,
    "crawl-sources": CrawlSourcesDirective,
    "crawl-baby": CrawlBabyDirective,
    "crawl-summary": CrawlSummaryDirective,
    "crawl-import": CrawlImportDirective,
    "crawl-extend": CrawlExtendDirective,
    "crawl-changes": CrawlChangesDirective,
    "crawl-schema": CrawlSchemaDirective,
    "crawl-warning-types": CrawlWarningTypesDirective,
    "crawl-config-reference": CrawlConfigReferenceDirective,
    "crawl-layers": CrawlLayersDirective,
}


def setup_directives(app: Sphinx) -> None:
    """The directives every project has; each content type adds its own when registered."""
    for name, directive in FIXED_DIRECTIVES.items():
        add_crawl_directive(app, name, directive)
    app.connect("source-read", _repeated_rst_options)
    # Late, so that the types registered by any extension's setup are all there.
    app.connect("config-inited", add_entry_directives, priority=900)
    setup_directive_names(app)


def add_entry_directives(app: Sphinx, config: Config) -> None:
    """``config-inited``: a directive for each registered content type (one generic
    class, configured by the type). A plugin's type whose directive name an extension
    set up after the plugin took (autodoc's ``autofunction``, say) does not replace
    theirs: register_content_type refuses such a name when the other came first, and
    the order extensions are listed in must not decide whose pages break."""
    for content_type in get_registry(app):
        holder = None if content_type in CONTENT_TYPES else foreign_holder(content_type.directive)
        if holder is not None:
            warn(
                f"content type {content_type.name!r}: directive {content_type.directive!r} "
                f"is already {holder}'s (set up after the plugin), and stays theirs; the type's "
                "entries cannot be written until the plugin chooses another name, such as "
                f"{content_type.name + '-card'!r}",
                config_location(app, "extensions"),
                "plugin",
            )
            continue
        add_crawl_directive(app, content_type.directive, make_entry_directive(content_type))


def _repeated_rst_options(app: Sphinx, docname: str, source: list[str]) -> None:
    if app.env.doc2path(docname).suffix != ".rst":
        return  # MyST keeps the last value itself; options.check_option_lines warns
    names = set(crawl_directive_names(app))
    source[0] = "\n".join(mark_repeated_rst_options(source[0].split("\n"), names))
