"""Read a built handbook's ``crawl.json`` back into typed Python objects.

>>> from sphinx_crawl.api import load
>>> handbook = load("docs/_build/html/crawl.json")
>>> [e.title for e in handbook.entries_of("red-flag") if e.urgency == "urgent"]

Every problem with the file (not JSON, a missing or mistyped key, NaN or a number too
large to be finite, a key given twice in one object, an unknown ``schema_version``, a
repeated id...) raises :class:`CrawlDataError`, whose message names the file, the place
in it (``entries[3].tags``) and what is wrong; nothing else escapes. Only the standard
library and :mod:`sphinx_crawl.core` are used, so reading crawl.json never loads Sphinx
(``validate=True`` uses ``jsonschema``, installed with sphinx-crawl).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sphinx_crawl.core.ages import AGE_KINDS, MAX_AGE_MONTHS, AgeRange
from sphinx_crawl.core.changes import (
    CHANGES_SCHEMA_FILE,
    Comparison,
    EntryChange,
)
from sphinx_crawl.core.changes import compare as compare_records
from sphinx_crawl.core.entries import ENTRY_EXTRAS, ENTRY_KEYS
from sphinx_crawl.core.schema import SCHEMA_FILE

#: The ``schema_version`` values this reader understands (1.0: ages had no ``kind``;
#: before 1.2, no ``language``: read as "en"; 1.3: imported entries and sources; 1.4:
#: entries say what a crawl-extend changed).
SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4")


class CrawlDataError(ValueError):
    """crawl.json cannot be read: the message names the file, the place in it and the
    problem, e.g. ``…/crawl.json: entries[3].tags: expected a list of strings, got 'abc'``."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    cited_by: tuple[str, ...]
    #: The language the source is written in, where it differs from the handbook's.
    language: str | None = None
    #: For a source of imported entries: who described it (the other handbook's name).
    imported_from: str | None = None


@dataclass(frozen=True)
class Imported:
    """Where an imported entry came from."""

    #: Who wrote it: the other handbook's project name, or the data file's.
    project: str
    #: Where it is published, when known.
    url: str | None


@dataclass(frozen=True)
class Adapted:
    """What a crawl-extend of the handbook that wrote the file changed in an entry."""

    #: Who changed it (the handbook's project name).
    by: str
    #: Each changed key (a field such as ``action``, a relation, ``tags``, ``keywords``
    #: or ``sources``) -> its value as written (None: it had none).
    original: dict[str, Any]
    #: The same keys -> their value now (also the entry's own value).
    adaptation: dict[str, Any]


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
    #: Relation name -> ids of the entries this one links to (``{"helps": (...)}``).
    relations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Relation name -> ids of the entries that link to this one (the back-links).
    related_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Set on entries taken from another handbook or a data file (crawl-import).
    imported: Imported | None = None
    #: Set on entries a crawl-extend changed (since schema 1.4).
    adapted: Adapted | None = None
    #: The date (YYYY-MM-DD) of the release the entry last changed in; None: not known
    #: (since schema 1.4, with crawl_previous or crawl_release_date).
    changed: str | None = None

    def record(self) -> dict[str, Any]:
        """The entry as a crawl.json record holds what it says (common keys, then its
        type's fields): what :func:`compare` compares."""
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "url": self.url,
            "age": self.age.as_dict() if self.age is not None else None,
            "tags": list(self.tags),
            "sources": list(self.sources),
            "keywords": list(self.keywords),
            "text": self.text,
            "relations": {name: list(ids) for name, ids in self.relations.items()},
            "changed": self.changed,
            **self.fields,
        }

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
    #: The edition's language (BCP 47), e.g. "en" or "es".
    language: str = "en"
    #: The handbook's release (Sphinx's ``release``; "" before schema 1.4, or unset).
    version: str = ""

    def entries_of(self, type_name: str) -> Iterator[Entry]:
        """The entries of one content type (``"red-flag"``), in the handbook's order."""
        return (entry for entry in self.entries if entry.type == type_name)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with ``entry_id``, or None."""
        return self._entries_by_id.get(entry_id)

    def entry(self, entry_id: str) -> Entry:
        """The entry with ``entry_id``; KeyError if there is none."""
        try:
            return self._entries_by_id[entry_id]
        except KeyError:
            raise KeyError(entry_id) from None

    def get_source(self, source_id: str) -> Source | None:
        """The source with ``source_id``, or None."""
        return self._sources_by_id.get(source_id)

    def source(self, source_id: str) -> Source:
        """The source with ``source_id``; KeyError if there is none."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise KeyError(source_id) from None

    @functools.cached_property
    def _entries_by_id(self) -> dict[str, Entry]:
        return _first_by_id(self.entries)

    @functools.cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return _first_by_id(self.sources)


