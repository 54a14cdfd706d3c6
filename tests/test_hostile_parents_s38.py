"""A hostile reader's check (s38) of what a worried parent sees in the built handbook's
search: queries in parents' own words, English and Spanish, that got the wrong notice
or none (shared/EVIDENCE.md, "Emergencies", "Acting on a concern").

Run as tests/test_search_triage.py runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

import json

import pytest

from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, YOUNG_FEVER, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A parent asking how to resuscitate a baby, or how to clear a choking baby's airway,
#: has a baby who is not breathing or choking now (NHS: call 999 if the baby stops
#: breathing); a fit as a verb ("seizing"); limp and pale (HSE: pale skin, floppy).
#: Before, each got the card "if you are worried about your baby's development, contact
#: the doctor", or crawling entries.
RESUSCITATION = {
    "en": {
        "how do i do cpr on a baby": EMERGENCY,
        "infant cpr": EMERGENCY,
        "baby CPR steps": EMERGENCY,
        "baby heimlich": EMERGENCY,
        "back blows baby": EMERGENCY,
        "how to resuscitate a baby": EMERGENCY,
        "rescue breaths for a baby": EMERGENCY,
        "baby seizing": EMERGENCY,
        "my baby is seizing right now": EMERGENCY,
        "baby is limp and pale": EMERGENCY,
        # A Spanish parent on the English edition.
        "como hacer rcp a un bebe": EMERGENCY,
        # A limp alone is still the illness notice (limping), not an emergency.
        "baby crawls with a limp": UNWELL,
    },
    "es": {
        "como hacer rcp a un bebe": EMERGENCY,
        "reanimacion bebe": EMERGENCY,
        "reanimación cardiopulmonar bebé": EMERGENCY,
        "maniobra de heimlich bebe": EMERGENCY,
        "bebe palido y flojo": EMERGENCY,
        "infant cpr": EMERGENCY,
        "mi bebe gatea hacia atras es normal": NEITHER,
    },
}


#: Ordinary words a parent types that were read as an emergency or an illness: a grey
#: rug (grey skin), blue eyes or veins (blue skin), "hitting his head" (one typo from
#: "fitting", a fit: an injury, the illness notice), Down syndrome in the Spanish
#: edition (one typo from "drowned"), a crawling baby who keeps falling over (a fall).
#: What the HSE and the NHS say to call for, in the same words, still is an emergency.
FALSE_ALARMS = {
    "en": {
        "baby grey carpet": NEITHER,
        "crawling on a grey rug": NEITHER,
        "my blue eyed baby": NEITHER,
        "baby with blue eyes crawling": NEITHER,
        "blue veins on baby head": NEITHER,
        "baby has blue birthmark": NEITHER,
        "baby hitting head on purpose": UNWELL,
        "baby keeps falling over when crawling": NEITHER,
        "baby falls forward when crawling": NEITHER,
        "baby has down syndrome when will he crawl": NEITHER,
        "alfombra gris": NEITHER,
        # Still an emergency, or an injury.
        "he went blue, eyes rolled back": EMERGENCY,
        "baby turned grey": EMERGENCY,
        "baby is fitting": EMERGENCY,
        "baby fell over and hit his head": UNWELL,
        "baby keeps falling and hitting his head": UNWELL,
    },
    "es": {
        "alfombra gris": NEITHER,
        "gatea en una alfombra gris": NEITHER,
        "bebe ojos azules gatea": NEITHER,
        "bebe con sindrome de down gateo": NEITHER,
        "baby hitting head on purpose": UNWELL,
        "baby keeps falling and hitting his head": UNWELL,
        "crawling on a grey rug": NEITHER,
        # Still an emergency.
        "se puso gris": EMERGENCY,
        "se puso azul": EMERGENCY,
        "baby is fitting": EMERGENCY,
    },
}


#: Blood, an allergy, hives, a cut, a roll off the bed: an illness or an injury the
#: handbook does not cover. Before, each got the card about development ("if you are
#: worried about your baby's development") or a crawling entry alone ("baby rolled off
#: the bed": bottom shuffling; "se cortó la mano": a floor tip); now whom to call today,
#: and the emergency number if it may be more.
ILLNESS = {
    "en": {
        "blood in poop": UNWELL,
        "baby poop black": UNWELL,
        "baby allergic to peanuts": UNWELL,
        "baby hives after food": UNWELL,
        "baby rolled off the bed": UNWELL,
        "baby cut his hand": UNWELL,
        "bebe alergia": UNWELL,
        # What a crawling baby does, in the same words, is neither.
        "baby hides behind the sofa": NEITHER,
        "baby cutting teeth and not crawling": NEITHER,
        "baby rolls off his tummy onto his back": NEITHER,
        "crawling on a black mat": NEITHER,
    },
    "es": {
        "bebe alergia": UNWELL,
        "bebe ronchas": UNWELL,
        "urticaria bebe": UNWELL,
        "bebe se corto la mano": UNWELL,
        "bebe se pego en la cabeza gateando": UNWELL,
        "baby allergic to peanuts": UNWELL,
        "sesiones cortas boca abajo": NEITHER,
        "gatea con la cabeza levantada": NEITHER,
    },
}

#: A round of frightened queries in parents' words (s38), each of which got the card
#: about development or a crawling entry alone: a baby who won't breathe ("MY BABY WONT
#: BREATH" got the illness notice), the chest sinking in (HSE: sucking in under the
#: ribs), petechiae (NHS: spots that do not fade), stiff and shaking (a fit); a baby
#: under 8 weeks and a parent who says something is wrong (NHS: under 8 weeks and very
#: worried); dehydration, a swallowed marble, a trapped finger, a nosebleed, yellow
#: skin, a weak cry (whom to call today); "boiling" at 5 weeks (HSE: a fever under 3
#: months). What a crawling baby does, in the same words, gets neither.
FRIGHTENED = {
    "en": {
        "MY BABY WONT BREATH": EMERGENCY,
        "baby chest sinking when breathing": EMERGENCY,
        "baby petechiae": EMERGENCY,
        "baby stiff and shaking": EMERGENCY,
        "6 week old something wrong": EMERGENCY,
        "baby sunken eyes": UNWELL,
        "baby no tears when crying": UNWELL,
        "baby hasn't peed in 8 hours": UNWELL,
        "baby ate a marble": UNWELL,
        "baby trapped finger": UNWELL,
        "nosebleed baby": UNWELL,
        "3 day old baby yellow": UNWELL,
        "baby crying weakly": UNWELL,
        "baby screaming nonstop for hours": UNWELL,
        "baby has red spots": UNWELL,
        "baby lump in groin": UNWELL,
        "baby feels cold": UNWELL,
        "my 5 week old is boiling": YOUNG_FEVER,
        "baby crawling on a marble floor": NEITHER,
        "tummy time yellow mat": NEITHER,
        "baby moans when crawling": NEITHER,
        "baby crawls the wrong way": NEITHER,
    },
    "es": {
        "bebe petequias": EMERGENCY,
        "mi bebe esta rigido y tiembla": EMERGENCY,
        "bebe ojos hundidos": UNWELL,
        "llora sin lagrimas": UNWELL,
        "bebe llanto debil": UNWELL,
        "bebe esta amarillo": UNWELL,
        "se pillo el dedo con la puerta": UNWELL,
        "mi bebe de 5 semanas esta hirviendo": YOUNG_FEVER,
        "pelota amarilla para gatear": NEITHER,
        "se queja cuando gatea": NEITHER,
        "MY BABY WONT BREATH": EMERGENCY,
        "esta helado y palido": EMERGENCY,
        "lleva 8 horas sin mojar el pañal": UNWELL,
        "no hace pis": UNWELL,
        "llora muy debil": UNWELL,
        "caca negra": UNWELL,
        "se comio una canica": UNWELL,
        "mi bebe esta raro y muy dormido": UNWELL,
        "se quedó dormido en la alfombra": NEITHER,
    },
}

#: An emergency typed with no spaces, or spelt out letter by letter (a phone's keyboard,
#: dictation): before, the card about development alone.
RUN_TOGETHER = {
    "en": {
        "babynotbreathing": EMERGENCY,
        "mybabyisnotbreathing": EMERGENCY,
        "B.A.B.Y N.O.T B.R.E.A.T.H.I.N.G": EMERGENCY,
        "crawling under waterproof sheet": NEITHER,
        "a b c blocks": NEITHER,
        "babycrawlsbackwards": NEITHER,
    },
    "es": {"mibebenorespira": EMERGENCY, "babynotbreathing": EMERGENCY},
}

#: Whether to go to hospital or the ER: before, the card about development ("if you
#: are worried about your baby's development, contact the doctor now"); now whom to call
#: today, and the emergency number if it may be more. A baby who was in hospital gets
#: no notice. The Spanish rash that does not fade as "manchitas", and a baby asleep
#: after a fall, are emergencies (NHS), as in English.
WHERE_TO_GO = {
    "en": {
        "should i take him to the hospital": UNWELL,
        "urgent care baby": UNWELL,
        "take baby to hospital": UNWELL,
        "he was in hospital after birth when will he crawl": NEITHER,
        "my preemie was in the NICU at the hospital for 6 weeks": NEITHER,
    },
    "es": {
        "llevar al hospital": UNWELL,
        "estuvo en el hospital al nacer": NEITHER,
        "manchitas rojas que no desaparecen con el vaso": EMERGENCY,
        "sarpullido que no se quita al presionar": EMERGENCY,
        "se cayo de la cama y esta dormido": EMERGENCY,
        "se quedó dormido en la alfombra": NEITHER,
    },
}

#: A parent who fears the baby is dead or dying, or sees the baby pale and sweaty:
#: before, the card about development ("my baby is dead", "i think my baby died", "mi
#: bebe se murio", "se está muriendo"); now the emergency notice (NHS: stops breathing,
#: will not wake; HSE: pale skin). A dead weight, a door ("puerta" is one letter from
#: "muerta"), SIDS as a topic, are none.
DEAD_OR_DYING = {
    "en": {
        "my baby is dead": EMERGENCY,
        "i think my baby died": EMERGENCY,
        "baby not alive": EMERGENCY,
        "my baby is going to die": EMERGENCY,
        "baby pale and sweaty": EMERGENCY,
        "baby cold and clammy": EMERGENCY,
        "mi bebe se murio": EMERGENCY,
        "baby goes dead weight when I lift him": NEITHER,
        "im dead tired he wont crawl": NEITHER,
        "pale blue mat": NEITHER,
    },
    "es": {
        "mi bebe se murio": EMERGENCY,
        "se está muriendo": EMERGENCY,
        "creo que mi bebe esta muerto": EMERGENCY,
        "esta palido y sudoroso": EMERGENCY,
        "my baby is dead": EMERGENCY,
        "se pilló el dedo con la puerta": UNWELL,
        "muerte súbita": NEITHER,
        "mi bebe se mueve mucho": NEITHER,
    },
}

#: Everyday words of the rounds above, said of crawling: no notice. (The round's first
#: words read "er, is that normal" as the ER, "would rather die" as dying, a yellow
#: toy as jaundice, a lump in the carpet as a lump.)
EVERYDAY = {
    "en": {
        "er my baby only crawls backwards": NEITHER,
        "my baby would rather die than do tummy time": NEITHER,
        "tummy time is a dead loss": NEITHER,
        "yellow blocks": NEITHER,
        "yellow duck toy for crawling": NEITHER,
        "baby crawled over a lump in the carpet": NEITHER,
        "the hospital physio said to do tummy time": NEITHER,
        "baby crushed a cracker while crawling": NEITHER,
    },
    "es": {"er my baby only crawls backwards": NEITHER},
}

#: Each round's queries, by the failure it found.
ROUNDS = {
    "resuscitation-is-an-emergency": RESUSCITATION,
    "a-grey-rug-or-blue-eyes-is-no-emergency": FALSE_ALARMS,
    "blood-an-allergy-or-a-cut-is-an-illness": ILLNESS,
    "frightened-words-get-their-notice": FRIGHTENED,
    "words-run-together": RUN_TOGETHER,
    "hospital-or-the-er": WHERE_TO_GO,
    "dead-or-dying": DEAD_OR_DYING,
    "everyday-words-of-these-rounds": EVERYDAY,
}


def notices_are_as_asked(request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]) -> None:
    """Each edition's queries get the notice given ({language: {query: notice}}); the
    later rounds' tests call this too."""
    built = request.getfixturevalue("editions")
    wanted = {
        (lang, query): notice
        for lang, notices in asked.items()
        for query, notice in notices.items()
    }
    got: dict[tuple[str, str], str] = {}
    for language, notices in asked.items():
        for query, found in decided(built[language], language, list(notices)).items():
            got[language, query] = found["urgent"]
    assert got == wanted


