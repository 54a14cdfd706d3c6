"""Work over every entry with Python's cycle collector paused.

The files sphinx_crawl works out from every entry (the search index and its parts,
crawl.json, the objects Sphinx asks for, what each page shows) are built from many
small dicts, lists and tuples, none of them in a reference cycle. Built with the
collector on, every few thousand of them set off a collection, and the oldest
generation's goes through every object of the build, Sphinx's environment included:
after a one-title edit at 20,000 entries that was a third of the extension's cost.
Paused, they are freed by reference counting as before; only the search for cycles
waits until the work is done (and then runs as it would have, on Sphinx's schedule).

The same full collections went, in every build, through what was there before the
build began: the modules of Sphinx and its extensions and the environment Sphinx loaded
(every page's data from the last build). Those live for the whole build, so they are
moved out of the collector's sight once loaded (:func:`freeze_loaded`, ``gc.freeze``:
what CPython offers for long-lived objects) and given back when the build ends
(:func:`thaw`). After a one-title edit, the full collections cost 0.12-0.17 s before and
0.02 s after at 5,000 entries; 0.63-0.69 s before and 0.26 s after at 20,000. Nothing is
kept longer than it was: a frozen object is still freed as soon as nothing refers to
it; only one left in a reference cycle waits for the end of the build (in a rebuild,
what the pages read again replace).

At the end of the process, CPython's shutdown runs one more full collection over
everything still alive (sys.modules, the environment, the pages' data) only to find what
the operating system is about to take back anyway: 0.32-0.42 s of CPU in every
``sphinx-build`` of a 5,000-entry handbook, with or without sphinx_crawl, about a third of
a rebuild. :func:`skip_final_collection` freezes what is alive as the interpreter exits
(``atexit``; Python's own files are flushed and closed by its shutdown as before, and
other ``atexit`` handlers still run), so that pass has nothing to walk. A process that
goes on building (a test run, a live preview) is not touched until it exits.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def cycle_gc_paused() -> Iterator[None]:
    """No cycle collection inside; restored as it was (nested pauses are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def with_cycle_gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run with the collector paused (see the module's docstring)."""

    @wraps(func)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with cycle_gc_paused():
            return func(*args, **kwargs)

    return paused


def freeze_loaded(*_event: object) -> None:
    """Once the configuration is read (the modules are loaded), and again as the builder
    starts (the environment is loaded): what exists now, out of the collector's sight
    until :func:`thaw`."""
    gc.freeze()


def thaw(*_event: object) -> None:
    """As the build ends, last: everything frozen back in the collector's sight (a
    process that builds again, such as a test run or a live preview, frees it as
    before)."""
    gc.unfreeze()


_FINAL_COLLECTION_SKIPPED = False


def skip_final_collection() -> None:
    """Once per process: at exit, what is alive out of the shutdown's collection (see the
    module's docstring)."""
    global _FINAL_COLLECTION_SKIPPED
    if not _FINAL_COLLECTION_SKIPPED:
        atexit.register(gc.freeze)
        _FINAL_COLLECTION_SKIPPED = True
