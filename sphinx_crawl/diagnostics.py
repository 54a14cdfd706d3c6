"""Located, silenceable warnings: every problem in author input comes through here."""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

logger = logging.getLogger("sphinx_crawl")

#: ``suppress_warnings = ["crawl.<subtype>"]`` silences one kind.
SUBTYPES = {
    "option": "an option the directive does not know",
    "title": "an entry without a title",
    "age": "an age that cannot be read, runs backwards or is absurd",
    "field": "a field value that is not allowed (e.g. an unknown urgency)",
    "source": "a source key not declared in crawl_sources, or an entry without a source",
    "id": "an id that is not a clean slug, or is used twice",
    "ref": "a reference to an entry id that does not exist",
    "config": "a malformed crawl_sources or other crawl_* setting",
    "content": "content a directive cannot hold (e.g. prose inside a milestone table)",
    "filter": "a crawl-list filter that cannot be read",
    "review": "a last_reviewed / next_review date that cannot be read",
}


def warn(message: str, location: Any, subtype: str) -> None:
    """Warn with ``type="crawl"``; ``location`` is a node, (docname, line) or "file:line"."""
    logger.warning(message, location=location, type="crawl", subtype=subtype)
