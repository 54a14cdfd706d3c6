"""s50: a topic's everyday word said of someone else is not the topic; floppy after a fall
is an emergency; a scald said by what spilled is an injury.

The notes that the handbook does not cover speech, hearing, eyesight or sitting up were
named by single words ("talk", "saying", "words", "hear", "eye", "sit"; "dice", "hablar",
"palabras", "ojo", "sienta", and the topic names "oído", "habla"). A parent asking whom
to talk to, or saying what the doctor said, got a note on speech and the worried
parent's card above the answer. The notes are now named by phrases said of the baby
(tests/test_hostile_parents_s48.py, NOTES, lists both sides); here, that the answer
comes first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: What the page lists first for each query, or one of what it may (before: the worried
#: parent's card or a tip on talking to the baby first, under a note on speech or hearing).
DOCTOR_FIRST = ("when-should-call-doctor", "who-can-help")
FIRST: dict[str, dict[str, str | tuple[str, ...]]] = {
    "en": {
        "who should i talk to": "who-can-help",
        "who do i talk to about my baby": "who-can-help",
        "should i talk to my doctor about crawling backwards": DOCTOR_FIRST,
        "i heard crawling backwards is normal": "only-backwards-normal",
        "what words should i use to encourage crawling": "help-go-forward",
    },
    "es": {
        "con quién hablo": "who-can-help",
        "debo hablar con el pediatra": DOCTOR_FIRST,
        "el médico dice que está bien": "only-backwards-normal",
        "he oído que gatear hacia atrás es normal": "only-backwards-normal",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_topic_word_said_of_someone_else_leaves_the_answer_first(
    editions: dict[str, Path], language: str
) -> None:
    asked = FIRST[language]
    found = decided(editions[language], language, list(asked))
    allowed = {q: (first,) if isinstance(first, str) else first for q, first in asked.items()}
    wrong = {
        query: found[query]["shown"][:3]
        for query in asked
        if found[query]["shown"][:1] not in [[first] for first in allowed[query]]
    }
    assert wrong == {}
    assert {query: found[query]["notes"] for query in asked} == {query: [] for query in asked}


#: Floppy after a fall or a knock to the head may be a serious injury (NHS; HSE: floppy):
#: before, the illness notice ("limp" already was one). A scald said by what spilled:
#: before, no notice ("hot" with "water" is the water's). A limp after a fall, or milk
#: spilled, is neither an emergency nor (milk) an injury.
FALLS_AND_SCALDS = {
    "en": {
        "baby is floppy after fall": EMERGENCY,
        "baby hit head and is floppy": EMERGENCY,
        "baby limps after fall": UNWELL,
        "hot water spilled on baby": UNWELL,
        "boiling water spilled": UNWELL,
        "i spilled milk on the floor and baby slipped": NEITHER,
    },
    "es": {
        "se cayó y está flácido": EMERGENCY,
        "se golpeó la cabeza y está flácida": EMERGENCY,
        "el bebé está flácido": NEITHER,
    },
}


def test_floppy_after_a_fall_and_a_scald_get_their_notice(request: pytest.FixtureRequest) -> None:
    notices_are_as_asked(request, FALLS_AND_SCALDS)


#: The baby called by another name lists what "my baby" lists among its first three, in
#: an order its other words may change (before: "my kiddo crawls
#: backwards" and "my lil one crawls backwards" a red flag first, "kiddo" and "lil" read
#: as typos of the entries' words; "mi guagua gatea", Chile's word for a baby, "Very
#: floppy muscles" first, as a typo of "aguado").
CALLED = {
    "en": {
        "my kiddo crawls backwards": "my baby crawls backwards",
        "my lil one crawls backwards": "my baby crawls backwards",
        "my bub crawls backwards": "my baby crawls backwards",
    },
    "es": {
        "mi guagua gatea hacia atrás": "mi bebé gatea hacia atrás",
        "mi nene gatea hacia atrás": "mi bebé gatea hacia atrás",
        "mi bebito gatea hacia atrás": "mi bebé gatea hacia atrás",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_baby_called_by_another_name_gets_the_same_answers(
    editions: dict[str, Path], language: str
) -> None:
    pairs = CALLED[language]
    found = decided(editions[language], language, [*pairs, *pairs.values()])
    assert {q: sorted(found[q]["shown"][:3]) for q in pairs} == {
        q: sorted(found[same]["shown"][:3]) for q, same in pairs.items()
    }