_Identified = TypeVar("_Identified", "Entry", "Source")


def _first_by_id(items: Iterable[_Identified]) -> dict[str, _Identified]:
    found: dict[str, _Identified] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def load(path: str | Path, *, validate: bool = False) -> Handbook:
    """Load ``crawl.json``. Every problem with the file is a :class:`CrawlDataError`.

    With ``validate``, the file is first checked against the ``crawl.schema.json``
    written beside it, with ``jsonschema`` (a dependency of sphinx-crawl; without the
    schema file, or in an environment where jsonschema was removed, that is a
    CrawlDataError too). Without it the shape is still
    checked, by hand."""
    path = Path(path)
    data = _read(path)
    if validate:
        _validate(data, path)
    try:
        return _handbook(data)
    except _Problem as problem:
        raise CrawlDataError(f"{path}: {problem}") from None


class _Problem(Exception):
    """A problem at a place in the data; :func:`load` adds the file's name."""


# -- parsing: JSON only, and strict ------------------------------------------------------


class _NotFinite:
    """What ``NaN``, ``Infinity`` or a number too large for a float parse to, until
    :func:`_check_values` finds it and says where it is."""

    def __init__(self, text: str) -> None:
        self.text = text


class _RepeatedKey(dict[str, Any]):
    """An object with a key given twice (``json`` would silently keep the last)."""

    repeated = ""


