"""The JSON content API: ``crawl.json`` and ``crawl.schema.json``, written once per build;
with ``crawl_previous``, ``crawl-changes.json`` and its schema too.

Both are derived from plain domain data and the registry, in a stable order and
with no timestamps, so two builds of the same source give byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sphinx_crawl.changes import comparison, entry_dates, previous_release, release
from sphinx_crawl.core.changes import (
    CHANGES_FILE,
    CHANGES_SCHEMA_FILE,
    CHANGES_VERSION,
    EntryChange,
    build_changes_schema,
)
from sphinx_crawl.core.cycle_gc import with_cycle_gc_paused
from sphinx_crawl.core.derive import cited_by, entry_url, page_file_uri
from sphinx_crawl.core.entries import EntryData
from sphinx_crawl.core.schema import (
    CONTENT_FILE,
    SCHEMA_FILE,
    SCHEMA_VERSION,
    build_schema,
    entry_record,
)
from sphinx_crawl.domain import crawl_domain, names_any
from sphinx_crawl.i18n import language_tag
from sphinx_crawl.incremental import outputs_current
from sphinx_crawl.kept import hold, load_kept, position_key, save_held
from sphinx_crawl.output import (
    file_stamp,
    html_output_dir,
    write_bytes_if_changed,
    write_if_changed,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

# 1.1: ages carry their kind (window, from, by); 1.2: language, sources' language,
# entries' relations and related_by; 1.3: imported entries and sources say where from;
# 1.4: entries a crawl-extend changed say what, and how it was written.


#: What a page's address keeps as it is: its path's separators and escapes.
_URI_SAFE = "/%:@!$&'()*+,;=~"


def entry_addresses(builder: Builder) -> Callable[[EntryData], str]:
    """Each entry's URL from the output root, for crawl.json and the search index alike:
    the file its page is written to (the one page of ``singlehtml``) and its anchor.
    Each page's URI is worked out once."""
    single_page = builder.config.root_doc + getattr(builder, "out_suffix", ".html")
    pages: dict[str, str] = {}

    def address(entry: EntryData) -> str:
        docname = entry["docname"]
        if docname not in pages:
            # Percent-encoded whatever the builder (html's are, dirhtml's are not); what
            # is encoded already stays as it is.
            uri = page_file_uri(builder.get_target_uri(docname), single_page)
            pages[docname] = quote(uri, safe=_URI_SAFE)
        return entry_url(pages[docname], entry["anchor"])

    return address


#: The name crawl.json's entries are kept under between builds (sphinx_crawl/kept.py).
CONTENT_KEPT = "content"


#: How crawl.json lays its entries out: one record a line (read back by _kept_records).
_BETWEEN = b",\n    "
_RECORDS_START = b'\n  "entries": [\n    '
_RECORDS_END = b"\n  ]"


@dataclass(frozen=True)
class EncodedRecords:
    """A list's records encoded as JSON, as crawl.json holds them: one a line, joined
    (``block``), each starting at its offset in ``starts``. An edit replaces a few in the
    block rather than joining 20,000 records (12 MB) again."""

    block: bytes | memoryview
    starts: list[int]
    #: The file the block was read from, as read (the last build's crawl.json).
    read_from: bytes | None = None

    @classmethod
    def joined(cls, records: list[bytes]) -> EncodedRecords:
        lengths = (len(record) + len(_BETWEEN) for record in records[:-1])
        return cls(_BETWEEN.join(records), list(accumulate(lengths, initial=0)) if records else [])

    def _end(self, n: int) -> int:
        last = n + 1 == len(self.starts)
        return len(self.block) if last else self.starts[n + 1] - len(_BETWEEN)

    def replaced(self, new: dict[int, bytes]) -> EncodedRecords:
        """These records, with those at the positions ``new`` gives replaced."""
        view = memoryview(self.block)
        pieces: list[bytes | memoryview] = []
        starts: list[int] = []
        at = shift = 0
        for n in sorted(new):
            start, end = self.starts[n], self._end(n)
            pieces += [view[at:start], new[n]]
            starts += map(shift.__add__, self.starts[len(starts) : n + 1])
            shift += len(new[n]) - (end - start)
            at = end
        pieces.append(view[at:])
        starts += map(shift.__add__, self.starts[len(starts) :])
        return EncodedRecords(b"".join(pieces), starts, self.read_from)


