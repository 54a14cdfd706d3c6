"""Entries from elsewhere, read into plain records: another handbook's ``crawl.json``
(checked by :func:`sphinx_crawl.api.load`) or a YAML/JSON data file written by hand.

No docutils here: the ``crawl-import`` directive turns the records into entries, through
the same checks as the entries authors write (``directives/entry_parts.py``). A problem
with the whole file is an :class:`ImportProblem`; a problem with one entry is a message
in :attr:`ImportedFile.problems` naming its place (``entries[3].age``), and that entry
is left out or imported without the faulty part.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sphinx_crawl.config import Problem, SourceData, check_source, is_web_url
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.entries import (
    lone_surrogate,
    named_characters,
    plain_text,
    without_controls,
)

#: The keys an entry of a data file may have besides its type's fields and relations.
DATA_ENTRY_KEYS = ("type", "id", "title", "text", "age", "tags", "keywords", "source", "url")
#: The largest file read (a crawl.json of thousands of entries is a few megabytes).
MAX_BYTES = 20 * 1024 * 1024


class ImportProblem(ValueError):
    """The file as a whole cannot be imported; the message says why."""


@dataclass(frozen=True)
class ImportedEntry:
    """One entry as the file gives it: fields and relations not yet checked against the
    content type of this project (the file may come from a project with other types)."""

    where: str
    type: str
    id: str
    title: str
    text: str
    age: AgeRange | str | None
    tags: list[str]
    keywords: list[str]
    sources: list[str]
    #: Field name -> value (text from a data file, typed values from a crawl.json).
    fields: dict[str, Any]
    relations: dict[str, list[str]]
    #: Where the entry is published (absolute http(s)), when that is known.
    url: str | None = None


@dataclass(frozen=True)
class ImportedFile:
    #: Who wrote the entries: the handbook's project name, or the data file's ``project``.
    project: str
    #: The language the entries are written in (BCP 47), when the file says.
    language: str | None
    entries: list[ImportedEntry]
    sources: dict[str, SourceData]
    problems: list[str] = field(default_factory=list)


def read_import(path: Path, base_url: str | None = None) -> ImportedFile:
    """Read a crawl.json (a JSON object with ``schema_version``) or a data file (YAML,
    or JSON without it). ``base_url``: where the file's pages are published."""
    if path.stat().st_size > MAX_BYTES:
        raise ImportProblem(f"the file is larger than {MAX_BYTES // 2**20} MB")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _data_file(_yaml(path), path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError, RecursionError) as error:
        raise ImportProblem(f"not JSON ({error})") from None
    if isinstance(data, Mapping) and "schema_version" in data:
        return _handbook(path, base_url)
    return _data_file(data, path)


def _yaml(path: Path) -> Any:
    try:
        import yaml
    except ImportError:
        raise ImportProblem("reading YAML needs PyYAML (pip install pyyaml)") from None
    try:
        # A safe loader: plain data only, never Python objects a file could ask for.
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_strict_loader(yaml))
    except _DuplicateKey as error:
        raise ImportProblem(str(error)) from None
    except (OSError, UnicodeError, yaml.YAMLError, RecursionError) as error:
        raise ImportProblem(f"not YAML ({' '.join(str(error).split())})") from None


class _DuplicateKey(ValueError):
    """A mapping gives one key twice: YAML would keep the last without a word."""


def _strict_loader(yaml: Any) -> Any:
    """PyYAML's SafeLoader, refusing a key given twice in one mapping (as the JSON
    loader does), with the lines of both."""

    class StrictSafeLoader(yaml.SafeLoader):  # type: ignore[name-defined,misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: dict[Any, int] = {}
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: SafeLoader says so itself
                    continue
                if first is not None:
                    raise _DuplicateKey(
                        f"the key {key!r} is given twice (lines {first} and {line}); "
                        "nothing is imported from this file"
                    )
                seen[key] = line
            return super().construct_mapping(node, deep=deep)

    return StrictSafeLoader


