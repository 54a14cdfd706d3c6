"""The entry search index in parts, so a first search downloads what it asks about.

A small handbook's index is one file. A large one is split:

* ``crawl-searchindex.js``, up front: everything but the words and the entries' rows
  (the parents' words, intent and emergency words, labels...), and per entry only
  what every ranking needs: its kind, one character each;
* ``_crawl_search/w-<hex>.js``: the words (of every field) that begin with the same
  two letters, accents folded; where those are many (more than
  :data:`GROUP_SPLIT_BYTES`), the same three (``<hex>``: those letters in UTF-8, as
  hexadecimal). A word is also kept where its stem's letters lead ("cried", stem
  "cry"), so the words of a stem are all in the part of the stem typed. The words of a
  query's typo are not in its part ("crwaling"): for a word the parts loaded do not
  know, its first two letters' parts are loaded as well (on the benchmark's 5,000
  entries a first query's words went from 9.0 to 4.5 KiB gzipped at most);
* ``_crawl_search/a.js``: per entry, from what age it concerns a baby, one character
  each: needed only by a query that names an age ("my 9 month old"), and loaded with
  its word parts (on the benchmark's 5,000 entries, 2.2 of the 4.6 KiB gzipped that
  every first search downloaded up front);
* ``_crawl_search/h.js``: the phrases that name no illness (see :data:`HARMLESS_PART`);
* ``_crawl_search/x.js``: other languages' emergency words (see :data:`FOREIGN_PART`);
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
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_crawl.output import file_stamp, write_bytes_if_changed, write_if_changed

#: Up to this size (JSON, bytes) the index is one file: fewer requests, and no part to
#: wait for; beyond it, it is split. A split first search downloads about 11 KiB
#: gzipped besides the script (up front 6.8, parts 3 to 4); a whole index of 100 kB is
#: some 30 KiB. (At 200 kB, a handbook of 1,500 short entries was one file of 188 kB:
#: a first search downloaded 81 KiB gzipped; split, 23 KiB.) The parents' handbook
#: (75 kB) stays one file.
SINGLE_FILE_BYTES = 100_000
#: A first search loads a part for each result shown (8, rarely two in one part): at
#: 5,000 entries a part of 4 rows was 0.22 KiB gzipped, of 2 0.16, of 1 0.13; the rows a
#: first query loaded, 1.8, 1.3 and 1.0 KiB. Two: a part's own bytes (its gzip header,
#: its call) are half of one of a row, for half the files.
ROWS_PER_PART = 2
#: The columns of a row a result shows: title, page, anchor, kind, badge, age.
SHOWN_COLUMNS = 6
#: The words beginning with the same two letters are parted by their third letter
#: beyond this size (JSON, bytes).
GROUP_SPLIT_BYTES = 2_000
PART_FOLDER = "_crawl_search"
#: The part with each entry's age (see above).
AGES_PART = "a"
#: The part with the phrases that name no illness ("fell asleep", "hot weather"): they
#: only take back a notice, so crawl-search.js loads them for a query that would get one
#: (on the benchmark's 5,000 entries, 1.7 of the 8.5 KiB gzipped up front).
HARMLESS_PART = "h"
#: What of the intent words goes in that part, all of which only ever take a notice
#: back: the harmless phrases, and the words that make a colour a thing's ("blue
#: onesie", "pijama azul"; without them every colour is the baby's). The words that say
#: a colour is the baby's ("lips", "is", "turned") stay up front: "babyisblue" is split
#: with them (s42; these lists cost the up-front table 1.4 KiB gzipped).
HARMLESS_KEYS = (
    "harmless",
    "colours",
    "colours_after",
    "colour_links",
    "colour_shades",
    "colour_things",
)
#: The part with other languages' emergency and illness words than the edition's
#: ("bebê não respira" in the English edition): crawl-search.js loads it for a query
#: with a word that neither the handbook nor the edition's own words know (on the
#: benchmark's 5,000 entries, 2 of the 7.7 KiB gzipped up front).
FOREIGN_PART = "x"
#: One character per month, for "from what age": none, then 0 to 75 months; and per
#: kind, its place in the list. The script has the same constant (crawl-search.js,
#: AGE_ALPHABET): in the index it cost 70 bytes gzipped of every first query (s53).
AGE_ALPHABET = "~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-./:;<="


def fold(word: str) -> str:
    """Accents off, as crawl-search.js folds (NFD, marks dropped)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def part_key(word: str, present: Iterable[str] = ()) -> str:
    """The part a word is kept in, in hexadecimal: its first three letters, folded,
    when they are one of the ``present`` parts' (see above), else its first two."""
    folded = fold(word)
    start = folded[:3] if folded[:3] in present else folded[:2]
    return start.encode("utf-8").hex()


