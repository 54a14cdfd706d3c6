"""The entry search index: small up front, the rest loaded when a result needs it.

``crawl-searchindex.js`` holds what ranking needs and nothing more: each entry's
title, address and labels (kind, badge, age) as table indices, and for each field
(keywords, title, tags, text) a word -> entries map. A word's entries are written as
whichever is shorter, a list of gaps in base 36 or a bitmap in base 64, so words most
entries share cost a bit per entry, not a number. The excerpt under each result is in
``_crawl/search/snippets-<n>.js``, loaded by crawl.js only for the results shown.

Stems are worked out in crawl.js from this vocabulary, so one stemmer serves the
index and the query. Both load as ``<script>``: search works from ``file://`` too.
"""

from __future__ import annotations

import base64
import json
import re
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import crawl_config
from sphinx_crawl.core.derive import badge
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.export import entry_address
from sphinx_crawl.i18n import _
from sphinx_crawl.output import html_output_dir, write_if_changed
from sphinx_crawl.quiet import nothing_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_crawl.core.entries import EntryData

SEARCH_INDEX_FILE = "crawl-searchindex.js"
SNIPPET_DIR = "_crawl/search"
SNIPPETS_PER_FILE = 200
SNIPPET_CHARS = 180

#: Words a query's meaning does not hang on ("little one" and pronouns stand for the
#: baby; "one" alone matters: "one side"). Not indexed in entries' text; crawl.js
#: drops them from queries.
_STOP_TEXT = (
    "a an and are as at be but by can do does doing for from get has have how i if in "
    "into is it its me my of on or our should so that the their them then there they "
    "this to too up was we what when where which who why will with you your baby babies "
    "babys child he she his her him son daughter lo old"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())

#: The indexed fields: key in the index, and whether stop words are left out.
FIELDS = (
    ("k", "keywords", False),
    ("t", "title", False),
    ("g", "tags", False),
    ("x", "text", True),
)

_APOSTROPHES = re.compile("['\u2019]")
_LITTLE_ONE = re.compile(r"\blittle ones?\b")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, as crawl.js splits them (letters and digits; no apostrophes)."""
    text = _LITTLE_ONE.sub(" ", _APOSTROPHES.sub("", text.lower()))
    return _WORD.findall(text)


def _field_words(entry: EntryData, name: str, skip_stop: bool) -> set[str]:
    value = entry[name]  # type: ignore[literal-required]
    found = {
        word for item in ([value] if isinstance(value, str) else value) for word in words(item)
    }
    return found - STOP_WORDS if skip_stop else found


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
#: Every number below 36 * 36 in base 36: most gaps between entries are small.
_BASE36 = [_DIGITS[n // 36] + _DIGITS[n % 36] if n >= 36 else _DIGITS[n] for n in range(1296)]


def _base36(number: int) -> str:
    if number < 1296:
        return _BASE36[number]
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
    return out


def encode_postings(positions: list[int], total: int) -> str:
    """Entry positions, ascending: gaps in base 36 ("3,1,a") or a "~" + base-64 bitmap."""
    bitmap_chars = 1 + (4 * ((total + 7) // 8) + 2) // 3
    # Each gap takes at least a digit and a comma: past that length a bitmap is shorter.
    if 2 * len(positions) - 1 < bitmap_chars:
        gaps = ",".join(_base36(b - a) for a, b in zip([0, *positions], positions, strict=False))
        if len(gaps) <= bitmap_chars:
            return gaps
    bits = bytearray((total + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return "~" + base64.b64encode(bytes(bits)).decode("ascii").rstrip("=")


def build_index(app: Sphinx) -> tuple[dict[str, Any], list[str]]:
    """The up-front index, and each entry's excerpt in the same order."""
    builder = app.builder
    registry = crawl_domain(app.env).content_types
    labels: dict[str, int] = {}

    def label(text: str) -> int:
        return labels.setdefault(text, len(labels)) if text else -1

    pages: dict[str, int] = {}
    rows: list[list[Any]] = []
    snippets: list[str] = []
    postings: dict[str, dict[str, list[int]]] = {key: {} for key, _, _ in FIELDS}
    entries = list(crawl_domain(app.env).by_id().values())
    for position, entry in enumerate(entries):
        content_type = registry.get(entry["type"])
        page, _hash, anchor = entry_address(builder, entry).partition("#")
        rows.append(
            [
                entry["title"],
                pages.setdefault(page, len(pages)),
                anchor,
                label(str(content_type.label) if content_type else entry["type"]),
                label(badge(content_type, entry["fields"])),
                label(entry["age"]["label"] if entry["age"] else ""),
            ]
        )
        snippets.append(_snippet(entry["text"]))
        for key, name, skip_stop in FIELDS:
            for word in _field_words(entry, name, skip_stop):
                postings[key].setdefault(word, []).append(position)
    index = {
        "version": 2,
        "entries": rows,
        "pages": list(pages),
        "labels": list(labels),
        "words": {
            key: {word: encode_postings(found, len(rows)) for word, found in sorted(by.items())}
            for key, by in postings.items()
        },
        "stop": sorted(STOP_WORDS),
        "snippets": {"dir": SNIPPET_DIR, "size": SNIPPETS_PER_FILE},
        "synonyms": crawl_config(app.config).search_synonyms,
        "heading": str(_("Entries in the handbook")),
        "none": str(_("No entry matches all of these words.")),
    }
    return index, snippets


def _snippet(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "\u2026"


def _script(assignment: str, payload: Any) -> str:
    return f"{assignment} = {json.dumps(payload, ensure_ascii=False, separators=(',', ':'))};\n"


def write_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the index and its excerpt files, each only if it changed."""
    outdir = html_output_dir(app, exception)
    if outdir is None or (nothing_changed(app) and (outdir / SEARCH_INDEX_FILE).is_file()):
        return
    index, snippets = build_index(app)
    write_if_changed(outdir / SEARCH_INDEX_FILE, _script("window.crawlSearchIndex", index))
    folder = outdir / SNIPPET_DIR
    wanted = set()
    for number, start in enumerate(range(0, len(snippets), SNIPPETS_PER_FILE)):
        name = f"snippets-{number}.js"
        wanted.add(name)
        chunk = snippets[start : start + SNIPPETS_PER_FILE]
        folder.mkdir(parents=True, exist_ok=True)
        write_if_changed(
            folder / name,
            _script(f"(window.crawlSnippets = window.crawlSnippets || {{}})[{number}]", chunk),
        )
    if folder.is_dir():  # fewer entries than last time: drop the files no entry uses
        for stale in folder.glob("snippets-*.js"):
            if stale.name not in wanted:
                stale.unlink()


def setup_search(app: Sphinx) -> None:
    app.connect("build-finished", write_search_index)
