"""Content types as values: their fields, labels and how they group, sort and read.

A content type is a value, not code. One generic directive, node, renderer, index
and exporter (in the Sphinx layers) serve every registered type.
"""

from __future__ import annotations

import functools
import json
import re
import reprlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sphinx_crawl.core.entries import ENTRY_EXTRAS, ENTRY_KEYS, EntryData, lone_surrogate, slugify

_TYPE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Directive options are read lowercased; a name must survive that, and be a JSON key.
_OPTION_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


class ContentTypeError(ValueError):
    """A content type that cannot be registered (the Sphinx layer raises ExtensionError)."""


#: Converts a raw option string into a value; raises ValueError with a reason.
Converter = Callable[[str], Any]


def text_field(value: str) -> str:
    """The default converter: trimmed text, required to be non-empty."""
    value = " ".join(value.split())
    if not value:
        raise ValueError("the value is empty")
    return value


def choice(*allowed: str) -> Converter:
    """A converter accepting one of ``allowed`` (case-insensitive)."""

    def convert(value: str) -> str:
        normalised = value.strip().lower()
        if normalised not in allowed:
            raise ValueError(f"{value.strip()!r} is not one of: {', '.join(allowed)}")
        return normalised

    convert.choices = allowed  # type: ignore[attr-defined]
    return convert


@dataclass(frozen=True)
class Field:
    """One option of a content type, beyond the options every entry has."""

    name: str
    converter: Converter = text_field
    required: bool = False
    help: str = ""
    #: A value used when the option is absent; may depend on the other fields.
    default: Callable[[Mapping[str, Any]], Any] | None = None
    #: JSON Schema of the converted value, for ``crawl.schema.json``.
    schema: Mapping[str, Any] = field(default_factory=lambda: {"type": "string"})
    #: A visible label: when set, the value shows as a labelled line under the body
    #: ("What to do: ...", "Safety: ..."), in every builder and in checklists.
    callout: str | None = None
    #: Makes the field required for some entries only: given the entry's other fields,
    #: returns why it is needed ("a floor-play tip says how to do it safely"), or "".
    required_when: Callable[[Mapping[str, Any]], str] | None = None

    @property
    def choices(self) -> tuple[str, ...] | None:
        return getattr(self.converter, "choices", None)


@dataclass(frozen=True)
class Relation:
    """A typed link an entry declares to other entries, e.g. a tip ``:helps:`` a
    milestone. Both ends show it: this entry under ``label`` ("Helps with"), each
    target under ``reverse_label`` ("Tips that help"), the back-link computed."""

    #: The option authors write (``:helps: crawling-begins, belly-crawl``), and the key
    #: in ``crawl.json``'s ``relations`` and ``related_by``.
    name: str
    #: The content types it may point at; empty: any.
    targets: tuple[str, ...] = ()
    #: Heads the line of links on the entry that declares them ("Helps with").
    label: str = ""
    #: Heads the back-links on each entry it names ("Tips that help").
    reverse_label: str = ""
    #: What the option means, for authors.
    help: str = ""


@dataclass(frozen=True)
class IndexSpec:
    """How the type's domain index (``crawl-<name>.html``) groups its entries."""

    name: str
    localname: str
    shortname: str
    #: Returns (sort key, heading) pairs: the groups an entry is listed under.
    group_by: Callable[[EntryData], Iterable[tuple[Any, str]]]


