"""A third-party content type, defined only through sphinx-crawl's public API."""

from __future__ import annotations

from typing import Any

from sphinx_crawl import ContentType, Field, IndexSpec, choice, register_content_type


def minutes(value: str) -> int:
    number = int(value.strip())
    if not 1 <= number <= 120:
        raise ValueError(f"{number} minutes is not between 1 and 120")
    return number


def _by_energy(entry: Any) -> list[tuple[str, str]]:
    energy = entry["fields"].get("energy", "calm")
    return [(energy, energy)]


ACTIVITY = ContentType(
    name="activity",
    directive="activity-card",
    label="Activity",
    plural="Activities",
    help="A floor game to play with the baby.",
    fields=(
        Field(
            "duration", converter=minutes, required=True, help="Minutes", schema={"type": "integer"}
        ),
        Field(
            "energy",
            converter=choice("calm", "lively"),
            help="How lively",
            schema={"enum": ["calm", "lively"]},
        ),
    ),
    badge=lambda fields: f"{fields.get('duration', '?')} minutes",
    classes=lambda fields: [f"activity-{fields.get('energy', 'calm')}"],
    index=IndexSpec("activities", "Activities by energy", "activities", _by_energy),
)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx_crawl")
    register_content_type(app, ACTIVITY)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
