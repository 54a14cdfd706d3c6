"""Property-based fuzzing of every sphinx-crawl directive and role, in MyST and rST.

Each example writes one MyST page and one reStructuredText page, each holding a
random mix of ``tip-card``, ``red-flag``, ``milestone``, ``milestone-table``,
``crawl-list``, ``crawl-sources`` and ``crawl-schema`` directives (nested up to two deep), crawl
roles, headings and review metadata, plus a random ``crawl_sources`` in conf.py.
Titles, option values, ids, tags, ages, captions, role targets and conf values
are hostile: markup, script, ``javascript:`` URLs, template and format syntax,
backticks, colons, RTL and zero-width characters, emoji, combining marks, very
long strings. One build per example exercises a few dozen directives; then:

* the build completes, and nothing in its output mentions an exception;
* every warning is located (``path:line``); ours also carry ``[crawl.<subtype>]``;
* a page without warnings renders every entry written on it;
* every page is well-formed: balanced tags, no block element inside a paragraph
  or heading, unique ids, every entry an ``<article>`` opening with its heading;
* no page runs anything that came from the input (scripts, handlers, URLs);
* ``crawl.json`` validates against ``crawl.schema.json`` and its URLs resolve;
* no output leaks the source directory or docutils' messages.

Bodies are the author's own markup, which MyST and docutils turn into HTML as in
any Sphinx project (raw HTML in MyST, ``javascript:`` autolinks in rST; see
``test_escaping.py``). Body text is therefore drawn without ``<``, ``:`` and
backticks; everything sphinx-crawl itself renders from author input is hostile.

The examples are the same on every run. To search further, set
``CRAWL_FUZZ_EXAMPLES=500`` and ``CRAWL_FUZZ_RANDOM=1``; ``CRAWL_FUZZ_SHRINK=1`` lets
Hypothesis shrink a failure (slow: each step is a Sphinx build), which is otherwise
printed as found.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import event, example, given, note
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sphinx_crawl.diagnostics import SUBTYPES
from tests.build_utils import Build, build, build_property_settings, copy_root, read_search_index

pytestmark = pytest.mark.slow

FUZZ_SETTINGS = build_property_settings("CRAWL_FUZZ_EXAMPLES", 30)

# -- hostile text ----------------------------------------------------------------------

#: Any single-line character: no controls (tabs, newlines), surrogates or separators.
CHARS = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\" onclick='alert(1)'>x</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    'https://example.org/?q="><script>alert(1)</script>',
    "<iframe src=x>",
    "</article></section></table></div>",
    "<!--",
    "]]>",
    "&amp;",
    "&lt;b&gt;",
    "&#x3C;script&#x3E;",
    "{{ config }}",
    "{% raw %}",
    "%s",
    "%(x)s",
    "{0}",
    "`",
    "``",
    "```",
    ":::",
    ":",
    "::",
    ":x: y",
    "|sub|",
    "*",
    "**",
    "_",
    "x_",
    "[x](#y)",
    "[x](javascript:alert(1))",
    "![x](data:image/png;base64,AAAA)",
    "<javascript:alert(1)>",
    "{crawl:tip}`x`",
    ":crawl:tip:`x`",
    "{any}`x`",
    "\\",
    "'",
    '"',
    "--",
    "...",
    "#",
    "- ",
    "1. ",
    "> ",
    "$x$",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u00a0",
    "\u3000",
    "\u0301",
    "e\u0301",
    "\U0001f476\U0001f3fd",
    "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u4e2d\u6587",
    "\u00df",
    "\u0130",
    "\ufb01",
    "\u2013",
    "\u2014",
    "~",
    "Untagged",
    "crawl",
]

hostile_piece = st.one_of(st.sampled_from(HOSTILE), st.text(CHARS, min_size=1, max_size=8))
hostile_text = st.one_of(
    st.lists(hostile_piece, max_size=5).map("".join),
    st.sampled_from(["", " ", "Plain words"]),
    st.builds(
        lambda piece, times: piece * times,
        st.sampled_from(["x", "\u00e9 ", "\U0001f476", "<b>", "a, "]),
        st.integers(60, 300),
    ),
)

#: Author prose: no ``<`` (raw HTML), ``:`` (URL schemes, fences, options) or backticks.
body_text = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="<:`"),
    max_size=40,
)

# -- values of options -------------------------------------------------------------------

SOURCE_KEYS = ["kc", "who", "aap", "x.y_z-1"]

#: Ids that are clean slugs, and ids that other parts of a page also want.
SLUGS = [
    "one",
    "two",
    "a-b",
    "tip",
    "fuzz-myst",
    "fuzz-restructuredtext",
    "crawl-age",
    "crawl-early",
    "crawl-only",
    "crawl-age-heading",
    "one-title",
    "two-2",
    "check-one",
    "source-kc",
    "source-who",
    "id1",
    "search-results",
]

ids = st.one_of(st.sampled_from(SLUGS), hostile_text)
ages = st.one_of(
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", "by ", " "]),
        st.one_of(st.integers(0, 80).map(str), st.sampled_from(["1.5", "0.25", "6.0", "-1"])),
        st.sampled_from(["", "-6", "\u20139", " to 12", "+", "-4+", " - 3"]),
        st.sampled_from(["", " months", " month", " mo", " m", "mos.", " years", "+"]),
    ),
    hostile_text,
)
urgencies = st.one_of(
    st.sampled_from(["routine", "soon", "urgent", "URGENT", " Soon "]), hostile_text
)
tag_lists = st.one_of(
    st.lists(st.sampled_from(["play", "Play", "sleep", "\u00e9veil", "~", "Untagged", "a b"])).map(
        ", ".join
    ),
    hostile_text,
)
source_lists = st.one_of(
    st.lists(st.sampled_from([*SOURCE_KEYS, "nope", "KC"]), max_size=3).map(", ".join),
    hostile_text,
)
types = st.one_of(
    st.lists(st.sampled_from(["tip", "red-flag", "milestone", "activity"]), max_size=3).map(
        ", ".join
    ),
    hostile_text,
)
layouts = st.one_of(st.sampled_from(["table", "cards", "checklist", "Cards", "grid"]), hostile_text)
unknown_keys = st.from_regex(r"[a-z][a-z-]{0,8}", fullmatch=True)

VALUES: dict[str, st.SearchStrategy[str]] = {
    "id": ids,
    "age": ages,
    "tags": tag_lists,
    "source": source_lists,
    "keywords": hostile_text,
    "urgency": urgencies,
    "action": hostile_text,
    "type": types,
    "layout": layouts,
    "class": hostile_text,
}


def options(*known: str) -> st.SearchStrategy[list[tuple[str, str]]]:
    """Random option lines: mostly known names, sometimes unknown ones or repeats."""
    known_option = st.sampled_from(known).flatmap(
        lambda name: VALUES[name].map(lambda value: (name, value))
    )
    unknown_option = st.tuples(unknown_keys, hostile_text)
    option = st.one_of(known_option, known_option, unknown_option)
    # A repeated option is an error in both syntaxes (the directive is not run): rarer.
    return st.one_of(
        st.lists(option, max_size=5, unique_by=lambda item: item[0]),
        st.lists(option, max_size=5, unique_by=lambda item: item[0]),
        st.lists(option, max_size=5),
    )


# -- a page: blocks of markup --------------------------------------------------------


@dataclass
class Role:
    kind: str  # crawl:tip, crawl:red-flag, crawl:milestone, crawl:source, any, link
    target: str


@dataclass
class Para:
    pieces: list[str | Role]


@dataclass
class Directive:
    name: str
    title: str
    options: list[tuple[str, str]]
    body: list[Block] = field(default_factory=list)
    #: MyST only: ``` fences instead of ::: when nothing in the title forbids it.
    backticks: bool = False

    @property
    def is_entry(self) -> bool:
        return self.name in ENTRY_DIRECTIVES


@dataclass
class Heading:
    text: str


Block = Para | Directive | Heading

ENTRY_DIRECTIVES = {
    "tip-card": ("id", "age", "tags", "source", "keywords"),
    "red-flag": ("id", "age", "tags", "source", "keywords", "urgency", "action"),
    "milestone": ("id", "age", "tags", "source", "keywords"),
}

#: Targets as written in roles: ids, source keys, "!id" (no link), "text <id>" and text.
role_targets = st.one_of(
    st.sampled_from([*SLUGS, *SOURCE_KEYS, "!one", "~one", "!kc", "The one <one>", "<>"]),
    hostile_text,
).map(lambda t: t.replace("`", "").replace("\\", "").strip() or "x")
roles = st.builds(
    Role,
    st.sampled_from(
        ["crawl:tip", "crawl:red-flag", "crawl:milestone", "crawl:source", "any", "link"]
    ),
    role_targets,
)
paras = st.builds(Para, st.lists(st.one_of(body_text, roles), min_size=1, max_size=4))


def entries(name: str, children: st.SearchStrategy[Block] | None) -> st.SearchStrategy[Directive]:
    body = st.lists(st.one_of(paras, children) if children is not None else paras, max_size=3)
    return st.builds(
        Directive,
        st.just(name),
        hostile_text,
        options(*ENTRY_DIRECTIVES[name]),
        body,
        st.booleans(),
    )


def leaves() -> st.SearchStrategy[Directive]:
    return st.one_of(
        st.builds(
            Directive, st.just("crawl-list"), hostile_text, options("type", "tags", "age", "layout")
        ),
        st.builds(Directive, st.just("crawl-sources"), st.just(""), options("class")),
        st.builds(Directive, st.just("crawl-schema"), st.just(""), st.just([])),
    )


def blocks(depth: int) -> st.SearchStrategy[Block]:
    inner = blocks(depth - 1) if depth else None
    table_rows = st.lists(
        st.one_of(
            entries("milestone", None), entries("milestone", None), paras, entries("tip-card", None)
        ),
        max_size=4,
    )
    return st.one_of(
        entries("tip-card", inner),
        entries("red-flag", inner),
        entries("milestone", inner),
        st.builds(
            Directive,
            st.just("milestone-table"),
            hostile_text,
            options("class"),
            table_rows,
            st.booleans(),
        ),
        leaves(),
        paras,
    )


page_blocks = st.lists(
    st.one_of(blocks(1), blocks(1), blocks(0), st.builds(Heading, body_text)),
    min_size=4,
    max_size=14,
)
review_dates = st.one_of(
    st.sampled_from(["2026-11-21", "2026-02-30", "someday", "21/11/2026", "2026-11-21 10:00"]),
    hostile_text,
)


@dataclass
class Page:
    blocks: list[Block]
    review: str | None


pages = st.builds(Page, page_blocks, st.none() | review_dates)

# -- crawl_sources in conf.py ------------------------------------------------------------

source_urls = st.one_of(
    st.sampled_from(
        [
            "https://example.org/a",
            'http://example.org/?q="><script>alert(1)</script>',
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//example.org/x",
            "https:",
            "http://",
        ]
    ),
    hostile_text,
)
source_values = st.one_of(st.none(), st.integers(), hostile_text)
source_details = st.one_of(
    st.fixed_dictionaries(
        {"title": hostile_text},
        optional={
            "publisher": hostile_text,
            "author": hostile_text,
            "url": source_urls,
            "note": hostile_text,
        },
    ),
    st.fixed_dictionaries({"title": source_values, "author": source_values}),
    hostile_text,
)
#: Keys as they appear in conf.py: printable, no backslash or double quote (repr keeps them).
conf_keys = st.one_of(
    st.sampled_from(SOURCE_KEYS),
    st.text(
        st.characters(categories=("L", "N", "P", "S"), exclude_characters='\\"'),
        min_size=1,
        max_size=8,
    ),
)
crawl_sources = st.dictionaries(conf_keys, source_details, max_size=4)


# -- writing the pages ---------------------------------------------------------------


def fence_depth(block: Directive) -> int:
    inner = [b for b in block.body if isinstance(b, Directive)]
    return 1 + max(map(fence_depth, inner), default=0)


def md_inline(para: Para) -> str:
    parts = ["Body"]
    for piece in para.pieces:
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.kind == "link":
            plain = re.fullmatch(r"[^\s()<>\[\]]+", piece.target)
            parts.append(f"[](#{piece.target})" if plain else f"{{any}}`{piece.target}`")
        else:
            parts.append(f"{{{piece.kind}}}`{piece.target}`")
    return " ".join(parts)


def rst_inline(para: Para) -> str:
    parts = ["Body"]
    for piece in para.pieces:
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.kind == "link":
            parts.append(f":any:`{piece.target}`")
        else:
            parts.append(f":{piece.kind}:`{piece.target}`")
    return " ".join(parts)


def md_block(block: Block) -> list[str]:
    if isinstance(block, Para):
        return [md_inline(block)]
    if isinstance(block, Heading):
        return [f"## Heading {block.text}"]
    use_backticks = block.backticks and "`" not in block.title
    fence = ("`" if use_backticks else ":") * (2 + fence_depth(block))
    lines = [f"{fence}{{{block.name}}}" + (f" {block.title}" if block.title else "")]
    lines += [f":{key}: {value}".rstrip() for key, value in block.options]
    for child in block.body:
        lines += ["", *md_block(child)]
    return [*lines, fence]


def rst_block(block: Block, indent: str = "") -> list[str]:
    if isinstance(block, Para):
        return [indent + rst_inline(block)]
    if isinstance(block, Heading):
        text = f"Heading {block.text}"
        return [text, "-" * (2 * len(text) + 4)]
    lines = [f"{indent}.. {block.name}::" + (f" {block.title}" if block.title else "")]
    lines += [f"{indent}   :{key}: {value}".rstrip() for key, value in block.options]
    for child in block.body:
        lines += ["", *rst_block(child, indent + "   ")]
    return lines


def myst_page(page: Page) -> str:
    lines = []
    if page.review is not None:
        lines += ["---", f"last_reviewed: {page.review}", "---"]
    lines += ["# Fuzz MyST", ""]
    for block in page.blocks:
        lines += [*md_block(block), ""]
    return "\n".join(lines)


def rst_page(page: Page) -> str:
    lines = []
    if page.review is not None:
        lines += [f":last_reviewed: {page.review}", ""]
    lines += ["Fuzz reStructuredText", "=====================", ""]
    for block in page.blocks:
        # Headings only at the top level: rST has no sections inside directives.
        lines += [*rst_block(block), ""]
    return "\n".join(lines)


def conf_lines(sources: dict[str, Any]) -> str:
    """``crawl_sources`` with one key per line, so config warnings can name the line."""
    items = "".join(f"    {key!r}: {value!r},\n" for key, value in sources.items())
    return f"crawl_sources = {{\n{items}}}\n"


def count_entries(blocks: list[Block]) -> int:
    return sum(
        (1 if isinstance(b, Directive) and b.is_entry else 0)
        + (count_entries(b.body) if isinstance(b, Directive) else 0)
        for b in blocks
    )


# -- checking what was built ---------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WARNING = re.compile(r"\b(?:WARNING|ERROR|CRITICAL|SEVERE):")
LOCATED = re.compile(
    r"^<src>/(?P<path>[\w./-]+):(?P<line>\d+): (?:WARNING|ERROR|CRITICAL): (?P<message>.*)$"
)
OURS = re.compile(r" \[crawl\.(?P<subtype>[a-z]+)\]$")
DOCUTILS_MESSAGE = re.compile(r"\((?:DEBUG|INFO|WARNING|ERROR|SEVERE)/\d\)")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
#: Elements that may not appear inside <p> or <h1>-<h6> (the parser would close those).
FLOW_ONLY = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt",
    "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th", "ul", "caption",
}  # fmt: skip
PHRASING_PARENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
#: Never written by Sphinx, its theme or sphinx-crawl for these projects. (<img> is: a
#: title keeps its inline markup, and MyST has inline images, ``![x](data:image/...)``.)
FORBIDDEN = {
    "iframe", "object", "embed", "svg", "math", "frame", "frameset", "applet",
    "base", "template", "audio", "video", "source", "style", "textarea",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite"}
UNSAFE_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)


class Structure(HTMLParser):
    """A strict-ish reading of a page: balanced tags, content model, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: Counter[str] = Counter()

    def where(self) -> str:
        line, column = self.getpos()
        return f"line {line}:{column} in {'/'.join(self.stack[-4:])}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag in FLOW_ONLY and PHRASING_PARENTS & set(self.stack):
            self.problems.append(f"<{tag}> inside a paragraph or heading at {self.where()}")
        if tag == "a" and "a" in self.stack:
            self.problems.append(f"a link inside a link at {self.where()}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes nothing open at {self.where()}")
            if tag in self.stack:  # recover: drop what was left open
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]
            return
        self.stack.pop()

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1
            if name.startswith("on"):
                self.problems.append(f"event handler <{tag} {name}={value!r}> at {self.where()}")
            if name in URL_ATTRIBUTES and value is not None:
                # Browsers ignore control characters and spaces in a URL's scheme.
                squeezed = re.sub(r"[\x00-\x20]", "", value)
                image = tag == "img" and name == "src" and squeezed.startswith("data:image/")
                if UNSAFE_URL.match(squeezed) and not image:
                    self.problems.append(f"unsafe URL <{tag} {name}={value!r}> at {self.where()}")

    def close(self) -> None:
        super().close()
        if self.stack:
            self.problems.append(f"left open at the end: {self.stack}")


