"""s54: emergencies in words no phrase had (not conscious, suffocating, a fit by the eyes
or misspelt, a colour gone wrong, the throat closing, seriously ill, caught in a cord,
found not moving, a fall from a window, furniture fallen on the baby); a baby under 8
weeks floppy, grunting or unwell (the NHS: call 999 for a baby under 8 weeks when you are
very worried); words of an emergency that say none ("fit and healthy", "emergency c
section", "no emergency"); health worries with crawling words (reflux, the heart, ears,
eczema, vaccines); a sibling's or a parent's age said before the baby's.

Each table fails on the code before s54.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import first_shown
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Each emergency sign of the NHS and HSE lists (shared/EVIDENCE.md, "Emergencies") as a
#: frightened parent typed it (before: no notice, or the illness notice), beside a twin
#: that names no emergency and keeps its answer.
EMERGENCIES = {
    "en": {
        "found my baby under the blanket not moving": EMERGENCY,
        "baby lost consciousness": EMERGENCY,
        "baby blacked out": EMERGENCY,
        "baby is suffocating": EMERGENCY,
        "baby ceased breathing": EMERGENCY,
        "baby's breathing is noisy and her tummy is pulling in": EMERGENCY,
        "baby stiffened and eyes rolled up": EMERGENCY,
        "baby eyes rolled back and twitching": EMERGENCY,
        "baby having a seasure": EMERGENCY,
        "babby having a fitt": EMERGENCY,
        "baby foaming at the mouth": EMERGENCY,
        "baby went stiff and jerky": EMERGENCY,
        "he's gone a funny colour": EMERGENCY,
        "baby skin looks marbled": EMERGENCY,
        "baby's throat is closing up": EMERGENCY,
        "baby got hives and his mouth is swelling": EMERGENCY,
        "my baby is seriously ill": EMERGENCY,
        "baby got tangled in the blind cord": EMERGENCY,
        "baby fell from a first floor window": EMERGENCY,
        "he pulled the tv onto himself": EMERGENCY,
        "the bookcase fell on my baby": EMERGENCY,
        "he fell off the sofa onto the wooden floor and has been sick twice": EMERGENCY,
        "baby drank some of my methadone": UNWELL,
        "baby inhaled a small bead": UNWELL,
        # Twins that name no emergency.
        "baby rolled onto his back and rubbed his eyes": NEITHER,
        "baby loves to crawl to the window": NEITHER,
        "my baby loves tv": NEITHER,
        "marbled floor tiles": NEITHER,
    },
    "es": {
        "encontré al bebé boca abajo sin moverse": EMERGENCY,
        "perdió el conocimiento": EMERGENCY,
        "se desvaneció": EMERGENCY,
        "se puso rígido y se le fueron los ojos para arriba": EMERGENCY,
        "se puso tieso y con sacudidas": EMERGENCY,
        "se le voltearon los ojos y temblaba": EMERGENCY,
        # (An earlier round's, kept: "temblaba" is a notice's word now, and "temblando" no
        # longer a typo of "tiembla".)
        "bebé se puso rígido y temblando": EMERGENCY,
        "echa espuma por la boca": EMERGENCY,
        "se puso asul": EMERGENCY,
        "piel marmórea": EMERGENCY,
        "respira con ruido y se le hunde la barriga": EMERGENCY,
        "se le cerró la garganta": EMERGENCY,
        "le salieron ronchas y se le hincha la boca": EMERGENCY,
        "mi bebé está muy grave": EMERGENCY,
        "se enredó con el cordón de la persiana": EMERGENCY,
        "se cayó al estanque": EMERGENCY,
        "se cayó por la ventana": EMERGENCY,
        "se le cayó la tele encima": EMERGENCY,
        "se callo de la cama y bomita": EMERGENCY,
        "se comió una seta del jardín": UNWELL,
        "le gusta gatear hasta la ventana": NEITHER,
    },
}


def test_an_emergency_in_words_no_phrase_had_is_told_to_call(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, EMERGENCIES)


#: A baby under 8 weeks floppy, grunting, unwell or poorly, or a parent frightened for
#: one: the emergency notice (before: a card, "very floppy muscles: book an appointment",
#: or the illness notice). The same words of an older baby keep their answers.
YOUNG = {
    "en": {
        "my 10 day old is floppy": EMERGENCY,
        "baby 7wks floppy": EMERGENCY,
        "my one month old baby is very unwell": EMERGENCY,
        "baby 3 weeks old making grunting noises every breath": EMERGENCY,
        "my 50 day old son has been off all day and I'm frightened": EMERGENCY,
        "our newborn is really poorly": EMERGENCY,
        "my 6 month old is floppy": NEITHER,
        "my 6 month old is unwell": UNWELL,
    },
    "es": {
        "bebé de 7 semanas muy flácido": EMERGENCY,
        "mi bebé de 10 días está flojito": EMERGENCY,
        "nuestro recién nacido está muy pachucho": EMERGENCY,
        "bebé de 2 semanas gime al respirar": EMERGENCY,
        "mi bebé de un mes está muy enfermo": EMERGENCY,
        "mi bebé de 8 meses está muy enfermo": UNWELL,
    },
}


def test_a_baby_under_8_weeks_floppy_or_unwell_is_an_emergency(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, YOUNG)


#: Words of an emergency that say none: a fit and healthy baby, a birth by emergency
#: caesarean, no emergency, a CPR course, a birthmark or a skin tone, a temper (before:
#: each was told to call an ambulance). A fit still is one.
NOT_EMERGENCIES = {
    "en": {
        "my baby is a fit and healthy 9 month old who crawls backwards": NEITHER,
        "fit baby crawling backwards": NEITHER,
        "emergency c section baby crawling backwards": NEITHER,
        "no emergency, when should babies crawl forwards": NEITHER,
        "should i learn baby cpr now that he crawls": NEITHER,
        "baby bottom shuffles with a mongolian blue spot": NEITHER,
        "baby is pale skinned, what clothes for crawling": NEITHER,
        "baby goes purple with rage when tummy time": NEITHER,
        "baby is dead set on crawling backwards": NEITHER,
        "ill fitting clothes": NEITHER,
        "baby had a fit": EMERGENCY,
        "my baby is pale and floppy": EMERGENCY,
    },
    "es": {
        "nació por cesárea de urgencia y tiene 8 meses gatea hacia atrás": NEITHER,
        "no es una emergencia, cuándo gatean hacia delante": NEITHER,
        "soy enfermera de urgencias y mi bebé gatea hacia atrás": NEITHER,
        "mi bebé es de piel pálida qué ropa le pongo para gatear": NEITHER,
        "se pone morado de rabia boca abajo": NEITHER,
        "se comió una cera azul": NEITHER,
        "se puso morado": EMERGENCY,
    },
}


def test_words_of_an_emergency_that_say_none_get_no_call(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, NOT_EMERGENCIES)


#: Health worries said with crawling words: a note that the handbook does not cover them
#: (before: a tip first and no note).
TOPICS = {
    "en": {
        "reflux baby hates tummy time": 1,
        "baby spits up a lot during tummy time is that ok": 1,
        "baby had heart surgery tummy time": 1,
        "baby keeps pulling at his ear and crawls backwards": 1,
        "baby has eczema, knees cracked from crawling": 1,
        "can baby crawl after vaccines": 1,
        "baby hates tummy time": 0,
    },
    "es": {
        "reflujo y tiempo boca abajo": 1,
        "regurgita después de estar boca abajo": 1,
        "puede gatear después de las vacunas": 1,
        "se tira de la oreja y gatea hacia atrás": 1,
        "eccema en las rodillas por gatear": 1,
        "odia estar boca abajo": 0,
    },
}


def read_as(editions: dict[str, Path], asked: dict[str, dict[str, Any]], read: Any) -> None:
    """``read(what was decided)`` for each edition's queries is as ``asked`` gives it."""
    for language, queries in asked.items():
        found = decided(editions[language], language, list(queries))
        assert {q: read(found[q]) for q in queries} == queries, language


