"""The extension in themes beyond the eight of test_themes.py, in the mode where an
independent check found a part unreadable: dark, as the system asks for it.

sphinx-pdj-theme darkens sphinx-rtd-theme's page in a stylesheet for
``prefers-color-scheme: dark`` that leaves rtd's tables alone: their caption and header
stay black (1.2:1 on the dark page) and every other row keeps its near-white stripe
under the page's now pale text (1.4:1), the milestone table's "Seen?" choice too.
sphinx-wagtail-theme greys a table's caption, #6c6c6c: 3.6:1 on its dark page. The
milestone table is the extension's part: like the others, it takes the page's own text
colour on the page's own ground (crawl.css), whatever a theme does to its tables.

sphinx-material takes the outline off every ``summary`` in its content: the "The same
ages as a table" switch under a timeline showed no focus to a keyboard. (It has no dark
mode.)

kentigern (Bootstrap 5) gives every ``.container`` a gutter on each side, centres it
and caps its width, and docutils puts ``container`` on every ``div`` it makes: each
entry's text stood 12px in from its heading, and each card in the grid shrank to its
words and sat centred (three widths on one phone screen). Its ``ul li { list-style:
none }`` took the bullets off a tip's list, and its ``table.docutils * { border: none }``
the bar off the milestone table's note that a baby is past a milestone's ages.

Lean on purpose (a few seconds a theme): the page with every part, axe on the parts and
their fields' colours, in dark at desktop and phone widths. sphinx-pdj-theme's layout
asks Google for its fonts: the request is the theme's, and is refused here (the page
stays on this machine).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.support import WCAG_TAGS
from tests.browser.test_a11y import RUN_AXE
from tests.browser.test_themes import (
    FIELDS,
    PAGE_IS_DARK,
    PAGES,
    REMEMBER_BABY,
    build_in_theme,
)
from tests.build_utils import QuietHandler, serving

pytestmark = pytest.mark.browser

#: Each theme, and the extensions it asks to be listed beside ours (sphinx-wagtail-theme
#: registers its theme as an extension).
THEMES = {
    "sphinx_pdj_theme": (),
    "sphinx_wagtail_theme": ("sphinx_wagtail_theme",),
    "sphinx_material": (),
    "kentigern": (),
    "conestack": (),
}
#: The hosts each theme's pages load web fonts from, which a crawl.privacy warning names
#: (s47; the pages here are opened with other hosts blocked).
OTHER_HOSTS = {
    "sphinx_pdj_theme": ("fonts.googleapis.com",),
    "sphinx_material": ("fonts.googleapis.com", "fonts.gstatic.com"),
}
#: The themes above that turn dark with the system, checked here in dark (sphinx-conestack-
#: theme turns dark too, and held there when tried by hand: it is here for its layout).
DARK_THEMES = ["sphinx_pdj_theme", "sphinx_wagtail_theme", "kentigern"]
PAGE = "index.html?age=8"

#: What a theme's styles for every ``.container``, ``li`` or table cell do to the parts:
#: the extension's blocks (docutils containers) that stand in from their column's edges
#: or pad their text in from the entry's heading, the widths of the cards in the grid
#: (one width: they fill their tracks), the markers of the tip's list, and the width of
#: the bar beside the milestone table's "past the usual ages" note.
BLOCKS = """() => {
  const shown = (el) => el.getClientRects().length > 0;
  const px = (style, prop) => parseFloat(style[prop]);
  const blocks = [...document.querySelectorAll('.docutils.container[class*="crawl-"]')]
    .filter((el) => shown(el) && !el.classList.contains('crawl-list-card'));
  const off = blocks.flatMap((el) => {
    const own = getComputedStyle(el), around = getComputedStyle(el.parentElement);
    const box = el.getBoundingClientRect(), outer = el.parentElement.getBoundingClientRect();
    const edge = (side) => px(around, `padding${side}`) + px(around, `border${side}Width`);
    const left = box.left - outer.left - edge('Left');
    const right = outer.right - box.right - edge('Right');
    const inset = [left, right, px(own, 'paddingLeft'), px(own, 'paddingRight')].map(Math.round);
    return inset.some((n) => Math.abs(n) > 1) ? [`${el.className.split(' ')[0]} ${inset}`] : [];
  });
  const cards = [...document.querySelectorAll('.crawl-card-grid > .crawl-list-card')].filter(shown);
  const note = document.querySelector('tr.crawl-age-past .crawl-age-note');
  return {
    off,
    cardWidths: [...new Set(cards.map((card) => Math.round(card.getBoundingClientRect().width)))],
    bullets: [...document.querySelectorAll('#bare-knees .crawl-entry-body li')]
      .map((li) => getComputedStyle(li).listStyleType),
    noteBar: px(getComputedStyle(note), 'borderLeftWidth'),
  };
}"""


@pytest.fixture(scope="module")
def unseen_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test-themes root built once per theme, all served from one folder."""
    out = tmp_path_factory.mktemp("unseen-themes")
    for theme, extensions in THEMES.items():
        build_in_theme(theme, out, extensions, OTHER_HOSTS.get(theme, ()))
    with serving(functools.partial(QuietHandler, directory=str(out))) as (url, _server):
        yield url


