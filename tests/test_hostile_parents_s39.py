"""A hostile reader's check (s39) of what a worried parent sees in the built handbook:
queries in parents' own words, English and Spanish, that got the wrong notice or none
(shared/EVIDENCE.md, "Emergencies", "Acting on a concern"), and a child older than every
age the handbook is about.

Run as tests/test_search_triage.py runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

import pytest

from tests.test_hostile_parents_s38 import (
    notices_are_as_asked,
)
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A baby who is not moving, said and nothing more, may have become unresponsive (HSE:
#: "becomes unresponsive": emergency action). Before, "my baby is not moving", "baby
#: stopped moving", "mi bebé no se mueve", "recién nacido no se mueve" got crawling
#: entries and the card about development, and no notice. Not moving forward, not yet,
#: not much, or at the age a baby learns to crawl, is how the baby gets about: no notice.
NOT_MOVING = {
    "en": {
        "my baby is not moving": EMERGENCY,
        "MY BABY IS NOT MOVING": EMERGENCY,
        "baby not moving": EMERGENCY,
        "my baby isnt moving": EMERGENCY,
        "baby stopped moving": EMERGENCY,
        "she does not move": EMERGENCY,
        "baby does not move at all": EMERGENCY,
        "my newborn is not moving": EMERGENCY,
        "baby is cold and not moving": EMERGENCY,
        "baby not moving in crib": EMERGENCY,
        "baby motionless": EMERGENCY,
        "mi bebe no se mueve": EMERGENCY,
        # How the baby gets about.
        "baby not moving forward": NEITHER,
        "baby not moving forward yet": NEITHER,
        "my baby isnt moving yet": NEITHER,
        "baby not moving much": NEITHER,
        "my baby is not moving around": NEITHER,
        "he isnt moving anywhere": NEITHER,
        "my 8 month old is not moving": NEITHER,
        "baby stopped moving backwards": NEITHER,
        "baby wont move on tummy time": NEITHER,
        "why doesnt my baby move forward": NEITHER,
        "baby doesnt move from the spot": NEITHER,
        "my baby is not moving, help": EMERGENCY,
    },
    "es": {
        "mi bebé no se mueve": EMERGENCY,
        "mi bebe no se mueve": EMERGENCY,
        "mi bebé no se mueve en la cuna": EMERGENCY,
        "mi bebé está frío y no se mueve": EMERGENCY,
        "recién nacido no se mueve": EMERGENCY,
        "bebe inmovil": EMERGENCY,
        "my baby is not moving": EMERGENCY,
        "mi bebe no se mueve hacia adelante": NEITHER,
        "mi bebe no se mueve todavia": NEITHER,
        "mi bebe no se mueve mucho": NEITHER,
        "mi bebe de 8 meses no se mueve": NEITHER,
        "es normal que mi bebe no se mueva": NEITHER,
        "mi bebé se mueve mucho": NEITHER,
        "mi bebe no se mueve del sitio": NEITHER,
    },
}

#: Dying, said in the present ("mi bebé se muere", "se me muere"), and suffocating ("se
#: asfixia"): before, the card about development alone; now the emergency notice (NHS:
#: stops breathing). English "her" in the Spanish edition was read as "herida" (a
#: wound, stem "her"): "is it normal for her to crawl backwards" got the illness notice.
SPANISH = {
    "es": {
        "mi bebé se muere": EMERGENCY,
        "mi bebe se muere": EMERGENCY,
        "MI BEBE SE MUERE": EMERGENCY,
        "se me muere el bebe": EMERGENCY,
        "se asfixia": EMERGENCY,
        "is it normal for her to crawl backwards": NEITHER,
        "her legs": NEITHER,
        "mi bebe tiene una herida": UNWELL,
        "juguete morado": NEITHER,
        "mi bebe esta morado": EMERGENCY,
    },
    "en": {
        "mi bebe se muere": EMERGENCY,
        # "A bit" was a bite (the illness notice); a bite said so still is one, and a
        # base form is still its word with an ending ("cry" is "crying").
        "is my baby a bit behind": NEITHER,
        "a bit worried he only crawls backwards": NEITHER,
        "baby was bit by a spider": UNWELL,
        "baby got bit": UNWELL,
        "baby cry all the time": UNWELL,
    },
}

#: A temperature without a fever word ("baby temp 39", "tiene 40 grados", "está
#: ardiendo"), not eating or refusing feeds, milk brought back up, a runny nose,
#: something in the nose: before, the card about development or nothing; now whom to
#: call today. The bath's temperature, a toy dropped, are none.
ILLNESS = {
    "en": {
        "baby temp 39": UNWELL,
        "baby 40 degrees": UNWELL,
        "baby wont eat": UNWELL,
        "baby not eating": UNWELL,
        "baby refuses to feed": UNWELL,
        "baby puked": UNWELL,
        "is 38 degrees too hot for the bath": NEITHER,
        "bath water 38 degrees": NEITHER,
        "born at 38 weeks": NEITHER,
        "my baby is 40 weeks old": NEITHER,
        "baby dropped his toy on the floor": NEITHER,
        "she dropped her toy on the floor": NEITHER,
        "i dropped my baby": UNWELL,
        "baby refuses to crawl": NEITHER,
    },
    "es": {
        "tiene 39": UNWELL,
        "tiene 40 grados": UNWELL,
        "está ardiendo": UNWELL,
        "mi bebe no toma el biberon": UNWELL,
        "no quiere el pecho": UNWELL,
        "devolvió la leche": UNWELL,
        "tiene mocos": UNWELL,
        "se metio algo en la nariz": UNWELL,
        "is 38 degrees too hot for the bath": NEITHER,
    },
}

#: Words run together (a phone's keyboard, dictation) of an illness or a fit: before,
#: "babyhasfever", "mybabyhasaseizure", "babyfelloffbed" got the card about development
#: alone (only an emergency phrase of 9 letters or more was found run together). Now a
#: long word that splits wholly into known words is read split. Spanish as parents type
#: it: a fit as a gerund misspelt, "no puedo despertar a mi bebé" (NHS: will not wake),
#: "se callo" for "se cayó", yellowish skin, eyes that will not open.
RUN_TOGETHER_AND_TYPED = {
    "en": {
        "babyhasfever": UNWELL,
        "mybabyhasaseizure": EMERGENCY,
        "babyseizure": EMERGENCY,
        "babyfelloffbed": UNWELL,
        "babycrawlsbackwards": NEITHER,
        "isitnormalthatmybabycrawlsbackwards": NEITHER,
        "caterpillarcrawl": NEITHER,
        "babyoutfit": NEITHER,
        "my baby wont open his eyes": UNWELL,
        "newborn wont latch": UNWELL,
        "baby drank cleaning spray": UNWELL,
        "baby licked the disinfectant": UNWELL,
    },
    "es": {
        "mibebetienefiebre": UNWELL,
        "bebe convulcionando": EMERGENCY,
        "no puedo despertar a mi bebe": EMERGENCY,
        "mi bebe no quiere despertar": EMERGENCY,
        "bebe se callo de la cama": UNWELL,
        "bebé amarillento": UNWELL,
        "mi bebe no abre los ojos": UNWELL,
        "mibebegateahaciaatras": NEITHER,
        "recien nacido no se engancha": UNWELL,
        "se tomo desinfectante": UNWELL,
        "bebio limpiador": UNWELL,
    },
}

#: A question about crawling that names an emergency only in words of asking: before,
#: "is crawling backwards an emergency?", "do i need to call 911 because my baby crawls
#: backwards", "es una emergencia que gatee hacia atrás" were told "This could be an
#: emergency: call 911 now", the answer folded away below; "should i go to the hospital
#: because my baby crawls backwards" got the illness notice. Now the answer. A sign in the
#: baby, or a question with nothing of crawling, still gets its notice.
ASKED_ABOUT = {
    "en": {
        "is crawling backwards an emergency": NEITHER,
        "is it an emergency if my baby only crawls backwards": NEITHER,
        "do i need to call 911 because my baby crawls backwards": NEITHER,
        "should i go to the hospital because my baby crawls backwards": NEITHER,
        "is it an emergency if my baby is not breathing": EMERGENCY,
        "is it an emergency if my baby crawls backwards and turned blue": EMERGENCY,
        "when should i call 911": EMERGENCY,
        "what is an emergency": EMERGENCY,
        "is my baby dying": EMERGENCY,
        "should i call an ambulance": EMERGENCY,
        "should i take him to the hospital": UNWELL,
    },
    "es": {
        "es una emergencia que gatee hacia atras": NEITHER,
        "¿es una emergencia que mi bebé gatee hacia atrás?": NEITHER,
        "es una emergencia si no respira": EMERGENCY,
        "cuando llamar a urgencias": EMERGENCY,
    },
}

ROUNDS = {
    "not-moving-at-all-is-an-emergency": NOT_MOVING,
    "spanish-dying-and-her": SPANISH,
    "a-temperature-or-not-feeding-is-an-illness": ILLNESS,
    "run-together-and-as-typed": RUN_TOGETHER_AND_TYPED,
    "asked-about-crawling-is-no-emergency": ASKED_ABOUT,
}


@pytest.mark.parametrize("asked", list(ROUNDS.values()), ids=list(ROUNDS))
def test_a_worried_parent_gets_the_right_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    notices_are_as_asked(request, asked)


#: A child older than every age the handbook is about (its oldest window ends at 18
#: months): before, "my 4 year old cant crawl", "my 3 year old doesnt walk", "mi hijo de
#: 4 años no gatea" got first a sign written for a one-year-old, the card about getting
#: help third. The handbook does not cover the child: where to get help comes first
#: (CDC, "Acting on a concern"), and the note that it may not cover this. A child in the
#: ages it covers keeps the entry for them first.
BEYOND = {
    "en": {
        "my 4 year old cant crawl": True,
        "my 3 year old doesnt walk": True,
        "is it normal for a 3 year old to not walk": True,
        "my 2 year old only crawls": True,
        "5 year old still crawls": True,
        "my 18 month old doesnt walk": False,
        "my 10 month old only crawls backwards": False,
    },
    "es": {
        "mi hijo de 4 años no gatea": True,
        "mi bebe tiene 3 años y no camina": True,
        "mi bebe de 10 meses solo gatea hacia atras": False,
    },
}


def test_a_child_older_than_the_handbook_gets_help_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    got = {}
    for language, queries in BEYOND.items():
        for query, found in decided(built[language], language, list(queries)).items():
            got[language, query] = found["shown"][:1] == ["parent-worry"] and not found["urgent"]
    assert got == {(lang, q): first for lang, qs in BEYOND.items() for q, first in qs.items()}


#: Losing skills (shared/EVIDENCE.md): "baby regressing", "my baby regressed" got the
#: card about development alone; the sign to act today (regression) comes first now.
def test_a_baby_regressing_gets_the_sign_to_act_today(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    queries = ["baby regressing", "my baby regressed"]
    found = decided(built["en"], "en", queries)
    assert [found[q]["shown"][:1] for q in queries] == [["lost-skills"]] * len(queries)
