"""The parent's companion (issue 13): a baby remembered on the device, the progress
tracker, and the summary for the doctor, as a parent on a phone would use them.

Every page here is opened through ``open_page``, which fails the test if a page
asks another host for anything or throws a script error.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import AGED_PAGES, WCAG_TAGS

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
KEY = "sphinx-crawl:babies"
# 427 days old, born 6 weeks early: 14.0 months, 12.6 months corrected.
BORN = (datetime.date.today() - datetime.timedelta(days=427)).isoformat()


def enter_baby(tab: Tab, name: str = "Mia", born: str = BORN, early: str = "6") -> None:
    page = tab.page
    tab.goto("tracker.html")
    page.fill("#crawl-baby-name", name)
    page.fill("#crawl-baby-born", born)
    page.fill("#crawl-baby-early", early)
    page.click("button.crawl-baby-save")
    page.wait_for_function(
        "() => /saved/i.test(document.querySelector('.crawl-baby-status').textContent)"
    )


def stored(tab: Tab) -> Any:
    return json.loads(tab.page.evaluate(f"() => localStorage.getItem('{KEY}') || 'null'"))


@pytest.fixture
def phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    return tab


def age_view(tab: Tab) -> dict[str, Any]:
    return tab.page.evaluate(
        """() => {
          const form = document.querySelector('form.crawl-age-filter');
          return {
            age: form.querySelector('[name=age]').value,
            early: form.querySelector('[name=early]').value,
            status: form.querySelector('.crawl-age-status').textContent,
            line: form.querySelector('.crawl-baby-line').textContent,
            applies: document.querySelectorAll('.crawl-age-applies').length,
          };
        }"""
    )


def test_a_baby_entered_once_drives_the_age_view_on_every_page(phone: Tab) -> None:
    enter_baby(phone)
    for reload in (False, True):
        for path in AGED_PAGES:
            phone.goto(path)
            if reload:
                phone.page.reload()
            view = age_view(phone)
            assert (view["age"], view["early"]) == ("14", "6"), (path, view)
            assert "Corrected age: 12.6 months" in view["status"], (path, view)
            assert "Mia today: 14 months old, 12.6 months corrected" in view["line"], view
            if path in ("red-flags.html", "milestones.html"):
                # The first version's filter hid every red flag after one year.
                assert view["applies"] > 0, (path, view)


def test_a_shared_link_with_an_age_wins_over_the_remembered_baby(phone: Tab) -> None:
    enter_baby(phone)
    phone.goto("milestones.html?age=8")
    assert age_view(phone)["age"] == "8"


def test_without_a_baby_the_filter_offers_to_remember_one(phone: Tab) -> None:
    phone.goto("red-flags.html")
    link = phone.page.locator("form.crawl-age-filter .crawl-baby-link")
    assert link.inner_text() == "Remember your baby's birth date on this device"
    link.click()
    phone.page.wait_for_url("**/tracker.html")
    assert phone.page.locator("form.crawl-baby").is_visible()


def test_several_babies_and_forgetting_one(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone, "Mia")
    page.click("button.crawl-baby-add")
    enter_baby_fields = {"#crawl-baby-name": "Leo", "#crawl-baby-born": "2026-06-01"}
    for selector, value in enter_baby_fields.items():
        page.fill(selector, value)
    page.fill("#crawl-baby-early", "0")
    page.click("button.crawl-baby-save")
    data = stored(phone)
    assert sorted(b["name"] for b in data["babies"].values()) == ["Leo", "Mia"]
    # The age filter follows the chosen baby, and can switch between them.
    phone.goto("milestones.html")
    switch = page.locator("form.crawl-age-filter .crawl-baby-switch select")
    assert switch.locator("option:checked").inner_text() == "Leo"
    switch.select_option(label="Mia")
    assert age_view(phone)["age"] == "14"
    phone.goto("tracker.html")
    assert page.locator("#crawl-baby-name").input_value() == "Mia"
    page.click("button.crawl-baby-forget")
    assert "Forgotten" in page.inner_text(".crawl-baby-status")
    data = stored(phone)
    assert [b["name"] for b in data["babies"].values()] == ["Leo"]
    assert "Mia" not in json.dumps(data)
    page.click("button.crawl-baby-forget")
    # Nothing about any baby is left on the device.
    assert stored(phone) is None


def test_a_future_birth_date_is_refused(phone: Tab) -> None:
    phone.goto("tracker.html")
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    phone.page.fill("#crawl-baby-born", future)
    phone.page.click("button.crawl-baby-save")
    assert "not in the future" in phone.page.inner_text(".crawl-baby-status")
    assert stored(phone) is None


def test_tracker_marks_survive_a_reload_and_reach_the_printed_summary(phone: Tab) -> None:
    pypdf = pytest.importorskip("pypdf")
    page = phone.page
    enter_baby(phone)
    page.check("input[name=track-pushes-up-on-arms][value=yes]")
    page.fill("input[name=track-pushes-up-on-arms-date]", "2026-03-14")
    page.locator("input[name=track-pushes-up-on-arms-date]").dispatch_event("change")
    page.check("input[name=track-cruising][value=not-sure]")
    page.check("input[name=track-belly-crawl][value=not-yet]")  # 6-9 months; baby is 12.6
    page.check("input[name=track-stiff-limbs]")
    page.fill("input[name=track-stiff-limbs-date]", "2026-11-20")
    page.locator("input[name=track-stiff-limbs-date]").dispatch_event("change")
    page.reload()
    assert page.is_checked("input[name=track-pushes-up-on-arms][value=yes]")
    assert page.input_value("input[name=track-pushes-up-on-arms-date]") == "2026-03-14"
    assert page.is_checked("input[name=track-cruising][value=not-sure]")
    assert page.is_checked("input[name=track-stiff-limbs]")

    phone.goto("summary.html")
    page.fill("#crawl-summary-notes", "Pushes up mostly with the left arm.")
    page.fill("#crawl-summary-questions", "Should we see a physical therapist?")
    page.reload()  # notes are kept too
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join((p.extract_text() or "") for p in pdf.pages)
    text = " ".join(text.split())
    for expected in (
        "Mia",
        "14 months",
        "12.6 months",  # corrected age
        "Rolls over and pushes up on the arms",
        "March 14, 2026",
        "Stiff or tight arms or legs",
        "November 20, 2026",
        "Belly crawling (army or commando crawl) — usually 6-9 months — past the ages given",
        "Pushes up mostly with the left arm.",
        "Should we see a physical therapist?",
        "not a diagnosis",
    ):
        assert expected in text, f"{expected!r} not in the printed summary: {text[:1500]}"
    # On paper: no buttons, no empty form fields.
    assert "Save as a file" not in text
    assert "Print or save" not in text


def test_a_milestone_not_there_yet_past_its_window_offers_help(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone)  # 12.6 months corrected
    page.check("input[name=track-belly-crawl][value=not-yet]")  # usually 6-9 months
    help_box = page.locator("#track-belly-crawl .crawl-track-help")
    assert help_box.is_visible()
    assert "pediatrician" in help_box.inner_text()
    tips = help_box.locator("a").evaluate_all("links => links.map((a) => a.href)")
    assert tips, "no tips offered"
    assert all("/tips/" in href for href in tips), tips
    # Not yet, but still inside its window: no alarm.
    page.check("input[name=track-who-walking-alone-window][value=not-yet]")
    assert not page.locator("#track-who-walking-alone-window .crawl-track-help").is_visible()


def test_marks_made_on_the_milestones_page_show_in_the_tracker(phone: Tab) -> None:
    """Changed by issue 24: a "yes" made without a date keeps no date (it used to
    record today, a day the parent never gave); the parent is asked for it instead."""
    page = phone.page
    enter_baby(phone)
    phone.goto("milestones.html")
    page.select_option("#seen-belly-crawl", "yes")
    ask = page.locator("#belly-crawl .crawl-row-mark-date")
    assert ask.is_visible()
    assert ask.inner_text() == "Add the date you first saw it"
    ask.click()
    page.wait_for_url("**/tracker.html#track-belly-crawl")
    assert page.is_checked("input[name=track-belly-crawl][value=yes]")
    assert page.input_value("input[name=track-belly-crawl-date]") == ""
    prompt = page.locator("#track-belly-crawl .crawl-track-date-prompt")
    assert prompt.is_visible()
    assert "When did you first see this?" in prompt.inner_text()
    page.fill("input[name=track-belly-crawl-date]", "2026-02-01")
    page.locator("input[name=track-belly-crawl-date]").dispatch_event("change")
    assert not prompt.is_visible()
    assert stored(phone)["babies"][stored(phone)["current"]]["marks"]["belly-crawl"]["date"] == (
        "2026-02-01"
    )


def test_the_summary_saves_as_a_file_without_the_page_around_it(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone, name="<img src=x onerror=alert(1)>")
    phone.goto("summary.html")
    with page.expect_download() as info:
        page.click("button.crawl-summary-download")
    download = info.value
    assert download.suggested_filename.startswith("summary-for-the-doctor-")
    html = Path(download.path()).read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "Summary for the doctor" in html


def test_stored_junk_never_breaks_a_page(open_page: Callable[..., Tab]) -> None:
    junk = json.dumps(
        {
            "current": "b1",
            "babies": {
                "b1": {"name": "<b>x</b>", "born": "not a date", "early": "lots", "marks": 5},
                "__proto__": {"name": "p"},
                "b2": {"name": "Ok", "born": BORN, "marks": {"x": {"state": "<script>"}}},
            },
        }
    )
    tab = open_page(viewport=PHONE)
    tab.page.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(junk)})")
    for path in ("milestones.html", "tracker.html", "summary.html"):
        tab.goto(path)
        assert tab.page.locator("b", has_text="x").count() == 0
    tab.goto("tracker.html")
    options = tab.page.locator("#crawl-baby-which option").all_inner_texts()
    assert options == ["<b>x</b>", "Ok"]


def test_a_browser_that_keeps_nothing_says_so(open_page: Callable[..., Tab]) -> None:
    tab = open_page(viewport=PHONE)
    tab.page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    enter_baby(tab)
    assert tab.page.inner_text(".crawl-baby-status").startswith("Not saved")
    notice = tab.page.locator(".crawl-companion-unsaved")
    assert notice.is_visible()
    assert "not keeping" in notice.inner_text()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_companion_pages_in_use_have_no_axe_violations(
    open_page: Callable[..., Tab], axe_script: str, theme: str
) -> None:
    from tests.browser.test_a11y import COLOUR_RULES, RUN_AXE, ColourCheck, with_axe

    tab = open_page(theme=theme, viewport=PHONE)
    page = tab.page
    with_axe(page, axe_script)
    page.on("dialog", lambda dialog: dialog.accept())
    enter_baby(tab)
    page.click("button.crawl-baby-add")
    page.fill("#crawl-baby-born", "2026-06-01")
    page.click("button.crawl-baby-save")  # two babies: the switchers show
    page.check("input[name=track-belly-crawl][value=not-yet]")
    page.select_option("#crawl-baby-which", index=0)
    page.check("input[name=track-belly-crawl][value=not-yet]")
    page.check("input[name=track-stiff-limbs]")
    problems = []
    # Every page whose view the baby changes, and the pages the companion draws: every
    # rule, the colour rules on each part where it first shows (ColourCheck).
    colours = ColourCheck()
    for path in ("tracker.html", "summary.html", *AGED_PAGES):
        tab.goto(path)
        found = page.evaluate(RUN_AXE, [WCAG_TAGS, None, COLOUR_RULES])
        problems += [f"{path}: {v['id']} {v['nodes']}" for v in found + colours.new_parts(page)]
    assert not problems, "\n".join(problems)


# -- Issue 24: one record per baby, the same numbers everywhere ---------------------


def marks_of(tab: Tab) -> dict[str, list[str]]:
    """Each stored baby's name and the entries marked for it."""
    data = stored(tab) or {"babies": {}}
    return {b["name"]: sorted(b["marks"]) for b in data["babies"].values()}


