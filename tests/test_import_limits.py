"""Imports that must not hold or fool a build (issue 25): a server that drips its answer
a byte at a time meets one overall deadline, and a YAML file that gives a key twice is
refused, as a JSON file is."""

from __future__ import annotations

import http.server
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinx_crawl.config import CrawlConfig
from tests.build_utils import build, serving


class _Drip(http.server.BaseHTTPRequestHandler):
    """Promises a large body, then sends one byte every half second: no single read
    ever waits long enough to time out."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass  # the build went on without us

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def dripping() -> Iterator[str]:
    with serving(_Drip) as (url, _server):
        yield url + "crawl.json"


def project(root: Path, conf: str, page: str, files: dict[str, str] | None = None) -> Path:
    src = root / "src"
    (src / "data").mkdir(parents=True)
    (src / "conf.py").write_text(
        'project = "Limits"\nextensions = ["sphinx_crawl"]\n' + conf, encoding="utf-8"
    )
    (src / "index.rst").write_text(page, encoding="utf-8")
    for name, text in (files or {}).items():
        (src / "data" / name).write_text(text, encoding="utf-8")
    return src


PAGE = "Limits\n======\n\nBefore.\n\n.. crawl-import:: drip\n\nAfter.\n"


def test_a_dripping_server_meets_one_deadline(tmp_path: Path, dripping: str) -> None:
    conf = f'crawl_import_sources = {{"drip": "{dripping}"}}\ncrawl_import_timeout = 2\n'
    src = project(tmp_path, conf, PAGE)
    started = time.monotonic()
    site = build(src)
    took = time.monotonic() - started
    assert took < 20, f"the build waited {took:.0f} s for a server that never finishes"
    said = site.crawl_warnings("import")
    assert any("no whole answer within 2 seconds" in w and "conf.py:3" in w for w in said), said
    text = site.main("index").get_text()
    assert "Before." in text
    assert "After." in text


def test_the_deadline_setting_is_checked() -> None:
    assert CrawlConfig.from_values({}).import_timeout == 60
    assert CrawlConfig.from_values({"crawl_import_timeout": 5}).import_timeout == 5
    for wrong in (0, -1, "10", True, 10_000):
        checked = CrawlConfig.from_values({"crawl_import_timeout": wrong})
        assert checked.import_timeout == 60, wrong
        assert checked.problems, wrong


YAML_TWICE = """\
project: Notes
entries:
  - type: tip
    id: bare-feet
    title: Bare feet on the floor
    title: Socks off
    text: Bare feet grip.
  - {type: tip, id: flow, title: A, title: B, text: Flow mapping.}
"""


@pytest.mark.parametrize(
    ("text", "line"),
    [(YAML_TWICE, "lines 5 and 6"), (YAML_TWICE.replace("    title: Socks off\n", ""), "lines 7")],
    ids=["block", "flow"],
)
def test_a_key_given_twice_in_yaml_is_refused_with_its_lines(
    tmp_path: Path, text: str, line: str
) -> None:
    conf = 'crawl_import_sources = {"notes": "data/notes.yaml"}\n'
    page = "Notes\n=====\n\nBefore.\n\n.. crawl-import:: notes\n\nAfter.\n"
    site = build(project(tmp_path, conf, page, {"notes.yaml": text}))
    said = site.crawl_warnings("import")
    assert len(said) == 1, said
    assert "the key 'title' is given twice" in said[0]
    assert line in said[0]
    assert "index.rst:6" in said[0]
    main = site.main("index")
    assert main.find("article") is None  # nothing from a file that says two things
    assert "After." in main.get_text()
