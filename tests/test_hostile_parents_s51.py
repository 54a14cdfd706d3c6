"""s51: a scald said with the heat before what spilled is an injury; a kettle pulled over;
jerking that will not stop, pain when a limb is moved, a fall said as crawling off the
bed; a skill the handbook has no milestone for, said forgotten.

"spilled hot water on baby" and "poured hot water on baby" got no notice: heat said with
water (one of the notices' ``surroundings``) is read as the water's, not the baby's, and
"hot water spilled on baby" (s50) was the only order that got one. Heat said with a
spill that happened (``spilled`` intent words, in the past: "spilled", "poured";
"derramé") is now the baby's. A spill asked about ("can i pour warm water on baby"), or
said of no heat, is still neither.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import first_shown
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Scalds with the heat said first, a kettle pulled over (before: no notice; "can i pour
#: warm water on baby" asks about a bath). Jerking that will not stop is a fit (NHS: call
#: 999; before, the illness notice). Pain when a limb is moved, a finger stuck in a door,
#: a baby who crawled off the bed: an injury the handbook does not cover (before, no
#: notice). "Stuck" said of crawling is no injury.
NOTICES = {
    "en": {
        "spilled hot water on baby": UNWELL,
        "poured hot water on baby by accident": UNWELL,
        "i spilt hot milk on my baby": UNWELL,
        "baby pulled the kettle over": UNWELL,
        "the kettle fell on my baby": UNWELL,
        "the bath was too hot": UNWELL,
        "can i pour warm water on baby": NEITHER,
        "is it ok to pour warm water over baby in bath": NEITHER,
        "floor too hot after spilling": NEITHER,
        "poured cold water on baby": NEITHER,
        "water too hot for tummy time?": NEITHER,
        "baby jerking arms and legs wont stop": EMERGENCY,
        "baby wont stop twitching": EMERGENCY,
        "baby screams when i move his leg": UNWELL,
        "baby finger stuck in door": UNWELL,
        "baby crawled backwards off the bed": UNWELL,
        "baby stuck crawling backwards": NEITHER,
        # A baby shaken by someone is an emergency (NHS: may be seriously injured); a
        # rattle or a head shaken is not (before, "shook" alone: call now).
        "my partner shook the baby": EMERGENCY,
        "i think the nanny shook my son": EMERGENCY,
        "baby shook the rattle": NEITHER,
        "shook his head no": NEITHER,
        # Everyday words that were signs: a shoe that fits, a parent's worry, tummy time
        # not responded to, a way to prevent choking (before: call an ambulance now).
        "does this shoe fit a crawling baby": NEITHER,
        "im dying of worry about crawling backwards": NEITHER,
        "my baby is not responding to tummy time": NEITHER,
        "how to childproof against choking while crawling": NEITHER,
        "baby not responding to touch or voice": EMERGENCY,
        "stop choking baby": EMERGENCY,
        "baby is choking how do i prevent it": EMERGENCY,
        # Sick, as parents in the UK say vomiting, after a knock to the head (NHS: may be
        # seriously injured; before, the illness notice). "Fell sick" is taken ill.
        "baby hit his head and is being sick": EMERGENCY,
        "baby fell and was sick": EMERGENCY,
        "baby fell sick with a cold": UNWELL,
    },
    "es": {
        "mi bebé tiró la tetera": UNWELL,
        "se le cayó la tetera encima": UNWELL,
        "derramé café caliente sobre mi bebé": UNWELL,
        "mi bebé tiró el juguete": NEITHER,
        "se sacude y no para": EMERGENCY,
        "llora cuando le muevo la pierna": UNWELL,
        "mi pareja sacudió al bebé": EMERGENCY,
        "el bebé fue sacudido": EMERGENCY,
        "me muero de preocupación porque gatea hacia atrás": NEITHER,
        "mi bebé se muere de ganas de gatear": NEITHER,
        "cómo evitar que se atragante mientras gatea": NEITHER,
        "mi bebé no responde a la hora boca abajo": NEITHER,
        "mi bebé se ahoga de risa": NEITHER,
        "se le cayó el juguete al agua": NEITHER,
        "mi bebé se está muriendo": EMERGENCY,
        "mi bebé no reacciona": EMERGENCY,
        "mi bebé se cayó al agua": EMERGENCY,
        "cómo evitar que se atragante, ahora se está atragantando": EMERGENCY,
        "se pegó en la cabeza y devolvió": EMERGENCY,
        "mi bebé me devolvió la sonrisa": NEITHER,
        "mi bebe se callo y vomito": EMERGENCY,
        "tiene un callo en la rodilla de gatear": NEITHER,
    },
}


def test_a_scald_a_fit_or_an_injury_said_in_other_words_gets_its_notice(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, NOTICES)


#: A skill said forgotten or lost, whether or not the handbook has a milestone for it
#: (sitting up it has not): "Your baby loses a skill they already had" (contact the
#: doctor today) comes first. Before, "my 10 month old forgot how to sit" listed only
#: "When should I call the doctor?". A skill said with no loss is no sign of one.
LOST = {
    "my 10 month old forgot how to sit": True,
    "baby lost the ability to sit": True,
    "baby forgot how to stand": True,
    "my baby is sitting and crawling backwards": False,
}

#: "Very" and "really" only make a word stronger: they no longer keep a query from the
#: entry its other words name (before, "baby very stiff when i pick him up" listed only
#: "When should I call the doctor?", without "Stiff arms or legs"). In Spanish, stiff said
#: when the baby is carried ("cuando lo cargo": before, "When should I call the doctor?"
#: first, "Very floppy muscles" second).
FIRST = {
    "en": {
        "baby very stiff when i pick him up": "stiff-limbs",
        "my baby is really floppy": "floppy-muscle-tone",
    },
    "es": {
        "mi bebé está muy rígido cuando lo cargo": "stiff-limbs",
        "mi bebé está rígido cuando lo cargo": "stiff-limbs",
    },
}


def test_a_word_said_more_strongly_finds_the_same_entry_first(
    request: pytest.FixtureRequest,
) -> None:
    assert first_shown(request, FIRST) == {
        (language, query): id_ for language, asked in FIRST.items() for query, id_ in asked.items()
    }


#: What these fixes must leave as it was: a happy "anymore" is no loss (the sign was
#: second once a word of loss was read from every word typed), and a sign named in other
#: words keeps the worried parent's card second ("changing", once a notice's word, was
#: never read as a typo, and the card went).
KEPT = {
    "doesnt need help sitting anymore": ["no-interest-in-moving", "assisted-sit-ups"],
    "baby legs stiff when I change nappy": ["stiff-limbs", "parent-worry"],
}


def test_a_skill_said_forgotten_lists_the_sign_of_a_skill_lost_first(
    editions: dict[str, Path],
) -> None:
    found = decided(editions["en"], "en", [*LOST, *KEPT])
    assert {q: found[q]["shown"][:1] == ["lost-skills"] for q in LOST} == LOST
    assert {q: found[q]["shown"][:2] for q in KEPT} == KEPT


#: Each query: whether "Your baby loses a skill they already had" is listed first, and how
#: many notes say the handbook does not cover a topic. A "sleep regression" is a change in
#: sleep: its note, no sign of a skill lost (before, the sign first: contact the doctor
#: today); a regression said of a skill still is one. Feeding said as milk, solids or
#: formula, and sounds not copied (speech), get their note (before, none); milk spilled
#: on the floor is the floor's.
TOPICS = {
    "en": {
        "baby sleep regression 8 months": (False, 1),
        "8 month sleep regression and crawling backwards": (False, 1),
        "crawling regression": (True, 0),
        "how much milk should a 9 month old drink": (False, 1),
        "when to start solids": (False, 1),
        "baby not copying sounds": (False, 1),
        "spilled milk on the floor baby slipped": (False, 0),
    },
    "es": {
        "regresión del sueño 8 meses": (False, 1),
        "mi bebé tiene regresión": (True, 0),
        "cuándo empezar sólidos": (False, 1),
        "cuánta leche debe tomar": (False, 1),
        "mi bebé no imita sonidos": (False, 1),
        "derramé leche en el suelo y se resbaló": (False, 0),
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_topic_said_in_other_words_gets_its_note_and_no_sign_of_a_skill_lost(
    editions: dict[str, Path], language: str
) -> None:
    asked = TOPICS[language]
    found = decided(editions[language], language, list(asked))
    got = {q: (found[q]["shown"][:1] == ["lost-skills"], len(found[q]["notes"])) for q in asked}
    assert got == asked
