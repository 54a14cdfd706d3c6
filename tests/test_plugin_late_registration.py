"""A plugin that registers its content type after the configuration is read (in a
``builder-inited`` handler instead of ``setup()``) got no message: the registry took
the type, but it never got its directive, role or index, and authors saw only
docutils' "Unknown directive type". The plugin author now gets a located
``crawl.plugin`` warning saying to call register_content_type() in setup(), the type is
left out (nothing half-made of it in crawl.json or the lists), and the build goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin_project import plugin_site

PLUGIN = """
from sphinx_crawl import ContentType, register_content_type

LATE = ContentType(name="late", directive="late-card", label="Late", plural="Lates")


def setup(app):
    app.setup_extension("sphinx_crawl")
    app.connect("builder-inited", lambda app: register_content_type(app, LATE))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""

PAGE = """\
Late
====

.. tip-card:: A tip
   :id: a-tip

   Still here.
"""


def test_a_type_registered_too_late_is_a_plugin_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = plugin_site(tmp_path, monkeypatch, ("late_plugin", PLUGIN), PAGE)
    assert site.crawl_warnings() == [
        "<src>/conf.py:2: WARNING: content type 'late' is registered after the "
        "configuration was read, too late to get its directive, role and index: call "
        "register_content_type() in the extension's setup(); it is left out [crawl.plugin]"
    ]
    data = site.crawl_json()
    assert [e["id"] for e in data["entries"]] == ["a-tip"]
    assert "Still here." in site.main("index").get_text()
