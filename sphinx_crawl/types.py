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

import dataclasses
import functools
import hashlib
import sys
import weakref
from collections.abc import Mapping
from importlib.metadata import EntryPoint, entry_points
from types import CodeType
from typing import TYPE_CHECKING

from docutils.parsers.rst import directives as docutils_directives
from sphinx.errors import ExtensionError

from sphinx_crawl.config import CONTENT_TYPES_VALUE, config_location
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
    shown_value,
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


#: Apps whose configuration has been read: their types made their directives, roles
#: and indices then, and a type registered later would get none.
_SEALED: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def seal_registry(app: Sphinx) -> None:
    """``config-inited`` (domain.use_registered_types): the types are what they are, and
    their digest is a configuration value, so that a change to them (a plugin upgraded,
    or a project's own plugin edited: a field added, renamed or given another default)
    re-reads every page, as a clean build would."""
    _SEALED.add(app)
    setattr(app.config, CONTENT_TYPES_VALUE, content_types_digest(get_registry(app)))


def content_types_digest(registry: core.ContentTypeRegistry) -> str:
    """A digest of every registered type: its names, labels, fields, relations, index,
    and the code of its hooks and converters (the same in every process)."""
    described = [_describe(content_type, 0) for content_type in registry]
    return hashlib.sha256(repr(described).encode("utf-8")).hexdigest()