def build_content(app: Sphinx, builder: Builder) -> dict[str, Any]:
    domain = crawl_domain(builder.env)
    entries = list(domain.by_id().values())
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
        "version": release(app.config).version,
        # The edition's language (BCP 47): titles, texts and labels are in it.
        "language": language_tag(app.config),
        "generator": f"sphinx-crawl {app.extensions['sphinx_crawl'].version}",
        "entries": _entry_records(app, builder, entries),
        "sources": sources,
    }


def _entry_records(app: Sphinx, builder: Builder, entries: list[EntryData]) -> EncodedRecords:
    """Each entry's record, encoded; after an edit, those of the entries it may change
    (theirs, and those of entries linking to them or linked from them), the rest as
    the last build kept them (an edit re-encoded 20,000 records: 0.25 s)."""
    domain = crawl_domain(builder.env)
    positions = [position_key(entry) for entry in entries]
    found = load_kept(app, CONTENT_KEPT, positions, domain.referencing())
    kept = None if found is None else _kept_records(app, found.payload, len(entries))
    if found is None or kept is None:
        redo: Iterable[int] = range(len(entries))
        related_by = domain.related_by
    else:
        edits = found.edits
        redo = sorted(
            found.redo
            | {
                n
                for n, entry in enumerate(entries)
                # (names_any asked only of entries with links: 0.013 -> 0.006 s at 20,000)
                if entry["id"] in edits.targets
                or (entry.get("relations") and names_any(entry, edits.ids))
            }
        )
        back = domain.back_links({entries[n]["id"] for n in redo})
        related_by = partial(_links_to, back)
    registry = domain.content_types
    address = entry_addresses(builder)
    dates = entry_dates(domain)
    this_release = release(app.config)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    records: dict[int, bytes] = {}
    for n in redo:
        entry = entries[n]
        record = entry_record(
            entry,
            address(entry),
            registry.get(entry["type"]),
            domain.relation_targets(entry),
            related_by(entry["id"]),
            dates.get(entry["id"], this_release.date),
        )
        records[n] = dumps(record).encode("utf-8")
    # Kept in crawl.json itself: what the next build keeps is where this one wrote the
    # records (write_content_api), not a second copy of them.
    hold(app, CONTENT_KEPT, positions, None)
    if kept is None:
        return EncodedRecords.joined([records[n] for n in range(len(entries))])
    return kept.replaced(records)


def _kept_records(app: Sphinx, payload: Any, count: int) -> EncodedRecords | None:
    """The ``count`` entries' records as the last build wrote them into crawl.json, if
    the file is still as written then (its size and time: ``payload``, from
    :func:`_where_kept`)."""
    path = Path(app.outdir) / CONTENT_FILE
    if not isinstance(payload, dict) or file_stamp(path) != payload.get("file"):
        return None
    at, size, starts = payload.get("at"), payload.get("size"), payload.get("starts")
    if not isinstance(at, int) or not isinstance(size, int):
        return None
    if not isinstance(starts, list) or len(starts) != count:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[at - len(_RECORDS_START) : at] != _RECORDS_START:
        return None
    if data[at + size : at + size + len(_RECORDS_END)] != _RECORDS_END:
        return None
    return EncodedRecords(memoryview(data)[at : at + size], starts, data)


def _where_kept(path: Path, data: bytes, records: Any) -> dict[str, Any] | None:
    """Where crawl.json, as just written (``data``), holds the entries' ``records``."""
    if not isinstance(records, EncodedRecords) or not records.starts:
        return None
    at = data.find(_RECORDS_START) + len(_RECORDS_START)
    return {
        "file": file_stamp(path),
        "at": at,
        "size": len(records.block),
        "starts": records.starts,
    }


