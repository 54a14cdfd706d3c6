"""Offline, a page the phone did not keep (the tester's report): the worker answers
with a page of ours, never the browser's error. A parent who visited only the English
edition and, offline, opens a Spanish page gets it in Spanish, with links to what is
kept: the emergency page (the Spanish one if kept, else the English one) and the first
page. The same for an English address that is not kept (an old link).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_offline import keep_the_handbook

pytestmark = pytest.mark.browser


def links(tab: Tab) -> dict[str, str]:
    """The page's links: text -> full URL."""
    found = tab.page.locator("a").evaluate_all("links => links.map((a) => [a.textContent, a.href])")
    return {text.strip(): href for text, href in found}


def test_a_page_not_kept_is_ours_in_its_edition_s_language(open_page: Callable[..., Tab]) -> None:
    tab = keep_the_handbook(open_page)  # the English edition only
    page = tab.page
    page.context.set_offline(True)
    response = tab.goto("es/milestones.html")
    assert response is not None
    assert response.status == 503  # our page, not the browser's error
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.locator("h1").inner_text() == "No guardada en este teléfono"
    assert "No tiene conexión" in page.locator("main").inner_text()
    found = links(tab)
    # The Spanish emergency page is not kept here: the English one is, and says so.
    emergency = next(text for text in found if text.startswith("Qué hacer en una emergencia"))
    assert found[emergency] == tab.base + "emergency.html"
    assert "English" in emergency
    assert page.locator("a[hreflang=en]").count() == 2
    assert found["Ir a la primera página (English)"] == tab.base + "index.html"
    # The link is followed offline: the kept emergency page.
    page.click(f"text={emergency}")
    page.wait_for_url(tab.base + "emergency.html")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    # An English address that is not kept (an old link): the same page, in English.
    response = tab.goto("no-such-page.html")
    assert response is not None
    assert response.status == 503
    assert page.locator("h1").inner_text() == "Not kept on this phone"
    found = links(tab)
    assert found["What to do in an emergency"] == tab.base + "emergency.html"
    assert found["Go to the first page"] == tab.base + "index.html"


def test_offline_the_other_edition_s_link_from_an_edition_read_alone_is_ours(
    open_page: Callable[..., Tab],
) -> None:
    """A parent who only ever read the Spanish edition taps "English" offline: the
    English edition's worker was never installed, and no worker answers for its pages;
    before, the browser's error page. Now the Spanish worker's page for a page not
    kept, in Spanish, with the way to the kept emergency page."""
    tab = keep_the_handbook(open_page, about="es/about.html")
    page = tab.page
    page.context.set_offline(True)
    english = page.locator("nav.crawl-editions a[hreflang=en]").first
    english.click()
    page.wait_for_url("**/crawl-not-kept.html")
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.locator("h1").inner_text() == "No guardada en este teléfono"
    found = links(tab)
    emergency = next(text for text in found if text.startswith("Qué hacer en una emergencia"))
    assert found[emergency] == tab.base + "es/emergency.html"
    page.click(f"text={emergency}")
    page.wait_for_url(tab.base + "es/emergency.html")
    # Online again, the same link leads to the English edition.
    page.context.set_offline(False)
    page.locator("nav.crawl-editions a[hreflang=en]").first.click()
    page.wait_for_url(tab.base + "emergency.html")
    assert page.evaluate("() => document.documentElement.lang") == "en"
