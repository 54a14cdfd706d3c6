"""The extension in eight popular themes (issues 16 and 25): pages with every part (the
"Emergency?" line, the phone search box, an age filter with entries that apply, red
flags of each level, a tip with a list, a milestone table with its "Seen?" choices, cards,
a checklist and its tools, a timeline; the baby panel, the tracker and the summary; the
search page's notices), built with alabaster, furo, sphinx-book-theme,
pydata-sphinx-theme, sphinx-rtd-theme, shibuya, piccolo-theme and sphinxawesome-theme,
seen with a light and a dark system preference at desktop and phone widths, a baby
remembered on the device.

Dark means the system asks for dark, as a reader's browser does: furo, pydata and book
follow it (their default is "auto"), and so do shibuya (``color_mode = auto``: its
script puts ``class="dark"`` on html), piccolo-theme (its script sets
``html[data-mode=dark]`` on a first visit) and sphinxawesome-theme (Alpine.js keeps
``darkMode`` from the system's preference and puts ``class="dark"`` on html);
alabaster and rtd are light-only, and the extension must stay light with them too.
crawl.css knows none of them: its parts take the page's own text colour and let its
background show through, so axe must find no contrast failure in any of them. Beside
axe: every field, list, button, label and legend in the parts has the text colour of the
part around it on no ground of its own (a theme's filled buttons and white fields stay out), and
what axe does not judge: card padding, checklist markers, bullets inside cards, no
sideways scrolling on a phone, a red flag's colour the same in a card as on its entry.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab, assert_kept_to_itself
from tests.browser.support import WCAG_TAGS
from tests.browser.test_a11y import RUN_AXE, load_axe
from tests.build_utils import ROOTS, QuietHandler, serving

pytestmark = pytest.mark.browser

THEMES = [
    "alabaster",
    "furo",
    "sphinx_book_theme",
    "pydata_sphinx_theme",
    "sphinx_rtd_theme",
    "shibuya",
    "piccolo_theme",
    "sphinxawesome_theme",
]
#: Themes with a dark mode that follows the system by default.
DARK_THEMES = {
    "furo",
    "sphinx_book_theme",
    "pydata_sphinx_theme",
    "shibuya",
    "piccolo_theme",
    "sphinxawesome_theme",
}
#: Themes whose search page leaves out what the extension adds to its head (shibuya's
#: base.html does not print ``metatags``), so the entry search and its notices are not
#: there. Strict: the test says so when it is mended.


def build_in_theme(
    theme: str, out: Path, extensions: tuple[str, ...] = (), other_hosts: tuple[str, ...] = ()
) -> None:
    """The test-themes root built in a theme into out/<theme>, with no warning of ours
    but one for each host in ``other_hosts``, which the theme's pages load files from
    (``crawl.privacy``); extensions: a theme's own, listed beside ours
    (sphinx-wagtail-theme's)."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}"]
    if extensions:
        command += ["-D", "extensions=" + ",".join(["myst_parser", "sphinx_crawl", *extensions])]
    command += ["-d", str(out / f"{theme}-doctrees"), str(ROOTS / "test-themes"), str(out / theme)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    crawl = [line for line in result.stderr.splitlines() if "[crawl." in line]
    said = sorted(
        line.split("from another host (")[1].split(")")[0]
        for line in crawl
        if "[crawl.privacy]" in line
    )
    assert said == sorted(other_hosts), crawl
    assert [line for line in crawl if "[crawl.privacy]" not in line] == [], crawl


@contextlib.contextmanager
def built_themes(out: Path, themes: Iterable[str]) -> Iterator[str]:
    """The test-themes root built once per theme into ``out``, all served from it: its URL."""
    for theme in themes:
        build_in_theme(theme, out)
    with serving(functools.partial(QuietHandler, directory=str(out))) as (url, _server):
        yield url


def open_built(
    browser: Any, base: str, path: str, *, scheme: str = "light", width: int = 1280
) -> tuple[Any, Any]:
    """A new context and page on ``base + path`` (a baby remembered, nothing from another
    host), once its milestone rows offer their choices: (context, page)."""
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": width, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(10_000)
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    context.add_init_script(REMEMBER_BABY)
    page = context.new_page()
    page.goto(f"{base}{path}")
    page.locator(".crawl-row-mark").first.wait_for()
    return context, page


@pytest.fixture(scope="module")
def themes_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test-themes root built once per theme, all served from one folder."""
    with built_themes(tmp_path_factory.mktemp("themes"), THEMES) as url:
        yield url


#: A baby remembered on the device (crawl-companion.js), 8 months old, with a milestone
#: marked "yes" without a date: the milestone table shows its "Seen?" choices and the
#: "add the date" link, the tracker its marks.
BORN = (datetime.date.today() - datetime.timedelta(days=245)).isoformat()
BABIES = {
    "v": 1,
    "current": "btheme",
    "babies": {
        "btheme": {
            "name": "Ana",
            "born": BORN,
            "early": 0,
            "marks": {
                "pushes-up": {"state": "yes", "date": "", "title": "Pushes up on the arms"},
                "one-side": {"state": "noticed", "date": "", "title": "Crawls with one side only"},
            },
            "notes": "",
            "questions": "",
        }
    },
}
REMEMBER_BABY = (
    "try { localStorage.setItem('sphinx-crawl:babies', "
    + json.dumps(json.dumps(BABIES))
    + "); } catch (e) {}"
)

#: What the extension puts on each page; the themes' own parts (alabaster's grey footer
#: fails contrast on its own) are theirs to fix.
PAGES = {
    "index.html?age=8": [
        ".crawl-emergency-line",
        ".crawl-search-box",
        ".crawl-age-filter",
        "article.crawl-entry",
        "table.crawl-milestone-table",
        ".crawl-row-mark",
        ".crawl-card-grid",
        "ul.crawl-checklist",
        ".crawl-checklist-tools",
        ".crawl-timeline-chart",
        "details.crawl-details",
    ],
    "tracker.html": [
        ".crawl-emergency-line",
        ".crawl-search-box",
        "form.crawl-baby",
        "ul.crawl-tracker",
        ".crawl-summary",
    ],
}
#: The search page: a query naming an emergency sign, and one naming an illness and a
#: topic the handbook does not cover.
SEARCHES = {
    "search.html?q=not+breathing": [".crawl-search-emergency", "section.crawl-search"],
    "search.html?q=fever+autism": [
        ".crawl-emergency-line",
        ".crawl-search-unwell",
        ".crawl-search-scope",
        "section.crawl-search",
        "form.crawl-search-box-results",
    ],
    # Results with their excerpts, fetched after they show (basic.css greys a search
    # result's excerpt, #888: 3.5:1 on white, found in python-docs-theme).
    "search.html?q=bare+knees": [
        "section.crawl-search ul.crawl-search-results p.context:not(:empty)",
        "section.crawl-search",
    ],
}

# The page's own ground under the content, and whether it is dark. (A theme may paint
# html, body or a wrapper; the first ground found going up from an entry is the one.)
# A colour is read back from a canvas: themes give grounds as oklch() too (breeze).
PAGE_IS_DARK = """(part) => {
  let el = document.querySelector(part);
  const pixel = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  while (el) {
    pixel.clearRect(0, 0, 1, 1);
    pixel.fillStyle = getComputedStyle(el).backgroundColor;
    pixel.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
    if (a > 128) return (r + g + b) / 3 < 128;
    el = el.parentElement;
  }
  return false;  // the canvas: white
}"""

# Every field, list, button, label and legend in the parts: its text colour and that of
# the part it is in, and its own ground's alpha (0 is none: the page shows through).
# (sphinx-rtd-theme's labels are #333 in text of #404040: dark on a dark-mode add-on's page.)
FIELDS = """(parts) => {
  const out = [];
  const seen = new Set();
  for (const part of parts) {
    for (const root of document.querySelectorAll(part)) {
      const shown = root.querySelectorAll('input:not([type=checkbox]):not([type=radio])'
        + ':not([type=hidden]), select, textarea, button, label, legend');
      for (const field of shown) {
        if (!field.getClientRects().length || seen.has(field)) continue;
        seen.add(field);
        const own = getComputedStyle(field);
        const around = getComputedStyle(field.parentElement);
        const alpha = own.backgroundColor.match(/[\\d.]+/g).map(Number)[3] ?? 1;
        out.push({
          field: `${part} ${field.tagName.toLowerCase()}${field.id ? '#' + field.id : ''}`
            + ` "${(field.textContent || field.value || '').trim().slice(0, 20)}"`,
          color: own.color, around: around.color, alpha,
        });
      }
    }
  }
  return out;
}"""

# What lies over the "Emergency?" line, if anything: a theme's buttons floated at the top
# of the content (furo's) must not sit on it.
OVER_EMERGENCY_LINE = """() => {
  const line = document.querySelector('.crawl-emergency-line');
  const r = line.getBoundingClientRect();
  const over = new Set();
  for (const fy of [0.1, 0.5, 0.9]) {
    for (let fx = 0.01; fx < 1; fx += 0.02) {
      const top = document.elementFromPoint(r.left + r.width * fx, r.top + r.height * fy);
      if (top && !line.contains(top)) {
        const what = top.closest("button, a, [class]") || top;
        over.add(`${what.tagName.toLowerCase()}.${what.getAttribute("class") || ""}`);
      }
    }
  }
  return [...over];
}"""

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
  // A red flag's level has one colour: its entry's band and its card's.
  const bands = ['routine', 'soon', 'urgent'].map((level) => [
    level,
    getComputedStyle(document.querySelector(`article.crawl-urgency-${level}`)).borderLeftColor,
    getComputedStyle(document.querySelector(`.crawl-list-card.crawl-urgency-${level}`)).borderLeftColor,
  ]);
  return {
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    cardInsets, markers, bullets, bands,
    captionShare: box(caption).width / box(table).width,
    seen: [...document.querySelectorAll('.crawl-row-mark')]
      .filter((mark) => mark.getClientRects().length).length,
  };
}"""


@pytest.fixture(scope="module")
def _kept_tabs(
    playwright_browser: Any, themes_url: str, axe_script: str
) -> Iterator[dict[Any, Tab]]:
    """A page for each system preference, with axe-core or without, kept for the
    module's tests (see open_theme), made when first asked for: its context remembers
    a baby in every page (and puts axe-core in it, compiled once for them all)."""
    kept: dict[Any, Tab] = {}
    yield kept
    for tab in kept.values():
        tab.page.context.close()


@pytest.fixture
def open_theme(
    playwright_browser: Any, themes_url: str, axe_script: str, _kept_tabs: dict[Any, Tab]
) -> Iterator[Callable[..., tuple[Tab, Any]]]:
    """A page with the system's scheme, at a width, a baby remembered (and axe-core, if
    ``axe``), as a new context's: blank, nothing stored (a kept page, at a new context's
    cost of about a second of CPU less, 56 times). Outside requests and script errors
    are checked per test, as ``open_page`` does."""
    used: list[Tab] = []

    def opener(scheme: str, width: int, axe: bool = True) -> tuple[Tab, Any]:
        if (scheme, axe) not in _kept_tabs:
            context = playwright_browser.new_context(
                color_scheme=scheme,
                viewport={"width": width, "height": 900},
                service_workers="block",
            )
            context.set_default_timeout(10_000)
            context.add_init_script(REMEMBER_BABY)
            if axe:
                context.add_init_script(axe_script)
            _kept_tabs[scheme, axe] = Tab(context.new_page(), themes_url)
        tab = _kept_tabs[scheme, axe].forget(themes_url)
        tab.page.set_viewport_size({"width": width, "height": 900})
        used.append(tab)
        return tab, tab.page

    yield opener
    assert_kept_to_itself(used)


def check_page(page: Any, axe_script: str, theme: str, scheme: str, parts: list[str]) -> list[str]:
    """The page in the theme's own mode: axe on the parts, and the parts' fields."""
    want = scheme == "dark" and theme in DARK_THEMES
    # Some themes settle their mode after the page loads (sphinxawesome's Alpine.js sets
    # its class again once it starts): a moment's wait, then the mode it settled in.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            f"([part, want]) => ({PAGE_IS_DARK})(part) === want",
            arg=[parts[-1], want],
            timeout=3000,
        )
    dark = page.evaluate(PAGE_IS_DARK, parts[-1])
    assert dark == want, f"{page.url}: the theme's own mode"
    load_axe(page, axe_script)
    for part in parts:
        assert page.locator(part).count(), f"{part} is on {page.url}"
    problems = [
        f"{page.url} [{v['id']}] {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in page.evaluate(RUN_AXE, [WCAG_TAGS, parts])
    ]
    for field in page.evaluate(FIELDS, parts):
        if field["color"] != field["around"] or field["alpha"] > 0.15:
            problems.append(
                f"{page.url} {field['field']}: text {field['color']} in a part of"
                f" {field['around']}, ground alpha {field['alpha']} (the page's own expected)"
            )
    return problems


#: The layout at each width, in light; the colours of the dark mode on a phone. (Dark at
#: 1280 px repeated both: the parts are the same at each width, and those a phone shows
#: only, the header's search box, are seen in dark at 375 px; s50, 14 s of the suite.)
VIEWS = [("light", 1280), ("light", 375), ("dark", 375)]


@pytest.mark.parametrize(("scheme", "width"), VIEWS, ids=[f"{s}-{w}" for s, w in VIEWS])
@pytest.mark.parametrize("theme", THEMES)
def test_every_part_reads_well_in_each_theme(
    open_theme: Callable[..., tuple[Tab, Any]],
    themes_url: str,
    axe_script: str,
    theme: str,
    scheme: str,
    width: int,
) -> None:
    tab, page = open_theme(scheme, width)
    problems: list[str] = []
    for path, parts in PAGES.items():
        tab.goto(f"{themes_url}{theme}/{path}")
        page.locator(parts[-1]).first.wait_for(state="attached")
        if path.startswith("index"):
            page.locator(".crawl-age-applies").first.wait_for()
            page.locator(".crawl-row-mark").first.wait_for()
            layout = page.evaluate(LAYOUT)
            over = page.evaluate(OVER_EMERGENCY_LINE)
            assert not over, f"the emergency line runs under {over}"
        else:
            page.locator("form.crawl-baby").wait_for()
        box = page.locator(".crawl-search-box").first
        assert box.is_visible() == (width < 600), "the search box shows on a phone only"
        problems += check_page(page, axe_script, theme, scheme, parts)
    assert not problems, f"{theme} {scheme} {width}px:\n" + "\n".join(problems)

    assert layout["scroll"] <= 0, f"the page scrolls sideways by {layout['scroll']}px"
    assert layout["seen"] == 2, "each milestone row offers its 'Seen?' choice"
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
    for level, entry, card in layout["bands"]:
        assert entry == card, f"a {level} red flag's card is {card}, its entry {entry}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_search_notices_read_well_in_each_theme(
    open_theme: Callable[..., tuple[Tab, Any]],
    themes_url: str,
    axe_script: str,
    theme: str,
    scheme: str,
) -> None:
    """On a phone, where a worried parent searches: the emergency notice, the notes on
    an illness and a topic not covered, the results and the search box holding the query."""
    tab, page = open_theme(scheme, 375)
    problems: list[str] = []
    for path, parts in SEARCHES.items():
        tab.goto(f"{themes_url}{theme}/{path}")
        assert page.locator("script[src*='crawl-search.js']").count(), "the entry search loads"
        page.locator(parts[0]).wait_for()
        page.locator("section.crawl-search").wait_for()
        problems += check_page(page, axe_script, theme, scheme, parts)
    assert not problems, f"{theme} {scheme}:\n" + "\n".join(problems)


