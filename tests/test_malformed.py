"""Mistakes authors make: each is a located, silenceable warning, never a failed build.

``tests/roots/test-malformed`` has one MyST page and one reStructuredText page
with the same mistakes, each entry followed by a paragraph that must survive.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.build_utils import ROOTS, Build, build, copy_root

PAGES = {"md": "malformed-md.md", "rst": "malformed-rst.rst"}

MYST_NESTED_LINES = pytest.mark.xfail(
    strict=True,
    reason=(
        "MyST 5.2 prepends a newline to a colon-fenced directive body that starts with a "
        "nested ::: fence (render_colon_fence), so every line inside it is reported one "
        "line further down than it is"
    ),
)


# name, warning subtype, MyST line, rST line, text of that line, words of the warning
CASES = [
    ("unknown-option", "option", 6, 6, "Unknown option", "unknown option 'colour'"),
    ("unreadable-age", "age", 15, 14, "Unreadable age", "cannot read the age 'when ready'"),
    ("reversed-age", "age", 24, 22, "Reversed age", "the age '10-6 months' runs backwards"),
    ("absurd-age", "age", 33, 30, "Absurd age", "the age '90 months' is beyond 72 months"),
    (
        "unknown-urgency",
        "field",
        42,
        38,
        "Unknown urgency",
        ":urgency: 'whenever' is not one of: routine, soon, urgent",
    ),
    ("unknown-source", "source", 51, 46, "Unknown source", "unknown source 'nosuchsource'"),
    ("missing-title", "title", 60, 54, "tip-card", "the entry has no title"),
    ("no-age", "age", 69, 63, "Milestone without age", "the :age: option is required"),
    (
        "prose-in-table",
        "content",
        86,
        78,
        "Prose that belongs outside the table",
        "only milestone entries belong in the table",
    ),
    ("bad-id", "id", 91, 82, "Bad id", "is not a lowercase slug; using 'bad-id-"),
    ("twice", "id", 105, 94, "Second of a pair", "duplicate crawl id 'twice-"),
    ("heading-twice", "id", 115, 104, "Same id as a heading", "is used twice on this page"),
]


def _params(*, myst_nested_xfail: bool) -> list[Any]:
    params = []
    for name, subtype, md_line, rst_line, line_text, words in CASES:
        for syntax, line in (("md", md_line), ("rst", rst_line)):
            marks = (
                [MYST_NESTED_LINES]
                if myst_nested_xfail and syntax == "md" and name in {"no-age", "prose-in-table"}
                else []
            )
            params.append(
                pytest.param(
                    syntax,
                    name,
                    subtype,
                    line,
                    line_text,
                    words,
                    marks=marks,
                    id=f"{syntax}-{name}",
                )
            )
    return params


@pytest.fixture(scope="module")
def malformed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("malformed", tmp_path_factory.mktemp("malformed") / "src"))


def text_of(element: Any) -> str:
    return " ".join(element.get_text(" ").split())


def located(built: Build, page: str, words: str) -> list[str]:
    """The warnings about ``page`` containing ``words``."""
    return [w for w in built.warnings() if w.startswith(f"<src>/{page}:") and words in w]


@pytest.mark.parametrize(
    ("syntax", "name", "subtype", "line", "line_text", "words"), _params(myst_nested_xfail=True)
)
def test_each_mistake_is_a_warning_at_its_file_and_line(
    malformed: Build, syntax: str, name: str, subtype: str, line: int, line_text: str, words: str
) -> None:
    page = PAGES[syntax]
    found = located(malformed, page, words)
    assert len(found) == 1, found
    assert found[0].startswith(f"<src>/{page}:{line}: WARNING: ")
    assert found[0].endswith(f"[crawl.{subtype}]")


@pytest.mark.parametrize(
    ("syntax", "name", "subtype", "line", "line_text", "words"), _params(myst_nested_xfail=False)
)
def test_the_expected_lines_hold_the_mistakes(
    syntax: str, name: str, subtype: str, line: int, line_text: str, words: str
) -> None:
    """Guards the table above: editing the root without updating it fails here."""
    lines = (ROOTS / "test-malformed" / PAGES[syntax]).read_text(encoding="utf-8").splitlines()
    assert line_text in lines[line - 1]


@pytest.mark.parametrize("syntax", list(PAGES))
@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_the_rest_of_the_page_survives(malformed: Build, syntax: str, name: str) -> None:
    main = malformed.main(f"malformed-{syntax}")
    text = text_of(main)
    if name == "prose-in-table":
        assert f"Prose that belongs outside the table ({syntax})." in text
    else:
        assert f"Body of {name} ({syntax})." in text
    assert f"After {name} ({syntax})." in text


def test_the_build_completes_without_a_traceback(malformed: Build) -> None:
    logs = malformed.app.status.getvalue() + malformed.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs
    for page in ("index", "malformed-md", "malformed-rst", "sources"):
        assert (malformed.outdir / f"{page}.html").is_file()
    assert (malformed.outdir / "crawl.json").is_file()


def test_every_warning_is_a_located_crawl_warning(malformed: Build) -> None:
    warnings = malformed.warnings()
    # Two pages of mistakes, the bad URL in conf.py and a bad review date on each page;
    # docutils and MyST add none of their own (unknown options reach the directive).
    assert len(warnings) == 2 * len(CASES) + 1 + 2, "\n".join(warnings)
    location = re.compile(r"^<src>/[\w.-]+:\d+: WARNING: .* \[crawl\.[a-z]+\]$")
    assert [w for w in warnings if not location.match(w)] == []


def test_a_bad_review_date_is_reported_on_the_page(malformed: Build) -> None:
    for page in PAGES.values():
        found = located(malformed, page, "last_reviewed: 'someday' is not a date")
        assert len(found) == 1
        assert re.match(rf"<src>/{re.escape(page)}:[1-3]: WARNING: ", found[0])
        assert found[0].endswith("[crawl.review]")
    # No review line is made up from it.
    assert malformed.main("malformed-md").find(class_="crawl-review") is None


def test_an_unsafe_source_url_is_reported_and_left_out(malformed: Build) -> None:
    found = [w for w in malformed.warnings() if "javascript:alert(1)" in w]
    assert len(found) == 1
    assert found[0].startswith("<src>/conf.py:6: WARNING: ")
    assert found[0].endswith("[crawl.config]")
    for page in malformed.pages():
        assert "javascript:" not in malformed.text(f"{page}.html").lower(), page
    # The source itself is still listed, without a link.
    evil = malformed.main("sources").find(id="source-evil")
    assert "A source with a script URL" in text_of(evil)
    assert evil.find("a", class_="external") is None
    source = next(s for s in malformed.crawl_json()["sources"] if s["id"] == "evil")
    assert source["url"] is None


@pytest.mark.parametrize("syntax", list(PAGES))
def test_what_the_reader_sees_for_each_mistake(malformed: Build, syntax: str) -> None:
    main = malformed.main(f"malformed-{syntax}")

    def entry(entry_id: str) -> Any:
        found = main.find(id=entry_id)
        assert found is not None, entry_id
        return found

    # Ages that cannot be trusted are not shown, rather than shown wrong.
    for name in ("unreadable-age", "reversed-age", "absurd-age"):
        article = entry(f"{name}-{syntax}")
        assert article.find(class_="crawl-age") is None
        assert not article.has_attr("data-crawl-age-min")
    # An unknown urgency still states a level in words: the safest one.
    flag = entry(f"unknown-urgency-{syntax}")
    assert text_of(flag.find(class_="crawl-badge")) == "Urgent: get help today"
    assert "crawl-urgency-urgent" in flag["class"]
    # An unknown source is not linked.
    assert entry(f"unknown-source-{syntax}").find(class_="crawl-sources") is None
    # A missing title falls back to the type's label.
    title = entry(f"missing-title-{syntax}").find(class_="crawl-entry-title")
    assert text_of(title).removesuffix("¶").strip() == "Tip"
    # A messy id is cleaned into a slug.
    assert "Bad id" in text_of(entry(f"bad-id-{syntax}"))
    # A repeated id gets its own anchor; the heading keeps its own.
    assert "Second of a pair" in text_of(entry(f"twice-{syntax}-2"))
    assert "First of a pair" in text_of(entry(f"twice-{syntax}"))
    assert entry(f"heading-twice-{syntax}").name == "section"
    assert "Same id as a heading" in text_of(entry(f"heading-twice-{syntax}-2"))
    # A heading after an entry with the same id does not steal its anchor.
    assert entry(f"entry-first-{syntax}").name == "article"
    ids = Counter(element["id"] for element in main.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []


def test_suppress_warnings_silences_one_subtype_only(
    malformed: Build, tmp_path_factory: pytest.TempPathFactory
) -> None:
    quiet = build(
        copy_root("malformed", tmp_path_factory.mktemp("malformed-quiet") / "src"),
        confoverrides={"suppress_warnings": ["crawl.age"]},
    )
    everything = malformed.warnings()
    assert any(w.endswith("[crawl.age]") for w in everything)
    assert quiet.warnings() == [w for w in everything if not w.endswith("[crawl.age]")]
