"""The index pages of the content types (``crawl-red-flags.html``...), in any theme.

Sphinx renders them with its ``domainindex.html`` template, which fills the layout's
``body`` block. Some themes (sphinx-breeze-theme) print the page's ``body`` variable in
their layout instead of that block: there, Sphinx's own indices and ours came out as
empty pages. The page's ``body`` is therefore filled with the same list as well: a
theme that renders the template's block never prints it, one that prints ``body``
shows the list.
"""

from __future__ import annotations

import functools
import re
from html import escape
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from sphinx_crawl.builtin import MILESTONE, QUESTION, RED_FLAG, TIP, URGENCY_LEVELS
from sphinx_crawl.core.content_types import hook_value
from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.output import is_html_page, writes_html_pages
from sphinx_crawl.render.top import rewrite_page
from sphinx_crawl.types import get_registry

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

#: Linked by the index pages only: the entries' titles set as text, not as code.
INDEX_CSS_FILE = "crawl-index.css"


def escape_index_names(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context`` of every page. A content type's index names (its
    ``IndexSpec`` localname and shortname) are a plugin's text, but Sphinx's templates
    print them as HTML: the index page's heading, and the header links of themes that
    show them (classic, basic, nature...). Here they become text: ``Markup`` of the
    escaped name, which the templates print as is and ``striptags`` reads back as text
    (the page's ``<title>``)."""
    ours = {f"crawl-{spec.name}" for spec in _index_specs(app)}
    if templatename == "domainindex.html" and pagename in ours and "indextitle" in context:
        context["indextitle"] = Markup(escape(str(context["indextitle"])))
    # The built-in types' names are the extension's words: English, so marked, on pages
    # of a language it has none for (lang unquoted: text, should a theme quote it).
    # (On HTML pages: the JSON and pickle builders hand the names to other programs.)
    english = (
        {f"crawl-{name}" for name in _BUILT_IN_INDICES}
        if words_in_english(app.config) and writes_html_pages(app.builder)
        else set()
    )
    rellinks = context.get("rellinks")
    if isinstance(rellinks, list):
        context["rellinks"] = [
            (
                link[0],
                Markup(escape(str(link[1]))),
                link[2],
                Markup(
                    f"<span lang=en>{escape(str(link[3]))}</span>"
                    if link[0] in english
                    else escape(str(link[3]))
                ),
            )
            if len(link) == 4 and link[0] in ours and not isinstance(link[3], Markup)
            else link
            for link in rellinks
        ]


def _index_specs(app: Sphinx) -> list[Any]:
    return [ct.index for ct in get_registry(app) if ct.index is not None]


def prepare_index_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context`` of an index page of ours. Sphinx's domainindex templates
    (basic, furo) print group headings unescaped, and ours are author text (tags): they
    are escaped on the HTML page only. The page gets crawl-index.css, and a ``body``
    for the themes that print no template block (see above)."""
    if templatename != "domainindex.html" or not pagename.startswith("crawl-"):
        return
    headings = [str(heading) for heading, _rows in context["content"]]
    context["content"] = [(escape(heading), rows) for heading, rows in context["content"]]
    rewrite_page(context, functools.partial(_name_groups, headings))
    app.add_css_file(INDEX_CSS_FILE)  # this page's alone: the titles as text
    if pagename.removeprefix("crawl-") in _BUILT_IN_INDICES and words_in_english(app.config):
        rewrite_page(
            context, functools.partial(_mark_english, _text(context.get("indextitle", "")))
        )
    if is_html_page(app, context) and not context.get("body"):
        context["body"] = index_body(
            _text(context.get("indextitle", "")), context["content"], context["pathto"]
        )


def group_ids(headings: list[str]) -> list[str]:
    """An id for each group of an index page, from its heading's letters and digits
    (``Urgent-get-help-today``), one per group. Sphinx's template made it of the heading
    as written, ``cap-Urgent: get help today``: an id holds no space, and an EPUB's must
    be an XML name (epubcheck refused every handbook with a red flag)."""
    seen: set[str] = set()
    ids: list[str] = []
    for heading in headings:
        base = "-".join(re.findall(r"[^\W_]+", heading)) or "group"
        found, number = base, 2
        while found.lower() in seen:
            found, number = f"{base}-{number}", number + 1
        seen.add(found.lower())
        ids.append(found)
    return ids


_GROUP_ANCHOR = re.compile(r'(id="cap-|href="#cap-)([^"]*)"')


def _name_groups(headings: list[str], page: str) -> str:
    """The page with each group's id, and the links to it, made by :func:`group_ids`
    (in one pass: a heading's new id may be another heading as written, "a b", "a-b")."""
    names = dict(zip(map(escape, headings), group_ids(headings), strict=True))
    return _GROUP_ANCHOR.sub(lambda found: f'{found[1]}{names.get(found[2], found[2])}"', page)


#: The built-in types' indices, whose title, group headings and badges are ours.
_BUILT_IN_INDICES = frozenset(
    ct.index.name for ct in (MILESTONE, TIP, RED_FLAG, QUESTION) if ct.index is not None
)


def _own_index_words() -> set[str]:
    """The extension's words an index of a built-in type shows: its groups' headings
    that are not the author's (tags, ages as written) and the red flags' badges."""
    badges = {str(hook_value(RED_FLAG, "badge", {"urgency": level})) for level in URGENCY_LEVELS}
    return {str(_("Any age")), str(_("Untagged")), str(_("Other")), *badges}


def _mark_english(title: str, page: str) -> str:
    """An index page of a built-in type in a language the extension has no words for:
    its heading, its own group headings and badges say they are English (``lang="en"``),
    so a screen reader does not speak them with the page's voice. The entries' titles
    and the author's tags keep the page's language."""
    if title:
        # The heading, and the theme's links naming the page (not its <title>).
        page = re.sub(
            r"(?<!<title)>(\s*)(" + re.escape(escape(title)) + r")(\s*)<",
            r'>\1<span lang="en">\2</span>\3<',
            page,
        )
    for word in _own_index_words():
        text = escape(word)
        for tag in ("strong", "em"):
            page = page.replace(f"<{tag}>{text}</{tag}>", f'<{tag} lang="en">{text}</{tag}>')
    return page


def _text(title: Any) -> str:
    """The index's title as text (escape_index_names made it escaped ``Markup``)."""
    return title.unescape() if isinstance(title, Markup) else str(title)


def index_body(title: str, content: list[tuple[str, list[Any]]], pathto: Callable[..., str]) -> str:
    """The index as Sphinx's basic template writes it: a line of links to each group,
    then a table of the groups' entries (headings come escaped: see above)."""
    jump = " | ".join(
        f'<a href="#cap-{heading}"><strong>{heading}</strong></a>' for heading, _rows in content
    )
    rows: list[str] = []
    page_links: dict[str, str] = {}  # one pathto per page, not per entry
    for heading, entries in content:
        rows.append('<tr class="pcap"><td></td><td>&#160;</td><td></td></tr>')
        rows.append(
            f'<tr class="cap" id="cap-{heading}"><td></td>'
            f"<td><strong>{heading}</strong></td><td></td></tr>"
        )
        for name, _group, page, anchor, extra, _qualifier, description in entries:
            link = ""
            if page:
                if page not in page_links:
                    page_links[page] = escape(pathto(page))
                link = f"{page_links[page]}#{escape(anchor)}"
            title_html = f'<code class="xref">{escape(name)}</code>'
            if link:
                title_html = f'<a href="{link}">{title_html}</a>'
            if extra:
                title_html += f" <em>({escape(extra)})</em>"
            rows.append(
                f"<tr><td></td><td>{title_html}</td><td><em>{escape(description)}</em></td></tr>"
            )
    return (
        f"<h1>{escape(title)}</h1>\n"
        f'<div class="modindex-jumpbox">{jump}</div>\n'
        f'<table class="indextable modindextable">\n{chr(10).join(rows)}\n</table>\n'
    )


def setup_index_page(app: Sphinx) -> None:
    app.connect("html-page-context", escape_index_names, priority=400)
    app.connect("html-page-context", prepare_index_page)
