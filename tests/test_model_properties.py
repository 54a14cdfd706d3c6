"""Properties of the plain-data helpers every directive relies on (sphinx_crawl.core).

``AgeRange.parse`` reads every ``:age:``, ``slugify`` and ``id_from_title`` make
every entry id (and so every anchor and crawl.json id), ``split_list`` reads every
comma-separated option. They are pure, so these run hundreds of examples in a
second or two.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinx_crawl.builtin import CONTENT_TYPES
from sphinx_crawl.core.ages import MAX_AGE_MONTHS, AgeRange
from sphinx_crawl.core.entries import id_from_title, slugify, split_list
from sphinx_crawl.core.schema import build_schema
from sphinx_crawl.types import ContentTypeRegistry

MODEL_SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _schema_id_pattern() -> str:
    registry = ContentTypeRegistry()
    for content_type in CONTENT_TYPES:
        registry.add(content_type)
    return str(build_schema(registry)["$defs"]["entry-tip"]["properties"]["id"]["pattern"])


#: The id pattern of crawl.schema.json: every exported id must match it.
SCHEMA_ID = re.compile(_schema_id_pattern())
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

any_text = st.text(st.characters(exclude_categories=["Cs"]))
age_words = st.sampled_from(
    ["", "by", "to", "-", "\u2013", "\u2014", "+", "months", "month", "mos.", "mo", "m", ".", " "]
)
#: Text that looks like an age: numbers, dashes, units and spaces in any order.
agelike = st.lists(
    st.one_of(age_words, st.integers(0, 200).map(str), st.sampled_from(["1.5", "0.25", "6.0"])),
    max_size=6,
).map(" ".join)
months = st.integers(0, MAX_AGE_MONTHS) | st.sampled_from([0.5, 1.5, 2.25, 71.5])
spaces = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])
units = st.sampled_from(["", " months", " month", " mo", " mos.", "m", " MONTHS", " Mo"])
dashes = st.sampled_from(["-", "\u2013", "\u2014", " to ", " TO "])


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# -- AgeRange.parse -----------------------------------------------------------------


@MODEL_SETTINGS
@given(st.one_of(any_text, agelike))
@example("9-12 months+")
@example("1-100 months+")
@example("1" * 500 + " months")
def test_an_age_parses_to_a_sane_range_or_raises_value_error(text: str) -> None:
    try:
        age = AgeRange.parse(text)
    except ValueError as error:
        reason = str(error)  # shown in the warning
        assert reason
        return
    assert age.label == " ".join(text.split())
    assert 0 <= age.min_months <= MAX_AGE_MONTHS
    assert age.max_months is None or age.min_months <= age.max_months <= MAX_AGE_MONTHS
    # Every number the author wrote is within the handbook's ages (no silent typos).
    written = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", age.label)]
    assert all(n <= MAX_AGE_MONTHS for n in written), written
    for value in (age.min_months, age.max_months):
        if value is not None:
            assert math.isfinite(value)
            assert isinstance(value, int) == float(value).is_integer()
    # The label reads back as the same range, and the JSON form round-trips.
    assert AgeRange.parse(age.label) == age
    assert AgeRange.from_dict(age.as_dict()) == age


@MODEL_SETTINGS
@given(low=months, high=months, dash=dashes, unit=units, pad=spaces)
def test_ranges_read_as_written(low: float, high: float, dash: str, unit: str, pad: str) -> None:
    text = f"{pad}{number(low)}{dash}{number(high)}{unit}{pad}"
    if high < low:
        with pytest.raises(ValueError, match="runs backwards"):
            AgeRange.parse(text)
        return
    age = AgeRange.parse(text)
    assert (age.min_months, age.max_months) == (low, high)
    # "...+" leaves the range open, from its lower end.
    opened = AgeRange.parse(text + "+")
    assert (opened.min_months, opened.max_months) == (low, None)


@MODEL_SETTINGS
@given(n=months, unit=units, pad=spaces)
def test_points_open_ends_and_by(n: float, unit: str, pad: str) -> None:
    def read(text: str) -> tuple[float, float | None, str]:
        age = AgeRange.parse(f"{pad}{text}{pad}")
        return age.min_months, age.max_months, age.kind

    assert read(f"{number(n)}{unit}") == (n, n, "window")
    assert read(f"{number(n)}+{unit}") == (n, None, "from")
    assert read(f"{number(n)}{unit}+") == (n, None, "from")
    # A deadline: expected by n months, so it matters at n months and ever after.
    assert read(f"by {number(n)}{unit}") == (n, None, "by")
    assert read(f"BY {number(n)}{unit}") == (n, None, "by")
    by = AgeRange.parse(f"by {number(n)}{unit}")
    assert by.applies_at(n)
    assert by.applies_at(n + 12)
    assert not by.applies_at(n - 0.5)
    assert AgeRange.from_dict(by.as_dict()) == by


@MODEL_SETTINGS
@given(
    n=st.integers(MAX_AGE_MONTHS + 1, 10**6),
    form=st.sampled_from(
        ["{}", "{} months", "by {}", "{}+", "1-{}", "1-{} months+", "{}-{} months+"]
    ),
)
def test_ages_beyond_the_handbook_are_refused(n: int, form: str) -> None:
    with pytest.raises(ValueError, match=r"beyond|backwards"):
        AgeRange.parse(form.format(n, n))


ranges = st.builds(
    lambda low, span, open_end: AgeRange(low, None if open_end else low + span, ""),
    months,
    st.integers(0, 24),
    st.booleans(),
)


@MODEL_SETTINGS
@given(a=ranges, b=ranges)
def test_overlap_means_a_shared_age(a: AgeRange, b: AgeRange) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)
    # The youngest age both could hold, and whether both do hold it.
    shared = max(a.min_months, b.min_months)
    inside = all(r.max_months is None or shared <= r.max_months for r in (a, b))
    assert a.overlaps(b) == inside
    assert a.sort_key()[0] == a.min_months
    assert (a.sort_key()[1] == math.inf) == (a.max_months is None)


# -- slugify and id_from_title --------------------------------------------------------


@MODEL_SETTINGS
@given(any_text)
@example("\u00c9veil moteur \u2014 4\u20136 mois")
@example("-" * 100 + "a")
@example("a" * 79 + "-b")
def test_a_slug_is_short_clean_ascii_and_stable(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG.match(slug), slug
    assert len(slug) <= 80
    assert slugify(slug) == slug


#: Clean slugs: runs of lowercase ASCII letters and digits joined by single hyphens.
slugs = st.lists(
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=12),
    min_size=1,
    max_size=8,
).map("-".join)


@MODEL_SETTINGS
@given(slugs.filter(lambda s: len(s) <= 80))
def test_a_slug_is_its_own_slug(slug: str) -> None:
    assert slugify(slug) == slug


type_names = st.one_of(
    st.sampled_from([ct.name for ct in CONTENT_TYPES]),
    st.tuples(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), slugs).map("".join),
)


@MODEL_SETTINGS
@given(type_name=type_names, title=any_text)
@example(type_name="tip", title="")
@example(type_name="red-flag", title="12 months")
@example(type_name="tip", title="\u4e2d\u6587")
def test_an_id_from_a_title_is_a_valid_crawl_json_id(type_name: str, title: str) -> None:
    entry_id = id_from_title(type_name, title)
    assert SCHEMA_ID.match(entry_id), entry_id
    assert entry_id == id_from_title(type_name, title)
    slug = slugify(title)
    if slug[:1].isalpha():
        assert entry_id == slug  # readable: the title's own words
    else:
        assert entry_id.startswith(f"{type_name}-")


#: Titles with nothing to slug: no Latin letters or digits (CJK, emoji, punctuation...).
unsluggable = st.text(st.sampled_from("\u4e2d\u6587\u0645\u0631\U0001f476 !?\u2014\u00b7-"))


@MODEL_SETTINGS
@given(type_name=type_names, pair=st.lists(unsluggable, min_size=2, max_size=2, unique=True))
def test_titles_without_latin_letters_get_distinct_ids(type_name: str, pair: list[str]) -> None:
    a, b = pair
    assert slugify(a) == slugify(b) == ""
    assert id_from_title(type_name, a) != id_from_title(type_name, b)


# -- split_list -----------------------------------------------------------------------

list_items = st.one_of(
    st.sampled_from(["play", "Play", " play ", "a  b", "", " ", "\u00e9veil", "\u3000x\u3000"]),
    any_text.filter(lambda t: "," not in t),
)


@MODEL_SETTINGS
@given(st.one_of(st.none(), any_text, st.lists(list_items, max_size=6).map(",".join)))
def test_a_list_option_gives_clean_unique_items_in_order(text: str | None) -> None:
    items = split_list(text)
    assert len(items) == len(set(items))
    wanted = [" ".join(part.split()) for part in (text or "").split(",")]
    assert items == list(dict.fromkeys(w for w in wanted if w))
    for item in items:
        assert item
        assert "," not in item
        assert item == " ".join(item.split())
    assert split_list(", ".join(items)) == items


# -- what a list selects, and the tips a tracker shows under a milestone -------------


class _Entries:
    """The part of CrawlDomain that selection.py reads: entries by id, and a cache."""

    def __init__(self, entries: list[dict[str, object]]) -> None:
        self.entries = {str(e["id"]): e for e in entries}
        self.views_cache: dict[str, object] = {}

    def by_id(self) -> dict[str, dict[str, object]]:
        return self.entries


def _registry() -> ContentTypeRegistry:
    registry = ContentTypeRegistry()
    for content_type in CONTENT_TYPES:
        registry.add(content_type)
    return registry


def _reference_select(
    entries: list[Any], spec: dict[str, Any], registry: ContentTypeRegistry
) -> list[Any]:
    """The plain definition (every entry read, as before issue 27's indices)."""
    from sphinx_crawl.core.content_types import hook_value
    from sphinx_crawl.core.derive import age_sort_key

    window = AgeRange.from_dict(spec["age"]) if spec["age"] else None
    wanted = {tag.lower() for tag in spec["tags"]}
    chosen = [
        e
        for e in entries
        if (not spec["types"] or e["type"] in spec["types"])
        and (not wanted or wanted & {tag.lower() for tag in e["tags"]})
        and (window is None or e["age"] is None or window.overlaps(AgeRange.from_dict(e["age"])))
    ]
    rank = {name: i for i, name in enumerate(registry.names())}
    first = {entry_id: i for i, entry_id in enumerate(spec["first"])}
    return sorted(
        chosen,
        key=lambda e: (
            first.get(e["id"], len(first)),
            rank.get(e["type"], len(rank)),
            hook_value(registry.get(e["type"]), "rank", e["fields"]),
            age_sort_key(e["age"]),
            e["title"].lower(),
            e["id"],
        ),
    )


def _reference_help(
    entries: list[Any], entry: Any, types: list[str], registry: ContentTypeRegistry
) -> list[Any]:
    if entry["age"] is None or entry["age"]["max_months"] is None:
        return []
    spec = {"types": types, "tags": [], "age": None, "first": []}
    pool = [e for e in _reference_select(entries, spec, registry) if e["id"] != entry["id"]]
    ends = entry["age"]["max_months"]  # help shows past the window: for a baby of this age
    tags = {tag.lower() for tag in entry["tags"]}

    def closeness(other: Any) -> int:
        shared = bool(tags & {tag.lower() for tag in other["tags"]})
        age = other["age"]
        overlaps = (
            age is not None
            and age["min_months"] <= ends
            and (age["max_months"] is None or ends <= age["max_months"])
        )
        return 0 if shared and overlaps else 1 if overlaps else 2 if shared else 3

    return sorted((e for e in pool if closeness(e) < 3), key=closeness)[:3]


ages = st.one_of(
    st.none(),
    st.tuples(
        st.integers(0, 24), st.integers(0, 12), st.sampled_from(["window", "from", "by"])
    ).map(
        lambda t: {
            "min_months": t[0],
            "max_months": t[0] + t[1] if t[2] == "window" else None,
            "label": "",
            "kind": t[2],
        }
    ),
)
entry_rows = st.lists(
    st.tuples(
        st.sampled_from(["tip", "milestone", "red-flag"]),
        st.lists(st.sampled_from(["Play", "play", "floor", "Sleep"]), max_size=3),
        ages,
        st.sampled_from(["soon", "urgent", "now"]),
        st.sampled_from(["A", "b", "C"]),
    ),
    max_size=25,
)


@MODEL_SETTINGS
@given(
    rows=entry_rows,
    types=st.lists(st.sampled_from(["tip", "milestone", "red-flag"]), max_size=3),
    tags=st.lists(st.sampled_from(["play", "FLOOR", "sleep", "none"]), max_size=2),
    age=ages,
)
def test_lists_and_tracker_help_select_as_the_plain_definition(
    rows: list[Any], types: list[str], tags: list[str], age: dict[str, Any] | None
) -> None:
    """selection.py works from indices by type and tag, caches per state and stops
    early; what it returns is what reading every entry returns, in the same order."""
    from sphinx_crawl.selection import helping_entries, select_entries

    entries = [
        {
            "id": f"e{n}",
            "type": kind,
            "title": title,
            "tags": entry_tags,
            "age": entry_age,
            "fields": {"urgency": urgency} if kind == "red-flag" else {},
        }
        for n, (kind, entry_tags, entry_age, urgency, title) in enumerate(rows)
    ]
    registry = _registry()
    domain = _Entries(entries)
    spec = {"kind": "list", "types": types, "tags": tags, "age": age, "first": ["e3"]}
    ids = [e["id"] for e in select_entries(domain, spec, registry)]  # type: ignore[arg-type]
    assert ids == [e["id"] for e in _reference_select(entries, spec, registry)]
    for entry in entries:
        found = helping_entries(domain, entry, types or ["tip"], registry)  # type: ignore[arg-type]
        expected = _reference_help(entries, entry, types or ["tip"], registry)
        assert [e["id"] for e in found] == [e["id"] for e in expected]


_type_names = st.sampled_from(
    ["string", "integer", "number", "boolean", "null", "array", "object", "strin", ""]
)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2) | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=2), inner, max_size=2)
    ),
    max_leaves=4,
)
_schemas = st.dictionaries(
    st.sampled_from(["type", "enum", "title", "description", "minLength", "pattern"]),
    st.one_of(
        _type_names,
        st.lists(_type_names, max_size=3),
        st.lists(_json_values, max_size=3),
        st.integers(-1, 2),
        st.none(),
    ),
    max_size=3,
)


@MODEL_SETTINGS
@given(schema=_schemas, value=_json_values)
@example(schema={"enum": [1]}, value=True)
@example(schema={"type": "integer"}, value=1.0)
@example(schema={"type": []}, value="a")
def test_a_field_schema_read_without_jsonschema_is_read_as_jsonschema_reads_it(
    schema: dict[str, Any], value: Any
) -> None:
    """A field's schema of a type and an enum is checked, and a value fitted to it,
    without importing jsonschema (issue 27: 40 ms of every build): where that shortcut
    is taken, it says what jsonschema says, of the schema and of the value."""
    from jsonschema import Draft202012Validator, SchemaError

    from sphinx_crawl.core.content_types import _fits_simply, _simple_schema, schema_problem

    try:
        Draft202012Validator.check_schema(schema)
        valid = True
    except SchemaError:
        valid = False
    if _simple_schema(schema):
        assert valid, schema
        fits = Draft202012Validator(schema).is_valid(value)
        if _fits_simply(value, schema):
            assert fits, (schema, value)
        assert (schema_problem(value, schema) is None) == fits, (schema, value)
