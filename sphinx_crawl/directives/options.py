"""Option handling shared by every sphinx-crawl directive."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from docutils.parsers.rst import directives

from sphinx_crawl.core.entries import split_list
from sphinx_crawl.diagnostics import warn


class AcceptAnyOption(dict[str, Any]):
    """An ``option_spec`` that lets every option through as raw text.

    docutils and MyST reject unknown options with their own errors; accepting
    them here lets the directive report them as a ``crawl.option`` warning at
    the right line, and keep rendering the entry.
    """

    def __missing__(self, key: str) -> Any:
        return directives.unchanged

    def __bool__(self) -> bool:
        """Even with no option named: docutils reads option lines only for a directive
        whose option_spec is true (an empty one made ':type: nope' part of the argument
        or the content)."""
        return True


def warn_stray(
    name: str, content: Any, arguments: list[str], location: Any, *, argument: bool = True
) -> None:
    """Content given to a directive that takes none, or an argument to one that takes
    none (``argument=False``): a located warning each, and it is left out. (Declared as
    docutils' own, they were an error that dropped the whole directive from the page.)
    Such directives declare ``has_content = True`` (and an optional argument) so that
    the stray text reaches here."""
    if content:
        warn(f"{name} takes no content; it is left out", location, "content")
    if arguments and not argument:
        warn(f"{name} takes no argument; {arguments[0]!r} is left out", location, "option")


def raw_options(*names: str) -> AcceptAnyOption:
    return AcceptAnyOption({name: directives.unchanged for name in names})


def warn_unknown_options(
    directive: str, given: Iterable[str], known: Iterable[str], location: Any
) -> None:
    """One ``crawl.option`` warning per option the directive does not know."""
    allowed = sorted(known)
    which = f"known: {', '.join(allowed)}" if allowed else "it takes none"
    for name in given:
        if name not in allowed:
            warn(f"{directive}: unknown option {name!r} ({which})", location, "option")


#: Characters that end a line for Python and Unicode but not for docutils or MyST.
_LINE_SEPARATORS = ("\u2028", "\u2029", "\x85", "\x0b", "\x0c")


#: reStructuredText options given twice are renamed so (see mark_repeated_rst_options).
REPEATED_PREFIX = "crawl-repeated-"
_RST_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::")
_RST_OPTION = re.compile(r"^(\s+):([^:\s][^:]*):")


def mark_repeated_rst_options(lines: list[str], directives: set[str]) -> list[str]:
    """docutils stops with an error, and drops the whole entry, when an option is given
    twice; MyST keeps the last. To behave alike in both syntaxes, the earlier copies in
    our directives are renamed ``:crawl-repeated-<name>:`` before docutils reads the
    page (same number of lines), and the directive warns and keeps the last value."""
    out = list(lines)
    i = 0
    while i < len(out):
        start = _RST_DIRECTIVE.match(out[i])
        i += 1
        if not start or start.group(2) not in directives:
            continue
        seen: dict[str, int] = {}
        while i < len(out):
            option = _RST_OPTION.match(out[i])
            if not option or len(option.group(1)) <= len(start.group(1)):
                break
            name = option.group(2).strip()
            if name in seen:
                earlier = seen[name]
                out[earlier] = out[earlier].replace(f":{name}:", f":{REPEATED_PREFIX}{name}:", 1)
            seen[name] = i
            i += 1
    return out


def read_options(
    directive: str, options: dict[str, Any], block_text: str, known: Iterable[str], location: Any
) -> dict[str, Any]:
    """The options as authors meant them, for every sphinx-crawl directive: what the raw
    lines show is named (check_option_lines), the renamed earlier copies of a repeated
    option are dropped, and options the directive does not know are named."""
    check_option_lines(directive, block_text, location)
    kept = {name: value for name, value in options.items() if not name.startswith(REPEATED_PREFIX)}
    warn_unknown_options(directive, kept, known, location)
    return kept


def check_option_lines(directive: str, block_text: str, location: Any) -> None:
    """What the raw option lines show that parsed options no longer can.

    MyST keeps the last of two ``:age:`` lines without a word (docutils stops with an
    error), and splits an option line at a Unicode line separator (pasted from a word
    processor), pushing the rest of the line and the options after it into the body.
    Both are named, with the option, so the author knows what was made of them.
    """
    seen: set[str] = set()
    for line in block_text.split("\n")[1:]:
        stripped = line.strip()
        if not stripped.startswith(":") or stripped.count(":") < 2:
            break
        name = stripped[1:].split(":", 1)[0].strip()
        if name.startswith(REPEATED_PREFIX):  # reStructuredText, see mark_repeated_rst_options
            name = name.removeprefix(REPEATED_PREFIX)
            warn(
                f"{directive}: the :{name}: option is given twice; the last value is used",
                location,
                "option",
            )
            continue
        if name in seen:
            warn(
                f"{directive}: the :{name}: option is given twice; the last value is used",
                location,
                "option",
            )
        seen.add(name)
        if any(separator in line for separator in _LINE_SEPARATORS):
            warn(
                f"{directive}: the :{name}: line holds a Unicode line separator, which ends "
                "the options there (the rest goes into the body); replace it with a space",
                location,
                "option",
            )


#: Where MyST's ``---`` option block folds a YAML block list (``tags:`` then a line
#: ``- surfaces`` and a line ``- clothing``) into one line: ``- surfaces - clothing``.
_BLOCK_ITEM = re.compile(r"(?:^|\s)-(?:\s+|$)")


def list_option(text: str | None) -> list[str]:
    """A comma-separated option's values (:func:`split_list`), also where they are
    written as a YAML list, as MyST's ``---`` option block invites: ``tags: [a, b]``
    or ``source: ["nhs"]`` reach the directive as that text, brackets and quotes too;
    a list written a line an item (``- a`` then ``- b``) reaches it as ``- a - b``."""
    stripped = (text or "").strip()
    if stripped == "-" or stripped.startswith("- "):
        return _unquoted(_BLOCK_ITEM.split(stripped))
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return split_list(text)
    return _unquoted(split_list(stripped[1:-1]))


def _unquoted(items: Iterable[str]) -> list[str]:
    """YAML list items, the quotes around an item taken off."""
    items = [item.strip() for item in items]
    return split_list(
        ",".join(
            item[1:-1] if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"" else item
            for item in items
        )
    )
