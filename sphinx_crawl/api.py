"""Read a built handbook's ``crawl.json`` back into typed Python objects.

>>> from sphinx_crawl.api import load
>>> handbook = load("docs/_build/html/crawl.json")
>>> [e.title for e in handbook.entries_of("red-flag") if e.urgency == "urgent"]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.entries import ENTRY_KEYS


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

    def entry(self, entry_id: str) -> Entry:
        return next(entry for entry in self.entries if entry.id == entry_id)

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)


def _entry(record: dict[str, Any]) -> Entry:
    age = record["age"]
    return Entry(
        id=record["id"],
        type=record["type"],
        title=record["title"],
        url=record["url"],
        docname=record["docname"],
        age=AgeRange.from_dict(age) if age else None,
        tags=tuple(record["tags"]),
        sources=tuple(record["sources"]),
        keywords=tuple(record.get("keywords", ())),
        text=record["text"],
        fields={k: v for k, v in record.items() if k not in ENTRY_KEYS},
    )


def load(path: str | Path, *, validate: bool = False) -> Handbook:
    """Load ``crawl.json``; with ``validate``, check it against the schema beside it."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if validate:
        import jsonschema

        schema = json.loads((path.parent / "crawl.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
    return Handbook(
        schema_version=data["schema_version"],
        project=data["project"],
        generator=data["generator"],
        entries=tuple(_entry(record) for record in data["entries"]),
        sources=tuple(
            Source(
                id=s["id"],
                title=s["title"],
                publisher=s.get("publisher"),
                author=s.get("author"),
                url=s.get("url"),
                cited_by=tuple(s.get("cited_by", ())),
            )
            for s in data["sources"]
        ),
    )
