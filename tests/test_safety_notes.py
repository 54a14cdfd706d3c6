"""Every tip that puts a baby on the floor, on a prop, in a game or near food says how
to do it safely: a sourced "Safety:" line, in HTML, plain text, LaTeX and crawl.json."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_crawl.api import Handbook
from tests.build_utils import Project

#: Tips involving tummy time, props, walls or tunnels, undressing, sit-ups or food,
#: with a word their safety note must contain and a source it must rest on.
SAFETY = {
    "short-frequent-tummy-time": ("awake", "aap-back-to-sleep"),
    "prop-chest-on-towel": ("awake", "aap-back-to-sleep"),
    "corner-play-space": ("awake", "aap-back-to-sleep"),
    "tunnel-game": ("sight", "aap-back-to-sleep"),
    "toys-just-out-of-reach": ("awake", "aap-back-to-sleep"),
    "plenty-of-floor-time": ("awake", "aap-back-to-sleep"),
    "roll-side-to-side": ("awake", "aap-back-to-sleep"),
    "assisted-sit-ups": ("head steady", "cdc-milestones-4mo"),
    "airplane-game": ("head steady", "cdc-milestones-4mo"),
    "bare-knees-and-feet": ("warm", "sweetparent-back-crawling"),
    "skip-slippery-footies": ("warm", "sweetparent-back-crawling"),
    "favourite-food-lure": ("already eats", "parent-backwards-normal"),
}


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_such_tip_has_a_sourced_safety_note_in_crawl_json(content: Handbook) -> None:
    for tip_id, (words, source) in SAFETY.items():
        tip = content.entry(tip_id)
        assert words in tip.safety, tip_id
        assert source in tip.sources, tip_id


def test_the_note_is_a_distinct_labelled_line_on_the_card(
    handbook: tuple[subprocess.CompletedProcess[str], Path], content: Handbook
) -> None:
    for tip_id in SAFETY:
        tip = content.entry(tip_id)
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
    for tip_id in SAFETY:
        note = content.entry(tip_id).safety
        # LaTeX escapes punctuation; the note's first words come through as they are.
        first_words = " ".join(re.findall(r"[A-Za-z]+", note)[:4])
        assert re.search(r"Safety:\W*" + r"\W+".join(first_words.split()), written), (
            builder,
            tip_id,
        )