def test_a_new_baby_gets_no_marks_until_saved_and_each_keeps_their_own(phone: Tab) -> None:
    """The issue's sequence: Ana, "Stiff"; "Add another baby", "Floppy"; save Ben. Ana's
    record had both signs, and her summary for the doctor listed Floppy."""
    page = phone.page
    enter_baby(phone, "Ana")
    page.check("input[name=track-stiff-limbs]")
    page.click("button.crawl-baby-add")
    floppy = page.locator("input[name=track-floppy-muscle-tone]")
    if floppy.is_visible():  # it was, and the tick went to Ana
        floppy.check()
    notice = page.locator(".crawl-track-notice").first
    assert "Adding a new baby" in notice.inner_text()
    assert "nothing can be marked" in notice.inner_text()
    page.fill("#crawl-baby-name", "Ben")
    page.fill("#crawl-baby-born", "2026-06-01")
    page.click("button.crawl-baby-save")
    assert "Marks for Ben" in notice.inner_text()
    floppy.check()
    assert marks_of(phone) == {"Ana": ["stiff-limbs"], "Ben": ["floppy-muscle-tone"]}
    phone.goto("summary.html")
    page.select_option("#crawl-summary-which", label="Ana")
    summary = page.locator(".crawl-summary").inner_text()
    assert "Stiff or tight arms or legs" in summary
    assert "Very floppy muscles" not in summary


