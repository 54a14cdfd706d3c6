"""A broken plugin never breaks an adopter's site (issue 25): an installed package
whose entry point fails in any way is one located ``crawl.plugin`` warning naming the
package and the entry point, and the build goes on without that type; hooks that raise
``SystemExit`` or another ``BaseException`` are reported like any failure; registering
something that is not a ContentType says what was expected."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from sphinx.errors import ExtensionError

from sphinx_crawl import types
from sphinx_crawl.core.content_types import HookError, run_hook
from tests.build_utils import build, copy_root

PLUGINS = Path(__file__).parent / "plugins"


class Published:
    """An entry point as an installed distribution publishes it (with its dist)."""

    def __init__(self, name: str, value: str, dist: str) -> None:
        self.name, self.value = name, value
        self.dist = type("Dist", (), {"name": dist})()
        self._point = EntryPoint(name=name, value=value, group=types.ENTRY_POINT_GROUP)

    def load(self) -> Any:
        return self._point.load()


BROKEN = {
    # entry point value -> what the warning says went wrong
    "no_such_module_anywhere:THING": "ModuleNotFoundError",
    "crawl_activity:NOT_THERE": "AttributeError",
    "crawl_broken:JUST_A_STRING": "gives str 'activity', not a ContentType",
    "crawl_broken:exits": "SystemExit: 3",
}


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The broken packages, and a good one (crawl_activity), installed side by side."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    points = [
        Published(f"broken{n}", value, f"broken-dist-{n}") for n, value in enumerate(BROKEN)
    ] + [Published("activity", "crawl_activity:ACTIVITY", "crawl-activity")]

    def fake_entry_points(*, group: str) -> list[Any]:
        return points if group == types.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(types, "entry_points", fake_entry_points)


@pytest.mark.usefixtures("installed")
def test_each_broken_entry_point_is_one_warning_and_the_build_goes_on(tmp_path: Path) -> None:
    site = build(copy_root("entry-point", tmp_path / "src"))
    warnings = site.crawl_warnings("plugin")
    for n, (value, why) in enumerate(BROKEN.items()):
        said = [w for w in warnings if f"broken{n} = {value}" in w]
        assert len(said) == 1, (value, warnings)
        assert f"broken-dist-{n}" in said[0], said[0]
        assert why in said[0], said[0]
        # Located at the conf.py line that loads the extension.
        assert "conf.py:1:" in said[0]
    assert len(warnings) == len(BROKEN)
    # The good plugin's type still works beside them.
    assert site.main("index").find("article", id="pillow-mountain") is not None


def test_hooks_that_exit_or_raise_base_exceptions_are_reported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(PLUGINS)!r})\n"
        "extensions = ['sphinx_crawl']\n"
        "def setup(app):\n"
        "    from crawl_broken import EXITING\n"
        "    from sphinx_crawl.types import register_content_type\n"
        "    register_content_type(app, EXITING)\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Page\n====\n\nBefore.\n\n.. exiting-card:: It exits\n   :mood: calm\n\n   Body.\n\n"
        "After.\n",
        encoding="utf-8",
    )
    site = build(src)  # a SystemExit here would end pytest's process
    warnings = site.crawl_warnings("plugin")
    assert any("converter raised SystemExit: 3" in w and "index.rst:6" in w for w in warnings)
    assert any("badge raised Gone: the badge vanished" in w for w in warnings), warnings
    text = site.main("index").get_text()
    assert "Before." in text
    assert "After." in text
    assert "It exits" in text


def test_ctrl_c_in_a_hook_still_stops_the_build() -> None:
    def interrupted(fields: Any) -> str:
        raise KeyboardInterrupt

    kind = types.ContentType("x", "x-card", "X", "Xs", badge=interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_hook(kind, "badge", {})
    kind = types.ContentType("y", "y-card", "Y", "Ys", badge=lambda fields: exit(3))
    with pytest.raises(HookError, match="SystemExit"):
        run_hook(kind, "badge", {})


def test_registering_something_else_says_what_it_expected(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_crawl']\n"
        "def setup(app):\n"
        "    from sphinx_crawl.types import register_content_type\n"
        "    register_content_type(app, {'name': 'activity'})\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Page\n====\n", encoding="utf-8")
    with pytest.raises(ExtensionError, match=r"takes a sphinx_crawl\.types\.ContentType, not dict"):
        build(src)
