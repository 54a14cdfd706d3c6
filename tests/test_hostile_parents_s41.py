"""s41: a hostile reader's queries, in parents' own words, that got the wrong notice, or
the wrong entry first, in the built handbook's search (shared/EVIDENCE.md,
"Emergencies", "Acting on a concern"); none is a case of tests/test_hostile_parents_s38.py,
s39 or s40. Each is run as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from sphinx_crawl.core.ages import age_rules
from tests import test_hostile_parents_s38 as s38
from tests.test_javascript import node
from tests.test_search_triage import EMERGENCY, NEITHER, ROOT, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A parent's own low mood after a birth, which the handbook does not cover: before,
#: "postpartum depression" got the worried-parent card, then "Your baby loses a skill
#: they already had" ("depression" read as a typo of "regression"); "i have the baby
#: blues" was told to call an ambulance ("blues" as "blue"). Now the note that the
#: handbook does not cover a parent's own health, the card first, no lost skill. (edition,
#: query)
PARENT_HEALTH = [
    ("en", "postpartum depression"),
    ("en", "i have postpartum depression"),
    ("en", "postnatal depression"),
    ("en", "im so depressed"),
    ("es", "depresión posparto"),
    ("es", "depresion postparto"),
    ("es", "estoy deprimida"),
    ("es", "postpartum depression"),
]

#: The baby blues are the parent's; a blue baby is still an emergency.
BLUES = {
    "en": {
        "i have the baby blues": NEITHER,
        "baby blues": NEITHER,
        "my baby is blue": EMERGENCY,
        "baby blue and not breathing": EMERGENCY,
    },
}


def test_a_parents_own_health_is_not_covered_and_no_lost_skill(
    request: pytest.FixtureRequest,
) -> None:
    built = request.getfixturevalue("editions")
    got = []
    for language in ("en", "es"):
        asked = [query for lang, query in PARENT_HEALTH if lang == language]
        for query, found in decided(built[language], language, asked).items():
            shown = found["shown"]
            lost = "lost-skills" in shown
            got.append((language, query, found["urgent"], found["topics"] > 0, shown[:1], lost))
    assert got == [(lang, q, NEITHER, True, ["parent-worry"], False) for lang, q in PARENT_HEALTH]
    # A skill lost, said so, still gets its sign first.
    regression = decided(built["en"], "en", ["baby regression"])["baby regression"]
    assert regression["shown"][:1] == ["lost-skills"]
    s38.notices_are_as_asked(request, BLUES)


#: A black eye, a bruise, a tooth knocked out: an injury (whom to call today), not the
#: emergency its colour or words say elsewhere. Before, "tiene un ojo morado" ("morado",
#: purple, as a baby turns it) and "black and blue after fall" were told to call an
#: ambulance; "baby has a black eye" got no notice. Purple said of the baby ("my baby is
#: purple": no notice before) and a baby knocked out (unconscious) are emergencies; a
#: purple toy is none.
BLACK_EYE = {
    "en": {
        "baby has a black eye": UNWELL,
        "his eye is purple": UNWELL,
        "black and blue after fall": UNWELL,
        "baby tooth knocked out": UNWELL,
        "tiene un ojo morado": UNWELL,
        "my baby is purple": EMERGENCY,
        "babyispurple": EMERGENCY,
        "baby was knocked out": EMERGENCY,
        "my baby knocked himself out on the table": EMERGENCY,
        "his face is purple": EMERGENCY,
        "baby went blue": EMERGENCY,
        "purple toy": NEITHER,
        "purple toy for crawling": NEITHER,
        # "Is" and "purple", "knocked" and "out", said of a mat or a tower: none. (With
        # "is purple", "purple face" and "knocked out" read as words in any order, these
        # were told to call an ambulance.)
        "is it ok to use a purple mat": NEITHER,
        "is my baby's purple mat ok": NEITHER,
        "baby has purple socks": NEITHER,
        "baby knocked over his tower and crawled out": NEITHER,
    },
    "es": {
        "tiene un ojo morado": UNWELL,
        "mi bebe tiene el ojo morado": UNWELL,
        "ojos morados": UNWELL,
        "se le puso el ojo morado": UNWELL,
        "tiene un ojo morado y no respira": EMERGENCY,
        "mi bebe esta morado": EMERGENCY,
        "se puso morado": EMERGENCY,
        "juguete morado": NEITHER,
        "my baby is purple": EMERGENCY,
        # A purple bruise (before, an emergency); purple in other words (before, none).
        "moreton morado en la pierna": UNWELL,
        "se le amorató la cara": EMERGENCY,
        "mi bebe se puso moradito": EMERGENCY,
    },
}

#: Eyes rolling back with no fit described (with jerking or stiffness it is a fit, an
#: emergency: test_search_triage.py), a baby shaken, a concussion in Spanish, weight
#: lost, a hernia, a pinched finger, going to the emergency department in Spanish:
#: before, none. Rolling the eyes, or onto the back, is none.
OTHER_WORDS = {
    "en": {
        "baby eyes rolling back": UNWELL,
        "shaken baby": EMERGENCY,
        "baby shaken": EMERGENCY,
        "baby lost weight": UNWELL,
        "baby has a hernia": UNWELL,
        "baby pinched finger in drawer": UNWELL,
        "baby ate glass": UNWELL,
        "baby crawls on a glass table": NEITHER,
        "my baby rolls her eyes": NEITHER,
        "baby rolls onto his back": NEITHER,
    },
    "es": {
        "se le van los ojos para atras": UNWELL,
        "bebe conmocion cerebral": EMERGENCY,
        "cuando ir a urgencias": UNWELL,
        "llevarlo a urgencias": UNWELL,
        "perdio peso": UNWELL,
        "tiene una hernia": UNWELL,
        # "Puntillas" (tiptoes) was read as "pastillas" (pills): the illness notice.
        "camina de puntillas": NEITHER,
        "se le van las ganas de gatear": NEITHER,
    },
}


@pytest.mark.parametrize("asked", [BLACK_EYE, OTHER_WORDS], ids=["black-eye", "other-words"])
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, asked)


#: A worry the handbook does not cover, named with a word some tip has in passing:
#: before, that tip first ("hip clicks": "Be patient", "click" in its text; "walks on
#: tiptoes": a tip on furniture; "twisted neck": short tummy-time sessions). Now the note
#: that the handbook does not cover it, and the worried-parent card first. (edition,
#: query)
NOT_COVERED = [
    ("en", "hip clicks"),
    ("en", "baby hip clicking"),
    ("en", "walks on tiptoes"),
    ("en", "toe walking"),
    ("en", "twisted neck"),
    ("en", "torticollis"),
    ("es", "le crujen las caderas"),
    ("es", "displasia de cadera"),
    ("es", "camina de puntillas"),
    ("es", "tortícolis"),
    # Signs parents read of hip dysplasia: the same.
    ("en", "baby uneven thigh creases"),
    ("en", "baby legs different length"),
    ("es", "pliegues asimetricos en los muslos"),
]


def test_a_worry_not_covered_gets_the_card_first(request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue("editions")
    got = []
    for language in ("en", "es"):
        asked = [query for lang, query in NOT_COVERED if lang == language] + (
            ["se pone de pie"] if language == "es" else ["baby only crawls backwards"]
        )
        found = decided(built[language], language, asked)
        got += [(language, q, found[q]["topics"] > 0, found[q]["shown"][:1]) for q in asked]
    wanted = {(lang, q, True, ("parent-worry",)) for lang, q in NOT_COVERED}
    # Covered, and no topic not covered in it ("de pie" is not "puntas de pie").
    wanted |= {
        ("en", "baby only crawls backwards", False, ("only-backwards-normal",)),
        ("es", "se pone de pie", False, ("confident-or-pulling-up",)),
    }
    assert {(lang, q, topic, tuple(first)) for lang, q, topic, first in got} == wanted


#: Not breathing in Italian and German, blue in German (s40 read French and Portuguese):
#: before, the illness notice ("non respira": "respira" is Spanish for breathes) or none.
#: Hard to wake in other words (NHS: will not wake up), sleepy beyond the usual, a hurt
#: face typed for the word: before, none. "No sé qué hacer" (I don't know what to do)
#: after "no se mueve" hid the emergency ("hacer" was read as a lost skill's word); alone,
#: it gets where to get help first, not "Your baby loses a skill".
ASKED_IN_OTHER_WORDS = {
    "en": {
        "il mio bambino non respira": EMERGENCY,
        "mein baby atmet nicht": EMERGENCY,
        "mein baby ist blau": EMERGENCY,
        "baby difficult to wake": EMERGENCY,
        "baby is floppy and sleepy": UNWELL,
        "baby unusually sleepy": UNWELL,
        "baby 🤕": UNWELL,
        "baby is sleepy after crawling": NEITHER,
        "floppy legs": NEITHER,
        # A fall from a couch is one from a sofa: before, none ("couch" was a harmless
        # word, lest it be read as "cough"). A couch that is only furniture stays quiet.
        "baby rolled off the couch": UNWELL,
        "my baby rolled off the couch and hit his head": UNWELL,
        "baby crawls along the couch": NEITHER,
        "baby has a cough": UNWELL,
    },
    "es": {
        "mi bebe no se mueve no se que hacer": EMERGENCY,
        "il mio bambino non respira": EMERGENCY,
        "mein baby atmet nicht": EMERGENCY,
        "no se que hacer": NEITHER,
    },
}


def test_other_words_and_languages(request: pytest.FixtureRequest) -> None:
    s38.notices_are_as_asked(request, ASKED_IN_OTHER_WORDS)
    built = request.getfixturevalue("editions")
    found = decided(built["es"], "es", ["no se que hacer", "no sé qué hacer"])
    assert [found[q]["shown"][:1] for q in found] == [["parent-worry"], ["parent-worry"]]


#: A shared link's age with a unit that is not months or weeks: before, "?age=2y" (two
#: years) showed the handbook for a 2-month-old, "2 años" the same, "1e3" for a 1-month-
#: old. Now none is read as months (the page shows every entry, as for no age); months
#: and weeks as before.
LINKS = {
    "2y": "",
    "2 años": "",
    "2 yo": "",
    "1e3": "",
    "0x10": "",
    "10m": "10",
    "18 months": "18",
    "18 meses": "18",
    "6w": "6",
    "10,5": "10.5",
}


def test_a_link_with_years_is_not_read_as_months() -> None:
    script = (
        "const rules = JSON.parse(process.argv[1]);"
        "const ages = require('./sphinx_crawl/static/crawl-ages.js')(rules);"
        "const asked = JSON.parse(process.argv[2]);"
        "process.stdout.write(JSON.stringify(asked.map(ages.fromLink)));"
    )
    asked = list(LINKS)
    command = [node(), "-e", script, json.dumps(age_rules()), json.dumps(asked)]
    read = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert dict(zip(asked, json.loads(read.stdout), strict=True)) == LINKS
