"""What the extension puts at the top of a page's content: the emergency line, the
language switch, the phone's search box.

A page written from a document gets them in its body. Pages Sphinx makes from
templates (search, the general and domain indices) have no body to add to, and each
theme names their blocks differently: such a page is rendered through a template of
ours that includes the theme's and puts the parts at the start of its content (the
first element with ``role="main"``, else ``<main>``, else ``<body>``, where crawl.js
looked), so that they are in its HTML: a parent whose browser runs no script, searching
"baby not breathing", reads the emergency number on the search page too. (Before, a
script placed them.) Where the builder's templates are not Sphinx's own loader (a
custom ``template_bridge``), a small inline script of that page still carries them and
crawl.js places them.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from jinja2 import DictLoader

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

_PARTS = "crawl_top_parts"
_REWRITES = "crawl_page_rewrites"
TEMPLATE = "crawl-template-page.html"
#: Renders the page's own template (the same context) and puts the parts in it.
_TEMPLATE_SOURCE = (
    "{%- set crawl_page %}{% include crawl_template %}{% endset -%}"
    "{{- crawl_put_top(crawl_page) -}}"
)


def put_at_top(context: dict[str, Any], doctree: Any, html: str) -> None:
    """Put ``html`` first in the page's content (above what earlier calls put there)."""
    body = context.get("body")
    if doctree is not None and isinstance(body, str):
        context["body"] = html + body
    else:
        context.setdefault(_PARTS, []).insert(0, html)


def rewrite_page(context: dict[str, Any], rewrite: Callable[[str], str]) -> None:
    """Have ``rewrite`` change the HTML of a page made from a template, once rendered
    (a theme's template writes the parts: an index page's heading, say)."""
    context.setdefault(_REWRITES, []).append(rewrite)


def emit_top_parts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    """``html-page-context``, after every part is put: a page made from a template is
    rendered through our template, which puts its parts at the start of its content
    (and makes the changes :func:`rewrite_page` asked for)."""
    parts = context.pop(_PARTS, None)
    rewrites: list[Callable[[str], str]] = context.pop(_REWRITES, None) or []
    if not (parts or rewrites) or not templatename.endswith((".html", ".htm", ".xhtml")):
        # Not an HTML page: Sphinx's opensearch.xml (html_use_opensearch) is made the
        # same way, and a paragraph before its <?xml ...?> made it no XML at all.
        return None
    html = "".join(parts or [])
    if _has_our_template(app):

        def put_top(page: str) -> str:
            page = put_in_content(page, html) if html else page
            for rewrite in rewrites:
                page = rewrite(page)
            return page

        context["crawl_template"] = templatename
        context["crawl_put_top"] = put_top
        return TEMPLATE
    if parts and "script_files" in context:
        # JSON in a script: "</" would end it, so it is written "<\/" (the same string).
        data = json.dumps(parts, ensure_ascii=False).replace("</", "<\\/")
        app.add_js_file(None, body=f"window.crawlTopParts = {data};", priority=200)
    return None


def _loaders(app: Sphinx) -> list[Any] | None:
    loaders = getattr(getattr(app.builder, "templates", None), "loaders", None)
    return loaders if isinstance(loaders, list) else None


def _has_our_template(app: Sphinx) -> bool:
    return any(
        isinstance(loader, DictLoader) and TEMPLATE in loader.mapping
        for loader in _loaders(app) or []
    )


def add_template(app: Sphinx) -> None:
    """``builder-inited``: our template, last among the builder's template loaders (the
    project's and the theme's come first; none has its name)."""
    loaders = _loaders(app)
    if loaders is not None and not _has_our_template(app):
        loaders.append(DictLoader({TEMPLATE: _TEMPLATE_SOURCE}))


class _ContentStart(HTMLParser):
    """Where a page's content starts: the first start tag with ``role="main"``, else
    ``<main>``, else ``<body>``: (line, column, the tag's text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: dict[str, tuple[int, int, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = "role" if ("role", "main") in attrs else tag if tag in ("main", "body") else ""
        if kind and kind not in self.found:
            line, column = self.getpos()
            self.found[kind] = (line, column, self.get_starttag_text() or "")


def put_in_content(page: str, html: str) -> str:
    """``page`` with ``html`` at the start of its content (see :class:`_ContentStart`)."""
    finder = _ContentStart()
    chunk = 16_384
    for start in range(0, len(page), chunk):  # the content starts early: stop there
        finder.feed(page[start : start + chunk])
        if "role" in finder.found:
            break
    where = next((finder.found[k] for k in ("role", "main", "body") if k in finder.found), None)
    if where is None:
        return html + page
    line, column, tag = where
    offset = 0
    for _ in range(line - 1):  # HTMLParser counts lines by "\n" alone
        offset = page.index("\n", offset) + 1
    offset += column + len(tag)
    return page[:offset] + html + page[offset:]


def setup_top(app: Sphinx) -> None:
    app.connect("builder-inited", add_template)
    # After the search box (500), the language switch (600) and the emergency line (700).
    app.connect("html-page-context", emit_top_parts, priority=950)