def test_a_health_worry_with_crawling_words_gets_its_note(editions: dict[str, Path]) -> None:
    read_as(editions, TOPICS, lambda found: len(found["notes"]))


#: A sibling's or a parent's age said before the baby's: the baby's is read (before: the
#: note that the handbook does not cover a child that old, and the card for a baby still
#: going backwards at one year). A child older than the handbook alone still gets it.
AGES = {
    "en": {
        "i have a 3 year old and a 7 month old, the baby crawls backwards": False,
        "I'm a 24 year old first time mum, my 9 month old only crawls backwards": False,
        "her cousin is 20 months and walks, my 8 month old crawls backwards": False,
        "my 4 year old only crawls backwards": True,
        # A year and months glued together, as "5wk" is a number and its unit.
        "1y7m crawls backwards normal?": True,
    },
    "es": {
        "tengo un niño de 3 años y una bebé de 7 meses que gatea hacia atrás": False,
        "soy abuela de 70 años, mi nieto de 10 meses va hacia atrás": False,
        "mi hijo de 4 años solo gatea hacia atrás": True,
    },
}


def test_the_baby_s_age_is_read_after_an_older_one(editions: dict[str, Path]) -> None:
    read_as(editions, AGES, lambda found: found["beyond"])


#: A second round the same day: signs in other words (lips gone dark, confused and
#: floppy, spasms in clusters, fast breathing, the ribs showing, a head injury's signs
#: after a fall, dictation's "knot breathing"), a very young baby's age said unit first
#: ("wk 6", "day 5"), things drunk or eaten that harm, a cut, a walking baby crawling
#: again (a skill lost). Pupils of two sizes, and infantile spasms by name, without a
#: fall or a description, keep the illness notice (s37, s40).
SECOND_ROUND = {
    "en": {
        "lips went dark while crying": EMERGENCY,
        "baby seems confused and floppy": EMERGENCY,
        "baby does jerky head drops in clusters": EMERGENCY,
        "baby is breathing very quickly": EMERGENCY,
        "baby is wheezing and ribs showing with each breath": EMERGENCY,
        "baby fell and now one pupil is bigger": EMERGENCY,
        "baby fell and there's fluid coming from his ear": EMERGENCY,
        "baby has a dent in his head after falling": EMERGENCY,
        "baby hit his head on the tiles and went quiet": EMERGENCY,
        "baby fell and keeps being sick": EMERGENCY,
        "baby is knot breathing": EMERGENCY,
        "wk 6 baby floppy": EMERGENCY,
        "day 5 baby floppy": EMERGENCY,
        "ten day old with a high pitched cry": EMERGENCY,
        "baby drank petrol": UNWELL,
        "baby ate slug pellets": UNWELL,
        "baby chewed my e-cig": UNWELL,
        "baby hit the corner of the table and has a cut on his forehead": UNWELL,
        "baby pupils different sizes": UNWELL,
        "infantile spasms": UNWELL,
        "week 6 of tummy time": NEITHER,
        # (Not "panting": its stem is that of "pants", the clothes.)
        "best pants for crawling": NEITHER,
    },
    "es": {
        "boquea entre llanto y llanto": EMERGENCY,
        "parece confundido y flojo": EMERGENCY,
        "hace sacudidas de cabeza en serie": EMERGENCY,
        "respira muy deprisa": EMERGENCY,
        "silba al respirar y se le marcan las costillas": EMERGENCY,
        "se cayó y ahora una pupila está más grande": EMERGENCY,
        "tiene un hundimiento en la cabeza después de caerse": EMERGENCY,
        "le sale sangre del oído después del golpe": EMERGENCY,
        "sem 6 bebé flojo": EMERGENCY,
        "día 5 bebé flojo": EMERGENCY,
        "se comió una batería": UNWELL,
        "se bebió gasolina": UNWELL,
        "se comió una colilla": UNWELL,
        "el bebé jadea": UNWELL,
        "tiene las pupilas de distinto tamaño": UNWELL,
    },
}


