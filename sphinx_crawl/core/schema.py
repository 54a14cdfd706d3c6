"""The JSON Schema of ``crawl.json`` records, from the content types. No Sphinx: the
schema directive (directives) and the exporter (outputs) both read it from here."""

from __future__ import annotations

from typing import Any

from sphinx_crawl.core.ages import AGE_KINDS
from sphinx_crawl.core.content_types import ContentType, ContentTypeRegistry
from sphinx_crawl.core.entries import ENTRY_KEYS, EntryData

#: The version of crawl.json's shape (the loader, api.py, reads every earlier one too).
SCHEMA_VERSION = "1.4"
CONTENT_FILE = "crawl.json"
SCHEMA_FILE = "crawl.schema.json"


def entry_record(
    entry: EntryData,
    url: str,
    content_type: ContentType | None,
    relations: dict[str, list[str]] | None = None,
    related_by: dict[str, list[str]] | None = None,
    changed: str | None = None,
) -> dict[str, Any]:
    """One entry of crawl.json: the common keys in order, then the type's fields.
    ``relations`` are the links it declares that hold; ``related_by`` the back-links;
    ``changed`` the date of the release it last changed in (None: not known)."""
    record: dict[str, Any] = {
        "id": entry["id"],
        "type": entry["type"],
        "title": entry["title"],
        "url": url,
        "docname": entry["docname"],
        "age": entry["age"],
        "tags": entry["tags"],
        "sources": entry["sources"],
        "keywords": entry["keywords"],
        "text": entry["text"],
        "relations": relations or {},
        "related_by": related_by or {},
        "changed": changed,
    }
    if "imported" in entry:
        origin = entry["imported"]
        record["imported"] = {"from": origin["project"], "url": origin["url"]}
    if "adapted" in entry:
        adapted = entry["adapted"]
        record["adapted"] = {
            "by": adapted["by"],
            "original": adapted["original"],
            "adaptation": adapted["adaptation"],
        }
    order = [f.name for f in content_type.fields] if content_type else sorted(entry["fields"])
    for name in order:
        if name in entry["fields"]:
            record[name] = entry["fields"][name]
    return record


def build_schema(registry: ContentTypeRegistry) -> dict[str, Any]:
    """JSON Schema 2020-12 for crawl.json, with one entry shape per registered type."""
    strings = {"type": "array", "items": {"type": "string"}}
    common: dict[str, Any] = {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "docname": {"type": "string"},
        "age": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/age"}]},
        "tags": strings,
        "sources": strings,
        "keywords": strings,
        "text": {"type": "string"},
        "relations": {
            "type": "object",
            "description": "relation name -> ids of the entries this entry links to",
            "additionalProperties": strings,
        },
        "related_by": {
            "type": "object",
            "description": "relation name -> ids of the entries that link to this one",
            "additionalProperties": strings,
        },
        "changed": {
            "type": ["string", "null"],
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": (
                "the date (YYYY-MM-DD) of the release this entry last changed in, as "
                "crawl_previous tells (added or changed since the previous release: this "
                "release's date); null: not known"
            ),
        },
        "imported": {
            "type": "object",
            "description": (
                "only on entries taken from another handbook or a data file (crawl-import): "
                "who wrote them, and where they are published (null: not known)"
            ),
            "required": ["from", "url"],
            "additionalProperties": False,
            "properties": {
                "from": {"type": "string"},
                "url": {"type": ["string", "null"], "pattern": "^https?://"},
            },
        },
        "adapted": {
            "type": "object",
            "description": (
                "only on entries a crawl-extend of this project changed: who changed them "
                "(this project), and each changed key (a field, a relation, tags, keywords "
                "or sources) as it was written (original; null: it had none) and as it is "
                "now (adaptation, also the entry's own value)"
            ),
            "required": ["by", "original", "adaptation"],
            "additionalProperties": False,
            "properties": {
                "by": {"type": "string"},
                "original": {"type": "object"},
                "adaptation": {"type": "object"},
            },
        },
    }
    defs: dict[str, Any] = {
        "age": {
            "type": "object",
            "required": ["min_months", "max_months", "label", "kind"],
            "additionalProperties": False,
            "description": (
                "window: applies from min_months to max_months; from: applies at "
                "min_months and after; by: expected by min_months, so it matters at "
                "min_months and after (max_months is null for from and by)"
            ),
            "properties": {
                "min_months": {"type": "number", "minimum": 0},
                "max_months": {"type": ["number", "null"], "minimum": 0},
                "label": {"type": "string"},
                "kind": {"enum": list(AGE_KINDS)},
            },
        },
        "source": {
            "type": "object",
            "required": ["id", "title", "publisher", "author", "url", "language", "cited_by"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "title": {"type": "string"},
                "publisher": {"type": ["string", "null"]},
                "author": {"type": ["string", "null"]},
                "url": {"type": ["string", "null"], "pattern": "^https?://"},
                # Null: the handbook's own language.
                "language": {"type": ["string", "null"]},
                "cited_by": strings,
                # Only on sources of imported entries: who described them.
                "imported_from": {"type": "string"},
            },
        },
    }
    for ct in registry:
        properties = {**common, "type": {"const": ct.name}}
        required = list(ENTRY_KEYS)
        for spec in ct.fields:
            properties[spec.name] = {**spec.schema, "description": str(spec.help)}
            # Only what every record has: a field authors must give and that has a
            # built-in fallback. A value that could not be read, or a plugin default
            # that failed (each a located warning), leaves the field out of its record,
            # so crawl.json validates even for a build with warnings.
            if spec.required and spec.default is not None:
                required.append(spec.name)
        defs[f"entry-{ct.name}"] = {
            "type": "object",
            "description": str(ct.help),
            "required": required,
            "additionalProperties": False,
            "properties": properties,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": "sphinx-crawl content API",
        "type": "object",
        "required": [
            "schema_version",
            "project",
            "version",
            "language",
            "generator",
            "entries",
            "sources",
        ],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "project": {"type": "string"},
            "version": {
                "type": "string",
                "description": "the handbook's release (Sphinx's release or version; may be empty)",
            },
            "language": {"type": "string", "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"},
            "generator": {"type": "string"},
            "entries": {
                "type": "array",
                "items": {"oneOf": [{"$ref": f"#/$defs/entry-{ct.name}"} for ct in registry]},
            },
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        },
        "$defs": defs,
    }
