"""The entry search index in parts, so a first search downloads what it asks about.

A small handbook's index is one file. A large one is split:

* ``crawl-searchindex.js``, up front: everything but the words and the entries' rows
  (the parents' words, intent and emergency words, labels...), and per entry only
  what every ranking needs: its kind, one character each;
* ``_crawl_search/w-<hex>.js``: the words (of every field) that begin with the same
  two letters, accents folded (``<hex>``: those letters in UTF-8, as hexadecimal);
* ``_crawl_search/a.js``: per entry, from what age it concerns a baby, one character
  each: needed only by a query that names an age ("my 9 month old"), and loaded with
  its word parts (on the benchmark's 5,000 entries, 2.2 of the 4.6 KiB gzipped that
  every first search downloaded up front);
* ``_crawl_search/r-<n>.js``: the rows of :data:`ROWS_PER_PART` entries, each what a
  result shows: title, page (its name: the pages' list is not up front, 0.7 KiB
  gzipped at 5,000 entries), anchor and labels; not its ages (the ages part has them).

crawl-search.js loads the word parts of the words typed (and of their synonyms, and the
ages when the query names one), ranks, then loads the rows of the results it shows.
Every part is a script that hands its data to ``crawlSearchPart``, so search works from
``file://`` too; its address carries the index's version, so a browser never mixes
parts of two builds.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

from sphinx_crawl.output import write_if_changed

#: Up to this size (JSON, bytes) the index is one file: fewer requests, and no part to
#: wait for; beyond it, it is split.
SINGLE_FILE_BYTES = 200_000
#: A first search loads a part for each result shown (8, rarely two in one part): a
#: part of 8 rows is 0.33 KiB gzipped, of 16 0.53 (at 5,000 entries).
ROWS_PER_PART = 8
#: The columns of a row a result shows: title, page, anchor, kind, badge, age.
SHOWN_COLUMNS = 6
PART_FOLDER = "_crawl_search"
#: The part with each entry's age (see above).
AGES_PART = "a"
#: One character per month, for "from what age": none, then 0 to 75 months.
AGE_ALPHABET = "~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-./:;<="


def fold(word: str) -> str:
    """Accents off, as crawl-search.js folds (NFD, marks dropped)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def part_key(word: str) -> str:
    """The part a word is kept in: its first two letters, folded, in hexadecimal."""
    return fold(word)[:2].encode("utf-8").hex()


def split_index(
    index: dict[str, Any], single_file_bytes: int = SINGLE_FILE_BYTES
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what goes up front, {part name: data}); no parts for a small index."""
    whole = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    if len(whole.encode("utf-8")) <= single_file_bytes:
        return index, {}
    rows: list[list[Any]] = index["entries"]
    pages: list[str] = index["pages"]
    parts: dict[str, Any] = {}
    prefixes: set[str] = set()
    for field, by_word in index["words"].items():
        for word, postings in by_word.items():
            prefixes.add(fold(word)[:2])
            part = parts.setdefault(f"w-{part_key(word)}", {})
            part.setdefault(field, {})[word] = postings
    for start in range(0, len(rows), ROWS_PER_PART):
        parts[f"r-{start // ROWS_PER_PART}"] = [
            [row[0], pages[row[1]], *row[2:SHOWN_COLUMNS]]
            for row in rows[start : start + ROWS_PER_PART]
        ]
    kinds = sorted({row[3] for row in rows})
    upfront = {
        key: value for key, value in index.items() if key not in ("words", "entries", "pages")
    }
    upfront["total"] = len(rows)
    upfront["kind_labels"] = kinds
    upfront["kinds"] = "".join(AGE_ALPHABET[1 + kinds.index(row[3])] for row in rows)
    parts[AGES_PART] = "".join(
        AGE_ALPHABET[0] if row[6] is None else AGE_ALPHABET[1 + min(int(row[6]), 75)]
        for row in rows
    )
    digest = hashlib.sha256()
    for name in sorted(parts):
        digest.update(name.encode())
        digest.update(json.dumps(parts[name], ensure_ascii=False, sort_keys=True).encode())
    upfront["parts"] = {
        "folder": PART_FOLDER,
        # The words' first letters (folded) that have a part, space-separated: the
        # part's name is worked out from them as from a word typed.
        "words": " ".join(sorted(prefixes)),
        "rows_per_part": ROWS_PER_PART,
        "version": digest.hexdigest()[:12],
        "alphabet": AGE_ALPHABET,
    }
    return upfront, parts


def write_parts(outdir: Path, parts: dict[str, Any], script: Any) -> None:
    """Each part as ``<folder>/<name>.js``; parts of an earlier build that this one does
    not have are removed (a smaller handbook, or one no longer split)."""
    folder = outdir / PART_FOLDER
    for name, data in parts.items():
        opening = f"crawlSearchPart({json.dumps(name)}"
        write_if_changed(folder / f"{name}.js", script(opening, data))
    if folder.is_dir():
        for old in folder.glob("*.js"):
            if old.stem not in parts:
                old.unlink(missing_ok=True)
