"""Small node builders shared by entries, collections and fallbacks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docutils import nodes

from sphinx_crawl.i18n import labelled
from sphinx_crawl.types import ContentType


def callout_paragraphs(
    content_type: ContentType | None, fields: Mapping[str, Any]
) -> list[nodes.paragraph]:
    """The type's labelled lines (e.g. "What to do: ..."), for cards and checklists alike."""
    if content_type is None or content_type.callouts is None:
        return []
    return [
        nodes.paragraph(
            "", "", nodes.strong("", labelled(label)), nodes.Text(text), classes=["crawl-callout"]
        )
        for label, text in content_type.callouts(fields)
    ]
