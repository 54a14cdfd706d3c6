"""What an independent check (helper s41) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.build_utils import adopter_conf, adopter_site, build, write_project

LINKED_PAGES = {
    "conf.py": adopter_conf(),
    "index.rst": "Home\n====\n\n.. toctree::\n\n   tips\n   flags\n\n"
    ".. tip-card:: Home tip\n   :id: home-tip\n\n   Home.\n\n"
    ".. crawl-list:: Everything\n   :type: tip\n",
    "tips.rst": "Tips\n====\n\n.. tip-card:: Bare knees\n   :id: bare-knees\n"
    "   :helps: hands-knees\n\n   Knees.\n\n.. milestone-table:: Moving\n\n"
    "   .. milestone:: Hands and knees\n      :id: hands-knees\n      :age: 8-10 months\n\n"
    "      Rocks.\n\nSee :crawl:tip:`home-tip` and :crawl:milestone:`hands-knees`.\n",
    "flags.rst": "Flags\n=====\n\n.. red-flag:: Not moving\n   :id: not-moving\n"
    "   :urgency: soon\n   :see: bare-knees, hands-knees\n\n   Ask.\n\n"
    ".. crawl-list:: Tips\n   :type: tip\n",
}


def test_every_link_to_an_entry_in_a_pdf_leads_to_it(tmp_path: Path) -> None:
    """A PDF reader clicking an entry in a list, a "See also" line or a ``crawl`` role
    went nowhere: LaTeX gives no label to an admonition's or a table row's ids, so every
    link to an entry was an undefined reference (and a list on one page linking an
    entry of the root page was written as an anchor of its own page). Each now has its
    label, on the page it is on."""
    site = build(write_project(tmp_path / "src", LINKED_PAGES), buildername="latex")
    tex = next(site.outdir.glob("*.tex")).read_text(encoding="utf-8")
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    links = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex)
    entries = {"index:home-tip", "tips:bare-knees", "tips:hands-knees", "flags:not-moving"}
    assert entries <= labels
    assert {"index:home-tip", "tips:bare-knees", "tips:hands-knees"} <= set(links)
    assert [link for link in links if link not in labels] == []
    assert site.crawl_warnings() == []


SHARED_KEYS = """\
crawl_sources = {
    "nhs": {"title": "Baby development", "publisher": "NHS"},
    "aap": {"title": "Crawling", "publisher": "AAP"},
}
crawl_search_synonyms = {
    "aap": ["pediatricians"],
}
crawl_tag_labels = {
    "sleep": "Sleep",
    "nhs": "",
    "aap": 3,
}
"""


def test_a_setting_s_key_is_found_in_that_setting_not_in_another(tmp_path: Path) -> None:
    """A key that another setting also names (a tag named as a source, say) was
    located at the first line quoting it in conf.py: the author was sent to
    crawl_sources for a problem in crawl_tag_labels. Each is now located inside its
    own setting."""
    site = adopter_site(tmp_path, "Home\n====\n", settings=SHARED_KEYS)
    assert site.crawl_warnings() == [
        "<src>/conf.py:12: WARNING: crawl_tag_labels['nhs'] must be a label (text) [crawl.config]",
        "<src>/conf.py:13: WARNING: crawl_tag_labels['aap'] must be a label (text) [crawl.config]",
    ]


RED_FLAG_PAGE = """\
Signs
=====

.. red-flag:: Not moving
   :urgency: soon
   :age: by 12 months
   :see: hands-knees

   Ask.

.. milestone-table:: Moving

   .. milestone:: Hands and knees
      :id: hands-knees
      :age: 8-10 months

      Rocks.
