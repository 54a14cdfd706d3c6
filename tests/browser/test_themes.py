"""The extension in the five popular themes (issue 16): one page with every part (an
age filter with entries that apply, red flags of each level, a tip with a list, a
milestone table, cards, a checklist, a timeline), built with alabaster, furo,
sphinx-book-theme, pydata-sphinx-theme and sphinx-rtd-theme, seen with a light and a
dark system preference at desktop and phone widths.

Dark means the system asks for dark: furo, pydata and book follow it (their default
is "auto"); alabaster and rtd are light-only, and the extension must stay light with
them too. axe checks contrast (the age filter's box, "Applies at this age"), and the
checks below what axe does not: card padding, checklist markers, bullets inside
cards, no sideways scrolling on a phone.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import WCAG_TAGS
from tests.browser.test_a11y import RUN_AXE
from tests.build_utils import ROOTS

pytestmark = pytest.mark.browser

THEMES = ["alabaster", "furo", "sphinx_book_theme", "pydata_sphinx_theme", "sphinx_rtd_theme"]
#: Themes with a dark mode that follows the system by default.
DARK_THEMES = {"furo", "sphinx_book_theme", "pydata_sphinx_theme"}


@pytest.fixture(scope="module")
def themes_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test-themes root built once per theme, all served from one folder."""
    out = tmp_path_factory.mktemp("themes")
    for theme in THEMES:
        command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}"]
        command += [
            "-d",
            str(out / f"{theme}-doctrees"),
            str(ROOTS / "test-themes"),
            str(out / theme),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr[-3000:]
        crawl = [line for line in result.stderr.splitlines() if "[crawl." in line]
        assert crawl == [], crawl
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


#: What the extension puts on the page; the themes' own parts (alabaster's grey footer
#: fails contrast on its own) are theirs to fix.
OURS = [
    ".crawl-age-filter",
    "article.crawl-entry",
    "table.crawl-milestone-table",
    ".crawl-card-grid",
    "ul.crawl-checklist",
    ".crawl-checklist-tools",
    ".crawl-timeline-chart",
    "details.crawl-details",
]

# Measured in the page: what a reader sees that axe does not judge.
LAYOUT = """() => {
  const box = (el) => el.getBoundingClientRect();
  const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
  const cards = [...document.querySelectorAll('.crawl-card-grid > *')];
  const cardInsets = cards.map((card) => {
    const first = card.querySelector('p, a, h2, h3, h4, span');
    return first ? box(first).left - box(card).left : 0;
  });
  const checklistItems = [...document.querySelectorAll('ul.crawl-checklist > li')];
  const markers = checklistItems.map((li) => [
    getComputedStyle(li).listStyleType,
    getComputedStyle(li, '::before').content,
  ]);
  const tip = document.querySelector('#bare-knees');
  const bullets = [...tip.querySelectorAll('.crawl-entry-body li')].map((li) => ({
    style: getComputedStyle(li).listStyleType,
    // An outside marker sits left of the item: it needs room inside the card.
    room: box(li).left - box(tip).left - px(tip, 'borderLeftWidth'),
  }));
  const table = document.querySelector('table.crawl-milestone-table');
  const caption = table.querySelector('caption');
  return {
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    cardInsets, markers, bullets,
    captionShare: box(caption).width / box(table).width,
  };
}"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_part_reads_well_in_each_theme(
    open_page: Callable[..., Tab],
    themes_url: str,
    axe_script: str,
    theme: str,
    scheme: str,
    width: int,
) -> None:
    tab = open_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    tab.base = themes_url  # its own server: requests to it are the page's own
    page = tab.page
    tab.goto(f"{themes_url}{theme}/index.html?age=8")
    page.locator(".crawl-age-applies").first.wait_for()
    dark = page.evaluate(
        """() => {
          const [r, g, b] = getComputedStyle(document.body).backgroundColor
            .match(/\\d+/g).map(Number);
          return (r + g + b) / 3 < 128;
        }"""
    )
    assert dark == (scheme == "dark" and theme in DARK_THEMES), "the theme's own mode"

    page.evaluate(axe_script)
    for part in OURS:
        assert page.locator(part).count(), f"{part} is on the page"
    violations = page.evaluate(RUN_AXE, [WCAG_TAGS, OURS])
    problems = [f"[{v['id']}] {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations]
    assert not problems, f"{theme} {scheme} {width}px:\n" + "\n".join(problems)

    layout = page.evaluate(LAYOUT)
    assert layout["scroll"] <= 0, f"the page scrolls sideways by {layout['scroll']}px"
    assert layout["cardInsets"], "the cards are on the page"
    assert min(layout["cardInsets"]) >= 8, f"card text touches the edge: {layout['cardInsets']}"
    assert layout["markers"], "the checklist is on the page"
    for style, before in layout["markers"]:
        assert style == "none", f"a checklist item shows a {style} bullet beside its box"
        assert before in ("none", "normal", '""'), f"a checklist item has ::before {before}"
    # The table's caption spans the table, also when its rows stack on a phone.
    assert layout["captionShare"] > 0.9, f"the caption is squeezed: {layout['captionShare']:.2f}"
    assert len(layout["bullets"]) == 2
    for bullet in layout["bullets"]:
        assert bullet["style"] != "none", "the list in the tip lost its bullets"
        assert bullet["room"] >= 16, f"the tip's bullets have {bullet['room']}px of room"