def test_a_second_round_s_emergencies_and_illnesses_get_their_notice(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, SECOND_ROUND)


#: Worries the handbook does not cover said with its words (colic, a tongue tie, the eyes
#: not following, a clubfoot brace, a head always turned, not turning to sounds, not
#: talking): the note (before: a tip first). Bottom shuffling at 14 months is the
#: handbook's: no note about sitting (before: "cómo se sienta").
SECOND_TOPICS = {
    "en": {
        "colic and tummy time": 1,
        "baby's eyes don't follow toys": 1,
        "baby wears boots and bar, can he crawl": 1,
        "baby's head always turned one way": 1,
        "baby isn't talking": 1,
    },
    "es": {
        "cólicos y gateo": 1,
        "tiene el frenillo corto y no aguanta boca abajo": 1,
        "no gira la cabeza a los sonidos": 1,
        "tiene la cabeza siempre girada a un lado": 1,
        "bebé de 14 meses solo se desplaza sentado": 0,
    },
}


def test_a_second_round_s_worries_get_their_note(editions: dict[str, Path]) -> None:
    read_as(editions, SECOND_TOPICS, lambda found: len(found["notes"]))


#: A third round: signs in autocorrect's and other regions' words ("wint wake", "lips
#: blew", "violeta", "marmoleada", "está ido", a fit described, "crisis febril", apnoea,
#: not acting right after landing on the head), and a very young baby "just doesn't seem
#: right". A purple dress is no sign; landing on the head alone keeps the illness notice.
THIRD_ROUND = {
    "en": {
        "baby wint wake up": EMERGENCY,
        "babys lips blew": EMERGENCY,
        "hes not himself and doesnt know who i am": EMERGENCY,
        "my 5 week old just doesn't seem right": EMERGENCY,
        "my 4 week old is a bit off, not his usual self": EMERGENCY,
        "twitching and staring": EMERGENCY,
        "my nine month old is wheezy and the skin between his ribs pulls in": EMERGENCY,
        "apnea episode in my 6 week old": EMERGENCY,
        "she crawled off the bed, landed on her head, and now she's not acting right": (EMERGENCY),
        "baby landed on head": UNWELL,
        "my 6 month old is a bit off": NEITHER,
    },
    "es": {
        "se puso violeta": EMERGENCY,
        "tiene la piel como marmoleada": EMERGENCY,
        "está todo manchado y frío": EMERGENCY,
        "el niño está ido, no me mira": EMERGENCY,
        "se puso dura y temblaba 2 minutos": EMERGENCY,
        "tiembla y no para": EMERGENCY,
        "tuvo una crisis febril": EMERGENCY,
        "tiene rash que no se quita con el vaso": EMERGENCY,
        "mi baby no wake up": EMERGENCY,
        "tiene un vestido violeta para gatear": NEITHER,
    },
}


