"""``milestone-table``: milestone entries shown as one table, sorted by age."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE
from sphinx_crawl.core.derive import age_sort_key
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.entry_parts import is_label
from sphinx_crawl.directives.options import raw_options, read_options
from sphinx_crawl.i18n import _, words_in_english
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
        #: Milestones written inside ``only``: their row stays inside it, so it is in
        #: the builds whose tags make the expression true, as the entry is.
        conditions: dict[int, addnodes.only] = {}
        leftovers: list[nodes.Node] = []
        #: Labels (``.. _name:``) written right before a milestone: they name its row.
        labels: list[nodes.target] = []
        for child in parsed.children:
            if isinstance(child, nodes.target) and child.get("refid") and not child["ids"]:
                continue  # a label its milestone took over (entry_parts.unique_anchor)
            if is_label(child):
                labels.append(child)  # type: ignore[arg-type]
                continue
            if labels and _is_milestone(child):
                _label_row(child, labels, self.state.document)  # type: ignore[arg-type]
            else:
                leftovers.extend(labels)  # not before a milestone: shown after the table
            labels = []
            if _is_milestone(child):
                milestones.append(child)  # type: ignore[arg-type]
            elif isinstance(child, addnodes.only) and _only_milestones(child):
                for milestone in child.children:
                    if _is_milestone(milestone):
                        milestones.append(milestone)  # type: ignore[arg-type]
                        conditions[id(milestone)] = child
                    else:
                        leftovers.append(milestone)  # its system messages
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

        leftovers.extend(labels)
        if not milestones:
            # An empty table (headings over no rows) was shown without a word: the
            # milestones not indented under the directive, or none written yet.
            warn(
                f"milestone-table: the table has no milestones (write each as {self._how()}); "
                "no table is shown",
                location,
                "content",
            )
            return leftovers
        milestones.sort(key=_age_order)
        table = _table(title, milestones, self.options.get("class", "").split(), conditions)
        if words_in_english(self.config):
            # The package's column headings, in English on a page of another language.
            for head in table.findall(nodes.thead):
                head["classes"].append("language-en")
        self.set_source_info(table)
        return [table, *leftovers]

    def _how(self) -> str:
        """How a milestone is written inside the table, in the page's own syntax: a
        MyST author was told to indent '.. milestone::', which MyST does not read."""
        if type(self.state).__module__.startswith("myst_parser"):
            return "a ':::{milestone}' block inside the '::::{milestone-table}' block"
        return "a '.. milestone::' indented under the table"


def _label_row(
    milestone: crawl_nodes.crawl_entry, labels: list[nodes.target], document: nodes.document
) -> None:
    """Labels before a milestone in a table name its row, as a label names the element
    after it elsewhere: ``:ref:`` shows the milestone's title and leads to its title
    (where a table row cannot carry a second id). They were "other content", shown after
    the table with a crawl.content warning, and led nowhere near the milestone."""
    ids = [label_id for label in labels for label_id in label["ids"]]
    milestone[LABELS_ATTRIBUTE] = ids
    for label_id in ids:
        document.ids[label_id] = milestone


#: The ids of the labels written before a milestone (see _label_row).
LABELS_ATTRIBUTE = "crawl_labels"


def _is_milestone(node: nodes.Node) -> bool:
    return isinstance(node, crawl_nodes.crawl_entry) and node["crawl_type"] == "milestone"


def _only_milestones(only: addnodes.only) -> bool:
    """Whether an ``only`` holds milestones and nothing else (but their messages)."""
    kept = [c for c in only.children if not isinstance(c, nodes.system_message)]
    return bool(kept) and all(_is_milestone(child) for child in kept)


def _age_order(entry: crawl_nodes.crawl_entry) -> tuple[float, float]:
    data = entry.get(ENTRY_ATTRIBUTE)
    return age_sort_key(data["age"] if data else None)


def _table(
    title: str,
    milestones: list[crawl_nodes.crawl_entry],
    classes: list[str],
    conditions: dict[int, addnodes.only],
) -> nodes.table:
    header = [_("Age"), _("Milestone"), _("What you see")]
    rows: list[nodes.Element] = []
    for milestone in milestones:
        row = _milestone_row(milestone)
        condition = conditions.get(id(milestone))
        if condition is not None:
            # Sphinx keeps or drops the row with the build's tags, as it does the entry.
            only = addnodes.only(expr=condition["expr"])
            only.source, only.line = condition.source, condition.line
            only += row
            rows.append(only)
        else:
            rows.append(row)
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
            # The entry's heading: search results link here; labels above it too.
            ids=[*title["ids"], *milestone.get(LABELS_ATTRIBUTE, [])],
            classes=["crawl-milestone-title"],
        ),
    )
    row += nodes.entry("", *details)
    return row
