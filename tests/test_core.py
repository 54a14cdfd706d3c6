"""Fast unit tests of the Sphinx-free core and the checked configuration (no builds)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sphinx_crawl.config import CrawlConfig
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.content_types import ContentType, ContentTypeError, ContentTypeRegistry
from sphinx_crawl.core.derive import (
    age_sort_key,
    badge,
    cited_by,
    entry_url,
    free_id,
    source_anchor,
)
from sphinx_crawl.core.entries import EntryData


def entry(entry_id: str, sources: list[str], age: str | None = None) -> EntryData:
    return {
        "id": entry_id,
        "type": "tip",
        "title": entry_id.title(),
        "docname": "page",
        "anchor": entry_id,
        "lineno": 1,
        "age": AgeRange.parse(age).as_dict() if age else None,
        "tags": [],
        "sources": sources,
        "keywords": [],
        "text": "",
        "fields": {},
        "relations": {},
    }


@pytest.mark.parametrize(
    ("text", "kind", "applies", "not_yet"),
    [
        ("6-9 months", "window", [6, 7.5, 9], [5.9, 9.1, 24]),
        ("12 months+", "from", [12, 24, 60], [11.9]),
        ("by 12 months", "by", [12, 13, 24], [0, 7, 11.9]),
        ("12 months", "window", [12], [11, 13]),
    ],
)
def test_each_kind_of_age_applies_where_a_parent_expects(
    text: str, kind: str, applies: list[float], not_yet: list[float]
) -> None:
    age = AgeRange.parse(text)
    assert age.kind == kind
    assert all(age.applies_at(m) for m in applies)
    assert not any(age.applies_at(m) for m in not_yet)


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("1 year", "12 months"),
        ("1-2 years", "12-24 months"),
        ("by 1 year", "by 12 months"),
        ("2.5 yrs", "30 months"),
        ("6 weeks", "1.4 months"),
        ("from 6 months", "6 months+"),
        ("12 months and up", "12 months+"),
        ("up to 12 months", "0-12 months"),
    ],
)
def test_an_age_in_other_words_is_refused_with_the_same_age_as_it_is_written(
    text: str, suggested: str
) -> None:
    """An author's warning says how to write the age, and what it says is read."""
    warning = f"cannot read the age '{text}'; write it as '{suggested}'"
    with pytest.raises(ValueError, match=re.escape(warning)):
        AgeRange.parse(text)
    assert AgeRange.parse(suggested).label == suggested


def test_months_may_be_written_mths() -> None:
    assert AgeRange.parse("6-9 mths").as_dict()["max_months"] == 9


def test_old_crawl_json_ages_without_a_kind_still_load() -> None:
    assert AgeRange.from_dict({"min_months": 9, "max_months": None, "label": "9+"}).kind == "from"
    assert AgeRange.from_dict({"min_months": 4, "max_months": 6, "label": "4-6"}).kind == "window"


def test_derived_facts() -> None:
    assert entry_url("tips/floor.html", "bare-knees") == "tips/floor.html#bare-knees"
    assert source_anchor("who-motor") == "source-who-motor"
    taken = {"a", "a-2"}
    assert free_id("a", lambda name: name not in taken) == "a-3"
    assert free_id("b", lambda name: name not in taken) == "b"
    first, second = entry("one", ["kc", "who"]), entry("two", ["who"])
    assert [e["id"] for e in cited_by([first, second], "who")] == ["one", "two"]
    assert cited_by([first, second], "nobody") == []
    young, old, ageless = (
        entry("y", [], "4-6 months"),
        entry("o", [], "10+ months"),
        entry("n", []),
    )
    ordered = sorted([ageless, old, young], key=lambda e: age_sort_key(e["age"]))
    assert [e["id"] for e in ordered] == ["y", "o", "n"]


def test_badge_comes_from_the_type() -> None:
    plain = ContentType(name="note", directive="note-card", label="Note", plural="Notes")
    levelled = ContentType(
        name="sign",
        directive="sign-card",
        label="Sign",
        plural="Signs",
        badge=lambda fields: f"Level: {fields['level']}",
    )
    assert badge(plain, {}) == ""
    assert badge(None, {}) == ""
    assert badge(levelled, {"level": "soon"}) == "Level: soon"


def test_the_core_registry_refuses_bad_names_without_sphinx() -> None:
    registry = ContentTypeRegistry()
    registry.add(ContentType(name="note", directive="note-card", label="Note", plural="Notes"))
    with pytest.raises(ContentTypeError, match="already registered"):
        registry.add(ContentType(name="note", directive="other", label="N", plural="Ns"))
    with pytest.raises(ContentTypeError, match="lowercase slug"):
        registry.add(ContentType(name="Bad", directive="bad", label="B", plural="Bs"))
    with pytest.raises(ContentTypeError, match="search_role must be one of"):
        registry.add(
            ContentType(name="hint", directive="hint", label="H", plural="Hs", search_role="top")
        )
    assert registry.names() == ["note"]


