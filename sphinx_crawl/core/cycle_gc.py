"""Work over every entry with Python's cycle collector paused.

The files sphinx_crawl works out from every entry (the search index and its parts,
crawl.json, the objects Sphinx asks for, what each page shows) are built from many
small dicts, lists and tuples, none of them in a reference cycle. Built with the
collector on, every few thousand of them set off a collection, and the oldest
generation's goes through every object of the build, Sphinx's environment included:
after a one-title edit at 20,000 entries that was a third of the extension's cost.
Paused, they are freed by reference counting as before; only the search for cycles
waits until the work is done (and then runs as it would have, on Sphinx's schedule).
"""

from __future__ import annotations

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