def test_cancel_adding_goes_back_to_the_baby_shown(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone, "Ana")
    page.click("button.crawl-baby-add")
    assert page.locator("#crawl-baby-name").input_value() == ""
    page.click("button.crawl-baby-cancel")
    assert page.locator("#crawl-baby-name").input_value() == "Ana"
    assert page.locator("input[name=track-stiff-limbs]").is_visible()


def test_a_second_tab_switching_baby_is_followed_everywhere(
    open_page: Callable[..., Tab],
) -> None:
    """Two tabs of one browser: the second picks another baby; the first tab's tracker
    says so at once, and its ticks go to the baby it now shows."""
    first = open_page(viewport=PHONE)
    page = first.page
    enter_baby(first, "Ana")
    page.click("button.crawl-baby-add")
    page.fill("#crawl-baby-name", "Ben")
    page.fill("#crawl-baby-born", "2026-06-01")
    page.click("button.crawl-baby-save")
    second = Tab(page.context.new_page(), first.base)
    second.goto("summary.html")
    second.page.select_option("#crawl-summary-which", label="Ana")
    notice = page.locator(".crawl-track-notice").first
    page.wait_for_function(
        "() => document.querySelector('.crawl-track-notice').textContent.includes('Ana')",
        polling=50,
        timeout=3000,
    )
    assert page.locator("#crawl-baby-name").input_value() == "Ana"
    page.check("input[name=track-stiff-limbs]")
    assert "Marks for Ana" in notice.inner_text()
    assert marks_of(first) == {"Ana": ["stiff-limbs"], "Ben": []}
    # ...and the other tab's summary shows it without a reload.
    second.page.wait_for_function(
        "() => document.querySelector('.crawl-summary').textContent.includes('Stiff')",
        polling=50,
        timeout=3000,
    )


