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


def setup_markdown_hint(app: Sphinx) -> None:
    app.connect("builder-inited", warn_about_unread_markdown)
