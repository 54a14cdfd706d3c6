"""A hostile reader's check (s38) of what a worried parent sees in the built handbook's
search: queries in parents' own words, English and Spanish, that got the wrong notice
or none (shared/EVIDENCE.md, "Emergencies", "Acting on a concern").

Run as tests/test_search_triage.py runs its queries (tests/js/triage.mjs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_search_triage import EMERGENCY, NEITHER, UNWELL, decided
from tests.test_search_triage import editions as editions  # the fixture


def _wrong(
    built: dict[str, Path], asked: dict[str, dict[str, str]], tmp_path: Path
) -> dict[tuple[str, str], str]:
    return {
        (language, query): found["urgent"]
        for language, expected in asked.items()
        for query, found in decided(built[language], language, list(expected), tmp_path).items()
        if found["urgent"] != expected[query]
    }


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


def test_a_parent_asking_how_to_resuscitate_is_told_to_call_now(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    wrong = _wrong(request.getfixturevalue("editions"), RESUSCITATION, tmp_path)
    assert not wrong, wrong