#: On an index page of the extension: whether each title is set like the text of the
#: row around it, and how far the page scrolls sideways.
INDEX_TITLES = """() => {
  const titles = [...document.querySelectorAll('table a > code.xref')];
  return {
    titles: titles.length,
    asCode: titles.filter((code) => {
      const own = getComputedStyle(code), row = getComputedStyle(code.closest('td'));
      return own.fontFamily !== row.fontFamily || own.whiteSpace === 'nowrap';
    }).map((code) => code.textContent),
    scroll: document.documentElement.scrollWidth - window.innerWidth,
  };
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_index_pages_list_entries_by_title_as_text(
    open_theme: Callable[..., tuple[Tab, Any]], themes_url: str, theme: str
) -> None:
    """Sphinx's index template sets each name as code (sphinx-rtd-theme: an unbroken line
    in a white box, cut off on a phone); a red flag's title is a sentence."""
    tab, page = open_theme("light", 375, axe=False)
    tab.goto(f"{themes_url}{theme}/crawl-red-flags.html")
    found = page.evaluate(INDEX_TITLES)
    assert found["titles"] >= 3, found
    assert found["asCode"] == [], f"set as code: {found['asCode']}"
    assert found["scroll"] <= 0, f"the index scrolls sideways by {found['scroll']}px"