def _float(text: str) -> float | _NotFinite:
    value = float(text)
    return value if math.isfinite(value) else _NotFinite(text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    seen: set[str] = set()
    for repeated, _ in pairs:
        if repeated in seen:
            break
        seen.add(repeated)
    result = _RepeatedKey(found)
    result.repeated = repeated
    return result


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as error:
        raise CrawlDataError(f"{path}: cannot be read ({error})") from error
    try:
        data = json.loads(
            text, parse_constant=_NotFinite, parse_float=_float, object_pairs_hook=_pairs
        )
    except (ValueError, RecursionError) as error:
        raise CrawlDataError(f"{path}: not JSON ({error})") from error
    try:
        _check_values(data)
    except _Problem as problem:
        raise CrawlDataError(f"{path}: {problem}") from None
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_values(data: Any) -> None:
    """Every value, in document order: no NaN or infinite number, no key given twice,
    no string with a lone surrogate (``"\\ud800"``: JSON allows it, UTF-8 cannot hold it)."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, _NotFinite):
            raise _Problem(f"{_place(where)}: {value.text} is not a finite number")
        if isinstance(value, str):
            _no_surrogate(value, where)
        elif isinstance(value, dict):
            if isinstance(value, _RepeatedKey):
                raise _Problem(f"{_place(where)}: the key {value.repeated!r} is given twice")
            for key in value:
                _no_surrogate(key, where)
            stack.extend((value[key], _member(where, key)) for key in reversed(value))
        elif isinstance(value, list):
            stack.extend((value[i], f"{where}[{i}]") for i in reversed(range(len(value))))


def _no_surrogate(text: str, where: str) -> None:
    found = _SURROGATE.search(text)
    if found:
        raise _Problem(
            f"{_place(where)}: {text!r:.60} holds a lone surrogate "
            f"(U+{ord(found.group()):04X}), which is not a character"
        )


def _member(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    if not key.isidentifier():
        return f"{where}[{key!r}]"
    return f"{where}.{key}" if where else key


def _place(where: str) -> str:
    return where or "the top level"


# -- validation against crawl.schema.json ------------------------------------------------


def _validate(data: Any, path: Path, schema_file: str = SCHEMA_FILE) -> None:
    try:
        import jsonschema
    except ImportError:
        raise CrawlDataError(
            f"{path}: validate=True needs the jsonschema package, which is not installed "
            "(pip install jsonschema); or load without validate"
        ) from None
    schema_path = path.parent / schema_file
    if not schema_path.is_file():
        raise CrawlDataError(f"{schema_path}: not found; it is written beside {path.name}")
    schema = _read(schema_path)
    try:
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
        cls.check_schema(schema)
        found = _best(cls(schema).iter_errors(data))
    except jsonschema.SchemaError as problem:
        raise CrawlDataError(f"{schema_path}: not a valid schema ({problem.message})") from None
    except Exception as problem:  # an unresolvable $ref, a regex the engine refuses...
        raise CrawlDataError(f"{schema_path}: cannot be used ({_short(problem)})") from None
    if found is not None:
        where = ""
        for key in found.absolute_path:
            where = _member(where, key)
        raise _validation_error_class()(f"{path}: {_place(where)}: {_short(found.message)}", found)


def _best(errors: Iterable[Any]) -> Any:
    """The error to report: jsonschema's best match, but inside a ``oneOf``/``anyOf``
    (an entry's type, an age or null) the error of the one branch the value was meant
    for, if there is one; or, if only a discriminator (the entry's ``type``) fits none,
    that."""
    import jsonschema

    found = jsonschema.exceptions.best_match(errors)
    while found is not None and found.validator in ("oneOf", "anyOf") and found.context:
        meant = _branches_meant(found.context)
        if len(meant) == 1:
            found = jsonschema.exceptions.best_match(meant[0])
            continue
        _explain_no_branch(found, bool(meant))
        break
    return found


def _branches_meant(context: Iterable[Any]) -> list[list[Any]]:
    """The errors of each branch the value was meant for (none of its errors say it is
    another JSON type or another value of a discriminating key)."""
    branches: dict[Any, list[Any]] = {}
    for error in context:
        branches.setdefault(error.relative_schema_path[0], []).append(error)
    return [errs for errs in branches.values() if not any(map(_off_target, errs))]


def _explain_no_branch(found: Any, several_meant: bool) -> None:
    """Say why a value fits no branch of ``found``'s ``oneOf``/``anyOf``, in the words
    that help: which values a discriminating key takes, or which types are allowed."""
    off = [error for error in found.context if _off_target(error)]
    consts = {tuple(error.relative_path) for error in off if error.validator == "const"}
    if several_meant:
        found.message = f"matches none of the shapes the schema allows here: {found.message}"
    elif len(consts) == 1 and all(error.validator == "const" for error in off):
        (key,) = next(iter(consts))
        wanted = ", ".join(dict.fromkeys(repr(error.validator_value) for error in off))
        found.path.append(key)
        found.message = f"{_kind(found.instance[key])} is none of {wanted}"
    elif all(error.validator == "type" for error in off):
        found.message = f"expected {' or '.join(_types_of(off))}, got {_kind(found.instance)}"
    else:
        found.message = "matches none of the shapes the schema allows here"


def _types_of(errors: Iterable[Any]) -> list[str]:
    """The JSON types ``type`` errors allowed, each once, in order."""
    types: dict[str, None] = {}
    for error in errors:
        value = error.validator_value
        types.update(dict.fromkeys([value] if isinstance(value, str) else value))
    return list(types)


def _off_target(error: Any) -> bool:
    """An error that says the value is not meant for this branch at all: another JSON
    type, or another value of a discriminating key (``"type": {"const": "tip"}``)."""
    return (error.validator == "type" and not error.relative_path) or (
        error.validator == "const" and len(error.relative_path) == 1
    )


@functools.cache
def _validation_error_class() -> type[CrawlDataError]:
    import jsonschema

    class CrawlValidationError(CrawlDataError, jsonschema.ValidationError):
        """Both: callers that caught jsonschema's ValidationError (as before) still do,
        with its ``path``, ``instance``... of the reported error."""

        def __init__(self, text: str, found: jsonschema.ValidationError) -> None:
            jsonschema.ValidationError.__init__(
                self,
                text,
                validator=found.validator,
                path=found.absolute_path,
                cause=found.cause,
                context=found.context,
                validator_value=found.validator_value,
                instance=found.instance,
                schema=found.schema,
                schema_path=found.absolute_schema_path,
            )

        def __str__(self) -> str:
            return str(self.message)

        def __repr__(self) -> str:
            return f"CrawlDataError({self.message!r})"

    return CrawlValidationError


# -- reading, with a located error for every wrong shape ---------------------------------


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Problem(f"{_place(where)}: expected an object, got {_kind(value)}")
    return value


def _key(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise _Problem(f"{_place(where)}: the key {key!r} is missing")
    return data[key]


def _text(data: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = data.get(key) if optional else _key(data, key, where)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        expected = "a string or null" if optional else "a string"
        raise _Problem(f"{_member(where, key)}: expected {expected}, got {_kind(value)}")
    return value


def _strings(data: Mapping[str, Any], key: str, where: str, *, default: bool = False) -> Any:
    value = data.get(key, []) if default else _key(data, key, where)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Problem(f"{_member(where, key)}: expected a list of strings, got {_kind(value)}")
    return tuple(value)


def _kind(value: Any) -> str:
    return "null" if value is None else _short(repr(value), 60)


def _short(text: object, limit: int = 200) -> str:
    shown = str(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


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
            or not 0 <= number <= MAX_AGE_MONTHS
        ):
            raise _Problem(
                f"{where}.{key}: expected months from 0 to {MAX_AGE_MONTHS}, got {_kind(number)}"
            )
        numbers.append(number)
    low, high = numbers
    assert low is not None
    if high is not None and high < low:
        raise _Problem(f"{where}: max_months {high} is below min_months {low}")
    label = _text(age, "label", where)
    kind = age.get("kind")
    if kind is None:  # crawl.json 1.0: no kind; AgeRange.from_dict says which
        return AgeRange.from_dict({"min_months": low, "max_months": high, "label": label})
    if kind not in AGE_KINDS:
        raise _Problem(f"{where}.kind: expected one of {', '.join(AGE_KINDS)}, got {_kind(kind)}")
    if kind == "window" and high is None:
        raise _Problem(f"{where}.max_months: a window age needs its end, got null")
    if kind != "window" and high is not None:
        raise _Problem(f"{where}.max_months: a {kind!r} age is open-ended (null), got {high!r}")
    return AgeRange(low, high, label, kind)


def _entry(record: Any, where: str) -> Entry:
    data = _object(record, where)
    fields = {k: v for k, v in data.items() if k not in ENTRY_KEYS and k not in ENTRY_EXTRAS}
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
        relations=_links(data, "relations", where),
        related_by=_links(data, "related_by", where),
        imported=_imported(data.get("imported"), _member(where, "imported")),
        adapted=_adapted(data.get("adapted"), _member(where, "adapted")),
        changed=_date(data, "changed", where),
    )


_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date(data: Mapping[str, Any], key: str, where: str) -> str | None:
    """A date written YYYY-MM-DD, or null (or absent)."""
    value = _text(data, key, where, optional=True)
    if value is not None and not _DATE.match(value):
        raise _Problem(
            f"{_member(where, key)}: expected a date like 2026-12-05, got {_kind(value)}"
        )
    return value  # type: ignore[no-any-return]


def _adapted(value: Any, where: str) -> Adapted | None:
    if value is None:
        return None
    data = _object(value, where)
    return Adapted(
        by=_text(data, "by", where),
        original=dict(_object(_key(data, "original", where), _member(where, "original"))),
        adaptation=dict(_object(_key(data, "adaptation", where), _member(where, "adaptation"))),
    )


def _imported(value: Any, where: str) -> Imported | None:
    if value is None:
        return None
    data = _object(value, where)
    return Imported(
        project=_text(data, "from", where), url=_text(data, "url", where, optional=True)
    )


def _links(data: Mapping[str, Any], key: str, where: str) -> dict[str, tuple[str, ...]]:
    """A relation map (absent before schema 1.2: none)."""
    links = _object(data.get(key, {}), _member(where, key))
    return {str(name): _strings(links, name, _member(where, key)) for name in links}


def _source(record: Any, where: str) -> Source:
    data = _object(record, where)
    return Source(
        id=_text(data, "id", where),
        title=_text(data, "title", where),
        publisher=_text(data, "publisher", where, optional=True),
        author=_text(data, "author", where, optional=True),
        url=_text(data, "url", where, optional=True),
        cited_by=_strings(data, "cited_by", where, default=True),
        language=_text(data, "language", where, optional=True),
        imported_from=_text(data, "imported_from", where, optional=True),
    )


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    items = _key(data, key, "")
    if not isinstance(items, list):
        raise _Problem(f"{key}: expected a list, got {_kind(items)}")
    return items


def _unique(items: tuple[_Identified, ...], name: str) -> tuple[_Identified, ...]:
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in first:
            raise _Problem(
                f"{name}[{i}].id: {item.id!r} is used twice (also {name}[{first[item.id]}])"
            )
        first[item.id] = i
    return items


def _schema_version(data: Mapping[str, Any], known: tuple[str, ...]) -> str:
    """The file's schema_version, if this reader knows it."""
    version: str = _text(data, "schema_version", "")
    if version not in known:
        raise _Problem(
            f"schema_version: {version!r} is not one this reader knows "
            f"({', '.join(known)}); update sphinx-crawl"
        )
    return version


def _handbook(value: Any) -> Handbook:
    data = _object(value, "")
    # The version first: a file from a newer writer may be shaped differently.
    version = _schema_version(data, SUPPORTED_VERSIONS)
    project = _text(data, "project", "")
    language = _text(data, "language", "") if version >= "1.2" else "en"
    release = _text(data, "version", "", optional=True) or ""
    generator = _text(data, "generator", "")
    records, sources = _list(data, "entries"), _list(data, "sources")
    return Handbook(
        schema_version=version,
        project=project,
        language=language,
        version=release,
        generator=generator,
        entries=_unique(
            tuple(_entry(r, f"entries[{i}]") for i, r in enumerate(records)), "entries"
        ),
        sources=_unique(
            tuple(_source(r, f"sources[{i}]") for i, r in enumerate(sources)), "sources"
        ),
    )


# -- crawl-changes.json: what changed since the previous release ---------------------

#: The ``schema_version`` values of crawl-changes.json this reader understands.
CHANGES_VERSIONS = ("1.0",)


@dataclass(frozen=True)
class Change:
    """One entry added, changed or removed."""

    id: str
    type: str
    title: str
    #: Where it is now, from the output root (None: removed, or not known).
    url: str | None
    #: A changed entry's crawl.json keys that changed (``("action", "text")``).
    fields: tuple[str, ...]
    #: The release that made the change, and its date (YYYY-MM-DD, or None).
    version: str
    date: str | None


@dataclass(frozen=True)
class Changes:
    """What changed between two releases: read from crawl-changes.json
    (:func:`load_changes`), or worked out from two crawl.json files (:func:`compare`)."""

    project: str
    language: str
    #: This release, and its date (None: not known).
    version: str
    date: str | None
    #: The release compared with (None: it did not say its version).
    previous_version: str | None
    added: tuple[Change, ...]
    changed: tuple[Change, ...]
    removed: tuple[Change, ...]
    schema_version: str = CHANGES_VERSIONS[-1]

    def __bool__(self) -> bool:
        """Whether anything changed."""
        return bool(self.added or self.changed or self.removed)


def load_changes(path: str | Path, *, validate: bool = False) -> Changes:
    """Load ``crawl-changes.json``. Every problem with the file is a
    :class:`CrawlDataError` naming the place in it, as :func:`load` does; with
    ``validate``, the file is checked against the ``crawl-changes.schema.json`` written
    beside it first."""
    path = Path(path)
    data = _read(path)
    if validate:
        _validate(data, path, CHANGES_SCHEMA_FILE)
    try:
        return _changes(data)
    except _Problem as problem:
        raise CrawlDataError(f"{path}: {problem}") from None


def compare(old: Handbook, new: Handbook) -> Changes:
    """What changed from ``old`` to ``new`` (two releases' crawl.json, as :func:`load`
    reads them), as the build works it out for crawl-changes.json: entries added,
    removed, and changed with the keys that changed. Dates are not known here (None)."""
    found = compare_records([e.record() for e in old.entries], [e.record() for e in new.entries])
    return _from_comparison(found, old, new)


def _from_comparison(found: Comparison, old: Handbook, new: Handbook) -> Changes:
    def change(item: EntryChange, handbook: Handbook) -> Change:
        entry = handbook.get(item.id)
        url = entry.url if entry is not None and handbook is new else None
        return Change(item.id, item.type, item.title, url, item.keys, new.version, None)

    return Changes(
        project=new.project,
        language=new.language,
        version=new.version,
        date=None,
        previous_version=old.version or None,
        added=tuple(change(c, new) for c in found.added),
        changed=tuple(change(c, new) for c in found.changed),
        removed=tuple(change(c, old) for c in found.removed),
    )


def _change(record: Any, where: str, *, now: bool) -> Change:
    data = _object(record, where)
    return Change(
        id=_text(data, "id", where),
        type=_text(data, "type", where),
        title=_text(data, "title", where),
        url=_text(data, "url", where) if now else None,
        fields=_strings(data, "fields", where, default=True),
        version=_text(data, "version", where),
        date=_date(data, "date", where),
    )


def _changes(value: Any) -> Changes:
    data = _object(value, "")
    version = _schema_version(data, CHANGES_VERSIONS)
    previous = _object(_key(data, "previous", ""), "previous")
    groups = {}
    for key in ("added", "changed", "removed"):
        groups[key] = tuple(
            _change(r, f"{key}[{i}]", now=key != "removed") for i, r in enumerate(_list(data, key))
        )
    return Changes(
        schema_version=version,
        project=_text(data, "project", ""),
        language=_text(data, "language", ""),
        version=_text(data, "version", ""),
        date=_date(data, "date", ""),
        previous_version=_text(previous, "version", "previous", optional=True),
        added=groups["added"],
        changed=groups["changed"],
        removed=groups["removed"],
    )
