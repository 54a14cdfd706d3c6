"""What changed between two releases of a handbook: entries added, removed, and changed
with the keys that changed. Plain data, no Sphinx.

Both sides are ``crawl.json`` entry records (dicts, as the file holds them or as the
exporter makes them). Only what an entry says is compared: where it is published
(``url``, ``docname``), what others say of it (``related_by``), its own history
(``changed``) and where it came from (``imported``, ``adapted``) are not.
``crawl-changes.json`` is written from a :class:`Comparison`; its schema is here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

CHANGES_FILE = "crawl-changes.json"
CHANGES_SCHEMA_FILE = "crawl-changes.schema.json"
#: The version of crawl-changes.json's shape (the loader reads every earlier one).
CHANGES_VERSION = "1.0"

#: Keys of an entry record that are not what the entry says.
NOT_COMPARED = ("id", "url", "docname", "related_by", "changed", "imported", "adapted")
#: What a key missing from an older record means.
_ABSENT: dict[str, Any] = {"keywords": [], "relations": {}, "tags": [], "sources": []}


@dataclass(frozen=True)
class EntryChange:
    id: str
    type: str
    title: str
    #: The keys that changed (a changed entry), in the order of its record; () otherwise.
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    #: In the order of the newer file.
    added: tuple[EntryChange, ...]
    changed: tuple[EntryChange, ...]
    #: In the order of the older file.
    removed: tuple[EntryChange, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def comparable(record: Mapping[str, Any]) -> dict[str, Any]:
    """What the entry says: the record without the keys in NOT_COMPARED, tuples as lists,
    keys an older file leaves out as their empty value."""
    said = {key: _plain(value) for key, value in record.items() if key not in NOT_COMPARED}
    for key, empty in _ABSENT.items():
        said.setdefault(key, empty)
    return said


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def changed_keys(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys whose values differ (one missing on a side counts as changed)."""
    old, new = comparable(before), comparable(after)
    keys = list(dict.fromkeys([*new, *old]))
    return tuple(key for key in keys if old.get(key) != new.get(key))


def compare(
    previous: Iterable[Mapping[str, Any]], current: Iterable[Mapping[str, Any]]
) -> Comparison:
    """Entries of ``current`` not in ``previous`` (by id), those gone, those changed."""
    before = {record["id"]: record for record in previous}
    after = {record["id"]: record for record in current}

    def change(record: Mapping[str, Any], keys: tuple[str, ...] = ()) -> EntryChange:
        return EntryChange(str(record["id"]), str(record["type"]), str(record["title"]), keys)

    added = [change(r) for i, r in after.items() if i not in before]
    removed = [change(r) for i, r in before.items() if i not in after]
    changed = []
    for entry_id, record in after.items():
        if entry_id in before:
            keys = changed_keys(before[entry_id], record)
            if keys:
                changed.append(change(record, keys))
    return Comparison(tuple(added), tuple(changed), tuple(removed))


def changed_dates(
    previous: Iterable[Mapping[str, Any]] | None,
    comparison: Comparison | None,
    date: str | None,
) -> dict[str, str | None]:
    """Entry id -> the date of the release it last changed in: ``date`` for an entry
    added or changed since ``previous``; an unchanged one keeps the date ``previous``
    gave it (None before schema 1.4). Without a previous release: {}."""
    if previous is None or comparison is None:
        return {}
    dates: dict[str, str | None] = {str(record["id"]): record.get("changed") for record in previous}
    for change in (*comparison.added, *comparison.changed):
        dates[change.id] = date
    return dates


def build_changes_schema() -> dict[str, Any]:
    """JSON Schema 2020-12 for crawl-changes.json."""
    date = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    release = {"version": {"type": "string"}, "date": date}
    entry = {
        "type": "object",
        "required": ["id", "type", "title", "version", "date"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "type": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string", "description": "where it is now (not for removed)"},
            "fields": {
                "type": "array",
                "items": {"type": "string"},
                "description": (
                    "changed entries: the crawl.json keys that changed (a type's field "
                    "such as action, or title, text, age, tags, sources, keywords, a "
                    "relation)"
                ),
            },
            **release,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CHANGES_SCHEMA_FILE,
        "title": "sphinx-crawl: what changed since the previous release",
        "type": "object",
        "required": [
            "schema_version",
            "project",
            "language",
            "version",
            "date",
            "previous",
            "added",
            "changed",
            "removed",
        ],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": CHANGES_VERSION},
            "project": {"type": "string"},
            "language": {"type": "string"},
            "version": {
                "type": "string",
                "description": "this release: Sphinx's release (or version)",
            },
            "date": {**date, "description": "this release's date (YYYY-MM-DD)"},
            "previous": {
                "type": "object",
                "required": ["version", "generator"],
                "additionalProperties": False,
                "description": "the release compared with (crawl_previous)",
                "properties": {
                    "version": {"type": ["string", "null"]},
                    "generator": {"type": "string"},
                },
            },
            "added": {"type": "array", "items": entry},
            "changed": {"type": "array", "items": entry},
            "removed": {"type": "array", "items": entry},
        },
    }
