"""crawl.json's URLs are URLs whatever the builder: a page named with a space or an
accent ("sub dir/tîps page") is percent-encoded in dirhtml's crawl.json as in html's
(dirhtml's page addresses come from Sphinx unencoded, and a program fetching
``sub dir/tîps page/#toy-ahead`` got a malformed URL; the adopters' report, s37)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.build_utils import build

PAGE = "Tips\n====\n\n.. tip-card:: Toy ahead\n   :id: toy-ahead\n\n   Put a toy ahead.\n"


@pytest.mark.parametrize(
    ("builder", "page_url"),
    [("html", "sub%20dir/t%C3%AEps%20page.html"), ("dirhtml", "sub%20dir/t%C3%AEps%20page/")],
)
def test_entry_urls_are_percent_encoded_in_every_builder(
    tmp_path: Path, builder: str, page_url: str
) -> None:
    src = tmp_path / "src"
    (src / "sub dir").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_crawl"]\n', encoding="utf-8")
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   sub dir/tîps page\n", encoding="utf-8"
    )
    (src / "sub dir" / "tîps page.rst").write_text(PAGE, encoding="utf-8")
    site = build(src, buildername=builder)
    (entry,) = site.crawl_json()["entries"]
    page, _, anchor = entry["url"].partition("#")
    assert page == page_url
    assert anchor.startswith("toy-ahead")
    # The address leads to the file the builder wrote.
    written = Path(site.outdir, unquote(page))
    assert (written / "index.html" if page.endswith("/") else written).is_file()
