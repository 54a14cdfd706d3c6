"""The handbook's Spanish edition (issue 14): the same entries as the English one, every
word a parent reads in Spanish, catalogs complete, and each page linked to its twin."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from sphinx_crawl import catalogs
from sphinx_crawl.api import Handbook, load

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PACKAGE_CATALOG = ROOT / "sphinx_crawl" / "locale" / "es" / "LC_MESSAGES" / "sphinx_crawl.po"

Built = tuple[subprocess.CompletedProcess[str], Path]


@pytest.fixture(scope="module")
def spanish(spanish_handbook: Built) -> Handbook:
    result, html = spanish_handbook
    assert result.returncode == 0, result.stderr[-4000:]
    return load(html / "crawl.json", validate=True)


def pages(html: Path) -> list[str]:
    return sorted(
        p.relative_to(html).as_posix()
        for p in html.rglob("*.html")
        if not {"_static", "es"} & set(p.relative_to(html).parts[:-1])
    )


def reader_text(html: Path, page: str) -> str:
    """What a parent reads on a page: its text, and the words the scripts show."""
    soup = BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    labels = [
        el[attr] for attr in ("aria-label", "title", "alt") for el in soup.select(f"[{attr}]")
    ]
    return " ".join([soup.get_text(" "), *map(str, labels)])


def test_the_spanish_edition_builds_with_warnings_as_errors(spanish_handbook: Built) -> None:
    result, _ = spanish_handbook
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    assert "Traceback" not in result.stdout + result.stderr


def test_same_entries_counts_and_urgency_levels_in_both_editions(
    content: Handbook, spanish: Handbook
) -> None:
    english = {e.id: e for e in content.entries}
    spanish_entries = {e.id: e for e in spanish.entries}
    assert list(spanish_entries) == list(english)  # same ids, same order
    assert content.language == "en"
    assert spanish.language == "es"
    for entry_id, entry in english.items():
        twin = spanish_entries[entry_id]
        assert twin.type == entry.type, entry_id
        assert twin.fields.get("urgency") == entry.fields.get("urgency"), entry_id
        assert twin.fields.get("activity") == entry.fields.get("activity"), entry_id
        assert twin.sources == entry.sources, entry_id
        assert twin.url == entry.url, entry_id
        assert (twin.age and twin.age.min_months) == (entry.age and entry.age.min_months)
        assert (twin.age and twin.age.max_months) == (entry.age and entry.age.max_months)


def test_titles_texts_actions_and_ages_are_in_spanish(content: Handbook, spanish: Handbook) -> None:
    english = {e.id: e for e in content.entries}
    for twin in spanish.entries:
        entry = english[twin.id]
        assert twin.title != entry.title, twin.id
        assert twin.text != entry.text, twin.id
        for name, value in entry.fields.items():
            # The level and a tip's activity are codes, the same in every edition.
            if name not in {"urgency", "activity"} and isinstance(value, str):
                assert twin.fields[name] != value, (twin.id, name)
        if twin.age is not None:
            assert "month" not in twin.age.label, twin.age.label
            assert "mes" in twin.age.label, twin.age.label


def test_catalogs_are_complete_and_match_the_english_text(tmp_path: Path) -> None:
    """What `nox -s docs` checks before building the Spanish edition: every English
    message is in the catalogs, translated, and none is fuzzy."""
    templates = tmp_path / "gettext"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(DOCS), str(templates)]
    subprocess.run(command, check=True, capture_output=True)
    report = catalogs.check(DOCS / "locales", "es", templates, skip=("authoring/*",))
    assert report.missing == []
    assert report.untranslated == []
    assert report.fuzzy == []
    assert report.translated > 400


def test_the_catalog_check_reports_fuzzy_untranslated_and_missing(tmp_path: Path) -> None:
    messages = tmp_path / "es" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "page.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "Done"\nmsgstr "Hecho"\n\n'
        '#, fuzzy\nmsgid "Old words"\nmsgstr "Palabras viejas"\n\n'
        'msgid "New words"\nmsgstr ""\n',
        encoding="utf-8",
    )
    templates = tmp_path / "pot"
    templates.mkdir()
    (templates / "page.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Done"\nmsgstr ""\n\nmsgid "Added later"\nmsgstr ""\n',
        encoding="utf-8",
    )
    report = catalogs.check(tmp_path, "es", templates)
    assert report.translated == 1
    assert [m.split(": ")[1] for m in report.fuzzy] == ["'Old words'"]
    assert [m.split(": ")[1] for m in report.untranslated] == ["'New words'"]
    assert [m.split(": ")[1] for m in report.missing] == ["'Added later'"]
    assert catalogs.main([str(tmp_path), "es", "--templates", str(templates)]) == 1


def test_every_page_is_in_spanish(spanish_handbook: Built, handbook: Built) -> None:
    """No paragraph, heading, label or hidden screen-reader text of a Spanish page is
    the English page's, except the names of the sources (kept as published)."""
    _, html = spanish_handbook
    content = load(html / "crawl.json")
    published = {
        text
        for s in content.sources
        for text in (s.title, s.author, s.publisher, s.url, f"{s.author}, {s.publisher}")
        if text
    }
    english_html = handbook[1]
    spanish_pages = pages(html)
    assert "authoring/index.html" not in spanish_pages
    assert {p for p in pages(english_html) if not p.startswith("authoring/")} == set(spanish_pages)
    problems = []
    for page in spanish_pages:
        soup = BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.html is not None
        assert soup.html.get("lang") == "es", page
        english = _blocks(english_html / page)
        same = {b for b in _blocks(html / page) & english if b not in published}
        problems += [f"{page}: {block[:80]!r}" for block in sorted(same)]
    # (furo's own accessible names and icon titles, written without gettext, go through
    # the catalog in docs/_templates/page.html: before, a screen reader said "Toggle site
    # navigation sidebar" and "Auto light/dark, in dark mode" in English on every page.)
    assert problems == []


