"""Pages that load files from another host get a located ``crawl.privacy`` warning.

A parent's visits to a health handbook should stay between the parent and the handbook:
before, an adopter's handbook in shibuya loaded Google Fonts on every page, MathJax came
from a CDN on every page with math, and a script or stylesheet of another host in
``conf.py`` went unnoticed (s47; the s46 notes left MathJax alone). A page's own image
of another host is named at its own line (h48b; before, only on the page read back per
template, and at html_theme's line).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.render.other_hosts import content_loads
from tests.build_utils import Build, adopter_conf, build, copy_source, line_of, write_project

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
    links to other sites (a source's page, a local image's target) that are addresses,
    not loads, and images of the project's own or written into the page."""
    settings = (
        'extensions.append("sphinx.ext.mathjax")\n'
        'mathjax_path = "mathjax/tex-chtml.js"\n'
        'html_static_path = ["_static"]\n'
        'html_css_files = ["fonts.css"]\n'
    )
    pages = {
        **PAGES,
        "_static/fonts.css": "body { background: url('paper.png'); }\n",
        "plain.rst": "Plain\n=====\n\nSee `the AAP <https://www.healthychildren.org/>`__.\n\n"
        ".. figure:: _static/knees.png\n   :target: https://www.healthychildren.org/\n\n"
        "   Knees.\n\n.. image:: data:image/gif;base64,R0lGODlhAQABAAAAACw=\n\n"
        '.. raw:: html\n\n   <a href="https://www.healthychildren.org/">AAP</a>\n',
        "_static/knees.png": "",
    }
    site = build(_project(tmp_path, settings, pages))
    assert _privacy(site) == []
    assert "_images/knees.png" in site.text("plain.html")


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
    pages = {**PAGES, "plain.rst": PAGES["plain.rst"] + f"\n.. image:: {KNEES}\n"}
    site = build(_project(tmp_path, settings, pages))
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


# -- what a page's own content loads ------------------------------------------------

KNEES = "https://pictures.example.com/knees.png"
HANDS = "https://pictures.example.com/hands.jpg"
#: Pages after index (the first page written with page.html, the one read back).
LATER_PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n",
    "rst-page.rst": f"Knees\n=====\n\nBare knees grip.\n\n.. image:: {KNEES}\n   :alt: Knees\n\n"
    f".. figure:: {HANDS}\n\n   Hands flat on the floor.\n",
    "myst-page.md": f"# Hands\n\n![Knees]({KNEES}) at a paragraph's start.\n\n"
    f"Hands flat.\n\n```{{image}} {HANDS}\n:alt: Hands\n```\n",
}
IMAGE_SETTINGS = 'extensions.append("myst_parser")\nhtml_theme = "alabaster"\n'


def _image_lines(site: Build, page: str) -> dict[str, str]:
    """The privacy warnings located in ``page``, by the line they name, each once."""
    located = [line for line in _privacy(site) if line.startswith(f"<src>/{page}:")]
    by_line = {line.split(":")[1]: line for line in located}
    assert len(by_line) == len(located), located
    return by_line


SWING = "https://pictures.example.com/swing.gif"
PRINTED = "https://pictures.example.com/printed.png"
#: A substitution's image used twice (one place: its definition), an image only in the
#: printed book (no warning for HTML), an image in raw HTML.
EXTRAS = (
    "Extras\n======\n\nA |swing| and a |swing|.\n\n"
    f".. |swing| image:: {SWING}\n\n.. only:: latex\n\n   .. image:: {PRINTED}\n\n"
    f'.. raw:: html\n\n   <p>Made by us</p>\n   <img src="{HANDS}" alt="">\n'
)
#: Each page's images: the address, and the text of the line it is warned at.
IMAGES = {
    "rst-page.rst": {KNEES: KNEES, HANDS: HANDS},
    # MyST gives an image at a paragraph's start line 0: it is the paragraph's line.
    "myst-page.md": {KNEES: KNEES, HANDS: HANDS},
    "extras.rst": {SWING: SWING, HANDS: ".. raw:: html"},
}