def test_a_checklist_tick_is_the_trackers_sign_for_the_same_baby(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone, "Ana")
    phone.goto("checklist.html")
    assert "Marks for Ana" in page.locator(".crawl-checklist-saved").inner_text()
    page.check('input.crawl-check[data-crawl-key="checklist:stiff-limbs"]')
    page.fill("#note-stiff-limbs", "Mostly the left leg.")
    phone.goto("tracker.html")
    assert page.is_checked("input[name=track-stiff-limbs]")
    page.fill("input[name=track-stiff-limbs-date]", "2026-11-02")
    page.locator("input[name=track-stiff-limbs-date]").dispatch_event("change")
    phone.goto("summary.html")
    signs = page.locator(".crawl-summary-part", has_text="Signs noticed").inner_text()
    assert "Stiff or tight arms or legs" in signs
    assert "November 2, 2026" in signs
    assert "Mostly the left leg." in signs
    # Unticked in the tracker: unticked on the checklist; the note stays.
    phone.goto("tracker.html")
    page.uncheck("input[name=track-stiff-limbs]")
    phone.goto("checklist.html")
    assert not page.is_checked('input.crawl-check[data-crawl-key="checklist:stiff-limbs"]')
    assert page.input_value("#note-stiff-limbs") == "Mostly the left leg."
    # Printed with the baby's name and age, not a typed age.
    page.emulate_media(media="print")
    assert page.locator(".crawl-print-age").inner_text().startswith("Baby's age: Ana, 14 months")
    # No per-page keys: one record.
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("sphinx-crawl:checklist:")] == []


