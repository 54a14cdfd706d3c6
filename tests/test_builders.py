"""Every builder, not only HTML: entries read well as text, LaTeX, man, Texinfo, EPUB, gettext.

Non-HTML builders get standard nodes (admonitions, rows, text) from
:mod:`sphinx_crawl.render.fallback`, so the label, the urgency in words, the age
and the call to action must survive there too. The French build checks the
message catalog shipped in ``sphinx_crawl/locale``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import Build, build, copy_root

Builder = Callable[..., Build]

#: Settings a builder insists on for any project (EPUB 3 wants a copyright and a version).
EXTRA_CONFIG = {"epub": {"copyright": "2026, the sphinx-crawl tests", "version": "1.0"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Builds the basic root once per builder (and language) for the whole module."""
    cache: dict[tuple[str, str], Build] = {}

    def get(builder: str, language: str = "en") -> Build:
        if (builder, language) not in cache:
            srcdir = copy_root("basic", tmp_path_factory.mktemp(f"{builder}-{language}") / "src")
            cache[builder, language] = build(
                srcdir,
                buildername=builder,
                confoverrides={"language": language, **EXTRA_CONFIG.get(builder, {})},
            )
        return cache[builder, language]

    return get


def output(site: Build, pattern: str) -> str:
    files = sorted(site.outdir.glob(pattern))
    assert files, f"no {pattern} in {site.outdir}"
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def plain_lines(text: str) -> list[str]:
    """Lines of text output without the text builder's ``**bold**`` markers."""
    return [" ".join(line.replace("**", "").split()) for line in text.splitlines()]


@pytest.mark.parametrize("builder", ["text", "latex", "man", "texinfo", "epub", "gettext"])
def test_builder_runs_cleanly(built: Builder, builder: str) -> None:
    site = built(builder)
    assert site.warnings() == []
    logs = site.app.status.getvalue() + site.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs


def test_text_output_labels_each_entry(built: Builder) -> None:
    lines = plain_lines(output(built("text"), "tips.txt"))
    assert "Tip: Bare knees grip the floor:" in lines
    assert "Tip: Backtick fenced tip:" in lines
    # Each labelled line stands on its own, not run into the paragraph before it.
    assert "Age: 6-10 months" in lines
    assert "Source: The Lowdown On Crawling Backward" in lines
    assert "Last reviewed: November 21, 2026 · Next review due: November 21, 2027" in lines


def test_text_output_states_urgency_and_action_in_words(built: Builder) -> None:
    lines = plain_lines(output(built("text"), "flags.txt"))
    # The spoken prefix becomes the visible start of the heading.
    assert "Advice to act soon: Not moving by 12 months:" in lines
    assert "Urgent advice: Losing skills:" in lines
    assert "Soon: book an appointment" in lines
    assert "Urgent: get help today" in lines
    text = "\n".join(lines)
    assert re.search(r"^What to do: Book an appointment with your pediatrician", text, re.M)
    assert "What to do: Call your pediatrician today." in lines
    assert "Age: by 12 months" in lines


def test_text_output_keeps_the_milestone_table(built: Builder) -> None:
    text = output(built("text"), "milestones.txt")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert re.match(r"\|\s*Age\s*\|\s*Milestone\s*\|\s*What you see\s*\|", rows[0])
    ages = [row.split("|")[1].strip() for row in rows[1:] if row.split("|")[1].strip()]
    assert ages == ["4-6 months", "8-10 months"]


def test_latex_output_has_the_entries(built: Builder) -> None:
    tex = output(built("latex"), "*.tex")
    for title in (
        "Bare knees grip the floor",
        "Backtick fenced tip",
        "An rST tip",
        "Losing skills",
    ):
        assert title in tex
    assert "Urgent advice: Losing skills" in tex
    assert r"\sphinxstylestrong{What to do:} " in tex  # the label bold, the space after
    assert "Urgent: get help today" in tex
    assert "Hands and knees" in tex


def test_man_and_texinfo_output_have_the_entries(built: Builder) -> None:
    man = output(built("man"), "*.1")
    texinfo = output(built("texinfo"), "*.texi")
    for text in (man, texinfo):
        assert "Bare knees grip the floor" in text
        assert "Losing skills" in text
        assert "Urgent: get help today" in text
    # The label bold, then the space: "What to do: Call..." reads as one line.
    assert r"\fBWhat to do:\fP " in man
    assert "`What to do:' " in texinfo  # texinfo's strong


def test_epub_output_renders_entries_as_html(built: Builder) -> None:
    site = built("epub")
    assert list(site.outdir.glob("*.epub"))
    soup = BeautifulSoup(output(site, "flags.xhtml"), "html.parser")
    article = soup.find("article", id="losing-skills")
    assert article is not None
    assert article.find(class_="crawl-visually-hidden").get_text() == "Urgent advice: "
    assert article.find(class_="crawl-badge").get_text() == "Urgent: get help today"


