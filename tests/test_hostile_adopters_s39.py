"""What an independent check (helper s39) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix.

An EPUB is XHTML: a reader parses each page as XML, and a page that is not well-formed
is shown as an error, or not at all. The age filter's form was written as HTML only
(``<form hidden>``, ``<input ...>`` left open), so every EPUB page with an aged entry
(the handbook's milestones, red flags and four tips pages) was not XML.
"""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

from tests.build_utils import build, write_project

AGED_PAGE = """\
Crawling
========

.. tip-card:: Bare knees
   :age: 6-10 months

   Knees grip.

.. red-flag:: Not moving by 12 months
   :urgency: soon
   :age: by 12 months

   Ask.

.. milestone-table:: Getting around

   .. milestone:: Hands and knees
      :age: 8-10 months

      Rocks.

.. crawl-list:: Signs
   :type: red-flag
   :layout: checklist

.. crawl-list:: Tracker
   :type: milestone
   :layout: tracker

.. crawl-list:: Noticed
   :type: red-flag
   :layout: noticed

.. crawl-timeline::

Last paragraph.
"""


def test_every_epub_page_with_entries_is_well_formed_xhtml(tmp_path: Path) -> None:
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nversion = "1"\ncopyright = "2026"\n'
            'extensions = ["sphinx_crawl"]\n',
            "index.rst": AGED_PAGE,
        },
    )
    site = build(src, buildername="epub")
    assert site.crawl_warnings() == []
    pages = sorted(site.outdir.rglob("*.xhtml"))
    assert site.outdir / "index.xhtml" in pages
    for page in pages:
        xml.dom.minidom.parse(str(page))  # raises ExpatError where it is not XML
    index = (site.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert 'class="crawl-age-filter"' in index
    assert "Last paragraph." in index