def test_a_third_round_s_emergencies_get_their_notice(request: pytest.FixtureRequest) -> None:
    notices_are_as_asked(request, THIRD_ROUND)


#: The answer first: a side weaker or the limbs stiff or floppy in a parent's words lists
#: that sign first; "how long is too long" its answer, which now says until when (before:
#: "often a few days to a few weeks", no bound; shared/EVIDENCE.md, the handbook's sign
#: at one year).
ANSWER_FIRST = {
    "en": {
        "he only crawls backwards and seems weaker on his left side": "one-side-weaker",
        "baby slips through my hands when I lift him under the arms": "floppy-muscle-tone",
        "his legs cross like scissors when I hold him up": "stiff-limbs",
        "how long is too long to only go backwards": "how-long-backwards-phase-last",
    },
    "es": {
        "se me resbala de las manos cuando lo levanto por las axilas": "floppy-muscle-tone",
        "no quiere apoyar los pies": "cannot-bear-weight",
    },
}


def test_a_third_round_s_answers_come_first(request: pytest.FixtureRequest) -> None:
    found = first_shown(request, ANSWER_FIRST)
    assert found == {(lang, q): e for lang, qs in ANSWER_FIRST.items() for q, e in qs.items()}


def test_how_long_the_backwards_phase_lasts_says_until_when(content: Any) -> None:
    """The answer to "how long does the backwards phase last?" is bounded: around the
    first birthday, book an appointment (s54: it reassured with no limit)."""
    text = content.entry("how-long-backwards-phase-last").text
    assert "first birthday" in text
    assert "book an appointment" in text
