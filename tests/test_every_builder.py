"""Every builder that ships with Sphinx builds the handbook and a nested test root.

Each builder runs as ``sphinx-build`` does, in a subprocess, reusing the parsed pages
of one HTML build per project (``-d``), so the whole module takes seconds per builder.
For the HTML-like builders every entry URL in ``crawl.json`` and the search index
must lead to a written file and an element with that id in it.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import ROOTS, Project, read_search_index

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "json",
    "pickle",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "gettext",
    "xml",
    "pseudoxml",
    "linkcheck",
    "changes",
    "dummy",
]
HTML_LIKE = ("html", "dirhtml", "singlehtml")

#: Warnings a builder gives for the project's settings, not for our output. The
#: handbook's conf.py sets no ``version``, which EPUB 3 asks for.
EXPECTED_WARNINGS = {("handbook", "epub"): ['conf value "version" should not be empty']}


@pytest.fixture(scope="session")
def projects(
    tmp_path_factory: pytest.TempPathFactory, handbook_builds: Project
) -> dict[str, Project]:
    base = tmp_path_factory.mktemp("every-builder")
    srcdir = shutil.copytree(ROOTS / "test-nested", base / "nested-src")
    nested = Project("nested", srcdir, base / "nested", base / "nested" / "doctrees")
    nested.build("html")  # first, so the others reuse its parsed pages
    return {"handbook": handbook_builds, "nested": nested}


def warnings(project: Project, builder: str, log: str) -> list[str]:
    expected = EXPECTED_WARNINGS.get((project.name, builder), [])
    return [
        line
        for line in log.splitlines()
        if ("WARNING" in line or "ERROR" in line) and not any(e in line for e in expected)
    ]


#: The builders whose failures were seen run on the handbook in every run; the whole
#: handbook x builder matrix runs in the slow lane (the nested root always runs whole).
EVERYDAY = {"html", "singlehtml", "json", "text"}


MATRIX = [
    pytest.param(
        builder,
        name,
        marks=[pytest.mark.slow] if name == "handbook" and builder not in EVERYDAY else [],
        id=f"{builder}-{name}",
    )
    for name in ("handbook", "nested")
    for builder in BUILDERS
]


@pytest.mark.parametrize(("builder", "project_name"), MATRIX)
def test_builder_runs_cleanly(
    projects: dict[str, Project], builder: str, project_name: str
) -> None:
    project = projects[project_name]
    result, outdir = project.build(builder)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert "Traceback" not in log, log[-4000:]
    assert "Exception occurred" not in log, log[-4000:]
    assert warnings(project, builder, result.stderr) == []
    assert outdir.is_dir()


@cache
def _ids(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(tag["id"]) for tag in soup.find_all(id=True))


def _page_file(outdir: Path, path: str) -> Path:
    """The file a URL's path names (dirhtml's ``tips/`` and the root's ``""`` are folders)."""
    return outdir / path / "index.html" if path == "" or path.endswith("/") else outdir / path


def entry_urls(outdir: Path) -> dict[str, list[str]]:
    content = json.loads((outdir / "crawl.json").read_text(encoding="utf-8"))
    index = (outdir / "crawl-searchindex.js").read_text(encoding="utf-8")
    search = read_search_index(index)
    return {
        "crawl.json": [entry["url"] for entry in content["entries"]],
        "crawl-searchindex.js": [
            search["pages"][page] + "#" + anchor for _, page, anchor, *_ in search["entries"]
        ],
    }


@pytest.mark.parametrize("project_name", ["handbook", "nested"])
@pytest.mark.parametrize("builder", HTML_LIKE)
def test_entry_urls_lead_to_the_entry(
    projects: dict[str, Project], project_name: str, builder: str
) -> None:
    result, outdir = projects[project_name].build(builder)
    assert result.returncode == 0, result.stderr[-4000:]
    urls = entry_urls(outdir)
    assert urls["crawl.json"], "crawl.json lists no entries"
    assert sorted(urls["crawl.json"]) == sorted(urls["crawl-searchindex.js"])
    for where, found in urls.items():
        for url in found:
            path, hash_sign, anchor = url.partition("#")
            assert hash_sign, (where, url)
            assert anchor, (where, url)
            assert "#" not in anchor, (where, url)
            page = _page_file(outdir, path)
            assert page.is_file(), (where, url)
            assert anchor in _ids(page), (where, url)


