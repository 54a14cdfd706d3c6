"""A build stopped part-way is finished by the next one: then every output file equals
what a clean build writes.

A build can stop anywhere: Ctrl-C, a SIGKILL, a CI time-out, a full disk. Sphinx then
leaves wrong files that no later build mends, since it rewrites a page only when the
page is older than its source (or a template):

* a page cut short, or a page that should have been rewritten (its toctree parent,
  a page listing an entry, every page after a configuration change) but was not;
* ``searchindex.js`` without the pages written before the stop: Sphinx indexes only
  the pages it writes, and keeps the rest from the old index;
* ``objects.inv``, the indices and the search page cut short.

So each build puts a marker before anything is written to its output folder
(``builder-inited``), and removes it once it has finished (the last ``build-finished``
handler, after a build without error). The marker is a file in Sphinx's doctree folder
(``crawl-unfinished-<digest of the output folder's path>``), Sphinx's own record of
builds, not in the output folder, where builders that pack every file they find (EPUB)
would take it for content. A build that finds the marker of its output folder knows
the last one there did not finish; it:

* writes every page again (``env-get-updated``): pages are rendered from the saved
  environment, not re-read, and Sphinx indexes each for the search and runs all its
  finishing steps (indices, search page, inventory, ``.buildinfo``);
* removes Sphinx's search index, so that Sphinx builds it afresh from every page
  (from an old index it would keep words of pages since changed or removed);
* removes what our own writer left half-written (:mod:`sphinx_crawl.output` writes a
  file under a temporary name, then moves it into place).

Sphinx's own environment needs nothing: it is saved once every page is read, before any
is written, and one cut short is not loaded (Sphinx then reads every page again). The
cost is one full write after a stopped build; a build that finishes leaves no marker.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sphinx.util import logging

from sphinx_crawl.output import remove_partial_files

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

MARKER_PREFIX = "crawl-unfinished-"
#: After every other ``build-finished`` handler (Sphinx's default priority is 500; the
#: service worker, the last file sphinx-crawl writes, is at 900).
LAST = 10_000
MARKER_TEXT = (
    "sphinx-crawl: a build is writing into {outdir}. If this file is still here when\n"
    "no build runs, that build did not finish, and the next one writes every page.\n"
)

_REDO: WeakKeyDictionary[Sphinx, bool] = WeakKeyDictionary()


def marker_for(outdir: str | Path, doctreedir: str | Path) -> Path:
    """The marker of builds into ``outdir`` (one doctree folder may serve several)."""
    key = hashlib.sha256(os.fsencode(Path(outdir).resolve())).hexdigest()[:16]
    return Path(doctreedir) / f"{MARKER_PREFIX}{key}"


def marker_path(app: Sphinx) -> Path:
    return marker_for(app.outdir, app.doctreedir)


def start_build(app: Sphinx) -> None:
    """``builder-inited``, before any handler writes: mark the build as unfinished."""
    marker = marker_path(app)
    redo = marker.is_file()
    _REDO[app] = redo
    if redo:
        logger.info(
            "sphinx-crawl: the last build in %s did not finish; every page is written again",
            app.outdir,
        )
        remove_partial_files(Path(app.outdir))
        # Every page is indexed again: Sphinx starts from an empty index when it finds
        # none (it would keep what the old one holds: words of pages since changed, and
        # words no page has any more, as empty lists).
        index = getattr(app.builder, "searchindex_filename", None)
        if index:
            Path(app.outdir, index).unlink(missing_ok=True)
    else:
        # Written in place, not through a temporary file: the marker counts by being
        # there, so one cut short still marks the build; it is there before any
        # temporary file of ours, so a kill never leaves one that no build removes.
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(MARKER_TEXT.format(outdir=app.outdir), encoding="utf-8")


def pages_to_redo(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, after a build that did not finish."""
    return sorted(env.found_docs) if _REDO.get(app) else []


def must_redo(app: Sphinx) -> bool:
    """Whether this build follows one that did not finish."""
    return _REDO.get(app, False)


def finish_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, last: a build without error is finished."""
    if exception is None:
        marker_path(app).unlink(missing_ok=True)


def setup_unfinished(app: Sphinx) -> None:
    app.connect("builder-inited", start_build, priority=0)
    app.connect("env-get-updated", pages_to_redo)
    app.connect("build-finished", finish_build, priority=LAST)
