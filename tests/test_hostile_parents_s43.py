"""s43: a hostile reader's round of parents' queries, English and Spanish, run on the
built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): what notice comes first (shared/EVIDENCE.md, "Emergencies",
"Acting on a concern", "Losing skills"). None is a case of the earlier rounds' tests.
"""

from __future__ import annotations

import re

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.build_utils import read_search_index
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Everyday words one typo (or one stem) from an emergency word were read as it, and the
#: parent told to call an ambulance: "grasping" (gasping), "cooking" (choking),
#: "frowning" (drowning), "strange" (strangled), "fitted" (stem "fit"), "conscious of"
#: (unconscious); a safety question ("choking hazards") and an idiom ("dying to crawl");
#: a grey baby gate (the colour read as the baby's). Before, each got the emergency
#: notice. The emergencies in the same words still get it.
FALSE_ALARMS = {
    "en": {
        "baby is acting strange": NEITHER,
        "baby makes strange noises": NEITHER,
        "baby grasping toys": NEITHER,
        "baby watches me cooking": NEITHER,
        "baby frowning when crawling": NEITHER,
        "fitted sheet for crib": NEITHER,
        "baby is conscious of strangers": NEITHER,
        "choking hazards for crawling babies": NEITHER,
        "baby dying to crawl": NEITHER,
        "baby is dying to walk": NEITHER,
        "grey baby gate": NEITHER,
        "blue baby walker": NEITHER,
        # Found by a scan of an English word list ("baby <word>"): brown (drown), grown,
        # crown, imbalance (ambulance), consulting (convulsing), shaker (shaken), spooked
        # and shoots (shook), inverted (Spanish "inerte"), strangely.
        "baby has brown poop": NEITHER,
        "baby brown eyes": NEITHER,
        "brown mat for crawling": NEITHER,
        "baby has grown so much": NEITHER,
        "flat spot on baby's crown": NEITHER,
        "baby muscle imbalance": NEITHER,
        "consulting a physio about crawling": NEITHER,
        "crawling backwards is confusing": NEITHER,
        "collapsible playpen": NEITHER,
        "baby shaker toy": NEITHER,
        "baby spooked by the vacuum": NEITHER,
        "baby shoots backwards when crawling": NEITHER,
        "baby feet inverted": NEITHER,
        "baby is drawn to the stairs": NEITHER,
        "baby acts strangely": NEITHER,
        # The same scan, for the illness notice: each got "This handbook does not cover
        # illness or injuries" above its answer.
        "will my baby ever crawl forward": NEITHER,
        "crawling on the beach": NEITHER,
        "are babies allowed to crawl on grass": NEITHER,
        "baby crawls to the door": NEITHER,
        "baby group": NEITHER,
        "mittens for crawling": NEITHER,
        "crawling on rough surfaces": NEITHER,
        "toy with wheels": NEITHER,
        "baby has stiff limbs": NEITHER,
        "crib bumper": NEITHER,
        "colored blocks for crawling": NEITHER,
        # Still the illness notice.
        "has he ever had a fever": UNWELL,
        "baby hand trapped in door": UNWELL,
        "baby fingers caught in door": UNWELL,
        "baby bumped head": UNWELL,
        "baby caught my finger": NEITHER,
        # "Bottle" was a harmless word (not "mottled"), which kept "refusing bottle", an
        # illness phrase, from ever being read: no notice before.
        "baby refusing bottle": UNWELL,
        "baby refuses the bottle": UNWELL,
        "baby bottle": NEITHER,
        "baby bottles": NEITHER,
        "mottled skin": EMERGENCY,
        # Still the emergency.
        "baby choking": EMERGENCY,
        "baby is choking on a toy": EMERGENCY,
        "baby drowning": EMERGENCY,
        "baby is dying": EMERGENCY,
        "baby not conscious": EMERGENCY,
        "baby strangled by cord": EMERGENCY,
        "baby fitting": EMERGENCY,
        "baby gasping": EMERGENCY,
        "my baby is grey": EMERGENCY,
        "baby drowned": EMERGENCY,
        "baby was shaken": EMERGENCY,
        "baby convulsing": EMERGENCY,
        "call an ambulance": EMERGENCY,
    },
    "es": {
        "baby grasping toys": NEITHER,
        "choking hazards for crawling babies": NEITHER,
        "baby has brown poop": NEITHER,
        "baby muscle imbalance": NEITHER,
        # Found by a scan of a Spanish word list ("mi bebé <word>"): each was told to
        # call an ambulance.
        "adoro a mi bebé": NEITHER,
        "mi bebé es una monada": NEITHER,
        "mi bebé es consciente": NEITHER,
        "es inestable al gatear": NEITHER,
        "gatea hasta el muro": NEITHER,
        "moto de juguete": NEITHER,
        "comió moras": NEITHER,
        "toro de peluche": NEITHER,
        "tiene una mota en el ojo": NEITHER,
        "los pies invertidos al gatear": NEITHER,
        "agotamiento de los padres": NEITHER,
        "mi bebé es muy caótico": NEITHER,
        # A harmless word is also a word a long one may be split into: "condición" made
        # "aire acondicionado" an emergency (conmoción), so it is not one.
        "aire acondicionado para el bebé": NEITHER,
        # The same scan, for the illness notice (above the answer, before).
        "se aleja gateando hacia atrás": NEITHER,
        "es de color claro": NEITHER,
        "escala los muebles": NEITHER,
        "solo usa una manita para gatear": NEITHER,
        "gatea por el pasillo": NEITHER,
        "es totalmente normal": NEITHER,
        "es típico que gatee hacia atrás": NEITHER,
        "trato de ayudarlo a gatear": NEITHER,
        "le tiene temor al suelo": NEITHER,
        "bebió cloro": UNWELL,
        "se tragó una pastilla": UNWELL,
        "tiene alergia": UNWELL,
        # Still the emergency.
        "no está consciente": EMERGENCY,
        "bebé inconsciente": EMERGENCY,
        "murió": EMERGENCY,
        "se atoró": EMERGENCY,
        "se ahogó": EMERGENCY,
        "mi bebé está morado": EMERGENCY,
        "baby choking": EMERGENCY,
    },
}

