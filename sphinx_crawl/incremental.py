"""Rewrite pages that show collected entries exactly when what they show changes.

sphinx.ext.todo's list goes stale on incremental builds (Sphinx #9706). Here
every page that collects (crawl-list, crawl-sources, links to entries, source
links) has a digest of what it shows. The digests of the pages in the output
folder are kept beside them (``.crawl-shown.json``) and written only when a build
has finished writing: a build that is killed or fails part-way leaves the last
good record, so the next build rewrites whatever the broken one may have left
stale. (Kept in the pickled environment instead, they were saved before any page
was written, and a killed build left stale pages that no later build fixed.)

A rebuild that reads no page has nothing new to show, so the files worked out from
all the entries (the search index, crawl.json, the record of what pages show, the
index pages of each content type) are not worked out again when they are as the last
finished build left them. Whether they are is decided from the content, never from
"nothing changed" plus "the file exists": the domain data carry a state (a digest of
them), worked out again whenever a page is read or removed (:func:`data_changing`,
:func:`data_settled`); a finished build records that state, the build's configuration
(Sphinx's hash of its HTML settings, its tags), sphinx_crawl's own files and
language catalogs, and the size and modification time of each of those files
(``crawl-outputs-html.json`` in the doctree folder). A later build whose state,
configuration and code match, and whose files are still those
(:func:`outputs_current`), keeps them. After an edit, an index page whose list is the
same, written with the same configuration, code and page titles, is kept too
(:func:`keep_unchanged_index_pages`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import sphinx
from sphinx.environment import CONFIG_OK

from sphinx_crawl.config import SETTINGS, crawl_config
from sphinx_crawl.core.cycle_gc import with_cycle_gc_paused
from sphinx_crawl.core.entries import EntryData, entry_refers, split_list
from sphinx_crawl.core.schema import CONTENT_FILE, SCHEMA_FILE
from sphinx_crawl.core.stored import decode_page_list
from sphinx_crawl.domain import STATE, CrawlDomain, crawl_domain
from sphinx_crawl.output import file_stamp, html_output_dir, write_if_changed
from sphinx_crawl.selection import (
    SHARED_KINDS,
    ChangedEntries,
    may_show_changed,
    shared_views,
    view_digest,
)
from sphinx_crawl.unfinished import must_redo

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SHOWN_FILE = ".crawl-shown.json"
#: The record of the files made from all entries, in the doctree folder (Sphinx's
#: cache, beside its pickled environment), one per builder; it holds modification
#: times, so it is kept out of the output folder, which a build fills byte for byte as
#: a clean build does. (Before, ``.crawl-outputs.json`` in the output folder.)
OUTPUTS_FILE = "crawl-outputs-{builder}.json"
_OLD_OUTPUTS_FILE = ".crawl-outputs.json"
#: What outputs_current found, once per build.
_CURRENT: WeakKeyDictionary[Sphinx, bool] = WeakKeyDictionary()
#: The last finished build's record, as this build may use it (_last_build), and what
#: every output is written with (_build_parts): once per build.
_LAST: WeakKeyDictionary[Sphinx, dict[str, Any] | None] = WeakKeyDictionary()
_PARTS: WeakKeyDictionary[Sphinx, list[str] | None] = WeakKeyDictionary()
_PACKAGE = Path(__file__).resolve().parent


def _digests(app: Sphinx, domain: CrawlDomain) -> dict[str, str]:
    """Computed once per state of the domain data (after reading, and again at the end);
    a page no changed entry can show keeps the digest its file was written with."""
    if "digests" not in domain.views_cache:
        kept = _unchanged_digests(app, domain)
        domain.views_cache["digests"] = {
            docname: kept.get(docname) or view_digest(domain, docname, domain.content_types)
            for docname in sorted(domain.collectors)
        }
    digests: dict[str, str] = domain.views_cache["digests"]
    return digests


def _written(app: Sphinx) -> dict[str, str]:
    """What the pages now in the output folder show, as the last finished build saw it."""
    try:
        data = json.loads((Path(app.outdir) / SHOWN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@with_cycle_gc_paused
def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if outputs_current(app):
        keep_index_pages(app)
        return []  # what every page shows is what the record says (nothing was read)
    recorded = _record(app).get("indexed")
    if isinstance(recorded, list) and recorded != _indexed(app):
        # An index page came or went (the first tip, the last one): the header of
        # every page links the index pages (classic, nature...), an index page's too.
        return sorted(env.found_docs)
    keep_unchanged_index_pages(app)
    written = _written(app)
    return [
        doc
        for doc, digest in _digests(app, crawl_domain(env)).items()
        if written.get(doc) != digest
    ]


def _indexed(app: Sphinx) -> list[str]:
    """The content types' index pages this build has (those of types with entries),
    once per state of the data."""
    domain = crawl_domain(app.env)
    if "indexed" not in domain.views_cache:
        # The types column of the objects (kept with the data's state, once per state):
        # every entry's type, without a pass over 20,000 entries.
        types = set(domain.object_columns()[2])
        domain.views_cache["indexed"] = [
            f"{domain.name}-{index.name}"
            for index in _indices(app)
            if index.content_type.name in types
        ]
    indexed: list[str] = domain.views_cache["indexed"]
    return indexed


# -- what an edit changed: pages that cannot show it keep their digests -------------------

#: Entry keys that say where an entry's directive is, not what a page shows of it: a
#: line added above an entry changes them.
_PLACE_KEYS = ("lineno", "included")


def _last_build(app: Sphinx) -> dict[str, Any] | None:
    """The record of the last finished build, if this build started from the data it
    was made from (not after a build that stopped part-way) and with the same
    configuration, code and page titles; else None: anything may have changed. Read
    once per build, once every page is read (asked by each index page and kept file:
    reading the record and digesting the titles each time cost an edit at 20,000
    entries 0.1 s)."""
    if app not in _LAST:
        _LAST[app] = _find_last_build(app)
    return _LAST[app]


def _find_last_build(app: Sphinx) -> dict[str, Any] | None:
    start = _START.get(app)
    if not start or app.builder.format != "html" or must_redo(app):
        return None
    record = _record(app)
    key = _page_key(app)
    if key is None or record.get("state") != start or record.get("pages_key") != key:
        return None
    return record


def _comparable(entry: EntryData) -> str:
    return json.dumps(
        {k: v for k, v in entry.items() if k not in _PLACE_KEYS}, sort_keys=True, default=repr
    )


def _since_last_build(app: Sphinx) -> tuple[dict[str, Any], ChangedEntries] | None:
    """The last finished build's record and what changed since, where a page or an
    index page may keep what that build recorded; None: work everything out."""
    record = _last_build(app)
    changed = None if record is None else changed_entries(app, record)
    return None if record is None or changed is None else (record, changed)


@dataclass(frozen=True)
class Edits:
    """What changed since the last finished build, for files kept between builds."""

    start: str  # the data's state as this build started (the last build's)
    pages: frozenset[str]  # the pages read again or removed
    ids: frozenset[str]  # the ids of the entries changed (as they are known)
    targets: frozenset[str]  # the ids their relations name, before and after


def edits_since_last_build(app: Sphinx) -> Edits | None:
    """The pages read again and the entries changed since the last finished build, which
    this build started from with the same configuration, code and page titles; None
    where anything may have changed (work everything out)."""
    since = _since_last_build(app)
    start = _START.get(app)
    if since is None or not start:
        return None
    changed = since[1]
    return Edits(start, frozenset(_BEFORE.get(app, {})), changed.ids, changed.targets)


def changed_entries(app: Sphinx, record: dict[str, Any]) -> ChangedEntries | None:
    """What the pages read again changed of the entries since the last finished build;
    None where more than entries may have changed what other pages show: a crawl-extend
    on a page read again, ids made unique otherwise than the last build made them, or a
    reference in a title or field (which shows another entry's title)."""
    if "changed" in (cache := crawl_domain(app.env).views_cache):
        found: ChangedEntries | None = cache["changed"]
        return found
    cache["changed"] = found = _changed_entries(app, record)
    return found


def _changed_entries(app: Sphinx, record: dict[str, Any]) -> ChangedEntries | None:
    domain = crawl_domain(app.env)
    before = _BEFORE.get(app, {})
    changed: list[EntryData] = []
    for docname, (old_raw, old_extensions) in before.items():
        if old_extensions or domain.extensions_by_doc.get(docname):
            return None
        new_raw = domain.data["entries"].get(docname)
        if new_raw == old_raw:
            continue
        old_entries = decode_page_list(old_raw)
        new_entries = domain.entries_by_doc.get(docname, [])
        old_keys = [_comparable(e) for e in old_entries]
        new_keys = [_comparable(e) for e in new_entries]
        old = dict(zip(old_keys, old_entries, strict=True))
        new = dict(zip(new_keys, new_entries, strict=True))
        changed += [e for key, e in old.items() if key not in new]
        changed += [e for key, e in new.items() if key not in old]
        if [k for k in old_keys if k in new] != [k for k in new_keys if k in old]:
            # Entries kept in another order: which of two with one id is first, and the
            # order of back-links, follow the page's order.
            changed += [e for key, e in new.items() if key in old]
    if record.get("unique") != _unique_digest(domain):
        return None
    # Of the entries referring to anything (title, fields or text; known once per state),
    # those whose title or a field does: not every entry again.
    stored = domain.stored_by_id()
    if any(_has_references(stored[entry_id]) for entry_id in domain.referencing()):
        return None
    ids = {entry["id"] for entry in changed}
    # And the ids they are known by, made unique (as the last build made them too).
    made = domain.made_unique()
    ids |= {made[key][0] for e in changed if (key := (e["docname"], e["anchor"])) in made}
    # A crawl-extend (on a page not read again) may give entries relations, chosen by
    # id, type or tag: their links show the ids it names, whose back-links show them.
    extended = _extended_relation_targets(domain)
    if not extended.isdisjoint(ids):
        return None
    # Any entry holding one of those ids, also unchanged on a page read again: a
    # duplicate that now wins or loses (an index page of its type lists it or not).
    changed += [
        entry
        for entries in domain.entries_by_doc.values()
        for entry in entries
        if entry["id"] in ids
    ]
    return ChangedEntries(
        ids=frozenset(ids),
        types=frozenset(entry["type"] for entry in changed),
        targets=frozenset(
            target
            for entry in changed
            for targets in (entry.get("relations") or {}).values()
            for target in targets
        )
        | extended,
    )


def _extended_relation_targets(domain: CrawlDomain) -> frozenset[str]:
    """The ids every crawl-extend's relation options name (set or appended)."""
    relations = {r.name for content_type in domain.content_types for r in content_type.relations}
    return frozenset(
        target
        for extensions in domain.extensions_by_doc.values()
        for extension in extensions
        for changes in (extension["set"], extension["append"])
        for option, raw in changes.items()
        if option in relations
        for target in (split_list(raw) if isinstance(raw, str) else map(str, raw or []))
    )


def _has_references(entry: EntryData) -> bool:
    """Whether the entry's title or a field names another entry or a source: what it
    shows then follows other pages (its title in every list, its badge), which the
    changes of one page do not say. (Its text alone does not stop an edit's shortcut: the
    outputs kept redo such an entry every time, CrawlDomain.referencing.)"""
    return entry_refers(entry, text=False)


def _unique_digest(domain: CrawlDomain) -> str:
    """Which entries are known by ids made unique, and by which (CrawlDomain.made_unique)."""
    made = sorted(
        [doc, anchor, known_as] for (doc, anchor), (known_as, _) in domain.made_unique().items()
    )
    return hashlib.sha256(json.dumps(made).encode()).hexdigest()


def _unchanged_digests(app: Sphinx, domain: CrawlDomain) -> dict[str, str]:
    """The pages (not read again) whose every view surely shows no changed entry, with
    the digest their file was written with: an edit works out the views of the pages
    that may show it, not of every page (0.5 s of 4.4 at 20,000 entries)."""
    since = _since_last_build(app)
    if since is None:
        return {}
    record, changed = since
    shared_same = record.get("shared") == shared_views(domain)
    written = _written(app)
    read = _BEFORE.get(app, {})
    return {
        docname: written[docname]
        for docname, specs in domain.collectors.items()
        if docname not in read
        and docname in written
        and not any(
            (spec["kind"] in SHARED_KINDS and not shared_same) or may_show_changed(spec, changed)
            for spec in specs
        )
    }


@with_cycle_gc_paused
def record_written(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return  # leave the last good record: the next build rewrites what this one missed
    outdir = Path(app.outdir)
    if outdir.is_dir() and not outputs_current(app):
        digests = _digests(app, crawl_domain(app.env))
        write_if_changed(outdir / SHOWN_FILE, json.dumps(digests, indent=1, sort_keys=True) + "\n")


# -- files worked out from every entry: kept when nothing was read ------------------


def new_build(app: Sphinx, env: BuildEnvironment, *changes: object) -> list[str]:
    """``env-get-outdated``, as each build starts: decide afresh, from the state of the
    data the last build saved."""
    _CURRENT.pop(app, None)
    _LAST.pop(app, None)
    _RECORD.pop(app, None)
    _PARTS.pop(app, None)
    _BEFORE[app] = {}
    _START[app] = crawl_domain(env).data.get(STATE)
    _LAST_INDICES[app] = set(_record(app).get("indices") or {})
    return []


_DOC_STATES = "doc_states"
_PER_DOC = ("entries", "collectors", "extensions")
#: The pages purged (to be read again, or removed) in this build.
_PURGED: WeakKeyDictionary[Sphinx, set[str]] = WeakKeyDictionary()


#: The index pages the last finished build wrote (its record), as each build starts.
_LAST_INDICES: WeakKeyDictionary[Sphinx, set[str]] = WeakKeyDictionary()
#: The state of the data as each build started (the one the last build saved).
_START: WeakKeyDictionary[Sphinx, str | None] = WeakKeyDictionary()
#: The pages purged in this build, with their entries and crawl-extends as stored before.
_BEFORE: WeakKeyDictionary[Sphinx, dict[str, tuple[Any, Any]]] = WeakKeyDictionary()


def data_changing(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc`` (a page about to be read again, or removed): a new state."""
    domain = crawl_domain(env)
    domain.data[STATE] = None
    _PURGED.setdefault(app, set()).add(docname)
    before = _BEFORE.setdefault(app, {})
    if docname not in before:
        data = domain.data
        before[docname] = (data["entries"].get(docname), data["extensions"].get(docname))


@with_cycle_gc_paused
def data_settled(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``, before the environment is saved: the new state, a digest of the
    data (sorted JSON: the same under -j), so the same sources give the same record as
    a clean build, and an edit undone finds its files current again. Each page's part
    is digested when it is read, not every page at every build."""
    data = crawl_domain(env).data
    purged = _PURGED.pop(app, set())
    if data.get(STATE):
        return []
    states: dict[str, str] | None = data.get(_DOC_STATES)
    if not isinstance(states, dict):
        states, purged = {}, {doc for key in _PER_DOC for doc in data[key]}
    for docname in purged:
        part = [data[key].get(docname) for key in _PER_DOC]
        if any(part):
            text = json.dumps(part, sort_keys=True, default=repr, separators=(",", ":"))
            states[docname] = hashlib.sha256(text.encode()).hexdigest()
        else:
            states.pop(docname, None)
    data[_DOC_STATES] = states
    whole = json.dumps([data.get("version"), sorted(states.items())], separators=(",", ":"))
    data[STATE] = hashlib.sha256(whole.encode()).hexdigest()
    crawl_domain(env).remember_views()
    return []


def _code_digest() -> str:
    """sphinx_crawl's own files (code, scripts, catalogs), by name, size and time."""
    digest = hashlib.sha256(sphinx.__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(
                f"{path.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns};".encode()
            )
    return digest.hexdigest()


def _settings_digest(app: Sphinx) -> str:
    """The build's language and every ``crawl_*`` setting: Sphinx's hash holds only the
    HTML settings, and these decide files no page's data changes with (a new
    ``crawl_place`` changes the search's emergency numbers)."""
    values = [app.config.language, *(repr(getattr(app.config, s.name, None)) for s in SETTINGS)]
    return hashlib.sha256(json.dumps(values, default=repr).encode()).hexdigest()


def _build_parts(app: Sphinx) -> list[str] | None:
    """What every output is also written with: Sphinx's hash of the HTML settings, ours
    and the language, the tags, the builder and sphinx_crawl's own files; None where it
    cannot be told. Worked out once per build."""
    if app not in _PARTS:
        _PARTS[app] = _find_build_parts(app)
    return _PARTS[app]


def _find_build_parts(app: Sphinx) -> list[str] | None:
    info = getattr(app.builder, "build_info", None)
    config_hash = getattr(info, "config_hash", None)
    if not config_hash:
        return None
    tags = str(getattr(info, "tags_hash", ""))
    return [config_hash, _settings_digest(app), tags, app.builder.name, _code_digest()]


def _key(app: Sphinx) -> str | None:
    """What the outputs are worked out from; None where it cannot be told."""
    if crawl_config(app.config).previous:
        return None  # crawl.json's changed dates follow the previous release and the day
    state = crawl_domain(app.env).data.get(STATE)
    parts = _build_parts(app)
    if not state or parts is None:
        return None
    # And the pages' titles: a heading edited changes no data, but the age filter of
    # the pages with ages names the signs page by its title (CrawlDomain.signs_page).
    titles = json.dumps(_titles(app), separators=(",", ":"))
    return hashlib.sha256("\n".join([state, *parts, titles]).encode()).hexdigest()


def _titles(app: Sphinx) -> list[tuple[str, str]]:
    return sorted((doc, app.env.titles[doc].astext()) for doc in app.env.titles)


def _page_key(app: Sphinx) -> str | None:
    """What a page of ours is written from besides what it shows: the build's parts
    (and no configuration changed since the environment was saved), and the pages and
    their titles (a theme's navigation lists them); None where it cannot be told."""
    parts = _build_parts(app)
    if parts is None or app.env.config_status != CONFIG_OK:
        return None
    text = json.dumps([*parts, _titles(app)], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _output_stamps(app: Sphinx) -> dict[str, list[int]]:
    """Every file worked out from all the entries, as it is now in the output folder: its
    name there, and its size and time (file_stamp). A stat each and no Path: 2,600 files
    at 20,000 entries (the search's parts), and a Path, is_file and stat apiece cost an
    edit 0.03 s."""
    outdir = os.fspath(app.outdir)
    name = crawl_domain(app.env).name
    names = [CONTENT_FILE, SCHEMA_FILE, SHOWN_FILE, "crawl-searchindex.js"]
    paths = [os.path.join(outdir, found) for found in names]
    paths += [os.fspath(_page_file(app, f"{name}-{i.name}")) for i in _indices(app)]
    paths += map(os.fspath, Path(outdir).glob("crawl-changes*.json"))
    with contextlib.suppress(OSError), os.scandir(os.path.join(outdir, "_crawl_search")) as parts:
        paths += [part.path for part in parts if part.name.endswith(".js")]
    # Sorted by their text: 2,600 paths at 20,000 entries, slow to compare as Paths.
    stamps = ((path, file_stamp(path)) for path in sorted(paths))
    return {_name_in(outdir, path): stamp for path, stamp in stamps if stamp is not None}


def _name_in(outdir: str, path: str) -> str:
    """``path`` relative to ``outdir``: cut from its text where it starts with it
    (Path.relative_to for 2,600 parts at 20,000 entries was slow)."""
    if path.startswith(outdir + os.sep):
        return path[len(outdir) + 1 :]
    return os.path.relpath(path, outdir)


def _page_file(app: Sphinx, pagename: str) -> Path:
    """Where the builder writes a page (``dirhtml``: ``<name>/index.html``)."""
    outfile = getattr(app.builder, "get_outfilename", None)
    suffix = getattr(app.builder, "out_suffix", ".html")
    return Path(outfile(pagename)) if outfile else Path(app.outdir) / f"{pagename}{suffix}"


def _indices(app: Sphinx) -> list[Any]:
    """The content types' index classes (the domain's class holds them)."""
    return list(getattr(type(crawl_domain(app.env)), "indices", []))


def outputs_current(app: Sphinx) -> bool:
    """Whether the files worked out from all the entries are as a finished build with
    the same state, configuration and code left them (decided once per build)."""
    if app not in _CURRENT:
        _CURRENT[app] = _outputs_current(app)
    return _CURRENT[app]


def _outputs_current(app: Sphinx) -> bool:
    if app.builder.format != "html" or must_redo(app):
        return False
    key = _key(app)
    record = _record(app)
    if key is None or record.get("key") != key:
        return False
    files = record.get("files")
    if not isinstance(files, dict) or not files:
        return False
    # Joined as strings: 2,600 files at 20,000 entries (the search's parts), and a Path
    # for each cost a rebuild with nothing changed 0.01 s.
    outdir = os.fspath(app.outdir)
    return all(file_stamp(os.path.join(outdir, name)) == stamp for name, stamp in files.items())


def _our_index_links(app: Sphinx, classes: list[Any]) -> list[tuple[str, str, str, str]]:
    """The header links Sphinx gives the content types' index pages (those written)."""
    name = crawl_domain(app.env).name
    return [
        (f"{name}-{index.name}", str(index.localname), "", str(index.shortname))
        for index in classes
        if index.shortname and _page_file(app, f"{name}-{index.name}").is_file()
    ]


_KEPT_INDICES: WeakKeyDictionary[Sphinx, list[tuple[str, str, str, str]]] = WeakKeyDictionary()


def keep_index_pages(app: Sphinx) -> None:
    """In a build whose outputs are current, the content types' index pages are neither
    worked out nor written again (Sphinx works out and writes every domain index at
    every build)."""
    classes = _indices(app)
    if classes and outputs_current(app):
        _keep(app, classes, classes)


def _keep(app: Sphinx, classes: list[Any], kept: list[Any]) -> None:
    """The domain shows Sphinx only the indices not ``kept`` for this build, and
    :func:`index_links` puts the kept pages' links back in the header of the pages
    written."""
    _KEPT_INDICES[app] = _our_index_links(app, kept)
    domain = crawl_domain(app.env)
    domain.indices = [c for c in classes if c not in kept]  # type: ignore[misc]  # this build


def _index_digest(app: Sphinx, index: Any) -> str:
    """A digest of what an index page lists, once per state of the data (asked when the
    build decides which pages to keep, and again when it records them)."""
    domain = crawl_domain(app.env)
    key = f"index-digest:{index.name}"
    if key not in domain.views_cache:
        domain.views_cache[key] = _unchanged_index_digest(app, index) or _digest_of(
            index(domain).generate()
        )
    digest: str = domain.views_cache[key]
    return digest


def _digest_of(content: Any) -> str:
    return hashlib.sha256(json.dumps(content, default=str).encode()).hexdigest()


def _unchanged_index_digest(app: Sphinx, index: Any) -> str | None:
    """The digest the last finished build recorded for an index page, where no changed
    entry is of its type (None: work it out)."""
    since = _since_last_build(app)
    if since is None or index.content_type.name in since[1].types:
        return None
    record = since[0]
    page = record.get("indices", {}).get(f"{crawl_domain(app.env).name}-{index.name}")
    return str(page[0]) if isinstance(page, list) and page and page[0] else None


def keep_unchanged_index_pages(app: Sphinx) -> None:
    """After an edit, an index page is written again only if what it lists changed
    (editing a milestone rewrote the tips' and red flags' pages too, 2 of 3 MB at
    20,000 entries): the record of the last finished build holds each page's digest
    and file, and the configuration, code and pages they were written with."""
    classes = _indices(app)
    key = _page_key(app)
    if not classes or key is None or app.builder.format != "html" or must_redo(app):
        return
    record = _record(app)
    pages = record.get("indices") if record.get("pages_key") == key else None
    if not isinstance(pages, dict):
        return
    name = crawl_domain(app.env).name
    kept = [
        index
        for index in classes
        if pages.get(f"{name}-{index.name}")
        == [_index_digest(app, index), file_stamp(_page_file(app, f"{name}-{index.name}"))]
    ]
    if kept:
        _keep(app, classes, kept)


def _record(app: Sphinx) -> dict[str, Any]:
    """The record of the last finished build, read once per build (asked whether the
    outputs are current, which pages and index pages to keep, and which index pages
    the last build had)."""
    if app not in _RECORD:
        try:
            record = json.loads(_record_path(app).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        _RECORD[app] = record if isinstance(record, dict) else {}
    return _RECORD[app]


_RECORD: WeakKeyDictionary[Sphinx, dict[str, Any]] = WeakKeyDictionary()


def _record_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / OUTPUTS_FILE.format(builder=app.builder.name)


def index_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context`` in a build that keeps index pages: their header links,
    with those of the index pages written, in the content types' order, where Sphinx
    puts them (after the general index and the indices of domains whose names sort
    before this one's)."""
    kept = _KEPT_INDICES.get(app)
    links = context.get("rellinks")
    if not kept or not isinstance(links, list):
        return
    name = crawl_domain(app.env).name
    order = [f"{name}-{index.name}" for index in _indices(app)]
    written = [link for link in links if link[0] in order]
    ours = written + [link for link in kept if link[0] not in {w[0] for w in written}]
    ours.sort(key=lambda link: order.index(link[0]))
    others = [link for link in links if link[0] not in order]
    # Sphinx's own index links (the general index's, and the indices of the domains
    # written in this build), not a page's next or previous: a page named "about" sorts
    # before "crawl" too (its "next" link went before the index pages' after an edit).
    indices = {"genindex"} | {
        str(found[0]) for found in getattr(app.builder, "domain_indices", []) if found
    }
    position = 0
    while (
        position < len(others)
        and others[position][0] in indices
        and (others[position][0] == "genindex" or others[position][0].split("-")[0] < name)
    ):
        position += 1
    context["rellinks"] = [*others[:position], *ours, *others[position:]]


@with_cycle_gc_paused
def record_outputs(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after every file of ours is written: what they are now."""
    outdir = html_output_dir(app, exception)
    if outdir is None or not outdir.is_dir() or outputs_current(app):
        return
    key = _key(app)
    record = _record_path(app)
    (outdir / _OLD_OUTPUTS_FILE).unlink(missing_ok=True)  # where earlier versions kept it
    if key is None:
        record.unlink(missing_ok=True)
        return
    files = _output_stamps(app)
    name = crawl_domain(app.env).name
    indices = {
        f"{name}-{index.name}": [
            _index_digest(app, index),
            file_stamp(_page_file(app, f"{name}-{index.name}")),
        ]
        for index in _indices(app)
    }
    domain = crawl_domain(app.env)
    found = {
        "key": key,
        "files": files,
        "pages_key": _page_key(app),
        "indices": indices,
        "indexed": _indexed(app),
        # What a later build compares to skip the views no changed entry can show.
        "state": domain.data.get(STATE),
        "shared": shared_views(domain),
        "unique": _unique_digest(domain),
    }
    # Compact: json's C encoder (indent is pure Python: 0.01 s for 2,600 files).
    write_if_changed(record, json.dumps(found, separators=(",", ":")) + "\n")


def remove_empty_index_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the index page of a content type that has no entries now
    (its last one deleted, or moved to a ``crawl_demo_pages`` page). Sphinx writes no
    page for an empty index, and left the last build's in place: a bookmark still
    opened the old list of red flags, and the offline copy kept it, where a clean build
    has no such page."""
    if html_output_dir(app, exception) is None or outputs_current(app):
        return  # current outputs: the last finished build removed them
    name = crawl_domain(app.env).name
    indexed = _indexed(app)
    pages = {f"{name}-{index.name}" for index in _indices(app)}
    # And the pages of content types gone since the last build (a plugin taken out, s54).
    gone = {page for page in _LAST_INDICES.get(app, ()) if page.startswith(f"{name}-")}
    for page_name in sorted((pages - set(indexed)) | (gone - pages)):
        page = _page_file(app, page_name)
        page.unlink(missing_ok=True)
        if page.parent != Path(app.outdir) and page.parent.is_dir():
            with contextlib.suppress(OSError):  # dirhtml's crawl-tips/, if empty
                page.parent.rmdir()


def setup_incremental(app: Sphinx) -> None:
    app.connect("env-get-outdated", new_build)
    app.connect("env-purge-doc", data_changing)
    app.connect("env-updated", data_settled)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("html-page-context", index_links)
    app.connect("build-finished", record_written)
    app.connect("build-finished", remove_empty_index_pages)
    # After the search index, crawl.json and the record above; before the offline copy.
    app.connect("build-finished", record_outputs, priority=800)