Stem = Callable[[str], str]
_DOUBLED = re.compile(r"([^aeioulsz])\1$")


def english_stem(word: str) -> str:
    """crawl-search.js's ``englishStem``, for the parts a word is kept in."""
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if word.endswith("ss"):
        return word
    for end in ("ing", "ed", "es", "s", "e"):
        if len(word) - len(end) >= 3 and word.endswith(end):
            base = word[: -len(end)]
            doubled = len(end) > 1 and end != "es" and _DOUBLED.search(base)
            return base[:-1] if doubled else base
    return word


def stemmers(language: str | None, language_stem: Callable[[str], str] | None) -> list[Stem]:
    """What crawl-search.js stems words with: its own English stemmer in English; in
    another language Sphinx's (``language_stem``, Snowball, the same in Python as in the
    page's language_data.js), or its English one where the page has none."""
    code = (language or "en").split("_")[0].split("-")[0].lower()
    if code == "en" or language_stem is None:
        return [english_stem]
    return [english_stem, language_stem]


def _third_letter_groups(by_field: dict[str, dict[str, str]]) -> set[str]:
    """The letters (two, folded) whose words are parted by their third letter: those
    of more than :data:`GROUP_SPLIT_BYTES`."""
    sizes: dict[str, int] = {}
    for by_word in by_field.values():
        for word, postings in by_word.items():
            start = fold(word)[:2]
            sizes[start] = sizes.get(start, 0) + len(word) + len(postings) + 4
    return {start for start, size in sizes.items() if size > GROUP_SPLIT_BYTES}


def _starts_of(split: set[str], stems: list[Stem]) -> Callable[[str], list[str]]:
    """The letters (folded) of the parts a word is kept in: its own, and its stems'."""

    def key(text: str) -> str:
        folded = fold(text)
        return folded[:3] if folded[:2] in split else folded[:2]

    def starts(word: str) -> list[str]:
        return sorted({key(word), *(key(stem(word)) for stem in stems)})

    return starts


def _word_parts(
    by_field: dict[str, dict[str, str]], starts: Callable[[str], list[str]]
) -> dict[str, dict[str, dict[str, str]]]:
    """{the letters a part's words begin with (folded): {field: {word: entries}}}."""
    parts: dict[str, dict[str, dict[str, str]]] = {}
    for field_key, by_word in by_field.items():
        for word, postings in by_word.items():
            for start in starts(word):
                parts.setdefault(start, {}).setdefault(field_key, {})[word] = postings
    return parts


def _word_part_name(start: str) -> str:
    return f"w-{start.encode('utf-8').hex()}"


def _row_part_name(row: int) -> str:
    return f"r-{row // ROWS_PER_PART}"


@dataclass
class Earlier:
    """An earlier build's parts, and what changed since, as the entry index kept between
    builds tells it (render/search.py, sphinx_crawl/kept.py): the same entries at the
    same positions, only ``rows`` and ``words`` worked out again."""

    #: Part name -> its JSON, and the digest of the file written from it (write_parts).
    texts: dict[str, str]
    digests: dict[str, str]
    #: What else its word and row parts were made from (see :func:`_basis`).
    basis: list[Any]
    #: The rows (positions) worked out again, and the words whose entries changed.
    rows: set[int] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


def _basis(index: dict[str, Any], split: set[str], stems: list[Stem]) -> list[Any]:
    """What a word or row part is made from besides its own words and rows: the label
    table (a row holds label numbers), the pages' names, the groups parted by a third
    letter and the stemmers (which parts a word is kept in)."""
    stemmer_names = [f"{stem.__module__}.{stem.__qualname__}" for stem in stems]
    return [index["labels"], index["pages"], sorted(split), stemmer_names]