@pytest.fixture(scope="module")
def images_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The pages of IMAGES built once for the module's tests of them."""
    pages = {**LATER_PAGES, "extras.rst": EXTRAS}
    return build(_project(tmp_path_factory.mktemp("images"), IMAGE_SETTINGS, pages))


@pytest.mark.parametrize("page", list(IMAGES))
def test_an_image_from_another_host_is_warned_at_its_own_file_and_line(
    images_site: Build, page: str
) -> None:
    """Before, only the one page read back per template was looked at (index here), and
    what its content loaded was put at html_theme's line: these went unseen."""
    site = images_site
    source = site.srcdir / page
    warned = _image_lines(site, page)
    expected = {str(line_of(source, marker)): url for url, marker in IMAGES[page].items()}
    assert sorted(warned) == sorted(expected)
    for line, url in expected.items():
        assert f" {url} " in warned[line]
        assert "from another host (pictures.example.com)" in warned[line]
        assert "which pages a reader opens" in warned[line]
        assert "privacy" in warned[line].split("[crawl.privacy]")[0]
    assert PRINTED not in " ".join(_privacy(site))
    assert not [line for line in _privacy(site) if line.startswith("<src>/conf.py")]
    # The page still shows them: the warning tells, the build goes on.
    shown = site.text(f"{Path(page).stem}.html")
    assert all(url in shown for url in expected.values())


def test_an_image_on_the_page_read_back_is_not_put_at_html_theme(tmp_path: Path) -> None:
    pages = {
        **LATER_PAGES,
        "index.rst": LATER_PAGES["index.rst"] + f"\n.. image:: {KNEES}\n",
    }
    site = build(_project(tmp_path, IMAGE_SETTINGS, pages))
    index = site.srcdir / "index.rst"
    assert list(_image_lines(site, "index.rst")) == [str(line_of(index, KNEES))]
    assert not [line for line in _privacy(site) if line.startswith("<src>/conf.py")]
    assert KNEES in site.text("index.html")  # read back, and not taken for the theme's


def test_html_logo_and_favicon_of_other_hosts_stay_at_their_lines_of_conf_py(
    tmp_path: Path,
) -> None:
    """The logo's host also serves a page's image: each is named where it is set (a
    page showing the logo as an image too is named at its line, the logo still in
    conf.py)."""
    logo, favicon = "https://pictures.example.com/logo.png", "https://icons.example.net/k.ico"
    settings = IMAGE_SETTINGS + f'html_logo = "{logo}"\nhtml_favicon = "{favicon}"\n'
    shown = f"\n.. image:: {KNEES}\n\n.. image:: {logo}\n"
    pages = {**LATER_PAGES, "index.rst": LATER_PAGES["index.rst"] + shown}
    site = build(_project(tmp_path, settings, pages))
    conf = site.srcdir / "conf.py"
    in_conf = sorted(line for line in _privacy(site) if line.startswith("<src>/conf.py:"))
    assert len(in_conf) == 2, in_conf
    assert in_conf[0].startswith(f"<src>/conf.py:{line_of(conf, 'html_logo')}: ")
    assert f"load {logo} from another host (pictures.example.com):" in in_conf[0]
    assert in_conf[1].startswith(f"<src>/conf.py:{line_of(conf, 'html_favicon')}: ")
    assert f"load {favicon} from another host (icons.example.net):" in in_conf[1]
    # The pages' images are not counted as more of the logo's host's files.
    assert "more file" not in " ".join(in_conf)
    index = site.srcdir / "index.rst"
    assert list(_image_lines(site, "index.rst")) == [
        str(line_of(index, KNEES)),
        str(line_of(index, logo)),
    ]
    assert len(_image_lines(site, "rst-page.rst")) == 2


