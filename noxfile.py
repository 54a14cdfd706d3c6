"""Build, test and lint sphinx-crawl. Sessions use the Python that runs nox."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "slow", "docs"]
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
DOCS_OUT = ROOT / "docs" / "_build" / "html"
LIVE_OUT = ROOT / "docs" / "_build" / "live"
GETTEXT_OUT = ROOT / "docs" / "_build" / "gettext"
#: Editions besides English, each built into DOCS_OUT / <language> (see docs/conf.py).
EDITIONS = ("es",)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the handbook's editions with warnings as errors: English into
    docs/_build/html, Spanish into docs/_build/html/es (its catalogs complete)."""
    session.install("-e", ".[docs]")
    build = ["sphinx-build", "-n", "-W", "--keep-going", "-b", "html", "docs"]
    session.run(*build, str(DOCS_OUT), *session.posargs)
    for language in EDITIONS:
        _check_translations(session, language)
        session.run(
            *build, str(DOCS_OUT / language), *session.posargs, env={"CRAWL_LANGUAGE": language}
        )
    session.log(f"The handbook is built: open {DOCS_OUT / 'index.html'}")


#: The places of crawl_contacts the handbook ships (docs/conf.py): each gets its own build.
PLACES = ("uk", "usa")
PLACES_OUT = ROOT / "docs" / "_build" / "places"


@nox.session
def places(session: nox.Session) -> None:
    """Build the handbook for each place it ships (``-D crawl_place=uk``...: whom to call
    and the emergency number of that place), every edition, with warnings as errors:
    into docs/_build/places/<place>/ (Spanish in <place>/es/)."""
    session.install("-e", ".[docs]")
    for language in EDITIONS:
        _check_translations(session, language)
    for place in PLACES:
        build = ["sphinx-build", "-n", "-W", "--keep-going", "-b", "html"]
        build += ["-D", f"crawl_place={place}", "docs"]
        session.run(*build, str(PLACES_OUT / place), *session.posargs)
        for language in EDITIONS:
            session.run(
                *build,
                str(PLACES_OUT / place / language),
                *session.posargs,
                env={"CRAWL_LANGUAGE": language},
            )
    session.log(f"Built for {', '.join(PLACES)}: open {PLACES_OUT}/<place>/index.html")


@nox.session
def translations(session: nox.Session) -> None:
    """Refresh the translation catalogs (docs/locales) after the English text changes,
    then report what is untranslated or fuzzy: translate those, and run it again."""
    session.install("-e", ".[docs]")
    _gettext(session)
    for language in EDITIONS:
        session.run(
            "sphinx-intl", "update", "-p", str(GETTEXT_OUT), "-d", "docs/locales", "-l", language
        )
        _report(session, language, success_codes=[0, 1])


def _gettext(session: nox.Session) -> None:
    shutil.rmtree(GETTEXT_OUT, ignore_errors=True)
    session.run("sphinx-build", "-q", "-b", "gettext", "docs", str(GETTEXT_OUT))
    # The authors' reference is English only.
    shutil.rmtree(GETTEXT_OUT / "authoring", ignore_errors=True)


def _report(session: nox.Session, language: str, **kwargs: object) -> None:
    session.run(
        "python",
        "-m",
        "sphinx_crawl.catalogs",
        "docs/locales",
        language,
        "--templates",
        str(GETTEXT_OUT),
        "--skip",
        "authoring/*",
        **kwargs,  # type: ignore[arg-type]
    )


def _check_translations(session: nox.Session, language: str) -> None:
    """Stop before building an edition with a message missing, untranslated or fuzzy."""
    _gettext(session)
    _report(session, language)


@nox.session(name="docs-live")
def docs_live(session: nox.Session) -> None:
    """Preview the handbook, rebuilding as pages or the extension change. It writes to
    docs/_build/live (with its own doctrees), never over the strict build of ``docs``;
    stopping nox (Ctrl-C, SIGTERM or SIGHUP) stops the server and everything it
    started, so nothing is left holding the port."""
    session.install("-e", ".[docs]")
    _serve_until_stopped(
        session,
        "sphinx-autobuild",
        "docs",
        str(LIVE_OUT),
        "-d",
        str(LIVE_OUT.parent / "live-doctrees"),
        "--watch",
        "sphinx_crawl",
        "--open-browser",
        *session.posargs,
    )


def _serve_until_stopped(session: nox.Session, *command: str) -> None:
    """Run a server in a process group of its own and stop the whole group when nox
    stops. (nox stops only the process it started, and on Ctrl-C alone: SIGTERM left
    sphinx-autobuild and its builds serving the port.)"""
    import signal
    import subprocess

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, interrupt)
    bin_dir = str(session.bin)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    env["VIRTUAL_ENV"] = str(Path(bin_dir).parent)
    server = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        session.log("Stopping the server...")
    finally:
        _stop_group(server)


