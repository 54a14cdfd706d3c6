"""A plugin's directive name that an extension set up after the plugin also registers
(autodoc's ``autofunction``, listed after the plugin in ``extensions``) stays theirs:
before, the plugin's entry directive replaced it when the configuration was read, and
the adopter's API pages silently became entries of the plugin's type, with only
Sphinx's own "already registered and will not be overridden" warning. Now the other
extension's pages work, and a ``crawl.plugin`` warning at conf.py names the type, the
name, its owner and another name to choose. (A name taken *before* the plugin is
refused by register_content_type: tests/test_plugin.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build_utils import Build
from tests.plugin_project import plugin_site

PLUGIN = """
from sphinx_crawl import ContentType, register_content_type

THING = ContentType(name="thing", directive="autofunction", label="Thing", plural="Things")


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, THING)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""

PAGE = """\
API
===

.. autofunction:: posixpath.join

.. tip-card:: A tip
   :id: a-tip

   Tips still work.
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Build:
    return plugin_site(
        tmp_path, monkeypatch, ("thing_plugin", PLUGIN), PAGE, ("sphinx.ext.autodoc",)
    )


def test_the_later_extension_keeps_its_directive(site: Build) -> None:
    main = site.main("index")
    assert main.select_one("dl.py.function dt#posixpath\\.join") is not None
    assert not main.select("article.crawl-type-thing")
    assert [e["id"] for e in site.crawl_json()["entries"]] == ["a-tip"]


def test_a_located_plugin_warning_names_type_name_owner_and_a_way_out(site: Build) -> None:
    (warning,) = site.crawl_warnings()
    assert warning.startswith("<src>/conf.py:2: WARNING: content type 'thing': directive ")
    assert "'autofunction' is already sphinx.ext.autodoc" in warning
    assert "such as 'thing-card'" in warning
    assert warning.endswith("[crawl.plugin]")
