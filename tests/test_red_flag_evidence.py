"""Every red flag's level, age and action trace to a sentence in a source it cites.

The table below is the evidence record: a new red flag, a changed level or age,
or a dropped source fails here until the table says which sentence supports it.
Where the source text is beside this clone (``../shared``), each sentence is
checked to be there word for word.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from sphinx_crawl.api import Handbook

SHARED = Path(__file__).resolve().parents[2] / "shared"

#: Which seed article each source key is (the five articles behind the handbook).
SEED_FILES = {
    "kc-lowdown": "000_",
    "baby-only-crawls-backwards": "001_",
    "pt-backward-first": "002_",
    "parent-backwards-normal": "003_",
    "sweetparent-back-crawling": "004_",
}


class Flag(NamedTuple):
    urgency: str
    age: str | None
    #: (source key, a sentence of that source) for the sign, its level and its action.
    evidence: tuple[tuple[str, str], ...]


CONSULT = (
    "baby-only-crawls-backwards",
    "consult your pediatrician or a physical therapist for evaluation",
)

EVIDENCE = {
    # Urgent: the one sign to act on the same day.
    "lost-skills": Flag(
        "urgent",
        None,
        (
            (
                "rcn-regression",
                "regression is when a child loses skills already learned, such as "
                "crawling, standing, walking or babbling; it can happen at any age and may "
                "be related to a serious medical condition.",
            ),
            (
                "rcn-regression",
                "It is not regression when a baby stops crawling because they now walk.",
            ),
            (
                "chq-regression",
                "loss of acquired skills is a reason for an urgent referral to a paediatric "
                "service",
            ),
            (
                "chq-regression",
                "So a parent who sees a skill lost should contact the doctor now, not wait.",
            ),
        ),
    ),
    "parent-worry": Flag(
        "soon",
        None,
        (
            (
                "pt-backward-first",
                "If you have questions or concerns about your child's health and/or "
                "development, please contact your pediatrician.",
            ),
            (
                "cdc-act-early",
                "if you are concerned about\n  your child's development, don't wait.",
            ),
            ("cdc-act-early", "contact the local early intervention program"),
        ),
    ),
    "no-movement-by-12-months": Flag(
        "soon",
        "by 12 months",
        (
            ("baby-only-crawls-backwards", "No attempt at any form of crawling by 12 months."),
            CONSULT,
        ),
    ),
    # Two sources, two levels: one card that says so and takes the safer level.
    "still-only-backwards-at-one-year": Flag(
        "soon",
        "by 12 months",
        (
            (
                "baby-only-crawls-backwards",
                "if your child shows no signs of advancing beyond this stage by around one "
                "year old\u2014or displays other concerning symptoms\u2014it\u2019s wise to seek "
                "professional advice promptly.",
            ),
            (
                "sweetparent-back-crawling",
                "if your baby is nearing 12 months and isn\u2019t showing any interest in moving "
                "toward a \u201cstanding\u201d or \u201ccruising\u201d phase, it\u2019s worth a "
                "mention at your next check-up.",
            ),
        ),
    ),
    "backwards-plus-other-delays": Flag(
        "soon",
        "10+ months",
        (
            (
                "baby-only-crawls-backwards",
                "If your baby is still primarily crawling backwards at 10 months, it\u2019s "
                "usually not a cause for concern. However, if you notice other developmental "
                "delays, consult your pediatrician for guidance and support.",
            ),
        ),
    ),
    "one-side-weaker": Flag(
        "soon",
        None,
        (
            (
                "baby-only-crawls-backwards",
                "Asymmetrical movements where one side is weaker consistently.",
            ),
            CONSULT,
        ),
    ),
    "stiff-limbs": Flag(
        "soon",
        None,
        (
            (
                "baby-only-crawls-backwards",
                "Tightness or stiffness in limbs indicating possible muscle issues.",
            ),
            (
                "sweetparent-back-crawling",
                "You should also reach out if you notice any persistent stiffness in their legs",
            ),
            CONSULT,
        ),
    ),
    "floppy-muscle-tone": Flag(
        "soon",
        None,
        (
            (
                "sweetparent-back-crawling",
                "You should also reach out if you notice any persistent stiffness in their legs "
                "or if they seem to have very \u201cfloppy\u201d muscle tone.",
            ),
        ),
    ),
    "cannot-bear-weight": Flag(
        "soon",
        None,
        (
            (
                "baby-only-crawls-backwards",
                "Persistent inability to bear weight on arms or legs.",
            ),
            CONSULT,
        ),
    ),
    "no-interest-in-moving": Flag(
        "soon",
        None,
        (
            ("baby-only-crawls-backwards", "Lack of interest in moving or exploring surroundings."),
            CONSULT,
        ),
    ),
}


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def source_text(key: str) -> str | None:
    """The text of a source, where it is beside this clone: a seed, or EVIDENCE.md."""
    prefix = SEED_FILES.get(key)
    if prefix is not None:
        found = sorted((SHARED / "seeds").glob(f"{prefix}*.txt"))
        return found[0].read_text(encoding="utf-8") if found else None
    evidence = SHARED / "EVIDENCE.md"
    return evidence.read_text(encoding="utf-8") if evidence.is_file() else None


def test_every_red_flag_has_an_evidence_record(content: Handbook) -> None:
    assert {flag.id for flag in content.entries_of("red-flag")} == set(EVIDENCE)


@pytest.mark.parametrize("flag_id", sorted(EVIDENCE))
def test_level_age_and_action_trace_to_a_cited_sentence(content: Handbook, flag_id: str) -> None:
    record = EVIDENCE[flag_id]
    flag = content.entry(flag_id)
    assert flag.urgency == record.urgency
    assert (flag.age.label if flag.age else None) == record.age
    assert flag.action
    for key, sentence in record.evidence:
        assert key in flag.sources, f"{flag_id} rests on {key!r} but does not cite it"
        text = source_text(key)
        if text is not None:
            assert normalise(sentence) in normalise(text), (flag_id, key)


def test_parent_worry_and_other_delays_are_soon_not_routine(content: Handbook) -> None:
    worry = content.entry("parent-worry")
    assert worry.urgency == "soon"
    assert worry.age is None
    assert "now" in worry.action
    assert "screening" in worry.action
    assert "early intervention" in worry.action
    assert content.entry("backwards-plus-other-delays").urgency == "soon"


def test_a_lost_skill_is_urgent_today_and_walking_is_not_a_lost_skill(
    content: Handbook,
) -> None:
    flag = content.entry("lost-skills")
    assert flag.urgency == "urgent"
    assert flag.age is None  # at any age
    assert "today" in flag.action
    assert "Don't wait" in flag.action
    assert re.search(r"stops crawling because they have started to walk", flag.text)
    for words in ("lost skills", "stopped crawling", "stopped babbling", "regression"):
        assert words in flag.keywords, words
    # The only urgent sign: the others stay 'soon' (see the table above).
    assert [f.id for f in content.entries_of("red-flag") if f.urgency == "urgent"] == [
        "lost-skills"
    ]


def test_cards_that_rest_on_sources_of_different_levels_say_so(content: Handbook) -> None:
    merged = content.entry("still-only-backwards-at-one-year")
    assert re.search(r"sources differ", merged.text, re.IGNORECASE)
    assert "safer" in merged.text


def test_no_two_cards_give_different_levels_for_the_same_sign(content: Handbook) -> None:
    """The same parent's words (keywords) must not lead to two levels."""
    level_of: dict[str, tuple[str, str]] = {}
    for flag in content.entries_of("red-flag"):
        for keyword in flag.keywords:
            seen = level_of.setdefault(keyword.lower(), (flag.id, flag.urgency))
            assert seen[1] == flag.urgency, (keyword, seen, flag.id)
