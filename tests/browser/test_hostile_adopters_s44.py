"""What an independent check (helper h35) found failing adopters in a browser, each a
case outside the plan: a test per failure, written before its fix. (The other cases of
the round are in tests/test_hostile_adopters_s44.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_themes import built_themes, open_built
from tests.build_utils import serving_page

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


AGED_PAGE = """\
Home
====

.. milestone:: Pushes up
   :id: pushes-up
   :age: 2-4 months

   Lifts the chest.

.. red-flag:: Losing skills
   :id: losing-skills
   :urgency: urgent
   :age: 6-18 months

   Stops doing things it could do before.

.. red-flag:: Not walking
   :id: not-walking
   :urgency: soon
   :age: by 18 months

   Not walking at all.

.. crawl-list:: Every sign
   :layout: cards
"""


@pytest.fixture(scope="module")
def aged_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving_page(tmp_path_factory.mktemp("aged"), AGED_PAGE) as url:
        yield url


def test_a_link_to_an_entry_the_age_filter_hides_shows_it(
    playwright_browser: Any, aged_url: str
) -> None:
    """With a 3-month-old's age and "Hide entries for other ages" ticked (the address
    keeps both, ``?age=3&only=1``), the page's own card for the urgent "Losing skills"
    still showed, but a tap on it led nowhere: the entry was hidden as one for an older
    baby, and the page did not move. A shared address ending ``#losing-skills`` was the
    same. The entry a link leads to shows, and is scrolled to; the rest stay filtered."""
    context = playwright_browser.new_context(
        viewport={"width": 1280, "height": 500}, service_workers="block"
    )
    context.route(lambda url: not url.startswith(aged_url), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{aged_url}index.html?age=3&only=1#losing-skills")
    page.locator("body.crawl-age-hide").wait_for(state="attached")
    flagged = page.locator("#losing-skills")
    assert page.locator("#not-walking").is_hidden(), "the filter still hides the rest"
    assert flagged.is_visible()
    assert flagged.evaluate("(el) => el.getBoundingClientRect().top") < 100

    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".crawl-card-grid a", has_text="Not walking").click()
    assert page.locator("#not-walking").is_visible()
    assert page.locator("#not-walking").evaluate("(el) => el.getBoundingClientRect().top") < 100
    assert page.locator("#losing-skills").is_hidden(), "filtered again once left"
    context.close()


#: Each row of the checklist and the tracker: its own bullet, as a list marker or a
#: picture, and the room left for one.
ROW_BULLETS = """() => [...document.querySelectorAll('ul.crawl-checklist > li')]
  .map((li) => { const s = getComputedStyle(li);
    return [s.listStyleType, s.listStyleImage, s.backgroundImage, s.paddingLeft]; })"""


def test_a_checklist_row_shows_no_bullet_picture_of_the_theme(
    playwright_browser: Any, builtin_url: str
) -> None:
    """Sphinx's builtin haiku theme draws its bullets as a picture (an orange dot, the
    background of every ``div.content ul > li``, with 1.666em of room): each checklist
    and tracker row had an orange dot beside its tick box, and the box stood 20 px in
    from the notes under it. The box is the row's only marker, as in every other theme."""
    context, page = open_built(playwright_browser, builtin_url, "haiku/index.html?age=8")
    rows = page.evaluate(ROW_BULLETS)
    page.goto(f"{builtin_url}haiku/tracker.html")
    page.locator("ul.crawl-tracker > li").first.wait_for()
    rows += page.evaluate(ROW_BULLETS)
    context.close()
    assert len(rows) >= 5, rows
    assert all(row == ["none", "none", "none", "0px"] for row in rows), rows
