"""s42: a hostile reader's queries, in parents' own words, that got the wrong notice, or
the wrong entry first, in the built handbook's search (shared/EVIDENCE.md,
"Emergencies", "Acting on a concern", "Losing skills"); none is a case of
tests/test_hostile_parents_s38.py to s41. Each is run as tests/test_search_triage.py
runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

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
        # Said of the baby by a word for the baby, or the baby's name (a word the handbook
        # does not have): not "the rug is purple".
        "my little man is blue": EMERGENCY,
        "my kid is blue": EMERGENCY,
        "noah is blue": EMERGENCY,
        "purplish lips": EMERGENCY,
        "the rug is purple": NEITHER,
        "his toy is blue": NEITHER,
        # A symptom after the colour is the baby's; a pill is a thing (the illness notice).
        "baby blue lethargic": EMERGENCY,
        "baby blue sick": EMERGENCY,
        "swallowed a blue pill": UNWELL,
        # The floor, the mat, the toys a crawling baby meets, and "the blue one".
        "blue foam mat for crawling": NEITHER,
        "purple knee pads": NEITHER,
        "baby crawls to the blue ball": NEITHER,
        "navy blue leggings for crawling": NEITHER,
        "gray hardwood floors crawling": NEITHER,
        "the blue one or the grey one": NEITHER,
        "baby went blue for one minute": EMERGENCY,
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
        "mi bebé esta azulito": EMERGENCY,
        "juguete azulito": NEITHER,
        "rodilleras moradas": NEITHER,
        "suelo gris resbaladizo": NEITHER,
        "se puso gris": EMERGENCY,
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
        "he keeps rolling his eyes back": UNWELL,
        "my baby rolls her eyes": NEITHER,
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
        "left in the car park": NEITHER,
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


#: A frightened parent's round of fresh queries (s42), typos and odd phrasing among them.
#: Before, none for: hard to rouse (NHS: will not wake up), pale and sleepy (HSE: pale
#: skin), tiny dots that do not fade (NHS: the glass test), "puntitos rojos que no
#: desaparecen", a headbutt or "cabezazo", toilet water drunk; an electric shock was an
#: emergency by a typo ("shocked" read as "shook"), and so was a baby shocked by a noise.
#: A second batch below. The rest held, and are kept here so they stay so.
HOSTILE = {
    "en": {
        "he is very hard to rouse": EMERGENCY,
        "cant rouse baby": EMERGENCY,
        "baby is so pale and sleepy": EMERGENCY,
        "tiny red dots on skin wont fade": EMERGENCY,
        "baby headbutted the floor": UNWELL,
        "baby drank from the toilet": UNWELL,
        "baby got shocked by outlet": UNWELL,
        "baby was shocked by a loud noise": NEITHER,
        "baby is pale after bath": NEITHER,
        "red dots on his cheeks": NEITHER,
        # A second batch: sick or sleepy after a fall or a knock (as "fell vomiting", "hit
        # head sleepy": before, the illness notice), going stiff, ice cold, a bead up the
        # nose (before, none).
        "baby threw up after fall": EMERGENCY,
        "baby fell and threw up": EMERGENCY,
        "threw up after bumping his head": EMERGENCY,
        "baby sleepy after bumping head": EMERGENCY,
        "after a fall my baby is very drowsy": EMERGENCY,
        "baby threw his toy up and it fell": UNWELL,
        "baby arched back and went stiff": UNWELL,
        "goes stiff when I pick him up": NEITHER,
        "baby is ice cold": UNWELL,
        "ice cold water for teething": NEITHER,
        "baby put bead up nose": UNWELL,
        # A third batch: blue skin and a severe allergic reaction by their medical names,
        # the tummy sucking in (HSE, NHS: before, none or the illness notice); hard or
        # noisy breathing by name (before, none).
        "baby cyanotic": EMERGENCY,
        "cyanosis in newborn": EMERGENCY,
        "anaphylactic shock": EMERGENCY,
        "baby breathing with tummy sucking in": EMERGENCY,
        "baby sucking his thumb in tummy time": NEITHER,
        "baby having an asthma attack": UNWELL,
        "baby stridor": UNWELL,
        "baby nostrils flaring": UNWELL,
        # Held.
        "HELP baby not breathing!!!": EMERGENCY,
        "bby blu lips": EMERGENCY,
        "babys lips r blue": EMERGENCY,
        "baby not breething": EMERGENCY,
        "babby wont wake up": EMERGENCY,
        "sezure": EMERGENCY,
        "febrile seizure": EMERGENCY,
        "my daughter went limp in my arms": EMERGENCY,
        "baby holding breath until blue": EMERGENCY,
        "my baby is turning blue around his mouth when he cries": EMERGENCY,
        "baby went under the bath water": EMERGENCY,
        "my baby is cold and blue and wont wake": EMERGENCY,
        "baby choked on milk": EMERGENCY,
        "is my baby dying": EMERGENCY,
        "baby swallowed a battery": UNWELL,
        "baby ate dishwasher pod": UNWELL,
        "baby rolled off bed onto tile floor": UNWELL,
        "baby limping after fall": UNWELL,
        "should i go to the ER": UNWELL,
        "baby stuck under the sofa": NEITHER,
        "my baby is crawling backwards and I am panicking": NEITHER,
        "my 30 month old only crawls backwards": NEITHER,
    },
    "es": {
        "puntitos rojos que no desaparecen": EMERGENCY,
        "se dio un cabezazo contra el suelo": UNWELL,
        "bebió agua del inodoro": UNWELL,
        "gatea hasta el inodoro": NEITHER,
        "vomitó después de caerse": EMERGENCY,
        "se golpeó y está adormilado": EMERGENCY,
        "se puso tieso": UNWELL,
        "se quedó rígido": UNWELL,
        "se pone rígido cuando lo cargo": NEITHER,
        "mi bebé está helado": UNWELL,
        "el suelo está helado": NEITHER,
        "comió helado": NEITHER,
        "llanto muy agudo": UNWELL,
        "se metió una bolita en la nariz": UNWELL,
        "cianosis": EMERGENCY,
        "choque anafiláctico": EMERGENCY,
        "aleteo nasal": UNWELL,
        # Held.
        "no puedo despertar a mi bebé": EMERGENCY,
        "se puso azul mientras lloraba": EMERGENCY,
        "se cayó de la cama y no reacciona": EMERGENCY,
        "se atragantó con la leche": EMERGENCY,
        "tiene algo atorado en la garganta": EMERGENCY,
        "mi bebe tiene los pies morados": EMERGENCY,
        "mibebeestaazul": EMERGENCY,
        "lo dejé en el auto al sol": EMERGENCY,
        "se tragó una pila": UNWELL,
        "mi bebé tragó una moneda": UNWELL,
        "calcetines morados para gatear": NEITHER,
        "mi hijo de 5 años no gatea": NEITHER,
    },
}


@pytest.mark.parametrize(
    "asked",
    [COLOURS, EYES, RUN_TOGETHER, CAR_AND_CHOKING, HOSTILE],
    ids=["colours", "eyes", "run-together", "car-and-choking", "hostile"],
)
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, asked)


def test_food_eaten_with_no_distress_gets_the_card_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    found = decided(built["en"], "en", ["baby ate a grape"])["baby ate a grape"]
    assert found["shown"][:1] == ["parent-worry"]


#: Spanish "ya" (already) and "hacer" (to do) name no lost skill: before, "mi bebé ya
#: gatea hacia atrás" got "Su bebé pierde una habilidad que ya tenía" first, and "qué
#: hacer si gatea hacia atrás" had it among the first three ("ya" is a keyword of it, for
#: "ya no"; "hacer" shares a stem with its "antes lo hacía"). "Ya no" (no longer) still
#: finds it first, on Sphinx 8.0 as on 9 (s47: the tests read Sphinx 8.0's Spanish pages
#: with no stemmer before, and allowed what that gave: tests/js/page-scripts.mjs).
NOT_LOST = ["mi bebé ya gatea hacia atrás", "qué hacer si gatea hacia atrás", "ya gatea"]
LOST = [
    "ya no gatea",
    "mi bebé ya no gatea",
    "ya no hace lo que hacía",
    "dejó de sentarse",
    "ya nunca gatea",
    "ya no quiere gatear",
]


def test_ya_and_hacer_are_no_lost_skill_but_ya_no_is(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    found = decided(built["es"], "es", NOT_LOST + LOST)
    assert {q: "lost-skills" in found[q]["shown"][:3] for q in NOT_LOST} == dict.fromkeys(
        NOT_LOST, False
    )
    first = {q: found[q]["shown"][0] for q in LOST}
    assert first == dict.fromkeys(LOST, "lost-skills")
    assert found["qué hacer si gatea hacia atrás"]["shown"][:1] == ["only-backwards-normal"]


#: What tests/test_search_parts.py reads on the index split into parts as a large
#: handbook's is, per edition: this round's queries, the frightened parent's of
#: ``HOSTILE`` and, in Spanish, the lost skill's; a split index must give each the notice
#: the whole index gives (a short word run together is split into the notices' and stop
#: words only, which a split index has up front), and more than SPLIT_NOTICES of them
#: get one.
SPLIT_QUERIES = {
    language: sorted(
        {
            q
            for asked in (COLOURS, EYES, RUN_TOGETHER, CAR_AND_CHOKING, HOSTILE)
            for q in asked.get(language, {})
        }
    )
    + ((NOT_LOST + LOST) if language == "es" else [])
    for language in ("en", "es")
}
SPLIT_NOTICES = 20


#: A parent at the end of their tether ("I can't take it any more", "ya no sé qué hacer")
#: has lost no skill: before, "Your baby loses a skill" came first ("anymore", "ya" are
#: its keywords). Now where to get help comes first; a skill said to be gone still gets
#: the sign first. (edition, query, first entry)
TETHER = [
    ("en", "i cant take it anymore", "parent-worry"),
    ("en", "i dont know what to do anymore", "parent-worry"),
    ("en", "he doesnt crawl anymore", "lost-skills"),
    ("es", "ya no sé qué hacer", "parent-worry"),
    ("es", "ya no puedo más", "parent-worry"),
    ("es", "ya no aguanto", "parent-worry"),
    ("es", "mi bebé ya no quiere gatear", "lost-skills"),
]


def test_a_parent_at_the_end_of_their_tether_gets_help_first(
    request: pytest.FixtureRequest,
) -> None:
    built = request.getfixturevalue("editions")
    got = []
    for language in ("en", "es"):
        asked = [query for lang, query, _ in TETHER if lang == language]
        found = decided(built[language], language, asked)
        got += [(language, query, found[query]["shown"][0]) for query in asked]
    assert got == TETHER
