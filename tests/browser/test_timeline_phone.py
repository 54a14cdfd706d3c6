"""The timeline's words at a reading size on a phone, and never on top of each other
(issue 26: its labels were 11 px at 375 px wide, its month numbers 9.4 px)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

TEXTS = """() => {
  const svg = document.querySelector('svg.crawl-timeline-chart');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const shown = [...svg.querySelectorAll('text')].filter((t) =>
    t.closest('[visibility=hidden]') === null && getComputedStyle(t).display !== 'none');
  return {
    svg: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
    texts: shown.map((t) => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
              left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    }),
  };
}"""


def overlapping(texts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cross (a hair of anti-aliasing allowed)."""
    pairs = []
    for n, a in enumerate(texts):
        for b in texts[n + 1 :]:
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > 0.5 and down > 0.5:
                pairs.append((a["text"], b["text"]))
    return pairs


@pytest.mark.parametrize("path", ["milestones.html", "es/milestones.html"])
@pytest.mark.parametrize("age", ["", "0", "9", "30"])
def test_every_word_of_the_chart_is_at_least_14px_on_a_phone_and_none_overlap(
    open_page: Callable[..., Tab], path: str, age: str
) -> None:
    tab = open_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    tab.goto(f"{path}?age={age}" if age else path)
    chart = tab.page.evaluate(TEXTS)
    texts = chart["texts"]
    assert len(texts) > 10
    small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < 14]
    assert not small, small
    assert not overlapping(texts), overlapping(texts)
    box = chart["svg"]
    outside = [
        t["text"]
        for t in texts
        if t["left"] < box["left"] - 0.5
        or t["right"] > box["right"] + 0.5
        or t["top"] < box["top"] - 0.5
        or t["bottom"] > box["bottom"] + 0.5
    ]
    assert not outside, outside
    if age:  # the marker's label was measured too
        assert any(t["text"].startswith(("Your baby", "Su bebé")) for t in texts), texts


def test_on_a_desktop_the_words_stay_a_reading_size(open_page: Callable[..., Tab]) -> None:
    tab = open_page(viewport={"width": 1280, "height": 900})
    tab.goto("milestones.html?age=9")
    texts = tab.page.evaluate(TEXTS)["texts"]
    sizes = sorted(t["px"] for t in texts)
    assert sizes[0] >= 14, sizes
    assert sizes[-1] <= 20, sizes
    assert not overlapping(texts)
