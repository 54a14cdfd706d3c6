"""What to do in an emergency comes before anything else the handbook says.

With ``crawl_emergency`` numbers set, every HTML page starts with a one-line
"Emergency? Call ... now." that gives the numbers as ``tel:`` links and links the
page on what counts as an emergency (pages Sphinx makes from templates, such as
search and the indices, too: see :mod:`sphinx_crawl.render.top`). The search page's
notices (a query naming an emergency sign, or an illness the handbook does not
cover), from crawl-search.js, with the data :func:`search_data` puts in the entry search
index.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import config_location, crawl_config
from sphinx_crawl.contacts import fill_contacts
from sphinx_crawl.core.ages import MONTH_DAYS
from sphinx_crawl.core.emergency_words import YOUNG_WEEKS, default_signs, default_unwell
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.output import is_html_page
from sphinx_crawl.render.top import put_at_top

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


def texts(config: Config | None = None, *, numbers: bool = True) -> dict[str, str]:
    """The words of the line and the search notices, in the build's language, with whom
    to call for the build's place (``crawl_contacts``) when ``config`` is given. Without
    ``numbers`` (a handbook that gives none), the notices send to the local number."""
    words = {
        "question": _("Emergency?"),
        "call": _("Call {numbers} now."),
        "number": _("{number} ({where})"),
        "or": _("or"),
        "page": _("What counts as an emergency"),
        "notice_heading": _("This could be an emergency: call {numbers} now.")
        if numbers
        else _("This could be an emergency: call your local emergency number now."),
        "notice": _(
            "Don't wait for search results. This handbook is about how babies move, and "
            "it cannot help in an emergency."
        ),
        "unwell_heading": _("This handbook does not cover illness or injuries."),
        "unwell": _(
            "If your baby seems unwell, contact {crawl:contact}`doctor` or "
            "{crawl:contact}`advice` today. If you think it is an emergency, call "
            "{numbers} now."
        )
        if numbers
        else _(
            "If your baby seems unwell, contact {crawl:contact}`doctor` or "
            "{crawl:contact}`advice` today. If you think it is an emergency, call your "
            "local emergency number now."
        ),
        "folded": _("Entries of this handbook with these words (about how babies move)"),
        "concern": _(
            "This handbook is about how babies move, and it may not cover this. If you "
            "are worried about your baby's development, contact {crawl:contact}`doctor` "
            "now: you don't need to wait for a check-up."
        ),
        "beyond": beyond_text(),
    }
    return {key: fill_contacts(str(value), config) for key, value in words.items()}


def beyond_text() -> str:
    """What a parent of a child older than every entry's age is told (the search, the
    age filter, the tracker and the baby panel): the handbook does not cover this child,
    and where to go instead (CDC "Act Early": a concern is reason to ask the doctor now,
    for a developmental screening, and for a specialist if still worried). ``{oldest}``
    is the oldest age in months an entry's window reaches; ``crawl:contact`` roles
    unfilled."""
    return str(
        _(
            "This handbook is about babies up to {oldest} months old. It does not cover "
            "an older child, so it cannot tell you whether your child is on track. If "
            "you are concerned about how your child is developing, don't wait: contact "
            "{crawl:contact}`doctor` now and ask for a developmental check. If you or "
            "the doctor are still worried, ask to see a specialist."
        )
    )


def numbers_text(numbers: tuple[tuple[str, str], ...], words: dict[str, str]) -> str:
    """``911 (USA), 999 (UK) or 112 (EU)``: plain text, for the search notices."""
    parts = [words["number"].format(number=n, where=w) for w, n in numbers]
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {words['or']} {parts[-1]}"


def numbers_html(numbers: tuple[tuple[str, str], ...], words: dict[str, str]) -> str:
    """The same, each number a ``tel:`` link a phone can call from."""
    parts = [
        escape(words["number"])
        .replace("{number}", f'<a href="tel:{escape(n.replace(" ", ""))}">{escape(n)}</a>')
        .replace("{where}", escape(w))
        for w, n in numbers
    ]
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {escape(words['or'])} {parts[-1]}"


def emergency_line_html(
    numbers: tuple[tuple[str, str], ...], page_href: str | None, lang: str = ""
) -> str:
    """``<p class="crawl-emergency-line">``: the question, the numbers, the page.
    ``lang`` (`` lang="en"``, see :func:`words_in_english`) marks the extension's words,
    not the numbers' places, which are the project's."""
    words = texts()
    call = escape(words["call"])
    if lang:  # "Call " and " now." marked, the numbers between them not
        call = f"<span{lang}>{call}</span>".replace("{numbers}", f"</span>{{numbers}}<span{lang}>")
        call = call.replace(f"<span{lang}></span>", "")
    call = call.replace("{numbers}", numbers_html(numbers, words))
    link = (
        f' <a class="crawl-emergency-page" href="{escape(page_href)}"{lang}>'
        f"{escape(words['page'])}</a>"
        if page_href is not None
        else ""
    )
    return (
        '<p class="crawl-emergency-line" role="note">'
        f"<strong{lang}>{escape(words['question'])}</strong> {call}{link}</p>\n"
    )


def _page_href(app: Sphinx, pagename: str, context: dict[str, Any]) -> str | None:
    page = crawl_config(app.config).emergency.page
    if not page or page == pagename or page not in app.env.found_docs:
        return None
    if app.builder.name == "singlehtml":
        # The page is a part of the one page ("#document-help"), which Sphinx's pathto
        # gave as "#" there and "./" from the search page beside it: its top, not the part.
        part = f"#document-{page}"
        root = app.config.root_doc
        return part if pagename == root else f"{root}{app.builder.out_suffix}{part}"  # type: ignore[attr-defined]
    return str(context["pathto"](page))


def add_emergency_line(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the line first in every page's content (after the search
    box and the language switch are added, so it stands above them)."""
    numbers = crawl_config(app.config).emergency_numbers()
    if not numbers:
        return
    if not is_html_page(app, context):
        return
    href = _page_href(app, pagename, context)
    put_at_top(context, doctree, emergency_line_html(numbers, href, words_in_english(app.config)))