def _is_checklist_note_field(tag: Any) -> bool:
    """The one <textarea> sphinx-crawl writes: a checklist item's note field, empty
    (crawl-checklist.js fills it from the device), inside its own hidden wrapper."""
    return (
        tag.name == "textarea"
        and tag.get("class") == ["crawl-check-note-field"]
        and not tag.contents
        and tag.parent is not None
        and tag.parent.get("class") == ["crawl-check-note"]
    )


def page_problems(built: Build, page: str, baseline: dict[str, set[str]]) -> list[str]:
    """Everything wrong with one HTML page; ``baseline``: the scripts Sphinx writes."""
    text = built.text(f"{page}.html")
    parser = Structure()
    parser.feed(text)
    parser.close()
    problems = list(parser.problems)
    problems += [f"id {i!r} is used {n} times" for i, n in parser.ids.items() if n > 1]
    if str(built.srcdir) in text:
        problems.append("the page shows the source directory")
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in FORBIDDEN and not _is_checklist_note_field(tag):
            problems.append(f"<{tag.name}> in the page: {str(tag)[:80]}")
        elif tag.name == "script":
            src = tag.get("src")
            if src is None:
                if tag.get_text().strip() not in baseline["inline"]:
                    problems.append(f"a script Sphinx does not write: {str(tag)[:80]}")
            else:
                path = str(src).split("?")[0]
                scheme = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", path)
                if scheme or not (built.outdir / Path(page).parent / path).resolve().is_file():
                    problems.append(f"a script from elsewhere: {str(tag)[:80]}")
        elif tag.name in {"link", "meta"} and tag.find_parent("body") is not None:
            problems.append(f"<{tag.name}> in the body: {tag}")
    for article in soup.find_all("article", class_="crawl-entry"):
        heading = next(iter(article.find_all(True, recursive=False)), None)
        anchor = article.get("id", "")
        if (
            heading is None
            or not re.fullmatch(r"h[2-6]", heading.name)
            or "crawl-entry-title" not in (heading.get("class") or [])
            or heading.get("id") != f"{anchor}-title"
            or article.get("aria-labelledby") != f"{anchor}-title"
        ):
            problems.append(f"entry {anchor!r} does not open with its heading")
    if page.startswith("crawl-"):  # a domain index: each group lists an entry once
        group: list[str] = []
        for row in soup.select("table.indextable tr"):
            if "cap" in (row.get("class") or []):
                group = []
            for link in row.find_all("a", href=True):
                if link["href"] in group:
                    problems.append(f"{link['href']} is listed twice in one group")
                group.append(str(link["href"]))
    for row in soup.find_all("tr", class_="crawl-entry"):
        if row.find(class_="crawl-milestone-title", id=f"{row.get('id')}-title") is None:
            problems.append(f"milestone row {row.get('id')!r} has no titled cell")
    return problems


