"""Build test projects in temporary directories and compare what they produce.

Used by the domain, index, collection, content-API, incremental and parallel
tests: each build gets its own copy of a root, so builds never share an
environment by accident, and a test can build the same source twice.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"
#: A theme whose layout prints the page's ``body`` and no template block (as
#: sphinx-breeze-theme's does): Sphinx's own index pages come out empty in it.
BODY_ONLY_THEME = {"html_theme": "body_only", "html_theme_path": [str(ROOTS / "_themes")]}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder (``functools.partial(QuietHandler, directory=...)``) without a log
    line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that gave up a request (the next page was opened) is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(
    handler: Callable[..., socketserver.BaseRequestHandler],
) -> Iterator[tuple[str, http.server.ThreadingHTTPServer]]:
    """``handler`` on 127.0.0.1 at a free port, in a thread, until the block ends: the
    base URL (with its final ``/``) and the server."""
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def serving_page(folder: Path, page: str, **settings: Any) -> Iterator[str]:
    """A project of one rST page (``page``, as index.rst) with the extension (and
    ``settings``, such as ``html_theme``), built as HTML in ``folder`` and served (see
    :func:`serving`) until the block ends: its URL."""
    conf = 'project = "P"\nextensions = ["sphinx_crawl"]\n'
    src = write_project(folder / "src", {"conf.py": conf, "index.rst": page})
    site = build(src, confoverrides=settings)
    with serving(functools.partial(QuietHandler, directory=str(site.outdir))) as (url, _server):
        yield url


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def write_project(srcdir: Path, files: dict[str, str]) -> Path:
    """A project of ``files`` (name -> text: ``conf.py`` and its pages) in ``srcdir``."""
    for name, text in files.items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return srcdir


def adopter_conf(settings: str = "", *, language: str | None = None) -> str:
    """An adopter's ``conf.py``: project "P" with the extension (in ``language``, if
    given), then ``settings``, lines of Python (their line numbers: 3 on, 4 with a
    language)."""
    said = f'language = "{language}"\n' if language else ""
    return f'project = "P"\n{said}extensions = ["sphinx_crawl"]\n{settings}'


def adopter_site(
    tmp_path: Path,
    page: str,
    *,
    language: str | None = None,
    settings: str = "",
    pages: dict[str, str] | None = None,
    **kwargs: Any,
) -> Build:
    """An adopter's small project built (HTML, unless ``buildername`` says otherwise):
    ``page`` as its ``index.rst``, its ``conf.py`` as :func:`adopter_conf` writes it,
    and any further ``pages``, in ``tmp_path / "src"``. Other keyword arguments go to
    :func:`build`."""
    files = {"conf.py": adopter_conf(settings, language=language), "index.rst": page}
    return build(write_project(tmp_path / "src", {**files, **(pages or {})}), **kwargs)


def copy_root(name: str, dest: Path) -> Path:
    """A fresh copy of ``tests/roots/test-<name>`` at ``dest``."""
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def copy_source(srcdir: Path, dest: Path) -> Path:
    """A copy of a project's source, without its build directory."""
    shutil.copytree(srcdir, dest, ignore=shutil.ignore_patterns("_build"))
    return dest


@dataclass
class Build:
    app: SphinxTestApp
    srcdir: Path
    #: Documents resolved for writing in this build, sorted.
    written: list[str] = field(default_factory=list)

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def warnings(self) -> list[str]:
        """Warning lines, colour codes stripped and the source directory as ``<src>``."""
        text = _ANSI.sub("", self.app.warning.getvalue())
        text = text.replace(str(self.srcdir), "<src>")
        return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]

    def crawl_warnings(self, subtype: str | None = None) -> list[str]:
        suffix = f"[crawl.{subtype}]" if subtype else "[crawl."
        return [line for line in self.warnings() if suffix in line]

    def text(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")

    def crawl_json(self) -> dict[str, Any]:
        return json.loads(self.text("crawl.json"))

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(f"{page}.html"), "html.parser")

    def main(self, page: str) -> Any:
        """The page's ``div[role=main]``."""
        main = self.soup(page).find("div", {"role": "main"})
        assert main is not None, f"{page}.html has no main content"
        return main

    def pages(self) -> list[str]:
        """Every HTML page of the build, as names relative to the output directory."""
        return sorted(
            p.relative_to(self.outdir).with_suffix("").as_posix()
            for p in self.outdir.rglob("*.html")
            if "_static" not in p.parts and "_sources" not in p.parts
        )

    def shown(self, page: str) -> tuple[str, list[str], list[str]]:
        """What a reader gets from a page's main content: its text and where it links."""
        return main_content(self.main(page))


