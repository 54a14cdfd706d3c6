"""Directives: the generic entry directive, milestone tables and collections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_crawl.directives.collections import CrawlListDirective, CrawlSourcesDirective
from sphinx_crawl.directives.milestone_table import MilestoneTableDirective
from sphinx_crawl.directives.schema import CrawlSchemaDirective, CrawlWarningTypesDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_directives(app: Sphinx) -> None:
    """The directives every project has; each content type adds its own when registered."""
    app.add_directive("milestone-table", MilestoneTableDirective)
    app.add_directive("crawl-list", CrawlListDirective)
    app.add_directive("crawl-sources", CrawlSourcesDirective)
    app.add_directive("crawl-schema", CrawlSchemaDirective)
    app.add_directive("crawl-warning-types", CrawlWarningTypesDirective)