@pytest.mark.parametrize("asked", list(ROUNDS.values()), ids=list(ROUNDS))
def test_a_worried_parent_gets_the_right_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    notices_are_as_asked(request, asked)


#: A parent who can only say that something is wrong (CDC "Act Early": a parent's
#: concern is reason enough to ask, "Acting on a concern") gets the worried-parent card
#: first; before, "something is wrong with my baby" got a tip about toys just out of
#: reach first, and the card nowhere. A title with "something" still comes first.
FIRST = {
    "en": {
        "something is wrong with my baby": "parent-worry",
        "something wrong with baby": "parent-worry",
        "i think something is wrong": "parent-worry",
        "something to push against": "something-to-push-against",
        # A toddler is a year old at least: the sign for that age, not "Usually, yes,
        # before about one year" (which came first before).
        "my toddler only crawls backwards": "still-only-backwards-at-one-year",
        "my toddler only crawls backwards is that normal": "still-only-backwards-at-one-year",
        "baby only crawls backwards": "only-backwards-normal",
    },
    "es": {
        "algo va mal con mi bebe": "parent-worry",
        "tengo miedo": "parent-worry",
        "my toddler only crawls backwards": "still-only-backwards-at-one-year",
    },
}


def test_the_entry_for_what_is_asked_comes_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    first = {
        (language, query): (found["ids"] or [""])[0]
        for language, queries in FIRST.items()
        for query, found in decided(built[language], language, list(queries)).items()
    }
    expected = {(lang, q): entry for lang, qs in FIRST.items() for q, entry in qs.items()}
    assert first == expected


