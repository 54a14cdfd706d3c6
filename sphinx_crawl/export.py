"""The JSON content API: ``crawl.json`` and ``crawl.schema.json``, written once per build.

Both are derived from plain domain data and the registry, in a stable order and
with no timestamps, so two builds of the same source give byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx_crawl.core.content_types import ContentType
from sphinx_crawl.core.derive import cited_by, entry_url, page_file_uri
from sphinx_crawl.core.entries import EntryData
from sphinx_crawl.core.schema import CONTENT_FILE, SCHEMA_FILE, SCHEMA_VERSION, build_schema
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.output import html_output_dir, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

# 1.1: ages carry their kind (window, from, by); 1.2: language, sources' language,
# entries' relations and related_by; 1.3: imported entries and sources say where from;
# 1.4: entries a crawl-extend changed say what, and how it was written.


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
    """``build-finished``: both files, each written only if its bytes change."""
    outdir = html_output_dir(app, exception)
    if outdir is None:
        return
    write_if_changed(outdir / CONTENT_FILE, _json_records(build_content(app, app.builder)))
    write_if_changed(outdir / SCHEMA_FILE, _json(build_schema(crawl_domain(app.env).content_types)))


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_content_api)
