"""Entries as the environment keeps them: each page's list as one JSON string.

Sphinx unpickles the whole environment at the start of every build, even one that
reads no page. 20,000 entries kept as dicts took 0.2 s to unpickle (of the 1.9 s of a
rebuild with nothing changed); kept as one string per page they take a millisecond, and
are decoded only when a build needs them (a rebuild with nothing changed does not),
once per page and process. The strings are plain data: they merge under ``-j`` and
digest as the dicts did. A page whose entries do not come back from JSON unchanged (a
plugin's field holding a tuple) keeps them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sphinx_crawl.core.entries import EntryData

#: docname -> (the stored value it was decoded from, the entries).
DecodedCache = dict[str, tuple[Any, list[EntryData]]]


def encode_entries(entries: list[EntryData]) -> tuple[str | list[EntryData], list[EntryData]]:
    """What to store for a page's entries, and the entries as every build will read them
    back (so a build that read the page sees what a later one decodes)."""
    try:
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return entries, entries
    decoded: list[EntryData] = json.loads(text)
    if decoded != entries:  # a tuple, or a dict with keys that are not strings
        return entries, entries
    return text, decoded


def decode_entries(raw: Any) -> list[EntryData]:
    """A page's entries as stored (one JSON string, or the list itself), decoded."""
    if isinstance(raw, str):
        decoded: list[EntryData] = json.loads(raw)
        return decoded
    return list(raw or [])


class StoredEntries(Mapping[str, list[EntryData]]):
    """docname -> its entries, decoded from the stored string on first use."""

    def __init__(self, stored: dict[str, Any], decoded: DecodedCache) -> None:
        self._stored = stored
        self._decoded = decoded

    def __getitem__(self, docname: str) -> list[EntryData]:
        raw = self._stored[docname]
        if not isinstance(raw, str):
            return raw  # type: ignore[no-any-return]
        hit = self._decoded.get(docname)
        if hit is not None and hit[0] is raw:
            return hit[1]
        entries = decode_entries(raw)
        self._decoded[docname] = (raw, entries)
        return entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def __contains__(self, docname: object) -> bool:
        return docname in self._stored
