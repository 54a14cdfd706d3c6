"""What the search puts first for a frightened or worried parent, on the handbook as
built, in both editions: the emergency notice, the illness notice, or neither; and the
entry a lost skill needs. Run through tests/js/triage.mjs (the page's own script, its
index and Sphinx's stemmer for the edition), so many queries cost one Node process.

Each query here was missed by the search once, found by a round of queries nobody had
written a test for; the sources are those of shared/EVIDENCE.md ("Emergencies",
"Losing skills") and the handbook's emergency page.

The HSE: "for a baby under 3 months with a temperature of 38 °C or more, call the doctor
urgently. Don't wait to get help." A fever or a temperature in a baby the query says is
under 3 months (or a newborn) gets that notice (``YOUNG_FEVER``), stronger than the
illness notice's "contact ... today"; an emergency sign, or a very young baby and a
very worried parent (NHS: under 8 weeks), is still the emergency notice.
"""

from __future__ import annotations

import atexit
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.test_javascript import node

ROOT = Path(__file__).resolve().parents[1]

EMERGENCY, YOUNG_FEVER, UNWELL, NEITHER = "emergency", "fever", "unwell", ""

#: query -> the notice it must get, in the English edition.
ENGLISH = {
    # HSE: becomes unresponsive; pale, blotchy, blue or grey skin; going blue around the
    # lips; sucking in under the ribs. NHS: a fit; a rash that does not fade under a
    # glass; may have been seriously injured (a fall from a height, found in water).
    "baby suddenly went floppy and won't respond": EMERGENCY,
    "my baby won't respond to me": EMERGENCY,
    "she isn't responding": EMERGENCY,
    "he went all floppy": EMERGENCY,
    "my baby collapsed": EMERGENCY,
    "baby is very pale": EMERGENCY,
    "purple lips": EMERGENCY,
    "dusky lips": EMERGENCY,
    "chest sucking in when breathing": EMERGENCY,
    "skin between her ribs pulling in when she breathes": EMERGENCY,
    "stiff and jerking": EMERGENCY,
    "his eyes rolled back and he was jerking": EMERGENCY,
    "spots that don't disappear when pressed": EMERGENCY,
    "rash that won't go away when I press a glass on it": EMERGENCY,
    "found him face down in the bath": EMERGENCY,
    "fell in the pool": EMERGENCY,
    "baby fell down the stairs": EMERGENCY,
    "fell from changing table": EMERGENCY,
    "he fell off the bed and now he's sleepy": EMERGENCY,
    "baby fell off the changing table": EMERGENCY,
    "baby hit his head and is vomiting": EMERGENCY,
    "notbreathing": EMERGENCY,
    # NHS: under 8 weeks old and you are very worried, the age in words or in days.
    "six weeks old very worried": EMERGENCY,
    "my one month old has a fever and I'm scared": EMERGENCY,
    "my 10 day old is very hot and I'm scared": EMERGENCY,
    "a week old and scared": EMERGENCY,
    # Injuries the handbook does not cover: whom to call today.
    "burnt his hand on the oven": UNWELL,
    "scald": UNWELL,
    "stung by a bee": UNWELL,
    # Not an emergency: how long something has lasted is not the baby's age, and
    # falling asleep is not a fall.
    "started crawling backwards 3 weeks ago, worried": NEITHER,
    "crawling backwards for 2 weeks, worried": NEITHER,
    "baby fell asleep during tummy time": NEITHER,
    "toys for a 9 month old": NEITHER,
    # What a crawling or cruising baby does, in an emergency phrase's words.
    "baby collapses onto his tummy when he tries to crawl": NEITHER,
    "baby arms collapse when crawling": NEITHER,
    "baby is pale after bath": NEITHER,
    "goes floppy when I pick him up": NEITHER,
    "keeps rolling over and rubbing her eyes": NEITHER,
    "pulling up on the chest of drawers": NEITHER,
    # Not responding to a name or to sounds is a worry for the doctor, not a collapse.
    "baby doesnt respond to his name": NEITHER,
    "my baby isn't responding to sounds": NEITHER,
    # HSE: under 3 months with a temperature of 38 °C or more, call the doctor urgently.
    # The age as the query gives it (weeks, days, months, in words), or a newborn.
    "my 6 week old has a fever": YOUNG_FEVER,
    "2 month old temperature 38.5": YOUNG_FEVER,
    "2 month old 38.5": YOUNG_FEVER,
    "newborn hot and feverish": YOUNG_FEVER,
    "fever in my three week old": YOUNG_FEVER,
    "my 10 week old is burning up": YOUNG_FEVER,
    "80 days old and has a high temp": YOUNG_FEVER,
    "my 2 month old was born 6 weeks early and has a fever": YOUNG_FEVER,
    # Warm after a bath may be nothing, but at this age the notice says what to check
    # (38 °C) and whom to call: caution, as the source asks.
    "my 2 month old is hot after the bath": YOUNG_FEVER,
    # Still the emergency: a sign, or very worried about a baby under 8 weeks (NHS).
    "6 week old fever and blue lips": EMERGENCY,
    "newborn with a fever and a rash that doesn't fade": EMERGENCY,
    # Not under 3 months, or no age given: the illness notice, as before. How early the
    # baby was born, or how long the fever has lasted, is not the baby's age.
    "fever 5 month old": UNWELL,
    "my 4 month old has a temperature": UNWELL,
    "my baby has a fever": UNWELL,
    "born 6 weeks early, now has a fever": UNWELL,
    "temperature for 2 weeks": UNWELL,
    "fever for 2 days, 6 month old": UNWELL,
    # Heat that is about the room or the weather, a gestation, or a month early.
    "hot weather crawling": NEITHER,
    "crawling in a warm room": NEITHER,
    "what room temperature for a newborn": NEITHER,
    "my 6 week old was born at 38 weeks": NEITHER,
    "born 1 month early, worried she is not crawling": NEITHER,
    "crawling on hot floor tiles": NEITHER,
    # How often is not how old: "a week" is not a baby a week old.
    "crawls once a week, worried": NEITHER,
    "he does it every 2 weeks, worried": NEITHER,
    # Found by a reader's check (s36): a temperature as a number with words after it,
    # "feels warm", "under 3 months" (the HSE's own words), Spanish in this edition.
    "39.2 in my 10 week old": YOUNG_FEVER,
    "100.4 and my baby is 5 weeks": YOUNG_FEVER,
    "my 2 month old feels warm": YOUNG_FEVER,
    "warm forehead 6 weeks": YOUNG_FEVER,
    "neonatal fever": YOUNG_FEVER,
    "fever baby under 3 months": YOUNG_FEVER,
    "baby less than 3 months with fever": YOUNG_FEVER,
    "fever in a baby younger than 12 weeks": YOUNG_FEVER,
    "mi bebé de 6 semanas tiene fiebre": YOUNG_FEVER,
    "13 weeks fever": YOUNG_FEVER,
    "3 month old fever": UNWELL,
    "fever under 4 months": UNWELL,
    "fever and not breathing properly": EMERGENCY,
    # Heat that is the weather's, a room's or a floor's, said another way; a number that
    # is a length or a time.
    "too hot for tummy time": NEITHER,
    "tummy time when it is hot": NEITHER,
    "is it too hot to crawl outside": NEITHER,
    "what temperature should the room be": NEITHER,
    "temperature of the floor": NEITHER,
    "knee pads for hot floors": NEITHER,
    "he gets hot and sweaty on the carpet": NEITHER,
    "warm clothes for crawling": NEITHER,
    "warm clothes for my 2 month old": NEITHER,
    "best room temperature": NEITHER,
    "my 10 week old lifts his head 40 cm": NEITHER,
    "tummy time 40 minutes at 10 weeks": NEITHER,
}