@dataclass(frozen=True)
class ContentType:
    """A kind of entry: tip, red flag, milestone, or anything a plugin defines."""

    #: Object type in the ``crawl`` domain, JSON ``type`` and role name.
    name: str
    #: Directive name authors write, e.g. ``tip-card``.
    directive: str
    #: Human label, singular and plural (passed through the message catalog).
    label: str
    plural: str
    fields: tuple[Field, ...] = ()
    help: str = ""
    #: Text spoken before the title by screen readers (visually hidden).
    heading_prefix: Callable[[Mapping[str, Any]], str] | None = None
    #: Extra CSS classes from the fields, e.g. the urgency level.
    classes: Callable[[Mapping[str, Any]], list[str]] | None = None
    #: Labelled lines shown under the body, computed from the fields. Fields with a
    #: ``callout`` label need no code here; this is for lines that combine fields.
    callouts: Callable[[Mapping[str, Any]], list[tuple[str, str]]] | None = None
    #: Short visible text stating the level in words, e.g. "Urgent: same day".
    badge: Callable[[Mapping[str, Any]], str] | None = None
    index: IndexSpec | None = None
    #: Order within collections, lowest first (red flags: most urgent first).
    rank: Callable[[Mapping[str, Any]], int] | None = None
    #: Whether ``:age:`` must be given (milestones are meaningless without one).
    age_required: bool = False
    #: Render entries as rows of a table when inside this container directive.
    table_container: str | None = None
    #: How the entry search treats a match: ``"answer"`` (ranked first for a question
    #: or a worry), ``"sign"`` (a warning sign: first only when the query names one),
    #: or ``""`` (neither).
    search_role: str = ""
    #: Typed links its entries may declare to other entries (see :class:`Relation`).
    relations: tuple[Relation, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def relation(self, name: str) -> Relation | None:
        return next((r for r in self.relations if r.name == name), None)


#: What a content type can be to the entry search (see ContentType.search_role).
SEARCH_ROLES = ("", "answer", "sign")

#: Options every entry has: no field or relation may take these names.
COMMON_OPTIONS = ("id", "age", "tags", "source", "keywords")
#: Names no field may take: the options every entry has, and every key a crawl.json
#: entry has besides its fields (a field is written beside them, and would replace one).
RESERVED_FIELD_NAMES = tuple(dict.fromkeys((*COMMON_OPTIONS, *ENTRY_KEYS, *ENTRY_EXTRAS)))


class ContentTypeRegistry:
    """The content types enabled for one Sphinx application."""

    def __init__(self) -> None:
        self._types: dict[str, ContentType] = {}

    def add(self, content_type: ContentType) -> None:
        # Names become ids, CSS classes, roles and JSON values: keep them slugs.
        for attribute in ("name", "directive"):
            value = getattr(content_type, attribute)
            if not _TYPE_NAME.match(value):
                # Letters a-z only: "señal" is no slug, but says which one it means.
                slug = slugify(value) if isinstance(value, str) else ""
                example = f"{slug!r}" if _TYPE_NAME.match(slug) else "'activity' or 'activity-card'"
                raise ContentTypeError(
                    f"content type {attribute} {value!r} must be a lowercase slug (letters "
                    f"a-z, digits and hyphens) such as {example}"
                )
        if content_type.search_role not in SEARCH_ROLES:
            raise ContentTypeError(
                f"content type {content_type.name!r}: search_role must be one of "
                f"{', '.join(repr(role) for role in SEARCH_ROLES)}"
            )
        if content_type.name in self._types:
            raise ContentTypeError(f"content type {content_type.name!r} is already registered")
        _check_option_names(content_type)
        _check_texts(content_type)
        _check_field_schemas(content_type)
        self._check_names_free(content_type)
        self._types[content_type.name] = content_type

    def _check_names_free(self, content_type: ContentType) -> None:
        """A directive or index another type has would be taken from it, silently."""
        for other in self:
            if other.directive == content_type.directive:
                raise ContentTypeError(
                    f"content type {content_type.name!r}: directive {content_type.directive!r} "
                    f"is already the directive of content type {other.name!r}; choose "
                    f"another, such as '{content_type.name}-card'"
                )
        if content_type.index is None:
            return
        index = content_type.index.name
        if not _TYPE_NAME.match(index):
            raise ContentTypeError(
                f"content type {content_type.name!r}: index name {index!r} must be a "
                "lowercase slug such as 'activities'"
            )
        for other in self:
            if other.index is not None and other.index.name == index:
                raise ContentTypeError(
                    f"content type {content_type.name!r}: index name {index!r} is already "
                    f"the index of content type {other.name!r} (crawl-{index}.html); choose "
                    "another"
                )

    def __getitem__(self, name: str) -> ContentType:
        return self._types[name]

    def get(self, name: str) -> ContentType | None:
        return self._types.get(name)

    def __iter__(self) -> Iterator[ContentType]:
        return iter(self._types.values())

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def names(self) -> list[str]:
        return list(self._types)

    def relations_to(self, type_name: str) -> list[tuple[ContentType, Relation]]:
        """The relations of every type that may point at ``type_name``."""
        return [
            (content_type, relation)
            for content_type in self
            for relation in content_type.relations
            if not relation.targets or type_name in relation.targets
        ]


def _check_option_names(content_type: ContentType) -> None:
    """Fields and relations are options of one directive: each name once, none common;
    and a field's name is a key of the entry in crawl.json: none an entry has already."""
    seen: set[str] = set()
    for name in [*(f.name for f in content_type.fields), *(r.name for r in content_type.relations)]:
        if not _OPTION_NAME.match(name):
            raise ContentTypeError(
                f"content type {content_type.name!r}: option {name!r} must be lowercase "
                "letters, digits, '-' or '_'"
            )
        if content_type.field(name) and name in RESERVED_FIELD_NAMES:
            raise ContentTypeError(
                f"content type {content_type.name!r}: field {name!r} is a name every entry "
                f"has already, as an option or a key in crawl.json (reserved: "
                f"{', '.join(RESERVED_FIELD_NAMES)}); its value would replace the entry's "
                f"own: choose another, such as '{content_type.name}-{name}'"
            )
        if name in seen or name in COMMON_OPTIONS:
            raise ContentTypeError(
                f"content type {content_type.name!r}: option {name!r} is used twice "
                f"(every entry already has {', '.join(COMMON_OPTIONS)})"
            )
        seen.add(name)


#: What a text of a content type (a label, a help) may not be: a plugin that gave
#: label=None had its entries headed "None:" and titled "None", with no warning.
_NOT_TEXT = (type(None), bool, int, float, bytes, list, tuple, dict, set, frozenset)


def _check_texts(content_type: ContentType) -> None:
    """Labels and helps are words (a str, or a lazy translation of one); a field's
    ``callout`` may also be None (no labelled line)."""
    texts: list[tuple[str, object]] = [
        ("label", content_type.label),
        ("plural", content_type.plural),
        ("help", content_type.help),
    ]
    for spec in content_type.fields:
        texts.append((f"field {spec.name!r} help", spec.help))
        if spec.callout is not None:
            texts.append((f"field {spec.name!r} callout", spec.callout))
    for relation in content_type.relations:
        for attribute in ("label", "reverse_label", "help"):
            texts.append((f"relation {relation.name!r} {attribute}", getattr(relation, attribute)))
    if content_type.index is not None:
        texts.append(("index localname", content_type.index.localname))
        texts.append(("index shortname", content_type.index.shortname))
    for what, value in texts:
        if isinstance(value, _NOT_TEXT):
            raise ContentTypeError(
                f"content type {content_type.name!r}: {what} must be words (a str), not "
                f"{type(value).__name__} {value!r:.40}"
            )
        if what in ("label", "plural") and not str(value).strip():
            raise ContentTypeError(f"content type {content_type.name!r}: {what} is empty")
        if value is not None and lone_surrogate(str(value), "") is not None:
            raise ContentTypeError(
                f"content type {content_type.name!r}: {what} {str(value)!r:.40} holds a lone "
                "surrogate, which is not a character"
            )


def _check_field_schemas(content_type: ContentType) -> None:
    """Each field's schema goes into crawl.schema.json: one that is not JSON Schema made
    the whole file unusable (a program validating crawl.json was refused every time)."""
    if all(_simple_schema(spec.schema) for spec in content_type.fields):
        return
    from jsonschema import Draft202012Validator, SchemaError

    for spec in content_type.fields:
        try:
            if not isinstance(spec.schema, Mapping):
                raise SchemaError(
                    f"{type(spec.schema).__name__} {shown_value(spec.schema)} is not an object"
                )
            Draft202012Validator.check_schema(dict(spec.schema))
        except SchemaError as error:
            raise ContentTypeError(
                f"content type {content_type.name!r}: the schema of field {spec.name!r} is "
                f"not a JSON Schema ({error.message}); write it like "
                "{'type': 'string'} or {'enum': ['a', 'b']}"
            ) from None


def as_words(value: Any) -> Any:
    """``value``, a lazy translation of words (Sphinx's ``_("Calm")``, which a plugin
    passes its words through as its labels) made the str it reads as; anything else
    as it is. A hook's badge, a callout or an index heading so translated was refused
    as not text, and left out of every entry."""
    kind = type(value)
    if kind.__name__ == "_TranslationProxy" and kind.__module__ == "sphinx.locale":
        return str(value)
    return value


def _hook_words(hook: str, value: Any) -> Any:
    """A hook's result with its lazy translations read (see :func:`as_words`)."""
    if hook == "callouts" and isinstance(value, list):
        return [
            type(pair)(as_words(part) for part in pair) if isinstance(pair, tuple | list) else pair
            for pair in value
        ]
    if hook == "classes" and isinstance(value, list):
        return [as_words(name) for name in value]
    return as_words(value)


#: What each hook of a content type must return, checked on every call.
_HOOK_RESULTS: dict[str, Callable[[Any], bool]] = {
    "heading_prefix": lambda value: isinstance(value, str),
    "badge": lambda value: isinstance(value, str),
    "classes": lambda value: isinstance(value, list) and all(isinstance(v, str) for v in value),
    "callouts": lambda value: (
        isinstance(value, list)
        and all(
            isinstance(pair, tuple | list)
            and len(pair) == 2
            and all(isinstance(p, str) for p in pair)
            for pair in value
        )
    ),
    # Not NaN: one entry's NaN rank put the others of its list out of order (sorted()
    # moves nothing past a value every comparison with is false).
    "rank": lambda value: (
        isinstance(value, int | float) and not isinstance(value, bool) and value == value
    ),
}

_HOOK_FALLBACKS: dict[str, Any] = {
    "heading_prefix": "",
    "badge": "",
    "classes": [],
    "callouts": [],
    "rank": 0,
}


def let_interrupts_through(error: BaseException) -> None:
    """Plugin code may raise anything: only Ctrl-C goes on up. A plugin's ``SystemExit``
    (or any other ``BaseException``) is a failure to report, not the end of the build."""
    if isinstance(error, KeyboardInterrupt):
        raise error


class HookError(Exception):
    """A content type's hook raised, or returned something of the wrong kind."""


def run_hook(content_type: ContentType | None, hook: str, fields: Mapping[str, Any]) -> Any:
    """Call ``content_type.<hook>(fields)``; raise :class:`HookError` if plugin code fails.

    The entry directive calls each hook first and reports a failure at the entry's
    line; later callers use :func:`hook_value`, which falls back quietly.
    """
    function = getattr(content_type, hook, None) if content_type is not None else None
    if function is None:
        return _HOOK_FALLBACKS[hook]
    try:
        # A copy: what plugin code changes in the fields it is given must not reach the
        # entry (its page, crawl.json, the search).
        value = function(given_to(function, fields))
    except BaseException as error:
        let_interrupts_through(error)
        raise HookError(f"{hook} raised {type(error).__name__}: {error}") from error
    if not _is_own(function):
        value = _hook_words(hook, value)
    if not _HOOK_RESULTS[hook](value):
        raise HookError(f"{hook} returned {type(value).__name__} {shown_value(value)}")
    if not _is_own(function) and lone_surrogate(value, "") is not None:
        # No page, index or crawl.json can be written with it.
        raise HookError(f"{hook} returned {shown_value(value)}, which holds a lone surrogate")
    return value


def shown_value(value: Any) -> str:
    """``value`` as a warning shows it: its repr, at most 60 characters, without the
    memory address of an object's default repr ("<Lazy object at 0x7f...>"), which
    differs from one build to the next (and a warning would too). A value whose repr
    fails (nested thousands deep, or a plugin's ``__repr__`` that raises: s49, a
    traceback ended the build) is shown shortened, or by its type."""
    try:
        shown = repr(value)
    except Exception:  # a plugin's value: any repr may fail
        try:
            shortened = reprlib.Repr()  # (keywords from Python 3.12 only)
            shortened.maxlevel = 3
            shown = shortened.repr(value)
        except Exception:
            shown = f"<{type(value).__name__}>"
    return f"{re.sub(r' at 0x[0-9a-fA-F]+', '', shown):.60}"


def given_to(function: Callable[..., Any], value: Any) -> Any:
    """What a content type's ``function`` is given: ``value`` itself when the function is
    sphinx_crawl's own (the built-in types', which change nothing they are given), else
    a :func:`plain_copy`. Copying every entry for the built-in types' indices cost an
    edit 0.1 s at 20,000 entries."""
    return value if _is_own(function) else plain_copy(value)


def _is_own(function: Callable[..., Any]) -> bool:
    module = getattr(function, "__module__", None) or ""
    return module.startswith(_OWN_MODULES)


#: Where the built-in types' hooks are defined.
_OWN_MODULES = ("sphinx_crawl.builtin", "sphinx_crawl.core.")


def plain_copy(value: Any) -> Any:
    """What plugin code is given (fields, an entry), its lists and mappings copied, so
    that what the code changes stays out of the entry (cheaper than deepcopy: a hook
    runs for every entry in several places)."""
    if isinstance(value, Mapping):
        return {key: plain_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_copy(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain_copy(item) for item in value)
    return value


def hook_value(content_type: ContentType | None, hook: str, fields: Mapping[str, Any]) -> Any:
    """:func:`run_hook`, falling back to an empty value (the failure was reported already)."""
    try:
        return run_hook(content_type, hook, fields)
    except HookError:
        return _HOOK_FALLBACKS[hook]


def matches_schema(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether a converted field value fits the field's JSON Schema, in full (crawl.json
    must validate against crawl.schema.json)."""
    return matches_schema_type(value, schema) and schema_problem(value, schema) is None


def schema_problem(value: Any, schema: Mapping[str, Any]) -> str | None:
    """Why a JSON value does not fit ``schema`` in full (its ``pattern``, ``minimum``,
    ``maxLength``...), in jsonschema's words; None when it fits."""
    if _simple_schema(schema) and _fits_simply(value, schema):
        return None
    from jsonschema import ValidationError
    from referencing.exceptions import Unresolvable

    try:
        key = json.dumps(schema, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        return None
    try:
        _validator(key).validate(value)
    except ValidationError as error:
        return str(error.message)
    except Unresolvable:
        return None  # a $ref into crawl.schema.json: read in the whole file only
    except Exception:  # a schema registration let through that jsonschema cannot use
        return None
    return None


#: JSON Schema's type names, and the keywords of a schema :func:`matches_schema_type`
#: decides in full: its type and enum, and annotations that constrain nothing.
_TYPE_NAMES = frozenset({"string", "integer", "number", "boolean", "null", "array", "object"})
_SIMPLE_KEYWORDS = frozenset({"type", "enum", "title", "description"})


def _simple_schema(schema: Any) -> bool:
    """Whether ``schema`` is valid JSON Schema that says no more than a type (a type's
    name, or a list of distinct names) and an enum (a list), with a title or a
    description: the built-in types' and most plugins' fields. Such a schema needs no
    jsonschema, whose import was 40 ms of every build, a no-op one too (issue 27)."""
    if not isinstance(schema, Mapping) or not set(schema) <= _SIMPLE_KEYWORDS:
        return False
    kinds = schema.get("type", "string")
    names = [kinds] if isinstance(kinds, str) else kinds
    return (
        isinstance(names, list)
        and len(names) > 0
        and all(isinstance(name, str) and name in _TYPE_NAMES for name in names)
        and len(set(names)) == len(names)
        and isinstance(schema.get("enum", []), list)
        and all(isinstance(schema.get(key, ""), str) for key in ("title", "description"))
    )


def _fits_simply(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether a value surely fits a :func:`_simple_schema`: of its type, and, with an
    enum, a string in it (Python's ``in`` takes True for 1, jsonschema does not)."""
    if "enum" in schema and not isinstance(value, str):
        return False
    return matches_schema_type(value, schema)


@functools.lru_cache(maxsize=256)
def _validator(schema: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema))


def matches_schema_type(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether a converted field value is of the kind the field's JSON Schema declares
    (its ``type`` and ``enum``): a value of another kind is the plugin's mistake."""
    if "enum" in schema and value not in schema["enum"]:
        return False
    kinds = schema.get("type")
    if kinds is None:
        return _is_json(value)
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: (
            isinstance(v, int | float)
            and not isinstance(v, bool)
            and v == v
            and v not in (float("inf"), float("-inf"))
        ),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "array": lambda v: isinstance(v, list) and all(_is_json(i) for i in v),
        "object": lambda v: isinstance(v, dict) and _is_json(v),
    }
    allowed = [kinds] if isinstance(kinds, str) else list(kinds)
    return any(checks.get(kind, _is_json)(value) for kind in allowed)


def _is_json(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):  # (nested too deep to write, s49)
        return False
    return True
