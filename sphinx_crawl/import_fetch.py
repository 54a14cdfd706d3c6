"""``crawl_import_sources`` given as URLs: fetched once per build, before any page is
read, into a cache beside the doctrees.

Fetching here (``builder-inited``, in the main process) rather than in the directive
means ``-j`` workers never fetch, and a page that imports depends on the cached file
(``note_dependency``), which is rewritten only when what the URL gives changes: an
unchanged file re-reads no page. When a fetch fails, the last cached copy is used and
the build says so; without one, the directive says nothing could be imported.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sphinx_crawl.config import ImportSource, config_location, crawl_config, is_web_url
from sphinx_crawl.diagnostics import Subtype, warn
from sphinx_crawl.import_read import MAX_BYTES, changed_entries
from sphinx_crawl.output import write_bytes_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CACHE_FOLDER = "crawl-imports"
#: For each read from the server; and for the whole download, by default
#: (``crawl_import_timeout``).
TIMEOUT_SECONDS = 30
DEADLINE_SECONDS = 60


def cache_path(doctreedir: str | Path, url: str) -> Path:
    """Where the copy of ``url`` is kept (its file type kept, so YAML reads as YAML)."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        suffix = ".json"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
    return Path(doctreedir) / CACHE_FOLDER / f"{digest}{suffix}"


def local_file(source: ImportSource, confdir: str | Path, doctreedir: str | Path) -> Path:
    """The file to read: the path (from conf.py's folder), or the URL's cached copy."""
    if source.is_url:
        return cache_path(doctreedir, source.location)
    return Path(confdir, source.location)


def fetch(url: str, version: str, deadline: float = DEADLINE_SECONDS) -> bytes:
    """The body at ``url`` within ``deadline`` seconds in all, whatever the server does
    (one that drips a byte every few seconds never times out a single read); OSError
    (URLError, a timeout...) or ValueError if not got."""
    result: list[bytes | BaseException] = []

    def download() -> None:
        try:
            result.append(_download(url, version, min(TIMEOUT_SECONDS, deadline)))
        except BaseException as error:  # handed to the build's thread below
            result.append(error)

    # A daemon thread: one still waiting on a slow server when the deadline passes is
    # left behind (it only reads, into nothing) and never holds the build.
    worker = threading.Thread(target=download, name="crawl-import-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if not result:
        raise TimeoutError(f"no whole answer within {deadline:g} seconds")
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0]


def _download(url: str, version: str, timeout: float) -> bytes:
    import urllib.request  # here: urllib.request (with ssl, http) is slow to import

    request = urllib.request.Request(url, headers={"User-Agent": f"sphinx-crawl/{version}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if not is_web_url(response.geturl()):
            raise ValueError(f"redirected to {response.geturl()!r}, not an http(s) URL")
        body: bytes = response.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 2**20} MB")
    return body


#: Each config's files to import, by name (set at builder-inited, before pages are read:
#: ``-j`` workers inherit it).
_FILES: weakref.WeakKeyDictionary[Config, dict[str, Path]] = weakref.WeakKeyDictionary()


def import_files(config: Config) -> dict[str, Path]:
    """Name in crawl_import_sources -> the local file to read (a path, or a cached copy)."""
    return _FILES.get(config, {})


#: Each config's entries that changed upstream since the last build read the file: name
#: in crawl_import_sources -> entry id (as the file has it) -> the keys that changed.
_UPSTREAM: weakref.WeakKeyDictionary[Config, dict[str, dict[str, tuple[str, ...]]]] = (
    weakref.WeakKeyDictionary()
)


def upstream_changes(config: Config) -> dict[str, dict[str, tuple[str, ...]]]:
    """Set at builder-inited: see :func:`note_upstream_changes`."""
    return _UPSTREAM.get(config, {})


def used_copy(doctreedir: str | Path, location: str) -> Path:
    """Where the copy of an import the last build read is kept, to tell what changed."""
    cached = cache_path(doctreedir, location)
    return cached.with_name(f"used-{cached.name}")


def note_upstream_changes(app: Sphinx, name: str, source: ImportSource, path: Path) -> None:
    """Compare the file to read with the copy the last build read (kept beside the
    doctrees): the entries that changed are noted for crawl-import, which warns where it
    imports them. The copy then becomes this one."""
    if not path.is_file():
        return
    used = used_copy(app.doctreedir, source.location)
    body = path.read_bytes()
    if used.is_file() and used.read_bytes() != body:
        found = changed_entries(used, path, source.base_url)
        if found:
            _UPSTREAM.setdefault(app.config, {})[name] = found
    replace_if_changed(used, body)


def fetch_import_sources(app: Sphinx) -> None:
    """``builder-inited``: where each of crawl_import_sources is read from; each URL
    fetched into the cache."""
    files = _FILES[app.config] = {}
    _UPSTREAM[app.config] = {}
    for name, source in crawl_config(app.config).imports.items():
        files[name] = local_file(source, app.confdir, app.doctreedir)
        if source.is_url:
            fetch_into_cache(
                app,
                source.location,
                files[name],
                f"crawl_import_sources[{name!r}]",
                "nothing is imported from it",
                config_location(app, name),
                "import",
            )
        note_upstream_changes(app, name, source, files[name])


def fetch_into_cache(
    app: Sphinx,
    url: str,
    target: Path,
    setting: str,
    without_copy: str,
    where: str,
    subtype: Subtype,
) -> None:
    """The URL's body into the cache (crawl_import_sources, crawl_previous); when it
    cannot be fetched, say so at ``where`` (the setting's line in conf.py): the cached
    copy is used, if there is one, and otherwise ``without_copy`` says what is lost."""
    version = app.extensions["sphinx_crawl"].version
    try:
        body = fetch(url, version, crawl_config(app.config).import_timeout)
    except (OSError, ValueError) as error:
        why = getattr(error, "reason", None) or error
        fallback = (
            "using the copy cached by an earlier build"
            if target.is_file()
            else f"no copy is cached, so {without_copy}"
        )
        warn(f"{setting}: cannot fetch {url} ({why}); {fallback}", where, subtype)
        return
    replace_if_changed(target, body)


def replace_if_changed(target: Path, body: bytes) -> None:
    """Write the copy whole or not at all (a build killed mid-write leaves the last
    copy, and the next build removes the half-written file), and only when it changed
    (the pages that import it are then re-read)."""
    write_bytes_if_changed(target, body)


def setup_import_fetch(app: Sphinx) -> None:
    app.connect("builder-inited", fetch_import_sources)
