"""The entry record and the small text helpers that make its ids. Plain data, no Sphinx.

Everything here is JSON-serialisable on purpose: entries live in the Sphinx
environment (pickled, merged across ``-j`` workers) and in ``crawl.json``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from sphinx_crawl.core.ages import AgeDict

if TYPE_CHECKING:
    from sphinx_crawl.config import SourceData

#: The keys every crawl.json entry has, in order; the type's own fields follow.
ENTRY_KEYS = (
    "id",
    "type",
    "title",
    "url",
    "docname",
    "age",
    "tags",
    "sources",
    "keywords",
    "text",
    "relations",
    "related_by",
    "changed",
)
#: The keys only some crawl.json entries have (``core/schema.entry_record``): where an
#: imported entry came from, and what a crawl-extend changed.
ENTRY_EXTRAS = ("imported", "adapted")


class ImportedFrom(TypedDict):
    """Where an imported entry came from (see directives/crawl_import.py)."""

    #: The crawl-import argument: a name in crawl_import_sources, or a file's path.
    name: str
    #: Who wrote it: the other handbook's project name, or the data file's.
    project: str
    #: Where it is published, when known (absolute http(s)).
    url: str | None
    #: The sources it cites, as its file describes them (key -> details).
    sources: dict[str, SourceData]


class AdaptedData(TypedDict):
    """On an entry some crawl-extend changed (see core/adapt.py)."""

    #: The project that changed it (this build's ``project``).
    by: str
    #: Key (a field, a relation, ``tags``, ``keywords`` or ``sources``) -> the value
    #: as written, and as adapted.
    original: dict[str, Any]
    adaptation: dict[str, Any]
    #: [docname, line] of each crawl-extend that changed it, in order.
    at: list[list[Any]]


class EntryData(TypedDict):
    """One entry as stored in the environment and exported to crawl.json."""

    id: str
    type: str
    title: str
    docname: str
    anchor: str
    lineno: int
    age: AgeDict | None
    tags: list[str]
    sources: list[str]
    keywords: list[str]
    text: str
    fields: dict[str, Any]
    #: Relation name -> the ids this entry declares (checked against the other entries
    #: once every page is read; see CrawlDomain.relations).
    relations: dict[str, list[str]]
    #: Only on entries whose directive is in another file than the page's (an rST
    #: ``.. include::``): [that file, relative to the source folder, and the line in it],
    #: where warnings about the entry point (``lineno`` counts the page's whole input).
    included: NotRequired[list[Any]]
    #: Only on entries whose id was made from the title (no ``:id:``): where another
    #: entry has that id, this one is known by another (see CrawlDomain.made_unique).
    id_from_title: NotRequired[bool]
    #: Only on entries crawl-import brought in.
    imported: NotRequired[ImportedFrom]
    #: Only on entries a crawl-extend changed (added by the domain, never stored).
    adapted: NotRequired[AdaptedData]


_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: The longest id: a slug is cut there.
ID_LENGTH = 80


def slugify(text: str) -> str:
    """An ASCII slug; empty when the text has no Latin letters or digits."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:ID_LENGTH].strip("-")


def id_from_title(type_name: str, title: str) -> str:
    """A stable id for an entry without ``:id:``: the title's slug, or a hash of it."""
    slug = slugify(title)
    if slug and slug[0].isalpha():
        return slug
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    return f"{type_name}-{slug or digest}"


def split_list(text: str | None) -> list[str]:
    """Comma-separated option values, stripped, empty items and repeats dropped."""
    if not text:
        return []
    seen: dict[str, None] = {}
    for item in text.split(","):
        item = " ".join(item.split())
        if item:
            seen.setdefault(item, None)
    return list(seen)


