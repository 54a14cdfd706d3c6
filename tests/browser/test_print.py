"""The printable red-flag checklist: title, date, tick boxes, and no navigation.

Checked two ways: the text of page.pdf() (pypdf, or pdftotext as a fallback),
and computed styles under print emulation at desktop width, where furo would
otherwise show its sidebar.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import Tab, unavailable
from tests.browser.support import ARTIFACTS

pytestmark = pytest.mark.browser

TITLE = "Red-flag checklist to take to a check-up"
# Navigation that must not print: furo's chrome, Sphinx basic's, and the age filter.
NAVIGATION = [
    ".skip-to-content",
    ".mobile-header",
    ".sidebar-drawer",
    ".sidebar-search-container",
    ".toc-drawer",
    ".theme-toggle-container",
    ".content-icon-container",
    ".back-to-top",
    ".related-pages",
    "form.crawl-age-filter",
]


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF."""
    try:
        from pypdf import PdfReader
    except ImportError:
        pdftotext = shutil.which("pdftotext")
        if pdftotext is None:
            unavailable("neither pypdf nor pdftotext is installed (pip install pypdf)")
        text = subprocess.run(
            [pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
        return text.split("\f")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without spaces or hyphens, so line wraps in the PDF do not matter."""
    return re.sub(r"[\s\-\u2010\u2011]+", "", text)


def checklist_items(page: Any) -> list[dict[str, str]]:
    return page.locator("ul.crawl-checklist > li").evaluate_all(
        """items => items.map((li) => ({
            title: li.querySelector('.crawl-check-label strong').textContent.trim(),
            urgency: li.querySelector('.crawl-check-label em').textContent.trim(),
        }))"""
    )


def test_checklist_pdf_is_a_clean_list(tab: Tab) -> None:
    tab.goto("checklist.html")
    page = tab.page
    page.emulate_media(media="print")
    items = checklist_items(page)
    assert len(items) >= 5
    date = page.locator(".crawl-print-date").inner_text()
    expected_date = page.evaluate(
        """() => new Date().toLocaleDateString(document.documentElement.lang || undefined,
                 {year: 'numeric', month: 'long', day: 'numeric'})"""
    )
    assert date == expected_date

    pdf = page.pdf(format="A4", print_background=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "checklist.pdf").write_bytes(pdf)
    pages = [squash(text) for text in pdf_pages(pdf)]
    text = "".join(pages)

    assert squash(TITLE) in text
    assert squash(f"Printed on {date}") in text
    for item in items:
        assert squash(item["title"]) in text, item
        assert squash(item["urgency"]) in text, item
    # The list starts on the first page: no blank half-page before it.
    assert squash(items[0]["title"]) in pages[0]
    for chrome in ("Skip to content", "Search", "Hide navigation sidebar", "Back to top"):
        assert squash(chrome) not in text, f"{chrome!r} printed"
    for nav_link in ("Questions parents ask", "About this handbook", "For authors and editors"):
        assert squash(nav_link) not in text, f"sidebar link {nav_link!r} printed"


@pytest.mark.parametrize("path", ["checklist.html", "red-flags.html"])
def test_print_hides_navigation_and_keeps_tick_boxes(tab: Tab, path: str) -> None:
    tab.goto(path)
    page = tab.page
    page.emulate_media(media="print")
    shown = page.evaluate(
        """(selectors) => selectors.filter((s) => [...document.querySelectorAll(s)].some((e) => {
            const r = e.getBoundingClientRect();
            const s = getComputedStyle(e);
            return s.display !== 'none' && s.visibility !== 'hidden'
              && r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0;
        }))""",
        NAVIGATION,
    )
    assert shown == [], f"navigation printed on {path}: {shown}"
    assert page.locator("h1").first.is_visible()
    if path == "checklist.html":
        # The printed box is drawn next to the form control (which keeps no state on
        # paper): crawl-checklist.js writes a tick into it. tests/browser/test_checklist.py
        # prints ticks.
        boxes = page.locator(".crawl-check-mark").evaluate_all(
            """boxes => boxes.map((b) => {
                const s = getComputedStyle(b), r = b.getBoundingClientRect();
                return {w: r.width, h: r.height, border: parseFloat(s.borderTopWidth),
                        style: s.borderTopStyle, display: s.display};
            })"""
        )
        assert boxes
        for box in boxes:
            assert box["display"] != "none"
            assert box["w"] >= 12, box
            assert box["h"] >= 12, box
            assert box["border"] >= 1, box
            assert box["style"] != "none", box
        assert page.locator(".crawl-print-only").first.is_visible()


def summary_pdf(tab: Tab, marks: int, notes: str) -> list[str]:
    """The summary for the doctor as printed (A4), for a baby with ``marks`` signs
    and milestones marked; the text of each page."""
    import datetime
    import json

    born = (datetime.date.today() - datetime.timedelta(days=400)).isoformat()
    entries = ["stiff-limbs", "floppy-muscle-tone", "one-side-weaker", "cannot-bear-weight"]
    milestones = ["pushes-up-on-arms", "belly-crawl", "crawling-begins", "cruising"]
    record = {
        **{
            e: {"state": "noticed", "date": "2026-10-0" + str(n + 1), "title": e, "note": "x"}
            for n, e in enumerate(entries[:marks])
        },
        **{
            m: {"state": "yes", "date": "2026-09-1" + str(n), "title": m, "age": "6-9 months"}
            for n, m in enumerate(milestones[:marks])
        },
    }
    baby = {"name": "Ana", "born": born, "early": 6, "marks": record, "notes": notes}
    data = {"v": 1, "current": "b1", "babies": {"b1": baby}}
    tab.page.add_init_script(
        f"localStorage.setItem('sphinx-crawl:babies', {json.dumps(json.dumps(data))})"
    )
    tab.goto("summary.html")
    tab.page.locator(".crawl-summary-facts").wait_for()
    pdf = tab.page.pdf(format="A4")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"summary-{marks}.pdf").write_bytes(pdf)
    return pdf_pages(pdf)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_summary_for_the_doctor_prints_on_one_page(
    open_page: Callable[..., Tab], width: int
) -> None:
    """Issue 26: a short summary printed a second page holding only the theme's footer
    ("Last updated on ..."). Checked on the PDF Chromium makes."""
    pages = summary_pdf(open_page(viewport={"width": width, "height": 900}), 2, "Short.")
    assert len(pages) == 1, [text[:80] for text in pages]
    text = squash(pages[0])
    assert squash("Summary for the doctor") in text
    assert squash("not a diagnosis") in text
    assert "Lastupdated" not in text


def test_a_long_summary_has_no_page_without_its_content(open_page: Callable[..., Tab]) -> None:
    long_notes = "\n".join(f"Line {n} of what we have seen this month." for n in range(40))
    pages = summary_pdf(open_page(viewport={"width": 1280, "height": 900}), 4, long_notes)
    assert len(pages) > 1
    for number, text in enumerate(pages):
        assert len(squash(text)) > 40, f"page {number + 1} is nearly empty: {text!r}"
    assert squash("not a diagnosis") in squash(pages[-1])


def test_other_pages_keep_the_themes_footer_on_paper(tab: Tab) -> None:
    """Only the summary (the parent's own page) prints without the copyright line."""
    tab.goto("checklist.html")
    text = squash("".join(pdf_pages(tab.page.pdf(format="A4"))))
    assert squash("Copyright") in text
