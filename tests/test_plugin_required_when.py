"""A field's ``required_when`` is plugin code: it returns a reason in words, or ''.
One that returned something else (a number, a list) made the author's warning
"the :b: option is required: 5", as if the author had left a field out; it is now a
``crawl.plugin`` warning naming the type and what the hook returned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin_project import plugin_site

PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def needs_b(fields):
    return {"num": 5, "list": ["b"], "words": "b is needed with this a"}.get(fields.get("a"), "")


THING = ContentType(
    name="thing", directive="thing-card", label="Thing", plural="Things",
    fields=(Field("a"), Field("b", required_when=needs_b)),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, THING)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_a_reason_that_is_not_words_is_the_plugin_s_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("needs_plugin", PLUGIN),
        "Things\n======\n\n"
        ".. thing-card:: Number\n   :a: num\n\n   x\n\n"
        ".. thing-card:: List\n   :a: list\n\n   x\n\n"
        ".. thing-card:: Words\n   :a: words\n\n   x\n",
    )
    prefix = "WARNING: thing-card: the 'thing' content type's :b: required_when returned"
    assert site.crawl_warnings() == [
        f"<src>/index.rst:4: {prefix} int 5, not a reason in words or '' [crawl.plugin]",
        f"<src>/index.rst:9: {prefix} list ['b'], not a reason in words or '' [crawl.plugin]",
        "<src>/index.rst:14: WARNING: thing-card: the :b: option is required: b is needed "
        "with this a [crawl.field]",
    ]
    assert [e["title"] for e in site.crawl_json()["entries"]] == ["Number", "List", "Words"]