def rendered_entries(built: Build, page: str) -> int:
    main = built.main(page)
    return len(main.find_all("article", class_="crawl-entry")) + len(
        main.find_all("tr", class_="crawl-entry")
    )


def check_warnings(built: Build, md: Page, rst: Page) -> None:
    logs = built.app.status.getvalue() + built.app.warning.getvalue()
    assert "Traceback" not in logs, logs
    assert "Exception occurred" not in logs, logs
    assert built.app.statuscode == 0

    # Every line that reports a problem (Build.warnings() leaves CRITICAL out).
    text = ANSI.sub("", built.app.warning.getvalue()).replace(str(built.srcdir), "<src>")
    by_page: Counter[str] = Counter()
    for line in filter(WARNING.search, text.splitlines()):
        located = LOCATED.match(line)
        assert located, f"a warning without file and line: {line}"
        path = located["path"]
        number = int(located["line"])
        by_page[path] += 1
        ours = OURS.search(line)
        event(f"warning: {ours['subtype'] if ours else line.rsplit(' ', 1)[-1]}")
        if "[crawl." in line:
            assert ours, f"a crawl warning without its subtype at the end: {line}"
        if ours:
            assert ours["subtype"] in SUBTYPES, line
            lines = (built.srcdir / path).read_text(encoding="utf-8").splitlines()
            assert 1 <= number <= len(lines), f"line {number} is not in {path}: {line}"
            if path == "conf.py" and ours["subtype"] == "config":
                key = re.search(r"crawl_sources(?:\[|: )(?P<key>'.*?'|\".*?\")", line)
                if key:
                    assert key["key"] in lines[number - 1], f"points at the wrong line: {line}"

    # A page without warnings renders every entry written on it.
    for page, spec, name in ((md, "fuzz-md.md", "fuzz-md"), (rst, "fuzz-rst.rst", "fuzz-rst")):
        event(f"{spec} has warnings: {by_page[spec] > 0}")
        if by_page[spec] == 0:
            assert rendered_entries(built, name) == count_entries(page.blocks), name


