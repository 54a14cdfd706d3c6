"""Shared fixtures: Sphinx's own testing fixtures and test projects under roots/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.api import Handbook, load
from tests.build_utils import Project, built_once

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots", "plugins", "bench"]

TESTS = Path(__file__).parent
ARTIFACTS = TESTS / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def _no_fsync() -> Iterator[None]:
    """Builds made in the test process write their files without waiting for the disk
    (``os.fsync``, 4 to 5 ms a file here, a dozen and more files a build, a thousand
    builds a run: a minute of the suite's time). What it guards, a file whole after
    the machine loses power, no test can see; a build stopped midway still leaves the
    old file or the new one (written aside, then renamed). Builds run as their own
    processes (the handbook's, the killed builds of test_crash_safe) still sync."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield


def _jinja_settings(environment: Any, name: str | None) -> tuple[Any, ...]:
    """What Jinja's compiler reads from an environment, besides a template's source:
    the same for every Sphinx app of a run (Sphinx makes each the same way)."""
    autoescape = environment.autoescape
    return (
        type(environment),
        environment.code_generator_class,
        tuple(sorted(environment.extensions)),
        autoescape(name) if callable(autoescape) else autoescape,
        environment.finalize,
        environment.optimized,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
    )


@pytest.fixture(scope="session", autouse=True)
def _templates_compiled_once() -> Iterator[None]:
    """Each Sphinx app made in the test process has a Jinja environment of its own, which
    compiled every template of the theme again (layout.html, page.html, the ``_t``
    static files...): half the CPU of a small project's build, a thousand builds and
    more a run. Here a template's compiled code is kept for the run, by its source and
    name and the settings the compiler reads: what Jinja would compile again, the same.
    (Builds run as their own processes compile as before.)"""
    import jinja2

    compiled: dict[tuple[Any, ...], Any] = {}
    compile_template: Callable[..., Any] = jinja2.Environment.compile

    def compile_once(
        self: jinja2.Environment,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if not isinstance(source, str):  # a parsed template: compiled as it is
            return compile_template(self, source, name, filename, raw, defer_init)
        key = (_jinja_settings(self, name), source, name, filename, raw, defer_init)
        if key not in compiled:
            compiled[key] = compile_template(self, source, name, filename, raw, defer_init)
        return compiled[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", compile_once)
        yield


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


DOCS = TESTS.parent / "docs"
PACKAGE = TESTS.parent / "sphinx_crawl"


def _build_editions(out: Path) -> dict[str, list[Any]]:
    """The handbook's editions as CI builds them (``-n -W --keep-going``) and ``nox -s
    docs`` lays them out: English into ``out/html``, Spanish into its ``es/``, each with
    doctrees of its own. Each build's command, return code, output and errors."""
    found = {}
    for language, html, doctrees in (
        ("en", out / "html", out / "doctrees"),
        ("es", out / "html" / "es", out / "doctrees-es"),
    ):
        command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html"]
        command += ["-d", str(doctrees), str(DOCS), str(html)]
        env = {**os.environ, "CRAWL_LANGUAGE": language}
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        found[language] = [command, result.returncode, result.stdout, result.stderr]
    return found


@pytest.fixture(scope="session")
def handbook_editions(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, subprocess.CompletedProcess[str]]]:
    """Both editions, built once for the whole run (every xdist worker reads the same
    build, made again only when the handbook or the package changes): the folder, and
    each edition's finished build process."""
    out, found = built_once(tmp_path_factory, "handbook", [DOCS, PACKAGE], _build_editions)
    return out, {language: subprocess.CompletedProcess(*run) for language, run in found.items()}


@pytest.fixture(scope="session")
def handbook(
    handbook_editions: tuple[Path, dict[str, subprocess.CompletedProcess[str]]],
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The real handbook, built as CI builds it (``-n -W --keep-going``).

    Returns the finished process and the HTML output directory.
    """
    out, found = handbook_editions
    return found["en"], out / "html"


@pytest.fixture(scope="session")
def handbook_json(handbook: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    """The real handbook's crawl.json, as other projects import it."""
    result, html = handbook
    assert result.returncode == 0, result.stderr[-3000:]
    return html / "crawl.json"


@pytest.fixture(scope="session")
def spanish_handbook(
    handbook_editions: tuple[Path, dict[str, subprocess.CompletedProcess[str]]],
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The Spanish edition, built as ``nox -s docs`` builds it: into ``es/`` of the
    English build's output, with its own doctrees."""
    out, found = handbook_editions
    return found["es"], out / "html" / "es"


@pytest.fixture(scope="session")
def handbook_builds(
    tmp_path_factory: pytest.TempPathFactory,
    handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> Project:
    """The handbook in any builder, each built once, from the HTML build's parsed pages
    (a copy of them: the HTML build is shared, and other builders write to them)."""
    out = tmp_path_factory.mktemp("handbook-builds")
    doctrees = shutil.copytree(handbook[1].parent / "doctrees", out / "doctrees")
    builds = Project("handbook", DOCS, out, doctrees)
    builds.built["html"] = handbook
    return builds


@pytest.fixture(scope="session")
def content(handbook: tuple[subprocess.CompletedProcess[str], Path]) -> Handbook:
    """The handbook's crawl.json, validated, as programs read it."""
    result, html = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    return load(html / "crawl.json", validate=True)


# -- the order files start in --------------------------------------------------------

#: The files that take longest, longest first (seconds in a whole run of the tests
#: session's command, two workers, with --durations=0, at 8389c12, on two cores shared
#: at load 8 to 10; most have few tests). They start first: pytest-xdist
#: (--dist loadfile) hands each worker a whole file at a time, by default the files of
#: most tests first, so these came last and one worker ran one of them alone while the
#: other waited. The rest follow, most tests first, as xdist would have them (the tests
#: session passes --no-loadscope-reorder so that this order holds).
LONGEST_FIRST = (
    "tests/browser/test_themes.py",  # 128 s (s50: 85 s)
    "tests/browser/test_a11y.py",  # 126 s (s50: 85 s)
    "tests/browser/test_baby_records_property.py",  # 83 s (s50: 46 s)
    "tests/test_incremental_edits.py",  # 74 s
    "tests/test_crash_safe.py",  # 72 s
    "tests/browser/test_companion.py",  # 53 s
    "tests/browser/test_emergency.py",  # 49 s
    "tests/test_incremental.py",  # 46 s
    "tests/test_search_parts.py",  # 46 s
    "tests/browser/test_age_filter.py",  # 35 s
    "tests/browser/test_search.py",  # 34 s
    "tests/test_hostile_adopters_s46.py",  # 32 s
    "tests/test_packaging.py",  # 26 s
    "tests/test_interrupted.py",  # 25 s
    "tests/browser/test_light.py",  # 24 s
    "tests/test_every_builder.py",  # 23 s
    "tests/test_hostile_parents_s46.py",  # 23 s
    "tests/browser/test_companion_storage.py",  # 23 s
    "tests/test_loader.py",  # 23 s
    "tests/browser/test_offline_budget.py",  # 22 s
    "tests/browser/test_unseen_themes.py",  # 22 s
    "tests/browser/test_checklist.py",  # 21 s
    "tests/browser/test_offline_failures.py",  # 20 s
    "tests/browser/test_offline.py",  # 19 s
    "tests/test_hostile_adopters_s42.py",  # 19 s
    "tests/browser/test_phone.py",  # 19 s
    "tests/test_hostile_adopters_s45.py",  # 18 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first, then the others by their number of tests; a file's
    tests keep their order (the sort is stable, and a file's items share a key)."""
    files = [item.nodeid.split("::", 1)[0] for item in items]
    tests = Counter(files)
    first = {file: rank for rank, file in enumerate(LONGEST_FIRST)}
    key = {
        id(item): (first.get(file, len(first)), -tests[file])
        for item, file in zip(items, files, strict=True)
    }
    items.sort(key=lambda item: key[id(item)])


# -- the handbook-search summary, added up from every pytest-xdist worker ---------------
# (here, not in tests/browser/conftest.py: the main process of an xdist run loads only
# this conftest)


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the main process clears old ranks
        for old in ARTIFACTS.glob("search-ranks-*.json"):
            old.unlink()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    ranks: dict[str, int | None] = {}
    for path in sorted(ARTIFACTS.glob("search-ranks-*.json")):
        ranks.update(json.loads(path.read_text(encoding="utf-8")))
    if not ranks:
        return
    total = len(ranks)
    top1 = sum(1 for rank in ranks.values() if rank == 1)
    top3 = sum(1 for rank in ranks.values() if rank is not None and rank <= 3)
    top5 = sum(1 for rank in ranks.values() if rank is not None and rank <= 5)
    terminalreporter.write_sep("-", "handbook search")
    terminalreporter.write_line(
        f"{total} parent queries: hit@1 {top1}/{total} ({top1 / total:.0%}), "
        f"hit@3 {top3}/{total} ({top3 / total:.0%}), top 5 {top5}/{total}"
    )
    for query, rank in ranks.items():
        terminalreporter.write_line(f"  {query!r}: {'not found' if rank is None else rank}")
