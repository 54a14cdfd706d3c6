"""s49: queries that speak of no loss do not bring up the sign of a skill lost; a condition
is no concussion.

The sign "Your baby loses a skill they already had" (urgent: get help today) was found by
the common words of its title and keywords, whatever the query said: before,

- first for "my baby had a good day crawling" ("had", of its title), "is he able to crawl
  backwards" ("used to be able to"), "youre doing great", "she used to crawl backwards
  now forwards", "baby walks but used to crawl" (walking taking over is no skill lost,
  its own text says), "el desarrollo de mi bebé" ("retroceso en el desarrollo");
- second for "he is able to sit", "baby development 10 months", "qué hace mi bebé a los
  8 meses" ("antes lo hacía").

Now a query finds it only where it speaks of a loss: a word or phrase of one ("lost",
"regression", "going backwards in development", "perdió", "retroceso"), a skill said
gone ("stopped crawling", "ya no gatea"), or a time before with a negation ("she used to
sit but now she doesnt").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import lost_first_as_asked
from tests.test_search_parts import compare_split_and_whole
from tests.test_search_triage import EMERGENCY, NEITHER, decided
from tests.test_search_triage import editions as editions  # the fixture

LOST = "lost-skills"

#: Queries that speak of no loss: the sign is not among the first three the page lists.
NO_LOSS = {
    "en": [
        "my baby had a good day crawling",
        "is he able to crawl backwards",
        "youre doing great",
        "he is able to sit",
        "baby development 10 months",
        "she used to crawl backwards now forwards",
        "baby walks but used to crawl",
        "my baby is doing great",
        # A loss a topic not covered names: weight (the illness notice and the feeding
        # note; before, the lost skill first).
        "baby lost weight",
        # A stopping said not to have happened.
        "he never stopped crawling",
        "she didnt stop crawling backwards",
    ],
    "es": [
        "el desarrollo de mi bebé",
        "qué hace mi bebé a los 8 meses",
        "mi bebé está muy bien",
        "mi bebé perdió peso",
        "no ha dejado de gatear",
        "nunca dejó de gatear",
    ],
}

#: Queries that speak of a loss, each way: the sign still comes first.
LOSS_FIRST = {
    "en": {
        "my baby is losing skills": True,
        "he lost the ability to crawl": True,
        # Above the worried parent's card, which a topic not covered (sitting up) put
        # first before: the sign says to get help today, the card to book a visit.
        "he lost the ability to sit": True,
        "my baby stopped sitting up": True,
        "going backwards in development": True,
        "she forgot how to crawl": True,
        "he used to babble but stopped": True,
        "she used to sit but now she doesnt": True,
        "regression at 9 months": True,
    },
    "es": {
        "mi bebé perdió habilidades": True,
        "retroceso en el desarrollo": True,
        "ya no gatea": True,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_query_of_no_loss_does_not_find_the_lost_skill(
    editions: dict[str, Path], language: str
) -> None:
    found = decided(editions[language], language, NO_LOSS[language])
    listed = {query: found[query]["shown"][:3] for query in NO_LOSS[language]}
    assert {q: shown for q, shown in listed.items() if LOST in shown} == {}
    assert all(listed.values()), listed  # each still finds what it is about


def test_a_query_of_a_loss_still_finds_it_first(request: pytest.FixtureRequest) -> None:
    lost_first_as_asked(request, LOSS_FIRST)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_index_reads_a_loss_alike(
    request: pytest.FixtureRequest, tmp_path: Path, language: str
) -> None:
    """The same queries on the index split into parts: the words of a loss are intent
    words, up front; the rows of the lost signs are up front too."""
    fixture = "handbook" if language == "en" else "spanish_handbook"
    result, html = request.getfixturevalue(fixture)
    assert result.returncode == 0, result.stderr[-2000:]
    # (Not "doing great": a split index corrects no typo across first letters, and the
    # two read "great" apart, with or without this change.)
    queries = [q for q in NO_LOSS[language] if "great" not in q] + list(LOSS_FIRST[language])
    found = compare_split_and_whole(html, language, queries, tmp_path)[2]
    for query in found:
        assert query["split"] == query["whole"], query["query"]


#: "Tiene una condición" (has a condition) was told to call an ambulance: "condición" is
#: two letters from "conmoción" (concussion). It is a harmless word now, with the words a
#: long one may be split into ("aire acondicionado" as "a condicionado" was
#: "conmocionado", s43); a concussion typed with a typo still is one.
CONDITION = {
    "es": {
        "tiene una condición": NEITHER,
        "mi bebé tiene una condición de la piel": NEITHER,
        "aire acondicionado para el bebé": NEITHER,
        "condicionado": NEITHER,
        "tiene una conmocion": EMERGENCY,
        "tiene una conmosión": EMERGENCY,
        # Gone limp, as "went limp" is (before, no notice); not strength for a skill.
        "se quedó sin fuerzas": EMERGENCY,
        "no tiene fuerzas para gatear": NEITHER,
    }
}


def test_a_condition_is_no_concussion(request: pytest.FixtureRequest) -> None:
    notices_are_as_asked(request, CONDITION)
