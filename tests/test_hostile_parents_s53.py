"""s53: a baby under 8 weeks said only to be "not right" or "not himself" (the NHS: call
999 for a baby under 8 weeks when you are very worried); rigid and shaking (a fit);
fingers shut in a drawer, a nail torn off, a tablet eaten; a head always turned one way,
flat feet or feet turning in, Down syndrome (topics the handbook does not cover); a
question about calling for what the handbook covers, typed without its question marks;
what to wear, and shoes in Spanish, find the clothing tips.

Each table fails on the code before s53.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import first_shown
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A very young baby said to be amiss in other words, beside the same words said of an
#: older baby (the worried parent's card first, no call) and a crawling question about a
#: young baby (no notice). Rigid and shaking is a fit, as "stiff and shaking" was. An
#: injury or something swallowed that got no notice, beside its twin that is harmless.
NOTICES = {
    "en": {
        "my 6 week old is not right": EMERGENCY,
        "5 week old just not himself": EMERGENCY,
        "newborn seems off": EMERGENCY,
        "my 6 month old is not right": NEITHER,
        "my 6 week old hates tummy time": NEITHER,
        # A problem alone is what a parent reads up on, not a sign of worry.
        "newborn problems": NEITHER,
        "6 week old problem": NEITHER,
        "baby went rigid and shaking": EMERGENCY,
        "baby shut fingers in drawer": UNWELL,
        "baby fingernail came off": UNWELL,
        "baby ate a tablet": UNWELL,
        "baby watches cartoons on a tablet": NEITHER,
        "baby opens every drawer": NEITHER,
    },
    "es": {
        "mi bebé de 6 semanas no está bien": EMERGENCY,
        "bebé de 3 semanas algo no va bien": EMERGENCY,
        "recién nacido raro no es el mismo": EMERGENCY,
        "mi bebé de 6 meses no está bien": NEITHER,
        "mi bebé de 6 semanas odia estar boca abajo": NEITHER,
        "mi bebé de 3 semanas tiene un problema": NEITHER,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_very_young_baby_said_to_be_amiss_is_an_emergency_and_an_injury_a_notice(
    editions: dict[str, Path], language: str
) -> None:
    asked = NOTICES[language]
    found = decided(editions[language], language, list(asked))
    assert {q: found[q]["urgent"] for q in asked} == asked
    # The older baby said to be "not right" gets where to get help first.
    older = "my 6 month old is not right" if language == "en" else "mi bebé de 6 meses no está bien"
    assert found[older]["shown"][:1] == ["parent-worry"]


#: Worries the handbook does not cover, each with how many notes say so (before: a tip
#: on floors or on lying on the back, no note).
TOPICS = {
    "en": {
        "baby always turns head one way": 1,
        "baby flat feet": 1,
        "baby feet turn in": 1,
        "baby bow legged": 1,
        "baby stands with feet flat on the floor": 0,
        # A condition with its own team (before: a tip first, and no note).
        "my baby has down syndrome and crawls backwards": 1,
        "baby with spina bifida crawling": 1,
    },
    "es": {
        "bebé siempre gira la cabeza a un lado": 1,
        "pies planos bebé": 1,
        "piernas arqueadas bebé": 1,
        "mi bebé tiene síndrome de down y gatea hacia atrás": 1,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_head_turned_one_way_or_the_shape_of_the_feet_gets_its_note(
    editions: dict[str, Path], language: str
) -> None:
    asked = TOPICS[language]
    found = decided(editions[language], language, list(asked))
    assert {q: len(found[q]["notes"]) for q in asked} == asked


#: A question typed without its marks, that starts with the call or the emergency
#: department it asks about and names only what the handbook covers: its answer, no
#: call (before: "llamo al 112 porque gatea hacia atrás" was told to call now). The
#: same words with a sign, a fall, or "dying" (a sign too) keep the notice; and two
#: more typed in a hurry or said in Spain ("nt" for "not", "se dio en la cabeza").
ASKED = {
    "en": {
        "call 911 baby crawls backwards": NEITHER,
        "call ambulance baby not breathing": EMERGENCY,
        "dying crawling backwards": EMERGENCY,
        "bby nt breathin": EMERGENCY,
    },
    "es": {
        "llamo al 112 porque gatea hacia atrás": NEITHER,
        "llamar a urgencias gatea hacia atrás": NEITHER,
        "llamo al 112 no respira": EMERGENCY,
        "llamo a la ambulancia se cayó": EMERGENCY,
        "se dio en la cabeza contra la pared": UNWELL,
    },
}


def test_a_question_without_its_marks_about_calling_gets_its_answer(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, ASKED)


#: What to wear finds the clothing tips first (before: "Is crawling backwards normal?"
#: in English, hands and knees in Spanish).
CLOTHES = {
    "en": {"what should baby wear to crawl": {"bare-knees-and-feet", "skip-slippery-footies"}},
    "es": {"zapatos para gatear": {"bare-knees-and-feet", "skip-slippery-footies"}},
}


def test_what_to_wear_finds_the_clothing_tips_first(request: pytest.FixtureRequest) -> None:
    found = first_shown(request, CLOTHES)
    assert [key for key, first in found.items() if first not in CLOTHES[key[0]][key[1]]] == []