def test_gettext_catalogs_hold_entry_bodies(built: Builder) -> None:
    site = built("gettext")
    flags = output(site, "flags.pot")
    tips = output(site, "tips.pot")
    milestones = output(site, "milestones.pot")
    assert 'msgid "Not trying to move at all."' in flags
    assert 'msgid "Take off **socks** and trousers:"' in tips
    assert 'msgid "Body in a backtick fence."' in tips
    assert 'msgid "Rocks on all fours."' in milestones
    assert 'msgid "Crawling by age"' in milestones


def test_gettext_catalogs_hold_entry_titles(built: Builder) -> None:
    flags = output(built("gettext"), "flags.pot")
    assert 'msgid "Not moving by 12 months"' in flags


def _french(built: Builder, page: str) -> Any:
    site = built("html", "fr")
    soup = BeautifulSoup(output(site, f"{page}.html"), "html.parser")
    return soup.find("div", {"role": "main"})


def test_french_build_has_no_warnings(built: Builder) -> None:
    assert built("html", "fr").warnings() == []


def test_french_build_translates_the_urgency_words(built: Builder) -> None:
    article = _french(built, "flags").find("article", id="no-movement")
    assert article.find(class_="crawl-visually-hidden").get_text() == "Conseil à suivre bientôt : "
    assert article.find(class_="crawl-badge").get_text() == "Bientôt : prenez rendez-vous"
    callout = " ".join(article.find(class_="crawl-callout").get_text().split())
    assert callout.startswith("Que faire :")  # French spacing before the colon
    assert callout.endswith(
        "Prenez rendez-vous avec votre pédiatre, ou avec un kinésithérapeute pédiatrique."
    )
    meta = article.find(class_="crawl-age").get_text()
    assert meta.startswith("Âge")


def test_french_build_translates_table_headers_and_review_line(built: Builder) -> None:
    head = _french(built, "milestones").find("table", class_="crawl-milestone-table").find("thead")
    assert [th.get_text(strip=True) for th in head.find_all("th")] == [
        "Âge",
        "Étape",
        "Ce que vous voyez",
    ]
    review = _french(built, "tips").find(class_="crawl-review").get_text()
    # Month names in French too, not only the labels.
    assert review.startswith("Dernière relecture")
    assert "21 novembre 2026" in review
    assert "Prochaine relecture prévue" in review
    assert "November" not in review


def test_french_build_translates_the_age_filter(built: Builder) -> None:
    text = " ".join(_french(built, "flags").get_text(" ").split())
    for english in (
        "Show what applies at your baby's age",
        "Baby's age in months",
        "Weeks born early (optional)",
        "Hide entries for other ages",
    ):
        assert english not in text


def test_french_build_speaks_french_in_the_companion(built: Builder) -> None:
    words = (built("html", "fr").outdir / "_static" / "crawl-companion-text.js").read_text("utf-8")
    assert "Résumé pour le médecin" in words.encode().decode("unicode_escape")
    assert "Summary for the doctor" not in words


def test_the_catalogs_hold_every_message_of_the_package() -> None:
    """Every ``_()`` of the package is in the template, and each language translates it
    (``nox -s catalog`` refreshes them). Messages inside f-strings escape extraction:
    none may be written there."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    package = Path(__file__).resolve().parents[1] / "sphinx_crawl"
    extracted = {
        message[2]
        for message in extract_from_dir(str(package), method_map=[("**.py", "python")])
        if isinstance(message[2], str)
    }
    with (package / "locale" / "sphinx_crawl.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert extracted == template, extracted ^ template
    catalogs = sorted((package / "locale").glob("*/LC_MESSAGES/sphinx_crawl.po"))
    assert [c.parts[-3] for c in catalogs] == ["es", "fr"]
    for catalog in catalogs:
        with catalog.open("rb") as handle:
            messages = read_po(handle)
        missing = [m.id for m in messages if m.id and (not m.string or m.fuzzy)]
        assert not missing, (catalog.parts[-3], missing)
    in_f_strings = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"""\bf["'].*\{[^}]*\b_\(""", line)
    ]
    assert not in_f_strings, in_f_strings


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_a_toctree_caption_is_a_heading_with_a_level(tmp_path: Any, builder: str) -> None:
    """Sphinx writes toctree captions as <p role="heading"> without aria-level; screen
    readers then list them at no level. The extension gives them level 2, in every
    HTML builder, and leaves every other title as the theme writes it."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n   :caption: Contents\n\n   other\n\n"
        ".. note:: A note\n\n   with a title of its own.\n",
        encoding="utf-8",
    )
    (src / "other.rst").write_text("Other\n=====\n\nText.\n", encoding="utf-8")
    site = build(src, buildername=builder)
    page = "index.html"
    soup = BeautifulSoup(site.text(page), "html.parser")
    captions = soup.find_all("p", class_="caption")
    assert captions
    for caption in captions:
        assert caption.get("role") == "heading"
        assert caption.get("aria-level") == "2"
        assert caption.get_text() == "Contents"
    assert soup.find("h1").get_text().startswith("Home")
    assert soup.find(class_="admonition-title").get_text() == "Note"
