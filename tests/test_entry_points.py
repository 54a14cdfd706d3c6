"""A package publishing a ContentType under the ``sphinx_crawl.content_types`` entry-point
group gets a working directive without being listed in ``extensions``."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from sphinx_crawl import types
from tests.helpers import body, crawl_json, warnings

PLUGINS = Path(__file__).parent / "plugins"


@pytest.fixture
def published_activity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend an installed distribution declares the entry point."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    published = EntryPoint(
        name="activity", value="crawl_activity:ACTIVITY", group=types.ENTRY_POINT_GROUP
    )

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [published] if group == types.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(types, "entry_points", fake_entry_points)


@pytest.mark.usefixtures("published_activity")
@pytest.mark.sphinx("html", testroot="entry-point", freshenv=True)
def test_entry_point_type_gets_directive_index_and_json(app) -> None:
    app.build()
    assert warnings(app) == []
    card = body(app, "index").find("article", id="pillow-mountain")
    assert card is not None
    assert "crawl-type-activity" in card["class"]
    assert "15 minutes" in card.get_text()
    record = next(e for e in crawl_json(app)["entries"] if e["id"] == "pillow-mountain")
    assert record["type"] == "activity"
    assert record["duration"] == 15
    assert (Path(app.outdir) / "crawl-activities.html").is_file()
    assert "crawl_activity" in sys.modules
