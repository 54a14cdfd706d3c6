"""A hostile reader's check (s37) of the search's notices, on the handbook as built:
queries a frightened parent typed that got the illness notice ("contact the doctor
today") or no notice at all, where the handbook's own emergency page says to call the
emergency number now (shared/EVIDENCE.md, "Emergencies": NHS, a baby who will not wake
or does not respond; a severe allergic reaction; a fit; a spotty purple rash; HSE,
breathing trouble, becomes unresponsive).

Run as tests/test_search_triage.py runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

import json

import pytest

from tests.test_search_triage import (  # noqa: F401 (editions: the fixture)
    EMERGENCY,
    NEITHER,
    UNWELL,
    decided,
    editions,
)

ENGLISH = {
    # Fainted is passed out: unresponsive (HSE), will not wake (NHS).
    "baby fainted": EMERGENCY,
    "my baby just fainted": EMERGENCY,
    # Breathing that is barely there is a baby who cannot breathe.
    "baby hardly breathing": EMERGENCY,
    "baby is barely breathing": EMERGENCY,
    # A severe allergic reaction (NHS), as parents say it: swelling as it happens.
    "baby lips swelling after peanut": EMERGENCY,
    "face swelling after eating egg": EMERGENCY,
    "her tongue is swelling": EMERGENCY,
    "swollen tongue": EMERGENCY,
    "throat swelling": EMERGENCY,
    # A fit described, not named (NHS: a fit for the first time).
    "baby shaking and eyes rolling": EMERGENCY,
    # A spotty purple or red rash (NHS): "purple spots" already called for it.
    "purple rash": EMERGENCY,
    "baby has a purple rash on legs": EMERGENCY,
    # An injury, a poisoning or an illness, which got a card about development or
    # nothing: whom to call today, and the emergency number if it may be more.
    "baby ate a button": UNWELL,
    "baby ate a plant": UNWELL,
    "baby drank alcohol": UNWELL,
    "baby ate washing powder": UNWELL,
    "baby not peeing": UNWELL,
    "baby hasnt had a wet nappy all day": UNWELL,
    "baby has not fed all day": UNWELL,
    "baby overheated": UNWELL,
    "baby heat stroke": UNWELL,
    "stiff neck": UNWELL,
    "baby broken arm": UNWELL,
    "baby broke his leg": UNWELL,
    "lump on head": UNWELL,
    "baby skull fracture": UNWELL,
    "baby pupils different sizes": UNWELL,
    # What a crawling baby's parent says in those words is no illness.
    "he is not pulling himself up yet": NEITHER,
    "im fed up, he is not crawling": NEITHER,
    "listless baby": UNWELL,
    "apnea": UNWELL,
    "high pitched cry": UNWELL,
    # A fit that is no seizure, blue that is a toy's: no call for an ambulance; a fit
    # or blue skin said another way still is one.
    "shoes that fit": NEITHER,
    "baby fits through the tunnel": NEITHER,
    "baby throws a fit during tummy time": NEITHER,
    "he has a fit of giggles when crawling": NEITHER,
    "blue toy for crawling": NEITHER,
    "crawling on a blue mat": NEITHER,
    # Everyday words one typo or one stem from an emergency or illness word.
    "baby doing the army crawl": NEITHER,
    "is my baby doing ok": NEITHER,
    "crawling on the couch": NEITHER,
    "lying on her back and pushing": NEITHER,
    "bottle before tummy time": NEITHER,
    "education": NEITHER,
    # A Spanish parent on this edition: "colores" is not "dolor", "cálida" not "caída".
    "juguetes de colores": NEITHER,
    "una habitación cálida": NEITHER,
    "I dropped her": UNWELL,
    "my baby is dying": EMERGENCY,
    "he was lying face down in the bath": EMERGENCY,
    "baby fell down the stairs and is sleepy": EMERGENCY,
    "my baby had a fit in the bath": EMERGENCY,
    "baby has a fit": EMERGENCY,
    "baby is blue": EMERGENCY,
    "he went blue, eyes rolled back": EMERGENCY,
    "blue and floppy": EMERGENCY,
    # Still only the illness notice, or none: what a crawling baby does.
    "a red rash": UNWELL,
    "swelling on his knee from crawling": UNWELL,
    "rolls her eyes when I sing": NEITHER,
    "crawling on hard floors": NEITHER,
}

SPANISH = {
    # Ran out of air, breathes with difficulty, hardly breathes (HSE).
    "se quedó sin aire": EMERGENCY,
    "se queda sin respirar": EMERGENCY,
    "respira con dificultad": EMERGENCY,
    "dificultad para respirar": EMERGENCY,
    "apenas respira": EMERGENCY,
    # Severe allergic reaction (NHS).
    "se le hincha la lengua": EMERGENCY,
    "lengua hinchada": EMERGENCY,
    "sarpullido morado": EMERGENCY,
    # An injury, a poisoning or an illness (as in English above).
    "se rompió el brazo": UNWELL,
    "tiene un chichón en la cabeza": UNWELL,
    "no hace pipí": UNWELL,
    "golpe de calor": UNWELL,
    "bebió alcohol": UNWELL,
    "se comió una planta": UNWELL,
    "tiene las pupilas de distinto tamaño": UNWELL,
    "esta muy decaido": UNWELL,
    # "Bebé" folds and stems as "bebe" (drinks), "bebido" (drunk): no illness here.
    "mi bebé no habla": NEITHER,
    "mi bebé no ha gateado todavía": NEITHER,
    "le salió un bulto": UNWELL,
    # Hard to wake (NHS: will not wake up).
    "le cuesta despertar": EMERGENCY,
    "es difícil de despertar": EMERGENCY,
    # A fit of laughter, a blue toy: no emergency; a seizure still is.
    "le da un ataque de risa cuando gatea": NEITHER,
    "juguete azul para gatear": NEITHER,
    "tuvo un ataque": EMERGENCY,
    "se puso azul": EMERGENCY,
    # In this edition a parent may type English: what it says is read, not a Spanish
    # word one typo or one stem away ("sitting" is no "fitting", "more" no "morado").
    "baby fainted": EMERGENCY,
    "baby sitting up": NEITHER,
    "more tummy time": NEITHER,
    "here on the floor": NEITHER,
    "never crawled": NEITHER,
    "he gets down from the sofa": NEITHER,
    "pulls up on the sofa": NEITHER,
    "lost skills": NEITHER,
    "lo llamo desde lejos": NEITHER,
    # Not an emergency.
    "gatea sin calcetines": NEITHER,
    "juega al aire libre": NEITHER,
}


#: Each edition's queries: a parent types in the language that comes first to them.
ASKED = {"en": ENGLISH, "es": SPANISH}


def test_what_the_emergency_page_calls_an_emergency_is_one_in_the_search(
    request: pytest.FixtureRequest,
) -> None:
    built = request.getfixturevalue("editions")
    wrong = {
        (language, query): found["urgent"]
        for language, expected in ASKED.items()
        for query, found in decided(built[language], language, list(expected)).items()
        if found["urgent"] != expected[query]
    }
    assert not wrong, wrong


def test_the_english_edition_does_not_misfire_on_its_own_entries(
    request: pytest.FixtureRequest,
) -> None:
    """The English edition's own titles and keywords get no notice (what a parent asks
    about crawling is neither an emergency nor an illness)."""
    built = request.getfixturevalue("editions")
    entries = json.loads((built["en"] / "crawl.json").read_text(encoding="utf-8"))["entries"]
    asked = sorted({text for e in entries for text in [e["title"], *e["keywords"]] if text})
    found = decided(built["en"], "en", asked)
    assert len(asked) > 100
    assert not {q: found[q]["urgent"] for q in asked if found[q]["urgent"]}


#: Safe sleep is not this handbook's: a parent asking about it is told so, with the way
#: to help (before, "sids" was read as a typo of "side" and got crawling entries alone).
SLEEP_SAFETY = {
    "en": ["sids", "is sids a risk when crawling", "cot death", "safe sleep"],
    "es": ["muerte súbita", "smsl", "sueño seguro"],
}


def test_safe_sleep_is_said_to_be_beyond_the_handbook(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    missed = [
        (language, query)
        for language, asked in SLEEP_SAFETY.items()
        for query, found in decided(built[language], language, asked).items()
        if not found["topics"]
    ]
    assert not missed, missed