def changed_entries(
    before: Path, after: Path, base_url: str | None = None
) -> dict[str, tuple[str, ...]]:
    """Entry id -> the keys (title, text, age, a field...) of each entry of ``before``
    that ``after`` changed; a file that cannot be read tells nothing (the directive says
    what is wrong with it when it imports it)."""
    try:
        old, new = read_import(before, base_url), read_import(after, base_url)
    except (ImportProblem, OSError):
        return {}
    previous = {entry.id: _said(entry) for entry in old.entries if entry.id}
    changed: dict[str, tuple[str, ...]] = {}
    for entry in new.entries:
        if entry.id in previous:
            was, now = previous[entry.id], _said(entry)
            keys = tuple(k for k in dict.fromkeys([*now, *was]) if was.get(k) != now.get(k))
            if keys:
                changed[entry.id] = keys
    return changed


def _said(entry: ImportedEntry) -> dict[str, Any]:
    """What an entry says, for comparing two copies of a file."""
    age = entry.age.as_dict() if isinstance(entry.age, AgeRange) else entry.age
    return {
        "title": entry.title,
        "text": entry.text,
        "age": age,
        "tags": entry.tags,
        "keywords": entry.keywords,
        "sources": entry.sources,
        **entry.fields,
        **entry.relations,
    }


# -- another handbook's crawl.json ----------------------------------------------------


def _handbook(path: Path, base_url: str | None) -> ImportedFile:
    # Imported here: the loader is needed only by projects that import a handbook, and
    # every build would pay for importing it (issue 27: a no-op rebuild's fixed cost).
    from sphinx_crawl.api import CrawlDataError, load

    try:
        handbook = load(path)
    except CrawlDataError as error:
        # load names the file by its path here: a cached download's name means nothing.
        raise ImportProblem(str(error).removeprefix(f"{path}: ")) from None
    problems: list[str] = []
    controls: set[str] = set()
    sources: dict[str, SourceData] = {}
    for i, source in enumerate(handbook.sources):
        found: list[Problem] = []
        raw = {
            k: without_controls(v, controls)
            for k, v in vars(source).items()
            if k in ("title", "publisher", "author", "url", "language") and v is not None
        }
        sources[source.id] = check_source(source.id, raw, found, f"sources[{i}]")
        problems += [message for _, message in found]
    entries = [
        ImportedEntry(
            where=f"entries[{i}]",
            type=entry.type,
            id=entry.id,
            title=without_controls(entry.title, controls),
            text=without_controls(entry.text, controls),
            age=entry.age,
            tags=without_controls(list(entry.tags), controls),
            keywords=without_controls(list(entry.keywords), controls),
            sources=list(entry.sources),
            fields=without_controls(dict(entry.fields), controls),
            relations={name: list(ids) for name, ids in entry.relations.items()},
            url=_published(entry.url, base_url),
        )
        for i, entry in enumerate(handbook.entries)
    ]
    _say_controls(controls, problems)
    project = without_controls(handbook.project, controls)
    return ImportedFile(project, handbook.language, entries, sources, problems)


def _say_controls(found: set[str], problems: list[str]) -> None:
    if found:
        problems.append(
            f"the file's text holds control characters ({named_characters(found)}), which "
            "are no text; "
            "each is read as a space"
        )


def _published(url: str, base_url: str | None) -> str | None:
    """The entry's address on the web: its URL in the file, from where it is published."""
    if not base_url:
        return url if is_web_url(url) else None
    joined = urljoin(base_url, url)
    return joined if is_web_url(joined) and urlsplit(joined).netloc else None


# -- a data file written by hand ------------------------------------------------------


