"""What the extension puts at the top of a page's content: the emergency line, the
language switch, the phone's search box.

A page written from a document gets them in its body. Pages Sphinx makes from
templates (search, the general and domain indices) have no body to add to: they get
their parts in a small inline script of that page alone (``script_files``, which every
theme prints: some print no ``metatags``), and crawl.js puts them at the top of the
content, in the same order.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_PARTS = "crawl_top_parts"


def put_at_top(context: dict[str, Any], doctree: Any, html: str) -> None:
    """Put ``html`` first in the page's content (above what earlier calls put there)."""
    body = context.get("body")
    if doctree is not None and isinstance(body, str):
        context["body"] = html + body
    else:
        context.setdefault(_PARTS, []).insert(0, html)


def emit_top_parts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``, after every part is put: a page made from a template
    carries its parts as data (``window.crawlTopParts``), for this page only."""
    parts = context.pop(_PARTS, None)
    if not parts or "script_files" not in context:
        return
    # JSON in a script: "</" would end it, so it is written "<\/" (the same string).
    data = json.dumps(parts, ensure_ascii=False).replace("</", "<\\/")
    app.add_js_file(None, body=f"window.crawlTopParts = {data};", priority=200)


def setup_top(app: Sphinx) -> None:
    # After the search box (500), the language switch (600) and the emergency line (700).
    app.connect("html-page-context", emit_top_parts, priority=950)