def search_data(app: Sphinx) -> dict[str, Any]:
    """What crawl-search.js needs on the search page: the signs, the numbers, the words.
    What ``crawl_emergency`` leaves out is the extension's own (core/emergency_words.py);
    with no numbers, the notices say to call the local emergency number."""
    settings = crawl_config(app.config)
    emergency, numbers = settings.emergency, settings.emergency_numbers()
    language = app.config.language
    signs = default_signs(language) if emergency.signs is None else emergency.signs
    unwell = default_unwell(language) if emergency.unwell is None else emergency.unwell
    young_weeks = YOUNG_WEEKS if emergency.young_weeks is None else emergency.young_weeks
    if not (numbers or signs or unwell or young_weeks):
        return {}
    words = texts(app.config, numbers=bool(numbers))
    page = emergency.page if emergency.page in app.env.found_docs else ""
    return {
        "signs": list(signs),
        "unwell": list(unwell),
        "young_weeks": young_weeks,
        "young_months": round(young_weeks * 7 / MONTH_DAYS, 3),
        "numbers": [list(pair) for pair in numbers],
        "numbers_text": numbers_text(numbers, words),
        "page": app.builder.get_target_uri(page) if page else "",
        "texts": words,
    }


def check_emergency_page(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a configured page that the project does not have."""
    page = crawl_config(app.config).emergency.page
    if page and page not in env.found_docs:
        warn(
            f"crawl_emergency['page']: there is no page {page!r}; the emergency line "
            "gives the numbers without a link",
            config_location(app, "crawl_emergency"),
            "config",
        )


def setup_emergency(app: Sphinx) -> None:
    # After the search box (500) and the language switch (600): above both.
    app.connect("html-page-context", add_emergency_line, priority=700)
    app.connect("env-check-consistency", check_emergency_page)
