"""A content type whose own code fails in every way a plugin's code can (for tests)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from sphinx_crawl import ContentType, Field, IndexSpec, register_content_type


def picky(value: str) -> Any:
    value = value.strip()
    if value == "boom":
        raise TypeError("picky cannot read 'boom'")
    if value == "date":
        return datetime.date(2026, 1, 1)  # not JSON
    if value == "set":
        return {"a", "b"}  # not JSON
    if value == "nan":
        return float("nan")
    if value == "deep":  # its repr fails (RecursionError): a traceback ended the build (s49)
        nested: dict[str, Any] = {}
        inner = nested
        for _ in range(5000):
            inner["a"] = inner = {}
        return nested
    if value == "unshowable":
        return Unshowable()
    return value


class Unshowable:
    """A value whose repr raises."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def badge(fields: Mapping[str, Any]) -> Any:
    if fields.get("mood") == "angry-badge":
        raise RuntimeError("badge exploded")
    if fields.get("mood") == "number-badge":
        return 42
    return f"Mood: {fields.get('mood', 'none')}"


def classes(fields: Mapping[str, Any]) -> Any:
    return "not-a-list" if fields.get("mood") == "bad-classes" else ["gadget-ok"]


def callouts(fields: Mapping[str, Any]) -> Any:
    if fields.get("mood") == "bad-callouts":
        raise ValueError("callouts broke")
    return [("Note", "fine")]


def default_colour(fields: Mapping[str, Any]) -> Any:
    return fields["mood"].upper()  # KeyError when :mood: is left out


def group_by(entry: Any) -> Any:
    if entry["fields"].get("mood") == "bad-group":
        raise ZeroDivisionError("group_by divided by zero")
    mood = entry["fields"].get("mood")
    return [(mood, mood)]  # None, None when :mood: is left out


GADGET = ContentType(
    name="gadget",
    directive="gadget-card",
    label="Gadget",
    plural="Gadgets",
    fields=(
        Field("mood", converter=picky, schema={"type": "string"}),
        Field("colour", default=default_colour, schema={"type": "string"}),
    ),
    badge=badge,
    classes=classes,
    callouts=callouts,
    index=IndexSpec("gadgets", "Gadgets by mood", "gadgets", group_by),
)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx_crawl")
    register_content_type(app, GADGET)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
