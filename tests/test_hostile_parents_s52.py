"""s52: laughter is no choking, a lemon bitten no bite, a carpet burn no burn; hives with
wheezing, something in the throat said in Spanish, no wet nappy all day, pale lips, a
knock followed by vomiting or sleep in Spanish; a crawler who stopped to stand, or
because they walk already ("porque ya camina"), lost no skill, one who suddenly cannot
crawl did; a hand preferred is one side doing the work.

Each table fails on the code before s52.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Idioms and everyday words that were notices' words, each beside its twin that must
#: keep its notice. "Choking on laughter", "se atragantó de risa": laughing hard (before:
#: call an ambulance). "Bit a lemon", "bites everything": "bite" alone, whose stem is
#: "bit", was an injury (before: the illness notice); a dog's bite still is. A carpet
#: burn is a graze the carpet tips answer. Hives with wheezing is an allergic reaction
#: that reaches the breathing (NHS: call 999 for a severe one; before, the illness
#: notice); no wet nappy all day is a sign of illness (before, none); something stuck
#: in the throat, in Spanish, is choking (before, none).
NOTICES = {
    "en": {
        "baby choking on laughter": NEITHER,
        "baby is choking": EMERGENCY,
        "baby choking on food": EMERGENCY,
        "baby bit a lemon": NEITHER,
        "baby bites everything when teething": NEITHER,
        "dog bit my baby": UNWELL,
        "baby was bit by a dog": UNWELL,
        "baby got bit": UNWELL,
        "baby has a spider bite": UNWELL,
        "carpet burn on knees": NEITHER,
        "baby burned hand on oven door": UNWELL,
        "hives all over and wheezing": EMERGENCY,
        "baby has hives": UNWELL,
        "baby wheezy after crawling on dusty carpet": UNWELL,
        "baby has not had a wet nappy all day": UNWELL,
        # A second round: pale lips (HSE: pale skin); thrown up, in order; a hair wound
        # round a toe; tired and floppy, or floppy after a vaccine (each: none before).
        "baby lips pale": EMERGENCY,
        "lips white after crying": EMERGENCY,
        "baby lips dry and cracked": NEITHER,
        "baby threw up after crawling": UNWELL,
        "he threw his toy up in the air": NEITHER,
        "hair tourniquet toe": UNWELL,
        "baby tired and floppy": UNWELL,
        "baby floppy after vaccines": UNWELL,
    },
    "es": {
        "se atragantó de risa": NEITHER,
        "se atragantó con comida": EMERGENCY,
        "se le metió algo en la garganta": EMERGENCY,
        "tiene algo atorado en la garganta": EMERGENCY,
        "el perro mordió a mi bebé": UNWELL,
        "mi bebé muerde todo": NEITHER,
        # A long word split into notices' words: no short animal's bite among them.
        "caterpillarcrawl": NEITHER,
        # Vomiting or sleepy after a knock (NHS: may be seriously injured), as "baby
        # vomited once after bump on head" (before, the illness notice); pale lips; a hair
        # wound round a toe.
        "vomitó una vez después del golpe": EMERGENCY,
        "tiene sueño después del golpe en la cabeza": EMERGENCY,
        "labios pálidos": EMERGENCY,
        "pelo enrollado en el dedo del pie": UNWELL,
        # A hard knock as said in Mexico, a head split open, a faint (before: none).
        "se dio un trancazo en la cabeza": UNWELL,
        "se descalabró": UNWELL,
        "le dio un soponcio": EMERGENCY,
    },
}


def test_an_idiom_is_no_emergency_and_an_emergency_in_other_words_is_one(
    request: pytest.FixtureRequest,
) -> None:
    notices_are_as_asked(request, NOTICES)


#: Whether "Your baby loses a skill they already had" (contact the doctor today) is listed
#: first. A crawler who stopped to stand, or because they walk already, has moved on
#: (RCN: no regression when walking takes over): standing is a keyword of "Crawls
#: confidently or starts pulling up", older than crawling; "ya" (already) was read as
#: the skill after "porque" (before, each: the sign first). A skill given up for a
#: younger one is still a skill lost.
LOST = {
    "en": {
        "baby stopped crawling to stand up": False,
        "baby stopped crawling because he stands now": False,
        "baby stopped crawling and started standing": False,
        "baby stopped walking to crawl": True,
        "baby stopped crawling": True,
        # "Suddenly", before a negation, says a skill is gone, as "ya no" (s52: before,
        # "Does it matter if my baby skips crawling?" first); not before a skill begun.
        "baby suddenly cant crawl": True,
        "baby suddenly wont stand": True,
        "baby suddenly started crawling": False,
        "baby cant crawl yet": False,
    },
    "es": {
        "dejó de gatear porque ya camina": False,
        "dejó de gatear para ponerse de pie": False,
        "dejó de caminar para gatear": True,
        "ya no gatea": True,
        "de repente no puede gatear": True,
        "de repente empezó a gatear": False,
    },
}

#: Each query's entry among the first three (before, not listed there): a hand or an arm
#: preferred is "One side of the body does most of the work"; hypotonia, a diagnosis's
#: word for low muscle tone, "Very floppy muscles".
IN_FIRST_THREE = {
    "en": {
        "baby prefers left hand at 8 months": "one-side-weaker",
        "baby only uses one arm to crawl": "one-side-weaker",
        "baby diagnosed with hypotonia": "floppy-muscle-tone",
    },
    "es": {
        "mi bebé gatea solo con un brazo": "one-side-weaker",
        "arrastra una pierna al gatear": "one-side-weaker",
        "mi bebé tiene hipotonía": "floppy-muscle-tone",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_skill_given_up_for_an_older_one_is_no_skill_lost(
    editions: dict[str, Path], language: str
) -> None:
    asked = LOST[language]
    listed = IN_FIRST_THREE[language]
    found = decided(editions[language], language, [*asked, *listed])
    assert {q: found[q]["shown"][:1] == ["lost-skills"] for q in asked} == asked
    assert [q for q, id_ in listed.items() if id_ not in found[q]["shown"][:3]] == []


#: A parent afraid of what they might do gets the note on a parent's own health, which
#: sends them to their own doctor (before, "i feel like shaking my baby" got the illness
#: notice alone). Each query: how many notes say the handbook does not cover a topic.
PARENT_NOTES = {
    "en": {"i feel like shaking my baby": 1, "i feel like hurting him": 1},
    "es": {"tengo miedo de hacerle daño": 1},
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_parent_afraid_of_hurting_the_baby_is_sent_to_their_own_doctor(
    editions: dict[str, Path], language: str
) -> None:
    asked = PARENT_NOTES[language]
    found = decided(editions[language], language, list(asked))
    assert {q: len(found[q]["notes"]) for q in asked} == asked
