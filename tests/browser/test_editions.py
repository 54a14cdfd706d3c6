"""The Spanish edition as a Spanish-speaking parent uses it: searching in their own
words, and switching language without losing their place (issue 14). Axe, the phone
and the no-other-host checks visit both editions' pages (see support.visit_list)."""

from __future__ import annotations

from urllib.parse import quote_plus, urlsplit

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

#: Spanish parents' words -> entries any of which must be in the top 3.
SPANISH_QUERIES = {
    "gatea hacia atrás": {"only-backwards-normal", "creeping-backwards"},
    "solo gatea para atrás": {"only-backwards-normal", "creeping-backwards"},
    "¿es normal que gatee hacia atrás?": {"only-backwards-normal"},
    "piernas rígidas": {"stiff-limbs"},
    "suelo resbaladizo": {"could-be-floors", "no-slide-zone", "carpet-not-hardwood"},
    "piso resbaladizo": {"could-be-floors", "no-slide-zone", "carpet-not-hardwood"},
    "prematuro": {"born-early-which-age"},
    "edad corregida": {"born-early-which-age"},
    "no le gusta estar boca abajo": {"short-frequent-tummy-time", "prop-chest-on-towel"},
    "calcetines": {"bare-knees-and-feet"},
    "un lado más débil": {"one-side-weaker"},
    "no gatea a los 12 meses": {"no-movement-by-12-months"},
    "se arrastra con la barriga": {"belly-crawl"},
    "gatea sentado": {"bottom-shuffle", "bottom-shuffle-or-army-crawl"},
    "cuándo llamar al pediatra": {"when-should-call-doctor", "parent-worry"},
}


@pytest.mark.parametrize(("query", "expected"), SPANISH_QUERIES.items(), ids=list(SPANISH_QUERIES))
def test_spanish_parents_words_find_their_entries(tab: Tab, query: str, expected: set[str]):
    tab.goto(f"es/search.html?q={quote_plus(query)}")
    section = tab.page.locator("section.crawl-search")
    section.wait_for()
    hrefs = section.locator("ul.crawl-search-results > li > a").evaluate_all(
        "links => links.map((a) => a.getAttribute('href'))"
    )
    top = [urlsplit(href).fragment for href in hrefs[:3]]
    assert expected & set(top), f"{query!r}: want one of {expected} in the top 3, got {hrefs}"
    # The results are the Spanish edition's pages, and the headings are in Spanish.
    assert all(not href.startswith("../") for href in hrefs), hrefs
    assert section.locator("h2").first.inner_text() == "Entradas del manual"


def test_sphinx_counts_the_pages_found_in_spanish(tab: Tab) -> None:
    tab.goto("es/search.html?q=gatea")
    summary = tab.page.locator("#search-results p.search-summary")
    summary.wait_for()
    tab.page.wait_for_function(
        "() => /\\S/.test(document.querySelector('#search-results p.search-summary').textContent)"
    )
    assert summary.inner_text().startswith("Se encontr"), summary.inner_text()


@pytest.mark.parametrize(
    ("start", "switch_to", "landing"),
    [
        ("es/red-flags.html?age=11#stiff-limbs", "English", "red-flags.html?age=11#stiff-limbs"),
        ("red-flags.html?age=11#stiff-limbs", "Español", "es/red-flags.html?age=11#stiff-limbs"),
        ("tips/surfaces-and-clothing.html#no-slide-zone", "Español", None),
    ],
)
def test_the_switch_keeps_the_page_the_entry_and_the_age(
    tab: Tab, start: str, switch_to: str, landing: str | None
) -> None:
    tab.goto(start)
    page = tab.page
    page.locator("nav.crawl-editions").get_by_role("link", name=switch_to).click()
    page.wait_for_load_state()
    want = landing or "es/" + start
    assert page.url == tab.base + want
    # The entry is there, in the other language, and the page says which language it is.
    anchor = want.partition("#")[2]
    assert page.locator(f"#{anchor}").count() == 1
    assert page.evaluate("() => document.documentElement.lang") == (
        "es" if want.startswith("es/") else "en"
    )


def test_a_page_the_other_edition_leaves_out_switches_to_its_home(tab: Tab) -> None:
    tab.goto("authoring/index.html")
    tab.page.locator("nav.crawl-editions").get_by_role("link", name="Español").click()
    tab.page.wait_for_load_state()
    assert tab.page.url == tab.base + "es/index.html"
