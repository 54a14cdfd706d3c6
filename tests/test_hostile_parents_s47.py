"""s47: the search's triage on Sphinx 8.0 as on Sphinx 9, and a nap gone without, run
on the built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): what a frightened or worried parent sees first
(shared/EVIDENCE.md, "Emergencies", "Losing skills"). Each test here passes on the
oldest Sphinx the package supports (``nox -s compat``) and on the newest alike.

Sphinx 8.0's and Sphinx 9's Spanish stemmers stem every word of the handbook alike, and
alike with Python's (checked: 991 of 991). What differed was the tests' reading of the
page: the Node helpers ran language_data.js with a plain object for the window, and
Sphinx 8.0's sets a global ``Stemmer``, not ``window.Stemmer``, so the search there
stemmed Spanish with its English stemmer, which no page does. The earlier rounds' tests
allowed what that gave on Sphinx before 9 or 8.2 ("ya no hace lo que hacía" without the
lost skill among the first five, "deja de gatear cuando se cansa" with it first); they
now assert one behaviour everywhere (tests/js/page-scripts.mjs runs the page's scripts
with the window as their global object, as a browser does).

Found on the way: "se privó de la siesta" (went without a nap) was told to call an
ambulance, and "he doesnt do what he used to do" got no lost skill: both fixed.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

import pytest
from sphinx.search.es import SearchSpanish

from tests.build_utils import read_search_index
from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_hostile_parents_s45 import lost_first_as_asked
from tests.test_javascript import node
from tests.test_search_parts import compare_split_and_whole, notice
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL
from tests.test_search_triage import editions as editions  # the fixture

ROOT = Path(__file__).resolve().parent.parent

#: The page's search stemming words of the built Spanish edition (crawl-search.js's
#: ``stem``, with the Stemmer the page's scripts leave on its window).
PAGE_STEMS = """
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const require = createRequire(import.meta.url);
const [script, scripts, out, asked] = process.argv.slice(1);
const { pageWindow } = await import(pathToFileURL(scripts).href);
const window = pageWindow(join(out, "_static/language_data.js"));
const search = require(script)({ language: "es", stemmer: () => window.Stemmer });
const words = JSON.parse(readFileSync(asked, "utf-8"));
process.stdout.write(JSON.stringify(words.map((word) => search.stem(word))));
"""


def test_the_spanish_page_stems_as_sphinx_does_in_python(
    spanish_handbook: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    """The search reads the Spanish edition with Sphinx's Spanish stemmer, the one its
    page loads, on every Sphinx: each word of the handbook's index stems as Sphinx's
    Python stemmer stems it, accents folded (what render/search_shards.py splits a large
    index by). Before, on Sphinx 8.0, the tests' search had no stemmer there: "caminar"
    was "caminar", "camina" "camina" (both "camin" on the page)."""
    result, html = spanish_handbook
    assert result.returncode == 0, result.stderr[-3000:]
    index = read_search_index((html / "crawl-searchindex.js").read_text(encoding="utf-8"))
    vocabulary = sorted({word for field in index["words"].values() for word in field})
    assert {"caminar", "camina", "gatear", "gatea"} <= set(vocabulary)
    asked = tmp_path / "words.json"
    asked.write_text(json.dumps(vocabulary), encoding="utf-8")
    script = ROOT / "sphinx_crawl" / "static" / "crawl-search.js"
    scripts = ROOT / "tests" / "js" / "page-scripts.mjs"
    command = [node(), "--input-type=module", "-e", PAGE_STEMS, str(script), str(scripts)]
    done = subprocess.run(
        [*command, str(html), str(asked)], capture_output=True, text=True, check=True
    )
    on_page = dict(zip(vocabulary, json.loads(done.stdout), strict=True))
    python = SearchSpanish({}).stem
    folded = {word: _fold(python(word)) for word in vocabulary}
    assert on_page == folded
    assert on_page["caminar"] == on_page["camina"]


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


#: Whether "Su bebé pierde una habilidad que ya tenía" (contact the doctor today: RCN,
#: CHQ) comes first, the same on Sphinx 8.0 as on 9. Held on the page with both (its
#: stemmer is the same); before, the tests read Sphinx 8.0's page without it, and
#: allowed the lost skill out of the first five for "ya no hace lo que hacía" (a parent
#: describing regression) and first for "deja de gatear cuando se cansa" (stops crawling
#: when tired: a normal thing). The other forms of the same words: held.
LOST_FIRST = {
    "es": {
        "ya no hace lo que hacía": True,
        "ya no hace lo que hacia": True,
        "mi bebe ya no hace lo que hacia antes": True,
        "ya no quiere gatear": True,
        "mi bebé ya no quiere gatear": True,
        "dejó de caminar": True,
        "ya no camina": True,
        "deja de gatear cuando se cansa": False,
        "deja de gatear cuando esta cansado": False,
        "a veces deja de gatear": False,
        "la he dejado en la alfombra": False,
    },
    # Fixed: a negation and a skill's word far apart ("he doesnt do what he used to do":
    # the "used" of the lost skill's "used to be able to" was read as the "uses" of a
    # milestone's title, not done: a skill not reached yet). Before, the worried
    # parent's card first, the lost skill nowhere. A skill said not done right after
    # the negation, or one word on, still is no skill lost.
    "en": {
        "he doesnt do what he used to do": True,
        "she cant do what she used to": True,
        "not doing what she used to": True,
        "5 month old is not sitting": False,
        "1 month old can not sit": False,
        "2 month old doesnt even babble": False,
        "he is not yet sitting": False,
    },
}


#: "Se privó" (fainted, or held the breath till limp: Mexican Spanish) is an emergency
#: (unresponsive, HSE), said of a nap or not; "se privó de la siesta" (went without a
#: nap) is no fainting: before, it was told to call an ambulance. Fixed by the index's
#: harmless phrases (render/search_words.py), the nap's own words: every other way of
#: saying "se privó" still calls, a nap beside it or not.
PRIVO = {
    "es": {
        "se privó de la siesta": NEITHER,
        "se privo de la siesta": NEITHER,
        "hoy se privó de su siesta": NEITHER,
        "se priva de la siesta": NEITHER,
        "se privó": EMERGENCY,
        "se privo": EMERGENCY,
        "se privó de tanto llorar": EMERGENCY,
        "se privó del susto": EMERGENCY,
        "se privó durante la siesta": EMERGENCY,
        "se privó en la siesta": EMERGENCY,
        "se privó después de la siesta": EMERGENCY,
        "al despertar de la siesta se privó": EMERGENCY,
        "se privó de la siesta y luego se privó llorando": EMERGENCY,
        "se privó de la siesta y se puso morado": EMERGENCY,
        "se privó de la siesta y no respira": EMERGENCY,
    },
    "en": {
        "se privó de la siesta": NEITHER,
        "se privó": EMERGENCY,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_index_reads_the_nap_alike(
    handbook: tuple[subprocess.CompletedProcess[str], Path],
    spanish_handbook: tuple[subprocess.CompletedProcess[str], Path],
    tmp_path: Path,
    language: str,
) -> None:
    """The nap's queries on the index split into parts as a large handbook's is
    (tests/test_search_parts.py): each gets the notice the whole index gives (the
    harmless phrases a notice needs load with the query's words)."""
    result, html = handbook if language == "en" else spanish_handbook
    assert result.returncode == 0, result.stderr[-2000:]
    asked = list(dict.fromkeys(q for lang in ("es", "en") for q in PRIVO[lang]))
    found = compare_split_and_whole(html, language, asked, tmp_path)[2]
    split, whole = (
        {q["query"]: notice(q[key]["triage"]) for q in found} for key in ("split", "whole")
    )
    assert split == whole
    assert {q: whole[q][0] for q in PRIVO[language]} == PRIVO[language]


#: A baby in a hot car or too hot in the sun (s47, found by the lead): the car and the sun
#: were "surroundings", whose heat was taken for theirs, so "my baby was in the hot car"
#: got the worried parent's card alone. No source gives overheating a level: the illness
#: notice, which says to call the emergency number if it may be one. A floor's, a room's
#: or the weather's heat is still theirs, and a car seat or a toy car no car at all.
HEAT = {
    "en": {
        "my baby was in the hot car": UNWELL,
        "hot car": UNWELL,
        "baby got too hot in the sun": UNWELL,
        "my 4 month old was in the sun and is hot": UNWELL,
        "baby left in a hot car": EMERGENCY,
        "baby crawls on hot floor": NEITHER,
        "is the room too hot for my baby": NEITHER,
        "my baby hates the car seat": NEITHER,
        "baby plays with his toy car": NEITHER,
    },
    "es": {
        "mi bebé estuvo en el coche caliente": UNWELL,
        "mi bebé gatea en el suelo caliente": NEITHER,
        "mi bebé juega con su coche de juguete": NEITHER,
    },
}


#: A skill not done as it was (s47, found by the lead after helper 44's round): a past
#: word after a word of comparison ("like she used to", "like before", "como antes",
#: "como solía") now says "no longer" as "anymore" does. Before, "she doesnt babble like
#: she used to", "my baby doesnt sit up like before" and "she isnt babbling like she used
#: to" got the worried parent's card first and no lost skill among the first three;
#: "no balbucea como solía" none among the first three. Liking and sleep are no skill.
AS_BEFORE = {
    "en": {
        "she doesnt babble like she used to": True,
        "he doesnt crawl like he used to": True,
        "my baby doesnt sit up like before": True,
        "she isnt babbling like she used to": True,
        "baby not crawling like before": True,
        "baby doesnt like tummy time like he used to": False,
        "not sleeping like before": False,
    },
    "es": {
        "no gatea como antes": True,
        "no balbucea como solía": True,
        "no le gusta estar boca abajo como antes": False,
    },
}


#: "No come" (not eating) was matched by its words anywhere: "no gatea como antes"
#: (doesn't crawl as before) read "como" as "come" and got the illness notice. Now its
#: words in order; and "no quiere comer" (won't eat), which got none, as "wont eat" does.
EATING = {
    "es": {
        "no gatea como antes": NEITHER,
        "no se sienta como antes": NEITHER,
        "mi bebé no come": UNWELL,
        "no come nada": UNWELL,
        "no me come": UNWELL,
        "no quiere comer": UNWELL,
        "no está comiendo": UNWELL,
    },
}


#: Whether the lost skill comes first, per round of this file's queries.
LOST = {"alike-on-every-sphinx": LOST_FIRST, "not-done-as-it-was": AS_BEFORE}
#: The notice each query gets, per round.
NOTICES = {"nap-gone-without": PRIVO, "too-hot-in-a-car-or-the-sun": HEAT, "not-eating": EATING}


@pytest.mark.parametrize("asked", list(LOST.values()), ids=list(LOST))
def test_a_skill_lost_comes_first_as_asked(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, bool]]
) -> None:
    lost_first_as_asked(request, asked)


@pytest.mark.parametrize("asked", list(NOTICES.values()), ids=list(NOTICES))
def test_each_query_gets_its_notice(
    request: pytest.FixtureRequest, asked: dict[str, dict[str, str]]
) -> None:
    notices_are_as_asked(request, asked)
