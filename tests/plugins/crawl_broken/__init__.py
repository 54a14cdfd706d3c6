"""Plugins that go wrong in every way an installed package can (issue 25): published
objects that are not content types, and hooks that raise SystemExit or another
BaseException instead of an Exception."""

from __future__ import annotations

from typing import Any

from sphinx_crawl.types import ContentType, Field

#: Published where a ContentType is expected.
JUST_A_STRING = "activity"


def exits() -> Any:
    """A factory that ends the process instead of returning a type."""
    raise SystemExit(3)


class Gone(BaseException):
    """Not an Exception: ``except Exception`` lets it through."""


def _exit_on_read(value: str) -> str:
    raise SystemExit(3)


def _vanish(fields: Any) -> str:
    raise Gone("the badge vanished")


#: A type whose converter exits and whose badge raises a BaseException.
EXITING = ContentType(
    name="exiting",
    directive="exiting-card",
    label="Exiting",
    plural="Exiting",
    fields=(Field("mood", converter=_exit_on_read),),
    badge=_vanish,
)
