"""Test only: a Sphinx extension that SIGKILLs its own build at a chosen point.

Copied into a test project and listed in its ``conf.py``; armed by environment
variables, so the same project builds normally without them:

``CRAWL_KILL_FILE``
    part of a file name: the build is killed while it opens such a file for writing;
``CRAWL_KILL_AT``
    which such opening (0 the first), counted over every process of the build (the
    ``-j`` workers too) in the file ``CRAWL_KILL_COUNTER``;
``CRAWL_KILL_HOW``
    ``half`` (default): the first write to the file gets half its bytes through, then
    the build is killed, as a kill in the middle of writing the file would leave it;
    ``before``: killed before a byte is written (right after the file before it).

The kill is a SIGKILL of the build's process group when the build leads its own group
(``start_new_session``), so ``-j`` workers die with it, as they do when a CI job or
terminal is killed; otherwise of this process only. Nothing runs after it: no
``finally``, no ``build-finished``.
"""

from __future__ import annotations

import builtins
import io
import os
import signal
from typing import Any

_REAL_OPEN = io.open


def _kill(group: int | None) -> None:
    if group is not None:
        os.killpg(group, signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def _count(counter: str) -> int:
    """This opening's number, from 0, over every process writing to ``counter``."""
    handle = os.open(counter, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(handle, b".")
        return os.lseek(handle, 0, os.SEEK_CUR) - 1
    finally:
        os.close(handle)


class _HalfThenKill:
    """A file whose first write gets half through before the build is killed."""

    def __init__(self, file: Any, group: int | None) -> None:
        self._file, self._group = file, group

    def write(self, data: Any) -> int:
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        _kill(self._group)
        return 0  # never reached

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)

    def __enter__(self) -> _HalfThenKill:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()


def arm(part: str, at: int, counter: str, how: str) -> None:
    group = os.getpgid(0) if os.getpgid(0) == os.getpid() else None

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if (
            any(flag in mode for flag in "wxa")
            and isinstance(file, (str, bytes, os.PathLike))
            and part in os.path.basename(os.fsdecode(file))
            and _count(counter) == at
        ):
            if how == "before":
                _kill(group)
            return _HalfThenKill(_REAL_OPEN(file, mode, *args, **kwargs), group)
        return _REAL_OPEN(file, mode, *args, **kwargs)

    # pathlib (Sphinx's pages) opens through io.open; the rest through the builtin.
    io.open = open_  # type: ignore[assignment]
    builtins.open = open_


def setup(app: Any) -> dict[str, Any]:
    part = os.environ.get("CRAWL_KILL_FILE")
    if part:
        at = int(os.environ.get("CRAWL_KILL_AT", "0"))
        arm(part, at, os.environ["CRAWL_KILL_COUNTER"], os.environ.get("CRAWL_KILL_HOW", "half"))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
