"""sphinx-crawl patches nothing of Sphinx's (issue 26): it reaches its results through
Sphinx's events and public API, so a method Sphinx renames or a translator a theme or
project sets cannot silently undo them.

* No method of the builder is replaced (quiet no-op rebuilds did that with eight).
* No node visitor of docutils is replaced: toctree captions get their ``aria-level``
  from a subclass of the translator in use, set with ``app.set_translator``, which
  writes every title, captions included, as that translator does.
* The project's ``html_static_path`` is not edited.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import build

INDEX = (
    "Home\n====\n\n.. toctree::\n   :caption: Contents\n\n   other\n\n"
    ".. toctree::\n   :caption: More <things>\n\n   third\n\n"
    ".. note:: A note\n\n   with a title of its own.\n\n"
    ".. tip-card:: A tip\n   :id: a-tip\n\n   Try it.\n"
)


def project(root: Path, conf: str = "") -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n' + conf, encoding="utf-8")
    (src / "index.rst").write_text(INDEX, encoding="utf-8")
    (src / "other.rst").write_text("Other\n=====\n\nText.\n", encoding="utf-8")
    (src / "third.rst").write_text("Third\n=====\n\nText.\n", encoding="utf-8")
    return src


def captions(html: str) -> list[Any]:
    return BeautifulSoup(html, "html.parser").find_all("p", class_="caption")


def test_no_method_of_the_builder_is_replaced(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    again = build(site.srcdir)  # a rebuild with nothing to do
    for result in (site, again):
        replaced = [
            name
            for name, value in vars(result.app.builder).items()
            if isinstance(value, (types.FunctionType, types.MethodType))
        ]
        assert replaced == []


def test_no_node_visitor_of_docutils_is_replaced(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    handlers = site.app.registry.translation_handlers
    assert not [name for visitors in handlers.values() for name in visitors if name == "title"]


RECORD_STATIC_PATH = """
html_static_path = ["_static"]

def setup(app):
    def record(app, config):
        with open("seen-static-path.txt", "a", encoding="utf-8") as seen:
            seen.write(repr(list(config.html_static_path)) + "\\n")

    app.connect("config-inited", record, priority=999)  # after every extension's
"""


def test_html_static_path_is_as_the_project_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = project(tmp_path, RECORD_STATIC_PATH)
    (src / "_static").mkdir()
    monkeypatch.chdir(tmp_path)
    build(src)
    assert (tmp_path / "seen-static-path.txt").read_text("utf-8") == "['_static']\n"


@pytest.mark.parametrize(
    ("theme", "builder"),
    [
        *[
            (theme, "html")
            for theme in (
                "alabaster",
                "furo",
                "pydata_sphinx_theme",
                "sphinx_rtd_theme",
                "sphinx_book_theme",
            )
        ],
        # pydata-sphinx-theme and sphinx-book-theme show no captions on the one page.
        ("alabaster", "singlehtml"),
        ("furo", "singlehtml"),
    ],
)
def test_toctree_captions_have_a_level_in_every_theme(
    tmp_path: Path, theme: str, builder: str
) -> None:
    """In the page and in the theme's navigation (rendered by the translator outside any
    page's doctree), every caption is a heading of level 2, written once; every other
    title is the theme's."""
    pytest.importorskip(theme)
    site = build(project(tmp_path), buildername=builder, confoverrides={"html_theme": theme})
    html = site.text("index.html")
    found = captions(html)
    assert found, theme
    for caption in found:
        assert caption.get("role") == "heading"
        assert caption.get("aria-level") == "2"
    assert html.count("aria-level=") == len(found)  # once each, and on nothing else
    texts = {caption.get_text(" ", strip=True) for caption in found}
    assert texts == {"Contents", "More <things>"}
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(class_="admonition-title").get_text() == "Note"
    assert soup.find("h1").get_text().startswith("Home")


TRANSLATOR = """
from sphinx.writers.html5 import HTML5Translator

class Marked(HTML5Translator):
    def visit_title(self, node):
        super().visit_title(node)
        self.body.append('<span class="marked"></span>')

def setup(app):
    app.set_translator("html", Marked)
"""


def test_a_translator_the_project_sets_writes_the_captions_too(tmp_path: Path) -> None:
    """The project's translator writes every title, toctree captions included (before,
    sphinx-crawl wrote captions itself and skipped it); the caption still gets its level."""
    site = build(project(tmp_path, TRANSLATOR))
    html = site.text("index.html")
    found = captions(html)
    assert found
    for caption in found:
        assert caption.get("aria-level") == "2"
        assert caption.find("span", class_="marked") is not None
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").find("span", class_="marked") is not None