def test_images_of_rst_prolog_and_rst_epilog_are_named_once_at_their_lines_of_conf_py(
    tmp_path: Path,
) -> None:
    """Their content is in every page, from conf.py: one warning each, at the setting
    (not one per page at '<rst_prolog>:2', a file no author has; before, the prolog's
    image was put at html_theme's line and the epilog's, shown on a page not read
    back, went unseen)."""
    banner, swing = "https://banners.example.org/top.png", "https://swings.example.net/s.gif"
    settings = IMAGE_SETTINGS + (
        f'rst_prolog = """\n.. image:: {banner}\n"""\n'
        f'rst_epilog = """\n.. |swing| image:: {swing}\n"""\n'
    )
    pages = {**LATER_PAGES, "rst-page.rst": LATER_PAGES["rst-page.rst"] + "\nA |swing|.\n"}
    site = build(_project(tmp_path, settings, pages))
    conf = site.srcdir / "conf.py"
    in_conf = {
        line.split("from another host (")[1].split(")")[0]: line
        for line in _privacy(site)
        if line.startswith("<src>/conf.py:")
    }
    assert sorted(in_conf) == ["banners.example.org", "swings.example.net"]
    assert in_conf["banners.example.org"].startswith(
        f"<src>/conf.py:{line_of(conf, 'rst_prolog')}:"
    )
    assert (
        f"rst_prolog of conf.py (the first: 'index') load {banner} "
        in (in_conf["banners.example.org"])
    )
    assert in_conf["swings.example.net"].startswith(f"<src>/conf.py:{line_of(conf, 'rst_epilog')}:")
    assert (
        f"rst_epilog of conf.py (the first: 'rst-page') load {swing} "
        in (in_conf["swings.example.net"])
    )
    assert not [line for line in _privacy(site) if "<rst_" in line]
    # The pages' own images are still named at their lines, each once.
    assert len(_image_lines(site, "rst-page.rst")) == 2


def _many_pages(srcdir: Path) -> Path:
    """Eight pages (-j reads in parallel from six), an image of another host on most."""
    pages = dict(LATER_PAGES)
    for number in range(6):
        image = (
            f"\n.. image:: https://host{number % 2}.example.org/{number}.png\n" if number else ""
        )
        pages[f"page-{number}.rst"] = f"Page {number}\n=======\n\nText.\n{image}"
    return write_project(srcdir, {"conf.py": adopter_conf(IMAGE_SETTINGS), **pages})


def _found(site: Build) -> dict[str, list[tuple[str, str, int]]]:
    """What the environment holds of each page's loads, the files named from the source."""
    return {
        page: [
            (url, Path(path).relative_to(site.srcdir).as_posix(), line) for url, path, line in loads
        ]
        for page, loads in content_loads(site.app.env).items()
    }


def test_images_are_found_and_warned_the_same_with_j_2(tmp_path: Path) -> None:
    serial = build(_many_pages(tmp_path / "one"))
    parallel = build(_many_pages(tmp_path / "two"), parallel=2)
    assert len(_privacy(serial)) == 9  # two pages of two, five of one
    assert sorted(_privacy(parallel)) == sorted(_privacy(serial))
    assert _found(parallel) == _found(serial)
    assert sorted(_found(serial)) == ["myst-page", *(f"page-{n}" for n in range(1, 6)), "rst-page"]


def test_an_image_taken_out_is_forgotten_by_an_incremental_build(
    tmp_path: Path, make_app: Any
) -> None:
    srcdir = _many_pages(tmp_path / "src")
    build(srcdir, make_app=make_app)
    page = srcdir / "rst-page.rst"
    image = f".. image:: {KNEES}\n   :alt: Knees\n\n"
    page.write_text(page.read_text(encoding="utf-8").replace(image, ""), encoding="utf-8")
    (srcdir / "page-3.rst").unlink()
    again = build(srcdir, make_app=make_app)
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert sorted(again.written) != sorted(clean.written)  # a rebuild, not every page again
    assert _found(again) == _found(clean)
    assert "page-3" not in _found(again)
    assert [url for url, *_ in _found(again)["rst-page"]] == [HANDS]
    # The page read again names its image that is left; the pages not read again say
    # nothing more (as every warning of a page's own content, in Sphinx too).
    assert [line.split(": WARNING")[0] for line in _privacy(again)] == [
        f"<src>/rst-page.rst:{line_of(page, HANDS)}"
    ]