def _stop_group(process: object) -> None:
    """SIGTERM to the process's whole group, then SIGKILL to whatever is left."""
    import signal
    import subprocess

    assert isinstance(process, subprocess.Popen)
    for stop, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 0.0)):
        try:
            os.killpg(process.pid, stop)
        except ProcessLookupError:
            return  # the group is gone
        try:
            process.wait(timeout=grace or None)
        except subprocess.TimeoutExpired:
            continue


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (browser tests skip without Chromium unless CI=true)."""
    session.install("-e", ".[test,docs,browser,themes]")
    # One worker per core; a test file stays on one worker, so its fixtures build once.
    # Files start in the order tests/conftest.py gives (the longest first), not by their
    # number of tests.
    session.run(
        "pytest",
        "-n",
        "auto",
        "--dist",
        "loadfile",
        "--no-loadscope-reorder",
        # The slowest tests, to see where the 10 minutes go (LONGEST_FIRST in conftest).
        "--durations=30",
        *session.posargs,
        env={"PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", "")},
    )


@nox.session
def slow(session: nox.Session) -> None:
    """The long Hypothesis property tests (builds of generated projects), left out of tests."""
    session.install("-e", ".[test,docs]")
    session.run(
        "pytest",
        "-m",
        "slow",
        "-n",
        "auto",
        "--dist",
        "loadfile",
        "-p",
        "no:cacheprovider",
        *session.posargs,
    )


@nox.session(name="same-output")
def same_output(session: nox.Session) -> None:
    """Build the handbook at a git revision and at the working tree; fail if any output
    file differs (``nox -s same-output -- <rev>``, default HEAD): a refactor's proof."""
    import shutil
    import tempfile

    session.install("-e", ".[docs]")
    revision = session.posargs[0] if session.posargs else "HEAD"
    work = Path(tempfile.mkdtemp(prefix="crawl-same-output-"))
    try:
        session.run(
            "git", "worktree", "add", "--detach", str(work / "before"), revision, external=True
        )
        for name, tree in (("before", work / "before"), ("after", ROOT)):
            session.run(
                "python",
                "-m",
                "sphinx",
                "-q",
                "-b",
                "html",
                "-d",
                str(work / f"{name}-doctrees"),
                str(tree / "docs"),
                str(work / name / "_out"),
                env={"PYTHONPATH": str(tree)},
            )
        session.run(
            "diff",
            "-r",
            "-q",
            str(work / "before" / "_out"),
            str(work / "after" / "_out"),
            external=True,
        )
        session.log(f"The handbook built at {revision} and now is byte-identical.")
    finally:
        session.run(
            "git",
            "worktree",
            "remove",
            "--force",
            str(work / "before"),
            external=True,
            success_codes=[0, 128],
        )
        shutil.rmtree(work, ignore_errors=True)


# The oldest and newest Sphinx we support, with the oldest and newest docutils. (Not
# docutils 0.20: MyST reports lines inside colon fences one further down with it, and
# ends options at U+2028 without a word, so our warnings would name the wrong line.)
SPHINX_VERSIONS = {
    "oldest": ["sphinx==8.0.*", "docutils==0.21.*"],
    "newest": ["sphinx<10", "docutils"],
}
#: Every Python the package claims, each with the Sphinx it is tested with: the oldest
#: Sphinx on the oldest Python, the newest (which needs Python 3.12 or later) on 3.12
#: and 3.13. CI (.ci/run) runs them all.
COMPAT = [("3.11", "oldest"), ("3.12", "newest"), ("3.13", "newest")]


@nox.session
@nox.parametrize(("python", "sphinx"), COMPAT, ids=[f"{p}-{s}" for p, s in COMPAT])
def compat(session: nox.Session, sphinx: str) -> None:
    """The suite (without the browser) on each Python the package claims, against the
    oldest and newest Sphinx and docutils."""
    session.install("-e", ".[test,docs]", *SPHINX_VERSIONS[sphinx])
    session.run(
        "python",
        "-c",
        "import sys, sphinx, docutils; print(sys.version.split()[0], "
        "'sphinx', sphinx.__version__, 'docutils', docutils.__version__)",
    )
    # Without Playwright and Chromium here: the browser tests, in tests/browser and
    # those marked elsewhere, run in the tests session.
    session.run(
        "pytest",
        "-n",
        "auto",
        "--dist",
        "loadfile",
        "--ignore=tests/browser",
        "-m",
        "not slow and not browser",
        *session.posargs,
    )


