"""s45: a hostile reader's round of parents' queries, English and Spanish, run on the
built handbook's search as tests/test_search_triage.py runs its queries
(tests/js/triage.mjs): what a frightened or worried parent sees first
(shared/EVIDENCE.md, "Emergencies", "Acting on a concern", "Losing skills", "Babies
born early: corrected age"). None is a case of the earlier rounds' tests; most held,
and say so, as the neighbours of those that did not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests import test_hostile_parents_s38 as s38
from tests.test_search_parts import compare_split_and_whole
from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture

#: Emergencies phrased oddly or misspelt, with emoji, run together with another
#: language, or inside a long, frightened message (NHS: stops breathing, will not wake
#: up, a fit; HSE: going blue around the lips): the call for an ambulance, held. Things
#: swallowed, burnt, drunk or fallen from, and "breathing funny": an injury or illness
#: the handbook does not cover, whom to call today with the emergency number beside
#: (no source here says more for a magnet or a battery), held. Worries the handbook does
#: not cover (a flat head, a tongue tie, a squint, reflux, hip clicks, vaccines,
#: teething) are no illness; nor a parent who stopped tummy time, or a baby who stopped
#: crying.
NOTICES = {
    "en": {
        "lips going blue": EMERGENCY,
        "baby going blue around mouth": EMERGENCY,
        "cant wake him": EMERGENCY,
        "cant wake her up": EMERGENCY,
        "he's fitting": EMERGENCY,
        "baby having a fit": EMERGENCY,
        "baby not breathing properly": EMERGENCY,
        "baby struggling to breathe": EMERGENCY,
        "babyy not breathin": EMERGENCY,
        "baby choking on grape": EMERGENCY,
        "😱 baby not breathing": EMERGENCY,
        "baby not breathing help 🚑": EMERGENCY,
        "bebe no respira help": EMERGENCY,
        (
            "my baby is blue and wont wake up please help what do i do im so scared she is "
            "7 months old and was crawling backwards on the rug then she went quiet and blue"
        ): EMERGENCY,
        "swallowed a magnet": UNWELL,
        "baby swallowed a button battery": UNWELL,
        "baby ate a battery": UNWELL,
        "burnt hand on oven": UNWELL,
        "breathing funny": UNWELL,
        "baby constipated": UNWELL,
        "baby drank bleach": UNWELL,
        "baby fell off sofa": UNWELL,
        "baby not feeding": UNWELL,
        "baby flat head": NEITHER,
        "tongue tie": NEITHER,
        "baby has a squint": NEITHER,
        "baby reflux": NEITHER,
        "hip clicks": NEITHER,
        "clicky hips": NEITHER,
        "vaccines": NEITHER,
        "teething": NEITHER,
        "stopped tummy time": NEITHER,
        "baby stopped crying": NEITHER,
        "👶 crawls backwards 🙃": NEITHER,
    },
    "es": {
        "conbulsiones": EMERGENCY,
        "tiene convulciones": EMERGENCY,
        "convulsiona": EMERGENCY,
        "no respira bien": EMERGENCY,
        "le cuesta respirar": EMERGENCY,
        "labios morados": EMERGENCY,
        "se le ponen los labios azules": EMERGENCY,
        "no se despierta": EMERGENCY,
        "no puedo despertarlo": EMERGENCY,
        "se atragantó con una uva": EMERGENCY,
        "se puso morado y no respira": EMERGENCY,
        "mi bebe no respira 😭😭": EMERGENCY,
        "no breathing bebé": EMERGENCY,
        "respira raro": UNWELL,
        "se tragó un imán": UNWELL,
        "se tragó una pila": UNWELL,
        "se quemó la mano con el horno": UNWELL,
        "estreñido": UNWELL,
        "se cayó de la cama": UNWELL,
        "tomó lejía": UNWELL,
        "cabeza plana": NEITHER,
        "frenillo": NEITHER,
        "bizco": NEITHER,
        "reflujo": NEITHER,
        "le suenan las caderas": NEITHER,
        "vacunas": NEITHER,
        "dejó la barriga abajo": NEITHER,
    },
}


def test_each_case_gets_its_notice(request: pytest.FixtureRequest) -> None:
    s38.notices_are_as_asked(request, NOTICES)


#: What comes first. A worry the handbook does not cover, a child older than every
#: entry (3 and 4 years), a 2-year-old who still bottom-shuffles ("is it ok": a
#: reassurance must not answer for a child past its age): where to get help (CDC "Act
#: Early": a concern is reason to ask now), held. A flat head (before: "Usually, yes",
#: the answer about back crawling, whose text says "feet flat... head first", came
#: first, the card second). A skill the baby had, said gone in words no list had ("no
#: more crawling", "doesn't crawl any more", "no gatea más": before, no lost skill first,
#: or none at all) is a lost skill (RCN, CHQ: contact the doctor now). A parent who
#: stopped tummy time, or a baby who stopped crying or eating, "dejó la barriga abajo",
#: is none (before, "Your baby loses a skill" came first, or second behind the card);
#: nor "no more than 5 minutes", "no gatea más que hacia atrás" (only backwards), nor
#: "no more" or "no longer" said of a thing ("no more tummy time", "no longer needs the
#: play mat"): a skill is read as gone only where what is no longer done is named.
FIRST = {
    "en": {
        "tongue tie": "parent-worry",
        "baby has a squint": "parent-worry",
        "baby reflux": "parent-worry",
        "hip clicks": "parent-worry",
        "vaccines": "parent-worry",
        "teething": "parent-worry",
        "baby flat head": "parent-worry",
        "baby has a flat spot on his head": "parent-worry",
        "my 3 year old still crawls backwards": "parent-worry",
        "4 year old doesnt walk": "parent-worry",
        "when will my 3 year old crawl forwards": "parent-worry",
        "is it ok that my 2 year old still bum shuffles": "parent-worry",
        "no more crawling": "lost-skills",
        "baby doesnt crawl any more": "lost-skills",
        "doesnt crawl anymore": "lost-skills",
        "no longer sits up": "lost-skills",
        "stopped sitting up": "lost-skills",
        "has stopped babbling": "lost-skills",
        "she stopped standing": "lost-skills",
        "stopped tummy time": "short-frequent-tummy-time",
        "we stopped tummy time because he hates it": "short-frequent-tummy-time",
        "stopped doing tummy time": "short-frequent-tummy-time",
        "no more than 5 minutes of tummy time": "short-frequent-tummy-time",
        "no more tummy time": "short-frequent-tummy-time",
        "no longer needs the play mat": "no-slide-zone",
        "baby stopped crying": "parent-worry",
        "baby stopped eating solids": "parent-worry",
        # Held: what the page is about still comes first.
        "feet flat": "scoots-on-back",
        "my baby only crawls backwards is that normal": "only-backwards-normal",
    },
    "es": {
        "frenillo": "parent-worry",
        "bizco": "parent-worry",
        "reflujo": "parent-worry",
        "vacunas": "parent-worry",
        "cabeza plana": "parent-worry",
        "mi hijo de 3 años gatea hacia atrás": "parent-worry",
        "tiene 4 años y no camina": "parent-worry",
        "es normal que con 2 años se arrastre sentado": "parent-worry",
        "no gatea más": "lost-skills",
        "ya no camina": "lost-skills",
        "dejó de sentarse": "lost-skills",
        "dejó de balbucear": "lost-skills",
        "dejó la barriga abajo": "short-frequent-tummy-time",
        "no más de 5 minutos boca abajo": "short-frequent-tummy-time",
    },
}


def first_shown(
    request: pytest.FixtureRequest, asked: Mapping[str, Mapping[str, object]]
) -> dict[tuple[str, str], str]:
    """The first entry the page lists for each edition's queries ({language: {query:
    ...}}), by (language, query)."""
    built = request.getfixturevalue("editions")
    return {
        (language, query): (found["shown"] or [""])[0]
        for language, queries in asked.items()
        for query, found in decided(built[language], language, list(queries)).items()
    }


def test_the_entry_for_what_is_asked_comes_first(request: pytest.FixtureRequest) -> None:
    first = first_shown(request, FIRST)
    assert first == {(lang, q): entry for lang, qs in FIRST.items() for q, entry in qs.items()}


#: Ages written as parents write them, each read as the same age in other words: "1y"
#: is a year as "2m" is months (before, "1y 2m not crawling" was read as a 2-month-old's
#: and put "Your baby loses a skill" second); a corrected age said beside the age from
#: birth is the age the handbook means (AAP, NHS: judge milestones by corrected age;
#: before, the age from birth was read, and the sign from 10 months came first for a
#: baby whose corrected age is 8 months). The first entry of each pair's first query
#: (the worried parent's card aside) is that of the second.
SAME_AS = {
    "en": [
        ("1y 2m not crawling", "1 year 2 months not crawling"),
        ("18 mths not walking", "18 months not walking"),
        ("14mo only crawls backwards", "14 months only crawls backwards"),
        ("10 months corrected 8 months not crawling", "8 months corrected not crawling"),
        (
            "my premature baby is 10 months, corrected 8 months, not crawling",
            "corrected 8 months not crawling",
        ),
        ("10 months old, 8 months corrected, not crawling", "8 months corrected not crawling"),
    ],
    "es": [
        ("tiene 10 meses, edad corregida 8 meses, no gatea", "edad corregida 8 meses no gatea"),
        ("10 meses, 8 meses corregidos, no gatea", "8 meses corregidos no gatea"),
    ],
}
#: The uncorrected ages, for which the sign from 10 months does come first (so the pairs
#: above can tell the two ages apart).
FROM_BIRTH = {"en": "10 months not crawling", "es": "10 meses no gatea"}
FROM_10_MONTHS = "backwards-plus-other-delays"


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_age_written_otherwise_ranks_as_that_age(
    request: pytest.FixtureRequest, language: str
) -> None:
    built = request.getfixturevalue("editions")
    pairs = SAME_AS[language]
    asked = [query for pair in pairs for query in pair] + [FROM_BIRTH[language]]
    found = decided(built[language], language, asked)
    ranked = {q: [i for i in found[q]["ids"] if i != "parent-worry"][:1] for q in asked}
    assert {odd: ranked[odd] for odd, _ in pairs} == {odd: ranked[plain] for odd, plain in pairs}
    assert ranked[FROM_BIRTH[language]] == [FROM_10_MONTHS]
    assert not [odd for odd, _ in pairs if "lost-skills" in found[odd]["shown"][:3]]


#: A skill said gone with a later one said begun: walking has taken over (RCN: no
#: regression when a baby stops crawling because they now walk). Before, "Your baby loses
#: a skill" (contact the doctor today) came first. The other way round (walking gone,
#: crawling again) is a skill lost, first as before. {query: the lost skill first}
LOST_FIRST = {
    "en": {
        "baby stopped crawling and started walking": False,
        "stopped crawling now walks": False,
        "doesnt crawl anymore because he walks now": False,
        "stopped walking now only crawls": True,
        "baby stopped walking and started crawling again": True,
        "baby stopped pulling up now crawling": True,
    },
    "es": {
        "dejó de gatear y ahora camina": False,
        "ya no gatea porque camina": False,
        "dejó de caminar y ahora gatea": True,
        "ya no camina, ahora gatea": True,
        # Only backwards ("no ... más que"): no skill gone.
        "no gatea más que hacia atrás": False,
    },
}


def lost_first_as_asked(
    request: pytest.FixtureRequest, asked: Mapping[str, Mapping[str, bool]]
) -> None:
    """Whether the lost skill comes first for each query is as asked ({language:
    {query: lost first}})."""
    first = first_shown(request, asked)
    lost = {key: entry == "lost-skills" for key, entry in first.items()}
    assert lost == {(lang, q): is_lost for lang, qs in asked.items() for q, is_lost in qs.items()}


def test_a_skill_taken_over_by_walking_is_no_skill_lost_but_the_reverse_is(
    request: pytest.FixtureRequest,
) -> None:
    lost_first_as_asked(request, LOST_FIRST)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_index_reads_a_skill_lost_alike(
    handbook: tuple[Any, Path],
    spanish_handbook: tuple[Any, Path],
    tmp_path: Path,
    language: str,
) -> None:
    """This round's queries about a skill gone, on the index split into parts as a
    large handbook's is (tests/test_search_parts.py): the same first entries as on the
    whole index. (Before the page loaded the entries' ages for them, "baby stopped
    crawling and started walking" got the lost skill first on a split index: no age
    told walking was the later skill.)"""
    result, html = handbook if language == "en" else spanish_handbook
    assert result.returncode == 0, result.stderr[-2000:]
    said_gone = re.compile(r"\b(stopped|more|longer|anymore|más|dejó|ya)\b")
    queries = [*filter(said_gone.search, FIRST[language]), *LOST_FIRST[language]]
    found = compare_split_and_whole(html, language, queries, tmp_path)[2]
    split, whole = ({q["query"]: q[key]["ids"][:2] for q in found} for key in ("split", "whole"))
    assert split == whole
    assert sum(ids[:1] == ["red-flags.html#lost-skills"] for ids in whole.values()) > 5