#: Emergencies and illnesses said in words no list had. Limp said of the baby (HSE:
#: floppy, unresponsive; before, the illness notice, and "Very floppy muscles: book an
#: appointment" first), found in or crawled into water (NHS: may have stopped breathing),
#: not moving after a fall (HSE: unresponsive; before, the illness notice: the crawling
#: word made it about getting about), jerking that will not stop (NHS: a fit); "se puso
#: flojito" (gone floppy: before, none), sleepy after a knock to the head (before, the
#: illness notice and a note that the handbook does not cover sleep). And illnesses or
#: injuries that got no notice: spots all over, a banged head, a hot oven touched, no poo
#: for days, a funny turn, jerky movements, screaming that will not stop or when touched,
#: shivering, "granitos", "no hace caca", "llora sin consuelo", "movimientos raros", "no
#: toma leche", "mi bebé está frío", "no moja pañales", "escalofríos", an arm not moved
#: "después de caerse" (a fall said as the infinitive), a baby hit by someone ("my
#: husband hit the baby", "le pegué a mi bebé"). A limp in walking or crawling stays
#: the illness notice; a limp asked about is none.
MISSED = {
    "en": {
        "baby is limp": EMERGENCY,
        "my baby is limp": EMERGENCY,
        "baby limp and cold": EMERGENCY,
        "limp baby": EMERGENCY,
        "found baby in the pool": EMERGENCY,
        "baby crawled into the pool": EMERGENCY,
        "baby fell in the pond": EMERGENCY,
        "baby fell while crawling and is not moving": EMERGENCY,
        "baby jerking uncontrollably": EMERGENCY,
        "baby has spots all over": UNWELL,
        "baby spotty": UNWELL,
        "baby banged head on tile": UNWELL,
        "baby bonked head": UNWELL,
        "baby touched the oven": UNWELL,
        "baby hasnt pooped in days": UNWELL,
        "my baby had a funny turn": UNWELL,
        "baby jerky movements": UNWELL,
        "baby is poorly": UNWELL,
        "baby wont stop screaming": UNWELL,
        "baby screams when touched": UNWELL,
        "baby shivering": UNWELL,
        "my child crawls backwards": NEITHER,
        "crawling up a hill": NEITHER,
        "potty training": NEITHER,
        "baby cries when showering": NEITHER,
        "crawling on granite floors": NEITHER,
        "baby screams with joy when crawling": NEITHER,
        "my husband hit the baby": UNWELL,
        "someone hit my baby": UNWELL,
        "baby hits the table when crawling": NEITHER,
        # A limp, as before; a limp asked about; a pool asked about; crawling.
        "baby crawls with a limp": UNWELL,
        "baby walks with a limp after fall": UNWELL,
        "is a limp normal": NEITHER,
        "is my baby's limp normal": NEITHER,
        "can my baby go in the pool": NEITHER,
        "baby crawls poorly": NEITHER,
        "my baby is cold and limp": EMERGENCY,
        "baby has a limp, is the floor too cold": UNWELL,
        "baby crawls in a jerky way": NEITHER,
        "baby spots a toy and crawls backwards": NEITHER,
    },
    "es": {
        "se puso flojito": EMERGENCY,
        "se quedó flojita": EMERGENCY,
        "se pegó en la cabeza y tiene sueño": EMERGENCY,
        "lo encontre en la piscina": EMERGENCY,
        "se cayó y no se mueve": EMERGENCY,
        "tiene granitos": UNWELL,
        "le salieron puntitos": UNWELL,
        "no hace caca": UNWELL,
        "llora sin consuelo": UNWELL,
        "tiene movimientos extraños": UNWELL,
        "no toma leche": UNWELL,
        "mi bebé está frío": UNWELL,
        "MI BEBE ESTA FLOJITO": UNWELL,
        "hace frío, puede gatear el bebé": NEITHER,
        "el suelo está frío para mi bebé": NEITHER,
        "no moja pañales": UNWELL,
        "no para de gritar": UNWELL,
        "grita cuando lo toco": UNWELL,
        "tiene escalofríos": UNWELL,
        "no mueve el brazo después de caerse": UNWELL,
        "tiene miedo a caerse": NEITHER,
        "gatea sin caerse": NEITHER,
        "le pegué a mi bebé": UNWELL,
        "le pegó al bebé": UNWELL,
        "el bebé pega a su hermano": NEITHER,
        "baby is limp": EMERGENCY,
        "mi bebé está flojo al gatear": NEITHER,
    },
}