def test_config_is_checked_into_usable_values() -> None:
    checked = CrawlConfig.from_values(
        {
            "crawl_sources": {
                "ok": {"title": "T", "author": "A", "url": "https://example.org"},
                "bad-url": {"title": "T", "author": "A", "url": "http://[::1"},
            },
            "crawl_demo_pages": "authoring/*",
            "crawl_search_synonyms": {"Stiff": "tight", "x": {"set"}},
            "crawl_require_source": "yes",
        }
    )
    assert checked.sources["ok"]["url"] == "https://example.org"
    assert "url" not in checked.sources["bad-url"]
    assert checked.is_demo_page("authoring/plugins")
    assert not checked.is_demo_page("tips/index")
    assert checked.search_synonyms == {"stiff": ["tight"]}
    assert checked.require_source is False
    messages = " ".join(message for _, message in checked.problems)
    for expected in ("http://[::1", "crawl_demo_pages", "'x'", "crawl_require_source"):
        assert expected in messages


def test_an_excerpt_is_cut_at_a_word_at_one_length_for_cards_and_search() -> None:
    from sphinx_crawl.core.entries import EXCERPT_CHARS, excerpt

    short = "Bare knees grip the floor."
    assert excerpt(short) == short
    long = "word " * 100
    cut = excerpt(long)
    assert cut.endswith("\u2026")
    assert len(cut) <= EXCERPT_CHARS + 1
    assert cut[:-1].split() == ["word"] * len(cut[:-1].split())


def test_a_pages_entries_are_stored_as_one_string_and_read_back_unchanged() -> None:
    """The environment keeps a page's entries as one JSON string (quick to unpickle at
    every build); what a build reads back is what it stored, in order, whatever the
    language; entries JSON cannot carry unchanged are kept as they are."""
    from sphinx_crawl.core.stored import StoredPageLists, encode_page_list

    entries: list[Any] = [
        {"id": "b", "title": "Gatea hacia atrás", "age": None, "fields": {"rank": 2}},
        {"id": "a", "title": "Two", "age": {"min_months": 6, "max_months": None}},
    ]
    stored, decoded = encode_page_list(entries)
    assert isinstance(stored, str)
    assert "atrás" in stored
    assert decoded == entries
    data: dict[str, Any] = {"p1": stored}
    view: StoredPageLists[Any] = StoredPageLists(data, {})
    assert view["p1"] == entries
    assert view["p1"] is view["p1"]  # decoded once
    data["p1"] = encode_page_list(entries[:1])[0]  # the page read again
    assert [e["id"] for e in view["p1"]] == ["b"]
    assert list(view) == ["p1"]
    assert "p2" not in view
    assert view.get("p2") is None
    odd: list[Any] = [{"id": "c", "fields": {"span": (1, 2)}}]
    assert encode_page_list(odd) == (odd, odd)
    data["p2"] = odd
    assert view["p2"] is odd


def test_an_age_written_without_its_unit_is_shown_with_it() -> None:
    """An author's ``:age: 6`` was shown to parents as "Age: 6" (s38, helper-24's
    report): months, the unit it is read in, is said; an author's own unit stays."""
    from sphinx_crawl.i18n import localized_age

    def shown(text: str) -> str:
        return localized_age(AgeRange.parse(text)).label

    assert shown("6") == "6 months"
    assert shown("6-9") == "6-9 months"
    assert shown("6 to 9") == "6-9 months"
    assert shown("by 12") == "by 12 months"
    assert shown("12+") == "12+ months"
    for written in ("6 months", "6-9 mths", "by 12 months", "10+ months"):
        assert shown(written) == written


def test_work_over_every_entry_pauses_cycle_collection_and_restores_it() -> None:
    """The whole-entry work runs without cycle collection (core/cycle_gc.py), and the
    collector is as it was afterwards, also when the work fails or is nested, or when
    the collector was already off (a caller's own pause is not undone)."""
    import gc

    from sphinx_crawl.core.cycle_gc import cycle_gc_paused, with_cycle_gc_paused

    seen: list[bool] = []

    @with_cycle_gc_paused
    def work(fail: bool) -> int:
        seen.append(gc.isenabled())
        with cycle_gc_paused():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("broken")
        return 3

    assert gc.isenabled()
    assert work(False) == 3
    with pytest.raises(ValueError, match="broken"):
        work(True)
    assert seen == [False] * 6
    assert gc.isenabled()
    gc.disable()
    try:
        work(False)
        assert not gc.isenabled()
    finally:
        gc.enable()
