"""``crawl-list`` and ``crawl-sources``: placeholders filled when pages are resolved."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import CAPTION_CLASS
from sphinx_crawl.config import declared_sources
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.derive import source_anchor
from sphinx_crawl.core.lists import LAYOUTS, ListSpec
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.options import list_option, raw_options, read_options, warn_stray
from sphinx_crawl.domain import crawl_domain


def add_translatable_caption(directive: SphinxDirective, node: nodes.Element) -> None:
    """A list's caption, offered to translators (gettext) as a comment no writer shows;
    the page's language is read back into ``caption`` (collect.read_document). A
    caption only in the node's attributes stayed in the source language in every
    translated edition."""
    caption = node.get("caption")
    if caption:
        comment = nodes.comment(caption, caption, classes=[CAPTION_CLASS], translatable=True)
        comment.source, comment.line = directive.get_source_info()
        node += comment


class CrawlListDirective(SphinxDirective):
    """Gather entries from the whole handbook. Filters are option values, never code."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True  # so stray content is our located warning, not a docutils error
    option_spec = raw_options("type", "tags", "age", "layout", "first", "help")
    #: (docutils sets ``name`` to the directive's name as written: warnings say it.)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.options = read_options(
            self.name, self.options, self.block_text, self.option_spec, location
        )
        warn_stray(self.name, self.content, self.arguments, location)
        for option in ("type", "tags", "age", "first", "help"):
            value = self.options.get(option)
            if value is not None and not list_option(value):
                warn(f"{self.name}: :{option}: is empty; it filters nothing", location, "filter")
        spec: ListSpec = {
            "kind": "list",
            "types": self._types(location, "type"),
            "tags": list_option(self.options.get("tags")),
            "age": self._age(location),
            "layout": self._layout(location),
            "first": list_option(self.options.get("first")),
            "help": self._types(location, "help"),
        }
        if spec["help"] and spec["layout"] != "tracker":
            warn("crawl-list: :help: is used by the tracker layout only", location, "filter")
        node = crawl_nodes.crawl_list(
            spec=spec, caption=(self.arguments[0] if self.arguments else "")
        )
        self.set_source_info(node)
        add_translatable_caption(self, node)
        return [node]

    def _types(self, location: str, option: str) -> list[str]:
        known = sorted(crawl_domain(self.env).object_types)
        types = []
        for name in list_option(self.options.get(option)):
            if name in known:
                types.append(name)
            else:
                warn(
                    f"{self.name}: unknown :{option}: {name!r} (known: {', '.join(known)})",
                    location,
                    "filter",
                )
        return types

    def _age(self, location: str) -> dict[str, object] | None:
        raw = self.options.get("age")
        if not raw:
            return None
        try:
            return dict(AgeRange.parse(raw).as_dict())
        except ValueError as error:
            warn(f"{self.name}: :age: {error}; the age filter is ignored", location, "filter")
            return None

    def _layout(self, location: str) -> str:
        layout = (self.options.get("layout") or "table").strip().lower()
        if layout not in LAYOUTS:
            warn(
                f"crawl-list: unknown :layout: {layout!r} "
                f"(known: {', '.join(LAYOUTS)}); using table",
                location,
                "filter",
            )
            return "table"
        return layout


class CrawlTimelineDirective(CrawlListDirective):
    """The entries' ages as a chart (``crawl-list`` filters; entries without an age are
    left out, having no window to draw)."""

    option_spec = raw_options("type", "tags", "age")

    def _layout(self, location: str) -> str:
        return "timeline"


class CrawlSourcesDirective(SphinxDirective):
    """List every source in ``crawl_sources`` with the entries that cite it."""

    option_spec = raw_options("class")
    has_content = True  # stray content and argument: our located warnings
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        self.options = read_options(
            "crawl-sources", self.options, self.block_text, self.option_spec, self.get_location()
        )
        warn_stray(
            "crawl-sources", self.content, self.arguments, self.get_location(), argument=False
        )
        node = crawl_nodes.crawl_sources()
        self.set_source_info(node)
        # Register each source's anchor as a target now, so links such as
        # [WHO](sources.md#source-who-motor) resolve; the rendered blocks carry the ids.
        document = self.state.document
        for key in declared_sources(self.config):
            anchor = source_anchor(key)
            if anchor not in document.ids and anchor not in document.nameids:
                node["ids"].append(anchor)
                node["names"].append(anchor)
            elif not isinstance(document.ids.get(anchor), crawl_nodes.crawl_sources):
                warn(
                    f"crawl-sources: the id {anchor!r} is already used on this page; "
                    f"links to the source {key!r} lead there",
                    self.get_location(),
                    "id",
                )
        document.note_explicit_target(node)
        return [node]
