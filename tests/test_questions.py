"""Questions as entries: the FAQ's answers are searchable, linkable, exported, and
marked up as schema.org FAQPage data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.build_utils import build, read_search_index

HOSTILE = "Is </script><script>alert(1)</script> normal?"

SOURCE = f"""# Questions

:::{{question}} {HOSTILE}
:id: hostile-question
:keywords: worried, normal

Usually, yes. An answer with a [link](https://example.org).
:::

:::{{question}} Who can help?
:id: who-can-help

Your pediatrician.
:::
"""


def _faq_data(html: str) -> list[Any]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_questions_are_entries_with_faq_page_data(tmp_path: Path, make_app: Any) -> None:
    src = tmp_path / "project"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    (src / "index.md").write_text(SOURCE, encoding="utf-8")
    built = build(src, make_app=make_app)
    assert built.crawl_warnings() == []
    html = built.text("index.html")
    # The title cannot end the JSON-LD script: one script, whole, with the title intact.
    (data,) = _faq_data(html)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [HOSTILE, "Who can help?"]
    assert data["mainEntity"][1]["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "Your pediatrician.",
    }
    assert "<script>alert(1)" not in html
    # Exported, searchable and linkable like every entry.
    entries = {e["id"]: e for e in built.crawl_json()["entries"]}
    assert entries["who-can-help"]["type"] == "question"
    assert entries["who-can-help"]["url"] == "index.html#who-can-help"
    index = read_search_index(built.text("crawl-searchindex.js"))
    assert "Question" in index["labels"]
    assert "pediatrician" in index["words"]["x"]


def test_a_page_without_questions_has_no_faq_data(tmp_path: Path, make_app: Any) -> None:
    src = tmp_path / "project"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    (src / "index.md").write_text(
        "# Tips\n\n:::{tip-card} Try carpet\n:id: carpet\n\nGrip.\n:::\n", encoding="utf-8"
    )
    built = build(src, make_app=make_app)
    assert _faq_data(built.text("index.html")) == []


def test_the_handbook_faq_is_made_of_questions(handbook: tuple[Any, Path]) -> None:
    out = handbook[1]
    (data,) = _faq_data((out / "faq.html").read_text(encoding="utf-8"))
    content = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    questions = [e for e in content["entries"] if e["type"] == "question"]
    assert len(questions) >= 12
    assert [q["name"] for q in data["mainEntity"]] == [q["title"] for q in questions]
    assert all(q["sources"] for q in questions)
    assert any("corrected age" in q["keywords"] for q in questions)


def test_the_search_index_says_which_kinds_are_answers_and_signs(
    handbook: tuple[Any, Path],
) -> None:
    """crawl.js ranks by these roles: questions first for a worry, red flags for a sign."""
    index = read_search_index((handbook[1] / "crawl-searchindex.js").read_text("utf-8"))
    roles = {index["labels"][int(kind)]: role for kind, role in index["roles"].items()}
    assert roles == {"Question": "answer", "Red flag": "sign"}