SPANISH = {
    "está muy pálido": EMERGENCY,
    "se quedó flácido": EMERGENCY,
    "fiebre alta y manchas que no se van": EMERGENCY,
    "se golpeó la cabeza y vomita": EMERGENCY,
    "lo encontré boca abajo en la bañera": EMERGENCY,
    "se cayó de la cama y ahora tiene mucho sueño": EMERGENCY,
    "mi bebé de tres semanas tiene fiebre y estoy muy asustada": EMERGENCY,
    "se quemó la mano": UNWELL,
    "gatea hacia atrás desde hace 3 semanas y estoy preocupada": NEITHER,
    "se dio la vuelta y levanta la cabeza": NEITHER,
    "no responde a su nombre": NEITHER,
    # HSE, as above, in Spanish; and in English, which a parent may type in this edition.
    "fiebre bebé de 2 meses": YOUNG_FEVER,
    "mi recién nacido tiene fiebre": YOUNG_FEVER,
    "recién nacida con calentura": YOUNG_FEVER,
    "mi bebé de 6 semanas tiene 38,5": YOUNG_FEVER,
    "tiene 10 días y está muy caliente": YOUNG_FEVER,
    "mi bebé de 5 meses tiene fiebre": UNWELL,
    "tiene fiebre desde hace 2 semanas": UNWELL,
    # A parent types in the language that comes first to them: the illness words of
    # every language, as the emergency signs.
    "my baby has a fever": UNWELL,
    "baby has diarrhea": UNWELL,
    "he fell and hurt his arm": UNWELL,
    "my 5 month old is vomiting": UNWELL,
    # "Recién" is "just" too: only "recién nacido" is a newborn.
    "recién empezó a gatear y estoy preocupada": NEITHER,
    "recién empieza a gatear hacia atrás": NEITHER,
    "hace calor y gatea poco": NEITHER,
    "temperatura de la habitación para un recién nacido": NEITHER,
    "lo hace cada 2 semanas y me preocupa": NEITHER,
    # English "fall" and Spanish "fallan" (give way) share a stem; heat that is the
    # weather's, in either language.
    "le fallan los brazos al gatear": NEITHER,
    "hot weather crawling": NEITHER,
    "gatea sobre el suelo caliente": NEITHER,
    # Found by a reader's check (s36): English ages in this edition (a parent types in
    # the language that comes first), "menor de 3 meses", 38 with words after it, "38º".
    "my 6 week old has a fever": YOUNG_FEVER,
    "newborn fever": YOUNG_FEVER,
    "my 6 week old has a fever and I'm scared": EMERGENCY,
    "tiene 38 y 2 meses": YOUNG_FEVER,
    "bebe de 1 mes con 38º": YOUNG_FEVER,
    "fiebre bebé menor de 3 meses": YOUNG_FEVER,
    "bebé menos de 3 meses con fiebre": YOUNG_FEVER,
    "mi bebé de 2 meses tiene febrícula": YOUNG_FEVER,
    "mi bebé de 2 meses está calentito": YOUNG_FEVER,
    "fiebre bebé 3 meses": UNWELL,
    "fiebre y no respira bien": EMERGENCY,
    "el suelo está caliente": NEITHER,
    "baldosas calientes": NEITHER,
    "qué temperatura debe tener la habitación": NEITHER,
    "mejor temperatura para la habitación": NEITHER,
    "ropa de abrigo para gatear": NEITHER,
}

