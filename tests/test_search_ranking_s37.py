"""A hostile reader's check (s37) of what the search puts first for a parent whose baby
is past the age a reassuring answer was written for, on the handbook as built.

A 14-month-old who only crawls backwards is past "usually normal before about one year":
the red flag for that age ("Still only backwards ... around one year", soon: book an
appointment) applies to them now (shared/EVIDENCE.md, "Acting on a concern": a missed
milestone or a concern should prompt action, not "wait and see"). Asked "is that
normal?", the search put "Usually, yes" and "My baby is 10 months ... Usually not"
first, and the red flag fourth or not at all. In Spanish, an age in years ("3 años")
found a tummy-time tip first for a 3-year-old who does not crawl.

Mended in crawl-search.js's rankEntries: a sign whose age has come by the age asked
is not put below the answers for a question, and the answers (written for a younger
baby) go below it; the words that give the age ("3 años") are not words an entry
must have. For a backwards crawler past 12 months, either sign of that age may come
first (both say to book an appointment); never the answers that reassure.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from tests.test_search_triage import decided, editions  # noqa: F401 (editions: the fixture)

#: The signs that apply to a baby past 12 months who only crawls backwards.
BACKWARDS_SIGNS = frozenset({"still-only-backwards-at-one-year", "backwards-plus-other-delays"})
#: The signs that apply to a baby past 12 months who does not crawl.
NOT_CRAWLING_SIGNS = frozenset({"no-movement-by-12-months", "still-only-backwards-at-one-year"})
#: The answers that reassure (for a younger baby): never before those signs.
REASSURING = frozenset({"only-backwards-normal", "ten-months-still-backwards"})

#: (language, query) -> the entry that must come first (or one of these).
PAST_THE_ANSWER: dict[tuple[str, str], str | frozenset[str]] = {
    ("en", "my baby is 14 months and only crawls backwards is that normal"): BACKWARDS_SIGNS,
    ("en", "is it normal for a 16 month old to crawl backwards"): BACKWARDS_SIGNS,
    ("en", "13 month old crawling backwards normal"): BACKWARDS_SIGNS,
    ("es", "mi bebé tiene 14 meses y solo gatea hacia atrás, ¿es normal?"): (
        "still-only-backwards-at-one-year"
    ),
    ("es", "es normal que un bebé de 16 meses gatee hacia atrás"): (
        "still-only-backwards-at-one-year"
    ),
    # (Either is a sign of that age that says to see someone; not a tummy-time tip.)
    ("es", "mi hijo de 3 años no gatea"): NOT_CRAWLING_SIGNS,
    ("es", "tiene 2 años y no gatea"): NOT_CRAWLING_SIGNS,
}


def results(
    request: pytest.FixtureRequest,
    asked: Iterable[tuple[str, str]],
    listed: str = "ids",
) -> dict[tuple[str, str], list[str]]:
    """(language, query) -> the ids of the results, in order, on the built editions:
    as ranked (``ids``), or as the page lists them (``shown``: with the worried-parent
    card where a worry needs it)."""
    built = request.getfixturevalue("editions")
    found = {}
    for language in ("en", "es"):
        queries = [q for lang, q in asked if lang == language]
        for query, decision in decided(built[language], language, queries).items():
            found[(language, query)] = decision[listed]
    return found


def test_a_baby_past_the_reassuring_age_gets_the_sign_for_that_age_first(
    request: pytest.FixtureRequest,
) -> None:
    wrong = {}
    for key, ids in results(request, PAST_THE_ANSWER).items():
        expected = PAST_THE_ANSWER[key]
        first = ids[0] if ids else None
        ok = first in expected if isinstance(expected, frozenset) else first == expected
        signs = [i for i, n in enumerate(ids) if n in BACKWARDS_SIGNS]
        calm = [i for i, n in enumerate(ids) if n in REASSURING]
        if not ok or (signs and calm and min(calm) < max(signs)):
            wrong[key] = ids[:4]
    assert not wrong, wrong


#: What must keep coming first beside that rule (each went wrong in a version of it):
#: the answer for a baby still under the sign's age, a lost skill at any age, and a
#: sign the query names over one that only shares the age.
STILL_FIRST = {
    ("en", "my baby is 9 months and only crawls backwards is that normal"): (
        "only-backwards-normal"
    ),
    ("en", "my 8 month old crawls backwards"): "when-will-crawl-forwards",
    ("en", "my 15 month old stopped crawling"): "lost-skills",
    ("en", "my 11 month old used to crawl now he doesnt"): "lost-skills",
    ("en", "my 14 month old only uses one arm to crawl"): "one-side-weaker",
    ("en", "baby 13 months not crawling"): "no-movement-by-12-months",
    ("es", "mi bebé de 9 meses gatea hacia atrás, ¿es normal?"): "only-backwards-normal",
}


def test_younger_babies_lost_skills_and_named_signs_keep_their_first_result(
    request: pytest.FixtureRequest,
) -> None:
    found = results(request, STILL_FIRST)
    wrong = {key: ids[:3] for key, ids in found.items() if ids[:1] != [STILL_FIRST[key]]}
    assert not wrong, wrong


#: A baby born more than 3 weeks early, under 2 years: the ages in the handbook are
#: corrected ages (NHS, "Developmental age of babies born early"), so a 12-month-old born
#: 3 months early is ranked as a 9-month-old (s38; before, the one-year sign came first
#: and the answer on which age to use fourth). First: that answer, or the answer for the
#: corrected age; never the one-year signs.
FOR_THE_CORRECTED_AGE = frozenset(
    {"born-early-which-age", "ten-months-still-backwards", "only-backwards-normal"}
)
CORRECTED = (
    ("en", "my 12 month old was born 3 months early and only crawls backwards"),
    ("en", "12 month old born 8 weeks early not crawling"),
    ("es", "mi bebe de 12 meses nacio 3 meses antes y gatea hacia atras"),
    ("es", "bebe de 12 meses prematuro de 8 semanas no gatea"),
)


def test_a_baby_born_early_is_ranked_for_the_corrected_age(request: pytest.FixtureRequest) -> None:
    found = results(request, CORRECTED)
    wrong = {key: ids[:4] for key, ids in found.items() if ids[:1][0] not in FOR_THE_CORRECTED_AGE}
    assert not wrong, wrong
    ids = found[CORRECTED[0]]
    assert ids[0] == "born-early-which-age"
    sign = "still-only-backwards-at-one-year"
    assert ids.index("only-backwards-normal") < (ids.index(sign) if sign in ids else len(ids))


#: A worry that names nothing the handbook is about: the page lists where to get help
#: (the worried-parent card) first (s38). Before, "my baby is not ok" listed "Is it
#: OK?... Usually, yes" first, and "algo le pasa a mi bebé" a tip about cruising, with
#: the card third or not at all. A worry that names a topic keeps its answers first.
VAGUE_WORRIES = (
    ("en", "my baby is not ok"),
    ("en", "something is not right with my baby"),
    ("en", "im worried about my baby"),
    ("en", "my 10 month old is not ok"),
    ("es", "algo le pasa a mi bebe"),
    ("es", "creo que algo no va bien con mi bebe"),
    ("es", "estoy preocupada por mi bebe"),
    ("es", "mi bebe no esta bien"),
)
TOPIC_WORRIES = {
    ("en", "my baby is not crawling"): "parent-worry",
    ("en", "is my baby normal"): "parent-worry",
    ("es", "mi bebe no gatea"): "parent-worry",
}


def test_a_worry_that_names_no_topic_lists_where_to_get_help_first(
    request: pytest.FixtureRequest,
) -> None:
    found = results(request, [*VAGUE_WORRIES, *TOPIC_WORRIES], listed="shown")
    wrong = {key: ids[:3] for key in VAGUE_WORRIES if (ids := found[key])[:1] != ["parent-worry"]}
    assert not wrong, wrong
    # A worry about something the handbook covers: its answers and signs first.
    first = {key: found[key][:1] for key in TOPIC_WORRIES}
    assert all(ids != [TOPIC_WORRIES[key]] for key, ids in first.items()), first
