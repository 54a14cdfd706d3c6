"""The configuration reference is generated from the settings the extension registers:
it lists every ``crawl_*`` value, and each example it shows is accepted as written."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_crawl.config import SETTINGS, CrawlConfig


def registered_settings(tmp_path: Path) -> set[str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        return {value.name for value in app.config if value.name.startswith("crawl_")}
    finally:
        app.cleanup()


def test_the_reference_page_lists_every_crawl_setting(
    tmp_path: Path, handbook: tuple[subprocess.CompletedProcess[str], Path]
) -> None:
    registered = registered_settings(tmp_path)
    assert "crawl_import_sources" in registered
    assert "crawl_search_synonyms" in registered
    page = BeautifulSoup(
        (handbook[1] / "authoring" / "configuration.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    listed = {term["id"] for term in page.select("dl.crawl-config-reference dt[id]")}
    assert listed == registered
    for name in registered:
        term = page.find(id=name)
        assert "default" in term.get_text()
        definition = term.find_next_sibling("dd")
        assert len(definition.get_text(strip=True)) > 40, name  # says what it does
        assert name in definition.find("pre").get_text()  # and shows it set


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_each_example_is_accepted_without_a_warning(setting: object) -> None:
    example = setting.example  # type: ignore[attr-defined]
    tree = ast.parse(example)
    assert isinstance(tree.body[0], ast.Assign)
    value = ast.literal_eval(tree.body[0].value)
    checked = CrawlConfig.from_values({setting.name: value})  # type: ignore[attr-defined]
    assert checked.problems == ()
