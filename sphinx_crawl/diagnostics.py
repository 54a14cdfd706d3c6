"""Located, silenceable warnings: every problem in author input comes through here.

The kinds of warning are a ``Literal``, so mypy rejects a misspelt subtype, and
the reference page (``docs/authoring/warnings.md``) is generated from
:data:`WARNING_TYPES` by the ``crawl-warning-types`` directive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from sphinx.util import logging

logger = logging.getLogger("sphinx_crawl")

#: ``suppress_warnings = ["crawl.<subtype>"]`` silences one kind.
Subtype = Literal[
    "option",
    "title",
    "age",
    "field",
    "source",
    "id",
    "ref",
    "config",
    "content",
    "filter",
    "review",
    "plugin",
    "relation",
    "import",
    "extend",
    "language",
    "privacy",
]


@dataclass(frozen=True)
class WarningType:
    meaning: str
    example: str
    fix: str


WARNING_TYPES: dict[Subtype, WarningType] = {
    "option": WarningType(
        "an option the directive does not know",
        "tip-card: unknown option 'agee' (known: age, id, keywords, source, tags)",
        "Fix the option's name.",
    ),
    "title": WarningType(
        "an entry without a title",
        "red-flag: the entry has no title",
        "Write the title after the directive name.",
    ),
    "age": WarningType(
        "an age that cannot be read, runs backwards or is absurd",
        "tip-card: cannot read the age 'six months'; write it like '4-6 months', ...",
        "Use months in one of the forms of the :age: option. Ages that run backwards "
        "(9-6 months) or exceed 72 months are refused too.",
    ),
    "field": WarningType(
        "a field value that is not allowed (e.g. an unknown urgency)",
        "red-flag: :urgency: 'asap' is not one of: routine, soon, urgent",
        "Use one of the allowed values.",
    ),
    "source": WarningType(
        "a source key not declared in crawl_sources, or an entry without a source",
        "tip-card: unknown source 'kc' (crawl_sources: ...) or the entry cites no source",
        "Cite a key declared in crawl_sources.",
    ),
    "id": WarningType(
        "an id that is not a clean slug, or is used twice",
        "tip-card: id 'Bare Knees' is not a lowercase slug; using 'bare-knees'; "
        "duplicate crawl id 'bare-knees'; also defined at ..., which counts: ...",
        "Use a unique lowercase slug; don't reuse an entry's id (or <id>-title) for a "
        "heading or target.",
    ),
    "ref": WarningType(
        "a reference to an entry id that does not exist",
        "reference to unknown crawl tip 'bare-knee'",
        "Check the id (the entry may have been renamed).",
    ),
    "config": WarningType(
        "a malformed crawl_sources or other crawl_* setting",
        "crawl_sources['x']: url 'javascript:...' is not an http(s) URL; it is left out",
        "Fix conf.py; the build goes on with the usable part of the setting.",
    ),
    "language": WarningType(
        "the build's language has no translation of the extension's own words",
        "sphinx-crawl has no 'de' translation of its own words (...): they show in "
        "English on these pages",
        "Translate sphinx_crawl.pot (in the package) into "
        "<locale_dirs>/<language>/LC_MESSAGES/sphinx_crawl.po; it is compiled and used "
        "at the next build.",
    ),
    "content": WarningType(
        "content a directive cannot hold (e.g. prose inside a milestone table), or lacks "
        "(a question without its answer)",
        "milestone-table: only milestone entries belong in the table; other content is "
        "shown after it",
        "Move the text out of the table.",
    ),
    "filter": WarningType(
        "a crawl-list filter that cannot be read",
        "crawl-list: unknown :layout: 'grid' (known: table, cards, checklist); using table",
        "Fix the list's options.",
    ),
    "review": WarningType(
        "a last_reviewed / next_review date that cannot be read",
        "last_reviewed: '21/11/2026' is not a date like 2026-11-21",
        "Use ISO dates in the front matter.",
    ),
    "plugin": WarningType(
        "a content type's own code (a plugin's converter, default, badge...) failed",
        "activity-card: the 'activity' content type's :duration: converter raised TypeError: ...",
        "Tell the plugin's authors; the entry is shown without that field or label.",
    ),
    "relation": WarningType(
        "a link to another entry (:helps:, :see:) that names no entry, or one of the wrong type",
        ":helps: 'crawling-begin' names no entry; the link is left out",
        "Use the id of an existing entry of a type the relation allows (see the domain "
        "indices for the ids).",
    ),
    "import": WarningType(
        "a crawl-import whose file cannot be fetched or read, or whose entries do not fit",
        "crawl-import: nhs: entries[3].age.max_months: expected months from 0 to 72, got "
        "'x'; the entry is left out",
        "Fix the file, or its name in crawl_import_sources. In a data file a faulty "
        "entry is left out and the rest imported; a crawl.json that does not match its "
        "schema is not imported at all (the message names the place); a URL that "
        "cannot be fetched falls back to its cached copy.",
    ),
    "extend": WarningType(
        "a crawl-extend that names no entry, a field the entry's type does not have, or "
        "sets a field another crawl-extend sets differently",
        "crawl-extend: ':colour:' is not a field of 'stiff-limbs' (a red-flag) ...; "
        ":action: of 'stiff-limbs' is also set, differently, by the crawl-extend at "
        "adapt.md:12; that one is used",
        "Check the id (in the indices, or the imported file's crawl.json) and the option "
        "names (the entry type's fields, with + to append). Two adaptations of one field "
        "must agree: keep one. The first in page-name order is used meanwhile.",
    ),
    "privacy": WarningType(
        "pages that load a script, stylesheet, font or image from another host (a theme's "
        "or conf.py's at the line of conf.py that brings it; a page's own images and raw "
        "HTML at their line)",
        "pages written with 'page.html' load https://fonts.googleapis.com/css2?family=Inter "
        "from another host (fonts.googleapis.com): it learns which pages a reader opens, "
        "and an offline copy of the handbook lacks it; ship the file with the project "
        "(html_static_path) or leave it out; the image https://example.com/knees.png is "
        "loaded from another host (example.com) whenever the page is opened: ...",
        "Ship the file in html_static_path (a local MathJax: mathjax_path; a theme's web "
        "fonts: its option or template to leave them out; an image: save it beside the "
        "page and give its path), or remove it. If the host is meant to see every visit, "
        "suppress_warnings = ['crawl.privacy'].",
    ),
}

#: Each subtype and what it means (kept for readers of the older name).
SUBTYPES: dict[str, str] = {name: kind.meaning for name, kind in WARNING_TYPES.items()}

assert set(get_args(Subtype)) == set(WARNING_TYPES), "every subtype is documented"


def warn(message: str, location: Any, subtype: Subtype) -> None:
    """Warn with ``type="crawl"``; ``location`` is a node, (docname, line) or "file:line"."""
    logger.warning(message, location=location, type="crawl", subtype=subtype)
