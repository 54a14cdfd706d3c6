"""s48: a round of frightened and worried queries nobody had written a page for, run on
the built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): the notice, and the notes on topics the handbook does not cover.

What misled, before:
- "baby went under in the bath" got no notice, only the note that the handbook may not
  cover this (NHS: call 999 if the baby stops breathing or may be seriously injured;
  "under water" was an emergency only with the water named).
- "baby sleeping on tummy", "baby fell asleep during tummy time" and "duerme boca
  abajo" were told the handbook does not cover sleep and to ask for a developmental
  screening: nothing of the one sleep rule its sources give and its tip cards carry
  (AAP, "Back to Sleep, Tummy to Play": healthy babies sleep safest on their backs; a
  baby who falls asleep in tummy time goes onto their back in their own sleep space).
  "Fell asleep" named no topic at all: a harmless phrase, so as not to read a fall.
- "baby not gaining weight" and "teething" were sent for a developmental screening,
  which is for development; a baby's health goes to the doctor.
- "i cant cope with the crying" and "no puedo más con el llanto" got the note on a
  baby's development, not the one on a parent's own health.
- A topic was named by a word one typo or one stem from its own (a scan of 25,000
  common words of each language): "eight month old crawling backwards" got the notes on
  weight and eyesight and the worried parent's card first, "cómo ayudo a mi bebé a
  gatear" (how do I help my baby crawl) the note on feeding, "he bears weight on legs"
  the note on weight, "crawls to one side" the note on sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import lost_first_as_asked
from tests.test_search_parts import compare_split_and_whole
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Gone under the water: an emergency, as "found in the bath" is; a baby who goes under
#: a table or a bed, as crawling babies do, is none.
UNDER_WATER = {
    "en": {
        "baby went under in the bath": EMERGENCY,
        "baby slipped under the water in the tub": EMERGENCY,
        "he inhaled water in the pool": EMERGENCY,
        "baby went under the table": NEITHER,
        "baby crawls under the bed": NEITHER,
    },
    "es": {
        "se hundió en la bañera": EMERGENCY,
        "se mete debajo de la mesa": NEITHER,
    },
}

#: A word one letter from an emergency or illness word, but not in its first letter, is
#: most often another word (s48, a scan of 25,000 common words of each language; the
#: words it found that keep their first letter are the index's harmless words). Typos
#: that keep the first letter still count.
FIRST_LETTER = {
    "en": {
        "my baby aint crawling": NEITHER,
        "mario crawls backwards": NEITHER,
        "baby has fewer teeth": NEITHER,
        "i feel connected to my baby": NEITHER,
        "toys overhead": NEITHER,
        "baby not conscious": EMERGENCY,
        "baby unconcious": EMERGENCY,
        "baby chocking": EMERGENCY,
        "baby siezure": EMERGENCY,
        "baby breathign fast": EMERGENCY,
        "baby has a feverr": UNWELL,
    },
    "es": {
        "mario gatea hacia atrás": NEITHER,
        "cómo cuido a mi bebé": NEITHER,
        "cómo entrenar a mi bebé para gatear": NEITHER,
        "mi bebé no está consciente": EMERGENCY,
        "se atraganto": EMERGENCY,
    },
}

SAFE_SLEEP, DOCTOR, PARENT, DEVELOPMENT = "safe sleep", "doctor", "parent", "development"

#: The kind of note each query gets: the sleep rule and the doctor (``SAFE_SLEEP``), the
#: doctor now (``DOCTOR``: a baby's health), the parent's own doctor (``PARENT``), a
#: developmental screening (``DEVELOPMENT``), or none (``None``).
NOTES: dict[str, dict[str, str | None]] = {
    "en": {
        "baby sleeping on tummy": SAFE_SLEEP,
        "baby fell asleep during tummy time": SAFE_SLEEP,
        "my baby fell asleep on her tummy": SAFE_SLEEP,
        "safe sleep": SAFE_SLEEP,
        "sids": SAFE_SLEEP,
        "can baby sleep on nursing pillow": SAFE_SLEEP,
        "baby not gaining weight": DOCTOR,
        "teething": DOCTOR,
        "flat head": DOCTOR,
        "i cant cope with the crying": PARENT,
        "im not coping": PARENT,
        "i feel overwhelmed": PARENT,
        "postnatal depression": PARENT,
        # A parent afraid of what they might do; a parent asking about a fall is not.
        "i feel like i might hurt my baby": PARENT,
        "i lose my temper with my baby": PARENT,
        "did i hurt my baby when he fell": None,
        # s49: a parent who calls themself a bad parent (before, the worried parent's card
        # alone); a baby "bad at crawling" is about the baby.
        "am i a bad mom": PARENT,
        "i feel like a bad mother": PARENT,
        "my baby is bad at crawling": None,
        "is crawling backwards a sign of autism": DEVELOPMENT,
        # s49: no source links crawling to attention or learning (before, no note).
        "backwards crawling adhd": DEVELOPMENT,
        "does skipping crawling cause dyslexia": DEVELOPMENT,
        "baby learning to crawl": None,
        "stiff legs": None,
        "baby crawls backwards": None,
        # A word one letter or one stem from a topic's is not the topic (a scan of
        # 25,000 common words): before, weight's and eyesight's notes, sleep's ("side"
        # and "sids" share a stem), weight's, eyesight's, sitting's.
        "eight month old crawling backwards": None,
        "crawls to one side": None,
        "he bears weight on legs": None,
        "he might crawl soon": None,
        "baby goes from sitting to crawling": None,
        # A topic's word with an ending is the topic still.
        "baby sleeps on tummy": SAFE_SLEEP,
        "hip clicks": DEVELOPMENT,
        "baby uneven thigh creases": DEVELOPMENT,
        # s50: before, no note (crawling answers for the first; the card alone for the
        # second, whose phrase was "doesnt respond to name").
        "does crawling backwards mean brain damage": DEVELOPMENT,
        "baby doesnt respond to his name": DEVELOPMENT,
        "she doesnt respond to her name": DEVELOPMENT,
        "he is named after his grandad": None,
        # s50: a topic's everyday word said of someone else, or of the handbook's own
        # advice (talking to a baby is a tip): before, the note of speech, hearing,
        # eyesight, sitting up or baby walkers, and the worried parent's card first.
        "who should i talk to": None,
        "should i talk to my doctor about crawling backwards": None,
        "my doctor is saying he is fine": None,
        "what words should i use to encourage crawling": None,
        "i heard crawling backwards is normal": None,
        "keep an eye on him while crawling": None,
        "she sits and then crawls backwards": None,
        "baby in a jumper slides on the floor": None,
        # Said of the baby, they still are the topic.
        "baby not talking": DEVELOPMENT,
        "my baby doesnt talk yet": DEVELOPMENT,
        "how many words should my baby say": DEVELOPMENT,
        "my baby cant hear": DEVELOPMENT,
        "baby hearing test": DEVELOPMENT,
        "baby eyes cross": DEVELOPMENT,
        "baby not sitting up": DEVELOPMENT,
        "when should baby sit up": DEVELOPMENT,
        "is a jumperoo good for crawling": DOCTOR,
    },
    "es": {
        "duerme boca abajo": SAFE_SLEEP,
        "se durmió en el tiempo boca abajo": SAFE_SLEEP,
        "sueño seguro": SAFE_SLEEP,
        "no puedo más con el llanto": PARENT,
        "estoy agobiada": PARENT,
        "pierdo la paciencia con mi bebé": PARENT,
        "soy mala madre": PARENT,
        "dislexia si no gatea": DEVELOPMENT,
        "el aprendizaje del gateo": None,
        "pierde el equilibrio": None,
        "no puedo hacer que gatee": None,
        "gatea hacia atrás": None,
        # "Cómo" (how) shares a stem with "comer" (to eat), "siente" (feels) with
        # "sienta" (sits), "peso" of "no soporta su peso" (bears no weight) is no weight
        # gained: before, the notes on feeding and on sitting.
        "cómo ayudo a mi bebé a gatear": None,
        "mi bebé se siente frustrado cuando gatea": None,
        "no soporta su peso en las piernas": None,
        "no sube de peso": DOCTOR,
        # s50: before, the worried parent's card alone.
        "no responde a su nombre": DEVELOPMENT,
        "daño cerebral por gatear hacia atrás": DEVELOPMENT,
        # s50, como arriba: antes, la nota del habla, la vista o cómo se sienta.
        "el médico dice que está bien": None,
        "debo hablar con el pediatra": None,
        "qué palabras uso para animarlo": None,
        "no le quito el ojo de encima": None,
        "se sienta y luego gatea hacia atrás": None,
        "he oído que gatear hacia atrás es normal": None,
        "mi bebé no habla": DEVELOPMENT,
        "no dice palabras": DEVELOPMENT,
        "no oye bien": DEVELOPMENT,
        "tiene los ojos cruzados": DEVELOPMENT,
        "no se sienta solo": DEVELOPMENT,
    },
}

#: What says which kind a note is, in each edition's words.
SAYS = {
    "en": {
        SAFE_SLEEP: "safest asleep on their backs",
        DOCTOR: "contact your pediatrician or health visitor now",
        PARENT: "tell your own doctor how you feel",
        DEVELOPMENT: "developmental screening",
    },
    "es": {
        SAFE_SLEEP: "duermen más seguros boca arriba",
        DOCTOR: "comuníquese ya con",
        PARENT: "su propio médico",
        DEVELOPMENT: "evaluación del desarrollo",
    },
}
BACK_TO_SLEEP = (
    "https://www.healthychildren.org/English/ages-stages/baby/sleep/Pages/"
    "Back-to-Sleep-Tummy-to-Play.aspx"
)


@pytest.mark.parametrize(
    "asked", [UNDER_WATER, FIRST_LETTER], ids=["gone-under-the-water", "first-letter"]
)
def test_a_worried_parent_gets_the_right_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    notices_are_as_asked(request, asked)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_worry_not_covered_is_sent_where_it_belongs(
    editions: dict[str, Path], language: str
) -> None:
    """Each query's notes, by what they say: one kind each (the sleep note also sends to
    the doctor, and never to a developmental screening), and the sleep rule's link is
    the AAP page it comes from."""
    asked = NOTES[language]
    found = decided(editions[language], language, list(asked))
    says = SAYS[language]
    got: dict[str, str | None] = {}
    for query in asked:
        notes = found[query]["notes"]
        kinds = {kind for note in notes for kind, words in says.items() if words in note["text"]}
        if SAFE_SLEEP in kinds:
            assert kinds == {SAFE_SLEEP, DOCTOR}, (query, notes)
            assert {note["url"] for note in notes} == {BACK_TO_SLEEP}, (query, notes)
            kinds = {SAFE_SLEEP}
        assert len(kinds) <= 1, (query, notes)
        got[query] = next(iter(kinds), None)
    assert got == asked


#: A skill the sign of a skill lost names after its verb of stopping ("stopped sitting",
#: "dejó de sentarse"), said with no word of losing it or of a time before, is no skill
#: lost: before, "Your baby loses a skill — Urgent" came first for "my baby is sitting",
#: "baby goes from sitting to crawling", "baby babbling". Said with one, it still is.
SKILL_NAMED = {
    "en": {
        "my baby is sitting": False,
        "baby goes from sitting to crawling": False,
        "from sitting to crawling": False,
        "baby sitting": False,
        "baby babbling": False,
        "he stopped sitting": True,
        "she used to sit but now she doesnt": True,
        "he doesnt crawl like he used to": True,
        "sitting regression": True,
        "regression": True,
    },
    "es": {
        "de sentado a gatear": False,
        "ya no se sienta": True,
        "dejó de gatear": True,
    },
}


def test_a_skill_named_is_no_skill_lost(request: pytest.FixtureRequest) -> None:
    lost_first_as_asked(request, SKILL_NAMED)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_index_reads_a_skill_named_alike(
    request: pytest.FixtureRequest, tmp_path: Path, language: str
) -> None:
    """The same queries on the index split into parts (the skills and the rows of the
    lost signs come up front: the query's words alone do not load "stopped")."""
    fixture = "handbook" if language == "en" else "spanish_handbook"
    result, html = request.getfixturevalue(fixture)
    assert result.returncode == 0, result.stderr[-2000:]
    found = compare_split_and_whole(html, language, list(SKILL_NAMED[language]), tmp_path)[2]
    for query in found:
        assert query["split"] == query["whole"], query["query"]
