"""MyST-Parser is optional (``pip install "sphinx-crawl[myst]"``): an rST-only project
needs nothing more. Without it Sphinx skips ``.md`` files without a word, so a project
with Markdown pages and no Markdown parser is told once, at the start of the build,
why those pages are missing and what to install."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.matching import Matcher

from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def markdown_pages(srcdir: Path, excluded: Matcher) -> list[str]:
    """The ``.md`` files Sphinx would read if it could (the build folder aside)."""
    found = []
    for path in sorted(srcdir.rglob("*.md")):
        relative = path.relative_to(srcdir).as_posix()
        if not excluded(relative) and not relative.startswith(("_build/", ".")):
            found.append(relative)
    return found


def warn_about_unread_markdown(app: Sphinx) -> None:
    """``builder-inited``: Markdown pages that no parser reads."""
    if ".md" in app.config.source_suffix:
        return
    excluded = Matcher([*app.config.exclude_patterns, "**/_build/**", "README.md"])
    pages = markdown_pages(Path(app.srcdir), excluded)
    if not pages:
        return
    try:
        import myst_parser  # noqa: F401

        fix = 'add "myst_parser" to extensions in conf.py'
    except ImportError:
        fix = 'pip install "sphinx-crawl[myst]" and add "myst_parser" to extensions in conf.py'
    shown = ", ".join(pages[:3]) + (", ..." if len(pages) > 3 else "")
    warn(
        f"{len(pages)} Markdown page(s) ({shown}) are not read: no Markdown parser is "
        f"enabled. To write pages in MyST Markdown, {fix}.",
        config_location(app, "extensions"),
        "config",
    )


def drop_unreadable_suffixes(app: Sphinx, config: Config) -> None:
    """``config-inited``, after Sphinx has made ``source_suffix`` a dict: a suffix mapped
    to a file type no extension reads (``".md": "markdown"`` copied from a MyST guide,
    without ``myst_parser`` in ``extensions``) stopped the build at the first such page
    with "Sphinx error! Source parser for markdown not registered" and a traceback.
    Such suffixes are left out, so the rest is built, and the author is told (for
    Markdown, by the warning above, which says what to install). Done before the
    environment compares settings, so incremental builds stay incremental."""
    suffixes = config.source_suffix
    if not isinstance(suffixes, dict):
        return
    parsers = app.registry.get_source_parsers()
    if suffixes.get(".md") == "restructuredtext" and "markdown" not in parsers:
        # source_suffix = [".rst", ".md"]: Sphinx reads the Markdown pages as
        # reStructuredText, so "# Title" is a comment and a ::: fence a paragraph.
        warn(
            "source_suffix has '.md' read as reStructuredText (no Markdown parser is "
            'enabled): to write pages in MyST Markdown, add "myst_parser" to extensions',
            config_location(app, "source_suffix"),
            "config",
        )
    for suffix, filetype in list(suffixes.items()):
        if not isinstance(filetype, str) or filetype in parsers:
            continue
        del suffixes[suffix]
        if suffix == ".md":
            continue  # warn_about_unread_markdown says it, with what to install
        warn(
            f"source_suffix maps {suffix!r} to {filetype!r}, which no extension in "
            f"extensions reads; the {suffix} files are not read (add the extension that "
            "parses them)",
            config_location(app, "source_suffix"),
            "config",
        )


def setup_markdown_hint(app: Sphinx) -> None:
    app.connect("config-inited", drop_unreadable_suffixes, priority=850)
    app.connect("builder-inited", warn_about_unread_markdown)
