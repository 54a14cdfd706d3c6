"""What a ``crawl-list`` asks for, as plain data: its layouts and its spec. No Sphinx."""

from __future__ import annotations

from typing import Any, TypedDict

LAYOUTS = ("table", "cards", "checklist", "tracker", "noticed", "timeline")


class ListSpec(TypedDict):
    kind: str  # "list"
    types: list[str]
    tags: list[str]
    age: dict[str, Any] | None
    layout: str
    #: Entry ids shown first, in this order (e.g. the "if you are worried" card).
    first: list[str]
    #: Types whose entries a tracker offers for what is not there yet (e.g. tips).
    help: list[str]
