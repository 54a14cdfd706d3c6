"""Every parent's query of the browser's search tests, decided by the search page's own
script in Node (tests/js/triage.mjs: the page's crawl-search.js, the built index and
Sphinx's stemmer for the edition) on the handbook as built.

The browser tests (tests/browser/test_search.py, test_emergency.py) open the page for a
sample of each table, and check what it draws: the notice above everything, its role
and numbers, the links to the entries. What comes first for each query is the script's
decision, made here for all of them in one Node process per edition (s53: the page
opened for each of about 150 queries took a minute of the suite's 10).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.browser import test_emergency as emergency_page
from tests.browser import test_search as search_page
from tests.browser.conftest import SEARCH_RANKS
from tests.test_search_triage import EMERGENCY, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

LANGUAGES = {"": "en", "es/": "es"}


def _decided_by_edition(
    editions: dict[str, Path], table: dict[str, list[str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    found = {}
    for edition, queries in table.items():
        language = LANGUAGES[edition]
        answers = decided(editions[language], language, queries)
        found.update({(edition, query): answers[query] for query in queries})
    return found


def test_every_parents_query_finds_its_entry_near_the_top(editions: dict[str, Path]) -> None:
    """Each query of tests/browser/test_search.py finds one of its entries in its top
    3 or 5; a question or worry gets no red flag first, and a worried question its answer
    first. The ranks are summarised at the end of the run (tests/conftest.py)."""
    queries = [query for query, _, _ in search_page.QUERIES]
    found = decided(editions["en"], "en", [*queries, *search_page.ANSWER_FIRST])
    red_flags = (editions["en"] / "red-flags.html").read_text(encoding="utf-8")
    wrong: dict[str, list[str]] = {}
    for query, expected, top in search_page.QUERIES:
        shown = found[query]["shown"]
        rank = next((i for i, id_ in enumerate(shown, 1) if id_ in expected), None)
        SEARCH_RANKS[query] = rank
        reassure = query in search_page.REASSURANCE or query in search_page.ANSWER_FIRST
        if rank is None or rank > top or (reassure and f'id="{shown[0]}"' in red_flags):
            wrong[query] = shown[:5]
    for query, answer in search_page.ANSWER_FIRST.items():
        shown = found[query]["shown"]
        SEARCH_RANKS[query] = shown.index(answer) + 1 if answer in shown else None
        if shown[:1] != [answer]:
            wrong[query] = shown[:3]
    assert wrong == {}
    _keep_ranks()
    # Issue 13's bar over every query above: hit@3 >= 95% and hit@1 >= 80%.
    ranks = [SEARCH_RANKS[query] for query in [*queries, *search_page.ANSWER_FIRST]]
    hit1 = sum(rank == 1 for rank in ranks) / len(ranks)
    hit3 = sum(rank is not None and rank <= 3 for rank in ranks) / len(ranks)
    assert len(ranks) >= 60
    assert hit3 >= 0.95, f"hit@3 {hit3:.2f}"
    assert hit1 >= 0.80, f"hit@1 {hit1:.2f}"


def _keep_ranks() -> None:
    """The ranks for the run's summary, as the browser tests keep theirs (their conftest
    writes them when the session ends, where it is loaded)."""
    artifacts = Path(__file__).resolve().parent / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    ranks = artifacts / f"search-ranks-node-{worker}.json"
    ranks.write_text(json.dumps(SEARCH_RANKS), encoding="utf-8")


def test_every_emergency_and_illness_gets_its_notice(editions: dict[str, Path]) -> None:
    """Each query of the browser's emergency tables gets the emergency notice, and each
    injury or illness the handbook does not cover the illness notice."""
    tables = ((emergency_page.EMERGENCIES, EMERGENCY), (emergency_page.UNWELL, UNWELL))
    urgent = {
        key: answer["urgent"]
        for table, kind in tables
        for key, answer in _decided_by_edition(editions, table).items()
        if answer["urgent"] != kind
    }
    assert urgent == {}


def test_every_worry_not_covered_is_routed_and_every_covered_question_answered(
    editions: dict[str, Path],
) -> None:
    """A worry the handbook does not cover gets the worried parent's card or the sign of
    a skill lost in its first three; a question it covers gets no notice, no note, and
    an answer first that is not the worried parent's card."""
    uncovered = _decided_by_edition(editions, emergency_page.UNCOVERED)
    unrouted = {
        key: answer["shown"][:5]
        for key, answer in uncovered.items()
        if not emergency_page.ROUTES & set(answer["shown"][:3])
    }
    assert unrouted == {}
    covered = _decided_by_edition(editions, emergency_page.COVERED)
    unanswered = {
        key: (answer["urgent"], answer["notes"], answer["beyond"], answer["shown"][:3])
        for key, answer in covered.items()
        if answer["urgent"]
        or answer["notes"]
        or answer["beyond"]
        or answer["shown"][:1] in ([], ["parent-worry"])
    }
    assert unanswered == {}
