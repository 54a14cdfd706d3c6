"""The extension in sphinx-bootstrap-theme (Bootstrap 3), where an independent check found
two things a reader sees:

- docutils puts the class ``container`` on every ``div`` it makes, and Bootstrap 3 gives
  every ``.container`` a fixed width (750, 970, 1170px by the window's width): each
  entry's body, its links, the lists and the cards ran far out of their column, and the
  page scrolled sideways by 1241px on a 1280px desktop;
- its fixed top bar is 51px high over a top padding of 40px: the top of the "Emergency?"
  line, first in the content, was under the bar.

The theme has no dark mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_themes import LAYOUT, OVER_EMERGENCY_LINE, built_themes, open_built

pytestmark = pytest.mark.browser

THEME = "bootstrap"


@pytest.fixture(scope="module")
def bootstrap_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("sphinx_bootstrap_theme")
    with built_themes(tmp_path_factory.mktemp("bootstrap-theme"), [THEME]) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 1000, 800, 375])
def test_parts_keep_to_their_column_and_clear_the_top_bar(
    playwright_browser: Any, bootstrap_url: str, width: int
) -> None:
    context, page = open_built(
        playwright_browser, bootstrap_url, f"{THEME}/index.html?age=8", width=width
    )
    layout = page.evaluate(LAYOUT)
    over = page.evaluate(OVER_EMERGENCY_LINE)
    wide = page.evaluate(
        """() => {
          const edge = document.documentElement.clientWidth + 1;
          return [...document.querySelectorAll('[class*="crawl-"]')]
            .filter((el) => el.getBoundingClientRect().right > edge)
            .map((el) => el.className).slice(0, 5);
        }"""
    )
    context.close()
    assert layout["scroll"] <= 0, f"the page scrolls sideways by {layout['scroll']}px: {wide}"
    assert not wide, f"parts run out of the window: {wide}"
    assert not over, f"the emergency line runs under {over}"
