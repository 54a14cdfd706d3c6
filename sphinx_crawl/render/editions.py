"""Language editions (``crawl_editions``): every page names its twins in the other
languages (``<link rel="alternate" hreflang>``) and offers a switch to them that keeps
the reader on the same page (and, with crawl.js, the same entry)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import convert_locale_to_language_tag

from sphinx_crawl.config import Edition, crawl_config
from sphinx_crawl.config_checks import edition_of
from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.render.top import put_at_top

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def twin_urls(app: Sphinx, pagename: str) -> dict[str, str]:
    """Language -> the address of this page in that edition, from this page (its root
    page where that edition leaves the page out). Empty unless this build's language is
    one of two or more editions."""
    editions = crawl_config(app.config).editions
    here = edition_of(editions, app.config.language or "en")
    if here is None or len(editions) < 2:
        return {}
    builder = app.builder
    page_uri = builder.get_target_uri(pagename)
    to_site_root = "../" * (page_uri.count("/") + here.path.count("/"))
    return {
        language: to_site_root
        + edition.path
        + builder.get_target_uri(_page_in(edition, app, pagename))
        for language, edition in editions.items()
    }


def _page_in(edition: Edition, app: Sphinx, pagename: str) -> str:
    return pagename if edition.has_page(pagename) else app.config.root_doc


def _absolute_twins(app: Sphinx, pagename: str, editions: dict[str, Edition]) -> dict[str, str]:
    """With ``html_baseurl`` (this edition's address), the twins' full URLs: search
    engines read hreflang only as absolute URLs. Without it, none (links stay relative)."""
    base = app.config.html_baseurl
    here = edition_of(editions, app.config.language or "en")
    if not base or here is None:
        return {}
    site_root = base.rstrip("/") + "/"
    if here.path and site_root.endswith("/" + here.path):
        site_root = site_root[: -len(here.path)]
    return {
        language: site_root
        + edition.path
        + app.builder.get_target_uri(_page_in(edition, app, pagename))
        for language, edition in editions.items()
    }


#: Builders that make one book (an EPUB file, one HTML page): the other editions are
#: not in it, so a link to them leads nowhere.
ONE_BOOK_BUILDERS = ("epub", "singlehtml")


def _is_one_book(app: Sphinx) -> bool:
    return app.builder.name.startswith(ONE_BOOK_BUILDERS)


def add_edition_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: hreflang links in the head; the switch at the top of the
    page's content (on pages Sphinx makes from templates, such as search and the
    indices, put there by crawl.js)."""
    if app.builder.format != "html" or "pathto" not in context or _is_one_book(app):
        return
    urls = twin_urls(app, pagename)
    if not urls:
        return
    editions = crawl_config(app.config).editions
    absolute = _absolute_twins(app, pagename, editions)
    links = "".join(
        f'\n<link rel="alternate" hreflang="{escape(_tag(language))}" '
        f'href="{escape(absolute.get(language, url))}">'
        for language, url in urls.items()
    )
    context["metatags"] = context.get("metatags", "") + links
    current = edition_of(editions, app.config.language or "en")
    items = "".join(
        f'<li><a href="{escape(url)}" hreflang="{escape(_tag(language))}" '
        f'lang="{escape(_tag(language))}">'
        f"{escape(editions[language].label)}</a></li>"
        for language, url in urls.items()
        if editions[language] is not current
    )
    label = escape(str(_("Other languages")))
    # Its name is the package's words (each link says its own language).
    lang = words_in_english(app.config)
    put_at_top(
        context,
        doctree,
        f'<nav class="crawl-editions" aria-label="{label}"{lang}><ul>{items}</ul></nav>\n',
    )


def _tag(language: str) -> str:
    """An edition's key as a BCP 47 tag, as Sphinx writes the pages' ``lang``: an
    edition keyed by Sphinx's ``pt_BR`` was ``hreflang="pt_BR" lang="pt_BR"``, which
    search engines and screen readers do not read as Brazilian Portuguese."""
    return convert_locale_to_language_tag(language) or language


def setup_editions(app: Sphinx) -> None:
    # After the search box (priority 500), so the switch comes first on the page.
    app.connect("html-page-context", add_edition_links, priority=600)
