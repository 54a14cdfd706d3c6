"""Hostile cases found in session 43 (lead): what an adopter's readers see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.build_utils import adopter_site, build, write_project


@pytest.mark.parametrize(
    ("language", "shown"),
    [("es", "6,5-10 meses"), ("fr", "6,5-10 mois"), ("en", "6.5-10 months")],
)
def test_a_half_month_age_is_written_with_the_language_s_decimal_sign(
    tmp_path: Path, language: str, shown: str
) -> None:
    """A Spanish handbook's ':age: 6.5-10 months' read "6.5-10 meses" on the card and in
    crawl.json, where a Spanish reader writes 6,5 (and the scripts, with
    Intl.NumberFormat, showed the reader's own age as "6,5"). The label takes the
    language's decimal sign where it is translated."""
    page = "Hitos\n=====\n\n.. milestone:: Gatea\n   :age: 6.5-10 months\n\n   Cuerpo.\n"
    built = adopter_site(tmp_path, page, language=language)
    assert shown in built.text("index.html")
    (entry,) = json.loads(built.text("crawl.json"))["entries"]
    assert entry["age"]["label"] == shown
    assert entry["age"]["min_months"] == 6.5


def test_an_age_imported_from_a_spanish_crawl_json_keeps_its_half_month(
    tmp_path: Path,
) -> None:
    """A Spanish handbook's crawl.json says "6,5-10 meses"; imported into another
    Spanish handbook the label was read as the numbers 6 and 5: "6-5 meses"."""
    first = build(
        write_project(
            tmp_path / "first",
            {
                "conf.py": 'project = "A"\nlanguage = "es"\nextensions = ["sphinx_crawl"]\n',
                "index.rst": "Hitos\n=====\n\n.. milestone:: Gatea\n   :id: gatea\n"
                "   :age: 6.5-10 months\n\n   Cuerpo.\n",
            },
        )
    )
    src = write_project(
        tmp_path / "second",
        {
            "conf.py": 'project = "B"\nlanguage = "es"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": "Hitos\n=====\n\n.. crawl-import:: crawl.json\n",
            "crawl.json": first.text("crawl.json"),
        },
    )
    built = build(src)
    assert "6,5-10 meses" in built.text("index.html")
    assert "6-5 meses" not in built.text("index.html")