#: A lone surrogate: JSON, YAML and Python all read the escape ``"\\ud800"``, but it
#: is not a character, and no page, search index or crawl.json (UTF-8) can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: Any, where: str) -> str | None:
    """Where ``value`` (a string, or lists and mappings of them, keys too) first holds a
    lone surrogate: ``"entries[2].tags[0]: 't\\udfff' holds a lone surrogate (U+DFFF),
    which is not a character"``; None where every string is text."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, place = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found:
                return (
                    f"{place}: {item!r:.60} holds a lone surrogate "
                    f"(U+{ord(found.group()):04X}), which is not a character"
                )
        elif isinstance(item, dict):
            for name in reversed(list(item)):
                inner = f"{place}.{name}" if isinstance(name, str) and place else str(name)
                stack += [(item[name], inner), (name, place)]
        elif isinstance(item, list | tuple):
            stack += [(item[i], f"{place}[{i}]") for i in reversed(range(len(item)))]
    return None


#: Control characters (a bell, an escape, a backspace; not tab or newline): no text, and
#: no XML either (an EPUB with one in a title is not well-formed).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(value: Any, found: set[str]) -> Any:
    """``value`` (text, or lists and mappings of it) with each control character read
    as a space; the characters met are added to ``found``."""
    if isinstance(value, str):
        if not CONTROL_CHARACTERS.search(value):
            return value
        found.update(CONTROL_CHARACTERS.findall(value))
        return CONTROL_CHARACTERS.sub(" ", value)
    if isinstance(value, Mapping):
        return {key: without_controls(item, found) for key, item in value.items()}
    if isinstance(value, list):
        return [without_controls(item, found) for item in value]
    return value


def named_characters(found: set[str]) -> str:
    """``"U+0007, U+001B"``: characters by their code points, sorted."""
    return ", ".join(f"U+{ord(char):04X}" for char in sorted(found))


def shows_nothing(text: str) -> bool:
    """Whether ``text`` shows nothing on a page: only spaces, characters of no width
    (U+200B, U+FEFF, a soft hyphen: format characters) and the markup's escape, a
    backslash (``.. tip-card:: \\`` is a title of nothing)."""
    return all(
        char.isspace() or char == "\\" or unicodedata.category(char) in ("Cf", "Cc", "Zs")
        for char in text
    )


def plain_text(text: str) -> str:
    """Collapse whitespace so exported text is stable across parsers."""
    return " ".join(text.split())


#: How much of an entry's text an excerpt shows (a card in a list, a search result):
#: crawl-search.js reads it from the search index.
EXCERPT_CHARS = 220


def excerpt(text: str) -> str:
    """The start of ``text``, cut at a word, with an ellipsis if anything was left out."""
    text = plain_text(text)
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "\u2026"


# A reference inside an entry's text ({crawl:tip}`id`, {crawl:source}`key`) reads as
# the title it links to. Titles of entries on other pages are known only once every page
# is read, so the stored text keeps a placeholder the domain fills in (see
# CrawlDomain.by_id). Marks found in what authors write are dropped.
_MARK, _SEP = "\ue000", "\ue001"  # Unicode private use: in no text, and not whitespace
_PLACEHOLDER = re.compile(f"{_MARK}([^{_MARK}{_SEP}]*){_SEP}([^{_MARK}{_SEP}]*){_MARK}")


def reference_placeholder(kind: str, target: str) -> str:
    return f"{_MARK}{without_marks(kind)}{_SEP}{without_marks(target)}{_MARK}"


def without_marks(text: str) -> str:
    return text.replace(_MARK, "").replace(_SEP, "")


def has_references(text: str) -> bool:
    return _MARK in text


def entry_refers(entry: EntryData, *, text: bool = True) -> bool:
    """Whether the entry's title, fields (and, with ``text``, its text) refer to another
    entry or a source. A plain loop: every build asks it of every entry, several times."""
    if isinstance(entry["title"], str) and _MARK in entry["title"]:
        return True
    if text and isinstance(entry["text"], str) and _MARK in entry["text"]:
        return True
    for value in entry["fields"].values():  # noqa: SIM110 (no generator: hot loop)
        if isinstance(value, str) and _MARK in value:
            return True
    return False


def fill_references(text: str, title_of: Callable[[str, str], str | None]) -> str:
    """``text`` with each placeholder replaced by ``title_of(kind, target)`` (or the
    target itself, where that is None: nothing by that name is known)."""

    def fill(match: re.Match[str]) -> str:
        title = title_of(match[1], match[2])
        return match[2] if title is None else title

    return plain_text(_PLACEHOLDER.sub(fill, text))