def main_content(main: Any) -> tuple[str, list[str], list[str]]:
    text = " ".join(main.get_text(" ").split())
    hrefs = [a.get("href", "") for a in main.find_all("a")]
    ids = [el["id"] for el in main.find_all(id=True)]
    return text, hrefs, ids


def build(
    srcdir: Path,
    *,
    buildername: str = "html",
    make_app: Callable[..., SphinxTestApp] | None = None,
    parallel: int = 0,
    listeners: dict[str, Callable[..., Any]] | None = None,
    **kwargs: Any,
) -> Build:
    """Build ``srcdir`` with ``buildername`` (HTML by default; incrementally when it was
    built before). The one way the tests build a project.

    With ``make_app`` (the Sphinx fixture) the app is cleaned up by the fixture;
    without it, the app is cleaned up right after the build, and its output and
    logs stay readable.
    """
    factory = make_app or SphinxTestApp
    app = factory(
        buildername,
        srcdir=srcdir,
        status=StringIO(),
        warning=StringIO(),
        parallel=parallel,
        **kwargs,
    )
    result = Build(app, srcdir)
    app.connect("doctree-resolved", lambda _app, _doctree, docname: result.written.append(docname))
    for event, listener in (listeners or {}).items():
        app.connect(event, listener)
    try:
        app.build()
    finally:
        if make_app is None:
            app.cleanup()
    result.written.sort()
    return result


_JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_JS_CHARS = {"n": "\n", "r": "\r"}


def article(site: Build, page: str, entry_id: str) -> Any:
    """The entry ``entry_id`` as ``page`` shows it (its ``<article>``)."""
    found = site.main(page).find("article", id=entry_id)
    assert found is not None, f"{entry_id} is not on {page}"
    return found


def read_search_index(text: str) -> Any:
    """The data of crawl-searchindex.js (``window.crawlSearchIndex = JSON.parse('...');``)."""
    prefix, suffix = "window.crawlSearchIndex = JSON.parse('", "');"
    assert text.startswith(prefix), text[:80]
    assert text.rstrip().endswith(suffix), text[-80:]
    quoted = text[len(prefix) : text.rstrip().rindex(suffix)]

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return _JS_CHARS.get(code, code)

    return json.loads(_JS_ESCAPE.sub(unescape, quoted))


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of ``path`` containing ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {path}")


