"""Pages that load files from another host get a located ``crawl.privacy`` warning.

A parent's visits to a health handbook should stay between the parent and the handbook:
before, an adopter's handbook in shibuya loaded Google Fonts on every page, MathJax came
from a CDN on every page with math, and a script or stylesheet of another host in
``conf.py`` went unnoticed (s47; the s46 notes left MathJax alone).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.build_utils import Build, adopter_conf, build, line_of, write_project

ANALYTICS = "https://stats.example.org/track.js"
FONTS = "https://fonts.example.net/inter.css"
SETTINGS = (
    'extensions.append("sphinx.ext.mathjax")\n'
    'html_static_path = ["_static"]\n'
    'html_css_files = ["fonts.css"]\n'
    f'html_js_files = ["{ANALYTICS}"]\n'
)
PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   sums\n   plain\n\n"
    ".. tip-card:: Bare knees\n   :id: bare-knees\n\n   Bare knees grip the floor.\n",
    "sums.rst": "Sums\n====\n\nThe area is :math:`a^2`.\n",
    "plain.rst": "Plain\n=====\n\nNo math here.\n",
    "_static/fonts.css": f'@import url("{FONTS}");\nbody {{ color: #222; }}\n',
}


def _project(tmp_path: Path, settings: str = SETTINGS, pages: dict[str, str] = PAGES) -> Path:
    return write_project(tmp_path / "src", {"conf.py": adopter_conf(settings), **pages})


def _privacy(site: Build) -> list[str]:
    return site.crawl_warnings("privacy")


def test_each_other_host_is_named_once_at_the_line_of_conf_py_that_brings_it(
    tmp_path: Path,
) -> None:
    srcdir = _project(tmp_path)
    site = build(srcdir)
    warnings = _privacy(site)
    conf = srcdir / "conf.py"
    by_host = {line.split("from another host (")[1].split(")")[0]: line for line in warnings}
    assert sorted(by_host) == ["cdn.jsdelivr.net", "fonts.example.net", "stats.example.org"]
    # The script in html_js_files, at its line; the stylesheet's @import, at the line
    # naming the stylesheet; MathJax, where the extension is added.
    assert by_host["stats.example.org"].startswith(f"<src>/conf.py:{line_of(conf, ANALYTICS)}:")
    assert ANALYTICS in by_host["stats.example.org"]
    assert by_host["fonts.example.net"].startswith(f"<src>/conf.py:{line_of(conf, 'fonts.css')}:")
    assert FONTS in by_host["fonts.example.net"]
    mathjax = by_host["cdn.jsdelivr.net"]
    assert mathjax.startswith(f"<src>/conf.py:{line_of(conf, 'sphinx.ext.mathjax')}:")
    assert "mathjax" in mathjax
    assert "'sums' has math" in mathjax
    for line in warnings:
        assert "learns which pages a reader opens" in line
        assert "html_static_path" in line
    # The build went on: the page with math is written, MathJax and all.
    assert "mathjax" in site.text("sums.html")


def test_a_handbook_that_loads_nothing_from_other_hosts_gets_no_such_warning(
    tmp_path: Path,
) -> None:
    """Local files only: a local MathJax, a stylesheet without imports of other hosts,
    links to other sites (a source's page) that are addresses, not loads."""
    settings = (
        'extensions.append("sphinx.ext.mathjax")\n'
        'mathjax_path = "mathjax/tex-chtml.js"\n'
        'html_static_path = ["_static"]\n'
        'html_css_files = ["fonts.css"]\n'
    )
    pages = {
        **PAGES,
        "_static/fonts.css": "body { background: url('paper.png'); }\n",
        "plain.rst": "Plain\n=====\n\nSee `the AAP <https://www.healthychildren.org/>`__.\n",
    }
    assert _privacy(build(_project(tmp_path, settings, pages))) == []


def test_math_that_no_page_has_loads_no_mathjax_and_gets_no_warning(tmp_path: Path) -> None:
    pages = {name: text for name, text in PAGES.items() if name != "sums.rst"}
    pages["index.rst"] = pages["index.rst"].replace("   sums\n", "")
    warnings = _privacy(
        build(_project(tmp_path, 'extensions.append("sphinx.ext.mathjax")\n', pages))
    )
    assert warnings == []


def test_a_parallel_build_warns_as_a_serial_one(tmp_path: Path) -> None:
    serial = _privacy(build(_project(tmp_path / "one")))
    parallel = _privacy(build(_project(tmp_path / "two"), parallel=2))
    assert len(serial) == 3
    assert parallel == serial


def test_the_warning_can_be_silenced_by_its_subtype(tmp_path: Path) -> None:
    settings = SETTINGS + 'suppress_warnings = ["crawl.privacy"]\n'
    site = build(_project(tmp_path, settings))
    assert _privacy(site) == []
    assert site.warnings() == []


@pytest.mark.skipif(importlib.util.find_spec("shibuya") is None, reason="shibuya not installed")
def test_a_theme_that_loads_web_fonts_from_another_host_is_named(tmp_path: Path) -> None:
    """shibuya's pages load Google Fonts (and a flag font from a CDN in its styles)."""
    pages = {name: text for name, text in PAGES.items() if not name.startswith("_static")}
    warnings = _privacy(build(_project(tmp_path, 'html_theme = "shibuya"\n', pages)))
    hosts = " ".join(warnings)
    assert "(fonts.googleapis.com)" in hosts
    assert all(line.startswith("<src>/conf.py:3:") for line in warnings)  # html_theme
    assert "pages written with 'page.html' load" in hosts
