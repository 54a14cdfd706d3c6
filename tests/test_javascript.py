"""The scripts' unit tests without a browser: ``node --test tests/js``.

They check crawl-ages.js (the one place ages are computed) against the rules as
Python writes them. Skipped when Node.js is missing, except under CI (``CI=true``),
where a missing ``node`` is a failure: CI must run them (install ``nodejs``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JS_TESTS = ROOT / "tests" / "js"
#: node --test's own test runner needs Node 18 or later.
MIN_NODE = 18


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    reason = ""
    if found is None:
        reason = "Node.js is not installed (apt-get install nodejs)"
    else:
        version = subprocess.run(
            [found, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        major = version.lstrip("v").split(".")[0]
        if not major.isdigit() or int(major) < MIN_NODE:
            reason = f"Node.js {version or '?'} is too old for node --test (need {MIN_NODE}+)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI=true, so the JavaScript tests must run", pytrace=False)
        pytest.skip(reason)
    assert found is not None
    return found


@pytest.mark.parametrize("scripts", ["sources", "shipped"])
def test_javascript_unit_tests_pass(scripts: str, tmp_path: Path) -> None:
    """Against the sources, and against the scripts as a build ships them (minified:
    output.shipped_bytes), so minifying can never change what the scripts do."""
    files = sorted(JS_TESTS.glob("*.test.mjs"))
    assert files, f"no JavaScript tests in {JS_TESTS}"
    # The tests read the rules from Python: this interpreter, which has the package.
    env = {**os.environ, "PYTHON": sys.executable, "NODE_OPTIONS": ""}
    if scripts == "shipped":
        from sphinx_crawl.output import shipped_bytes

        for script in (ROOT / "sphinx_crawl" / "static").glob("*.js"):
            shipped = shipped_bytes(script)
            assert len(shipped) < 0.8 * script.stat().st_size, f"{script.name} not minified"
            (tmp_path / script.name).write_bytes(shipped)
        env["CRAWL_STATIC"] = str(tmp_path)
    result = subprocess.run(
        [node(), "--test", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
    assert "# fail 0" in result.stdout, result.stdout


def test_every_script_ships_as_terser_made_it_from_its_source() -> None:
    """Readers download terser's copy of each script (names shortened: a first search
    downloads 3 KiB fewer, issue 27), made from the source as it is now: a script
    changed since its copy was made fails here until ``nox -s minify`` is run."""
    from sphinx_crawl.output import shipped_bytes, terser_copy
    from tests.js.minify import scripts

    stale = [source.name for source in scripts() if terser_copy(source) is None]
    assert not stale, f"static/min is older than {stale}: run nox -s minify"
    for source in scripts():
        shipped = shipped_bytes(source)
        assert shipped == terser_copy(source)
        assert not shipped.startswith(b"//"), "the copy's header is not shipped"


def test_a_copy_older_than_its_source_is_never_shipped(tmp_path: Path) -> None:
    """An edited script is shipped from its own text (rjsmin) until its copy is made
    again: never the copy of the code before the edit."""
    from sphinx_crawl.output import TERSER_DIR, minified_script, shipped_bytes

    static = ROOT / "sphinx_crawl" / "static"
    source = tmp_path / "crawl-search.js"
    (tmp_path / TERSER_DIR).mkdir()
    shutil.copyfile(static / TERSER_DIR / source.name, tmp_path / TERSER_DIR / source.name)
    text = (static / source.name).read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    assert shipped_bytes(source) == shipped_bytes(static / source.name)
    edited = text.replace("const HOLD_MS = 3000;", "const HOLD_MS = 2000;")
    assert edited != text
    source.write_text(edited, encoding="utf-8")
    shipped = shipped_bytes(source)
    assert shipped == minified_script(edited).encode("utf-8")
    assert b"HOLD_MS=2000" in shipped.replace(b" ", b"")
