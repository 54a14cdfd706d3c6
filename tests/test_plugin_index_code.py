"""A content type's index code (``IndexSpec``) is plugin code too: a ``group_by`` that
returns a group key that cannot be one (a list, a dict) is a located ``crawl.plugin``
warning and the entry goes under "Other", never a traceback that stops the build; what
``group_by`` changes in the entry it is given stays out of the pages and crawl.json; and
the index's names (localname, shortname) are text in the HTML, never markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build_utils import Build, build

PLUGINS = Path(__file__).parent / "plugins"

PAGE = """\
Gizmos
======

.. gizmo-card:: Gizmo with a list key
   :id: gizmo-list-key
   :mood: calm
   :tags: play

   Body one.

.. gizmo-card:: Gizmo with a dict key
   :id: gizmo-dict-key
   :mood: calm
   :tags: play

   Body two.

.. gizmo-card:: Gizmo fine
   :id: gizmo-fine
   :mood: lively
   :tags: play

   Body three.

.. crawl-list::
   :type: gizmo
   :layout: cards
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = tmp_path_factory.mktemp("index-code") / "src"
    src.mkdir()
    # classic shows the indices' short names as header links on every page.
    (src / "conf.py").write_text(
        'extensions = ["crawl_meddler"]\nproject = "Index code"\nhtml_theme = "classic"\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text(PAGE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS))
        return build(src)


def test_a_key_that_cannot_be_one_is_a_located_warning(site: Build) -> None:
    warnings = site.crawl_warnings("plugin")
    for entry_id, kind in (("gizmo-list-key", "list"), ("gizmo-dict-key", "dict")):
        line = PAGE.splitlines().index(f"   :id: {entry_id}")  # the directive's line
        found = [w for w in warnings if f"index.rst:{line}:" in w]
        assert len(found) == 1, warnings
        assert "'gizmo' content type's index group_by" in found[0]
        assert "cannot be one" in found[0]
        assert kind in found[0]
    assert "Traceback" not in "\n".join(site.warnings())


def test_the_index_lists_every_entry(site: Build) -> None:
    index = site.soup("crawl-gizmos")
    names = [code.get_text() for code in index.select("table.indextable code")]
    assert sorted(names) == ["Gizmo fine", "Gizmo with a dict key", "Gizmo with a list key"]
    headings = [cap.get_text(strip=True) for cap in index.select("tr.cap")]
    assert "Other" in headings
    assert "lively" in headings


def test_what_group_by_changes_stays_out_of_pages_and_json(site: Build) -> None:
    entries = {entry["id"]: entry for entry in site.crawl_json()["entries"]}
    for entry_id, title in (
        ("gizmo-fine", "Gizmo fine"),
        ("gizmo-list-key", "Gizmo with a list key"),
    ):
        assert entries[entry_id]["title"] == title
        assert entries[entry_id]["tags"] == ["play"]
        assert entries[entry_id]["mood"] != "changed"
    for page in ("index", "crawl-gizmos"):
        assert "CHANGED BY GROUP_BY" not in site.text(f"{page}.html")


def test_index_names_are_text_in_the_html(site: Build) -> None:
    for page in ("index", "crawl-gizmos"):
        html = site.text(f"{page}.html")
        assert '<script>alert("index")' not in html, page
    index = site.soup("crawl-gizmos")
    assert index.h1 is not None
    assert index.h1.get_text() == '<script>alert("index")</script>'
    assert index.title is not None
    assert index.title.get_text().startswith('<script>alert("index")')
    header_link = site.soup("index").select_one('div.related a[href="crawl-gizmos.html"]')
    assert header_link is not None
    assert header_link.get_text() == '<script>alert("index")</script>'


def test_what_a_badge_changes_in_its_fields_stays_out_of_json(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["crawl_meddler"]\nproject = "B"\n', "utf-8")
    (src / "index.rst").write_text(
        "Gizmos\n======\n\n.. gizmo-card:: Meddled\n   :id: meddled\n   :mood: meddle\n\n"
        "   Body.\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS))
        site = build(src)
    (entry,) = site.crawl_json()["entries"]
    assert entry["mood"] == "meddle"
