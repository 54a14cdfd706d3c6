"""``crawl-changes``: what changed since the previous release, for readers (a
placeholder filled when pages are resolved, from ``crawl_previous``)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.config import crawl_config
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.options import raw_options, read_options, warn_stray


class CrawlChangesDirective(SphinxDirective):
    """An optional argument is the list's heading; no options."""

    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = raw_options("class")
    has_content = True  # so stray content is our located warning, not a docutils error

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        read_options(self.name, self.options, self.block_text, self.option_spec, location)
        warn_stray(self.name, self.content, self.arguments, location)
        if not crawl_config(self.config).previous:
            warn(
                f"{self.name}: crawl_previous is not set, so there is nothing to compare "
                "with; the list says so",
                location,
                "config",
            )
        node = crawl_nodes.crawl_changes(caption=self.arguments[0] if self.arguments else "")
        self.set_source_info(node)
        return [node]
