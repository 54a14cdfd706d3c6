"""The entry search index kept between builds, so an edit works out only what it changed.

Working out every entry's words and each word's entries again after a one-title edit
cost 0.7 of the 4.1 s of the rebuild at 20,000 entries on short pages (issue 27), where
Sphinx's own search index is updated from the file it wrote. Here each HTML build keeps,
in the doctree folder beside Sphinx's pickled environment:

* the index's rows, with their labels as text (the label and page tables are made
  again from them, in the order a clean build makes them), column by column;
* each field's words and their entries, encoded as written (``encode_postings``);
* each page's entries' words, as one marshalled string per page, read back only for the
  pages an edit changed (the words an edited entry no longer has lose it).

A later build uses them only where it starts from the data the kept index was made
from, where the last finished build's record says which pages were read again and which
entries changed (:func:`sphinx_crawl.incremental.edits_since_last_build`: the same
configuration, code and page titles; no reference in any entry), and where every entry
is at the position it had (no entry added, removed or moved, no id won or made unique
otherwise). Anything else works the whole index out, as a clean build does.
"""

from __future__ import annotations

import base64
import marshal
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_crawl.incremental import edits_since_last_build
from sphinx_crawl.output import write_whole

if TYPE_CHECKING:
    from sphinx.application import Sphinx

KEPT_FILE = "crawl-search-{builder}.pickle"
#: Raised whenever what is kept changes form: an older file is not used.
KEPT_VERSION = 1

#: A row as kept: title, page, anchor, kind label, badge label, age label, from and
#: until what age, and the kind's search role ("" for none).
RawRow = list[Any]
ROW_WIDTH = 9
#: An entry's words, per field key ("k", "t", "g", "x").
EntryWords = dict[str, set[str]]


@dataclass
class KeptIndex:
    """What a build's index is made from: its rows, and each field's word -> entries."""

    positions: list[str]  # "<page>\0<anchor>\0<id>" of each entry, in index order
    #: The rows as columns: a list per column, not per entry, so loading them makes nine
    #: lists, not 20,000 (each a container the garbage collector goes through).
    columns: list[list[Any]]
    words: dict[str, dict[str, str]]  # field key -> word -> encoded entries
    by_page: dict[str, bytes] = field(default_factory=dict)  # docname -> marshalled words
    state: str | None = None  # the data's state the index was made from


def position_key(entry: Any) -> str:
    return f"{entry['docname']}\0{entry['anchor']}\0{entry['id']}"


def _kept_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / KEPT_FILE.format(builder=app.builder.name)


def load_kept(app: Sphinx, positions: list[str]) -> tuple[KeptIndex, set[int]] | None:
    """The index the last finished build kept, and the positions to work out again;
    None where it cannot be used (see the module's docstring)."""
    edits = edits_since_last_build(app)
    if edits is None:
        return None
    try:
        with _kept_path(app).open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("version") != [KEPT_VERSION, sys.version]:
        return None  # (marshal's format is the Python version's)
    kept = found.get("index")
    if not isinstance(kept, KeptIndex) or kept.state != edits.start:
        return None
    if kept.positions != positions:
        return None
    redo = {
        n
        for n, key in enumerate(positions)
        if key.split("\0", 1)[0] in edits.pages or key.rsplit("\0", 1)[1] in edits.ids
    }
    return kept, redo


def save_kept(app: Sphinx, kept: KeptIndex, state: str | None) -> None:
    """Keep this build's index for the next (written whole, or not at all)."""
    if not state:
        _kept_path(app).unlink(missing_ok=True)
        return
    kept.state = state
    found = {"version": [KEPT_VERSION, sys.version], "index": kept}
    data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    write_whole(_kept_path(app), data)


def pack_page(words: list[tuple[int, EntryWords]]) -> bytes:
    """A page's entries' words: (position, words by field) each."""
    return marshal.dumps(words)


def unpack_page(data: bytes) -> list[tuple[int, EntryWords]]:
    found: list[tuple[int, EntryWords]] = marshal.loads(data)
    return found


def decode_postings(text: str, total: int) -> list[int]:
    """The entry positions ``encode_postings`` wrote (gaps in base 36, or "~" and a
    bitmap in base 64)."""
    if text.startswith("~"):
        data = base64.b64decode(text[1:] + "=" * (-(len(text) - 1) % 4))
        return [
            (byte_at << 3) | bit
            for byte_at, byte in enumerate(data)
            if byte
            for bit in range(8)
            if byte >> bit & 1 and (byte_at << 3) | bit < total
        ]
    positions: list[int] = []
    at = 0
    for gap in text.split(","):
        at += int(gap, 36)
        positions.append(at)
    return positions
