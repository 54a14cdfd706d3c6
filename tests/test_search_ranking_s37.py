"""A hostile reader's check (s37) of what the search puts first for a parent whose baby
is past the age a reassuring answer was written for, on the handbook as built.

A 14-month-old who only crawls backwards is past "usually normal before about one year":
the red flag for that age ("Still only backwards ... around one year", soon: book an
appointment) applies to them now (shared/EVIDENCE.md, "Acting on a concern": a missed
milestone or a concern should prompt action, not "wait and see"). Asked "is that
normal?", the search put "Usually, yes" and "My baby is 10 months ... Usually not"
first, and the red flag fourth or not at all. In Spanish, an age in years ("3 años")
found a tummy-time tip first for a 3-year-old who does not crawl.

The ranking is crawl-search.js's (rankEntries), outside this check's files: these
tests are expected to fail until it changes (see the report of s37), and then to pass
(strict: a pass is reported, so the mark is removed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_search_triage import decided, editions  # noqa: F401 (editions: the fixture)

#: (language, query) -> the entry that must come first.
PAST_THE_ANSWER = {
    ("en", "my baby is 14 months and only crawls backwards is that normal"): (
        "still-only-backwards-at-one-year"
    ),
    ("en", "is it normal for a 16 month old to crawl backwards"): (
        "still-only-backwards-at-one-year"
    ),
    ("en", "13 month old crawling backwards normal"): "still-only-backwards-at-one-year",
    ("es", "mi bebé tiene 14 meses y solo gatea hacia atrás, ¿es normal?"): (
        "still-only-backwards-at-one-year"
    ),
    ("es", "es normal que un bebé de 16 meses gatee hacia atrás"): (
        "still-only-backwards-at-one-year"
    ),
    ("es", "mi hijo de 3 años no gatea"): "no-movement-by-12-months",
    ("es", "tiene 2 años y no gatea"): "no-movement-by-12-months",
}


@pytest.mark.xfail(
    strict=True,
    reason="crawl-search.js rankEntries: an answer for a younger baby, and an age in "
    "years that few entries mention, outrank the sign that applies at the age asked",
)
def test_a_baby_past_the_reassuring_age_gets_the_sign_for_that_age_first(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    built = request.getfixturevalue("editions")
    firsts = {}
    for language in ("en", "es"):
        asked = [q for lang, q in PAST_THE_ANSWER if lang == language]
        for query, found in decided(built[language], language, asked, tmp_path).items():
            firsts[(language, query)] = found["ids"][:1]
    wrong = {key: ids for key, ids in firsts.items() if ids != [PAST_THE_ANSWER[key]]}
    assert not wrong, wrong
