"""Read a built handbook's ``crawl.json`` back into typed Python objects.

>>> from sphinx_crawl.api import load
>>> handbook = load("docs/_build/html/crawl.json")
>>> [e.title for e in handbook.entries_of("red-flag") if e.urgency == "urgent"]

Every problem with the file (not JSON, a missing or mistyped key, NaN, an unknown
``schema_version``, a repeated id...) raises :class:`CrawlDataError` with where it is;
nothing else escapes. Only the standard library and :mod:`sphinx_crawl.core` are used,
so reading crawl.json never loads Sphinx.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_crawl.core.ages import AGE_KINDS, MAX_AGE_MONTHS, AgeRange
from sphinx_crawl.core.entries import ENTRY_KEYS

#: The ``schema_version`` values this reader understands (1.0: ages had no ``kind``).
SUPPORTED_VERSIONS = ("1.0", "1.1")


class CrawlDataError(ValueError):
    """crawl.json cannot be read: the message says what is wrong, and where."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    cited_by: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    title: str
    url: str
    docname: str
    age: AgeRange | None
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    keywords: tuple[str, ...]
    text: str
    #: The type's own fields (``urgency``, ``action``, a plugin's fields...).
    fields: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)


@dataclass(frozen=True)
class Handbook:
    schema_version: str
    project: str
    generator: str
    entries: tuple[Entry, ...]
    sources: tuple[Source, ...]

    def entries_of(self, type_name: str) -> Iterator[Entry]:
        return (entry for entry in self.entries if entry.type == type_name)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with ``entry_id``, or None."""
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def entry(self, entry_id: str) -> Entry:
        """The entry with ``entry_id``; KeyError if there is none."""
        found = self.get(entry_id)
        if found is None:
            raise KeyError(entry_id)
        return found

    def source(self, source_id: str) -> Source:
        """The source with ``source_id``; KeyError if there is none."""
        found = next((source for source in self.sources if source.id == source_id), None)
        if found is None:
            raise KeyError(source_id)
        return found


def load(path: str | Path, *, validate: bool = False) -> Handbook:
    """Load ``crawl.json``; with ``validate``, also check it against the
    ``crawl.schema.json`` written beside it (needs the ``jsonschema`` package)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CrawlDataError(f"{path}: cannot be read ({error})") from error
    data = _parse(text, str(path))
    if validate:
        _validate(data, path)
    return _handbook(data)


def _reject_constant(name: str) -> Any:
    raise CrawlDataError(f"{name} is not a number JSON allows")


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except CrawlDataError as error:
        raise CrawlDataError(f"{where}: {error}") from None
    except (ValueError, RecursionError) as error:
        raise CrawlDataError(f"{where}: not JSON ({error})") from error


def _validate(data: Any, path: Path) -> None:
    try:
        import jsonschema
    except ImportError as error:  # pragma: no cover - a test dependency
        raise CrawlDataError("validate=True needs the jsonschema package") from error
    schema_path = path.parent / "crawl.schema.json"
    if not schema_path.is_file():
        raise CrawlDataError(f"{schema_path}: not found; it is written beside crawl.json")
    schema = _parse(schema_path.read_text(encoding="utf-8"), str(schema_path))
    try:
        validator = jsonschema.Draft202012Validator(schema)
        found = jsonschema.exceptions.best_match(validator.iter_errors(data))
    except jsonschema.exceptions.SchemaError as problem:
        raise CrawlDataError(f"{schema_path}: not a valid schema ({problem.message})") from None
    if found is not None:
        where = "/".join(str(part) for part in found.absolute_path) or "the top level"

        # Both: callers catching jsonschema's ValidationError (as before) still do.
        class CrawlValidationError(CrawlDataError, jsonschema.ValidationError):
            def __init__(self, text: str) -> None:
                Exception.__init__(self, text)
                self.message = text

            def __str__(self) -> str:
                return self.message

            __repr__ = __str__

        raise CrawlValidationError(f"{where}: {found.message}") from found


# -- reading, with a located error for every wrong shape ---------------------------------


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise CrawlDataError(f"{where}: expected an object, got {_kind(value)}")
    return value


