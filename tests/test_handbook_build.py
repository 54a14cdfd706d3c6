"""The real handbook in docs/ builds as strictly as CI builds it.

Runs ``sphinx-build -n -W --keep-going -b html`` in a subprocess, exactly as
the ``docs`` nox session does, but into a temporary directory so that docs/
is left untouched.
"""

from __future__ import annotations

from sphinx_crawl.api import Handbook, load


def test_handbook_builds_with_warnings_as_errors(handbook) -> None:
    result, _ = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    assert "build succeeded" in result.stdout
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    assert "Traceback" not in result.stdout + result.stderr


def test_handbook_publishes_its_content_api(handbook) -> None:
    result, html = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    assert (html / "crawl.json").is_file()
    assert (html / "crawl.schema.json").is_file()
    content: Handbook = load(html / "crawl.json", validate=True)
    assert {entry.type for entry in content.entries} >= {"milestone", "tip", "red-flag"}
    for entry in content.entries:
        page = entry.url.partition("#")[0]
        assert (html / page).is_file(), entry.url
        # conf.py sets crawl_require_source, so every entry cites something.
        assert entry.sources, entry.id