def test_ticks_kept_before_a_baby_was_entered_move_into_the_baby_once(phone: Tab) -> None:
    page = phone.page
    phone.goto("checklist.html")
    page.check('input.crawl-check[data-crawl-key="checklist:floppy-muscle-tone"]')
    page.fill("#note-floppy-muscle-tone", "Since the cold.")
    enter_baby(phone, "Ana")
    for _ in range(2):  # once: a second visit adds nothing
        phone.goto("checklist.html")
        assert page.is_checked('input.crawl-check[data-crawl-key="checklist:floppy-muscle-tone"]')
        assert page.input_value("#note-floppy-muscle-tone") == "Since the cold."
    baby = next(iter(stored(phone)["babies"].values()))
    assert baby["marks"]["floppy-muscle-tone"]["state"] == "noticed"
    assert baby["marks"]["floppy-muscle-tone"]["note"] == "Since the cold."
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("sphinx-crawl:checklist:checklist:f")] == []


def test_a_yes_without_a_date_asks_for_it_instead_of_making_one_up(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone)
    page.check("input[name=track-crawling-begins][value=yes]")
    assert page.input_value("input[name=track-crawling-begins-date]") == ""
    prompt = page.locator("#track-crawling-begins .crawl-track-date-prompt")
    assert prompt.is_visible()
    date = page.locator("input[name=track-crawling-begins-date]")
    assert date.get_attribute("aria-describedby") == prompt.get_attribute("id")
    page.check("input[name=track-stiff-limbs]")
    assert page.input_value("input[name=track-stiff-limbs-date]") == ""
    assert page.locator("#track-stiff-limbs .crawl-track-date-prompt").is_visible()
    marks = next(iter(stored(phone)["babies"].values()))["marks"]
    assert marks["crawling-begins"]["date"] == marks["stiff-limbs"]["date"] == ""
    phone.goto("summary.html")
    seen = page.locator(".crawl-summary-part", has_text="Milestones seen").inner_text()
    assert datetime.date.today().strftime("%B") not in seen.split("usually")[0]


@pytest.mark.parametrize(
    ("edition", "months", "corrected"),
    [("", "13.9", "12.6"), ("es/", "13,9", "12,6")],
)
def test_the_same_baby_shows_the_same_numbers_everywhere(
    open_page: Callable[..., Tab], edition: str, months: str, corrected: str
) -> None:
    """426 days old, born 6 weeks early: the baby line said 12.6 months corrected and
    the filter 12.5 (it corrected the rounded age again). Spanish writes "12,6"."""
    tab = open_page(viewport=PHONE)
    born = (datetime.date.today() - datetime.timedelta(days=426)).isoformat()
    data = {
        "v": 1,
        "current": "b1",
        "babies": {"b1": {"name": "Ana", "born": born, "early": 6, "marks": {}}},
    }
    tab.page.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(data))})")
    for reload in (False, True):
        tab.goto(f"{edition}milestones.html")
        if reload:  # the URL now holds the baby's age: still the exact one
            tab.page.reload()
        view = age_view(tab)
        assert f"{months} " in view["line"], view
        assert f"{corrected} " in view["line"], view
        assert view["status"].count(corrected) == 2, view  # "apply at" and "corrected"
        assert corrected[:-1] + "5" not in view["status"], view  # not 12.5 here
        assert view["age"] == "13.9"  # a number field's value: always a dot
    tab.goto(f"{edition}summary.html")
    facts = tab.page.locator(".crawl-summary-facts").inner_text()
    assert months in facts, facts
    assert corrected in facts, facts


@pytest.mark.parametrize("edition", ["", "es/"])
def test_with_a_baby_no_companion_page_scrolls_sideways(
    open_page: Callable[..., Tab], edition: str
) -> None:
    """tests/browser/test_phone.py visits every page without a baby; with one, the
    tracker's hidden legends (a table box that grows to its text) pushed it to 576 px."""
    tab = open_page(viewport=PHONE, is_mobile=True)
    enter_baby(tab)
    tab.page.check("input[name=track-belly-crawl][value=not-yet]")
    tab.page.check("input[name=track-crawling-begins][value=yes]")
    for path in ("tracker.html", "summary.html", "checklist.html", "milestones.html"):
        tab.goto(edition + path)
        width = tab.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
