"""HTML visitors for sphinx-crawl nodes. Every string goes through docutils escaping."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.i18n import _

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def _data(node: nodes.Element) -> dict[str, str]:
    data: dict[str, str] = node.get("data", {})
    return {f"data-{key}": value for key, value in sorted(data.items())}


def visit_entry(self: HTML5Translator, node: crawl_nodes.crawl_entry) -> None:
    title_id = f"{node['ids'][0]}-title" if node["ids"] else None
    attributes: dict[str, Any] = _data(node)
    if title_id:
        attributes["aria-labelledby"] = title_id
    self.body.append(self.starttag(node, "article", "", **attributes))


def depart_entry(self: HTML5Translator, node: crawl_nodes.crawl_entry) -> None:
    self.body.append("</article>\n")


def _heading_tag(self: HTML5Translator) -> str:
    # One level below the enclosing section, so screen readers can list entries.
    return f"h{min(self.section_level + 1, 6)}"


def visit_entry_title(self: HTML5Translator, node: crawl_nodes.crawl_entry_title) -> None:
    self.body.append(self.starttag(node, _heading_tag(self), "", CLASS="crawl-entry-title"))


def depart_entry_title(self: HTML5Translator, node: crawl_nodes.crawl_entry_title) -> None:
    parent = node.parent
    if isinstance(parent, crawl_nodes.crawl_entry) and parent["ids"]:
        href = escape(parent["ids"][0])
        link_title = escape(str(_("Link to this entry")))
        self.body.append(f'<a class="headerlink" href="#{href}" title="{link_title}">\u00b6</a>')
    self.body.append(f"</{_heading_tag(self)}>\n")


def visit_hidden(self: HTML5Translator, node: crawl_nodes.crawl_hidden) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="crawl-visually-hidden"))


def depart_hidden(self: HTML5Translator, node: crawl_nodes.crawl_hidden) -> None:
    self.body.append("</span>")


def visit_row(self: HTML5Translator, node: crawl_nodes.crawl_row) -> None:
    self.visit_row(node)
    # The standard row start tag, plus the entry's data-* attributes (escaped).
    extra = " ".join(f'{key}="{escape(value)}"' for key, value in _data(node).items())
    if extra:
        self.body[-1] = self.body[-1].replace("<tr", f"<tr {extra}", 1)


def depart_row(self: HTML5Translator, node: crawl_nodes.crawl_row) -> None:
    self.depart_row(node)


def visit_checkbox(self: HTML5Translator, node: crawl_nodes.crawl_checkbox) -> None:
    self.body.append(
        self.starttag(
            node,
            "input",
            "",
            empty=True,
            type="checkbox",
            CLASS="crawl-check",
            **{"aria-labelledby": node["label_id"]},
        )
    )
    raise nodes.SkipNode


def visit_age_filter(self: HTML5Translator, node: crawl_nodes.crawl_age_filter) -> None:
    from sphinx_crawl.render.reader import age_filter_html

    self.body.append(age_filter_html(node["field_ids"]))
    raise nodes.SkipNode


def skip(self: HTML5Translator, node: nodes.Element) -> None:
    raise nodes.SkipNode


Visitor = Callable[[Any, Any], None]

HTML_VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor | None]] = {
    crawl_nodes.crawl_entry: (visit_entry, depart_entry),
    crawl_nodes.crawl_entry_title: (visit_entry_title, depart_entry_title),
    crawl_nodes.crawl_hidden: (visit_hidden, depart_hidden),
    crawl_nodes.crawl_row: (visit_row, depart_row),
    crawl_nodes.crawl_checkbox: (visit_checkbox, None),
    crawl_nodes.crawl_age_filter: (visit_age_filter, None),
    crawl_nodes.crawl_list: (skip, None),
    crawl_nodes.crawl_sources: (skip, None),
}
