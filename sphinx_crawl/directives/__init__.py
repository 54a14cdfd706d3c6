"""Directives: the generic entry directive, milestone tables and collections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_crawl.directives.collections import (
    CrawlListDirective,
    CrawlSourcesDirective,
    CrawlTimelineDirective,
)
from sphinx_crawl.directives.companion import CrawlBabyDirective, CrawlSummaryDirective
from sphinx_crawl.directives.imports import CrawlImportDirective
from sphinx_crawl.directives.milestone_table import MilestoneTableDirective
from sphinx_crawl.directives.options import mark_repeated_rst_options
from sphinx_crawl.directives.schema import (
    CrawlConfigReferenceDirective,
    CrawlSchemaDirective,
    CrawlWarningTypesDirective,
)
from sphinx_crawl.domain import crawl_domain

#: The directives every project has (content types add theirs).
FIXED_DIRECTIVES = (
    "milestone-table",
    "crawl-list",
    "crawl-timeline",
    "crawl-sources",
    "crawl-baby",
    "crawl-summary",
    "crawl-import",
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_directives(app: Sphinx) -> None:
    """The directives every project has; each content type adds its own when registered."""
    app.add_directive("milestone-table", MilestoneTableDirective)
    app.add_directive("crawl-list", CrawlListDirective)
    app.add_directive("crawl-timeline", CrawlTimelineDirective)
    app.add_directive("crawl-sources", CrawlSourcesDirective)
    app.add_directive("crawl-baby", CrawlBabyDirective)
    app.add_directive("crawl-summary", CrawlSummaryDirective)
    app.add_directive("crawl-import", CrawlImportDirective)
    app.add_directive("crawl-schema", CrawlSchemaDirective)
    app.add_directive("crawl-warning-types", CrawlWarningTypesDirective)
    app.add_directive("crawl-config-reference", CrawlConfigReferenceDirective)
    app.connect("source-read", _repeated_rst_options)


def _repeated_rst_options(app: Sphinx, docname: str, source: list[str]) -> None:
    if app.env.doc2path(docname).suffix != ".rst":
        return  # MyST keeps the last value itself; options.check_option_lines warns
    names = {ct.directive for ct in crawl_domain(app.env).content_types} | set(FIXED_DIRECTIVES)
    source[0] = "\n".join(mark_repeated_rst_options(source[0].split("\n"), names))
