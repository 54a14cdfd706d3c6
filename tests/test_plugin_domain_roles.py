"""A content type's name is its role in the ``crawl`` domain, so it may not be one of
the domain's own roles: before, a plugin type named ``contact`` took the role of
``{crawl:contact}``, and every "call :crawl:contact:`emergency`" in the handbook lost
its number (a ``crawl.ref`` warning, the bare word "emergency" on the page); one named
``source`` was silently unreachable, its links read as source keys. Now
register_content_type refuses both names, as it refuses others' directive names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sphinx.errors import ExtensionError

from sphinx_crawl.types import ContentType, get_registry, register_content_type
from tests.build_utils import build


@pytest.mark.parametrize("name", ["contact", "source"])
def test_a_type_may_not_take_a_role_of_the_domain(tmp_path: Path, make_app: Any, name: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    before = get_registry(app).names()
    thing = ContentType(name=name, directive=f"{name}-thing", label="Thing", plural="Things")
    message = f"content type {name!r}: the name is the crawl domain's own role"
    with pytest.raises(ExtensionError, match=re.escape(message)):
        register_content_type(app, thing)
    assert get_registry(app).names() == before


def test_the_contact_role_keeps_its_number(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_crawl"]\ncrawl_place = "uk"\n'
        'crawl_contacts = {"uk": {"label": "UK", "emergency": "999"}}\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Home\n====\n\nIn an emergency call :crawl:contact:`emergency`.\n", encoding="utf-8"
    )
    site = build(src)
    assert site.crawl_warnings() == []
    assert "call 999" in " ".join(site.main("index").get_text().split())
