"""crawl_offline: the manifest and the service worker as built (their behaviour with
the network off is tested in tests/browser/test_offline.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.build_utils import build

PAGES = {
    "index": "Home\n====\n\n.. toctree::\n\n   tips\n\n"
    ".. tip-card:: A tip\n   :id: a-tip\n\n   Try it.\n",
    "tips": "Tips\n====\n\nMore tips.\n",
}


def project(root: Path, offline: object = True) -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    conf = (
        f'extensions = ["sphinx_crawl"]\nhtml_title = "Our handbook"\ncrawl_offline = {offline!r}\n'
    )
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in PAGES.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    return src


def worker(out: Path) -> tuple[str, list[str]]:
    text = (out / "crawl-sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "(\w+)";', text)
    files = re.search(r"const FILES = (\[.*?\]);", text, re.S)
    assert version is not None
    assert files is not None
    return version.group(1), json.loads(files.group(1))


def test_off_by_default(tmp_path: Path) -> None:
    src = project(tmp_path)
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    site = build(src)
    assert not (site.outdir / "crawl-sw.js").exists()
    assert not (site.outdir / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in site.text("index.html")
    assert "crawl-offline.js" not in site.text("index.html")


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


def test_a_new_build_is_a_new_version_and_a_no_op_writes_nothing(tmp_path: Path) -> None:
    src = project(tmp_path)
    first = build(src)
    version, _ = worker(first.outdir)
    sw = first.outdir / "crawl-sw.js"
    stamp = sw.stat().st_mtime_ns
    build(src)  # nothing changed
    assert sw.stat().st_mtime_ns == stamp
    (src / "tips.rst").write_text(PAGES["tips"] + "\nOne more.\n", encoding="utf-8")
    changed = build(src)
    assert worker(changed.outdir)[0] != version


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


def test_dirhtml_pages_are_kept_by_their_folder_address(tmp_path: Path) -> None:
    site = build(project(tmp_path), buildername="dirhtml")
    _, files = worker(site.outdir)
    assert "tips/" in files
    assert "tips/index.html" in files
    assert "./" in files


def test_a_wrong_value_is_a_located_warning_and_the_build_goes_on(tmp_path: Path) -> None:
    site = build(project(tmp_path, offline="yes"))
    warnings = site.crawl_warnings("config")
    assert len(warnings) == 1
    assert "conf.py:3" in warnings[0]
    assert "crawl_offline must be True or False" in warnings[0]
    assert not (site.outdir / "crawl-sw.js").exists()
    assert (site.outdir / "index.html").is_file()
