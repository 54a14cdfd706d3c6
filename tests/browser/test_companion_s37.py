"""A hostile reader's check (s37) of the companion on a phone: a baby's name as parents
enter it.

- Two babies of the same name (a record entered twice by mistake, "Add another baby"
  pressed for a rename): every switch listed "Mia" and "Mia", so a parent could not
  tell which record a tick would go to. Now each is told apart by the date of birth
  (or, born the same day too, by its place), wherever a baby is chosen or named.
- A name with a right-to-left override (pasted, or typed on purpose) turned the text
  after it backwards: "Showing what applies to Mia today: 6 months old" drew the age
  reversed. Now the characters that reorder text are not kept in a name.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
TODAY = datetime.date.today()
OLDER = (TODAY - datetime.timedelta(days=300)).isoformat()
YOUNGER = (TODAY - datetime.timedelta(days=100)).isoformat()

#: Every place a parent chooses a baby, by page.
SWITCHES = {
    "tracker.html": "#crawl-baby-which",
    "milestones.html": "#crawl-baby-filter-which",
    "summary.html": "#crawl-summary-which",
}


def save_baby(tab: Tab, name: str, born: str, *, another: bool) -> None:
    page = tab.page
    tab.goto("tracker.html")
    if another:
        page.click("button.crawl-baby-add")
    page.fill("#crawl-baby-name", name)
    page.fill("#crawl-baby-born", born)
    page.click("button.crawl-baby-save")
    page.wait_for_function(
        "() => /saved/i.test(document.querySelector('.crawl-baby-status').textContent)"
    )


def options(tab: Tab, selector: str) -> list[str]:
    return tab.page.eval_on_selector(selector, "(s) => [...s.options].map((o) => o.textContent)")


@pytest.fixture
def phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    return tab


@pytest.mark.parametrize("same_day", [False, True])
def test_two_babies_of_the_same_name_are_told_apart_wherever_one_is_chosen(
    phone: Tab, same_day: bool
) -> None:
    save_baby(phone, "Mia", OLDER, another=False)
    save_baby(phone, "Mia", OLDER if same_day else YOUNGER, another=True)
    for path, switch in SWITCHES.items():
        phone.goto(path)
        listed = options(phone, switch)
        assert len(listed) == 2, (path, listed)
        assert len(set(listed)) == 2, (path, listed)
        assert all(text.lower().startswith("mia") for text in listed), (path, listed)
    # The record the parent chooses is the one the views then mark and name.
    phone.goto("tracker.html")
    second = options(phone, SWITCHES["tracker.html"])[1]
    phone.page.select_option(SWITCHES["tracker.html"], label=second)
    notice = phone.page.locator(".crawl-track-notice").first.inner_text()
    assert second in notice, (second, notice)


def test_a_name_cannot_turn_the_text_after_it_backwards(phone: Tab) -> None:
    save_baby(phone, "Mia\u202eevil\u2066", OLDER, another=False)
    for path in ("milestones.html", "tracker.html", "summary.html"):
        phone.goto(path)
        said = phone.page.locator("main, article, body").first.inner_text()
        assert not any(mark in said for mark in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067")
        assert "Miaevil" in said, path
    line = phone.page.evaluate(
        "() => JSON.parse(localStorage.getItem('sphinx-crawl:babies'))"
        ".babies[JSON.parse(localStorage.getItem('sphinx-crawl:babies')).current].name"
    )
    assert line == "Miaevil"


def baby_line(tab: Tab) -> str:
    return tab.page.locator("form.crawl-age-filter .crawl-baby-line").inner_text()


def test_the_baby_line_never_claims_an_age_the_page_does_not_show(phone: Tab) -> None:
    """A link's age ("?age=3&only=1": shared, bookmarked, or the last age typed) wins
    over the remembered baby, as before; but the line went on saying "Showing what
    applies to Leo today: 14 months old" while the page showed a 3-month-old's entries
    and hid the signs of 12 months that apply to Leo."""
    fourteen = (TODAY - datetime.timedelta(days=427)).isoformat()
    save_baby(phone, "Leo", fourteen, another=False)
    phone.goto("red-flags.html?age=3&only=1")
    line = baby_line(phone)
    assert "Showing what applies to Leo" not in line, line
    assert "Leo today: 14 months old" in line, line
    assert "at 3 months" in phone.page.locator(".crawl-age-status").inner_text()
    # The baby's own age: the line says so again.
    phone.goto("red-flags.html")
    assert "Showing what applies to Leo today: 14 months old" in baby_line(phone)
    # An age typed over the baby's: the line stops claiming; typed back, it says so.
    phone.page.fill("#crawl-age", "5")
    assert "Showing what applies" not in baby_line(phone)
    phone.page.fill("#crawl-age", "14")
    assert "Showing what applies to Leo today: 14 months old" in baby_line(phone)
    # In Spanish too, from the same words.
    phone.goto("es/red-flags.html?age=3")
    line = baby_line(phone)
    assert "Se muestra" not in line, line
    assert "Leo: 14 meses" in line, line


@pytest.mark.parametrize(
    "born", ["1900-01-01", (TODAY - datetime.timedelta(days=2300)).isoformat()]
)
def test_a_birth_longer_ago_than_the_handbook_goes_is_not_saved(phone: Tab, born: str) -> None:
    """A date of birth beyond the handbook's 6 years (a typo in the year) was saved, and
    the line said "1523 months old" beside "Enter an age from 0 to 72 months"."""
    page = phone.page
    phone.goto("tracker.html")
    assert page.get_attribute("#crawl-baby-born", "min")
    page.fill("#crawl-baby-name", "Leo")
    page.fill("#crawl-baby-born", born)
    page.click("button.crawl-baby-save")
    status = page.locator(".crawl-baby-status")
    assert status.inner_text() == (
        "Enter a date of birth from the last 6 years, not in the future."
    )
    assert page.evaluate("() => document.activeElement.id") == "crawl-baby-born"
    assert "months old" not in page.locator("body").inner_text()
