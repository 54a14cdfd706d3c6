"""crawl_offline: the manifest and the service worker as built (their behaviour with
the network off is tested in tests/browser/test_offline.py and
tests/browser/test_offline_budget.py)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from sphinx_crawl.render.search_preload import written_upfront
from tests.build_utils import build

PAGES = {
    "index": "Home\n====\n\n.. toctree::\n\n   tips\n   tracker\n   about\n\n"
    ".. tip-card:: A tip\n   :id: a-tip\n\n   Try it.\n",
    "tips": "Tips\n====\n\nMore tips.\n",
    "tracker": "Tracker\n=======\n\n.. crawl-baby::\n",
    "about": "About\n=====\n\nReading offline:\n\n.. crawl-offline::\n",
}


def project(root: Path, offline: object = True, budget: object = None) -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    conf = (
        f'extensions = ["sphinx_crawl"]\nhtml_title = "Our handbook"\ncrawl_offline = {offline!r}\n'
    )
    if budget is not None:
        conf += f"crawl_offline_budget = {budget!r}\n"
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in PAGES.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    return src


def worker(out: Path) -> tuple[str, list[str]]:
    """The worker's version and the paths it may keep."""
    version, files, _, _ = worker_parts(out)
    return version, [path for path, _, _ in files]


def worker_parts(out: Path) -> tuple[str, list[list[Any]], list[str], int]:
    """Version, [path, hash, size] per file, the essential URLs, the budget."""
    text = (out / "crawl-sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "(\w+)";', text)
    files = re.search(r"const FILES = (\[.*?\n\]);", text, re.S)
    essential = re.search(r"const ESSENTIAL = (\[.*?\]);", text, re.S)
    budget = re.search(r"const BUDGET = (\d+);", text)
    assert version is not None
    assert files is not None
    assert essential is not None
    assert budget is not None
    return (
        version.group(1),
        json.loads(files.group(1)),
        json.loads(essential.group(1)),
        int(budget.group(1)),
    )


def test_off_by_default(tmp_path: Path) -> None:
    src = project(tmp_path)
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    site = build(src)
    assert not (site.outdir / "crawl-sw.js").exists()
    assert not (site.outdir / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in site.text("index.html")
    assert "crawl-offline.js" not in site.text("index.html")
    # The reader's choice has nothing to keep: left out, without a warning.
    assert "crawl-offline" not in site.text("about.html")
    assert not site.warnings()


def test_the_worker_keeps_what_a_reader_needs_and_nothing_else(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    _, files = worker(site.outdir)
    for needed in (
        "index.html",
        "tips.html",
        "search.html",
        "searchindex.js",
        "crawl-searchindex.js",
        "_static/crawl.js",
        "_static/crawl.css",
        "_static/crawl-icon.svg",
        "manifest.webmanifest",
    ):
        assert needed in files, needed
    assert not [f for f in files if f.startswith((".b", ".d", "_sources/")) or "/." in f]
    assert "objects.inv" not in files
    assert "crawl.json" not in files
    assert "crawl-sw.js" not in files
    html = site.text("tips.html")
    assert '<link rel="manifest" href="manifest.webmanifest">' in html
    assert "_static/crawl-offline.js" in html
    data = json.loads(site.text("manifest.webmanifest"))
    assert data["name"] == "Our handbook"
    assert data["start_url"] == "index.html"
    assert data["scope"] == "./"
    assert data["icons"][0]["src"] == "_static/crawl-icon.svg"


def test_each_file_is_listed_with_the_hash_and_size_of_its_bytes(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    _, files, _, _ = worker_parts(site.outdir)
    paths = [path for path, _, _ in files]
    assert len(paths) == len(set(paths))
    # Most important first (what storage that runs out keeps): the emergency page and
    # the search before the other pages.
    assert paths.index("search.html") < paths.index("tips.html")
    for path, digest, size in files:
        data = (site.outdir / path).read_bytes()
        assert digest == hashlib.sha256(data).hexdigest()[:12], path
        assert size == len(data), path


def test_a_small_handbook_is_kept_whole_after_a_first_visit(tmp_path: Path) -> None:
    """Within the default budget (2 MB), every file is essential."""
    site = build(project(tmp_path))
    _, files, essential, budget = worker_parts(site.outdir)
    assert budget == 2_000_000
    assert sum(size for _, _, size in files) <= budget
    assert [url.partition("?")[0] for url in essential] == [path for path, _, _ in files]


def test_over_the_budget_a_first_visit_keeps_what_search_and_tracker_need(
    tmp_path: Path,
) -> None:
    # A first build says how much the essentials weigh; the budget is a little more.
    _, files, essential, _ = worker_parts(build(project(tmp_path / "a", budget=1)).outdir)
    sizes = {path: size for path, _, size in files}
    need = sum(sizes[url.partition("?")[0]] for url in essential)
    site = build(project(tmp_path / "b", budget=need + 10_000))
    _, files, essential, budget = worker_parts(site.outdir)
    assert budget == need + 10_000
    assert sum(size for _, _, size in files) > budget
    paths = [url.partition("?")[0] for url in essential]
    for needed in (
        "index.html",  # the start page
        "search.html",
        "searchindex.js",
        "crawl-searchindex.js",
        "_static/crawl-search.js",
        "tracker.html",  # holds the baby's panel
        "_static/crawl-companion.js",
        "_static/crawl.css",
        "manifest.webmanifest",
        "_static/crawl-icon.svg",
    ):
        assert needed in paths, needed
    # Pages the reader has not opened are not fetched up front.
    assert "tips.html" not in paths
    assert "about.html" not in paths
    assert "genindex.html" not in paths
    # Fetched as the pages load them, so the browser's cache of the first page answers.
    css = next(url for url in essential if url.startswith("_static/crawl.css"))
    assert f'href="{css}"' in site.text("index.html")
    assert len(paths) == len(set(paths))
    assert sum(sizes[path] for path in paths) <= budget
    assert not site.crawl_warnings()


def test_a_split_index_s_harmless_phrases_are_kept_for_searching_offline(tmp_path: Path) -> None:
    """A large handbook's index is split, and its phrases that name no illness ("fell
    asleep") are a part of their own: a first visit keeps it, at the address the search
    page loads it from, so an alarming query read offline gets the notice it gets online."""
    src = project(tmp_path, budget=1)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("crawl_search_split_bytes = 0\n")
    site = build(src)
    _, _, essential, _ = worker_parts(site.outdir)
    upfront = written_upfront(site.outdir / "crawl-searchindex.js")
    assert upfront is not None
    for part in ("h", "x"):  # and other languages' emergency words
        assert f"_crawl_search/{part}.js?v={upfront['parts']['version']}" in essential
        assert (site.outdir / "_crawl_search" / f"{part}.js").is_file()
    # Word parts are kept as the reader's searches load them, not up front.
    assert not [url for url in essential if url.startswith("_crawl_search/w-")]


def test_essentials_over_the_budget_are_kept_and_the_build_says_so(tmp_path: Path) -> None:
    site = build(project(tmp_path, budget=1_000))
    warnings = site.crawl_warnings("config")
    assert len(warnings) == 1, warnings
    assert "conf.py:4" in warnings[0]
    assert "crawl_offline_budget is 1,000 bytes" in warnings[0]
    _, _, essential, _ = worker_parts(site.outdir)
    assert "search.html" in essential


def test_a_wrong_budget_is_a_located_warning(tmp_path: Path) -> None:
    site = build(project(tmp_path, budget="2 MB"))
    warnings = site.crawl_warnings("config")
    assert any("conf.py:4" in w and "crawl_offline_budget must be" in w for w in warnings)
    assert worker_parts(site.outdir)[3] == 2_000_000


def test_a_new_build_is_a_new_version_and_a_no_op_writes_nothing(tmp_path: Path) -> None:
    src = project(tmp_path)
    first = build(src)
    version, before, _, _ = worker_parts(first.outdir)
    sw = first.outdir / "crawl-sw.js"
    stamp = sw.stat().st_mtime_ns
    build(src)  # nothing changed
    assert sw.stat().st_mtime_ns == stamp
    (src / "tips.rst").write_text(PAGES["tips"] + "\nMore tips.\n", encoding="utf-8")
    changed = build(src)
    new_version, after, _, _ = worker_parts(changed.outdir)
    assert new_version != version
    # Only the changed page has a new hash: a worker downloads it alone.
    differ = {path for (path, *old), (_, *new) in zip(before, after, strict=True) if old != new}
    assert differ == {"tips.html"}


def test_another_build_in_a_subfolder_is_left_to_its_own_worker(tmp_path: Path) -> None:
    src = project(tmp_path)
    site = build(src)
    other = site.outdir / "es"
    other.mkdir()
    (other / ".buildinfo").write_text("x", encoding="utf-8")
    (other / "index.html").write_text("<p>hola</p>", encoding="utf-8")
    (src / "tips.rst").write_text(PAGES["tips"] + "\nChanged.\n", encoding="utf-8")
    _, files = worker(build(src).outdir)
    assert not [f for f in files if f.startswith("es/")]


def test_dirhtml_pages_are_listed_once_by_their_file(tmp_path: Path) -> None:
    """The worker finds "tips/" (and the root, "./") as "tips/index.html"."""
    site = build(project(tmp_path, budget=1), buildername="dirhtml")
    _, files, essential, _ = worker_parts(site.outdir)
    paths = [path for path, _, _ in files]
    assert "tips/index.html" in paths
    assert "tips/" not in paths
    assert "./" not in paths
    assert "search/index.html" in essential
    assert "tracker/index.html" in essential
    script = (site.outdir / "crawl-sw.js").read_text(encoding="utf-8")
    assert 'if (path === "" || path.endsWith("/")) return path + "index" + PAGE_SUFFIX;' in script
    assert 'const PAGE_SUFFIX = ".html";' in script


def test_the_reader_s_choice_is_a_box_the_script_fills(tmp_path: Path) -> None:
    site = build(project(tmp_path))
    box = site.soup("about").select_one("div.crawl-offline")
    assert box is not None
    assert box.has_attr("hidden")  # shown by crawl-offline.js, once the worker runs
    words = json.loads(str(box["data-crawl-offline"]))
    assert words["keep"] == "Keep the whole handbook on this phone ({size})"
    assert words["remove"] == "Remove the offline copy"
    assert box.select_one("progress.crawl-offline-progress") is not None
    assert [b["class"] for b in box.select("button")] == [
        ["crawl-offline-keep"],
        ["crawl-offline-remove"],
    ]
    assert not site.warnings()


def test_the_reader_s_choice_is_left_out_of_other_builders(tmp_path: Path) -> None:
    site = build(project(tmp_path), buildername="text")
    assert "Reading offline:" in site.text("about.txt")
    assert not site.warnings()


def test_the_worker_s_words_follow_the_build_s_language(tmp_path: Path) -> None:
    src = project(tmp_path)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('language = "es"\n')
    site = build(src)
    script = (site.outdir / "crawl-sw.js").read_text(encoding="utf-8")
    found = re.search(r"const TEXT = (\{.*?\});", script)
    assert found is not None
    text = json.loads(found.group(1))
    assert text["lang"] == "es"
    assert text["title"] != "Not kept on this phone"
    box = site.soup("about").select_one("div.crawl-offline")
    assert box is not None
    words = json.loads(str(box["data-crawl-offline"]))
    assert words["keep"] != "Keep the whole handbook on this phone ({size})"
    assert "{size}" in words["keep"]


def test_a_wrong_value_is_a_located_warning_and_the_build_goes_on(tmp_path: Path) -> None:
    site = build(project(tmp_path, offline="yes"))
    warnings = site.crawl_warnings("config")
    assert len(warnings) == 1
    assert "conf.py:3" in warnings[0]
    assert "crawl_offline must be True or False" in warnings[0]
    assert not (site.outdir / "crawl-sw.js").exists()
    assert (site.outdir / "index.html").is_file()


#: A theme's stylesheet as sphinx-rtd-theme's: each face in every format, the first
#: ``src`` for old Internet Explorer; an image; a face whose only source has no format.
FONTS_CSS = """
@font-face{font-family:Icons;src:url(fonts/icons.eot);src:url(fonts/icons.eot?#iefix)
 format("embedded-opentype"),url(fonts/icons.woff2?v=4) format("woff2"),
 url(fonts/icons.woff) format("woff"),url(fonts/icons.ttf) format("truetype"),
 url(fonts/icons.svg#icons) format("svg");font-weight:400}
@font-face { font-family: Text; src: url('fonts/text.woff') format('woff'), url('fonts/text.ttf'); }
@font-face{font-family:Plain;src:url(fonts/plain.otf)}
.hero{background:url(hero.png)}
"""


def test_a_first_visit_keeps_the_font_format_a_browser_takes(tmp_path: Path) -> None:
    """Found with sphinx-rtd-theme: its fonts in five formats each were 2.2 of the
    3.9 MB a first visit kept, and the handbook's budget warned."""
    src = project(tmp_path, budget=1)  # under the budget the whole handbook is kept
    static = src / "_static"
    (static / "fonts").mkdir(parents=True)
    (static / "theme-fonts.css").write_text(FONTS_CSS, encoding="utf-8")
    for name in (
        "icons.eot",
        "icons.woff2",
        "icons.woff",
        "icons.ttf",
        "icons.svg",
        "text.woff",
        "text.ttf",
        "plain.otf",
    ):
        (static / "fonts" / name).write_bytes(b"font " + name.encode())
    (static / "hero.png").write_bytes(b"png")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_static_path = ["_static"]\nhtml_css_files = ["theme-fonts.css"]\n')
    _, files, essential, _ = worker_parts(build(src).outdir)
    kept = {url.partition("?")[0] for url in essential}
    fonts = sorted(path for path in kept if "/fonts/" in path)
    assert fonts == [
        "_static/fonts/icons.woff2",
        "_static/fonts/plain.otf",
        "_static/fonts/text.woff",
    ]
    assert "_static/hero.png" in kept
    # Every format stays in what the reader may choose to keep whole.
    assert "_static/fonts/icons.woff" in {path for path, _, _ in files}


def test_a_removed_page_is_not_kept_offline_as_a_clean_build_would_not(tmp_path: Path) -> None:
    """Sphinx leaves a removed page's file in the output folder. The worker listed it,
    so phones downloaded a page the handbook no longer has, and an incremental build's
    list differed from a clean build's; it lists what a clean build lists, also after
    a build that reads everything again (-E), in dirhtml, and when the page comes back."""
    for builder in ("html", "dirhtml"):
        src = project(tmp_path / builder)
        build(src, buildername=builder)
        page = "about/index.html" if builder == "dirhtml" else "about.html"
        index = PAGES["index"].replace("   about\n", "")
        (src / "index.rst").write_text(index, encoding="utf-8")
        (src / "about.rst").unlink()
        rebuilt = build(src, buildername=builder)
        assert (rebuilt.outdir / page).exists()  # Sphinx's leftover
        clean = build(src, buildername=builder, builddir=tmp_path / builder / "clean")
        _, kept = worker(rebuilt.outdir)
        assert page not in kept
        assert kept == worker(clean.outdir)[1]
        _, again = worker(build(src, buildername=builder, freshenv=True).outdir)
        assert again == kept
        (src / "index.rst").write_text(PAGES["index"], encoding="utf-8")
        (src / "about.rst").write_text(PAGES["about"], encoding="utf-8")
        assert page in worker(build(src, buildername=builder).outdir)[1]


def _files(out: Path) -> set[str]:
    """The output's files, as a clean build compares (not Sphinx's records)."""
    skip = (".doctrees/", ".buildinfo")
    found = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()}
    return {path for path in found if not path.startswith(skip)}


def test_turned_off_the_offline_copy_s_files_go_as_a_clean_build_has_none(
    tmp_path: Path,
) -> None:
    """s54: a build without ``crawl_offline`` into the folder of one with it left the
    worker, the manifest and their scripts (an installed worker kept updating from the
    site). They go; a file of those names that is not ours stays."""
    src = project(tmp_path)
    built = build(src)
    assert (built.outdir / "crawl-sw.js").exists()
    project(tmp_path, offline=False)
    off = build(src)
    clean = build(src, builddir=tmp_path / "clean")
    assert _files(off.outdir) == _files(clean.outdir)
    for name in ("crawl-sw.js", "manifest.webmanifest", "_static/crawl-offline.js"):
        assert not (off.outdir / name).exists(), name
    # An adopter's own file by the worker's name (html_extra_path) is not ours.
    (src / "extra").mkdir()
    (src / "extra" / "crawl-sw.js").write_text("// the site's own\n", encoding="utf-8")
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + 'html_extra_path = ["extra"]\n', encoding="utf-8")
    kept = build(src)
    assert (kept.outdir / "crawl-sw.js").read_text(encoding="utf-8") == "// the site's own\n"


def test_after_the_page_suffix_changes_the_worker_lists_this_build_s_pages(
    tmp_path: Path,
) -> None:
    """s54: Sphinx leaves the ``.html`` pages of a build before ``html_file_suffix =
    ".htm"``; the worker listed both (phones downloaded every page twice). It lists
    what a clean build lists."""
    src = project(tmp_path)
    build(src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + 'html_file_suffix = ".htm"\n', encoding="utf-8")
    rebuilt = build(src)
    assert (rebuilt.outdir / "tips.html").exists()  # Sphinx's leftover
    _, kept = worker(rebuilt.outdir)
    assert "tips.htm" in kept
    assert not [path for path in kept if path.endswith(".html")]
    assert kept == worker(build(src, builddir=tmp_path / "clean").outdir)[1]
