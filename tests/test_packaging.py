"""The wheel people install: the license in its metadata and files, typed (issue 16)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_the_wheel_holds_its_license_and_says_it_is_typed(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path)]
    subprocess.run([*command, str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("sphinx_crawl-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_file = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(metadata_file).decode("utf-8"))
        license_file = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        license_text = archive.read(license_file).decode("utf-8")
    assert metadata["License-Expression"] == "MIT"
    assert license_text.startswith("MIT License")
    assert "sphinx_crawl/py.typed" in names
    assert "Typing :: Typed" in (metadata.get_all("Classifier") or [])
    # The package's scripts, styles and catalogs ship with it.
    for shipped in ("static/crawl.js", "static/crawl.css", "locale/es/LC_MESSAGES/sphinx_crawl.mo"):
        assert f"sphinx_crawl/{shipped}" in names