@pytest.mark.parametrize("theme", DARK_THEMES)
def test_every_part_reads_well_in_dark(
    playwright_browser: Any, unseen_url: str, axe_script: str, theme: str
) -> None:
    context = playwright_browser.new_context(
        color_scheme="dark", viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(10_000)
    context.route(lambda url: not url.startswith(unseen_url), lambda route: route.abort())
    context.add_init_script(REMEMBER_BABY)
    page = context.new_page()
    parts = PAGES[PAGE]
    problems: list[str] = []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{unseen_url}{theme}/{PAGE}")
        page.locator(".crawl-age-applies").first.wait_for()
        page.locator(".crawl-row-mark").first.wait_for()
        assert page.evaluate(PAGE_IS_DARK, parts[-1]), f"{theme} turns dark with the system"
        page.evaluate(axe_script)
        problems += [
            f"{width}px [{v['id']}] {v['help']}\n    " + "\n    ".join(v["nodes"])
            for v in page.evaluate(RUN_AXE, [WCAG_TAGS, parts])
        ]
        problems += [
            f"{width}px {field['field']}: text {field['color']} in a part of {field['around']},"
            f" ground alpha {field['alpha']}"
            for field in page.evaluate(FIELDS, parts)
            if field["color"] != field["around"] or field["alpha"] > 0.15
        ]
        blocks = page.evaluate(BLOCKS)
        problems += [
            f"{width}px {block}: stands in from its column (left, right, padding)"
            for block in blocks["off"]
        ]
        if width < 600 and len(blocks["cardWidths"]) != 1:
            problems.append(f"{width}px the cards are of widths {blocks['cardWidths']}")
        if len(blocks["bullets"]) != 2 or "none" in blocks["bullets"]:
            problems.append(f"{width}px the tip's list has markers {blocks['bullets']}")
        if blocks["noteBar"] < 2:
            problems.append(f"{width}px the past-ages note has a bar of {blocks['noteBar']}px")
    context.close()
    assert not problems, f"{theme} dark:\n" + "\n".join(problems)


@pytest.mark.parametrize("theme", THEMES)
def test_the_timeline_table_switch_shows_keyboard_focus(
    playwright_browser: Any, unseen_url: str, theme: str
) -> None:
    context = playwright_browser.new_context(service_workers="block")
    context.route(lambda url: not url.startswith(unseen_url), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{unseen_url}{theme}/{PAGE}")
    page.keyboard.press("Tab")  # the reader is on the keyboard
    summary = page.locator("details.crawl-details > summary")
    summary.focus()
    outline = summary.evaluate(
        "(el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none'"
        " ? parseFloat(getComputedStyle(el).outlineWidth) : 0"
    )
    context.close()
    assert outline >= 2, f"{theme}: the focused switch has an outline of {outline}px"


@pytest.mark.parametrize("theme", THEMES)
def test_the_search_s_emergency_notice_stands_alone(
    playwright_browser: Any, unseen_url: str, theme: str
) -> None:
    """On a phone, a search naming an emergency sign: the notice says to call, and the
    "Emergency?" line, which says less, is not shown as well (kentigern's search page has
    no main part: the line stood first in the body, above the theme's top bar, and the
    notice said it again in the content below). The notice stands above the results, in
    their column: sphinx-conestack-theme lays its main part out as a grid, where the
    notice and the line became cells of their own, the notice beside the heading
    "Search" and over it, the results squeezed into a column 83 px wide."""
    context = playwright_browser.new_context(
        viewport={"width": 375, "height": 900}, service_workers="block"
    )
    context.route(lambda url: not url.startswith(unseen_url), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{unseen_url}{theme}/search.html?q=not+breathing")
    page.locator(".crawl-search-emergency").wait_for()
    shown = page.locator(".crawl-emergency-line").evaluate_all(
        "(lines) => lines.filter((line) => line.getClientRects().length).length"
    )
    page.locator("section.crawl-search").wait_for()
    notice, results = (
        page.locator(part).evaluate(
            "(el) => ((r) => [r.left, r.right, r.top, r.bottom])(el.getBoundingClientRect())"
        )
        for part in (".crawl-search-emergency", "section.crawl-search")
    )
    context.close()
    assert shown == 0, f"{theme}: the emergency line is shown beside the notice"
    assert notice[3] <= results[2], (
        f"{theme}: the notice {notice} is not above the results {results}"
    )
    column = [round(notice[side] - results[side]) for side in (0, 1)]
    assert column == [0, 0], f"{theme}: the notice {notice} is not in the results' column {results}"
