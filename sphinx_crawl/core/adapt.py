"""``crawl-extend``: changes to entries defined elsewhere (on another page, or imported),
applied to the entries as written. Plain data, no Sphinx.

Each ``crawl-extend`` directive leaves one :class:`ExtensionData` (what it selects,
what it sets, what it appends). :func:`apply_extensions` applies all of them at once,
once every page is read:

- targets are chosen among the entries *as written* (or imported), never as another
  ``crawl-extend`` changed them, and extensions are taken in the order of their
  pages' names and lines, never the order pages were read in: so the result is the
  same whatever the page order, in a ``-j`` build and in an incremental one;
- a value set twice differently is a conflict: the first (by page name, then line)
  is used and each other one is reported;
- appended values come after the set one, in that same order.

Nothing here raises on bad input: each problem is an :class:`ExtendProblem` naming the
``crawl-extend`` it belongs to, which the domain reports as a located warning.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from sphinx_crawl.core.content_types import (
    ContentType,
    ContentTypeRegistry,
    as_words,
    let_interrupts_through,
    matches_schema,
    shown_value,
)
from sphinx_crawl.core.entries import EntryData, split_list

#: Options every entry has that crawl-extend can change, and their key in an entry
#: (and in crawl.json). ``tags`` and ``source`` can only be appended to (``:tags:``
#: chooses entries, as in crawl-import).
LIST_KEYS = {"tags": "tags", "keywords": "keywords", "source": "sources"}
APPEND_ONLY = ("tags", "source")
#: The options that choose entries (as crawl-import's).
SELECTORS = ("types", "ids", "tags")
#: Written after an option's name to append rather than set (``:tags+:``).
APPEND = "+"


class ExtensionData(TypedDict):
    """One crawl-extend as the domain stores it (JSON-serialisable)."""

    docname: str
    lineno: int
    #: The entries named (the argument and ``:ids:``), in order.
    ids: list[str]
    #: ``:types:`` and ``:tags:``: only entries of these types, with one of these tags.
    types: list[str]
    tags: list[str]
    #: Option name -> value: text for a type's field (converted for each target's type),
    #: a list of ids or words for a relation, ``keywords``, ``tags`` or ``source``.
    set: dict[str, Any]
    append: dict[str, Any]


@dataclass(frozen=True)
class ExtendProblem:
    """A problem with one crawl-extend: at ``docname``:``lineno``. ``other`` is the
    place of the crawl-extend it conflicts with (the message says ``{other}``)."""

    docname: str
    lineno: int
    message: str
    subtype: str = "extend"
    other: tuple[str, int] | None = None


_SKIP = object()


def option_key(option: str) -> str:
    """The entry key an option changes: ``source`` -> ``sources``, a field its name."""
    return LIST_KEYS.get(option, option)


def apply_extensions(
    stored: Mapping[str, EntryData],
    extensions: Iterable[ExtensionData],
    registry: ContentTypeRegistry,
    project: str,
    fill: Callable[[str], str] = str,
) -> tuple[dict[str, EntryData], list[ExtendProblem]]:
    """``stored`` (id -> the entry as written) with every extension applied, and the
    problems found. Entries nothing changes are the same objects as in ``stored``.
    ``fill`` writes out what a field's default names (whom to call, for the build's
    place), as the entry directive does."""
    problems: list[ExtendProblem] = []
    ordered = sorted(extensions, key=lambda e: (e["docname"], e["lineno"]))
    # entry id -> option -> ("set" | "append") -> [(value, extension)]
    changes: dict[str, dict[str, dict[str, list[tuple[Any, ExtensionData]]]]] = {}
    for extension in ordered:
        for entry in _targets(extension, stored, problems):
            content_type = registry.get(entry["type"])
            if content_type is None:
                continue
            for how in ("set", "append"):
                for option, raw in extension[how].items():
                    value = _value(
                        content_type, entry, option, raw, how, extension, stored, problems
                    )
                    if value is _SKIP:
                        continue
                    given = changes.setdefault(entry["id"], {}).setdefault(
                        option, {"set": [], "append": []}
                    )
                    given[how].append((value, extension))
    result = dict(stored)
    for entry_id, per_option in changes.items():
        entry = stored[entry_id]
        content_type = registry.get(entry["type"])
        assert content_type is not None
        adapted = _adapted(entry, content_type, per_option, project, problems, fill)
        if adapted is not None:
            result[entry_id] = adapted
    return result, problems


def _problem(
    extension: ExtensionData,
    message: str,
    subtype: str = "extend",
    other: tuple[str, int] | None = None,
) -> ExtendProblem:
    return ExtendProblem(extension["docname"], extension["lineno"], message, subtype, other)


def _targets(
    extension: ExtensionData, stored: Mapping[str, EntryData], problems: list[ExtendProblem]
) -> list[EntryData]:
    """The entries the extension chooses, as written (another extension's tags never
    change what this one chooses)."""
    types = set(extension["types"])
    tags = {tag.lower() for tag in extension["tags"]}

    def why_not(entry: EntryData) -> str:
        if types and entry["type"] not in types:
            return f"is a {entry['type']}, not one of :types: {', '.join(sorted(types))}"
        if tags and not tags & {tag.lower() for tag in entry["tags"]}:
            return f"has none of :tags: {', '.join(sorted(tags))}"
        return ""

    if extension["ids"]:
        found = []
        for entry_id in extension["ids"]:
            entry = stored.get(entry_id)
            if entry is None:
                problems.append(
                    _problem(extension, f"{entry_id!r} names no entry; nothing is changed")
                )
            elif why_not(entry):
                problems.append(
                    _problem(extension, f"{entry_id!r} {why_not(entry)}; it is not changed")
                )
            else:
                found.append(entry)
        return found
    found = [entry for entry in stored.values() if not why_not(entry)]
    if not found:
        problems.append(_problem(extension, "no entry matches the options; nothing is changed"))
    return found


def _value(
    content_type: ContentType,
    entry: EntryData,
    option: str,
    raw: Any,
    how: str,
    extension: ExtensionData,
    stored: Mapping[str, EntryData],
    problems: list[ExtendProblem],
) -> Any:
    """The value ``option`` gives ``entry`` (converted for its type), or _SKIP (reported)."""
    name = f":{option}{APPEND if how == 'append' else ''}:"
    whose = f"{entry['id']!r} (a {content_type.name})"
    if option in LIST_KEYS:
        return _words(raw)
    relation = content_type.relation(option)
    if relation is not None:
        kept = []
        for target in _words(raw):
            other = stored.get(target)
            if other is None:
                problems.append(
                    _problem(extension, f"{name} {target!r} names no entry; the link is left out")
                )
            elif relation.targets and other["type"] not in relation.targets:
                problems.append(
                    _problem(
                        extension,
                        f"{name} {target!r} is a {other['type']}, not a "
                        f"{', '.join(relation.targets)}; the link is left out",
                    )
                )
            elif target == entry["id"]:
                problems.append(_problem(extension, f"{name} {target!r} is {whose} itself"))
            else:
                kept.append(target)
        return kept if kept else _SKIP
    spec = content_type.field(option)
    if spec is None:
        known = [f.name for f in content_type.fields] + [r.name for r in content_type.relations]
        problems.append(
            _problem(
                extension,
                f"{name} is not a field of {whose} (its fields: "
                f"{', '.join([*known, 'keywords', 'tags+', 'source+'])}); it is not changed",
            )
        )
        return _SKIP
    try:
        value = as_words(spec.converter(raw)) if isinstance(raw, str) else raw
    except ValueError as error:
        problems.append(_problem(extension, f"{name} for {whose}: {error}", "field"))
        return _SKIP
    except BaseException as error:  # the plugin's converter failed
        let_interrupts_through(error)
        problems.append(
            _problem(
                extension,
                f"the {content_type.name!r} content type's {name} converter raised "
                f"{type(error).__name__}: {error}",
                "plugin",
            )
        )
        return _SKIP
    if not matches_schema(value, spec.schema):
        problems.append(
            _problem(
                extension,
                f"{name} for {whose}: {shown_value(value)} does not match the field's schema "
                f"{dict(spec.schema)}",
                "field",
            )
        )
        return _SKIP
    if how == "append" and (spec.choices or not isinstance(value, str | list)):
        problems.append(
            _problem(
                extension,
                f"{name} cannot be appended to (it takes one value); set it with :{option}:",
            )
        )
        return _SKIP
    return value


def _words(raw: Any) -> list[str]:
    """Words or ids given as text with commas (or already a list)."""
    return split_list(raw) if isinstance(raw, str) else [str(item) for item in raw]


def _current(entry: EntryData, content_type: ContentType, option: str) -> Any:
    if option in LIST_KEYS:
        return entry[LIST_KEYS[option]]  # type: ignore[literal-required]
    if content_type.relation(option) is not None:
        return entry["relations"].get(option, [])
    return entry["fields"].get(option)


def _put(entry: EntryData, content_type: ContentType, option: str, value: Any) -> None:
    if option in LIST_KEYS:
        entry[LIST_KEYS[option]] = value  # type: ignore[literal-required]
    elif content_type.relation(option) is not None:
        entry["relations"][option] = value
    else:
        entry["fields"][option] = value


def _appended(value: Any, more: Any) -> Any:
    """``more`` after ``value``: items not yet in a list, or text after a space."""
    if value is None or value == "" or value == []:
        return copy.copy(more)
    if isinstance(value, list) and isinstance(more, list):
        return [*value, *(item for item in more if item not in value)]
    if isinstance(value, str) and isinstance(more, str):
        return f"{value} {more}"
    return value


def _adapted(
    entry: EntryData,
    content_type: ContentType,
    per_option: dict[str, dict[str, list[tuple[Any, ExtensionData]]]],
    project: str,
    problems: list[ExtendProblem],
    fill: Callable[[str], str],
) -> EntryData | None:
    new: EntryData = {
        **entry,
        "fields": dict(entry["fields"]),
        "relations": dict(entry["relations"]),
    }
    original: dict[str, Any] = {}
    adaptation: dict[str, Any] = {}
    at: dict[tuple[str, int], None] = {}
    for option, hows in per_option.items():
        current = _current(entry, content_type, option)
        value = current
        sets = hows["set"]
        if sets:
            value, first = sets[0]
            for other_value, other in sets[1:]:
                if other_value != value:
                    problems.append(
                        _problem(
                            other,
                            f":{option}: of {entry['id']!r} is also set, differently, by the "
                            "crawl-extend at {other}; that one is used",
                            other=(first["docname"], first["lineno"]),
                        )
                    )
        for more, _ in hows["append"]:
            value = _appended(value, more)
        for _, extension in [*sets, *hows["append"]]:
            at.setdefault((extension["docname"], extension["lineno"]), None)
        if value != current:
            key = option_key(option)
            original[key], adaptation[key] = current, value
            _put(new, content_type, option, value)
    _follow_defaults(entry, new, content_type, per_option, original, adaptation, fill)
    if not adaptation:
        return None
    new["adapted"] = {
        "by": project,
        "original": original,
        "adaptation": adaptation,
        "at": [list(place) for place in at],
    }
    return new


def _follow_defaults(
    entry: EntryData,
    new: EntryData,
    content_type: ContentType,
    per_option: Mapping[str, Any],
    original: dict[str, Any],
    adaptation: dict[str, Any],
    fill: Callable[[str], str],
) -> None:
    """A field left at its default follows the fields it depends on: a red flag made
    urgent gets the urgent level's usual action, unless it was written out."""
    if not any(spec.name in adaptation for spec in content_type.fields):
        return
    for spec in content_type.fields:
        if spec.default is None or spec.name in per_option:
            continue
        was_given = entry["fields"].get(spec.name)
        try:
            before = as_words(
                spec.default({k: v for k, v in entry["fields"].items() if k != spec.name})
            )
            before = fill(before) if isinstance(before, str) else before
            if was_given != before:
                continue  # written out: kept as written
            after = as_words(
                spec.default({k: v for k, v in new["fields"].items() if k != spec.name})
            )
            after = fill(after) if isinstance(after, str) else after
        except BaseException as error:  # plugin code: the entry's own warning said so
            let_interrupts_through(error)
            continue
        if after != before and matches_schema(after, spec.schema):
            original[spec.name], adaptation[spec.name] = before, after
            new["fields"][spec.name] = after
