"""Another extension that takes one of our directive names (sphinx-immaterial has its
own ``question``) is found and named, with the way out (issue 25): a located
``crawl.config`` warning, and ``crawl_directive_prefix`` to write ``crawl-question``.
The phone search box can be turned off where a theme keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build_utils import Build, build

#: An extension of the adopter's own that registers a plain ``question`` directive:
#: at setup (before or after sphinx_crawl) or late, at builder-inited.
OTHER = """
from docutils import nodes
from docutils.parsers.rst import Directive


class QuestionAdmonition(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self):
        return [nodes.note("", nodes.paragraph(text="Their question"))]


def setup(app):
    if WHEN == "setup":
        app.add_directive("question", QuestionAdmonition, override=True)
    else:
        app.connect("builder-inited", lambda app: app.add_directive(
            "question", QuestionAdmonition, override=True))
    return {"parallel_read_safe": True}
"""

PAGE = """\
Questions
=========

.. {name}:: Is crawling backwards normal?
   :id: backwards-normal

   Usually, yes.

.. {table}:: Steps

   .. {milestone}:: Pushes up
      :id: pushes-up
      :age: 4-6 months

      Lifts the head.

Text after.
"""


def project(tmp_path: Path, when: str, order: str, prefix: str | None, names: str = "") -> Path:
    src = tmp_path / "src"
    src.mkdir()
    # A module name of its own per test: Python keeps imported modules for good.
    module = f"their_questions_{abs(hash(str(tmp_path)))}"
    (src / f"{module}.py").write_text(OTHER.replace("WHEN", repr(when)), encoding="utf-8")
    extensions = ["sphinx_crawl", module]
    if order == "theirs-first":
        extensions.reverse()
    conf = f"import sys\nsys.path.insert(0, {str(src)!r})\nextensions = {extensions!r}\n"
    if prefix is not None:
        conf += f"crawl_directive_prefix = {prefix!r}\n"
    (src / "conf.py").write_text(conf, encoding="utf-8")
    name, table, milestone = (
        names.split() if names else ("question", "milestone-table", "milestone")
    )
    (src / "index.rst").write_text(
        PAGE.format(name=name, table=table, milestone=milestone), encoding="utf-8"
    )
    return src


@pytest.mark.parametrize("order", ["ours-first", "theirs-first"])
def test_a_name_another_extension_took_is_named_with_the_way_out(
    tmp_path: Path, order: str
) -> None:
    """Taken late (at builder-inited, after every setup), as such extensions do."""
    site = build(project(tmp_path, "builder-inited", order, None))
    said = site.crawl_warnings("config")
    assert len(said) == 1, site.warnings()
    assert "the directive 'question' belongs to their_questions_" in said[0]
    assert "(QuestionAdmonition), not sphinx_crawl" in said[0]
    assert "crawl_directive_prefix = 'crawl-'" in said[0]
    assert "'crawl-question'" in said[0]
    assert "conf.py:3:" in said[0]  # the extensions line
    assert "Text after." in site.main("index").get_text()


@pytest.mark.parametrize("order", ["ours-first", "theirs-first"])
def test_a_name_taken_at_setup_is_ours_again_and_sphinx_says_so(tmp_path: Path, order: str) -> None:
    """Entry directives are added once every setup has run: ours hold their names."""
    site = build(project(tmp_path, "setup", order, None))
    assert site.crawl_warnings() == []
    assert any("directive 'question' is already registered" in w for w in site.warnings())
    assert {e["id"] for e in site.crawl_json()["entries"]} == {"backwards-normal", "pushes-up"}


def test_with_the_prefix_the_entries_are_written_under_their_second_name(
    tmp_path: Path,
) -> None:
    src = project(
        tmp_path,
        "builder-inited",
        "ours-first",
        "crawl-",
        "crawl-question crawl-milestone-table crawl-milestone",
    )
    site: Build = build(src)
    said = site.crawl_warnings("config")
    # The clash is still said, with the name to write.
    assert len(said) == 1
    assert "write 'crawl-question' for ours" in said[0]
    ids = {entry["id"] for entry in site.crawl_json()["entries"]}
    assert ids == {"backwards-normal", "pushes-up"}
    main = site.main("index")
    assert main.find("article", id="backwards-normal") is not None
    assert main.find("tr", id="pushes-up") is not None


def test_the_prefix_is_checked(tmp_path: Path) -> None:
    src = project(tmp_path, "setup", "ours-first", "Crawl_")
    said = build(src).crawl_warnings("config")
    assert any("crawl_directive_prefix must be lowercase" in w for w in said), said


def test_no_warning_without_a_clash(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['sphinx_crawl']\n", encoding="utf-8")
    (src / "index.rst").write_text(
        PAGE.format(name="question", table="milestone-table", milestone="milestone"),
        encoding="utf-8",
    )
    site = build(src)
    assert site.warnings() == []
    # The phone search box is there by default...
    assert site.soup("index").find("form", class_="crawl-search-box") is not None


def test_the_phone_search_box_can_be_turned_off(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_crawl']\ncrawl_search_box = False\n", encoding="utf-8"
    )
    (src / "index.rst").write_text("Page\n====\n\nText.\n", encoding="utf-8")
    site = build(src)
    assert site.warnings() == []
    assert site.soup("index").find("form", class_="crawl-search-box") is None