def _unchanged(
    earlier: Earlier | None, basis: list[Any], starts: Callable[[str], list[str]]
) -> Earlier | None:
    """Of the earlier build's parts, the word and row parts made from what this build's
    are: none of their words or rows changed, and the same basis. None: none."""
    if earlier is None or earlier.basis != basis:
        return None
    changed = {_row_part_name(row) for row in earlier.rows}
    changed.update(_word_part_name(start) for word in earlier.words for start in starts(word))
    kept = {
        name: text
        for name, text in earlier.texts.items()
        if name[:2] in ("w-", "r-") and name not in changed
    }
    digests = {name: earlier.digests[name] for name in kept if name in earlier.digests}
    return Earlier(kept, digests, basis)


class Parts(dict[str, Any]):
    """{part name: data}, with each part's JSON as :func:`compact_json` wrote it once
    (``texts``): the version is a digest of those texts, and write_parts writes them
    (serialized again there, the parts cost an edit at 20,000 entries 0.04 s more).
    A part an earlier build made from the same data keeps that build's text, and the
    digest of the file written from it (``unchanged``: after a one-title edit at 20,000
    entries, writing the 5,100 parts' JSON again was 0.05 s). ``basis``: what else the
    texts were made from, kept with them (:class:`Earlier`)."""

    texts: dict[str, str]
    digests: dict[str, str]
    basis: list[Any]

    def __init__(
        self, parts: dict[str, Any], unchanged: Earlier | None = None, basis: Any = None
    ) -> None:
        super().__init__(parts)
        known = unchanged.texts if unchanged else {}
        self.texts = {name: known.get(name) or compact_json(data) for name, data in parts.items()}
        self.digests = dict(unchanged.digests) if unchanged else {}
        self.basis = basis if basis is not None else []


def compact_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _larger_than(index: dict[str, Any], limit: int) -> bool:
    """Whether ``index`` as JSON has more than ``limit`` bytes. Its rows' titles alone
    (a character is one byte or more) usually tell, without writing 2 MB of JSON."""
    titles = 0
    for row in index.get("entries") or []:
        if row and isinstance(row[0], str):
            titles += len(row[0])
            if titles > limit:
                return True  # at 20,000 entries, after the first 2,000 to 3,000
    return len(compact_json(index).encode("utf-8")) > limit


def split_index(
    index: dict[str, Any],
    single_file_bytes: int = SINGLE_FILE_BYTES,
    stems: Iterable[Stem] = (english_stem,),
    earlier: Earlier | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what goes up front, {part name: data}: :class:`Parts`); no parts for a small
    index. ``stems``: the stemmers crawl-search.js may read the handbook's words with.
    ``earlier``: the last build's parts, whose texts are taken where made from the same."""
    if not _larger_than(index, single_file_bytes):
        return index, {}
    emergency = dict(index.get("emergency") or {})
    first = emergency.pop("first", None)
    rows: list[list[Any]] = index["entries"]
    pages: list[str] = index["pages"]
    stems = list(stems)
    split = _third_letter_groups(index["words"])
    starts = _starts_of(split, stems)
    basis = _basis(index, split, stems)
    words = _word_parts(index["words"], starts)
    parts: dict[str, Any] = {_word_part_name(start): words[start] for start in words}
    for start in range(0, len(rows), ROWS_PER_PART):
        parts[_row_part_name(start)] = [
            [row[0], pages[row[1]], *row[2:SHOWN_COLUMNS]]
            for row in rows[start : start + ROWS_PER_PART]
        ]
    kinds = sorted({row[3] for row in rows})
    upfront = {
        key: value for key, value in index.items() if key not in ("words", "entries", "pages")
    }
    upfront["total"] = len(rows)
    upfront["kind_labels"] = kinds
    kind_letters = {kind: AGE_ALPHABET[1 + n] for n, kind in enumerate(kinds)}
    upfront["kinds"] = "".join([kind_letters[row[3]] for row in rows])
    # The phrases that name no illness, and the words that tell a thing's colour from
    # the baby's, loaded only for a query they may concern.
    intent = dict(upfront.get("intent") or {})
    moved = {key: intent.pop(key) for key in HARMLESS_KEYS if intent.get(key)}
    harmless = bool(moved)
    if harmless:
        upfront["intent"] = intent
        parts[HARMLESS_PART] = moved
    # Other languages' emergency and illness words, loaded for a query they may be in.
    if first:
        upfront["emergency"], parts[FOREIGN_PART] = _own_and_foreign(emergency, first)
    parts[AGES_PART] = "".join(
        AGE_ALPHABET[0] if row[6] is None else AGE_ALPHABET[1 + min(int(row[6]), 75)]
        for row in rows
    )
    parts = Parts(parts, _unchanged(earlier, basis, starts), basis)
    digest = hashlib.sha256()
    for name in sorted(parts):
        digest.update(name.encode())
        digest.update(parts.texts[name].encode())
    upfront["parts"] = {
        "folder": PART_FOLDER,
        # The letters (folded) the words of each part begin with, space-separated:
        # the part's name is worked out from them as from a word typed.
        "words": " ".join(sorted(words)),
        "rows_per_part": ROWS_PER_PART,
        "version": digest.hexdigest()[:12],
        "harmless": harmless,
        "foreign": bool(first),
    }
    return upfront, parts


