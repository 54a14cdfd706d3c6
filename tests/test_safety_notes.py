"""Every tip that has the baby play or practise on the floor, on a prop or in a game
(``floor-play``), has the parent hold or move the baby (``hands-on``) or involves food
(``food``) says how to do it safely: a sourced "Safety:" line, in HTML, plain text,
LaTeX and crawl.json. Which tips those are comes from each tip's own ``activity`` in
crawl.json, not from a list kept here."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_crawl.api import Entry, Handbook
from tests.build_utils import Project

ACTIVITIES = {"floor-play", "hands-on", "food", "setup"}
NEEDS_SAFETY = {"floor-play", "hands-on", "food"}

#: What a tip's safety note must say, by its activity, and the source that says it:
#: play on the floor and hands-on help are for an awake, watched baby (AAP, "Back to
#: Sleep, Tummy to Play"). No source the handbook cites gives food-safety advice, so
#: a food tip has no default here and fails until its note and source are recorded.
NOTE_BY_ACTIVITY = {
    "floor-play": ("awake", "aap-back-to-sleep"),
    "hands-on": ("awake", "aap-back-to-sleep"),
}
#: Tips whose note rests on something else first, with its word and source.
NOTE_BY_TIP = {
    "tunnel-game": ("sight", "aap-back-to-sleep"),
    "take-a-video": ("watching", "aap-back-to-sleep"),
    "assisted-sit-ups": ("head steady", "cdc-milestones-4mo"),
    "airplane-game": ("head steady", "cdc-milestones-4mo"),
    # Setup tips need no note, but these two carry one: undressing on the floor.
    "bare-knees-and-feet": ("warm", "sweetparent-back-crawling"),
    "skip-slippery-footies": ("warm", "sweetparent-back-crawling"),
}


def tips(content: Handbook) -> list[Entry]:
    return list(content.entries_of("tip"))


def noted_tips(content: Handbook) -> list[Entry]:
    """The tips that carry a safety note (all that need one, and any other)."""
    return [tip for tip in tips(content) if tip.fields.get("safety")]


def test_every_tip_says_what_it_has_the_parent_do(content: Handbook) -> None:
    assert tips(content)
    for tip in tips(content):
        assert tip.fields.get("activity") in ACTIVITIES, tip.id


def test_every_floor_play_hands_on_or_food_tip_has_a_sourced_safety_note(
    content: Handbook,
) -> None:
    needing = [tip for tip in tips(content) if tip.fields["activity"] in NEEDS_SAFETY]
    # Most of the tips put the baby on the floor or in your hands.
    assert len(needing) >= 15
    for tip in needing:
        note = tip.fields.get("safety")
        assert note, f"{tip.id} is a {tip.fields['activity']} tip with no safety note"
        rule = NOTE_BY_TIP.get(tip.id) or NOTE_BY_ACTIVITY.get(tip.fields["activity"])
        assert rule is not None, f"{tip.id}: record which source its safety note rests on"
        word, source = rule
        assert word in note, (tip.id, word, note)
        assert source in tip.sources, f"{tip.id}'s safety note rests on {source!r}, not cited"


def test_every_recorded_note_is_on_its_tip(content: Handbook) -> None:
    for tip_id, (word, source) in NOTE_BY_TIP.items():
        tip = content.entry(tip_id)
        assert word in tip.fields.get("safety", ""), tip_id
        assert source in tip.sources, tip_id


def test_no_tip_suggests_eating_on_the_floor_or_soft_things_around_a_baby(
    content: Handbook,
) -> None:
    """Food during floor play is a choking risk that no source cited here covers, and
    cushions piled around a baby a suffocation risk: no tip suggests either."""
    for tip in tips(content):
        body = f"{tip.title} {tip.text}".lower()
        assert not re.search(r"\b(food|snack|eat|eats|eating|treat)\b", body), tip.id
        assert not re.search(r"\b(cushion|pillow)s?\b", body) or tip.id == "prop-chest-on-towel", (
            tip.id
        )


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_note_is_a_distinct_labelled_line_on_the_card(
    handbook: tuple[subprocess.CompletedProcess[str], Path], content: Handbook
) -> None:
    for tip in noted_tips(content):
        tip_id = tip.id
        page = BeautifulSoup(
            (handbook[1] / tip.url.split("#")[0]).read_text("utf-8"), "html.parser"
        )
        card = page.find(id=tip_id)
        line = card.find("p", class_="crawl-callout-safety")
        assert line is not None, tip_id
        # Read out with its label, in words: not an icon or a colour alone.
        assert squash(line.get_text()) == f"Safety: {tip.safety}"
        assert line.find_parent("article") is card


@pytest.mark.parametrize(("builder", "pattern"), [("text", "tips/*.txt"), ("latex", "*.tex")])
def test_the_note_is_in_text_and_latex_output(
    handbook_builds: Project,
    content: Handbook,
    builder: str,
    pattern: str,
) -> None:
    result, out = handbook_builds.build(builder)
    assert result.returncode == 0, result.stderr[-4000:]
    written = squash(" ".join(p.read_text("utf-8") for p in sorted(out.glob(pattern))))
    for tip in noted_tips(content):
        tip_id, note = tip.id, tip.safety
        # LaTeX escapes punctuation; the note's first words come through as they are.
        first_words = " ".join(re.findall(r"[A-Za-z]+", note)[:4])
        assert re.search(r"Safety:\W*" + r"\W+".join(first_words.split()), written), (
            builder,
            tip_id,
        )
