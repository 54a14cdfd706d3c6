"""s45b: what the s45 round noticed and left alone, run on the built handbook's search
as tests/test_search_triage.py runs its queries (tests/js/triage.mjs): an age said in
two parts, a thing the baby stopped doing that is no skill, and a child older than
every entry (shared/EVIDENCE.md, "Acting on a concern", "Losing skills", "Babies born
early: corrected age").
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.test_hostile_parents_s45 import lost_first_as_asked
from tests.test_javascript import node
from tests.test_search_triage import UNWELL, YOUNG_FEVER, decided
from tests.test_search_triage import editions as editions  # the fixture

ROOT = Path(__file__).resolve().parent.parent

#: The page's reading of the age a query names, in months, on the built index.
AGE_OF = """
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const require = createRequire(import.meta.url);
const [script, scripts, out, language, asked] = process.argv.slice(1);
const { pageWindow } = await import(pathToFileURL(scripts).href);
const window = pageWindow(join(out, "crawl-searchindex.js"), join(out, "_static/language_data.js"));
const search = require(script)({ language, stemmer: () => window.Stemmer });
const ages = JSON.parse(asked).map((query) => search.queryAge(window.crawlSearchIndex, query));
process.stdout.write(JSON.stringify(ages.map((age) => (Number.isFinite(age) ? age : null))));
"""


def ages_read(out: Path, language: str, queries: list[str]) -> dict[str, float | None]:
    script = ROOT / "sphinx_crawl" / "static" / "crawl-search.js"
    scripts = ROOT / "tests" / "js" / "page-scripts.mjs"
    command = [node(), "--input-type=module", "-e", AGE_OF, str(script), str(scripts), str(out)]
    command.append(language)
    done = subprocess.run(
        [*command, json.dumps(queries)], capture_output=True, text=True, check=True
    )
    return {
        query: None if age is None else round(age, 2)
        for query, age in zip(queries, json.loads(done.stdout), strict=True)
    }


#: An age said in two parts is the whole age (before, the first part alone: 12 months
#: for "1 year 2 months", "1y 2m", "un año y medio"; "año y 3 meses" was a 3-month-old).
#: Held beside them: ages in weeks, how early a baby came (a gestation in weeks and
#: days too), a corrected age, "y" between two ages (Spanish "and"), and a year and
#: more months than a year (two ages, not one).
AGES = {
    "en": {
        "1 year 2 months not crawling": 14,
        "1y 2m": 14,
        "1 year, 2 months": 14,
        "a year and a half not walking": 18,
        "1 and a half years": 18,
        "one and a half year old": 18,
        "18 months and 2 weeks not walking": 18.46,
        "2 years and 1 month": 25,
        "my 6 week old wont lift his head": 1.38,
        "born 6 weeks early, now 9 months": 7.62,
        "born at 32 weeks and 3 days, now 10 months": 8.26,
        "10 months corrected 8 months not crawling": 8,
        "between 1 year and 18 months": 12,
    },
    "es": {
        "un año y medio no camina": 18,
        "año y medio": 18,
        "año y 3 meses no gatea": 15,
        "2 años y 1 mes": 25,
        "1 año y 2 meses": 14,
        "tiene 10 meses, edad corregida 8 meses, no gatea": 8,
        "entre 6 y 10 meses": 10,
        "nacio de 32 semanas y tiene 10 meses": 8.16,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_age_in_two_parts_is_read_whole(request: pytest.FixtureRequest, language: str) -> None:
    built = request.getfixturevalue("editions")
    assert ages_read(built[language], language, list(AGES[language])) == AGES[language]


#: The ranking by age: each two-part age ranks as the same age in one part (the first
#: entry, the worried parent's card aside), and not as its first part would (before: "a
#: year and a half not walking" put the card first, an unknown word "half"; "año y 3
#: meses no gatea" ranked as a 3-month-old's "When will my baby crawl forwards?").
SAME_AS = {
    "en": [
        ("a year and a half not walking", "18 months not walking"),
        ("1 and a half years not walking", "18 months not walking"),
        ("1 year 2 months not crawling", "14 months not crawling"),
    ],
    "es": [
        ("año y 3 meses no gatea", "15 meses no gatea"),
        ("un año y medio no camina", "18 meses no camina"),
    ],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_age_in_two_parts_ranks_as_that_age(
    request: pytest.FixtureRequest, language: str
) -> None:
    built = request.getfixturevalue("editions")
    asked = [query for pair in SAME_AS[language] for query in pair]
    found = decided(built[language], language, asked)
    first = {q: [i for i in found[q]["shown"] if i != "parent-worry"][:1] for q in asked}
    pairs = SAME_AS[language]
    assert {odd: first[odd] for odd, _ in pairs} == {odd: first[plain] for odd, plain in pairs}
    assert not [odd for odd, _ in pairs if found[odd]["shown"][:1] == ["parent-worry"]]


#: A fever in a child of 1 year 2 months is no fever under 3 months (before: the "2
#: months" were read alone, and the parent was told to call the doctor urgently as for
#: a baby under 3 months); a fever at 2 months still is, and "38 y 2 meses" too.
NOTICES = {
    "en": {
        "1 year 2 months fever": UNWELL,
        "1y 2m has a fever": UNWELL,
        "2 months fever": YOUNG_FEVER,
        "fever 2 years and 1 month": UNWELL,
    },
    "es": {
        "1 año y 2 meses con fiebre": UNWELL,
        "tiene 38 y 2 meses": YOUNG_FEVER,
        "fiebre 2 meses": YOUNG_FEVER,
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_fever_at_an_age_in_two_parts(request: pytest.FixtureRequest, language: str) -> None:
    built = request.getfixturevalue("editions")
    found = decided(built[language], language, list(NOTICES[language]))
    assert {q: found[q]["urgent"] for q in NOTICES[language]} == NOTICES[language]


#: A thing the baby stopped doing, or no longer likes, is no skill lost: "dejó de
#: llorar" (stopped crying), "dejó de comer" (stopped eating: its stem is that of the
#: "comando" of a belly crawl's title), "she doesn't like tummy time anymore" (before,
#: "Your baby loses a skill" came first for each). The skills said lost in earlier
#: rounds still get it first (s38, s44, s45: crawling, sitting, babbling, standing,
#: walking, rolling over, pulling up).
LOST_FIRST = {
    "en": {
        "she doesn't like tummy time anymore": False,
        "he doesnt like the play mat anymore": False,
        "doesnt crawl anymore": True,
        "no longer sits up": True,
        "has stopped babbling": True,
        "she stopped standing": True,
        "baby stopped walking": True,
        "baby stopped rolling": True,
        "baby stopped pulling up": True,
        "no more crawling": True,
    },
    "es": {
        "dejó de llorar": False,
        "dejó de comer": False,
        "dejó de gatear": True,
        "dejó de sentarse": True,
        "dejó de balbucear": True,
        "dejó de caminar": True,
        "dejó de darse la vuelta": True,
        "no gatea más": True,
    },
}


def test_a_thing_no_longer_done_is_no_skill_lost(request: pytest.FixtureRequest) -> None:
    lost_first_as_asked(request, LOST_FIRST)
