"""A search page for themes that write none.

Every page's search box, the emergency and illness notices and the entry results live
on ``search.html``. Sphinx writes it, but a theme may stop it: sphinx-immaterial keeps
its own search in the header and writes no search page, so a parent's query from the
box on a phone went to a missing page. When a build has not rendered a search page by
``build-finished``, the extension renders one in the theme's ``page.html``: a heading and
the ``#search-results`` crawl-search.js fills (the theme's own search keeps the pages'
text; this page shows the entries).

Such a theme may also answer ``?q=`` itself: sphinx-immaterial opens its search over
any page whose address has one, which covered the emergency alert. A script at the top
of the page's body, which runs before the theme's scripts at the end of it, takes the
query out of the address into ``window.crawlSearchQuery``; crawl-search.js puts it back
once it runs (after the theme has looked), so a reload or a shared link still works.
"""

from __future__ import annotations

import functools
import weakref
from html import escape
from typing import TYPE_CHECKING, Any

from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.output import html_output_dir, is_html_page, writes_html_pages
from sphinx_crawl.render.top import rewrite_page

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

SEARCH_PAGE = "search"
#: Set in the context of a search page the extension renders itself.
OWN_SEARCH_PAGE = "crawl_own_search_page"

#: On a page whose extension words are English in a page of another language.
WORDS_LANG_META = '<meta name="crawl-words-lang" content="en" />'

#: The builders that rendered a search page in this build (a builder is one build's).
_RENDERED: weakref.WeakSet[Builder] = weakref.WeakSet()


def is_search_page(templatename: str, context: dict[str, Any]) -> bool:
    """Sphinx's search page, or the extension's own in its place."""
    return templatename == "search.html" or bool(context.get(OWN_SEARCH_PAGE))


def note_search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: this build renders a search page. Where the extension's
    words are English on pages of another language (:func:`words_in_english`), each
    page says so to the scripts, which mark what they show in them (crawl-search.js on
    the search page, crawl.js the search box atop every page)."""
    if pagename == SEARCH_PAGE:
        _RENDERED.add(app.builder)
    if is_html_page(app, context) and words_in_english(app.config):
        context["metatags"] = context.get("metatags", "") + f"\n{WORDS_LANG_META}"


#: Runs as the body is read: the query, kept from the theme's scripts (see above).
_HOLD_QUERY = (
    "<script>(function(){var u=new URL(location.href),q=u.searchParams.get('q');"
    "if(q===null)return;window.crawlSearchQuery=q;u.searchParams.delete('q');"
    "history.replaceState(history.state,'',u)})()</script>"
)


def _search_body(lang: str = "") -> str:
    heading = escape(str(_("Search")))
    needs_script = escape(str(_("Search needs JavaScript, which is turned off in this browser.")))
    return (
        f'{_HOLD_QUERY}<section id="search-documentation"><h1{lang}>{heading}</h1>'
        f"<noscript><p{lang}>{needs_script}</p></noscript>"
        '<div id="search-results"></div></section>\n'
    )


def write_missing_search_page(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the search page, if the theme did not write one."""
    builder = app.builder
    if html_output_dir(app, exception) is None or builder in _RENDERED:
        return
    if not (writes_html_pages(builder) and getattr(builder, "search", False)):
        return  # no search page is wanted (html_search off, or a single page)
    if getattr(builder, "globalcontext", None) is None:
        return  # nothing was written (Sphinx 8.0 writes no page on a no-op rebuild)
    lang = words_in_english(app.config)
    context = {"title": str(_("Search")), "body": _search_body(lang), OWN_SEARCH_PAGE: True}
    if builder.name == "singlehtml":
        # The one page's box searches here; the theme's links to the pages' parts
        # ("#document-help") are anchors of that page, not of this one.
        page = builder.get_target_uri(app.config.root_doc).partition("#")[0] or (
            app.config.root_doc + builder.out_suffix  # type: ignore[attr-defined]
        )
        rewrite_page(context, functools.partial(_anchors_of, page))
    builder.handle_page(SEARCH_PAGE, context, "page.html")  # type: ignore[attr-defined]


def _anchors_of(page: str, html: str) -> str:
    """``html`` with its links to the single page's parts made links into ``page``, and
    its links home too: the theme's ``pathto(root_doc)`` is ``./`` here (the single
    page's address is a fragment), the folder, which is no page when ``root_doc`` is not
    ``index`` and a file listing when the page is opened from disk."""
    html = html.replace('href="./"', f'href="{escape(page)}"')
    return html.replace('href="#document-', f'href="{escape(page)}#document-')


def setup_search_page(app: Sphinx) -> None:
    app.connect("html-page-context", note_search_page)
    # Before the files that list the pages (the offline worker, priority 900).
    app.connect("build-finished", write_missing_search_page, priority=400)
