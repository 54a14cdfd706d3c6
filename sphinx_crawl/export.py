"""The JSON content API: ``crawl.json`` and ``crawl.schema.json``, written once per build.

Both are derived from plain domain data and the registry, in a stable order and
with no timestamps, so two builds of the same source give byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx_crawl.core.ages import AGE_KINDS
from sphinx_crawl.core.content_types import ContentType, ContentTypeRegistry
from sphinx_crawl.core.derive import cited_by, entry_url, page_file_uri
from sphinx_crawl.core.entries import ENTRY_KEYS, EntryData
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.output import html_output_dir, write_if_changed
from sphinx_crawl.quiet import nothing_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

# 1.1: ages carry their kind (window, from, by); 1.2: language, sources' language,
# entries' relations and related_by; 1.3: imported entries and sources say where from.
SCHEMA_VERSION = "1.3"
CONTENT_FILE = "crawl.json"
SCHEMA_FILE = "crawl.schema.json"


def entry_record(
    entry: EntryData,
    url: str,
    content_type: ContentType | None,
    relations: dict[str, list[str]] | None = None,
    related_by: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """One entry of crawl.json: the common keys in order, then the type's fields.
    ``relations`` are the links it declares that hold; ``related_by`` the back-links."""
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
    }
    if "imported" in entry:
        origin = entry["imported"]
        record["imported"] = {"from": origin["project"], "url": origin["url"]}
    order = [f.name for f in content_type.fields] if content_type else sorted(entry["fields"])
    for name in order:
        if name in entry["fields"]:
            record[name] = entry["fields"][name]
    return record


def entry_addresses(builder: Builder) -> Callable[[EntryData], str]:
    """Each entry's URL from the output root, for crawl.json and the search index alike:
    the file its page is written to (the one page of ``singlehtml``) and its anchor.
    Each page's URI is worked out once."""
    single_page = builder.config.root_doc + getattr(builder, "out_suffix", ".html")
    pages: dict[str, str] = {}

    def address(entry: EntryData) -> str:
        docname = entry["docname"]
        if docname not in pages:
            pages[docname] = page_file_uri(builder.get_target_uri(docname), single_page)
        return entry_url(pages[docname], entry["anchor"])

    return address


def build_content(app: Sphinx, builder: Builder) -> dict[str, Any]:
    domain = crawl_domain(builder.env)
    registry = crawl_domain(app.env).content_types
    entries = list(domain.by_id().values())
    address = entry_addresses(builder)
    sources = []
    for key, source in domain.sources().items():
        record = {
            "id": key,
            "title": source["title"],
            "publisher": source.get("publisher"),
            "author": source.get("author"),
            "url": source.get("url"),
            "language": source.get("language"),
            "cited_by": [e["id"] for e in cited_by(entries, key)],
        }
        if "imported_from" in source:
            record["imported_from"] = source["imported_from"]
        sources.append(record)
    return {
        "schema_version": SCHEMA_VERSION,
        "project": app.config.project,
        # The edition's language (BCP 47): titles, texts and labels are in it.
        "language": app.config.language or "en",
        "generator": f"sphinx-crawl {app.extensions['sphinx_crawl'].version}",
        "entries": [
            entry_record(
                e,
                address(e),
                registry.get(e["type"]),
                domain.relation_targets(e),
                domain.related_by(e["id"]),
            )
            for e in entries
        ],
        "sources": sources,
    }


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
        "required": ["schema_version", "project", "language", "generator", "entries", "sources"],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "project": {"type": "string"},
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


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _json_records(data: dict[str, Any]) -> str:
    """``data`` as JSON with one record of each list per line: as readable and diffable as
    indented JSON, and written by json's C encoder (``indent`` falls back to pure Python,
    which made crawl.json most of the cost of rebuilding after a one-line edit)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    members = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            records = ",\n    ".join(dumps(item) for item in value)
            members.append(f"  {dumps(key)}: [\n    {records}\n  ]")
        else:
            members.append(f"  {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(members) + "\n}\n"


def write_content_api(app: Sphinx, exception: Exception | None) -> None:
    outdir = html_output_dir(app, exception)
    if outdir is None:
        return
    if nothing_changed(app) and all((outdir / n).is_file() for n in (CONTENT_FILE, SCHEMA_FILE)):
        return
    write_if_changed(outdir / CONTENT_FILE, _json_records(build_content(app, app.builder)))
    write_if_changed(outdir / SCHEMA_FILE, _json(build_schema(crawl_domain(app.env).content_types)))


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_content_api)
