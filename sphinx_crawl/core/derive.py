"""Facts derived from entry data: each computed here, once, and read everywhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sphinx_crawl.core.ages import AgeDict
from sphinx_crawl.core.content_types import ContentType, hook_value
from sphinx_crawl.core.entries import EntryData

_NO_AGE_LAST = (float("inf"), float("inf"))


def entry_url(page_uri: str, anchor: str) -> str:
    """The entry's address from the output root: its page's URI and its anchor."""
    return f"{page_uri}#{anchor}"


def badge(content_type: ContentType | None, fields: Mapping[str, Any]) -> str:
    """The level in words ("Soon: book an appointment"), or "" for types without one."""
    return str(hook_value(content_type, "badge", fields))


def cited_by(entries: Iterable[EntryData], source_key: str) -> list[EntryData]:
    """The entries that cite ``source_key``, in the order given."""
    return [entry for entry in entries if source_key in entry["sources"]]


def age_sort_key(age: AgeDict | None) -> tuple[float, float]:
    """Youngest first, narrower windows first; entries without an age last.
    (AgeRange.sort_key, read straight from the dict: indices sort every entry.)"""
    if not age:
        return _NO_AGE_LAST
    high = age["max_months"]
    return (float(age["min_months"]), float("inf") if high is None else high)


def source_anchor(source_key: str) -> str:
    """The HTML id of a source on the page that lists the sources."""
    return f"source-{source_key}"


def free_id(base: str, is_free: Callable[[str], bool]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``... that ``is_free`` accepts."""
    if is_free(base):
        return base
    n = 2
    while not is_free(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def page_file_uri(page_uri: str, single_page: str) -> str:
    """The URI of the file that holds a page, from the output root.

    A builder that writes every page into one file (``singlehtml``) gives a page's URI
    as a fragment of that file (``#document-tips``); its entries are then in
    ``single_page``, and an entry's own anchor is the only fragment its URL can have.
    """
    return single_page if page_uri.startswith("#") else page_uri