#: A fall or a bump while cruising or climbing gets the illness notice (an injury the
#: handbook does not cover), never the emergency one: it is what such a baby does.
NOT_EMERGENCY = {
    "en": [
        "pulls up on the coffee table and falls",
        "crawls up the stairs then falls back",
        "my baby hits his head on the coffee table when crawling",
    ],
    "es": ["se golpea la cabeza con la mesa cuando gatea"],
}

#: A skill lost needs the doctor today (Raising Children Network, Children's Health
#: Queensland): that entry first, above the signs of one age.
LOST_SKILL = {
    "en": ["my 15 month old stopped crawling", "he's forgotten how to crawl"],
    "es": ["se le olvidó gatear", "mi bebé de 15 meses dejó de gatear"],
}


#: The HSE's words, as each edition's notice must say them: the age, the temperature,
#: call the doctor urgently, now, don't wait.
YOUNG_FEVER_WORDS = {
    "en": ["under 3 months", "38 °C", "urgently", "now", "Don't wait"],
    "es": ["menos de 3 meses", "38 °C", "con urgencia", "ahora", "No espere"],
}


#: One Node per built edition in this process, kept running between tests: a Node
#: process and its index cost about 0.4 s to start, and a run asks about a hundred times.
_TRIAGE: dict[tuple[str, str], subprocess.Popen[str]] = {}