#: "Acting strange" is a worry that names nothing the handbook covers: where to get help
#: comes first (it is in the index's words for something amiss).
WORRY_FIRST = {"en": ["baby is acting strange"]}


@pytest.mark.parametrize("asked", [FALSE_ALARMS, MISSED], ids=["false-alarms", "missed"])
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, asked)


def test_a_vague_worry_gets_where_to_get_help_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    for language, queries in WORRY_FIRST.items():
        found = decided(built[language], language, queries)
        first = {q: found[q]["shown"][0] for q in queries}
        assert first == dict.fromkeys(queries, "parent-worry")


#: A question whether the baby is normal that names nothing the handbook is about ("is
#: my baby normal", "is this normal"): before, the first three were all about crawling
#: ("My baby only crawls backwards. Is that normal? Usually, yes"), the worried parent's
#: card nowhere among them. Now the card is among the first three (the answer about
#: crawling backwards still first: tests/test_search_ranking_s37.py). A question about
#: crawling backwards keeps its answers.
NORMAL = {
    "en": ["is my baby normal", "is this normal", "is my 9 month old normal", "should i worry"],
    "es": ["mi bebé es normal", "es normal"],
}
ABOUT_CRAWLING = {
    "en": ["is crawling backwards normal", "my baby only crawls backwards is that normal"],
    "es": ["es normal que gatee hacia atrás"],
}


def test_is_my_baby_normal_lists_where_to_get_help_among_the_first_three(
    request: pytest.FixtureRequest,
) -> None:
    built = request.getfixturevalue("editions")
    for language in ("en", "es"):
        asked = NORMAL[language] + ABOUT_CRAWLING[language]
        found = decided(built[language], language, asked)
        card = {q: "parent-worry" in found[q]["shown"][:3] for q in asked}
        assert card == {q: q in NORMAL[language] for q in asked}
        assert {found[q]["shown"][0] for q in ABOUT_CRAWLING[language]} == {"only-backwards-normal"}


#: What tests/test_search_parts.py reads on the index split into parts as a large
#: handbook's is, per edition: this round's queries; a split index must give each the
#: notice the whole index gives (the harmless words that take a notice back are in the
#: harmless part, loaded for a query that would get one), and more than SPLIT_NOTICES of
#: them get one.
SPLIT_QUERIES = {
    language: sorted({q for asked in (FALSE_ALARMS, MISSED) for q in asked.get(language, {})})
    + NORMAL[language]
    + ABOUT_CRAWLING[language]
    for language in ("en", "es")
}
SPLIT_NOTICES = 10


def test_no_harmless_phrase_is_part_of_a_notice_phrase(
    request: pytest.FixtureRequest,
) -> None:
    """A harmless phrase is taken out of a query before any notice is read: one that is
    part of a notice's phrase keeps that phrase from ever matching (before s43,
    "bottle" kept "refusing bottle" from the illness notice). In both editions' indexes,
    no harmless phrase is a run of words of a sign, an illness or a fever phrase."""
    built = request.getfixturevalue("editions")
    clashes = {}
    for language, html in built.items():
        index = read_search_index((html / "crawl-searchindex.js").read_text(encoding="utf-8"))
        emergency = index["emergency"]
        phrases = emergency["signs"] + emergency["unwell"] + emergency.get("fever", [])
        harmless = [re.findall(r"\w+", phrase.lower()) for phrase in index["intent"]["harmless"]]
        for phrase in phrases:
            said = re.findall(r"\w+", phrase.lower())
            for words in harmless:
                n = len(words)
                if any(said[i : i + n] == words for i in range(len(said) - n + 1)):
                    clashes[language, phrase] = " ".join(words)
    assert clashes == {}
