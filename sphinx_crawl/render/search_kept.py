"""What the entry search index keeps between builds (see sphinx_crawl/kept.py).

Working out every entry's words and each word's entries again after a one-title edit
cost 0.7 of the 4.1 s of the rebuild at 20,000 entries on short pages (issue 27). Kept:

* the index's rows, with their labels as text (the label and page tables are made
  again from them, in the order a clean build makes them), column by column;
* each field's words and their entries, encoded as written (render/postings.py);
* each page's entries' words, as one marshalled string per page, read back only for the
  pages an edit changed (the words an edited entry no longer has lose it);
* the index's parts as last written, when split (search_shards.Earlier): the parts of
  no entry or word an edit changed are not written out as JSON again.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from typing import Any

#: The name it is kept under.
KEPT_NAME = "search"
#: A row as kept: title, page, anchor, kind label, badge label, age label, from and
#: until what age, and the kind's search role ("" for none).
RawRow = list[Any]
ROW_WIDTH = 9
#: An entry's words, per field key ("k", "t", "g", "x").
EntryWords = dict[str, set[str]]


@dataclass
class KeptIndex:
    """What a build's index is made from: its rows, and each field's word -> entries."""

    #: The rows as columns: a list per column, not per entry, so loading them makes nine
    #: lists, not 20,000 (each a container the garbage collector goes through).
    columns: list[list[Any]]
    words: dict[str, dict[str, str]]  # field key -> word -> encoded entries
    by_page: dict[str, bytes] = field(default_factory=dict)  # docname -> marshalled words
    #: The parts the index was split into (search_shards.Parts): their texts, the
    #: digests of the files written from them, and what else they were made from.
    parts: tuple[dict[str, str], dict[str, str], list[Any]] = field(
        default_factory=lambda: ({}, {}, [])
    )


def pack_page(words: list[tuple[int, EntryWords]]) -> bytes:
    """A page's entries' words: (position, words by field) each."""
    return marshal.dumps(words)


def unpack_page(data: bytes) -> list[tuple[int, EntryWords]]:
    found: list[tuple[int, EntryWords]] = marshal.loads(data)
    return found
