"""The check-up checklist keeps the parent's work, on this device only.

A tick and a note survive a reload and print as shown (the tick in its box, the
note as text, the baby's age and the date); a tap on an item's title ticks it and
does not leave the page, while "Read more" still goes to the entry; every target is
at least 24x24 CSS px; "Clear my ticks and notes" asks first, then empties the page
and the storage; nothing is sent anywhere; and the page still works when the browser
refuses storage, and reads fully without JavaScript.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from tests.browser.conftest import Tab, unavailable
from tests.browser.support import ARTIFACTS, WCAG_TAGS
from tests.browser.test_print import pdf_pages, squash

pytestmark = pytest.mark.browser

PAGE = "checklist.html"
PREFIX = "sphinx-crawl:checklist:checklist:"  # the prefix, then the page's docname
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NOTE = "First seen in March, mostly the left leg; again at the park on Sunday."
TICK = "\u2713"

ITEMS = """(items) => items.map((li) => ({
    id: li.querySelector('input.crawl-check').dataset.crawlKey.split(':').pop(),
    title: li.querySelector('.crawl-check-title').textContent.trim(),
    checked: li.querySelector('input.crawl-check').checked,
    note: li.querySelector('textarea.crawl-check-note-field').value,
}))"""

STORED = """(prefix) => Object.fromEntries(Object.keys(localStorage)
    .filter((key) => key.startsWith(prefix))
    .map((key) => [key, localStorage.getItem(key)]))"""


def items(page: Any) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], page.locator("ul.crawl-checklist > li").evaluate_all(ITEMS))


def stored(page: Any) -> dict[str, str]:
    return cast(dict[str, str], page.evaluate(STORED, "sphinx-crawl:checklist:"))


def item(page: Any, n: int) -> Any:
    return page.locator("ul.crawl-checklist > li").nth(n)


def open_checklist(tab: Tab) -> Any:
    tab.goto(PAGE)
    page = tab.page
    # crawl-checklist.js reveals the tools once it has restored the saved state.
    page.locator(".crawl-checklist-top").wait_for(state="visible")
    return page


def test_a_tick_and_a_note_survive_a_reload(tab: Tab) -> None:
    page = open_checklist(tab)
    before = items(page)
    assert len(before) >= 5
    assert not any(i["checked"] or i["note"] for i in before), "a fresh browser has no ticks"

    second = item(page, 1)
    second.locator(".crawl-check-title").click()
    second.get_by_role("textbox").fill(NOTE)
    item(page, 3).locator("input.crawl-check").check()
    page.reload()
    page.locator(".crawl-checklist-top").wait_for(state="visible")

    after = items(page)
    assert [i["checked"] for i in after] == [n in (1, 3) for n in range(len(after))]
    assert [i["note"] for i in after] == [NOTE if n == 1 else "" for n in range(len(after))]
    # Kept per page and entry, and only for the items the parent touched.
    assert json.loads(stored(page)[PREFIX + after[1]["id"]]) == {"checked": True, "note": NOTE}
    assert set(stored(page)) == {PREFIX + after[1]["id"], PREFIX + after[3]["id"]}

    # Unticking and emptying the note forgets the item.
    item(page, 1).locator(".crawl-check-title").click()
    item(page, 1).get_by_role("textbox").fill("")
    assert set(stored(page)) == {PREFIX + after[3]["id"]}


def test_the_printed_pdf_shows_ticks_notes_age_and_date(tab: Tab) -> None:
    page = open_checklist(tab)
    ticked = {1, 4}
    for n in ticked:
        item(page, n).locator(".crawl-check-title").click()
    item(page, 1).get_by_role("textbox").fill(NOTE)
    page.get_by_label("Baby's age").fill("11 months (corrected 9)")
    page.reload()  # what prints is what was kept
    page.locator(".crawl-checklist-top").wait_for(state="visible")
    listed = items(page)
    assert [n for n, i in enumerate(listed) if i["checked"]] == sorted(ticked)

    page.emulate_media(media="print")
    date = page.locator(".crawl-print-date").inner_text()
    assert date
    # No form controls on paper: the note is mirrored as text, the box drawn.
    assert not page.locator("textarea.crawl-check-note-field").first.is_visible()
    assert not page.locator("input.crawl-check").first.is_visible()
    assert not page.locator(".crawl-checklist-tools").first.is_visible()
    assert not page.locator("a.crawl-check-link").first.is_visible()
    marks = page.locator(".crawl-check-mark").evaluate_all(
        """marks => marks.map((m) => {
            const s = getComputedStyle(m), r = m.getBoundingClientRect();
            return {text: m.textContent, w: r.width, h: r.height,
                    border: parseFloat(s.borderTopWidth), style: s.borderTopStyle};
        })"""
    )
    assert len(marks) == len(listed)
    for n, mark in enumerate(marks):
        assert min(mark["w"], mark["h"]) >= 16, mark
        assert mark["border"] >= 1, mark
        assert mark["style"] != "none", mark
        assert mark["text"] == (TICK if n in ticked else ""), (n, mark)

    pdf = page.pdf(format="A4", print_background=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "checklist-filled.pdf").write_bytes(pdf)
    text = squash("".join(pdf_pages(pdf)))
    assert squash(f"Printed on {date}") in text
    assert squash("Baby's age: 11 months (corrected 9)") in text
    assert squash(f"Notes: {NOTE}") in text
    assert text.count(TICK) == len(ticked)
    for n, entry in enumerate(listed):
        # The tick sits right before its item's title, and only there.
        assert (squash(TICK + entry["title"]) in text) == (n in ticked), entry["title"]
    for screen_only in ("Clear my ticks and notes", "Read more", "this device only"):
        assert squash(screen_only) not in text, f"{screen_only!r} printed"


def test_the_age_filter_value_prints_when_no_age_is_typed(tab: Tab) -> None:
    """The checklist page has no age filter; a page with both (the authoring example
    on collections.md has none either) would print the filter's age. Simulated here by
    adding the filter form the way crawl.js finds it."""
    page = open_checklist(tab)
    page.emulate_media(media="print")
    assert not page.locator(".crawl-print-age").is_visible(), "no age entered, no line"
    page.evaluate(
        """() => {
            const form = document.createElement('form');
            form.className = 'crawl-age-filter';
            const age = document.createElement('input');
            age.name = 'age';
            form.appendChild(age);
            document.body.appendChild(form);
            age.value = '13';
            age.dispatchEvent(new Event('input', {bubbles: true}));
        }"""
    )
    page.locator(".crawl-print-age").wait_for(state="visible")
    assert page.locator(".crawl-print-age").inner_text() == "Baby's age: 13 months"


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_targets_are_at_least_24px(open_page: Callable[..., Tab], device: str) -> None:
    options = PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}}
    page = open_checklist(open_page(**options))
    sizes = page.evaluate(
        """() => {
            const box = (e) => { const r = e.getBoundingClientRect();
                                 return {w: r.width, h: r.height, what: e.className}; };
            const q = (s) => [...document.querySelectorAll(s)].map(box);
            return {
              rows: q('ul.crawl-checklist label.crawl-check-row'),
              boxes: q('ul.crawl-checklist input.crawl-check'),
              links: q('ul.crawl-checklist a.crawl-check-link'),
              notes: q('ul.crawl-checklist textarea.crawl-check-note-field'),
              controls: q('.crawl-checklist-tools input, .crawl-checklist-tools button'),
            };
        }"""
    )
    assert len(sizes["rows"]) == len(sizes["boxes"]) == len(sizes["links"]) >= 5
    assert len(sizes["controls"]) == 2
    for kind, found in sizes.items():
        assert found, kind
        for size in found:
            assert min(size["w"], size["h"]) >= 24, (kind, size)
    for row in sizes["rows"]:
        assert row["h"] >= 44, row  # a thumb-sized row, not just the minimum


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_title_ticks_the_box_and_does_not_navigate(
    open_page: Callable[..., Tab], device: str
) -> None:
    options = PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}}
    page = open_checklist(open_page(**options))
    url = page.url
    first = item(page, 0)
    box = first.locator("input.crawl-check")
    title = first.locator(".crawl-check-title")
    act = title.tap if device == "phone" else title.click
    act()
    assert box.is_checked()
    assert page.url == url, "a tap on the title stays on the page"
    # The level after the title is part of the row too.
    first.locator(".crawl-check-label em").click()
    assert not box.is_checked()
    # So is the space to the right of a short title, up to the row's edge.
    row = first.locator("label.crawl-check-row").bounding_box()
    assert row is not None
    page.mouse.click(row["x"] + row["width"] - 4, row["y"] + row["height"] / 2)
    assert box.is_checked()
    assert page.url == url


def test_read_more_goes_to_the_entry_without_ticking(tab: Tab) -> None:
    page = open_checklist(tab)
    first = items(page)[0]
    link = page.get_by_role("link", name=f"Read more about {first['title']}", exact=True)
    assert link.count() == 1
    # Visible: "Read more"; the rest of the name is for screen readers only.
    assert link.locator("span").first.inner_text() == "Read more"
    hidden = link.locator(".crawl-visually-hidden").bounding_box()
    assert hidden is not None
    assert max(hidden["width"], hidden["height"]) <= 1, hidden
    link.click()
    page.wait_for_url(f"**/red-flags.html#{first['id']}")
    assert page.locator(f"#{first['id']}").is_visible()
    page.go_back()
    page.locator(".crawl-checklist-top").wait_for(state="visible")
    assert not any(i["checked"] for i in items(page))
    assert stored(page) == {}


def test_clear_asks_then_empties_ticks_notes_age_and_storage(tab: Tab) -> None:
    page = open_checklist(tab)
    for n in (0, 2):
        item(page, n).locator(".crawl-check-title").click()
    item(page, 2).get_by_role("textbox").fill(NOTE)
    age = page.get_by_label("Baby's age")
    age.fill("10 months")
    assert len(stored(page)) == 3
    clear = page.get_by_role("button", name="Clear my ticks and notes")

    asked: list[str] = []

    def answer(accept: bool) -> Callable[[Any], None]:
        def handler(dialog: Any) -> None:
            asked.append(dialog.message)
            if accept:
                dialog.accept()
            else:
                dialog.dismiss()

        return handler

    page.once("dialog", answer(False))
    clear.click()
    assert len(asked) == 1
    assert "cannot be undone" in asked[0]
    assert len(stored(page)) == 3, "cancelling the question keeps everything"
    assert sum(i["checked"] for i in items(page)) == 2

    page.once("dialog", answer(True))
    clear.click()
    assert len(asked) == 2
    assert stored(page) == {}
    assert not any(i["checked"] or i["note"] for i in items(page))
    assert age.input_value() == ""
    assert "cleared" in page.locator(".crawl-checklist-status").inner_text()
    page.reload()
    page.locator(".crawl-checklist-top").wait_for(state="visible")
    assert not any(i["checked"] or i["note"] for i in items(page))
    assert page.get_by_label("Baby's age").input_value() == ""


def test_nothing_is_sent_anywhere(tab: Tab) -> None:
    page = open_checklist(tab)
    page.wait_for_load_state("networkidle")
    loaded = list(tab.requests)
    assert any(url.endswith(".js") or ".js?" in url for url in loaded)
    item(page, 0).locator(".crawl-check-title").click()
    item(page, 0).get_by_role("textbox").fill(NOTE)
    page.get_by_label("Baby's age").fill("9 months")
    page.wait_for_timeout(300)
    assert tab.requests == loaded, "ticking and typing made requests"
    assert tab.outside_requests() == []


def test_without_storage_it_still_works_for_the_visit(open_page: Callable[..., Tab]) -> None:
    tab = open_page(viewport={"width": 1280, "height": 900})
    # Blocked storage throws on any use of window.localStorage. Only for our script
    # here: furo's theme script would throw too, and that is not what is tested.
    tab.page.add_init_script(
        """const real = Object.getOwnPropertyDescriptor(window, 'localStorage').get;
        window.refused = 0;
        Object.defineProperty(window, 'localStorage', {
            get() {
                if ((new Error().stack || '').includes('crawl-checklist.js')) {
                    window.refused += 1;
                    throw new DOMException('The operation is insecure.', 'SecurityError');
                }
                return real.call(window);
            },
        });"""
    )
    page = open_checklist(tab)
    assert page.evaluate("() => window.refused") >= 1
    item(page, 0).locator(".crawl-check-title").click()
    item(page, 0).get_by_role("textbox").fill(NOTE)
    assert items(page)[0]["checked"]
    assert "not keeping" in page.locator(".crawl-checklist-saved").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".crawl-check-note-print").first.inner_text().endswith(NOTE)
    assert page.locator(".crawl-check-mark").first.inner_text() == TICK
    assert stored(page) == {}
    # The open_page fixture fails the test on any uncaught script error.


def test_storage_quota_errors_do_not_break_the_page(open_page: Callable[..., Tab]) -> None:
    tab = open_page(viewport={"width": 1280, "height": 900})
    tab.page.add_init_script(
        """const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.includes(':checklist:checklist:')) {
                throw new DOMException('full', 'QuotaExceededError');
            }
            return real.call(this, key, value);
        };"""
    )
    page = open_checklist(tab)
    assert "this device only" in page.locator(".crawl-checklist-saved").inner_text()
    item(page, 0).locator(".crawl-check-title").click()
    assert items(page)[0]["checked"]
    assert "not keeping" in page.locator(".crawl-checklist-saved").inner_text()


def test_page_reads_fully_without_javascript(open_page: Callable[..., Tab]) -> None:
    tab = open_page(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab.goto(PAGE)
    page = tab.page
    rows = page.locator("ul.crawl-checklist > li")
    assert rows.count() >= 5
    assert page.locator(".crawl-check-title").first.is_visible()
    assert page.locator(".crawl-callout").first.is_visible()
    assert page.locator("a.crawl-check-link").first.is_visible()
    # Controls that could not keep anything stay hidden.
    assert not page.locator(".crawl-checklist-tools").first.is_visible()
    assert not page.locator("textarea.crawl-check-note-field").first.is_visible()
    # The label still ticks the box: that needs no script.
    page.locator(".crawl-check-title").first.click()
    assert page.locator("input.crawl-check").first.is_checked()


def test_keyboard_ticks_with_a_visible_focus(tab: Tab) -> None:
    page = open_checklist(tab)
    page.locator("input[name=checklist-age]").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {cls: e.className, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    name: e.getAttribute('aria-labelledby')};
        }"""
    )
    assert focused["cls"] == "crawl-check", focused
    assert focused["outline"] != "none", focused
    assert focused["width"] >= 2, focused
    page.keyboard.press("Space")
    assert items(page)[0]["checked"]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className").startswith("crawl-check-link")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"


@pytest.fixture(scope="module")
def axe_script() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        unavailable("axe-playwright-python is not installed (pip install axe-playwright-python)")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violations_with_ticks_and_notes(
    open_page: Callable[..., Tab], axe_script: str, theme: str
) -> None:
    from tests.browser.test_a11y import RUN_AXE

    tab = open_page(theme=theme, **PHONE)
    page = open_checklist(tab)
    item(page, 0).locator(".crawl-check-title").click()
    item(page, 0).get_by_role("textbox").fill(NOTE)
    page.get_by_label("Baby's age").fill("8 months")
    page.get_by_role("button", name="Clear my ticks and notes").focus()
    page.evaluate(axe_script)
    violations = page.evaluate(RUN_AXE, [WCAG_TAGS, None])
    assert violations == [], violations


def test_phone_screenshot_for_a_person(open_page: Callable[..., Tab]) -> None:
    tab = open_page(theme="light", device_scale_factor=1, **PHONE)
    page = open_checklist(tab)
    item(page, 1).locator(".crawl-check-title").click()
    item(page, 1).get_by_role("textbox").fill(NOTE)
    page.locator(".crawl-checklist-top").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "checklist-phone.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5_000
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