def _own_and_foreign(
    emergency: dict[str, Any], first: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The emergency words up front (the edition's own: the ``first`` of each list),
    and the rest, other languages', for the foreign part."""
    own, foreign = dict(emergency), {}
    for key, count in first.items():
        if key == "still":
            still = emergency["still"]
            own["still"] = {name: still[name][: count[name]] for name in still}
            foreign["still"] = {name: still[name][count[name] :] for name in still}
        else:
            own[key], foreign[key] = emergency[key][:count], emergency[key][count:]
    return own, foreign


def write_parts(
    outdir: Path,
    parts: dict[str, Any],
    script: Callable[[str, str], str],
    manifest: Path | None = None,
) -> None:
    """Each part as ``<folder>/<name>.js`` (``script(opening, the part's JSON)``); parts
    of an earlier build that this one does not have are removed (a smaller handbook, or
    one no longer split).

    ``manifest`` (in the doctree folder) records, for each part written, a digest of its
    text and the size and modification time of its file: a part whose text has that
    digest, and whose file still has that size and time, is as the last build wrote it
    and is not read again (after a one-title edit at 20,000 entries, reading the 2,600
    parts to compare them was the largest of the extension's costs). Any other part is
    compared byte for byte, as every file of ours is (output.py). The manifest is
    written whole after the parts: a build stopped before leaves the old one, whose
    records no longer match the files it did rewrite."""
    folder = outdir / PART_FOLDER
    # Paths as text: a Path per part cost more than the stat it is made for (5,100
    # parts at 20,000 entries).
    prefix = os.path.join(folder, "")
    known = _read_manifest(manifest)
    written: dict[str, list[Any]] = {}
    texts = getattr(parts, "texts", {})
    # The digests of the files an earlier build wrote from the same texts (Parts):
    # those files' bytes are not made again unless written. Filled in for the next.
    digests: dict[str, str] = getattr(parts, "digests", {})
    for name, data in parts.items():
        path = f"{prefix}{name}.js"
        made = None
        if name not in digests:
            made = _part_bytes(name, texts.get(name) or compact_json(data), script)
            digests[name] = hashlib.blake2b(made, digest_size=16).hexdigest()
        stamp, on_disk = known.get(name), file_stamp(path)
        if not (stamp and stamp[0] == digests[name] and stamp[1:] == on_disk):
            text = texts.get(name) or compact_json(data)
            write_bytes_if_changed(Path(path), made or _part_bytes(name, text, script))
            on_disk = file_stamp(path)
        written[name] = [digests[name], *(on_disk or [])]
    if folder.is_dir():
        for old in os.listdir(folder):
            if old.endswith(".js") and not old.startswith(".") and old[:-3] not in parts:
                (folder / old).unlink(missing_ok=True)
    if manifest is not None:
        write_if_changed(manifest, json.dumps(written, sort_keys=True) + "\n")


def _part_bytes(name: str, text: str, script: Callable[[str, str], str]) -> bytes:
    """A part's file: ``script(opening, the part's JSON text)``."""
    return script(f"crawlSearchPart({json.dumps(name)}", text).encode("utf-8")


def _read_manifest(manifest: Path | None) -> dict[str, list[Any]]:
    if manifest is None:
        return {}
    try:
        found = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
