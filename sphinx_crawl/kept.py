"""Files worked out from every entry, kept between builds: an edit redoes only its entries.

Sphinx keeps its own search index in the file it wrote and updates it for the pages
read again. The files sphinx_crawl works out from every entry (the entry search index,
crawl.json) do the same here: each HTML build keeps, in the doctree folder beside
Sphinx's pickled environment, what it worked out per entry, in the order of the entries
(``crawl-kept-<name>-<builder>.pickle``). What an output holds already is not kept
twice: crawl.json's kept file says where crawl.json, as that build wrote it, holds each
record (sphinx_crawl/export.py), and the records are read back from it while it still
has the size and time it was written with.

A later build uses it only where

* it starts from the data the kept file was made from, and the last finished build's
  record says which pages were read again and which entries changed
  (:func:`sphinx_crawl.incremental.edits_since_last_build`: the same configuration,
  code and page titles, no reference in any entry's text);
* every entry is where it was: no entry added, removed or moved, no id won by another
  entry or made unique otherwise (the positions compared are page, anchor and id).

Then only the entries on the pages read again, those whose ids changed and those whose
text refers to another entry or a source (its title may have changed) are worked out
again, with what the caller adds (entries whose links changed). Anything else works
everything out, as a clean build does. A kept file is written whole or not at all; one
that cannot be read is ignored.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx_crawl.domain import STATE, crawl_domain
from sphinx_crawl.incremental import Edits, edits_since_last_build
from sphinx_crawl.output import write_whole

if TYPE_CHECKING:
    from sphinx.application import Sphinx

KEPT_FILE = "crawl-kept-{name}-{builder}.pickle"
#: Raised whenever what is kept changes form: an older file is not used. With the
#: Python version (marshal's format, used for parts of the search's, is the version's).
KEPT_VERSION = f"2 {sys.version}"


@dataclass
class Kept:
    """What the last build kept, and which positions to work out again."""

    payload: Any
    redo: set[int]
    edits: Edits


def position_key(entry: Any) -> str:
    """Where an entry is, and the id it is known by."""
    return f"{entry['docname']}\0{entry['anchor']}\0{entry['id']}"


def kept_path(app: Sphinx, name: str) -> Path:
    return Path(app.doctreedir) / KEPT_FILE.format(name=name, builder=app.builder.name)


def load_kept(
    app: Sphinx, name: str, positions: list[str], also: Iterable[str] = ()
) -> Kept | None:
    """What the last finished build kept under ``name``, if this build may use it (see
    the module's docstring); the entries known by ``also`` are worked out again too
    (those whose text names other entries or sources, whatever changed)."""
    edits = edits_since_last_build(app)
    if edits is None:
        return None
    try:
        with kept_path(app, name).open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        return None
    if not isinstance(found, dict) or found.get("version") != KEPT_VERSION:
        return None
    if found.get("state") != edits.start or found.get("positions") != positions:
        return None
    redo = redo_positions(positions, edits.pages, edits.ids | frozenset(also))
    return Kept(found.get("payload"), redo, edits)


def redo_positions(positions: list[str], pages: Iterable[str], ids: Iterable[str]) -> set[int]:
    """The positions of the entries on ``pages`` or known by ``ids``."""
    pages, ids = frozenset(pages), frozenset(ids)
    return {
        n
        for n, key in enumerate(positions)
        if key.partition("\0")[0] in pages or key.rpartition("\0")[2] in ids
    }


def save_kept(app: Sphinx, name: str, positions: list[str], payload: Any, state: Any) -> None:
    """Keep ``payload`` for the next build, made from the data in ``state``."""
    path = kept_path(app, name)
    if not state:
        path.unlink(missing_ok=True)
        return
    found = {"version": KEPT_VERSION, "state": state, "positions": positions, "payload": payload}
    write_whole(path, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))


#: What this build worked out, by name, kept for the next once its output is written.
_HELD: WeakKeyDictionary[Sphinx, dict[str, tuple[list[str], Any]]] = WeakKeyDictionary()


def hold(app: Sphinx, name: str, positions: list[str], payload: Any) -> None:
    """Hold ``payload`` (worked out for the entries at ``positions``) until
    :func:`save_held`: the output made from it is written first."""
    _HELD.setdefault(app, {})[name] = (positions, payload)


def drop_held(app: Sphinx, name: str) -> None:
    """Forget what an earlier build of ``app`` held under ``name``."""
    _HELD.get(app, {}).pop(name, None)


def save_held(app: Sphinx, name: str, payload: Any = None) -> None:
    """Keep for the next build what this one held under ``name``, made from the data as
    it is now; ``payload`` in place of what was held, where given (what says where the
    output keeps it: crawl.json's records are read back from crawl.json)."""
    held = _HELD.get(app, {}).pop(name, None)
    if held is not None:
        positions, payload = held[0], held[1] if payload is None else payload
        save_kept(app, name, positions, payload, crawl_domain(app.env).data.get(STATE))