@nox.session
def catalog(session: nox.Session) -> None:
    """Refresh the message template and catalogs after UI strings change.

    Translate the new empty msgstr entries in sphinx_crawl/locale/*/LC_MESSAGES/*.po,
    then run this session again to compile them.
    """
    session.install("babel")
    locale = "sphinx_crawl/locale"
    pot = f"{locale}/sphinx_crawl.pot"
    session.run(
        "pybabel",
        "extract",
        "-k",
        "_",
        "--no-location",
        "--sort-output",
        "--project",
        "sphinx-crawl",
        "-o",
        pot,
        "sphinx_crawl",
    )
    session.run("pybabel", "update", "-D", "sphinx_crawl", "-i", pot, "-d", locale)
    session.run("pybabel", "compile", "-D", "sphinx_crawl", "-d", locale, "--statistics")


#: ESLint for the scripts in sphinx_crawl/static (from the npm registry, into .nox/eslint).
ESLINT_PACKAGES = ("eslint@9", "@eslint/js@9", "globals@15")
ESLINT_CONFIG = ROOT / "tests" / "js" / "eslint.config.mjs"


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy for the Python; ESLint for the JavaScript."""
    session.install("-e", ".[lint,test]")
    session.run("ruff", "check", "sphinx_crawl", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "sphinx_crawl", "tests", "noxfile.py")
    session.run("mypy")
    _eslint(session)
    terser = _terser(session)
    if terser:
        session.run("python", str(MINIFY), terser, "--check")


#: terser, pinned: the package's minified scripts (static/min) are its output, byte for
#: byte (tests/js/minify.py).
TERSER_PACKAGE = "terser@5.51.4"
MINIFY = ROOT / "tests" / "js" / "minify.py"


@nox.session
def minify(session: nox.Session) -> None:
    """The package's scripts as terser minifies them, into sphinx_crawl/static/min: run
    after changing a script (``nox -s lint`` fails on a copy that is not up to date;
    until then builds ship the changed source through rjsmin)."""
    session.install("-e", ".")
    terser = _terser(session)
    if not terser:
        session.error("npm is missing (apt-get install nodejs npm)")
    session.run("python", str(MINIFY), terser)


def _terser(session: nox.Session) -> str:
    """terser's command, installed with npm into .nox/terser ("" without npm)."""
    if not _have_npm(session, "the minified scripts are not checked"):
        return ""
    place = ROOT / ".nox" / "terser"
    place.mkdir(parents=True, exist_ok=True)
    session.run(
        "npm", "install", "--prefix", str(place), "--no-audit", "--no-fund", "--silent",
        TERSER_PACKAGE, external=True,
    )  # fmt: skip
    return str(place / "node_modules" / ".bin" / "terser")


def _have_npm(session: nox.Session, otherwise: str) -> bool:
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            session.error("npm is missing (apt-get install nodejs npm): CI must lint the scripts")
        session.warn(f"npm is missing (apt-get install nodejs npm): {otherwise}")
        return False
    return True


def _eslint(session: nox.Session) -> None:
    """ESLint, installed with npm beside nox's environments. Its config lives in tests/js
    and is copied next to the packages it imports, so the repository holds no
    node_modules; patterns stay relative to the repository (the working directory)."""
    if not _have_npm(session, "the JavaScript is not linted"):
        return
    place = ROOT / ".nox" / "eslint"
    place.mkdir(parents=True, exist_ok=True)
    session.run(
        "npm", "install", "--prefix", str(place), "--no-audit", "--no-fund", "--silent",
        *ESLINT_PACKAGES, external=True,
    )  # fmt: skip
    config = place / ESLINT_CONFIG.name
    shutil.copyfile(ESLINT_CONFIG, config)
    eslint = place / "node_modules" / ".bin" / "eslint"
    session.run(
        str(eslint), "--max-warnings", "0", "-c", str(config), "sphinx_crawl/static", "tests/js",
        external=True,
    )  # fmt: skip


@nox.session
def bench(session: nox.Session) -> None:
    """Performance benchmark against plain Sphinx, sphinx-design and sphinx-needs.

    Rewrites docs/authoring/benchmark.md; ``nox -s bench -- --quick`` for a smoke run.
    """
    # Playwright (the browser extra) times search results in Chromium.
    session.install(".[browser,myst,test]", "sphinx-design", "sphinx-needs>=9.1")
    # Not editable: built as adopters get it, a wheel pip compiles to bytecode, as it
    # compiled the peers' packages. (Editable, with PYTHONDONTWRITEBYTECODE set, the
    # package was compiled from source in every timed build.) Reinstalled at every run:
    # the version number does not change with the code.
    session.install("--no-deps", "--force-reinstall", ".")
    session.run("python", "-m", "tests.bench.run", *session.posargs)
