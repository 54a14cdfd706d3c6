"""Content types as values: their fields, labels and how they group, sort and read.

A content type is a value, not code. One generic directive, node, renderer, index
and exporter (in the Sphinx layers) serve every registered type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sphinx_crawl.core.entries import EntryData

_TYPE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class ContentTypeError(ValueError):
    """A content type that cannot be registered (the Sphinx layer raises ExtensionError)."""


#: Converts a raw option string into a value; raises ValueError with a reason.
Converter = Callable[[str], Any]


def text_field(value: str) -> str:
    """The default converter: trimmed text, required to be non-empty."""
    value = " ".join(value.split())
    if not value:
        raise ValueError("the value is empty")
    return value


def choice(*allowed: str) -> Converter:
    """A converter accepting one of ``allowed`` (case-insensitive)."""

    def convert(value: str) -> str:
        normalised = value.strip().lower()
        if normalised not in allowed:
            raise ValueError(f"{value.strip()!r} is not one of: {', '.join(allowed)}")
        return normalised

    convert.choices = allowed  # type: ignore[attr-defined]
    return convert


@dataclass(frozen=True)
class Field:
    """One option of a content type, beyond the options every entry has."""

    name: str
    converter: Converter = text_field
    required: bool = False
    help: str = ""
    #: A value used when the option is absent; may depend on the other fields.
    default: Callable[[Mapping[str, Any]], Any] | None = None
    #: JSON Schema of the converted value, for ``crawl.schema.json``.
    schema: Mapping[str, Any] = field(default_factory=lambda: {"type": "string"})
    #: A visible label: when set, the value shows as a labelled line under the body
    #: ("What to do: ...", "Safety: ..."), in every builder and in checklists.
    callout: str | None = None

    @property
    def choices(self) -> tuple[str, ...] | None:
        return getattr(self.converter, "choices", None)


@dataclass(frozen=True)
class IndexSpec:
    """How the type's domain index (``crawl-<name>.html``) groups its entries."""

    name: str
    localname: str
    shortname: str
    #: Returns (sort key, heading) pairs: the groups an entry is listed under.
    group_by: Callable[[EntryData], Iterable[tuple[Any, str]]]


@dataclass(frozen=True)
class ContentType:
    """A kind of entry: tip, red flag, milestone, or anything a plugin defines."""

    #: Object type in the ``crawl`` domain, JSON ``type`` and role name.
    name: str
    #: Directive name authors write, e.g. ``tip-card``.
    directive: str
    #: Human label, singular and plural (passed through the message catalog).
    label: str
    plural: str
    fields: tuple[Field, ...] = ()
    help: str = ""
    #: Text spoken before the title by screen readers (visually hidden).
    heading_prefix: Callable[[Mapping[str, Any]], str] | None = None
    #: Extra CSS classes from the fields, e.g. the urgency level.
    classes: Callable[[Mapping[str, Any]], list[str]] | None = None
    #: Labelled lines shown under the body, computed from the fields. Fields with a
    #: ``callout`` label need no code here; this is for lines that combine fields.
    callouts: Callable[[Mapping[str, Any]], list[tuple[str, str]]] | None = None
    #: Short visible text stating the level in words, e.g. "Urgent: same day".
    badge: Callable[[Mapping[str, Any]], str] | None = None
    index: IndexSpec | None = None
    #: Order within collections, lowest first (red flags: most urgent first).
    rank: Callable[[Mapping[str, Any]], int] | None = None
    #: Whether ``:age:`` must be given (milestones are meaningless without one).
    age_required: bool = False
    #: Render entries as rows of a table when inside this container directive.
    table_container: str | None = None

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


class ContentTypeRegistry:
    """The content types enabled for one Sphinx application."""

    def __init__(self) -> None:
        self._types: dict[str, ContentType] = {}

    def add(self, content_type: ContentType) -> None:
        # Names become ids, CSS classes, roles and JSON values: keep them slugs.
        for attribute in ("name", "directive"):
            value = getattr(content_type, attribute)
            if not _TYPE_NAME.match(value):
                raise ContentTypeError(
                    f"content type {attribute} {value!r} must be a lowercase slug "
                    "such as 'activity' or 'activity-card'"
                )
        if content_type.name in self._types:
            raise ContentTypeError(f"content type {content_type.name!r} is already registered")
        self._types[content_type.name] = content_type

    def __getitem__(self, name: str) -> ContentType:
        return self._types[name]

    def get(self, name: str) -> ContentType | None:
        return self._types.get(name)

    def __iter__(self) -> Iterator[ContentType]:
        return iter(self._types.values())

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def names(self) -> list[str]:
        return list(self._types)
