"""s46: a hostile reader's round of parents' queries, English and Spanish, run on the
built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): what a frightened or worried parent sees first
(shared/EVIDENCE.md, "Emergencies", "Acting on a concern", "Losing skills"). None is a
case of the earlier rounds' tests; most held, and say so, beside those that did not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.test_hostile_parents_s45 import lost_first_as_asked
from tests.test_search_parts import compare_split_and_whole, notice
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, YOUNG_FEVER, decided
from tests.test_search_triage import editions as editions  # the fixture

#: What a parent sees, said as a parent says it (NHS: a fit, a rash that does not fade,
#: may have been seriously injured, a severe allergic reaction; HSE: blue around the
#: lips, very fast breathing, sucking in under the ribs, pale skin, unresponsive; under 3
#: months with 38 °C or more: the doctor urgently), with no accents, in units, or beside
#: a worry about crawling: held. Floppy and cold, as limp and cold already was (before:
#: no notice, the worried parent's card and "Very floppy muscles: book an appointment";
#: "está flojito y frío" the illness notice), and a cold had ("has a cold": before, none,
#: where "caught cold" got the illness notice), fixed. A baby who "can't stop moving"
#: keeps moving (before: told to call an ambulance, as a baby who stopped moving).
#: Fainted or stopped breathing as Mexican parents say it ("se privó", "se le fue el
#: aire": before, the card alone; "se desmayó" already called), floppy and diarrhoea
#: ("está aguadito", "tiene chorro": before, the card alone), fixed.
#: Screaming or crying that will not stop, a bump or a fall, bruises, hives, a
#: temperature with no age, eyes rolling back with no fit described: the illness notice
#: (whom to call today, the emergency number beside; no source here says more). A
#: worry the handbook does not cover (speech, sleep, teeth, eczema), a parent who is
#: tired, sarcasm, an age alone: no notice.
NOTICES = {
    "en": {
        "she went floppy": EMERGENCY,
        "rash that doesn't fade": EMERGENCY,
        "rash that doesnt fade with glass": EMERGENCY,
        "head bump then sleepy": EMERGENCY,
        "bumped his head and now very sleepy": EMERGENCY,
        "won't wake up for feeds": EMERGENCY,
        "sleeping a lot and hard to wake": EMERGENCY,
        "breathing very fast": EMERGENCY,
        "blue around lips while crying": EMERGENCY,
        "seizure": EMERGENCY,
        "febrile seizure": EMERGENCY,
        "stiff and shaking": EMERGENCY,
        "face swelling after eating peanut": EMERGENCY,
        "allergic reaction lips swelling": EMERGENCY,
        "purple spots on legs": EMERGENCY,
        "crawls backwards and lips are blue": EMERGENCY,
        "crawls backwards and had a seizure": EMERGENCY,
        "crawling backwards and not breathing well": EMERGENCY,
        "crawls backwards and is breathing fast": EMERGENCY,
        "crawls backwards and fell off the bed and is now very sleepy": EMERGENCY,
        "my 7 week old crawls backwards and I'm very worried": EMERGENCY,
        "my newborn is cold and floppy": EMERGENCY,
        "baby feels cold and floppy": EMERGENCY,
        "floppy and cold": EMERGENCY,
        "crawls backwards, fever 39, 2 months old": YOUNG_FEVER,
        "my 3 week old has 38C": YOUNG_FEVER,
        "2 weeks old fever": YOUNG_FEVER,
        "temp 38.0 in 10 week old": YOUNG_FEVER,
        "38 degrees 3 week old": YOUNG_FEVER,
        "won't stop screaming": UNWELL,
        "wont stop crying": UNWELL,
        "fell off the bed and wont stop crying": UNWELL,
        "fell off the bed": UNWELL,
        "crawls backwards and hit his head": UNWELL,
        "eyes rolling back": UNWELL,
        "grunting when breathing": UNWELL,
        "crawls backwards and has a fever of 40": UNWELL,
        "103F and crawling backwards": UNWELL,
        "39.5C": UNWELL,
        "fever of 104F": UNWELL,
        "fever 39.5C 4 month old": UNWELL,
        "bruises that appear by themselves": UNWELL,
        "bruises for no reason": UNWELL,
        "hives after food": UNWELL,
        "allergies": UNWELL,
        "baby has a cold": UNWELL,
        "baby has a cold and crawls backwards": UNWELL,
        "he cant stop moving": NEITHER,
        "she wont stop rolling over": NEITHER,
        "my 9 month old won't stop crawling backwards": NEITHER,
        "37.9 in my 6 week old": NEITHER,
        "2 weeks old": NEITHER,
        "9": NEITHER,
        "9 months": NEITHER,
        "speech delay": NEITHER,
        "sleep regression": NEITHER,
        "eczema": NEITHER,
        "im so tired": NEITHER,
        "I'm so tired of him crawling backwards": NEITHER,
        "lol he crawls backwards like a crab": NEITHER,
        "not not crawling": NEITHER,
        "goes floppy when I pick him up": NEITHER,
        "cold weather floppy hat": NEITHER,
        "baby crawls on cold floor": NEITHER,
        "is it too cold for the baby to crawl outside": NEITHER,
        "he stopped breathing for a few seconds": EMERGENCY,
        "baby holds breath when crying and goes blue": EMERGENCY,
        "baby passed out": EMERGENCY,
        "my baby fainted": EMERGENCY,
        "he's grunting and floppy": UNWELL,
        "baby won't stop crying after fall": UNWELL,
        "my baby hit his head on the floor while crawling backwards": UNWELL,
        "soft spot is sunken": UNWELL,
        "no wet diapers today": UNWELL,
        "not peeing": UNWELL,
        "he's not himself": NEITHER,
        "she doesnt seem right": NEITHER,
        "stopped smiling": NEITHER,
    },
    "es": {
        "se puso morado": EMERGENCY,
        "está flojito y no reacciona": EMERGENCY,
        "se golpeo la cabeza y esta muy dormido": EMERGENCY,
        "le dio una convulsion": EMERGENCY,
        "tiene los ojos en blanco": EMERGENCY,
        "manchas que no desaparecen": EMERGENCY,
        "no se despierta para comer": EMERGENCY,
        "respira muy rapido": EMERGENCY,
        "se le hunden las costillas": EMERGENCY,
        "esta muy palido y frio": EMERGENCY,
        "esta rigido y tiembla": EMERGENCY,
        "se le hincho la cara": EMERGENCY,
        "está flojito y frío": EMERGENCY,
        "esta frio y flojo": EMERGENCY,
        "bebe de 2 semanas con fiebre": YOUNG_FEVER,
        "esta flojito": UNWELL,
        "se golpeo la cabeza": UNWELL,
        "no para de llorar": UNWELL,
        "llora sin parar": UNWELL,
        "hace ruido al respirar": UNWELL,
        "se cayo de la cama": UNWELL,
        "gatea hacia atras y tiene fiebre de 40": UNWELL,
        "39,5": UNWELL,
        "moretones sin golpes": UNWELL,
        "alergia": UNWELL,
        "no deja de moverse": NEITHER,
        "no para de moverse": NEITHER,
        "9 meses": NEITHER,
        "estoy agotada": NEITHER,
        "estoy harta de que gatee hacia atras": NEITHER,
        "no habla": NEITHER,
        "regresion del sueño": NEITHER,
        "le estan saliendo los dientes": NEITHER,
        "ya no le gusta estar boca abajo": NEITHER,
        "se privó": EMERGENCY,
        "se privo llorando": EMERGENCY,
        "se le fue el aire": EMERGENCY,
        "se desmayo": EMERGENCY,
        "se puso moradito": EMERGENCY,
        "convulsiono con la fiebre": EMERGENCY,
        "tiene los labios azules": EMERGENCY,
        "mi bebe de 1 mes tiene 38 y estoy muy preocupada": EMERGENCY,
        "esta aguadito": UNWELL,
        "tiene chorro": UNWELL,
        "tiene calentura": UNWELL,
        "tiene la mollera hundida": UNWELL,
        "no moja el pañal": UNWELL,
        "se cayo de la cama gateando hacia atras": UNWELL,
        "tiene 9 meses y 39 de fiebre": UNWELL,
        "se fue al aire libre": NEITHER,
        "el chorro de agua de la bañera": NEITHER,
    },
}


def test_each_case_gets_its_notice(request: pytest.FixtureRequest) -> None:
    s38.notices_are_as_asked(request, NOTICES)


#: Whether "Your baby loses a skill" (contact the doctor today: RCN, CHQ) comes first.
#: Fixed: a liking or a want of a thing is no skill lost ("doesn't want tummy time
#: anymore", "not interested in tummy time anymore", "no longer hates tummy time", "ya no
#: le gusta estar boca abajo": before, the lost skill first, a tip's title, "Short,
#: frequent tummy time", read as a skill); nor a verb of stopping in another form than
#: the one that says a skill is gone, or after a negation ("won't stop crawling
#: backwards", "won't stop crying", "stops crawling when tired", "she stops and cries",
#: "hasn't stopped crawling": before, the lost skill first, by its "stopped crawling");
#: nor a skill a baby has not reached ("2 weeks old not crawling", "1 month old cant
#: sit", "2 month old not babbling": before, first, as a sign for any age, or the only
#: entry with the word). Held: a skill said gone in
#: other words ("used to crawl but now doesnt", "no longer stands", "ha dejado de
#: gatear", "ya no se pone de pie").
LOST_FIRST = {
    "en": {
        "doesn't want tummy time anymore": False,
        "doesnt want to do tummy time anymore": False,
        "not interested in tummy time anymore": False,
        "no longer hates tummy time": False,
        "doesnt like being on his tummy anymore": False,
        "doesn't cry during tummy time anymore": False,
        "doesnt want his bottle anymore": False,
        "doesnt need help sitting anymore": False,
        "my 9 month old won't stop crawling backwards": False,
        "won't stop screaming": False,
        "wont stop crying": False,
        "stops crawling when tired": False,
        "baby keeps stopping when crawling": False,
        "she stops and cries": False,
        "hasnt stopped crawling": False,
        "never stopped crawling": False,
        "2 weeks old not crawling": False,
        "2 month old not babbling": False,
        "he doesnt babble": False,
        "1 month old cant sit": False,
        "5 month old not sitting": False,
        "not standing": False,
        "she doesnt want to crawl anymore": True,
        "won't crawl anymore": True,
        "used to crawl but now doesnt": True,
        "should i worry that she used to crawl and now doesnt": True,
        "he used to babble but stopped": True,
        "going backwards in development": True,
        "no longer stands": True,
        "doesnt stand anymore": True,
        "no longer rolls over": True,
        "no longer walks": True,
        "no longer pulls up": True,
    },
    "es": {
        "ya no le gusta estar boca abajo": False,
        "ya no quiere estar boca abajo": False,
        "no deja de gatear hacia atras": False,
        "deja de gatear cuando se cansa": False,
        "no dejó de gatear": False,
        "ha dejado de llorar": False,
        "lo he dejado boca abajo": False,
        "bebe de 2 semanas no gatea": False,
        "2 meses no balbucea": False,
        "no se sienta": False,
        "ha dejado de gatear": True,
        "mi bebe ha dejado de gatear": True,
        "ha dejado de caminar": True,
        "ya no se pone de pie": True,
        "dejó de ponerse de pie": True,
        "ya no quiere gatear": True,
    },
}


def test_whether_a_skill_is_lost(request: pytest.FixtureRequest) -> None:
    lost_first_as_asked(request, LOST_FIRST)


#: A verb of stopping that says no skill is gone, and a skill said not done (not
#: reached yet), match nothing of "Your baby loses a skill": it is not among the first
#: three (before, first or second, by its "stopped crawling", "stopped babbling").
NOT_AMONG_THREE = {
    "en": [
        "my 9 month old won't stop crawling backwards",
        "wont stop crying",
        "stops crawling when tired",
        "baby keeps stopping when crawling",
        "she wont stop rolling over",
        "he cant stop moving",
        "2 weeks old not crawling",
        "2 month old not babbling",
        "5 month old not sitting",
        "1 month old cant sit",
        "not standing",
    ],
    "es": [
        "ya no le gusta estar boca abajo",
        "no deja de gatear hacia atras",
        "2 meses no balbucea",
        "bebe de 2 semanas no gatea",
    ],
}


#: Where to get help first (CDC "Act Early": a concern is reason to ask now): a worry
#: with nothing the handbook covers, a parent at the end of their tether, a number or
#: an age alone, a child far older than every entry. Held.
CARD_FIRST = {
    "en": [
        "9",
        "9 mo",
        "9mo",
        "0",
        "im so tired",
        "i'm exhausted",
        "so tired of this",
        "is my baby broken",
        "my baby is weird",
        "eczema",
        "speech delay 18 months",
        "100 months",
        "my baby is 20 years old",
        "when should i see a doctor",
    ],
    "es": ["9", "estoy agotada"],
}


def test_where_to_get_help_comes_first_and_no_skill_is_lost(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    shown = {}
    for lang in ("en", "es"):
        asked = [*CARD_FIRST[lang], *NOT_AMONG_THREE[lang]]
        for query, found in decided(built[lang], lang, asked).items():
            shown[lang, query] = found["shown"]
    first = {(lang, q): shown[lang, q][:1] for lang, qs in CARD_FIRST.items() for q in qs}
    assert first == {key: ["parent-worry"] for key in first}
    lost = [(lang, q) for lang, qs in NOT_AMONG_THREE.items() for q in qs]
    assert not [key for key in lost if "lost-skills" in shown[key][:3]]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_index_reads_this_round_alike(
    handbook: tuple[Any, Path],
    spanish_handbook: tuple[Any, Path],
    tmp_path: Path,
    language: str,
) -> None:
    """This round's queries on the index split into parts as a large handbook's is
    (tests/test_search_parts.py): each edition's and the other's (a parent types in the
    language that comes first) get the notice the whole index gives, and where the lost
    skill stands among the first three is where it stands on the whole index (the kinds
    of skills come up front; the signs of a skill lost load for a word of stopping, or an
    age: before, "1 month old cant sit" got it first on a split index, second on the
    whole). (Which tips come first may differ: a split index looks for typos in fewer
    words, "being" in "doesnt like being on his tummy anymore".)"""
    result, html = handbook if language == "en" else spanish_handbook
    assert result.returncode == 0, result.stderr[-2000:]
    lost_asked = list(LOST_FIRST[language])
    asked = [*lost_asked, *(q for lang in ("en", "es") for q in NOTICES[lang])]
    found = compare_split_and_whole(html, language, list(dict.fromkeys(asked)), tmp_path)[2]
    split, whole = (
        {
            q["query"]: (
                notice(q[key]["triage"]),
                [i for i, id_ in enumerate(q[key]["ids"][:3]) if id_.endswith("#lost-skills")]
                if q["query"] in lost_asked
                else None,
            )
            for q in found
        }
        for key in ("split", "whole")
    )
    assert split == whole
    assert sum(whole[q][1] == [0] for q in lost_asked) > 5
