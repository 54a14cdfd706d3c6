"""An entry whose id a heading or a label on its page already has as its HTML anchor:
the warning says which heading or label has it and which anchor the entry gets, so the
author is not left looking for a second entry with that id (there is none)."""

from __future__ import annotations

from pathlib import Path

from tests.build_utils import Build, build

PAGE = """\
Crawling
========

.. tip-card:: A tip named like the page
   :id: crawling

   Body of the tip.

.. _floors:

Floors
------

.. tip-card:: A tip named like a label
   :id: floors

   Body of the second tip.

After the tips.
"""


def site_of(tmp_path: Path, page: str) -> Build:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\nproject = "P"\n', encoding="utf-8")
    (src / "index.rst").write_text(page, encoding="utf-8")
    return build(src)


def test_the_warning_names_the_heading_or_label_and_the_anchor(tmp_path: Path) -> None:
    site = site_of(tmp_path, PAGE)
    warnings = site.crawl_warnings("id")
    assert len(warnings) == 2, warnings
    heading, label = sorted(warnings, key=lambda w: int(w.split("index.rst:")[1].split(":")[0]))
    assert "index.rst:4:" in heading
    assert "the heading 'Crawling' has it" in heading
    assert "the entry's anchor is 'crawling-2'" in heading
    assert "index.rst:14:" in label
    assert "the label 'floors' has it" in label
    assert "the entry's anchor is 'floors-2'" in label
    # The entries are on the page under those anchors, and the rest of the page too.
    main = site.main("index")
    assert main.select_one("article#crawling-2") is not None
    assert main.select_one("article#floors-2") is not None
    assert "After the tips." in main.get_text()
    ids = {entry["id"]: entry["url"] for entry in site.crawl_json()["entries"]}
    assert ids == {"crawling": "index.html#crawling-2", "floors": "index.html#floors-2"}


def test_the_warning_names_the_entry_whose_title_has_the_anchor(tmp_path: Path) -> None:
    site = site_of(
        tmp_path,
        "Tips\n====\n\n.. tip-card:: Toys\n   :id: toys\n\n   One.\n\n"
        ".. tip-card:: Titles of toys\n   :id: toys-title\n\n   Two.\n",
    )
    assert site.crawl_warnings("id") == [
        "<src>/index.rst:9: WARNING: tip-card: id 'toys-title' is used twice on this page: "
        "the title of the entry 'toys' has it as its anchor, so the entry's anchor is "
        "'toys-title-2'; give the entry another :id: to keep its links the same [crawl.id]"
    ]
