"""What an independent check (helper h35) found failing adopters in a browser, each a
case outside the plan: a test per failure, written before its fix. (The other cases of
the round are in tests/test_hostile_adopters_s44.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_themes import built_themes, open_built

pytestmark = pytest.mark.browser

#: Sphinx's own themes that put a margin on every docutils table (scrolls: 1.5em each
#: side; haiku and agogo set none, and stand for the rest).
MARGIN_THEMES = ["scrolls", "haiku"]


@pytest.fixture(scope="module")
def builtin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_themes(tmp_path_factory.mktemp("builtin-themes"), MARGIN_THEMES) as url:
        yield url


#: Each of the extension's tables on the page: how far it runs past its column's right edge.
PAST_THE_COLUMN = """() => [...document.querySelectorAll('table[class*="crawl-"]')]
  .filter((table) => table.getClientRects().length)
  .map((table) => [table.className.split(' ')[0],
    table.getBoundingClientRect().right - table.parentElement.getBoundingClientRect().right])"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", MARGIN_THEMES)
def test_a_milestone_table_stays_in_its_column_in_a_theme_with_table_margins(
    playwright_browser: Any, builtin_url: str, theme: str, scheme: str
) -> None:
    """Sphinx's builtin 'scrolls' theme gives every docutils table a margin of 1.5em a
    side; the milestone table's ``width: 100%`` came on top of it, so the table ran 22 px
    past the right of the content column, where the theme cuts it off: the last column's
    words ("What you see", a source's title) were clipped on a desktop. The table fills
    its column, margins included, in any theme."""
    context, page = open_built(
        playwright_browser, builtin_url, f"{theme}/index.html?age=8", scheme=scheme
    )
    past = page.evaluate(PAST_THE_COLUMN)
    context.close()
    assert past, "the page has the extension's tables"
    assert all(right <= 0.5 for _name, right in past), past
