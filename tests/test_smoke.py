from __future__ import annotations

import pytest

from tests.helpers import body, crawl_json, warnings


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_project_builds_cleanly(app) -> None:
    app.build()
    assert warnings(app) == []
    assert body(app, "flags").find("article", id="no-movement") is not None
    assert {e["id"] for e in crawl_json(app)["entries"]} >= {"no-movement", "bare-knees", "rst-tip"}
