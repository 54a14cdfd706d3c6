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
