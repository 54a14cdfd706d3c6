"""s51: a scald said with the heat before what spilled is an injury; a kettle pulled over.

"spilled hot water on baby" and "poured hot water on baby" got no notice: heat said with
water (one of the notices' ``surroundings``) is read as the water's, not the baby's, and
"hot water spilled on baby" (s50) was the only order that got one. Heat said with a
spill that happened (``spilled`` intent words, in the past: "spilled", "poured";
"derramé") is now the baby's. A spill asked about ("can i pour warm water on baby"), or
said of no heat, is still neither.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hostile_parents_s38 import notices_are_as_asked
from tests.test_search_triage import NEITHER, UNWELL
from tests.test_search_triage import editions as editions  # the fixture

SCALDS = {
    "en": {
        "spilled hot water on baby": UNWELL,
        "poured hot water on baby by accident": UNWELL,
        "i spilt hot milk on my baby": UNWELL,
        "baby pulled the kettle over": UNWELL,
        "the kettle fell on my baby": UNWELL,
        "the bath was too hot": UNWELL,
        # Asked, not happened; or no heat said: no notice, as before.
        "can i pour warm water on baby": NEITHER,
        "is it ok to pour warm water over baby in bath": NEITHER,
        "floor too hot after spilling": NEITHER,
        "poured cold water on baby": NEITHER,
        "water too hot for tummy time?": NEITHER,
    },
    "es": {
        "mi bebé tiró la tetera": UNWELL,
        "se le cayó la tetera encima": UNWELL,
        "derramé café caliente sobre mi bebé": UNWELL,
        "mi bebé tiró el juguete": NEITHER,
    },
}


def test_a_scald_said_with_its_heat_first_gets_the_illness_notice(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    notices_are_as_asked(request, tmp_path, SCALDS)