#: An age in words ranks as the same age in digits. Before, "two" in "my two year old
#: still bottom shuffles" was a word an entry had to have: the one entry with "two"
#: ("Two things are worth doing") came alone, the answer "Usually, yes" for a baby who
#: scoots on the back; with "2", the sign for that age came first.
IN_WORDS = {
    "en": [
        ("my two year old still bottom shuffles", "my 2 year old still bottom shuffles"),
        ("my ten month old still goes backwards", "my 10 month old still goes backwards"),
    ],
    "es": [("tiene dos años y solo gatea hacia atrás", "tiene 2 años y solo gatea hacia atrás")],
}


def test_an_age_in_words_ranks_as_in_digits(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    for language, pairs in IN_WORDS.items():
        asked = [query for pair in pairs for query in pair]
        found = decided(built[language], language, asked)
        for words, digits in pairs:
            assert found[words]["ids"][:1] == found[digits]["ids"][:1], (words, found[words])


#: An answer that reassures ("Yes", "Usually, yes") says until when: a parent of a
#: 2-year-old who bottom-shuffles, searching "mi hijo de 2 años se arrastra sentado es
#: normal", got first "Sí, son formas normales de desplazarse", with no age at all.
REASSURANCE = {
    "en": (("Yes", "Usually, yes"), ("one year", "first birthday", "12 months")),
    "es": (("Sí", "Por lo general, sí"), ("año", "primer cumpleaños", "12 meses")),
}


def test_every_yes_says_until_when(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    unbounded = []
    for language, (starts, bounds) in REASSURANCE.items():
        data = json.loads((built[language] / "crawl.json").read_text(encoding="utf-8"))
        answers = [e for e in data["entries"] if e["type"] == "question"]
        assert len(answers) > 10
        unbounded += [
            (language, e["id"])
            for e in answers
            if e["text"].startswith(starts) and not any(bound in e["text"] for bound in bounds)
        ]
    assert not unbounded


#: A baby too young to crawl who does not crawl yet has lost no skill: "my 6 week old
#: cant crawl", "5 month old cant crawl", "mi bebe de 3 meses no gatea" got first "Your
#: baby loses a skill they already had" (act today), through its keywords "can't do
#: anymore" ("ya no puede"). A skill a parent says is gone still gets it first.
LOST_OR_NOT_YET = {
    "en": {
        "my 6 week old cant crawl": False,
        "5 month old cant crawl": False,
        "my 8 month old stopped crawling": True,
        "my baby cant crawl anymore": True,
        "baby can no longer crawl": True,
    },
    "es": {
        "mi bebe de 3 meses no gatea": False,
        "mi bebe ya no gatea": True,
        "mi bebe de 8 meses dejo de gatear": True,
    },
}


def test_not_crawling_yet_is_no_lost_skill(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    first = {
        (language, query): found["ids"][:1] == ["lost-skills"]
        for language, queries in LOST_OR_NOT_YET.items()
        for query, found in decided(built[language], language, list(queries)).items()
    }
    assert first == {
        (lang, q): lost for lang, qs in LOST_OR_NOT_YET.items() for q, lost in qs.items()
    }
