"""A visible "last reviewed / next review due" line from each page's metadata.

Health content should say how fresh it is (NHS content standards). Authors put
``last_reviewed: 2026-11-21`` and ``next_review: 2027-11-21`` in the front matter.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import babel
import babel.dates
from docutils import nodes

from sphinx_crawl.diagnostics import warn
from sphinx_crawl.i18n import _, labelled

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LAST_KEYS = ("last_reviewed", "last-reviewed", "reviewed")
NEXT_KEYS = ("next_review", "next-review")


def _date(docname: str, key: str, value: object) -> date | None:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        warn(f"{key}: {value!r} is not a date like 2026-11-21", (docname, 1), "review")
        return None


def _format(day: date, language: str) -> str:
    """The date as the handbook's language writes it in full: "December 3, 2026",
    "3 de diciembre de 2026", "3 décembre 2026" (the C locale's names in none)."""
    try:
        return babel.dates.format_date(day, format="long", locale=language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return babel.dates.format_date(day, format="long", locale="en")


def add_review_line(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    metadata = app.env.metadata.get(docname, {})
    last_key = next((k for k in LAST_KEYS if k in metadata), None)
    next_key = next((k for k in NEXT_KEYS if k in metadata), None)
    last = _date(docname, last_key, metadata[last_key]) if last_key else None
    due = _date(docname, next_key, metadata[next_key]) if next_key else None
    if last is None and due is None:
        return
    if last is not None and due is not None and due < last:
        # "Last reviewed: November 21, 2026 · Next review due: January 1, 2025" was shown
        # without a word: a year mistyped in one of them.
        warn(
            f"{next_key}: {due.isoformat()} is before {last_key} ({last.isoformat()}); "
            "one of the dates is mistyped",
            (docname, 1),
            "review",
        )
    line = nodes.paragraph(classes=["crawl-review"])
    if last is not None:
        line += nodes.Text(labelled(_("Last reviewed")) + _format(last, app.config.language))
    if due is not None:
        if last is not None:
            line += nodes.Text(" \u00b7 ")
        line += nodes.Text(labelled(_("Next review due")) + _format(due, app.config.language))
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, line)
    else:
        doctree.insert(0, line)


def setup_review(app: Sphinx) -> None:
    # After Sphinx's metadata collector has moved the front matter into env.metadata.
    app.connect("doctree-read", add_review_line, priority=900)
