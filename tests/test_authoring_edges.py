"""Authoring slips get a located warning that says what was made of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build_utils import Build, build

RST_PAGE = (
    "Edges in rST\n============\n\n.. tip-card:: Two ages in rST\n   :id: two-ages-rst\n"
    "   :age: 4-6 months\n   :source: kc\n   :age: 6-9 months\n\n   Body.\n\n"
    ".. tip-card:: \\\n   :id: backslash\n   :source: kc\n\n   Body.\n"
)

PAGE = (
    "# Edges\n\n```{toctree}\nrst-edges\n```\n\n"
    ":::{tip-card} Pasted from a word processor\n:id: pasted\n:age: 6-9 months\n"
    ":tags: floor\u2028play\n:source: kc\n\nBody.\n:::\n\n"
    ":::{tip-card} Two ages\n:id: two-ages\n:age: 4-6 months\n:age: 6-9 months\n"
    ":source: kc\n\nBody.\n:::\n\n"
    ":::{crawl-list} Empty filters\n:tags:\n:type:\n:::\n\n"
    ":::{tip-card} Bell\x07 and esc\x1b[31m red\n:id: controls\n:tags: t\x08x\n:source: kc\n\n"
    "Body\x07 text.\n:::\n\n"
    ":::{tip-card} \u200b\ufeff\n:id: invisible\n:source: kc\n\nBody.\n:::\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = Path(tmp_path_factory.mktemp("edges")) / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'crawl_sources = {"kc": {"title": "KC", "author": "KC"}}\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    (src / "rst-edges.rst").write_text(RST_PAGE, encoding="utf-8")
    return build(src)


def line(site: Build, text: str) -> int:
    lines = (site.srcdir / "index.md").read_text(encoding="utf-8").split("\n")
    return next(n for n, value in enumerate(lines, 1) if text in value)


def test_a_line_separator_in_an_option_line_is_named(site: Build) -> None:
    # MyST ends the options at U+2028: the author is told which line, and why the
    # source went missing from the card.
    (warning,) = [w for w in site.crawl_warnings("option") if "line separator" in w]
    assert warning.startswith(f"<src>/index.md:{line(site, 'Pasted from')}: ")
    assert ":tags:" in warning


def test_an_option_given_twice_is_named_and_the_last_is_used_in_both_syntaxes(
    site: Build,
) -> None:
    # docutils used to stop with an error and drop the whole entry; MyST kept the last
    # value without a word. Both now warn at the entry and keep the last value.
    md, rst = sorted(w for w in site.crawl_warnings("option") if "given twice" in w)
    assert md.startswith(f"<src>/index.md:{line(site, 'Two ages')}: ")
    assert rst.startswith("<src>/rst-edges.rst:4: ")
    assert [w for w in site.warnings() if "duplicate option" in w] == []
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert entries["two-ages"]["age"]["label"] == "6-9 months"
    assert entries["two-ages-rst"]["age"]["label"] == "6-9 months"
    assert entries["two-ages-rst"]["sources"] == ["kc"]


def test_an_empty_filter_is_named(site: Build) -> None:
    warnings = [w for w in site.crawl_warnings("filter") if "is empty" in w]
    assert len(warnings) == 2
    at = f"<src>/index.md:{line(site, 'Empty filters')}: "
    assert all(w.startswith(at) for w in warnings), warnings


def test_control_characters_are_named_and_read_as_spaces(site: Build) -> None:
    """s54: a bell or an escape typed in an entry went into crawl.json (which the
    extension's own import refuses) and an EPUB's heading (then no XML), unsaid."""
    (warning,) = [w for w in site.crawl_warnings("content") if "control characters" in w]
    assert warning.startswith(f"<src>/index.md:{line(site, 'Bell')}: ")
    assert "U+0007, U+0008, U+001B" in warning
    entry = {e["id"]: e for e in site.crawl_json()["entries"]}["controls"]
    assert entry["title"] == "Bell and esc [31m red"
    assert entry["tags"] == ["t x"]
    assert "\x07" not in site.text("index.html")
    assert "\x1b" not in site.text("crawl.json")


def test_a_title_that_shows_nothing_is_no_title(site: Build) -> None:
    """s54: a title of characters of no width, or of rST's escape alone, made an empty
    heading, unsaid. Both are told, and read as the type's label, as no title is."""
    warnings = [w for w in site.crawl_warnings("title") if "do not show" in w]
    assert len(warnings) == 2, warnings
    assert any(w.startswith(f"<src>/index.md:{line(site, 'invisible') - 1}: ") for w in warnings)
    assert any(w.startswith("<src>/rst-edges.rst:") for w in warnings)
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert entries["invisible"]["title"] == entries["backslash"]["title"] == "Tip"