def _triage_process(out: Path, language: str) -> subprocess.Popen[str]:
    key = (str(out), language)
    process = _TRIAGE.get(key)
    if process is None or process.poll() is not None:
        command = [node(), str(ROOT / "tests" / "js" / "triage.mjs"), str(out), language, "-"]
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(process.kill)
        _TRIAGE[key] = process
    return process


def decided(out: Path, language: str, queries: list[str]) -> dict[str, Any]:
    """What the search page decides for each query on the edition built in ``out``."""
    process = _triage_process(out, language)
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(json.dumps(queries) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
    except BrokenPipeError:
        line = ""
    if not line:  # Node stopped: say why (its error), and start a new one next time
        process.kill()
        _, error = process.communicate()
        raise AssertionError(f"triage.mjs stopped: {error[-3000:]}")
    return {found["query"]: found for found in json.loads(line)}


@pytest.fixture
def editions(
    handbook: tuple[subprocess.CompletedProcess[str], Path],
    spanish_handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> dict[str, Path]:
    for result, _ in (handbook, spanish_handbook):
        assert result.returncode == 0, result.stderr[-3000:]
    return {"en": handbook[1], "es": spanish_handbook[1]}


@pytest.mark.parametrize(("language", "expected"), [("en", ENGLISH), ("es", SPANISH)])
def test_a_frightened_parent_gets_the_right_notice_first(
    editions: dict[str, Path], language: str, expected: dict[str, str]
) -> None:
    found = decided(editions[language], language, list(expected))
    wrong = {q: found[q]["urgent"] for q, kind in expected.items() if found[q]["urgent"] != kind}
    assert not wrong, wrong
    # Beside a call for an ambulance, no note that the handbook does not cover sleep.
    assert not [q for q, kind in expected.items() if kind == EMERGENCY and found[q]["topics"]]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_fall_or_bump_while_cruising_is_no_emergency(
    editions: dict[str, Path], language: str
) -> None:
    found = decided(editions[language], language, NOT_EMERGENCY[language])
    assert all(found[q]["urgent"] != EMERGENCY for q in NOT_EMERGENCY[language]), found


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_lost_skill_finds_the_urgent_entry_first(
    editions: dict[str, Path], language: str
) -> None:
    found = decided(editions[language], language, LOST_SKILL[language])
    firsts = {q: found[q]["ids"][:1] for q in LOST_SKILL[language]}
    assert all(first == ["lost-skills"] for first in firsts.values()), firsts


def test_a_walking_worry_is_not_told_the_handbook_skips_baby_walkers(
    editions: dict[str, Path],
) -> None:
    """The Spanish "camina" (walks) and "caminador" (a walker) share a Snowball stem."""
    found = decided(editions["es"], "es", ["tiene dos años y no camina"])
    assert found["tiene dos años y no camina"]["topics"] == 0


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_fever_under_3_months_says_call_the_doctor_urgently(
    editions: dict[str, Path], language: str
) -> None:
    """In words, not by colour alone: the heading says to call the doctor urgently, now,
    and not to wait (HSE); the notice is announced (role alert), stronger than the
    illness notice, whose heading says what the handbook does not cover."""
    query = {"en": "my 6 week old has a fever", "es": "fiebre bebé de 2 meses"}[language]
    notice = decided(editions[language], language, [query])[query]["notice"]
    said = " ".join(notice["text"])
    assert all(words in said for words in YOUNG_FEVER_WORDS[language]), said
    assert notice["role"] == "alert"
    assert "{crawl:contact}" not in said
    # The illness notice's words stay as they were: "today" is not "urgently".
    ill = {"en": "fever 5 month old", "es": "mi bebé de 5 meses tiene fiebre"}[language]
    assert decided(editions[language], language, [ill])[ill]["notice"]["role"] == "note"


def test_the_spanish_edition_does_not_misfire_on_its_own_entries(editions: dict[str, Path]) -> None:
    """With every language's illness words, the Spanish edition's own titles and
    keywords (what a parent asks about crawling) get no notice."""
    entries = json.loads((editions["es"] / "crawl.json").read_text(encoding="utf-8"))["entries"]
    asked = sorted({text for e in entries for text in [e["title"], *e["keywords"]] if text})
    found = decided(editions["es"], "es", asked)
    assert len(asked) > 100
    assert not {q: found[q]["urgent"] for q in asked if found[q]["urgent"]}
