"""Standard nodes for non-HTML builders (text, LaTeX, man, Texinfo, gettext...).

Converting beats registering visitors per builder: any builder, even one we
have never heard of, can write admonitions, rows and text.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.i18n import labelled
from sphinx_crawl.node_parts import callout_as_paragraph, meta_as_paragraph, strong_label


class NonHTMLFallback(SphinxPostTransform):
    """Added for builders other than HTML only (see render.lists)."""

    default_priority = 900  # after collections are filled

    def run(self, **kwargs: Any) -> None:
        for callout in list(self.document.findall(crawl_nodes.crawl_callout)):
            callout.replace_self(callout_as_paragraph(callout))
        for meta in list(self.document.findall(crawl_nodes.crawl_meta)):
            meta.replace_self(meta_as_paragraph(meta))
        for hidden in list(self.document.findall(crawl_nodes.crawl_hidden)):
            hidden.replace_self(nodes.Text(hidden.astext()))
        # The checklist's controls are HTML-only (its items are standard nodes elsewhere).
        for control in list(self.document.findall(crawl_nodes.crawl_checklist_tools)):
            control.parent.remove(control)
        # The companion lives in the browser; on paper its page keeps its own text.
        for widget in list(
            self.document.findall(
                lambda n: isinstance(n, crawl_nodes.crawl_baby | crawl_nodes.crawl_summary)
            )
        ):
            widget.parent.remove(widget)
        for row in list(self.document.findall(crawl_nodes.crawl_row)):
            plain = nodes.row("", *row.children, classes=row["classes"])
            # LaTeX and Texinfo give no anchor to a row's ids: a target in its first cell.
            cells = [cell for cell in plain.children if isinstance(cell, nodes.Element)]
            if row["ids"] and cells:
                cells[0].insert(0, nodes.target("", "", ids=row["ids"]))
            else:
                plain["ids"] = row["ids"]
            row.replace_self(plain)
        for entry in list(self.document.findall(crawl_nodes.crawl_entry)):
            admonition = _as_admonition(entry)
            # LaTeX and Texinfo give no anchor to an admonition's ids, so links to the
            # entry (lists, "See also", roles) led nowhere in a PDF: a target before it.
            target = nodes.target("", "", ids=admonition["ids"])
            admonition["ids"] = []
            entry.replace_self([target, admonition] if target["ids"] else admonition)
        # The text and man writers cannot write a table in a table cell (a list in a
        # milestone, a table in a milestone's body), nor LaTeX one three deep: innermost
        # first, each table in a cell becomes a bullet list of its rows.
        nested = [
            table
            for table in self.document.findall(nodes.table)
            if any(isinstance(up, nodes.table) for up in _ancestors(table))
        ]
        for table in reversed(nested):
            table.parent.replace(table, _as_list(table))


def _as_admonition(entry: crawl_nodes.crawl_entry) -> nodes.admonition:
    """An admonition titled "<label>: <title>", or "<spoken prefix><title>" for red flags."""
    heading, *rest = entry.children
    title = nodes.title()
    assert isinstance(heading, crawl_nodes.crawl_entry_title)
    title += nodes.Text(heading.get("prefix") or labelled(entry["label"]))
    title.extend(heading.children)
    if entry.get("badge"):
        rest.insert(0, nodes.paragraph("", entry["badge"], classes=["crawl-badge"]))
    # In a container, not straight in the admonition: the text writer runs paragraphs that
    # are direct children of an admonition together ("...therapist.**Age: **by 12 months").
    admonition = nodes.admonition(
        "",
        title,
        nodes.container("", *rest),
        ids=entry["ids"],
        classes=["admonition-crawl", *entry["classes"]],
    )
    admonition.source, admonition.line = entry.source, entry.line
    return admonition


def _ancestors(node: nodes.Node) -> list[nodes.Element]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _as_list(table: nodes.table) -> list[nodes.Node]:
    """A table's title as a paragraph, then a bullet item per body row: each cell's
    content, led by its column heading ("Age: 8-10 months")."""
    out: list[nodes.Node] = [
        nodes.paragraph("", "", nodes.strong("", "", *title.children))
        for title in _children(table, nodes.title)
    ]
    headings: list[str] = []
    items = nodes.bullet_list(ids=table["ids"], classes=table["classes"])
    for group in _children(table, nodes.tgroup):
        for head in _children(group, nodes.thead):
            for row in _children(head, nodes.row):
                headings = [cell.astext().strip() for cell in row.children]
        for body in _children(group, nodes.tbody):
            for row in _children(body, nodes.row):
                items += _row_item(row, headings)
    if items.children or items["ids"]:
        out.append(items)
    return out


def _children(node: nodes.Element, kind: type[nodes.Element]) -> list[Any]:
    return [child for child in node.children if isinstance(child, kind)]


def _row_item(row: nodes.Element, headings: list[str]) -> nodes.list_item:
    item = nodes.list_item(ids=row["ids"], classes=row["classes"])
    for position, cell in enumerate(row.children):
        assert isinstance(cell, nodes.Element)
        parts = list(cell.children)
        heading = headings[position] if position < len(headings) else ""
        if heading:
            label = strong_label(labelled(heading))
            if parts and isinstance(parts[0], nodes.paragraph):
                parts[0][0:0] = label
            else:
                parts.insert(0, nodes.paragraph("", "", *label))
        if cell["ids"]:
            parts.insert(0, nodes.target("", "", ids=cell["ids"]))
        item.extend(parts)
    return item
