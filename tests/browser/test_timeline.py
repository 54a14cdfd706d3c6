"""The milestones page's timeline as a parent sees it: a line where their baby is, at a
phone's width and on paper (issue 15). Axe and the phone width check visit the page
with the other pages (support.visit_list)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
MARKER = "svg.crawl-timeline-chart .crawl-timeline-marker"


def marker_x(tab: Tab) -> float | None:
    """Where the marker stands, in the chart's units; None while it is hidden."""
    return tab.page.evaluate(
        """(selector) => {
          const marker = document.querySelector(selector);
          if (marker.getAttribute('visibility') !== 'visible') return null;
          return parseFloat(/translate\\(([\\d.]+)/.exec(marker.getAttribute('transform'))[1]);
        }""",
        MARKER,
    )


@pytest.mark.parametrize("path", ["milestones.html", "es/milestones.html"])
def test_the_marker_follows_the_babys_age(open_page: Callable[..., Tab], path: str) -> None:
    tab = open_page(**PHONE)
    tab.goto(path)
    assert marker_x(tab) is None  # no age set: no marker
    age = tab.page.locator("form.crawl-age-filter [name=age]")
    age.fill("6")
    at_six = marker_x(tab)
    age.fill("12")
    at_twelve = marker_x(tab)
    assert at_six is not None
    assert at_twelve is not None
    end = float(tab.page.locator("svg.crawl-timeline-chart").get_attribute("data-end") or 0)
    x0 = float(tab.page.locator("svg.crawl-timeline-chart").get_attribute("data-x0") or 0)
    x1 = float(tab.page.locator("svg.crawl-timeline-chart").get_attribute("data-x1") or 0)
    assert at_six == pytest.approx(x0 + (x1 - x0) * 6 / end, abs=0.05)
    assert at_twelve == pytest.approx(2 * at_six - x0, abs=0.1)
    # Older than every window (a toddler at 30 months): at the axis' end, pointing on.
    age.fill("30")
    assert marker_x(tab) == pytest.approx(x1, abs=0.05)
    assert tab.page.locator(f"{MARKER} text").text_content().endswith("\u2192")
    age.fill("12")
    assert not tab.page.locator(f"{MARKER} text").text_content().endswith("\u2192")
    # Born 8 weeks early, 6 months old: the line stands at the corrected age.
    age.fill("6")
    tab.page.locator("form.crawl-age-filter [name=early]").fill("8")
    assert marker_x(tab) < at_six  # type: ignore[operator]
    age.fill("")
    assert marker_x(tab) is None


def test_the_chart_is_readable_on_a_phone_and_prints(open_page: Callable[..., Tab]) -> None:
    tab = open_page(**PHONE)
    tab.goto("milestones.html?age=9")
    chart = tab.page.locator("svg.crawl-timeline-chart")
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] <= 375
    # Words at least 10 CSS pixels high on a 375 px screen.
    smallest = tab.page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(
              'svg.crawl-timeline-chart text.crawl-timeline-label')]
              .map((t) => t.getBoundingClientRect().height))"""
    )
    assert smallest >= 10
    tab.page.emulate_media(media="print")
    assert chart.is_visible()
    assert tab.page.locator(MARKER).evaluate("(m) => getComputedStyle(m).display") == "none"
