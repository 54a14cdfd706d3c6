"""s44: a hostile reader's round of parents' queries, English and Spanish, run on the
built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): what a parent sees first (shared/EVIDENCE.md, "Emergencies",
"Acting on a concern", "Losing skills"). None is a case of the earlier rounds' tests.
"""

from __future__ import annotations

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, YOUNG_FEVER, decided
from tests.test_search_triage import editions as editions  # the fixture

#: A skill the baby had, said lost in the words of a skill other than crawling, sitting
#: or babbling (Raising Children Network: regression is losing skills such as crawling,
#: standing, walking; Children's Health Queensland: urgent). Before, the skill's own
#: entries came first, and the lost skill second or nowhere: "baby stopped walking" got
#: "Walks alone: the WHO window, 8-18 months" first; "dejó de caminar" (stopped
#: walking) a tip, "Plenty of floor time"; "stopped rolling over" a tip about tummy time
#: and no lost skill at all.
LOST_FIRST = {
    "en": [
        "baby stopped walking",
        "stopped walking",
        "stopped rolling over",
        "baby stopped rolling",
        "baby stopped pulling up",
    ],
    "es": ["dejó de caminar", "dejó de ponerse de pie", "dejó de darse la vuelta"],
}

#: A skill not reached yet, or a word that says "left" ("la he dejado": I left her), is
#: no lost skill: the skill's own entries still come first. (s46: "dejado" is read as
#: "stopped" is, a word of stopping that says nothing where no skill follows, so "la he
#: dejado en la alfombra" ranks by "alfombra", carpet: the tip on carpet first, where
#: the question on floors came first by "dejado".)
NOT_LOST = {
    "en": {
        "18 months not walking": "matter-if-skips-crawling",
        "pulling up to stand": "confident-or-pulling-up",
        "baby stands but wont walk": "cruising",
        "baby rolling instead of crawling": "prop-chest-on-towel",
    },
    "es": {
        "la he dejado en la alfombra": "carpet-not-hardwood",
        "se pone de pie": "confident-or-pulling-up",
        "lo dejé en el suelo y gatea hacia atrás": "plenty-of-floor-time",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_skill_said_lost_finds_the_lost_skill_first(
    request: pytest.FixtureRequest, language: str
) -> None:
    built = request.getfixturevalue("editions")
    asked = LOST_FIRST[language] + list(NOT_LOST[language])
    found = decided(built[language], language, asked)
    first = {q: found[q]["shown"][:1] for q in asked}
    wanted = {q: ["lost-skills"] for q in LOST_FIRST[language]}
    wanted |= {q: [entry] for q, entry in NOT_LOST[language].items()}
    assert first == wanted


#: The rash that does not fade (NHS: call 999), as a Spanish-speaking parent says it:
#: "no se quita al apretar" (does not go when squeezed) and "no se quitan" (as "no se
#: van", an emergency already). Before, the illness notice ("This handbook does not
#: cover illness or injuries... today"), or none at all: "le salieron manchitas que no
#: se quitan" got the card about development first. Taking off socks or a hat, or
#: squeezing a hand or a toy's buttons, is no rash.
RASH = {
    "es": {
        "sarpullido que no se quita al apretar": EMERGENCY,
        "tiene manchas rojas que no se quitan": EMERGENCY,
        "le salieron manchitas que no se quitan": EMERGENCY,
        "tiene puntitos rojos que no se quitan al apretar": EMERGENCY,
        "tiene una erupción que no se quita": EMERGENCY,
        "no se quita el sarpullido": EMERGENCY,
        "se quita los calcetines para gatear": NEITHER,
        "no se quita el gorro": NEITHER,
        "le aprieto la mano para que gatee": NEITHER,
        "hay que apretar los botones del juguete": NEITHER,
        "tiene sarpullido": UNWELL,
    },
    "en": {
        "sarpullido que no se quita al apretar": EMERGENCY,
        "tiene manchas rojas que no se quitan": EMERGENCY,
        "baby has a rash": UNWELL,
    },
}


#: A premature baby's age said "old" after the word that says born early: how old the
#: baby is, not how early ("premature 6 weeks old"). Before, the number was read as how
#: early the baby was born, and no age at all: a fever in a 6-week-old got the illness
#: notice ("today"), not the HSE's call to the doctor urgently, now; a parent of a
#: premature 6-week-old "very worried" got no notice (NHS: under 8 weeks and very
#: worried, call 999). And "premature by 6 weeks", as the age is read, is how early: a
#: 5-month-old with a fever, born early by 6 weeks, was told to call as for a baby under
#: 3 months.
PREMATURE = {
    "en": {
        "premature 6 weeks old fever": YOUNG_FEVER,
        "preemie 6 week old fever": YOUNG_FEVER,
        "born early 5 weeks old temperature 38": YOUNG_FEVER,
        "premature 6 weeks old very worried": EMERGENCY,
        "preemie 7 week old is very sleepy and I am scared": EMERGENCY,
        "premature by 6 weeks fever 5 months old": UNWELL,
        # As before: how early, not how old.
        "born 6 weeks early fever": UNWELL,
        "6 weeks premature now 4 months old fever": UNWELL,
        "born 6 weeks early": NEITHER,
        "6 weeks old fever": YOUNG_FEVER,
        "born at 30 weeks 7 weeks old has a fever": YOUNG_FEVER,
    },
    "es": {
        "premature 6 weeks old fever": YOUNG_FEVER,
        "mi bebé prematuro tiene 2 meses y fiebre": YOUNG_FEVER,
        "nació 6 semanas antes y tiene fiebre": UNWELL,
    },
}


#: A fall onto the head said as "landed on his head", and a high-pitched scream: an
#: injury or illness the handbook does not cover (whom to call today). Before, no notice:
#: "baby landed on head" got a tip about tummy time first; "baby high pitched scream and
#: floppy" the worried parent's card and the floppy-muscles sign (book an appointment).
#: Landing on the bottom, the tummy or the knees, or screaming with joy, is none. And a
#: baby who does not wake, in words no list had.
INJURY = {
    "en": {
        # Will not wake up (NHS: call 999), in the other negations a parent types: before,
        # the worried parent's card alone.
        "baby doesn't wake": EMERGENCY,
        "baby dosnt wake up": EMERGENCY,
        "baby isn't waking up": EMERGENCY,
        "my baby didnt wake up from her nap": EMERGENCY,
        "baby woke up crawling backwards": NEITHER,
        "baby landed on head": UNWELL,
        "baby fell and landed on her head": UNWELL,
        "baby high pitched scream and floppy": UNWELL,
        "baby high pitched screaming": UNWELL,
        "baby landed on her bottom": NEITHER,
        "baby landed on his tummy when crawling": NEITHER,
        "baby landed on his knees": NEITHER,
        "baby screams with joy": NEITHER,
        "baby lifts head": NEITHER,
    },
}


@pytest.mark.parametrize("asked", [RASH, PREMATURE, INJURY], ids=["rash", "premature", "injury"])
def test_each_round_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    s38.notices_are_as_asked(request, asked)