def test_singlehtml_urls_name_the_single_page(projects: dict[str, Project]) -> None:
    _, outdir = projects["nested"].build("singlehtml")
    urls = entry_urls(outdir)["crawl.json"]
    assert "index.html#inner-tip" in urls
    assert all(url.startswith("index.html#") for url in urls)


def test_nested_entries_are_all_published(projects: dict[str, Project]) -> None:
    _, outdir = projects["nested"].build("html")
    content = json.loads((outdir / "crawl.json").read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in content["entries"]}
    assert ids >= {
        "rocks",
        "pushes-up",
        "outer-tip",
        "inner-tip",
        "no-movement",
        "losing-skills",
        "deep-tip",
        "sits-alone",
        "rst-outer",
        "flag-in-tip",
    }


@pytest.mark.parametrize(("builder", "pattern"), [("text", "nested.txt"), ("latex", "*.tex")])
def test_a_list_in_a_milestone_keeps_its_rows(
    projects: dict[str, Project], builder: str, pattern: str
) -> None:
    """The red flags listed inside a milestone (a table in a table cell) are kept, as a
    list of rows, by writers that cannot nest tables."""
    _, outdir = projects["nested"].build(builder)
    written = " ".join(p.read_text("utf-8") for p in outdir.glob(pattern))
    text = " ".join(written.replace("|", " ").replace("*", "").split())  # a text table's cells
    start = text.index("Rocks back and forth")
    row = text[start : text.index("As a checklist", start)]
    for title in ("Losing skills", "Not moving by 12 months", "A flag in a tip"):
        assert title in row, (builder, row)


def test_text_output_labels_read_like_prose(projects: dict[str, Project]) -> None:
    """Labels are bold without their trailing space: ``**Age:** 6-10 months``, never
    ``**Age: **6-10 months`` (a space inside the marks)."""
    result, outdir = projects["handbook"].build("text")
    assert result.returncode == 0
    pages = {page.name: page.read_text(encoding="utf-8") for page in outdir.rglob("*.txt")}
    assert any("**Age:** " in text for text in pages.values())
    assert any("**What to do:** " in text for text in pages.values())
    spaced = {name for name, text in pages.items() if re.search(r"\*\*[^*\n]*: \*\*", text)}
    assert spaced == set()


@pytest.mark.parametrize("name", ["handbook", "nested"])
def test_singlehtml_links_to_entries_and_sources_land_on_them(
    projects: dict[str, Project], name: str
) -> None:
    """On one page, a link to an entry or a source is its anchor alone: never
    ``#document-tips#crawls`` (547 such dead links in the handbook before, issue 25)."""
    _, outdir = projects[name].build("singlehtml")
    html = (outdir / "index.html").read_text(encoding="utf-8")
    content = json.loads((outdir / "crawl.json").read_text(encoding="utf-8"))
    anchors = {url.partition("#")[2] for url in entry_urls(outdir)["crawl.json"]}
    anchors |= {f"source-{source['id']}" for source in content["sources"]}
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    fragments = re.findall(r'href="#([^"]*)"', html)
    ours = [f for f in fragments if f.rpartition("#")[2] in anchors]
    assert len(ours) > 10
    assert [f for f in ours if "#" in f or f not in ids] == []


def test_one_book_builders_link_to_no_other_edition(projects: dict[str, Project]) -> None:
    """An EPUB or a single page holds one edition: no switch or hreflang to the others
    (27 dead links to es/*.xhtml in the handbook's EPUB before, issue 25)."""
    for builder in ("epub", "singlehtml"):
        _, outdir = projects["handbook"].build(builder)
        pages = [*outdir.rglob("*.xhtml"), *outdir.rglob("*.html")]
        assert pages, builder
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert 'hreflang="es"' not in text, (builder, page.name)
            assert "crawl-editions" not in text, (builder, page.name)
