"""The wheel people install (issue 16): the license in its metadata and files, typed,
accepted by PyPI's checks, and working in a fresh ``sphinx-quickstart`` project of a
new environment: rST-only without MyST-Parser, then Markdown with ``[myst]``.

The new environment installs from the package index (pip's cache makes reruns fast).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    subprocess.run([*command, str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("sphinx_crawl-*.whl")
    return built


def test_the_wheel_holds_its_license_and_says_it_is_typed(wheel: Path) -> None:
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
    requires = metadata.get_all("Requires-Dist") or []
    # MyST-Parser only with the extra; jsonschema always (load(validate=True) needs it).
    assert any(r.startswith("myst-parser") and "extra ==" in r and "myst" in r for r in requires)
    assert not any(r.startswith("myst-parser") and "extra" not in r for r in requires)
    assert any(r.startswith("jsonschema") and "extra" not in r for r in requires)


def test_pypi_accepts_the_wheel(wheel: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout


RST_PAGE = """\
Tips
====

.. tip-card:: Bare knees on a hard floor
   :id: bare-knees
   :age: 6-10 months

   Knees grip better than fabric.

.. red-flag:: Not moving at all by 12 months
   :urgency: soon
   :see: bare-knees

   Talk to your doctor.
"""

MD_PAGE = """\
# Markdown tips

:::{tip-card} Toys just out of reach
:id: toys
:age: 6-10 months

Put a toy a little ahead.
:::
"""


def run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_a_fresh_quickstart_project_builds_with_the_wheel_rst_only_then_with_myst(
    wheel: Path, tmp_path: Path
) -> None:
    # A new environment with nothing in it, filled by this environment's pip (``--python``:
    # no copy of pip installed into it first), the packages left to compile as they are
    # imported (a build imports a fraction of them): installing was most of the test's time.
    venv.create(tmp_path / "env", with_pip=False)
    python = str(tmp_path / "env" / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-compile"]
    pip.append("--disable-pip-version-check")
    run([*pip, str(wheel)])
    missing = subprocess.run([python, "-c", "import myst_parser"], capture_output=True)
    assert missing.returncode != 0, "MyST-Parser came with a plain install"

    project = tmp_path / "project"
    run(
        [
            python, "-m", "sphinx.cmd.quickstart", "-q", "-p", "Demo", "-a", "Someone",
            "-v", "0.1", "--no-makefile", "--no-batchfile", str(project),
        ]
    )  # fmt: skip
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text().replace("extensions = []", 'extensions = ["sphinx_crawl"]'),
        encoding="utf-8",
    )
    (project / "tips.rst").write_text(RST_PAGE, encoding="utf-8")
    index = project / "index.rst"
    index.write_text(
        index.read_text().replace(":caption: Contents:\n", ":caption: Contents:\n\n   tips\n")
    )
    (project / "later.md").write_text(MD_PAGE, encoding="utf-8")

    build = [python, "-m", "sphinx", "-b", "html", str(project), str(project / "_build")]
    rst_only = run(build)
    # Without a Markdown parser, the .md page is named, with what to install.
    assert "later.md" in rst_only.stderr
    assert 'pip install "sphinx-crawl[myst]"' in rst_only.stderr
    assert rst_only.stderr.count("WARNING") == 1, rst_only.stderr
    tips = (project / "_build" / "tips.html").read_text(encoding="utf-8")
    assert 'id="bare-knees"' in tips
    assert "Soon: book an appointment" in tips
    # The JSON API with validation, on the plain install.
    check = run(
        [
            python, "-c",
            "from sphinx_crawl.api import load; import sys; "
            "h = load(sys.argv[1], validate=True); print(len(h.entries))",
            str(project / "_build" / "crawl.json"),
        ]
    )  # fmt: skip
    assert check.stdout.strip() == "2"

    run([*pip, f"{wheel}[myst]"])
    conf.write_text(
        conf.read_text().replace(
            'extensions = ["sphinx_crawl"]',
            'extensions = ["myst_parser", "sphinx_crawl"]\n'
            'myst_enable_extensions = ["colon_fence"]',
        ),
        encoding="utf-8",
    )
    index.write_text(index.read_text().replace("   tips\n", "   tips\n   later\n"))
    with_myst = run([*build, "-W", "--keep-going"])
    assert "WARNING" not in with_myst.stderr
    data = json.loads((project / "_build" / "crawl.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in data["entries"]} >= {"bare-knees", "toys"}