def check_content_api(built: Build) -> None:
    schema = json.loads(built.text("crawl.schema.json"))
    Draft202012Validator.check_schema(schema)
    raw = built.text("crawl.json")
    data = json.loads(raw)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in Draft202012Validator(schema).iter_errors(data)
    ]
    assert errors == [], errors
    assert str(built.srcdir) not in raw
    entry_ids = [entry["id"] for entry in data["entries"]]
    assert len(entry_ids) == len(set(entry_ids))
    for entry in data["entries"]:
        for key in ("title", "text"):
            assert not DOCUTILS_MESSAGE.search(entry[key]), (key, entry[key])
        page, _, anchor = entry["url"].partition("#")
        found = BeautifulSoup(built.text(page), "html.parser").find(id=anchor)
        assert found is not None, f"{entry['url']} does not exist"
    for source in data["sources"]:
        assert set(source["cited_by"]) <= set(entry_ids)
    search = built.text("crawl-searchindex.js")
    read_search_index(search)
    assert str(built.srcdir) not in search


def check_pages(built: Build) -> None:
    index = BeautifulSoup(built.text("index.html"), "html.parser")
    baseline = {
        "inline": {s.get_text().strip() for s in index.find_all("script") if not s.get("src")}
    }
    pages = built.pages()
    expected = {"fuzz-md", "fuzz-rst", "lists", "sources"}
    assert expected | {"crawl-tips", "crawl-red-flags", "crawl-milestones"} <= set(pages)
    problems = {page: page_problems(built, page, baseline) for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def tip(title: str, *options: tuple[str, str], body: list[Block] | None = None) -> Directive:
    return Directive("tip-card", title, list(options), body or [])


#: Found by this test once; kept as an explicit example, so that every run checks them.
REGRESSIONS = {
    "md": Page(
        [
            # Listed once under "play" in the tips index; the tag "Untagged" is not a
            # second "Untagged" group (two alike ids), nor is the tag "~".
            tip("Tagged twice", ("id", "one"), ("age", "6 months"), ("tags", "play, Play")),
            tip("Tagged Untagged", ("tags", "Untagged")),
            tip("Tagged tilde", ("tags", "~")),
            tip("Not tagged"),
            # "one-title" is the id of the heading of "one".
            tip("Heading id", ("id", "one-title")),
            # The age filter form's own ids.
            tip("Form ids", ("id", "crawl-only"), ("age", "4-6 months")),
            tip("Form heading", ("id", "crawl-age-heading")),
            # A source's anchor, taken before the sources list; then a second list.
            tip("Source anchor", ("id", "source-kc")),
            Directive("crawl-sources", "", []),
            Directive("crawl-sources", "", []),
            # "!id" is a role that links nothing.
            Para(["See", Role("crawl:tip", "!one"), Role("crawl:source", "!kc")]),
        ],
        review=None,
    ),
    "rst": Page(
        [
            # docutils links "javascript:..." in a title; docutils' messages (which name
            # the source file) stay out of crawl.json.
            tip("Run javascript:alert(1) now", ("id", "js")),
            tip("Bad :foo:`role` and `open", body=[Para([":bar:`x`"])]),
            Para(["See", Role("crawl:tip", "!js")]),
        ],
        review="someday",
    ),
    # "a" is in most lines of conf.py: its warning must point at the line naming it.
    "sources": {"kc": {"title": "KC", "author": "A"}, "a": {"title": "A"}},
}


@FUZZ_SETTINGS
@given(md=pages, rst=pages, sources=crawl_sources)
@example(**REGRESSIONS)
def test_random_directives_build_cleanly(md: Page, rst: Page, sources: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="crawl-fuzz-") as tmp:
        srcdir = copy_root("fuzz-base", Path(tmp) / "src")
        myst, restructured, conf = myst_page(md), rst_page(rst), conf_lines(sources)
        note(f"fuzz-md.md:\n{myst}\n\nfuzz-rst.rst:\n{restructured}\n\nconf.py:\n{conf}")
        (srcdir / "fuzz-md.md").write_text(myst, encoding="utf-8")
        (srcdir / "fuzz-rst.rst").write_text(restructured, encoding="utf-8")
        with (srcdir / "conf.py").open("a", encoding="utf-8") as conf_py:
            conf_py.write(conf)
        built = build(srcdir, keep_going=True)
        note("warnings:\n" + "\n".join(built.warnings()))
        check_warnings(built, md, rst)
        check_pages(built)
        check_content_api(built)
