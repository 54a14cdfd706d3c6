"""What an independent check (helper s42) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix."""

from __future__ import annotations

import re
from pathlib import Path

from tests.build_utils import build, write_project

SINGLE_PAGE_CHECKLISTS = {
    "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
    "index.rst": "Home\n====\n\n.. toctree::\n\n   tips\n\n"
    ".. tip-card:: Home tip\n   :id: home-tip\n\n   Home.\n\n"
    ".. crawl-list:: All\n   :type: tip\n   :layout: checklist\n",
    "tips.rst": "Tips\n====\n\n.. tip-card:: Bare knees\n   :id: bare-knees\n\n   Knees.\n\n"
    ".. crawl-list:: Tips\n   :type: tip\n   :layout: checklist\n",
}


def test_a_single_page_s_checklists_keep_the_keys_their_ticks_were_saved_under(
    tmp_path: Path,
) -> None:
    """In the single HTML page, the ticks of a checklist written on another page than
    the root were kept under ``<root>:<item>`` (the page the parent has open) until
    commit 6c15e9a made lists link from the page they were written on: their keys
    became ``tips:<item>``, so every tick and note saved before no longer showed (and
    the baby's age, kept once per page, moved to the last list's page). The keys are
    the open page's again, as saved; the links still go from the page written on."""
    site = build(write_project(tmp_path / "src", SINGLE_PAGE_CHECKLISTS), buildername="singlehtml")
    html = site.text("index.html")
    keys = re.findall(r'data-crawl-key="([^"]*)"', html)
    # Written on tips (first in the single page, where the toctree is), then the root.
    assert keys == ["index:bare-knees", "index:home-tip", "index:bare-knees-2", "index:home-tip-2"]
    tools = r'class="crawl-checklist-tools crawl-checklist-top"[^>]*data-page="([^"]*)"'
    assert set(re.findall(tools, html)) == {"index"}  # the baby's age, kept once per page
    # The links from each list still land on the entries.
    links = re.findall(r'class="crawl-check-link reference internal" href="([^"]*)"', html)
    assert links == ["#bare-knees", "#home-tip"] * 2
    # A page of its own, as always.
    pages = build(write_project(tmp_path / "html", SINGLE_PAGE_CHECKLISTS))
    assert re.findall(r'data-crawl-key="([^"]*)"', pages.text("tips.html")) == [
        "tips:bare-knees",
        "tips:home-tip",
    ]
