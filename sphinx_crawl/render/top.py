"""What the extension puts at the top of a page's content: the emergency line, the
language switch, the phone's search box.

A page written from a document gets them in its body. Pages Sphinx makes from
templates (search, the general and domain indices) have no body to add to: they get
each part in a ``<template class="crawl-top">`` in their head, which crawl.js moves
to the top of the content, in the same order.
"""

from __future__ import annotations

from typing import Any


def put_at_top(context: dict[str, Any], doctree: Any, html: str) -> None:
    """Put ``html`` first in the page's content (above what earlier calls put there)."""
    body = context.get("body")
    if doctree is not None and isinstance(body, str):
        context["body"] = html + body
    elif isinstance(context.get("metatags", ""), str):
        # Later parts come later in the head; crawl.js puts the last one first.
        context["metatags"] = (
            context.get("metatags", "") + f'\n<template class="crawl-top">{html}</template>'
        )
