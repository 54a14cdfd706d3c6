"""How sphinx-crawl writes a file: whole, and only when its bytes change.

Every file the extension writes (crawl.json, its schema, the search index, the
service worker and its manifest, the record of what pages show, the CSS and
JavaScript in ``_static``) goes through :func:`write_bytes_if_changed`:

* the decision to write is taken from the content: the new bytes are compared with
  the file's, so an unchanged file keeps its modification time (deploys, file
  watchers and backups see no change), and a file a killed build left short or empty
  is rewritten, since its bytes differ;
* a file is written whole: into a temporary file in the same folder, then moved over
  the old one with ``os.replace`` (atomic), so a build killed at any moment leaves
  either the old file or the new one, never a part of one. A temporary file a kill
  leaves behind is removed by the next build (:func:`remove_partial_files`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: The suffix of a file being written; hidden (a leading dot), so no server, theme
#: or service worker ever serves one.
PARTIAL_SUFFIX = ".crawl-partial"


def html_output_dir(app: Sphinx, exception: Exception | None) -> Path | None:
    """The output folder of a successful HTML build (not EPUB), else None."""
    builder = app.builder
    if exception is not None or builder.format != "html" or builder.name.startswith("epub"):
        return None
    return Path(builder.outdir)


def writes_html_pages(builder: Builder) -> bool:
    """Pages rendered as HTML from templates: not by the JSON and pickle builders,
    which serialize each page's context instead (their ``pathto`` takes one argument)."""
    return getattr(builder, "implementation", None) is None


def is_html_page(app: Sphinx, context: dict[str, Any]) -> bool:
    """``html-page-context``: this page is rendered as HTML, with a ``pathto``."""
    return "pathto" in context and writes_html_pages(app.builder)


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` (UTF-8) unless the file holds it already; whether it was written."""
    return write_bytes_if_changed(path, text.encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes, old: bytes | None = None) -> bool:
    """Write ``data`` whole unless the file holds exactly these bytes; whether it was
    written. Creates the file's folder if need be. ``old``: the file's bytes, where the
    caller has just read them (crawl.json's 12 MB at 20,000 entries, not read twice)."""
    try:
        if (path.read_bytes() if old is None else old) == data:
            return False
    except OSError:
        pass  # missing or unreadable: written below
    write_whole(path, data)
    return True


def file_stamp(path: Path | str) -> list[int] | None:
    """A file's size and modification time (ns): every file of ours is written whole,
    by a rename, so a changed file has a new time (reading and digesting 1,300 files at
    20,000 entries cost a rebuild with nothing changed 0.05 s)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def partial_path(path: Path) -> Path:
    """Where ``path`` is written before it is moved into place."""
    return path.with_name(f".{path.name}{PARTIAL_SUFFIX}")


def write_whole(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` atomically: readers (and a later build) see the old
    file or the new one, whenever the process is stopped."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    try:
        # Created as open() creates any file (mode 0o666 less the umask), so a web
        # server reads it as it read the file it replaces.
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it is named: whole after a crash
        if path.exists():
            os.chmod(partial, path.stat().st_mode & 0o7777)  # keep a mode someone set
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def minified_script(text: str) -> str:
    """JavaScript as readers download it when the package has no fresh terser copy:
    without comments and indentation. rjsmin reads strings, template literals and
    regular expressions as JavaScript does, and renames nothing."""
    import rjsmin  # type: ignore[import-untyped]

    return str(rjsmin.jsmin(text))


#: Where the package keeps its scripts as terser minified them (``nox -s minify``):
#: names shortened too, 10.7 KiB gzipped for crawl-search.js where rjsmin gives 13.5
#: (issue 27: what a first query downloads). Each copy's first line names its source by
#: digest, so a source edited since is never shipped from a stale copy.
TERSER_DIR = "min"
TERSER_HEADER = "// nox -s minify: terser -m -c of {name}, blake2b {digest}\n"


def source_digest(source: bytes) -> str:
    return hashlib.blake2b(source, digest_size=16).hexdigest()


def terser_copy(path: Path) -> bytes | None:
    """The terser copy of the script ``path`` when it was made from these very bytes."""
    copy = path.parent / TERSER_DIR / path.name
    try:
        data = copy.read_bytes()
    except OSError:
        return None
    header = TERSER_HEADER.format(name=path.name, digest=source_digest(path.read_bytes()))
    first, _, body = data.partition(b"\n")
    return body if first + b"\n" == header.encode("utf-8") else None


def shipped_bytes(path: Path) -> bytes:
    """A file of the package as it is copied into ``_static``: scripts minified (the
    package's terser copy, or rjsmin where a source changed since it was made). The
    JavaScript tests run on what this returns too (tests/test_javascript.py)."""
    if path.suffix == ".js":
        return terser_copy(path) or minified_script(path.read_text(encoding="utf-8")).encode(
            "utf-8"
        )
    return path.read_bytes()


def remove_partial_files(folder: Path) -> list[Path]:
    """Remove what killed builds left half-written under ``folder``; what was removed."""
    removed = []
    if folder.is_dir():
        for found in folder.rglob(f".*{PARTIAL_SUFFIX}"):
            if found.is_file():
                found.unlink(missing_ok=True)
                removed.append(found)
    return removed
