"""Files written beside the HTML at build-finished (crawl.json, its schema, the search index)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import FileAvoidWrite

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def html_output_dir(app: Sphinx, exception: Exception | None) -> Path | None:
    """The output folder of a successful HTML build (not EPUB), else None."""
    builder = app.builder
    if exception is not None or builder.format != "html" or builder.name.startswith("epub"):
        return None
    return Path(builder.outdir)


def write_if_changed(path: Path, text: str) -> None:
    """Leave an unchanged file untouched, so incremental builds and deploys see no change
    (Sphinx's FileAvoidWrite, which compares before it writes)."""
    with FileAvoidWrite(path) as file:
        file.write(text)


def write_bytes_if_changed(path: Path, data: bytes) -> None:
    """The same for a binary or copied file; creates its folder if need be."""
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