def build_property_settings(examples_variable: str, default_examples: int) -> Any:
    """Hypothesis settings for properties that run Sphinx builds: bounded, reproducible.

    Fixed seeds and no shrinking by default, so CI time is predictable; set
    ``examples_variable`` for more examples, CRAWL_FUZZ_RANDOM=1 for random seeds and
    CRAWL_FUZZ_SHRINK=1 to shrink a failure.
    """
    import os

    from hypothesis import HealthCheck, Phase, settings

    phases = [Phase.explicit, Phase.reuse, Phase.generate]
    if os.environ.get("CRAWL_FUZZ_SHRINK"):
        phases.append(Phase.shrink)
    return settings(
        max_examples=int(os.environ.get(examples_variable, str(default_examples))),
        deadline=None,
        derandomize=not os.environ.get("CRAWL_FUZZ_RANDOM"),
        database=None,
        phases=phases,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


def load_inventory(raw: bytes) -> Any:
    """objects.inv parsed alike on every supported Sphinx: ``.data[type][name]`` items with
    ``project_name``, ``project_version``, ``uri`` and ``display_name``."""
    from sphinx.util.inventory import InventoryFile

    if hasattr(InventoryFile, "loads"):  # Sphinx >= 8.2
        return InventoryFile.loads(raw, uri="")
    import io
    import posixpath
    from types import SimpleNamespace

    data = InventoryFile.load(io.BytesIO(raw), "", posixpath.join)
    return SimpleNamespace(
        data={
            objtype: {
                name: SimpleNamespace(project_name=p, project_version=v, uri=u, display_name=d)
                for name, (p, v, u, d) in items.items()
            }
            for objtype, items in data.items()
        }
    )


#: The keys every crawl.json entry starts with, in order.
COMMON_KEYS = [
    "id",
    "type",
    "title",
    "url",
    "docname",
    "age",
    "tags",
    "sources",
    "keywords",
    "text",
    "relations",
    "related_by",
    "changed",
]


def schema_of(site: Build) -> dict[str, Any]:
    return json.loads(site.text("crawl.schema.json"))  # type: ignore[no-any-return]


def sources_digest(*folders: Path) -> str:
    """A digest of every file below ``folders``, names and contents (build output and
    bytecode left out): what a build of them depends on."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if {"_build", "__pycache__"} & set(path.parts) or not path.is_file():
                continue
            digest.update(path.relative_to(folder.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


try:
    import fcntl
except ImportError:  # Windows: no lock, so each worker builds its own (see built_once)
    fcntl = None  # type: ignore[assignment]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    with path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)


def built_once(
    tmp_path_factory: Any,
    name: str,
    sources: list[Path],
    make: Callable[[Path], Any],
) -> tuple[Path, Any]:
    """``make(folder)`` run once in a test run for ``name`` and the present contents of
    ``sources``, however many pytest-xdist workers ask: the first builds into
    ``folder`` while the others wait, and every caller gets the folder and what
    ``make`` returned (JSON). Callers read the folder and write nothing into it.
    Without xdist, once per session, as a session fixture."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        root = root.parent  # the run's own folder, which holds each worker's
    folder = root / f"built-{name}-{sources_digest(*sources)}"
    record = folder.with_name(folder.name + ".json")
    with _locked(root / f"built-{name}.lock"):
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker stopped while building
            folder.mkdir()
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
    return folder, json.loads(record.read_text(encoding="utf-8"))


_MADE: dict[str, tuple[Path, Path]] = {}


def made_once(name: str, place: Path, make: Callable[[Path], object]) -> Path:
    """The folder ``place`` as ``make(place)`` leaves it (a project and its first build,
    say), made once in a process for ``name`` and kept aside; each later call puts it
    back, file times and all, where it was made, and returns that folder (whatever
    ``place`` it is given then). Where it was made, as Sphinx compares the folder it
    builds with the one it built (a build copied elsewhere is read all again, as new)."""
    if name not in _MADE:
        make(place)
        _MADE[name] = place, shutil.copytree(place, place.with_name(place.name + "-kept"))
    made, kept = _MADE[name]
    shutil.rmtree(made)
    shutil.copytree(kept, made)
    return made


#: linkcheck would fetch every external link; ignoring them all checks that the build
#: runs (local links are still looked at) without the network.
OPTIONS = {"linkcheck": ["-D", "linkcheck_ignore=.*"]}


class Project:
    """One source tree, built once as HTML, then by each builder from the same doctrees."""

    def __init__(self, name: str, srcdir: Path, out: Path, doctrees: Path) -> None:
        self.name, self.srcdir, self.out, self.doctrees = name, srcdir, out, doctrees
        self.built: dict[str, tuple[subprocess.CompletedProcess[str], Path]] = {}

    def build(self, builder: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        if builder not in self.built:
            outdir = self.out / builder
            # gettext keeps a versioned environment that no other builder accepts.
            doctrees = self.out / "doctrees-gettext" if builder == "gettext" else self.doctrees
            command = [sys.executable, "-m", "sphinx", "-n", "--keep-going", "-b", builder]
            command += [*OPTIONS.get(builder, []), "-d", str(doctrees), str(self.srcdir)]
            command.append(str(outdir))
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            self.built[builder] = result, outdir
        return self.built[builder]