def _blocks(page: Path) -> set[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    blocks = {
        " ".join(el.get_text(" ").split())
        for el in soup.find_all(["p", "li", "h1", "h2", "h3", "th", "td", "label", "button", "a"])
    }
    blocks |= {str(el[attr]) for attr in ("aria-label", "title") for el in soup.select(f"[{attr}]")}
    blocks |= {" ".join(el.get_text(" ").split()) for el in soup.select("svg title")}
    return {b for b in blocks if len(b.split()) >= 3}


def test_the_extensions_own_words_are_in_spanish(spanish_handbook: Built) -> None:
    """Every sentence of the package's catalog a Spanish page could show (filters,
    badges, the tracker, search) is shown in Spanish, never in English."""
    _, html = spanish_handbook
    with PACKAGE_CATALOG.open("rb") as handle:
        english = [
            str(m.id)
            for m in read_po(handle)
            if isinstance(m.id, str) and len(m.id.split()) >= 3 and "{" not in m.id
        ]
    shown = " ".join(reader_text(html, page) for page in pages(html))
    shown += (html / "_static" / "crawl-companion-text.js").read_text(encoding="utf-8")
    shown += (html / "crawl-searchindex.js").read_text(encoding="utf-8")
    shown = " ".join(shown.split())
    assert [sentence for sentence in english if sentence in shown] == []


def test_review_dates_are_written_the_spanish_way(spanish_handbook: Built) -> None:
    _, html = spanish_handbook
    text = reader_text(html, "index.html")
    assert re.search(r"Última revisión: \d{1,2} de [a-z]+ de \d{4}", text), text[:500]


def test_each_page_names_its_twin_and_offers_the_switch(
    spanish_handbook: Built, handbook: Built
) -> None:
    english_html = handbook[1]
    _, spanish_html = spanish_handbook
    checked = 0
    for html, page, other in (
        (english_html, "red-flags.html", "es"),
        (english_html, "tips/surfaces-and-clothing.html", "es"),
        (spanish_html, "red-flags.html", "en"),
        (spanish_html, "tips/surfaces-and-clothing.html", "en"),
        (english_html, "authoring/index.html", "es"),
    ):
        soup = BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")
        links = {
            link["hreflang"]: link["href"]
            for link in soup.select('link[rel="alternate"][hreflang]')
        }
        assert set(links) == {"en", "es"}, (page, links)
        switch = soup.select_one(f'nav.crawl-editions a[hreflang="{other}"]')
        assert switch is not None, page
        assert switch["href"] == links[other]
        target = (html / page).parent / _path(switch["href"])
        assert target.resolve().is_file(), (page, switch["href"])
        expected = "index.html" if page.startswith("authoring/") else Path(page).name
        assert target.name == expected
        checked += 1
    assert checked == 5


def _path(href: Any) -> str:
    return str(href).partition("#")[0].partition("?")[0]


def test_with_a_base_url_hreflang_links_are_absolute(tmp_path: Path) -> None:
    """Search engines take hreflang only as full URLs: with html_baseurl (the edition's
    address) the head links are absolute; the visible switch stays relative, so it also
    works from disk."""
    from tests.build_utils import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_crawl"]\nlanguage = "es"\n'
        'html_baseurl = "https://handbook.example.org/es/"\n'
        'crawl_editions = {"en": {"label": "English", "path": ""}, '
        '"es": {"label": "Español", "path": "es/"}}\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Inicio\n======\n\n.. toctree::\n\n   tips/uno\n")
    (src / "tips").mkdir()
    (src / "tips" / "uno.rst").write_text("Uno\n===\n\nTexto.\n", encoding="utf-8")
    site = build(src)
    soup = BeautifulSoup(site.text("tips/uno.html"), "html.parser")
    links = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert links == {
        "en": "https://handbook.example.org/tips/uno.html",
        "es": "https://handbook.example.org/es/tips/uno.html",
    }
    switch = soup.select_one('nav.crawl-editions a[hreflang="en"]')
    assert switch is not None
    assert switch["href"] == "../../tips/uno.html"
