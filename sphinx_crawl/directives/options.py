"""Option handling shared by every sphinx-crawl directive."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils.parsers.rst import directives

from sphinx_crawl.diagnostics import warn


class AcceptAnyOption(dict[str, Any]):
    """An ``option_spec`` that lets every option through as raw text.

    docutils and MyST reject unknown options with their own errors; accepting
    them here lets the directive report them as a ``crawl.option`` warning at
    the right line, and keep rendering the entry.
    """

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


def raw_options(*names: str) -> AcceptAnyOption:
    return AcceptAnyOption({name: directives.unchanged for name in names})


def warn_unknown_options(
    directive: str, given: Iterable[str], known: Iterable[str], location: Any
) -> None:
    """One ``crawl.option`` warning per option the directive does not know."""
    allowed = sorted(known)
    for name in given:
        if name not in allowed:
            warn(
                f"{directive}: unknown option {name!r} (known: {', '.join(allowed)})",
                location,
                "option",
            )