def _links_to(back: dict[str, dict[str, list[str]]], entry_id: str) -> dict[str, list[str]]:
    return back.get(entry_id, {})


def build_changes(app: Sphinx, builder: Builder) -> dict[str, Any] | None:
    """crawl-changes.json: what changed since crawl_previous (None: nothing compared)."""
    domain = crawl_domain(builder.env)
    found = comparison(domain)
    previous = previous_release(app.config)
    if found is None or previous is None:
        return None
    this_release = release(app.config)
    stamp = {"version": this_release.version, "date": this_release.date}
    known = domain.by_id()
    address = entry_addresses(builder)

    def record(change: EntryChange, *, now: bool = True, keys: bool = False) -> dict[str, Any]:
        item: dict[str, Any] = {"id": change.id, "type": change.type, "title": change.title}
        if now:
            item["url"] = address(known[change.id])
        if keys:
            item["fields"] = list(change.keys)
        return {**item, **stamp}

    return {
        "schema_version": CHANGES_VERSION,
        "project": app.config.project,
        "language": language_tag(app.config),
        **stamp,
        "previous": {
            "version": previous.handbook.version or None,
            "generator": previous.handbook.generator,
        },
        "added": [record(c) for c in found.added],
        "changed": [record(c, keys=True) for c in found.changed],
        "removed": [record(c, now=False) for c in found.removed],
    }


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _json_records(data: dict[str, Any]) -> bytes:
    """``data`` as JSON (UTF-8) with one record of each list per line: as readable and
    diffable as indented JSON, and written by json's C encoder (``indent`` falls back to
    pure Python, which made crawl.json most of the cost of rebuilding after a one-line
    edit). Joined once, as bytes: crawl.json is 12 MB at 20,000 entries."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    pieces: list[bytes | memoryview] = [b"{\n"]
    for key, value in data.items():
        if len(pieces) > 1:
            pieces.append(b",\n")
        if isinstance(value, EncodedRecords):
            block = value.block
        elif isinstance(value, list) and value:
            block = _BETWEEN.join(dumps(item).encode("utf-8") for item in value)
        else:
            pieces.append(f"  {dumps(key)}: {dumps(value)}".encode())
            continue
        if block:
            pieces += [f"  {dumps(key)}: [\n    ".encode(), block, _RECORDS_END]
        else:
            pieces.append(f"  {dumps(key)}: []".encode())
    pieces.append(b"\n}\n")
    return b"".join(pieces)


@with_cycle_gc_paused
def write_content_api(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: both files, each written only if its bytes change."""
    outdir = html_output_dir(app, exception)
    if outdir is None or outputs_current(app):
        return  # not HTML, or as the last finished build left them (nothing was read)
    path = outdir / CONTENT_FILE
    content = build_content(app, app.builder)
    data = _json_records(content)
    write_bytes_if_changed(path, data, getattr(content["entries"], "read_from", None))
    # The records, for the next build: where crawl.json, as written now, holds them.
    save_held(app, CONTENT_KEPT, _where_kept(path, data, content["entries"]))
    write_if_changed(outdir / SCHEMA_FILE, _json(build_schema(crawl_domain(app.env).content_types)))
    changes = build_changes(app, app.builder)
    if changes is not None:
        write_bytes_if_changed(outdir / CHANGES_FILE, _json_records(changes))
        write_if_changed(outdir / CHANGES_SCHEMA_FILE, _json(build_changes_schema()))
    else:
        # Nothing compared (crawl_previous unset, or unreadable): an earlier build's list
        # stayed beside a crawl.json it no longer described (its entries' `changed`
        # dates gone), where a clean build writes none.
        for name in (CHANGES_FILE, CHANGES_SCHEMA_FILE):
            (outdir / name).unlink(missing_ok=True)


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_content_api)