"""


@pytest.mark.parametrize(("language", "english"), [("ja", True), ("es", False), ("en", False)])
def test_the_extension_s_english_words_on_a_page_of_another_language_are_marked_english(
    tmp_path: Path, language: str, english: bool
) -> None:
    """A handbook in Japanese (a language the package has no words for: the
    crawl.language warning says they show in English) had its red flag's spoken level
    "Advice to act soon:", its badge and "What to do:" in English on a page whose
    ``lang`` is ``ja``: a screen reader spoke them with a Japanese voice, so the
    urgency a parent must understand came out garbled (and so did the labels of its
    links, "See also:", and the milestone table's column headings). They now say they
    are English (``lang="en"``); the author's own words keep the page's language."""
    site = adopter_site(tmp_path, RED_FLAG_PAGE, language=language)
    page = site.soup("index")
    entry = page.find("article", id="not-moving")
    assert entry is not None
    prefix = entry.select_one(".crawl-visually-hidden")
    badge = entry.select_one(".crawl-badge")
    label = entry.select_one(".crawl-callout-action strong")
    form = page.select_one("form.crawl-age-filter")
    see_also = entry.select_one(".crawl-relation-see strong")
    headings = page.select_one("table.crawl-milestone-table thead")
    related = page.select_one("tr#hands-knees .crawl-related-by-see strong")
    parts = (prefix, badge, label, form, see_also, headings, related)
    marked = [part.get("lang") for part in parts]
    assert marked == (["en"] * len(parts) if english else [None] * len(parts))
    # The author's words are in the page's language.
    assert entry.find("h2").get("lang") is None
    assert entry.select_one(".crawl-entry-body").get("lang") is None


MILESTONES_IN_ONLY = """\
Moving
======

.. milestone-table:: Getting around

   .. milestone:: Sits without support
      :id: sits
      :age: 6-8 months

      Sits.

   .. only:: extra

      .. milestone:: Crawls on hands and knees
         :id: hands-knees
         :age: 8-10 months

         Rocks.

Last paragraph.
"""


@pytest.mark.parametrize("tags", [[], ["extra"]])
def test_a_milestone_inside_only_in_a_table_is_a_row_of_the_builds_it_belongs_to(
    tmp_path: Path, tags: list[str]
) -> None:
    """Entries inside ``only`` belong to the builds whose tags make it true (the
    directives page says so), but a milestone inside ``only`` in a milestone table was
    "only milestone entries belong in the table" (it is one) and shown as a card after
    the table. It is now the table's row, in the builds it belongs to."""
    site = adopter_site(tmp_path, MILESTONES_IN_ONLY, tags=tags)
    assert site.crawl_warnings() == []
    main = site.main("index")
    rows = [row.get("id") for row in main.select("table.crawl-milestone-table tbody tr")]
    assert rows == (["sits", "hands-knees"] if tags else ["sits"])
    assert main.select("article") == []  # no card after the table
    assert [e["id"] for e in site.crawl_json()["entries"]] == rows
    assert "Last paragraph." in main.get_text()


def test_an_id_too_long_is_said_to_be_too_long(tmp_path: Path) -> None:
    """A well-formed id past 80 characters was "is not a lowercase slug" (it is one),
    with the whole id written twice in the warning (10,000 characters made a warning
    of 20,000). The warning now says the id is too long, how long, and which id is
    used; the entry keeps its first 80 characters as its id."""
    long_id = "baby-pushes-backwards-" + "really-" * 20 + "far"
    page = f"Ids\n===\n\n.. tip-card:: Long\n   :id: {long_id}\n\n   Body.\n\nLast paragraph.\n"
    site = adopter_site(tmp_path, page)
    used = long_id[:80].rstrip("-")
    assert site.crawl_warnings() == [
        f"<src>/index.rst:4: WARNING: tip-card: id {long_id[:80]!r}... is {len(long_id)} "
        f"characters long, more than the 80 an id may have; using its first {len(used)} "
        "[crawl.id]"
    ]
    assert [e["id"] for e in site.crawl_json()["entries"]] == [used]
    assert "Last paragraph." in site.main("index").get_text()


def test_an_entry_in_rst_epilog_is_located_in_rst_epilog_not_a_made_up_file(
    tmp_path: Path,
) -> None:
    """An entry in ``rst_epilog`` (a red flag at the foot of every page) is on every
    page: the warnings about its id named a file that does not exist,
    ``<src>/../<rst_epilogue>``, as if it were a file next to the project. They now name
    it as docutils does, ``<rst_epilogue>``, and the page it was added to."""
    epilog = (
        'rst_epilog = """\n.. red-flag:: Stops breathing\n   :urgency: urgent\n\n'
        '   Call the emergency number.\n"""\n'
    )
    site = adopter_site(
        tmp_path,
        "Home\n====\n\n.. toctree::\n\n   other\n",
        settings=epilog,
        pages={"other.rst": "Other\n=====\n\nText.\n"},
    )
    [warning] = site.crawl_warnings()
    name = warning.split(":", 1)[0]  # Sphinx 8.0 says <rst_epilog>, 9 <rst_epilogue>
    assert name in ("<rst_epilog>", "<rst_epilogue>")
    assert warning == (
        f"{name}:2: WARNING: red-flag: this title makes the id 'stops-breathing', "
        f"which the entry at {name}:2 (included in <src>/index.rst) has; this entry "
        "is known as 'stops-breathing-other' until you give it an id of its own: add "
        "':id: stops-breathing-other' (or another) [crawl.id]"
    )
    assert [e["id"] for e in site.crawl_json()["entries"]] == [
        "stops-breathing",
        "stops-breathing-other",
    ]
