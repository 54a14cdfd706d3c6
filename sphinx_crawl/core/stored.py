"""Entries (and the collectors of what pages show from elsewhere) as the environment
keeps them: each page's list as one JSON string.

Sphinx unpickles the whole environment at the start of every build, even one that
reads no page. 20,000 entries kept as dicts took 0.2 s to unpickle (of the 1.9 s of a
rebuild with nothing changed); kept as one string per page they take a millisecond, and
are decoded only when a build needs them (a rebuild with nothing changed does not),
once per page and process. Collectors too: one per entry (its links both ways) made
40,000 dicts at 20,000 entries, 0.04 s to unpickle. The strings are plain data: they
merge under ``-j`` and digest as the dicts did. A page whose list does not come back
from JSON unchanged (a plugin's field holding a tuple) keeps it as it is.
"""

from __future__ import annotations

import json
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from typing import Any, TypeVar

from sphinx_crawl.core.cycle_gc import cycle_gc_paused
from sphinx_crawl.core.entries import EntryData

T = TypeVar("T")

#: docname -> (the stored value it was decoded from, the entries).
DecodedCache = dict[str, tuple[Any, list[EntryData]]]
#: docname -> (the stored value it was decoded from, the collectors).
DecodedCollectors = dict[str, tuple[Any, list[dict[str, Any]]]]


def encode_page_list(entries: list[T]) -> tuple[str | list[T], list[T]]:
    """What to store for a page's entries (or collectors), and the list as every build
    will read it back (so a build that read the page sees what a later one decodes)."""
    try:
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return entries, entries
    decoded: list[T] = json.loads(text)
    if decoded != entries:  # a tuple, or a dict with keys that are not strings
        return entries, entries
    return text, decoded


def decode_page_list(raw: Any) -> list[Any]:
    """A page's list as stored (one JSON string, or the list itself), decoded."""
    if isinstance(raw, str):
        decoded: list[Any] = json.loads(raw)
        return decoded
    return list(raw or [])


class StoredPageLists(Mapping[str, list[T]]):
    """docname -> its entries (or collectors), decoded from the stored string on first
    use."""

    def __init__(self, stored: dict[str, Any], decoded: dict[str, tuple[Any, list[T]]]) -> None:
        self._stored = stored
        self._decoded = decoded

    def __getitem__(self, docname: str) -> list[T]:
        raw = self._stored[docname]
        if not isinstance(raw, str):
            return raw  # type: ignore[no-any-return]
        hit = self._decoded.get(docname)
        if hit is not None and hit[0] is raw:
            return hit[1]
        entries = decode_page_list(raw)
        self._decoded[docname] = (raw, entries)
        return entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def __contains__(self, docname: object) -> bool:
        return docname in self._stored

    def items(self) -> ItemsView[str, list[T]]:
        """Every page's list, decoded at once (see :meth:`decode_all`)."""
        self.decode_all()
        return super().items()

    def values(self) -> ValuesView[list[T]]:
        self.decode_all()
        return super().values()

    def decode_all(self) -> None:
        """Decode every page's list at once, with the garbage collector paused: decoded,
        20,000 entries are some 200,000 dicts and lists, and collecting as they were
        made went through every object of the environment twice (0.3 s of a one-title
        edit at 20,000 entries). Decoded JSON holds no reference cycles to collect."""
        if all(docname in self._decoded for docname in self._stored):
            return  # (a list whose stored value changed is decoded again on its own)
        with cycle_gc_paused():
            for docname in self._stored:
                self[docname]
