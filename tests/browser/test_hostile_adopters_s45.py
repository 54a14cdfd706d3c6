"""Round s45 (helper h37) in a browser: adopters' cases outside the plan, each a test
whether it held or failed. (The other cases of the round are in
tests/test_hostile_adopters_s45.py.)

Tried by hand and held, with no test here because each needs a theme the suite does not
install: sphinx-nefertiti (light and dark), insipid-sphinx-theme, sphinx-documatt-theme
and sphinx-rtd-theme with sphinx-rtd-dark-mode, at 375 px and 1280 px, light and dark:
axe found nothing in the extension's parts, their fields take the page's colours, and
none of them runs past the screen (sphinx-documatt-theme's own Bulma columns make every
page scroll 12 px sideways on a phone, the extension's or not). sphinx-press-theme 0.9.1
stops every build on Sphinx 9 (its layout hands a stylesheet object to ``pathto``),
with or without the extension."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_themes import REMEMBER_BABY, built_themes, open_built
from tests.build_utils import serving_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def rtd_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_themes(tmp_path_factory.mktemp("rtd"), ["sphinx_rtd_theme"]) as url:
        yield url


#: How far the content of each of the extension's tables on the page runs past the box
#: the table is in (a theme's scrolling wrapper cuts it off there).
PAST_ITS_BOX = """() => [...document.querySelectorAll('table[class*="crawl-"]')]
  .filter((table) => table.getClientRects().length)
  .map((table) => {
    const edge = table.parentElement.getBoundingClientRect().right;
    const inside = [table, ...table.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length)
      .map((el) => el.getBoundingClientRect().right);
    return [table.className.split(' ')[0], Math.max(...inside) - edge];
  })"""


@pytest.mark.parametrize("width", [1280, 375])
def test_a_milestone_table_wraps_its_lines_in_sphinx_rtd_theme(
    playwright_browser: Any, rtd_url: str, width: int
) -> None:
    """sphinx-rtd-theme puts every docutils table in a box that scrolls sideways and
    keeps each cell on one line (``.wy-table-responsive table td { white-space:
    nowrap }``). With a baby of 8 months remembered, the row of a 4-6 month milestone
    carries "Past the usual ages for this: if your baby is not doing it yet, see ...":
    on one line it ran the table 430 px past the column on a desktop and 280 px past
    the screen on a phone, the Milestone and "What you see" columns cut off (on a
    desktop the reader saw "Miles" and "Pushes u"), to be scrolled to inside the
    table. A long description did the same with no baby. The extension's tables wrap
    their lines in any theme; an age stays on one line."""
    context, page = open_built(
        playwright_browser, rtd_url, "sphinx_rtd_theme/index.html?age=8", width=width
    )
    page.locator("tr.crawl-age-past").first.wait_for()
    past = page.evaluate(PAST_ITS_BOX)
    context.close()
    assert any(name == "crawl-milestone-table" for name, _right in past), past
    assert all(right <= 0.5 for _name, right in past), past


@pytest.fixture(scope="module")
def rtd_reference_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    page = "Reference\n=========\n\n.. crawl-warning-types::\n\n.. crawl-layers::\n"
    folder = tmp_path_factory.mktemp("rtd-reference")
    with serving_page(folder, page, html_theme="sphinx_rtd_theme") as url:
        yield url


@pytest.mark.parametrize("width", [1280, 375])
def test_the_reference_s_tables_wrap_their_lines_in_sphinx_rtd_theme(
    playwright_browser: Any, rtd_reference_url: str, width: int
) -> None:
    """The authors' reference tables the extension makes (``crawl-warning-types``,
    ``crawl-layers``) ran 1700 px past the column in sphinx-rtd-theme, each cell and
    each code span in it on one line; they wrap."""
    context = playwright_browser.new_context(viewport={"width": width, "height": 900})
    context.route(lambda url: not url.startswith(rtd_reference_url), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{rtd_reference_url}index.html")
    past = page.evaluate(PAST_ITS_BOX)
    context.close()
    assert sorted(name for name, _right in past) == ["crawl-layers", "crawl-warning-types"]
    assert all(right <= 0.5 for _name, right in past), past


PANEL_PAGE = """\
Tracker
=======

.. tip-card:: An entry named like the panel's heading
   :id: crawl-baby-heading
   :age: 6-10 months

   Body.

.. crawl-baby::
"""


@pytest.fixture(scope="module")
def panel_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving_page(tmp_path_factory.mktemp("panel"), PANEL_PAGE) as url:
        yield url


def test_change_or_forget_leads_to_the_panel_when_an_entry_has_its_id(
    playwright_browser: Any, panel_url: str
) -> None:
    """On the page of the baby panel, the age filter's "Change or forget" link leads to
    the panel's heading. An entry of the page with the heading's id
    (``crawl-baby-heading``) gives the panel ``crawl-baby-heading-2``; the link follows
    it, to the panel, not to the entry."""
    context = playwright_browser.new_context(
        viewport={"width": 1280, "height": 700}, service_workers="block"
    )
    context.route(lambda url: not url.startswith(panel_url), lambda route: route.abort())
    context.add_init_script(REMEMBER_BABY)
    page = context.new_page()
    page.goto(f"{panel_url}index.html")
    link = page.locator("a.crawl-baby-link")
    link.wait_for()
    leads_to = link.evaluate(
        "(a) => { const to = document.getElementById(a.hash.slice(1));"
        " return to ? to.tagName + '.' + to.className : ''; }"
    )
    assert leads_to == "P.crawl-baby-heading", leads_to
    assert page.locator("article#crawl-baby-heading").count() == 1
    context.close()
