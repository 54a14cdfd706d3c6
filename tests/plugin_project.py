"""A one-page rST project with a plugin written for the test (its module source),
for tests of what a plugin's code does to the build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.build_utils import Build, build


def plugin_site(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    plugin: tuple[str, str],
    page: str,
    extensions: tuple[str, ...] = (),
) -> Build:
    """Build ``page`` as index.rst with the plugin (module name, source) importable and
    listed in ``extensions`` after sphinx_crawl (then ``extensions``)."""
    module, source = plugin
    (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # A module of that name another test of this process imported is not this plugin.
    monkeypatch.delitem(sys.modules, module, raising=False)
    src = tmp_path / "src"
    src.mkdir()
    listed = ", ".join(repr(name) for name in ("sphinx_crawl", module, *extensions))
    (src / "conf.py").write_text(f'project = "P"\nextensions = [{listed}]\n', "utf-8")
    (src / "index.rst").write_text(page, encoding="utf-8")
    return build(src)
