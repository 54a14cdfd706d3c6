"""The companion's markup as built: the baby panel, tracker layouts and the summary,
their links kept exact by incremental builds, other builders, and authors' mistakes.
(Their behaviour in a browser is tested in tests/browser/test_companion.py.)"""

from __future__ import annotations

from pathlib import Path

from tests.build_utils import Build, build

CONF = 'extensions = ["sphinx_crawl"]\nexclude_patterns = ["_build"]\n'
INDEX = """Home
====

.. toctree::

   milestones
   tips
   tracker
   other
"""
MILESTONES = """Milestones
==========

.. milestone-table:: By age

   .. milestone:: Crawls on the belly
      :id: belly
      :age: 6-9 months
      :tags: crawling

      Tummy down.

   .. milestone:: Walks alone
      :id: walks
      :age: 8-18 months

      Steps.
"""
TIPS = """Tips
====

.. tip-card:: Toys just out of reach
   :id: toys
   :age: 6-10 months
   :tags: crawling

   Put a toy a little ahead.

.. tip-card:: Tummy time
   :id: tummy
   :age: 0-6 months

   Short and often.

.. tip-card:: Sing together
   :id: sing
   :age: 24-36 months

   Any song.
"""
TRACKER = """Tracker
=======

.. crawl-baby::

.. crawl-list::
   :type: milestone
   :layout: tracker
   :help: tip

.. crawl-list::
   :type: red-flag
   :layout: noticed
"""
OTHER = "Other\n=====\n\nNothing here.\n"


def project(root: Path, **pages: str) -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    defaults = {
        "index": INDEX,
        "milestones": MILESTONES,
        "tips": TIPS,
        "tracker": TRACKER,
        "other": OTHER,
    }
    for name, text in {**defaults, **pages}.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    return src


def baby_href(site: Build, page: str) -> str:
    form = site.soup(page).select_one("form.crawl-age-filter")
    assert form is not None, page
    return str(form["data-baby-href"])


def test_pages_with_ages_link_their_filter_to_the_baby_panel(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    for page in ("milestones", "tips"):
        form = site.soup(page).select_one("form.crawl-age-filter")
        assert form is not None
        assert form["data-baby-href"] == "tracker.html"
    panel = site.soup("tracker").select_one("form.crawl-baby")
    assert panel is not None
    assert panel.has_attr("hidden")  # until the script can keep what is typed
    assert panel.select_one("input[name=born][type=date]") is not None


def test_moving_the_panel_relinks_every_page_in_an_incremental_build(tmp_path: Path) -> None:
    src = project(tmp_path)
    first = build(src)
    assert baby_href(first, "tips") == "tracker.html"
    # The panel moves to "other"; the pages with ages are not edited themselves.
    (src / "tracker.rst").write_text(TRACKER.replace(".. crawl-baby::\n", ""), encoding="utf-8")
    (src / "other.rst").write_text(OTHER + "\n.. crawl-baby::\n", encoding="utf-8")
    again = build(src)
    assert {"milestones", "tips"} <= set(again.written)
    for page in ("milestones", "tips"):
        assert baby_href(again, page) == "other.html", page


def test_a_tracker_offers_yes_not_yet_not_sure_and_help_for_late_milestones(
    tmp_path: Path,
) -> None:
    site = build(project(tmp_path))
    items = site.soup("tracker").select("li.crawl-track-item")
    assert [i["data-crawl-track"] for i in items] == ["belly", "walks"]
    belly = items[0]
    assert [r["value"] for r in belly.select("input[type=radio]")] == ["yes", "not-yet", "not-sure"]
    assert belly["data-crawl-track-max"] == "9"
    # The tip sharing a tag and ages comes first; one for other ages only if it shares a tag.
    help_links = [a["href"] for a in belly.select(".crawl-track-help a")]
    assert help_links[0] == "tips.html#toys"
    assert "tips.html#sing" not in help_links
    # Help shows once the baby is past the window: what it offers is for a baby of the
    # age the window ends, not for a younger one (tummy time, 0-6 months, overlaps 6-9).
    assert "tips.html#tummy" not in help_links
    walks = items[1]
    assert walks.select(".crawl-track-help a") == []  # no tip for an 18-month-old
    assert "pediatrician" in walks.select_one(".crawl-track-help").get_text()
    # A group name for the choices, heard with the milestone's title.
    assert "Crawls on the belly" in belly.select_one("legend").get_text()


def test_other_builders_get_a_table_and_no_panel(tmp_path: Path) -> None:
    site = build(project(tmp_path), buildername="text")
    text = site.text("tracker.txt")
    assert "Crawls on the belly" in text
    assert "Date of birth" not in text
    assert not site.warnings()


def test_authors_mistakes_are_located_warnings(tmp_path: Path) -> None:
    tracker = (
        TRACKER
        + "\n.. crawl-summary::\n\n   Stray text.\n"
        + "\n.. crawl-list::\n   :type: milestone\n   :help: tip\n"
        + "\n.. crawl-list::\n   :type: milestone\n   :layout: tracker\n   :help: nonsense\n"
    )
    site = build(project(tmp_path, tracker=tracker))
    content = site.crawl_warnings("content")
    assert len(content) == 1
    assert "tracker.rst:" in content[0]
    assert "crawl-summary takes no content" in content[0]
    filters = site.crawl_warnings("filter")
    assert any(":help: is used by the tracker layout only" in w for w in filters), filters
    assert any("unknown :help: 'nonsense'" in w for w in filters), filters
    # The page is still written, with its tracker.
    assert site.soup("tracker").select("li.crawl-track-item")