def _key(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise CrawlDataError(f"{where}: the key {key!r} is missing")
    return data[key]


def _text(data: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = data.get(key) if optional else _key(data, key, where)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise CrawlDataError(f"{where}.{key}: expected a string, got {_kind(value)}")
    return value


def _strings(data: Mapping[str, Any], key: str, where: str, *, default: bool = False) -> Any:
    value = data.get(key, []) if default else _key(data, key, where)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CrawlDataError(f"{where}.{key}: expected a list of strings, got {value!r:.60}")
    return tuple(value)


def _kind(value: Any) -> str:
    return "null" if value is None else f"{type(value).__name__} {value!r:.40}"


def _age(value: Any, where: str) -> AgeRange | None:
    if value is None:
        return None
    age = _object(value, where)
    numbers: list[int | float | None] = []
    for key in ("min_months", "max_months"):
        number = _key(age, key, where)
        if key == "max_months" and number is None:
            numbers.append(None)
            continue
        if (
            not isinstance(number, int | float)
            or isinstance(number, bool)
            or not math.isfinite(number)
            or not 0 <= number <= MAX_AGE_MONTHS
        ):
            raise CrawlDataError(f"{where}.{key}: expected months from 0 to 72, got {number!r}")
        numbers.append(number)
    low, high = numbers
    assert low is not None
    if high is not None and high < low:
        raise CrawlDataError(f"{where}: max_months {high} is below min_months {low}")
    kind = age.get("kind")
    if kind is not None and kind not in AGE_KINDS:
        raise CrawlDataError(f"{where}.kind: expected one of {', '.join(AGE_KINDS)}, got {kind!r}")
    return AgeRange.from_dict(
        {
            "min_months": low,  # type: ignore[typeddict-item]
            "max_months": high,
            "label": _text(age, "label", where),
            "kind": kind or ("window" if high is not None else "from"),
        }
    )


def _entry(record: Any, where: str) -> Entry:
    data = _object(record, where)
    fields = {k: v for k, v in data.items() if k not in ENTRY_KEYS}
    return Entry(
        id=_text(data, "id", where),
        type=_text(data, "type", where),
        title=_text(data, "title", where),
        url=_text(data, "url", where),
        docname=_text(data, "docname", where),
        age=_age(_key(data, "age", where), f"{where}.age"),
        tags=_strings(data, "tags", where),
        sources=_strings(data, "sources", where),
        keywords=_strings(data, "keywords", where, default=True),
        text=_text(data, "text", where),
        fields=fields,
    )


def _source(record: Any, where: str) -> Source:
    data = _object(record, where)
    return Source(
        id=_text(data, "id", where),
        title=_text(data, "title", where),
        publisher=_text(data, "publisher", where, optional=True),
        author=_text(data, "author", where, optional=True),
        url=_text(data, "url", where, optional=True),
        cited_by=_strings(data, "cited_by", where, default=True),
    )


def _handbook(value: Any) -> Handbook:
    data = _object(value, "crawl.json")
    version = _text(data, "schema_version", "crawl.json")
    if version not in SUPPORTED_VERSIONS:
        raise CrawlDataError(
            f"schema_version {version!r} is not one this reader knows "
            f"({', '.join(SUPPORTED_VERSIONS)}); update sphinx-crawl"
        )
    records = _key(data, "entries", "crawl.json")
    sources = _key(data, "sources", "crawl.json")
    for name, items in (("entries", records), ("sources", sources)):
        if not isinstance(items, list):
            raise CrawlDataError(f"crawl.json.{name}: expected a list, got {_kind(items)}")
    entries = tuple(_entry(record, f"entries[{i}]") for i, record in enumerate(records))
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if entry.id in seen:
            raise CrawlDataError(f"entries[{i}].id: {entry.id!r} is used twice")
        seen.add(entry.id)
    return Handbook(
        schema_version=version,
        project=_text(data, "project", "crawl.json"),
        generator=_text(data, "generator", "crawl.json"),
        entries=entries,
        sources=tuple(_source(record, f"sources[{i}]") for i, record in enumerate(sources)),
    )
