"""``milestone-table``: milestone entries shown as one table, sorted by age."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE
from sphinx_crawl.core.derive import age_sort_key
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.options import raw_options, read_options
from sphinx_crawl.i18n import _
from sphinx_crawl.node_parts import table


class MilestoneTableDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = raw_options("class")

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.options = read_options(
            "milestone-table", self.options, self.block_text, self.option_spec, location
        )
        title = self.arguments[0].strip() if self.arguments else ""
        if not title:
            warn("milestone-table: the table has no title", location, "title")

        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        milestones: list[crawl_nodes.crawl_entry] = []
        leftovers: list[nodes.Node] = []
        for child in parsed.children:
            if isinstance(child, crawl_nodes.crawl_entry) and child["crawl_type"] == "milestone":
                milestones.append(child)
            elif isinstance(child, nodes.system_message):
                leftovers.append(child)
            else:
                warn(
                    "milestone-table: only milestone entries belong in the table; "
                    "other content is shown after it",
                    (self.env.docname, child.line or self.lineno),
                    "content",
                )
                leftovers.append(child)

        milestones.sort(key=_age_order)
        table = _table(title, milestones, self.options.get("class", "").split())
        self.set_source_info(table)
        return [table, *leftovers]


def _age_order(entry: crawl_nodes.crawl_entry) -> tuple[float, float]:
    data = entry.get(ENTRY_ATTRIBUTE)
    return age_sort_key(data["age"] if data else None)


def _table(
    title: str, milestones: list[crawl_nodes.crawl_entry], classes: list[str]
) -> nodes.table:
    header = [_("Age"), _("Milestone"), _("What you see")]
    rows: list[nodes.row] = [_milestone_row(milestone) for milestone in milestones]
    node = table(["crawl-milestone-table", *classes], (20, 30, 50), header, rows)
    if title:
        node.insert(0, nodes.title(title, title))
    return node


def _milestone_row(milestone: crawl_nodes.crawl_entry) -> crawl_nodes.crawl_row:
    """Move the entry's parts into cells; its anchor and data go on the row.

    The age has its own column, so the card's meta line (age, tags) is dropped.
    """
    row = crawl_nodes.crawl_row(
        ids=milestone["ids"], classes=milestone["classes"], data=milestone["data"]
    )
    for attribute in (ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE):  # the domain reads the row instead
        if attribute in milestone:
            row[attribute] = milestone[attribute]
    row.source, row.line = milestone.source, milestone.line
    title = next(c for c in milestone.children if isinstance(c, crawl_nodes.crawl_entry_title))
    details = [
        child
        for child in milestone.children
        if child is not title and not isinstance(child, crawl_nodes.crawl_meta)
    ]
    if milestone.get("badge"):  # a plugin's table type with a badge
        details.insert(0, nodes.paragraph("", milestone["badge"], classes=["crawl-badge"]))
    spoken = [crawl_nodes.crawl_hidden("", title["prefix"])] if title.get("prefix") else []
    row += nodes.entry(
        "", nodes.paragraph("", milestone.get("age_label", ""), classes=["crawl-age"])
    )
    row += nodes.entry(
        "",
        nodes.paragraph(
            "",
            "",
            nodes.strong("", "", *spoken, *title.children),
            ids=title["ids"],  # the entry's heading: search results link here
            classes=["crawl-milestone-title"],
        ),
    )
    row += nodes.entry("", *details)
    return row
