"""s40: a hostile reader's queries, in parents' own words, that got the wrong notice or
none in the built handbook's search (shared/EVIDENCE.md, "Emergencies", "Acting on a
concern"); none is a case of tests/test_hostile_parents_s38.py or s39. Each is run as
tests/test_search_triage.py runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Not breathing in another language than the edition's (NHS: stops breathing): French
#: and Portuguese got the illness notice, or the card about development alone; Spanish's
#: "no" before the English word ("mi bebe no breathing") got the illness notice. Breathing
#: said to be fine is no emergency.
OTHER_LANGUAGES = {
    "en": {
        "mon bébé ne respire pas": EMERGENCY,
        "bebe ne respire pas": EMERGENCY,
        "bebê não respira": EMERGENCY,
        "meu bebê não está respirando": EMERGENCY,
        "mi bebe no breathing": EMERGENCY,
        "no breathing problems, he crawls backwards": NEITHER,
        # Blue, will not wake, fainted, choking; a fall, a fever: before, the card alone.
        "mon bébé est tout bleu": EMERGENCY,
        "bebê não acorda": EMERGENCY,
        "mon bébé ne se réveille pas": EMERGENCY,
        "bebê desmaiou": EMERGENCY,
        "bebê engasgado": EMERGENCY,
        "mon bébé s étouffe": EMERGENCY,
        "bebê caiu da cama": UNWELL,
        "mon bébé est tombé du lit": UNWELL,
        "mon bebe rampe en arriere": NEITHER,
    },
    "es": {
        "bebê roxo": EMERGENCY,
        "mon bébé est tombé du lit": UNWELL,
        "mon bébé ne respire pas": EMERGENCY,
        "bebê não respira": EMERGENCY,
        "mi baby no esta breathing": EMERGENCY,
        "mi bebe no breathing": EMERGENCY,
        "no breathing problems, he crawls backwards": NEITHER,
    },
}

#: An illness by its name, or a sign in other words, that the handbook does not cover:
#: before, the card about development alone ("baby ear infection", "infantile spasms",
#: "baby tremors", "tiene catarro", "otitis bebe"), or no notice ("baby head bulging",
#: "me caí con el bebé en brazos": a parent who fell holding the baby). Now whom to call
#: today, and the emergency number if it may be more. A cold floor, a bulging cushion,
#: are neither.
ILLNESS_BY_NAME = {
    "en": {
        "baby ear infection": UNWELL,
        "infantile spasms": UNWELL,
        "baby tremors": UNWELL,
        "baby head bulging": UNWELL,
        "baby has a runny nose": UNWELL,
        "baby caught a cold": UNWELL,
        "baby constipated": UNWELL,
        "baby virus": UNWELL,
        "crawling on a cold floor": NEITHER,
        "baby crawls over the bulging cushion": NEITHER,
    },
    "es": {
        "otitis bebe": UNWELL,
        "tiene catarro": UNWELL,
        "esta constipado": UNWELL,
        "me cai con el bebe en brazos": UNWELL,
        "me caí con el bebé": UNWELL,
        "baby ear infection": UNWELL,
    },
}

#: Where to go, in the words of other places: A&E (the UK's emergency department) and
#: "the ER" as "hospital" is (s38), NHS 111 (the UK's urgent line), Argentina's
#: "guardia", Spanish "toxicología". Before, crawling entries and no notice, or the card
#: about development alone ("A", "and", "E" are each a stop word or a letter; "er" alone
#: is a pause). A baby who was in A&E after birth, a doctor met in the ER, letting one's
#: guard down ("bajar la guardia"), are none.
WHERE_TO_GO = {
    "en": {
        "go to A&E": UNWELL,
        "should i take her to a&e": UNWELL,
        "a and e": UNWELL,
        "go to the ER": UNWELL,
        "take him to the er": UNWELL,
        "call 111": UNWELL,
        "nhs 111": UNWELL,
        "he was in A&E after birth when will he crawl": NEITHER,
        "er my baby only crawls backwards": NEITHER,
        "the er doctor said he is fine, when will he crawl": NEITHER,
        "my baby is 111 days old": NEITHER,
    },
    "es": {
        "go to A&E": UNWELL,
        "should i go to the er": UNWELL,
        "ir a la guardia": UNWELL,
        "llevarlo a la guardia": UNWELL,
        "llamar a toxicologia": UNWELL,
        "bajar la guardia": NEITHER,
    },
}

#: A face or a sign typed for the word (a phone's emoji keyboard): before, "baby 🤒"
#: (a fever), "🤮" (vomiting), "🚑" got the card about development alone. A face that
#: says nothing of illness beside a question about crawling gets no notice.
EMOJI = {
    "en": {
        "baby 🤒": UNWELL,
        "🤮": UNWELL,
        "🥵 baby": UNWELL,
        "🩸 in nappy": UNWELL,
        "🚑": EMERGENCY,
        "my baby crawls backwards 😂": NEITHER,
        "baby 👶 crawling backwards ❤️": NEITHER,
    },
    "es": {"bebe 🤒": UNWELL, "🚑": EMERGENCY, "mi bebe gatea hacia atras 😂": NEITHER},
}

#: Turning purple, a cord round the neck, a rash that does not blanch (NHS: stops
#: breathing, may be seriously injured, a rash that does not fade): before, crawling
#: entries and no notice ("baby turning purple", "cord around neck") or the illness
#: notice ("non blanching rash"). A head stuck in the cot bars, a baby trapped or found
#: face down in a pillow, a finger in a socket, a dishwasher pod: before, none. A purple
#: toy, a baby stuck under the sofa, socket covers, face down in tummy time: still none.
SAFETY = {
    "en": {
        "baby turning purple": EMERGENCY,
        "baby went purple while crying": EMERGENCY,
        "baby strangled by blind cord": EMERGENCY,
        "cord around neck": EMERGENCY,
        "non blanching rash": EMERGENCY,
        "baby got his head stuck in the cot bars": UNWELL,
        "baby trapped under pillow": UNWELL,
        "baby found face down": UNWELL,
        "baby put finger in socket": UNWELL,
        "baby ate dishwasher pod": UNWELL,
        "purple toy for crawling": NEITHER,
        "my baby makes a strangled noise when crawling": NEITHER,
        "baby gets stuck under the sofa": NEITHER,
        "socket covers for a crawling baby": NEITHER,
        "baby lies face down on the mat": NEITHER,
    },
    "es": {
        "cordón alrededor del cuello": EMERGENCY,
        "baby turning purple": EMERGENCY,
        "cabeza atrapada en la cuna": UNWELL,
        "metió el dedo en el enchufe": UNWELL,
        "se quedó atrapado debajo del sofá": NEITHER,
        "tapa enchufes para bebe que gatea": NEITHER,
    },
}

#: White as a baby turns it (HSE: pale skin, as "went pale"): before, "baby went white",
#: "lips went white", "se puso blanco" got the card about development alone. White toys,
#: a white rug, are none.
WHITE = {
    "en": {
        "baby went white": EMERGENCY,
        "baby turned white and floppy": EMERGENCY,
        "lips went white": EMERGENCY,
        "white toys for crawling": NEITHER,
        "baby crawls on a white rug": NEITHER,
    },
    "es": {
        "se puso blanco": EMERGENCY,
        "se quedó blanco": EMERGENCY,
        # Short of air, breathing stopped, mottled: before, none or the illness notice.
        "le falta el aire": EMERGENCY,
        "se le paró la respiración": EMERGENCY,
        "tiene la piel moteada": EMERGENCY,
        "alfombra jaspeada": NEITHER,
        "le falta gatear": NEITHER,
        "bebe gatea en alfombra blanca": NEITHER,
    },
}

#: Yellow eyes (jaundice) were read as a yellow thing, like a yellow toy: "tiene los ojos
#: amarillos", "yellow eyed baby" got no notice (the Spanish words were in the illness
#: list all along). Bruises, a hard knock ("totazo", "porrazo"), a syrup swallowed: before,
#: none. Grey or blue eyes, a yellow rug, are none.
EYES_AND_KNOCKS = {
    "es": {
        "tiene los ojos amarillos": UNWELL,
        "bebe con ojos amarillos": UNWELL,
        "mi bebé tiene moretones": UNWELL,
        "se dio un totazo": UNWELL,
        "se dio un porrazo gateando": UNWELL,
        "se tomó el jarabe": UNWELL,
        "bebe ojos grises gatea": NEITHER,
        "alfombra amarilla": NEITHER,
    },
    "en": {
        "yellow eyed baby": UNWELL,
        "tiene los ojos amarillos": UNWELL,
        "bebe ojos azules gatea": NEITHER,
        "yellow blocks": NEITHER,
    },
}


@pytest.mark.parametrize(
    "asked",
    [OTHER_LANGUAGES, ILLNESS_BY_NAME, WHERE_TO_GO, EMOJI, SAFETY, WHITE, EYES_AND_KNOCKS],
)
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, asked)


#: A cry for help and nothing else ("help", "HELP PLEASE", "sos", "ayuda", "socorro"):
#: before, "How can I help my baby go forward?" first, and no card; now where to get help
#: comes first ("Acting on a concern"). Help asked with crawling keeps its answer first.
#: (edition, query, the entry shown first)
FIRST = [
    *(("en", q, "parent-worry") for q in ("help", "HELP PLEASE", "help!!!", "please help")),
    *(("es", q, "parent-worry") for q in ("ayuda", "AYUDA", "ayuda por favor")),
    ("en", "help baby crawl forward", "help-go-forward"),
    ("en", "how can i help", "help-go-forward"),
    ("en", "who can help", "who-can-help"),
    ("es", "como ayudar a mi bebe a gatear", "help-go-forward"),
]


def test_a_cry_for_help_gets_where_to_get_help_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    got = []
    for language in ("en", "es"):
        asked = [query for lang, query, _ in FIRST if lang == language]
        shown = decided(built[language], language, asked)
        got += [(language, q, (shown[q]["shown"] or [""])[0]) for q in asked]
    assert sorted(got) == sorted(FIRST)


#: An age written "2yo" or "3 añitos": before, no age was read, and "a 2yo who only
#: crawls backwards" got first "Usually, yes, before about one year". A child older than
#: the handbook's ages gets where to get help first (s39); a one-year-old keeps the sign
#: for that age.
AGES = [
    ("en", "a 2yo who only crawls backwards", "parent-worry"),
    ("en", "my 3yo still crawls", "parent-worry"),
    ("en", "my 1yo only crawls backwards", "still-only-backwards-at-one-year"),
    ("es", "mi hijo de 3 añitos no camina", "parent-worry"),
]


def test_an_age_as_2yo_is_read(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    got = []
    for lang, query, _ in AGES:
        found = decided(built[lang], lang, [query])[query]
        got.append((lang, query, found["urgent"] or found["shown"][0]))
    assert got == AGES
