"""``crawl-baby`` and ``crawl-summary``: the parent's companion on the device.

Both only leave a node: crawl-companion.js draws them from what the parent keeps
in this browser. Other builders show a line saying where they work.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.options import raw_options, read_options, warn_stray


class _CompanionDirective(SphinxDirective):
    node_class: type[nodes.Element] = crawl_nodes.crawl_baby
    name = "crawl-baby"
    option_spec = raw_options()
    has_content = True  # so stray content is our located warning, not a docutils error
    optional_arguments = 1  # and a stray argument too
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.options = read_options(
            self.name, self.options, self.block_text, self.option_spec, location
        )
        warn_stray(self.name, self.content, self.arguments, location, argument=False)
        # One per page: crawl-companion.js fills the first; a second baby panel repeated
        # its fields' ids (the labels named the first one's fields) and stayed hidden,
        # a second summary said "It needs JavaScript" for good.
        first = self.env.temp_data.setdefault(f"crawl-one-per-page:{self.name}", location)
        if first is not location:
            warn(
                f"{self.name}: the page has one already (at {first}); a page "
                "holds one, which the script fills: this one is left out",
                location,
                "content",
            )
            return []
        node = self.node_class()
        self.set_source_info(node)
        return [node]


class CrawlBabyDirective(_CompanionDirective):
    """The baby's birth date and weeks born early, kept on this device; several babies."""


class CrawlSummaryDirective(_CompanionDirective):
    """A page to print or save for the doctor: ages, milestones, signs, notes."""

    node_class = crawl_nodes.crawl_summary
    name = "crawl-summary"
