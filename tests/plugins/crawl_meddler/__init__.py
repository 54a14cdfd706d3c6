"""A content type whose index code misbehaves without raising (for tests): its
``group_by`` changes the entry it is given and returns group keys that cannot be keys,
its ``badge`` changes the fields it is given, and its index names are markup."""

from __future__ import annotations

from typing import Any

from sphinx_crawl import ContentType, Field, IndexSpec, register_content_type

MARKUP = '<script>alert("index")</script>'


def group_by(entry: Any) -> Any:
    mood = entry["fields"].get("mood")
    # Changes made here must stay here: the entry is the one every page shows.
    entry["title"] = "CHANGED BY GROUP_BY"
    entry["fields"]["mood"] = "changed"
    entry["tags"].append("changed")
    if entry["id"] == "gizmo-list-key":
        return [(["a", "list"], "A list")]
    if entry["id"] == "gizmo-dict-key":
        return [({"a": 1}, "A dict")]
    return [(mood, mood)]


def badge(fields: Any) -> str:
    if fields.get("mood") == "meddle":
        fields["mood"] = "changed by badge"  # must not reach the entry either
    return "A gizmo"


GIZMO = ContentType(
    name="gizmo",
    directive="gizmo-card",
    label="Gizmo",
    plural="Gizmos",
    fields=(Field("mood", schema={"type": "string"}),),
    badge=badge,
    index=IndexSpec("gizmos", MARKUP, MARKUP, group_by),
)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx_crawl")
    register_content_type(app, GIZMO)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
