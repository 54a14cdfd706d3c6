from __future__ import annotations

import pytest

from tests.helpers import body, crawl_json, warnings


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_project_builds_cleanly(app) -> None:
    app.build()
    assert warnings(app) == []
    assert body(app, "flags").find("article", id="no-movement") is not None
    assert {e["id"] for e in crawl_json(app)["entries"]} >= {"no-movement", "bare-knees", "rst-tip"}


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_age_filter_form_is_on_aged_pages_but_not_in_the_search_index(app) -> None:
    """The form's labels are UI, not content: searching "corrected" or "hide" must not
    list every page that has entries with ages."""
    import json
    import re
    from pathlib import Path

    app.build()
    assert body(app, "tips").find("form", class_="crawl-age-filter") is not None
    index_js = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(re.search(r"Search\.setIndex\((.*)\)", index_js, re.S).group(1))["terms"]
    for form_word in ("correct", "hide", "servic", "week"):
        assert form_word not in terms, form_word
    assert "grip" in terms  # entry text is still indexed
