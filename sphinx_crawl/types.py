"""The content-type registry: the public plugin API of sphinx-crawl.

A content type is a value, not code: its fields, labels, how its heading and
summary read, and how its domain index groups entries. One generic directive,
node, renderer, index and exporter serve every registered type. The built-in
types in :mod:`sphinx_crawl.builtin` use exactly this API, as a plugin would::

    from sphinx_crawl.types import ContentType, Field, register_content_type

    def setup(app):
        app.setup_extension("sphinx_crawl")
        register_content_type(app, ContentType(name="activity", directive="activity-card", ...))

Packages may instead expose a ContentType (or a list of them) under the
entry-point group ``sphinx_crawl.content_types``; they are registered when
``sphinx_crawl`` is set up.
"""

from __future__ import annotations

import weakref
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from sphinx_crawl.config import config_location
from sphinx_crawl.core import content_types as core
from sphinx_crawl.core.content_types import (
    ContentType,
    ContentTypeError,
    Converter,
    Field,
    IndexSpec,
    Relation,
    choice,
    let_interrupts_through,
    text_field,
)
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "ENTRY_POINT_GROUP",
    "ContentType",
    "ContentTypeRegistry",
    "Converter",
    "Field",
    "IndexSpec",
    "Relation",
    "choice",
    "get_registry",
    "load_entry_point_types",
    "register_content_type",
    "text_field",
]

ENTRY_POINT_GROUP = "sphinx_crawl.content_types"


class ContentTypeRegistry(core.ContentTypeRegistry):
    """The core registry, reporting a type that cannot be added as a Sphinx ExtensionError."""

    def add(self, content_type: ContentType) -> None:
        try:
            super().add(content_type)
        except ContentTypeError as error:
            raise ExtensionError(f"sphinx-crawl: {error}") from error


_REGISTRIES: weakref.WeakKeyDictionary[Sphinx, ContentTypeRegistry] = weakref.WeakKeyDictionary()


def get_registry(app: Sphinx) -> ContentTypeRegistry:
    """The registry of ``app``, created on first use."""
    registry = _REGISTRIES.get(app)
    if registry is None:
        registry = _REGISTRIES[app] = ContentTypeRegistry()
    return registry


def register_content_type(app: Sphinx, content_type: ContentType) -> None:
    """Enable ``content_type`` in ``app``: directive, role, object type and index.

    Call it from an extension's ``setup``. The registry only records the type: when the
    configuration is read, the ``crawl`` domain makes its object type, role and index
    (:func:`sphinx_crawl.domain.use_registered_types`) and the directives layer its
    directive (:func:`sphinx_crawl.directives.add_entry_directives`), so this layer
    imports neither.
    """
    if not isinstance(content_type, ContentType):
        raise ExtensionError(
            "sphinx-crawl: register_content_type() takes a sphinx_crawl.types.ContentType, "
            f"not {type(content_type).__name__} {content_type!r:.80}; make one with "
            'ContentType(name="activity", directive="activity-card", label="Activity", '
            'plural="Activities", ...)'
        )
    get_registry(app).add(content_type)


def load_entry_point_types(app: Sphinx) -> None:
    """Register every content type published under :data:`ENTRY_POINT_GROUP`.

    An installed package whose entry point is broken (it fails to import, names a missing
    attribute, raises, or gives something that is not a ContentType) must not stop every
    project that loads sphinx_crawl: each is loaded inside a guard, and a broken one is a
    ``crawl.plugin`` warning naming the package and the entry point; the build goes on
    without that type.
    """
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            items = _published_types(entry_point.load())
            for content_type in items:
                if content_type.name not in get_registry(app):
                    register_content_type(app, content_type)
        except BaseException as error:
            let_interrupts_through(error)
            dist = getattr(getattr(entry_point, "dist", None), "name", None) or "a package"
            warn(
                f"the plugin {entry_point.name} = {entry_point.value} (from {dist}) cannot "
                f"be used: {type(error).__name__}: {error}; the build goes on without it",
                config_location(app, "sphinx_crawl", "extensions"),
                "plugin",
            )


def _published_types(published: object) -> list[ContentType]:
    """What an entry point gives: a ContentType, a list of them, or a callable returning
    either; anything else is refused with what was expected."""
    if callable(published) and not isinstance(published, ContentType):
        published = published()
    items = [published] if isinstance(published, ContentType) else published
    if isinstance(items, list | tuple) and all(isinstance(i, ContentType) for i in items):
        return list(items)
    raise TypeError(
        f"it gives {type(published).__name__} {published!r:.60}, not a ContentType or a "
        "list of them"
    )