def _data_file(data: Any, path: Path) -> ImportedFile:
    """``{project?, language?, sources?: {key: {title, ...}}, entries: [{type, title,
    ...}]}``, or the list of entries alone."""
    if isinstance(data, list):
        data = {"entries": data}
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        raise ImportProblem("expected a list of entries, or a mapping with 'entries: [...]'")
    problems: list[str] = []
    controls: set[str] = set()
    data = without_controls(data, controls)
    _say_controls(controls, problems)
    unknown = sorted(str(k) for k in data if k not in ("project", "language", "sources", "entries"))
    if unknown:
        problems.append(f"unknown keys {unknown} at the top level are ignored")
    project = data.get("project")
    language = data.get("language")
    for key in ("project", "language"):
        if _not_text(data.get(key), key, problems, "it is ignored"):
            project, language = (None, language) if key == "project" else (project, None)
    sources: dict[str, SourceData] = {}
    given_sources = data.get("sources") or {}
    if not isinstance(given_sources, Mapping):
        problems.append("sources: expected a mapping of source key -> {title, ...}")
        given_sources = {}
    for key, source in given_sources.items():
        if not isinstance(key, str) or not isinstance(source, Mapping):
            problems.append(f"sources[{key!r}]: expected a key and a mapping of details")
            continue
        if _not_text({key: source}, "sources", problems, "the source is left out"):
            continue
        found: list[Problem] = []
        sources[key] = check_source(key, source, found, "sources")
        problems += [message for _, message in found]
    entries = []
    for i, record in enumerate(data["entries"]):
        entry = _data_entry(record, f"entries[{i}]", problems)
        if entry is not None:
            entries.append(entry)
    return ImportedFile(
        project=plain_text(project) if isinstance(project, str) else path.stem,
        language=language if isinstance(language, str) else None,
        entries=entries,
        sources=sources,
        problems=problems,
    )


def _data_entry(record: Any, where: str, problems: list[str]) -> ImportedEntry | None:
    if not isinstance(record, Mapping):
        problems.append(f"{where}: expected a mapping (type, title, ...); it is left out")
        return None
    if _not_text(record, where, problems, "the entry is left out"):
        return None
    for key in ("type", "title"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            problems.append(f"{where}: needs a '{key}' (text); the entry is left out")
            return None
    words: dict[str, list[str]] = {}
    for key in ("tags", "keywords", "source"):
        words[key] = _words(record.get(key), f"{where}.{key}", problems)
    age = record.get("age")
    if age is not None and not isinstance(age, str | int | float):
        problems.append(f"{where}.age: expected text like '6-10 months'; it is left out")
        age = None
    url = record.get("url")
    if url is not None and not (isinstance(url, str) and is_web_url(url)):
        problems.append(f"{where}.url: {url!r:.60} is not an http(s) URL; it is left out")
        url = None
    others = {str(k): v for k, v in record.items() if k not in DATA_ENTRY_KEYS}
    return ImportedEntry(
        where=where,
        type=record["type"].strip(),
        id=str(record.get("id") or ""),
        title=plain_text(record["title"]),
        text=_text(record.get("text"), f"{where}.text", problems),
        age=f"{age} months" if isinstance(age, int | float) else age,
        tags=words["tags"],
        keywords=words["keywords"],
        sources=words["source"],
        # A type's fields and its relations are told apart by the directive, which knows
        # this project's types (a relation's ids may be a list or "a, b").
        fields=others,
        relations={},
        url=url,
    )


def _not_text(value: Any, where: str, problems: list[str], outcome: str) -> bool:
    """Whether ``value`` holds a lone surrogate anywhere; if so, a problem saying where
    and ``outcome``."""
    found = lone_surrogate(value, where)
    if found:
        problems.append(f"{found}; {outcome}")
    return found is not None


def _words(value: Any, where: str, problems: list[str]) -> list[str]:
    """A list of words, or text with commas ("floor, play")."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        problems.append(f"{where}: expected a list of words; it is left out")
        return []
    seen: dict[str, None] = {}
    for item in value:
        item = plain_text(str(item))
        if item:
            seen.setdefault(item, None)
    return list(seen)


def _text(value: Any, where: str, problems: list[str]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{where}: expected text; it is left out")
        return ""
    # Paragraphs (blank lines) are kept; each paragraph's lines join.
    return "\n\n".join(plain_text(p) for p in value.split("\n\n") if p.strip())
