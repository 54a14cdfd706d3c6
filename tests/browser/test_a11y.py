"""Accessibility: axe-core (WCAG 2.1 A and AA) on every page in light and dark,
keyboard access to entries, the age filter and the checklist, and urgency in words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import (
    WCAG_TAGS,
    html_pages,
    is_search,
    page_parts,
    pages_covering_every_part,
    visit_list,
)

pytestmark = pytest.mark.browser

#: axe-core on the page, or on the parts matching ``include`` (CSS selectors), without
#: the rules in ``skip`` (optional).
RUN_AXE = """([tags, include, skip]) => axe.run(
  include ? {include: include.map((p) => [p])} : document, {
    runOnly: {type: 'tag', values: tags},
    rules: Object.fromEntries((skip || []).map((rule) => [rule, {enabled: false}])),
    resultTypes: ['violations'],
}).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' -- ' + n.failureSummary),
})))"""


#: axe's rules that judge colours (WCAG 1.4.3 contrast, 1.4.1 links told apart by more
#: than colour).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

#: The parts of the page as drawn (in the elements matching ``scope``, CSS selectors, if
#: given) not in ``seen``: what support.page_parts reads from a page's HTML (each
#: element's tag with each of its classes, its ``data-crawl-*`` hooks, the script it
#: loads), here with what the scripts drew. A part counts where an element bearing it
#: shows (a part hidden here is judged where it shows). The outermost elements that
#: show a new part are kept for COLOUR_AXE, each with all it holds (a rule on
#: ``.part p`` is judged too). Returns the new parts, and those only hidden here.
NEW_PARTS = """([seen, scope]) => {
  const known = new Set(seen), found = [], hidden = new Set(), roots = [];
  const elements = scope
    ? [...new Set(scope.flatMap((part) => [...document.querySelectorAll(part)]
        .flatMap((el) => [el, ...el.querySelectorAll('*')])))]
    : [...document.querySelectorAll('*')];
  for (const el of elements) {
    const tag = el.localName;
    const parts = [tag, ...[...el.classList].map((name) => `${tag}.${name}`),
      ...el.getAttributeNames().filter((name) => name.startsWith('data-crawl-'))];
    const src = tag === 'script' && (el.getAttribute('src') || '').split('?')[0];
    if (src && src.endsWith('.js')) parts.push(`src="${src}`);
    const fresh = parts.filter((part) => !known.has(part));
    if (!fresh.length) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) {
      fresh.forEach((part) => hidden.add(part));
      continue;
    }
    fresh.forEach((part) => { known.add(part); found.push(part); });
    if (!roots.some((root) => root.contains(el))) roots.push(el);
  }
  window.crawlColourRoots = roots;
  return [found, [...hidden].filter((part) => !known.has(part))];
}"""

#: axe's colour rules on the elements NEW_PARTS kept (none: no violation). (Elements
#: themselves: an element in a list, as a selector is, stands for the whole page.)
COLOUR_AXE = """(rules) => !window.crawlColourRoots.length ? [] : axe.run(
  {include: window.crawlColourRoots}, {
    runOnly: {type: 'rule', values: rules},
    resultTypes: ['violations'],
}).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' -- ' + n.failureSummary),
})))"""


class ColourCheck:
    """axe's colour rules on each part of the pages where it first shows, in one
    stylesheet state (a theme, a system's preference, a width). Colour comes from
    stylesheet rules on a page's parts, so this is the colour check of every page at a
    fraction of its cost: axe's colour rules are 9 in 10 of its time, and most of a
    page's parts were judged on another."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.hidden: set[str] = set()

    def new_parts(self, page: Any, scope: list[str] | None = None) -> list[dict[str, Any]]:
        """The violations of the colour rules on the parts of the page (of ``scope``)
        not judged before: the elements that show them first, with all they hold."""
        found, hidden = page.evaluate(NEW_PARTS, [sorted(self.seen), scope])
        self.seen.update(found)
        self.hidden.update(hidden)
        return page.evaluate(COLOUR_AXE, COLOUR_RULES)  # type: ignore[no-any-return]

    def never_shown(self) -> set[str]:
        """Parts on the pages that no page showed (the colour rules cannot judge them)."""
        return self.hidden - self.seen


def with_axe(page: Any, axe_script: str) -> None:
    """axe-core in every page the page's context opens from now on, as each starts (the
    script is compiled once for them all: a third of the cost of putting it in each
    page after it loaded)."""
    page.context.add_init_script(axe_script)


def load_axe(page: Any, axe_script: str) -> None:
    """axe-core in the page, unless its context put it there (:func:`with_axe`)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_script)


#: Parts of the pages' HTML that their scripts replace before a reader sees them: what a
#: page is without JavaScript (furo's ``html.no-js``; the summary for the doctor's
#: "It needs JavaScript").
WITHOUT_SCRIPT = {"html.no-js", "p.crawl-summary-empty"}


@pytest.mark.parametrize(
    ("theme", "system"),
    [("light", "light"), ("dark", "dark"), ("auto", "dark")],
    ids=["light", "dark", "auto-with-dark-system"],
)
def test_axe_finds_no_wcag_violations(
    open_page: Callable[..., Tab], site: Path, axe_script: str, theme: str, system: str
) -> None:
    tab = open_page(theme=theme, color_scheme=system, viewport={"width": 1280, "height": 900})
    page = tab.page
    with_axe(page, axe_script)
    visited = visit_list(site)
    assert len(visited) >= 25, visited
    if theme == "light":
        # The light pass is also the tour that shows no page asks another host for
        # anything (open_page fails a test whose page did; below, every request is
        # looked at): every page, a filtered age, and Sphinx's search to its end.
        visited.append("red-flags.html?age=11&only=1")
    # Every rule but the colour rules on every page, in light; the colour rules (9 in 10
    # of axe's time) on each part of the pages where it first shows (see
    # colours_of_new_parts), the smallest pages first. A theme changes colour, not
    # parts: the dark passes see the pages that together show every part (26 of 61).
    if theme != "light":
        colour_pages = set(pages_covering_every_part(site, visited))
        visited = [path for path in visited if path in colour_pages]
    if theme == "auto":
        # The system's preference reaches the same rules as the explicit dark theme
        # (checked above): a sixth of those pages, and every page state, show it does.
        visited = [path for i, path in enumerate(visited) if i % 6 == 0 or "?" in path]
    visited.sort(key=lambda path: (site / path.partition("?")[0]).stat().st_size)
    problems: list[str] = []
    colours = ColourCheck()
    for path in visited:
        tab.goto(path)
        if is_search(path):
            page.locator("section.crawl-search").wait_for()
            page.locator("#search-results .search-summary").wait_for()
        body_theme = page.evaluate("() => document.body.dataset.theme")
        assert body_theme == theme, f"{path}: furo theme is {body_theme!r}, want {theme!r}"
        found = page.evaluate(RUN_AXE, [WCAG_TAGS, None, COLOUR_RULES])
        for violation in found + colours.new_parts(page):
            problems.append(
                f"{path} [{violation['id']}, {violation['impact']}] {violation['help']}\n    "
                + "\n    ".join(violation["nodes"])
            )
    assert not problems, f"{len(problems)} axe violations ({theme}):\n" + "\n".join(problems)
    assert len(tab.requests) > len(visited)
    assert tab.outside_requests() == []
    # Every part of the pages' HTML that shows was judged (what their scripts replace
    # does not show).
    pages = [path for path in visited if "?" not in path]
    shown = set().union(*(page_parts((site / path).read_text("utf-8")) for path in pages))
    unseen = shown - colours.seen - colours.never_shown() - WITHOUT_SCRIPT
    assert not unseen, f"parts the colour rules never saw ({theme}): {sorted(unseen)}"


def tab_through(page: Any, presses: int = 200) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page; describe each focused element."""
    focused: list[dict[str, Any]] = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
              const e = document.activeElement;
              if (!e || e === document.body) return null;
              const s = getComputedStyle(e), r = e.getBoundingClientRect();
              return {
                tag: e.tagName.toLowerCase(), id: e.id, cls: e.className,
                entry: e.closest('.crawl-entry')?.id || '',
                shown: s.visibility === 'visible' && parseFloat(s.opacity) > 0.5
                  && r.width > 0 && r.height > 0,
              };
            }"""
        )
        if info is None:
            break
        focused.append(info)
    return focused


@pytest.mark.parametrize("path", ["red-flags.html", "tips/surfaces-and-clothing.html"])
def test_keyboard_reaches_age_filter_and_every_entry(tab: Tab, path: str) -> None:
    tab.goto(path)
    page = tab.page
    entries = page.locator("article.crawl-entry").evaluate_all("els => els.map((e) => e.id)")
    focused = tab_through(page)
    ids = [f["id"] for f in focused]
    for field in ("crawl-age", "crawl-early", "crawl-only"):
        assert field in ids, f"Tab never reaches #{field}"
    permalinks = {f["entry"]: f for f in focused if "headerlink" in f["cls"] and f["entry"]}
    assert set(entries) <= set(permalinks), f"no keyboard link for {set(entries) - set(permalinks)}"
    hidden = [entry for entry, f in permalinks.items() if not f["shown"]]
    assert not hidden, f"entry links invisible while focused: {hidden}"


def test_entry_permalink_has_a_name(tab: Tab) -> None:
    tab.goto("red-flags.html")
    link = tab.page.locator("#stiff-limbs > a.crawl-permalink")
    assert link.get_attribute("href") == "#stiff-limbs"
    assert link.get_attribute("aria-label") == "Link to this entry: Stiff or tight arms or legs"


def test_red_flag_headings_read_once_without_a_pilcrow(tab: Tab) -> None:
    """What a screen reader announces for each red flag's heading and badge: the level
    once (in the heading's spoken prefix), the title, and no pilcrow."""
    tab.goto("red-flags.html")
    flags = tab.page.locator("article.crawl-type-red-flag").evaluate_all(
        """els => els.map((e) => ({
            heading: e.querySelector('.crawl-entry-title').textContent,
            badgeHidden: e.querySelector('.crawl-badge').getAttribute('aria-hidden'),
        }))"""
    )
    assert len(flags) >= 5
    for flag in flags:
        assert "\u00b6" not in flag["heading"], flag
        assert flag["badgeHidden"] == "true", flag


def test_linked_cards_show_keyboard_focus(tab: Tab) -> None:
    tab.goto("index.html")
    page = tab.page
    link = page.locator(".sd-card a.sd-stretched-link").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    outline = page.evaluate(
        """() => {
            const card = document.activeElement.closest('.sd-card');
            const s = getComputedStyle(card);
            return [s.outlineStyle, parseFloat(s.outlineWidth)];
        }"""
    )
    assert outline[0] != "none"
    assert outline[1] >= 2


def test_checklist_boxes_focusable_with_labels(tab: Tab) -> None:
    tab.goto("checklist.html")
    page = tab.page
    labels = page.locator("ul.crawl-checklist .crawl-check-label").all_inner_texts()
    assert len(labels) >= 5
    focused = tab_through(page)
    boxes = [f for f in focused if "crawl-check" in f["cls"].split()]
    assert len(boxes) == len(labels), "every tick box is reachable by Tab"
    for label in labels:
        box = page.get_by_role("checkbox", name=label.strip(), exact=True)
        assert box.count() == 1, label
        assert any(level in label for level in ("Routine", "Soon", "Urgent")), label
    first = page.get_by_role("checkbox").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()


def test_red_flag_urgency_is_in_words(tab: Tab) -> None:
    tab.goto("red-flags.html")
    flags = tab.page.locator("article.crawl-type-red-flag").evaluate_all(
        """els => els.map((e) => {
            const prefix = e.querySelector('.crawl-entry-title .crawl-visually-hidden');
            const box = prefix ? prefix.getBoundingClientRect() : null;
            const badge = e.querySelector('.crawl-badge');
            return {
              id: e.id, urgency: e.dataset.crawlUrgency,
              badge: badge ? badge.innerText.trim() : '',
              badgeShown: !!badge && badge.getClientRects().length > 0,
              prefix: prefix ? prefix.textContent : '',
              prefixHidden: !!box && box.width <= 1 && box.height <= 1,
              heading: e.querySelector('.crawl-entry-title').textContent,
            };
        })"""
    )
    assert len(flags) >= 5
    for flag in flags:
        assert flag["badgeShown"], flag
        assert flag["badge"].lower().startswith(flag["urgency"]), flag
        assert flag["prefix"].strip(), flag
        assert flag["prefixHidden"], flag
        assert flag["heading"].startswith(flag["prefix"]), flag
        name = tab.page.locator(f"#{flag['id']} .crawl-entry-title").evaluate(
            "(h) => h.textContent"
        )
        assert flag["prefix"].strip().rstrip(":") in name


def test_card_links_are_named_by_their_visible_titles(tab: Tab, site: Path) -> None:
    """WCAG 2.5.3 (label in name): a whole-card link is named by the card's title,
    so "click Check-up checklist" works with voice control. axe does not check this
    for sphinx-design cards, whose link text is hidden."""
    pages = [p for p in html_pages(site) if "sd-stretched-link" in (site / p).read_text("utf-8")]
    assert pages, "the landing page has cards"
    mismatched = []
    for path in pages:
        tab.goto(path)
        cards = tab.page.locator(".sd-card:has(a.sd-stretched-link)").evaluate_all(
            """cards => cards.map((card) => ({
                title: card.querySelector('.sd-card-title')?.textContent.trim() || '',
                name: card.querySelector('a.sd-stretched-link').textContent.trim(),
            }))"""
        )
        mismatched += [
            f"{path}: {c['title']!r} links as {c['name']!r}"
            for c in cards
            if c["title"].lower() not in c["name"].lower()
        ]
    assert not mismatched, mismatched
