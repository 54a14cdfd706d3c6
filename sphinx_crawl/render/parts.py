"""Small node builders shared by entries, collections and fallbacks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docutils import nodes

from sphinx_crawl.core.content_types import ContentType, hook_value
from sphinx_crawl.i18n import labelled


def callout_paragraphs(
    content_type: ContentType | None, fields: Mapping[str, Any]
) -> list[nodes.paragraph]:
    """The type's labelled lines (e.g. "What to do: ..."), for cards and checklists alike."""
    if content_type is None:
        return []
    lines: list[tuple[str, str, str]] = [
        (str(label), str(text), "") for label, text in hook_value(content_type, "callouts", fields)
    ]
    lines += [
        (str(spec.callout), str(fields[spec.name]), spec.name)
        for spec in content_type.fields
        if spec.callout and fields.get(spec.name) not in (None, "")
    ]
    return [
        nodes.paragraph(
            "",
            "",
            nodes.strong("", labelled(label)),
            nodes.Text(text),
            classes=["crawl-callout", *([f"crawl-callout-{name}"] if name else [])],
        )
        for label, text, name in lines
    ]


def text_row(cells: list[nodes.Node]) -> nodes.row:
    """A table row with one paragraph per cell."""
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", cell))
    return row


def table(
    classes: list[str], widths: tuple[int, ...], header: list[str], rows: list[nodes.row]
) -> nodes.table:
    """A standard docutils table, so every builder can write it."""
    node = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(widths))
    node += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += text_row([nodes.Text(text) for text in header])
    group += head
    body = nodes.tbody()
    body.extend(rows)
    group += body
    return node
