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


class NonHTMLFallback(SphinxPostTransform):
    """Added for builders other than HTML only (see render.collections)."""

    default_priority = 900  # after collections are filled

    def run(self, **kwargs: Any) -> None:
        for hidden in list(self.document.findall(crawl_nodes.crawl_hidden)):
            hidden.replace_self(nodes.Text(hidden.astext()))
        # Checklist rows keep their text; note fields and tools are HTML-only controls.
        for check_row in list(self.document.findall(crawl_nodes.crawl_check_row)):
            check_row.replace_self(
                nodes.inline("", "", *check_row.children, classes=check_row["classes"])
            )
        for control in list(
            self.document.findall(
                lambda n: isinstance(
                    n, crawl_nodes.crawl_check_note | crawl_nodes.crawl_checklist_tools
                )
            )
        ):
            control.parent.remove(control)
        for box in list(self.document.findall(crawl_nodes.crawl_checkbox)):
            box.replace_self(nodes.Text("[ ] "))
        for row in list(self.document.findall(crawl_nodes.crawl_row)):
            plain = nodes.row("", *row.children, ids=row["ids"], classes=row["classes"])
            row.replace_self(plain)
        for entry in list(self.document.findall(crawl_nodes.crawl_entry)):
            entry.replace_self(_as_admonition(entry))


def _as_admonition(entry: crawl_nodes.crawl_entry) -> nodes.admonition:
    """An admonition titled "<label>: <title>", or "<spoken prefix><title>" for red flags."""
    heading, *rest = entry.children
    title = nodes.title()
    assert isinstance(heading, crawl_nodes.crawl_entry_title)
    if not heading.get("has_prefix"):
        title += nodes.Text(labelled(entry["label"]))
    title.extend(heading.children)
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
