"""s42: a hostile reader's queries, in parents' own words, that got the wrong notice, or
the wrong entry first, in the built handbook's search (shared/EVIDENCE.md,
"Emergencies", "Acting on a concern", "Losing skills"); none is a case of
tests/test_hostile_parents_s38.py to s41. Each is run as tests/test_search_triage.py
runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A colour said of a thing, not of the baby: before, "baby blue onesie" and "purple
#: skin cream" were told to call an ambulance ("blue", "purple" counted wherever they
#: stood). Now a colour counts where the query says it of the baby, its skin, lips or
#: face (HSE: blue or grey skin, going blue around the lips), and every real emergency
#: still gets the notice.
COLOURS = {
    "en": {
        "baby blue onesie": NEITHER,
        "purple skin cream": NEITHER,
        "my baby's blue blanket": NEITHER,
        "light blue hat": NEITHER,
        "dark blue and white striped onesie": NEITHER,
        "grey onesie for crawling": NEITHER,
        "the mat is blue": NEITHER,
        "his onesie is blue": NEITHER,
        "going to buy a blue onesie": NEITHER,
        "blue car seat": NEITHER,
        "blue lip balm": NEITHER,
        "baby dusky pink romper": NEITHER,
        "baby has blue eyes": NEITHER,
        # "Painted" is no typo of "fainted".
        "blue face paint": NEITHER,
        # Still the emergency.
        "my baby is blue": EMERGENCY,
        "baby turning blue": EMERGENCY,
        "blue lips": EMERGENCY,
        "lips turning blue": EMERGENCY,
        "his lips are blue": EMERGENCY,
        "baby blue": EMERGENCY,
        "baby went blue and floppy": EMERGENCY,
        "went blue, eyes rolled back": EMERGENCY,
        "baby looks grey": EMERGENCY,
        "blue around the mouth": EMERGENCY,
        "bluish hands and feet": EMERGENCY,
        "face turning purple": EMERGENCY,
        "my baby went purple crying": EMERGENCY,
        "purple spots that dont fade": EMERGENCY,
        "purple marks on legs": EMERGENCY,
        "baby turned blue in the bath": EMERGENCY,
        "baby blue lipps": EMERGENCY,
        "purpel lips": EMERGENCY,
        "my baby is blue and cold": EMERGENCY,
        "my baby blue and not breathing": EMERGENCY,
        "blue or grey skin": EMERGENCY,
        # An injury's colour stays the illness notice's (s41).
        "black and blue after fall": UNWELL,
        "purple bruise on leg": UNWELL,
    },
    "es": {
        "pijama azul": NEITHER,
        "crema morada": NEITHER,
        "un juguete de color morado": NEITHER,
        "mi bebé tiene un body azul": NEITHER,
        "baby blue onesie": NEITHER,
        "bebé morado": EMERGENCY,
        "labios morados": EMERGENCY,
        "mi bebé está morado": EMERGENCY,
        "se puso morado": EMERGENCY,
        "tiene la cara morada": EMERGENCY,
        "se está poniendo azul": EMERGENCY,
        "my baby is blue": EMERGENCY,
        "tiene un ojo morado": UNWELL,
    },
}

#: Eyes rolling back, said so (s41: the illness notice; with a fit described, an
#: emergency), is read in that order: before, "rolling back, eyes fine" and a baby
#: rolling back and forth got the illness notice.
EYES = {
    "en": {
        "rolling back, eyes fine": NEITHER,
        "baby rolling back and forth, eyes open": NEITHER,
        "baby eyes rolling back": UNWELL,
        "eyes rolled back": UNWELL,
        "his eyes keep rolling back": UNWELL,
        "eyes rolled back and jerking": EMERGENCY,
    },
    "es": {"ojos en blanco": EMERGENCY, "se le van los ojos para atras": UNWELL},
}

#: Words run together under 11 letters: before, "babyisblue" got no notice. Now a short
#: word split wholly into a notice's phrase and stop words is read split; a word that
#: only happens to hold one ("babyoutfit", "asleep") stays whole.
RUN_TOGETHER = {
    "en": {
        "babyisblue": EMERGENCY,
        "bluelips": EMERGENCY,
        "shesblue": EMERGENCY,
        "nobreath": EMERGENCY,
        "babyfell": UNWELL,
        "babyblue onesie": NEITHER,
        "babyoutfit": NEITHER,
        "asleep": NEITHER,
        "fallback": NEITHER,
        "deadlock": NEITHER,
    },
    "es": {"babyisblue": EMERGENCY, "le fallan los brazos al gatear": NEITHER},
}

#: A baby left or locked in a car (before, none: "hot car" was a harmless phrase): the
#: emergency notice, which says only that it could be one and to call now; a car seat or a
#: hot day in the car is none. Choking on food, or food stuck in the throat, is the
#: emergency (NHS: stops breathing); food eaten with no distress gets no notice, and the
#: worried-parent card first; swallowed, the illness notice (what may harm: whom to call).
CAR_AND_CHOKING = {
    "en": {
        "baby left in hot car": EMERGENCY,
        "baby left in car": EMERGENCY,
        "forgot my baby in the car": EMERGENCY,
        "baby locked in the car": EMERGENCY,
        "my baby left in the car seat": NEITHER,
        "is it too hot in the car for my baby": NEITHER,
        "toy car for crawling": NEITHER,
        "choking on a grape": EMERGENCY,
        "grape stuck in his throat": EMERGENCY,
        "baby ate a grape": NEITHER,
        "swallowed a grape": UNWELL,
    },
    "es": {
        "dejé al bebé en el coche": EMERGENCY,
        "bebé encerrado en el carro": EMERGENCY,
        "se atoró con una uva": EMERGENCY,
        "coche de juguete para gatear": NEITHER,
        "baby left in hot car": EMERGENCY,
    },
}


@pytest.mark.parametrize(
    "asked",
    [COLOURS, EYES, RUN_TOGETHER, CAR_AND_CHOKING],
    ids=["colours", "eyes", "run-together", "car-and-choking"],
)
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, tmp_path: Path, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, tmp_path, asked)


def test_food_eaten_with_no_distress_gets_the_card_first(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    built = request.getfixturevalue("editions")
    found = decided(built["en"], "en", ["baby ate a grape"], tmp_path)["baby ate a grape"]
    assert found["shown"][:1] == ["parent-worry"]


#: Spanish "ya" (already) and "hacer" (to do) name no lost skill: before, "mi bebé ya
#: gatea hacia atrás" got "Su bebé pierde una habilidad que ya tenía" first, and "qué
#: hacer si gatea hacia atrás" had it among the first three ("ya" is a keyword of it, for
#: "ya no"; "hacer" shares a stem with its "antes lo hacía"). "Ya no" (no longer) still
#: finds it first.
NOT_LOST = ["mi bebé ya gatea hacia atrás", "qué hacer si gatea hacia atrás", "ya gatea"]
LOST = [
    "ya no gatea",
    "mi bebé ya no gatea",
    "ya no hace lo que hacía",
    "dejó de sentarse",
    "ya nunca gatea",
    "ya no quiere gatear",
]


def test_ya_and_hacer_are_no_lost_skill_but_ya_no_is(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    built = request.getfixturevalue("editions")
    found = decided(built["es"], "es", NOT_LOST + LOST, tmp_path)
    assert {q: "lost-skills" in found[q]["shown"][:3] for q in NOT_LOST} == dict.fromkeys(
        NOT_LOST, False
    )
    assert {q: found[q]["shown"][0] for q in LOST} == dict.fromkeys(LOST, "lost-skills")
    assert found["qué hacer si gatea hacia atrás"]["shown"][:1] == ["only-backwards-normal"]