def _describe(value: object, depth: int) -> object:
    """``value`` as plain data with a stable repr: no addresses, no set order."""
    if depth > 8:
        return type(value).__qualname__
    deeper = depth + 1
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            [
                (f.name, _describe(getattr(value, f.name), deeper))
                for f in dataclasses.fields(value)
            ],
        )
    if isinstance(value, Mapping):
        return sorted((repr(_describe(k, deeper)), _describe(v, deeper)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_describe(item, deeper) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(repr(_describe(item, deeper)) for item in value)
    if isinstance(value, CodeType):
        return (
            value.co_code.hex(),
            value.co_names,
            value.co_varnames,
            [_describe(const, deeper) for const in value.co_consts],
        )
    if isinstance(value, functools.partial):
        return ("partial", _describe(value.func, deeper), _describe(value.args, deeper))
    code = getattr(value, "__code__", None)
    if isinstance(code, CodeType):
        cells = [cell.cell_contents for cell in getattr(value, "__closure__", None) or ()]
        return (
            getattr(value, "__module__", None),
            getattr(value, "__qualname__", None),
            _describe(code, deeper),
            _describe(getattr(value, "__defaults__", None), deeper),
            _describe(cells, deeper),
        )
    if callable(value):
        return (
            getattr(value, "__module__", None),
            getattr(value, "__qualname__", type(value).__qualname__),
        )
    text = str(value)  # a lazy translation's words; never an address
    return (type(value).__qualname__, "" if " at 0x" in text else text)


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
    registered = get_registry(app).get(content_type.name)
    if registered is not None and _same_type(registered, content_type):
        # The same type again: a plugin both published under the entry point (registered
        # when sphinx_crawl is set up) and listed in extensions, whose setup() adds it.
        return
    try:
        _check_name_free(content_type)
        _check_directive_free(app, content_type)
        if app in _SEALED:
            trial = ContentTypeRegistry()  # the same refusals, without adding it
            for registered in get_registry(app):
                trial.add(registered)
            trial.add(content_type)
            _registered_too_late(app, content_type)
            return
        get_registry(app).add(content_type)
    except ExtensionError as error:
        caller = _registering_extension()
        if caller is None:
            raise
        # Sphinx reports an error raised in an extension's setup() without its name.
        raise ExtensionError(
            str(error).replace("sphinx-crawl: ", f"sphinx-crawl: {caller}: ", 1)
        ) from error


def _same_type(registered: ContentType, content_type: ContentType) -> bool:
    """Whether ``content_type`` is ``registered`` again: the same object, or one made the
    same way (a plugin whose entry point is a function making its types, and whose
    setup() calls it too, gives a new but identical object each time: it was refused as
    "already registered", and the whole build stopped)."""
    return registered is content_type or _describe(registered, 0) == _describe(content_type, 0)


def _registered_too_late(app: Sphinx, content_type: ContentType) -> None:
    """Later than setup() (in a builder-inited handler, say): the type would have no
    directive, role or index, and its entries were "Unknown directive type"."""
    warn(
        f"content type {content_type.name!r} is registered after the configuration was "
        "read, too late to get its directive, role and index: call "
        "register_content_type() in the extension's setup(); it is left out",
        config_location(app, "extensions"),
        "plugin",
    )


def _registering_extension() -> str | None:
    """The module that called register_content_type (through sphinx_crawl's own
    functions); None where it is Sphinx (an entry point's type: its warning names it)."""
    frame = sys._getframe(1)
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        package = module.split(".")[0]
        if package not in ("sphinx_crawl", "sphinx"):
            return module
        if package == "sphinx":
            return None
        frame = frame.f_back  # type: ignore[assignment]
    return None


#: How the packages a directive may belong to are named in messages.
_OWNERS = {"sphinx": "Sphinx", "sphinx_crawl": "sphinx-crawl itself"}


#: Roles of the ``crawl`` domain that are not a content type's: a type of that name
#: would take its role (``{crawl:contact}`` links to the handbook's contacts).
DOMAIN_ROLES = ("source", "contact")


def _check_name_free(content_type: ContentType) -> None:
    """A type's name is its role in the ``crawl`` domain: not one the domain has."""
    if content_type.name in DOMAIN_ROLES:
        raise ExtensionError(
            f"sphinx-crawl: content type {content_type.name!r}: the name is the crawl "
            f"domain's own role ({{crawl:{content_type.name}}}); choose another, such as "
            f"{content_type.name + '-entry'!r}"
        )


def _check_directive_free(app: Sphinx, content_type: ContentType) -> None:
    """A plugin's directive must not take a name docutils, Sphinx or another extension
    has: it would replace theirs on every page (docutils' ``note``, ``include``), or
    never be reached (a domain's directive is found first). The built-in types, whose
    names came first, do not come here: where another extension takes one of theirs,
    ``crawl_directive_prefix`` is the way out (``directives/names.py``)."""
    name = content_type.directive
    owner = None
    if name in docutils_directives._directive_registry:  # type: ignore[attr-defined]
        owner = "docutils"
    holder = docutils_directives._directives.get(name)  # type: ignore[attr-defined]
    # An entry directive made for a content type by an earlier app in this process is no
    # one's: the registry itself refuses a directive another type of this app has.
    if holder is not None and not isinstance(getattr(holder, "content_type", None), ContentType):
        package = (getattr(holder, "__module__", "") or "another extension").split(".")[0]
        owner = _OWNERS.get(package, package)
    primary = getattr(app.config, "primary_domain", None) or "py"
    for domain_name in dict.fromkeys(("std", primary)):
        domain = app.registry.domains.get(domain_name)
        if domain is not None and name in domain.directives:
            owner = f"Sphinx's {domain_name} domain"
    if owner is not None:
        other = next(
            n for n in (f"{content_type.name}-card", f"crawl-{content_type.name}") if n != name
        )
        raise ExtensionError(
            f"sphinx-crawl: content type {content_type.name!r}: directive {name!r} is "
            f"already a directive of {owner}; choose another, such as {other!r}"
        )


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
        except BaseException as error:
            let_interrupts_through(error)
            _unusable(app, entry_point, error)
            continue
        for content_type in items:
            # One at a time: a type whose name another has (a built-in's, "tip", or
            # another plugin's) was left out silently, its entries "Unknown directive".
            try:
                register_content_type(app, content_type)
            except BaseException as error:
                let_interrupts_through(error)
                _unusable(app, entry_point, error)


def _unusable(app: Sphinx, entry_point: EntryPoint, error: BaseException) -> None:
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
        f"it gives {type(published).__name__} {shown_value(published)}, not a ContentType or a "
        "list of them"
    )
