"""The pages removed from the handbook, which Sphinx leaves in the output folder.

Sphinx never deletes a page's file: a page removed (or renamed) keeps its old file
beside the others, where the offline copy found it and listed it for phones to keep; a
clean build has no such file, and its list no such page. The pages removed are recorded
by name beside Sphinx's environment (``crawl-removed-pages.json`` in the doctree folder,
which outlives an environment read again from nothing, ``-E``) until a page of that
name is back, and the offline copy leaves their files out (:func:`removed_pages`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx_crawl.output import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

REMOVED_FILE = "crawl-removed-pages.json"
#: The pages this build wrote (in this process: Sphinx's own, such as ``search``, are
#: written here under -j too); a page written is never a leftover.
_WRITTEN: WeakKeyDictionary[Sphinx, set[str]] = WeakKeyDictionary()


def _record(app: Sphinx) -> Path:
    return Path(app.doctreedir) / REMOVED_FILE


def _recorded(app: Sphinx) -> set[str]:
    try:
        names = json.loads(_record(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()


def note_removed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the pages removed since the last build join the record; a
    page found again leaves it."""
    _WRITTEN[app] = set()
    recorded = _recorded(app)
    names = (recorded | set(removed)) - set(env.found_docs)
    if names != recorded:
        write_if_changed(_record(app), json.dumps(sorted(names)) + "\n")
    return []


def note_written(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``."""
    _WRITTEN.setdefault(app, set()).add(pagename)


def removed_pages(app: Sphinx) -> set[str]:
    """The pages removed from the handbook whose files may still be in the output
    folder: neither a page of the handbook now nor one this build wrote."""
    return _recorded(app) - set(app.env.all_docs) - _WRITTEN.get(app, set())


def setup_removed_pages(app: Sphinx) -> None:
    app.connect("env-get-outdated", note_removed)
    app.connect("html-page-context", note_written)
