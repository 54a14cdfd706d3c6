"""Phones: nothing scrolls sideways at 375 px; cards and milestone tables reflow.

Also saves screenshots of the landing page on a phone and a desktop under
tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import ARTIFACTS, is_search, visit_list

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`
      + ` right=${Math.round(e.getBoundingClientRect().right)}`)"""


def test_no_page_scrolls_sideways_at_375px(open_page: Callable[..., Tab], site: Path) -> None:
    tab = open_page(**PHONE)
    page = tab.page
    too_wide = {}
    for path in [*visit_list(site), "milestones.html?age=8&only=1", "red-flags.html?age=11"]:
        tab.goto(path)
        if is_search(path):
            page.locator("section.crawl-search").wait_for()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = (width, page.evaluate(WIDEST))
    assert not too_wide, f"pages wider than 375 px: {too_wide}"


def test_milestone_table_and_cards_reflow(open_page: Callable[..., Tab]) -> None:
    tab = open_page(**PHONE)
    page = tab.page
    tab.goto("milestones.html")
    rows = page.locator("table.crawl-milestone-table tbody tr").evaluate_all(
        """rows => rows.map((r) => ({display: getComputedStyle(r).display,
                                     right: r.getBoundingClientRect().right}))"""
    )
    assert rows
    assert all(row["display"] == "block" for row in rows), "rows stack as cards on phones"
    assert all(row["right"] <= 375 for row in rows)
    tab.goto("red-flags.html")
    cards = page.locator("article.crawl-entry").evaluate_all(
        "els => els.map((e) => e.getBoundingClientRect().right)"
    )
    assert cards
    assert max(cards) <= 375


@pytest.mark.parametrize(
    ("name", "options"), [("phone", PHONE), ("desktop", DESKTOP)], ids=["phone", "desktop"]
)
def test_landing_page_screenshots(
    open_page: Callable[..., Tab], name: str, options: dict[str, Any]
) -> None:
    tab = open_page(theme="light", device_scale_factor=1, **options)
    tab.goto("index.html")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"landing-{name}.png"
    tab.page.screenshot(path=str(shot), full_page=False)
    tab.page.screenshot(path=str(ARTIFACTS / f"landing-{name}-full.png"), full_page=True)
    assert shot.stat().st_size > 5_000
    assert (
        tab.page.evaluate("() => document.documentElement.scrollWidth")
        <= (options["viewport"]["width"])
    )


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_a_phone_set_for_less_motion_jumps_where_the_theme_glides(
    open_page: Callable[..., Tab], motion: str
) -> None:
    """furo scrolls smoothly to every field filled and every link followed; a reader who
    asked the phone for less motion gets the jump at once (crawl.css), the others keep
    the theme's glide."""
    tab = open_page(reduced_motion=motion, **PHONE)
    page = tab.page
    tab.goto("tracker.html")
    moved = page.evaluate(
        """() => {
          document.querySelector('button.crawl-baby-save').scrollIntoView();
          return [scrollY, getComputedStyle(document.documentElement).scrollBehavior];
        }"""
    )
    if motion == "reduce":
        assert moved[0] > 0, "the page is at the button at once"
        assert moved[1] == "auto", moved
    else:
        assert moved == [0, "smooth"], "furo's glide starts from the top"
