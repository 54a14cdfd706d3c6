"""sphinx_crawl.api.load on tampered files: a CrawlDataError that says what and where,
never a bare KeyError, TypeError or StopIteration, and nothing silently reshaped."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_crawl.api import CrawlDataError, Handbook, load
from tests.build_utils import COMMON_KEYS, Build, build, copy_root

Change = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("cross-page", tmp_path_factory.mktemp("loader") / "src"))


@pytest.fixture(scope="module")
def good(site: Build) -> dict[str, Any]:
    return site.crawl_json()


def write(tmp_path: Path, data: Any, *, raw: str | None = None) -> Path:
    path = tmp_path / "crawl.json"
    path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
    return path


def with_schema(site: Build, tmp_path: Path) -> Path:
    (tmp_path / "crawl.schema.json").write_text(site.text("crawl.schema.json"), encoding="utf-8")
    return tmp_path


def tampered(good: dict[str, Any], change: Change) -> dict[str, Any]:
    data = copy.deepcopy(good)
    change(data)
    return data


def entry_where(
    data: dict[str, Any], test: Callable[[dict[str, Any]], bool]
) -> tuple[int, dict[str, Any]]:
    return next((i, e) for i, e in enumerate(data["entries"]) if test(e))


def aged(kind: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: bool(e["age"]) and e["age"]["kind"] == kind


def set_age(which: str, **values: Any) -> Change:
    """Change the age of the first entry whose age is of kind ``which``."""
    return lambda d: entry_where(d, aged(which))[1]["age"].update(values)


def first_of(kind: str) -> Callable[[dict[str, Any]], str]:
    """The place of the first entry with an age of ``kind`` (``entries[2].age``)."""
    return lambda d: f"entries[{entry_where(d, aged(kind))[0]}].age"


# name: (change, the message expected; a callable computes it from the untouched file)
CASES: dict[str, tuple[Change, str | Callable[[dict[str, Any]], str]]] = {
    # -- the top level
    "schema version missing": (
        lambda d: d.pop("schema_version"),
        "the top level: the key 'schema_version' is missing",
    ),
    "unknown schema version": (
        lambda d: d.__setitem__("schema_version", "9.0"),
        "schema_version: '9.0' is not one this reader knows (1.0, 1.1, 1.2, 1.3, 1.4); "
        "update sphinx-crawl",
    ),
    "schema version a number": (
        lambda d: d.__setitem__("schema_version", 1.1),
        "schema_version: expected a string, got 1.1",
    ),
    "project missing": (lambda d: d.pop("project"), "the top level: the key 'project' is missing"),
    "generator a number": (
        lambda d: d.__setitem__("generator", 3),
        "generator: expected a string, got 3",
    ),
    "entries missing": (lambda d: d.pop("entries"), "the top level: the key 'entries' is missing"),
    "entries not a list": (
        lambda d: d.__setitem__("entries", {}),
        "entries: expected a list, got {}",
    ),
    "sources not a list": (
        lambda d: d.__setitem__("sources", "kc"),
        "sources: expected a list, got 'kc'",
    ),
    # -- entries
    "entry not an object": (
        lambda d: d["entries"].__setitem__(0, 5),
        "entries[0]: expected an object, got 5",
    ),
    "missing title": (
        lambda d: d["entries"][1].pop("title"),
        "entries[1]: the key 'title' is missing",
    ),
    "title a list": (
        lambda d: d["entries"][2].__setitem__("title", ["a"]),
        "entries[2].title: expected a string, got ['a']",
    ),
    "tags as a string": (
        lambda d: d["entries"][3].__setitem__("tags", "abc"),
        "entries[3].tags: expected a list of strings, got 'abc'",
    ),
    "a tag that is a number": (
        lambda d: d["entries"][0].__setitem__("tags", ["ok", 7]),
        "entries[0].tags: expected a list of strings, got ['ok', 7]",
    ),
    "sources null": (
        lambda d: d["entries"][0].__setitem__("sources", None),
        "entries[0].sources: expected a list of strings, got null",
    ),
    "keywords null": (
        lambda d: d["entries"][0].__setitem__("keywords", None),
        "entries[0].keywords: expected a list of strings, got null",
    ),
    "duplicate id": (
        lambda d: d["entries"][4].__setitem__("id", d["entries"][1]["id"]),
        lambda d: f"entries[4].id: {d['entries'][1]['id']!r} is used twice (also entries[1])",
    ),
    # -- ages
    "age not an object": (
        lambda d: d["entries"][0].__setitem__("age", "6-9 months"),
        "entries[0].age: expected an object, got '6-9 months'",
    ),
    "age runs backwards": (
        set_age("window", min_months=30, max_months=2),
        lambda d: f"{first_of('window')(d)}: max_months 2 is below min_months 30",
    ),
    "age negative": (
        set_age("window", min_months=-3),
        lambda d: f"{first_of('window')(d)}.min_months: expected months from 0 to 72, got -3",
    ),
    "age beyond 72 months": (
        set_age("from", min_months=700),
        lambda d: f"{first_of('from')(d)}.min_months: expected months from 0 to 72, got 700",
    ),
    "age not a number": (
        set_age("window", min_months="six"),
        lambda d: f"{first_of('window')(d)}.min_months: expected months from 0 to 72, got 'six'",
    ),
    "age a boolean": (
        set_age("window", max_months=True),
        lambda d: f"{first_of('window')(d)}.max_months: expected months from 0 to 72, got True",
    ),
    "age without a label": (
        lambda d: entry_where(d, aged("by"))[1]["age"].pop("label"),
        lambda d: f"{first_of('by')(d)}: the key 'label' is missing",
    ),
    "unknown age kind": (
        set_age("window", kind="soon"),
        lambda d: f"{first_of('window')(d)}.kind: expected one of window, from, by, got 'soon'",
    ),
    "a deadline with an end": (
        set_age("by", max_months=20),
        lambda d: f"{first_of('by')(d)}.max_months: a 'by' age is open-ended (null), got 20",
    ),
    "a window without an end": (
        set_age("window", max_months=None),
        lambda d: f"{first_of('window')(d)}.max_months: a window age needs its end, got null",
    ),
    # -- sources
    "source title missing": (
        lambda d: d["sources"][0].pop("title"),
        "sources[0]: the key 'title' is missing",
    ),
    "source publisher a number": (
        lambda d: d["sources"][1].__setitem__("publisher", 5),
        "sources[1].publisher: expected a string or null, got 5",
    ),
    "source cited_by a string": (
        lambda d: d["sources"][0].__setitem__("cited_by", "no-movement"),
        "sources[0].cited_by: expected a list of strings, got 'no-movement'",
    ),
    "duplicate source id": (
        lambda d: d["sources"][2].__setitem__("id", d["sources"][0]["id"]),
        "sources[2].id: 'kc' is used twice (also sources[0])",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_malformed_file_is_a_located_crawl_data_error(
    good: dict[str, Any], tmp_path: Path, case: str
) -> None:
    change, expected = CASES[case]
    path = write(tmp_path, tampered(good, change))
    message = expected if isinstance(expected, str) else expected(good)
    with pytest.raises(CrawlDataError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: {message}"


def test_the_file_as_it_was_written_loads(good: dict[str, Any], tmp_path: Path) -> None:
    """The fixture is sound: what the tampered cases change is what they report."""
    assert load(write(tmp_path, good)).entry("no-movement").tags == ()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not JSON (Expecting property name"),
        ("", "not JSON (Expecting value: line 1 column 1"),
        ("\ufeff{}", "not JSON (Unexpected UTF-8 BOM"),
        ("[1, 2]", "the top level: expected an object, got [1, 2]"),
        ('"crawl"', "the top level: expected an object, got 'crawl'"),
        ("null", "the top level: expected an object, got null"),
        ("[" * 100_000 + "]" * 100_000, "not JSON (maximum recursion depth"),
        ("9" * 5000, "not JSON (Exceeds the limit"),
    ],
    ids=["broken", "empty", "bom", "list", "string", "null", "deep", "huge-int"],
)
def test_files_that_are_not_a_handbook(tmp_path: Path, raw: str, message: str) -> None:
    path = write(tmp_path, None, raw=raw)
    with pytest.raises(CrawlDataError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: {message}"), str(raised.value)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "crawl.json"
    path.write_bytes('{"project": "Caf\u00e9"}'.encode("latin-1"))
    with pytest.raises(CrawlDataError, match=r"cannot be read .*utf-8"):
        load(path)


@pytest.mark.parametrize(
    ("token", "shown"),
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e400", "1e400"),  # valid JSON, but no finite float: json.loads gives inf
        ("-2.5E+999", "-2.5E+999"),
    ],
)
def test_numbers_that_are_not_finite_are_refused_where_they_are(
    good: dict[str, Any], tmp_path: Path, token: str, shown: str
) -> None:
    place, _ = entry_where(good, lambda e: "urgency" in e)
    document = tampered(good, lambda d: d["entries"][place].__setitem__("urgency", "@@"))
    path = write(tmp_path, None, raw=json.dumps(document).replace('"@@"', token))
    with pytest.raises(CrawlDataError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: entries[{place}].urgency: {shown} is not a finite number"


def test_nan_in_an_age_is_refused(good: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(good).replace('"min_months": 12', '"min_months": NaN', 1)
    assert "NaN" in text
    with pytest.raises(CrawlDataError, match=r"entries\[0\]\.age\.min_months: NaN is not a finite"):
        load(write(tmp_path, None, raw=text))


def test_a_key_given_twice_is_refused_not_last_wins(good: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(good).replace('"tags": [', '"tags": "abc", "tags": [', 1)
    path = write(tmp_path, None, raw=text)
    with pytest.raises(CrawlDataError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: entries[0]: the key 'tags' is given twice"


def test_a_lone_surrogate_is_refused(good: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(good).replace('"title": "', '"title": "\\udc80', 1)
    with pytest.raises(CrawlDataError, match=r"entries\[0\]\.title: .* lone surrogate \(U\+DC80\)"):
        load(write(tmp_path, None, raw=text))


def test_odd_keys_are_named_readably(good: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(good).replace('"urgency": ', '"my field": NaN, "urgency": ', 1)
    with pytest.raises(CrawlDataError, match=r"entries\[0\]\['my field'\]: NaN"):
        load(write(tmp_path, None, raw=text))


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CrawlDataError, match=r"nothing\.json: cannot be read"):
        load(tmp_path / "nothing.json")
    with pytest.raises(CrawlDataError, match="cannot be read"):
        load(tmp_path)  # a directory


# -- validate=True -----------------------------------------------------------------------


def test_validate_needs_the_schema_beside_the_file(good: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(CrawlDataError, match=r"crawl\.schema\.json: not found"):
        load(write(tmp_path, good), validate=True)


def test_validate_without_jsonschema_says_so(
    site: Build, good: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # import jsonschema: ImportError
    path = write(with_schema(site, tmp_path), good)
    with pytest.raises(CrawlDataError, match="validate=True needs the jsonschema package"):
        load(path, validate=True)
    assert isinstance(load(path), Handbook)  # the checks by hand need no jsonschema


VALIDATION_CASES: dict[str, tuple[Change, str]] = {
    "unknown type": (
        lambda d: d["entries"][0].__setitem__("type", "gadget"),
        "entries[0].type: 'gadget' is none of 'milestone', 'tip', 'red-flag', 'question'",
    ),
    "field of the type": (
        lambda d: d["entries"][0].__setitem__("urgency", "meh"),
        "entries[0].urgency: 'meh' is not one of ['routine', 'soon', 'urgent']",
    ),
    "tags as a string": (
        lambda d: d["entries"][0].__setitem__("tags", "abc"),
        "entries[0].tags: 'abc' is not of type 'array'",
    ),
    "unknown key": (
        lambda d: d["entries"][0].__setitem__("colour", "red"),
        "entries[0]: Additional properties are not allowed ('colour' was unexpected)",
    ),
    "age a string": (
        lambda d: d["entries"][0].__setitem__("age", "soon"),
        "entries[0].age: expected null or object, got 'soon'",
    ),
    "entry a string": (
        lambda d: d["entries"].__setitem__(0, "abc"),
        "entries[0]: expected object, got 'abc'",
    ),
    "source url": (
        lambda d: d["sources"][0].__setitem__("url", "ftp://x"),
        "sources[0].url: 'ftp://x' does not match '^https?://'",
    ),
    "old version": (
        lambda d: d.__setitem__("schema_version", "1.0"),
        "schema_version: '1.4' was expected",
    ),
}


@pytest.mark.parametrize("case", list(VALIDATION_CASES))
def test_validation_errors_are_located_crawl_data_errors(
    site: Build, good: dict[str, Any], tmp_path: Path, case: str
) -> None:
    change, message = VALIDATION_CASES[case]
    path = write(with_schema(site, tmp_path), tampered(good, change))
    with pytest.raises(CrawlDataError) as raised:
        load(path, validate=True)
    assert str(raised.value) == f"{path}: {message}"
    # Still what callers caught before, with the place of the reported error.
    assert isinstance(raised.value, jsonschema.ValidationError)
    assert list(raised.value.path) == list(raised.value.absolute_path)


def test_a_validation_error_keeps_jsonschema_details(
    site: Build, good: dict[str, Any], tmp_path: Path
) -> None:
    data = tampered(good, lambda d: d["entries"][0].__setitem__("urgency", "meh"))
    with pytest.raises(jsonschema.ValidationError) as raised:
        load(write(with_schema(site, tmp_path), data), validate=True)
    assert list(raised.value.absolute_path) == ["entries", 0, "urgency"]
    assert raised.value.instance == "meh"


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (b"{", "crawl.schema.json: not JSON"),
        (b"\xff\xfe", "crawl.schema.json: cannot be read"),
        (b"[]", "crawl.schema.json: not a valid schema"),
        (b'{"type": 5}', "crawl.schema.json: not a valid schema"),
        (b'{"pattern": "("}', "crawl.schema.json: not a valid schema"),
        (b'{"$ref": "#/nowhere"}', "crawl.schema.json: cannot be used"),
        (b'{"$ref": "https://example.invalid/s.json"}', "crawl.schema.json: cannot be used"),
    ],
    ids=["not-json", "not-utf8", "a-list", "bad-type", "bad-regex", "bad-ref", "remote-ref"],
)
def test_a_broken_schema_file_is_a_crawl_data_error(
    good: dict[str, Any], tmp_path: Path, schema: bytes, message: str
) -> None:
    (tmp_path / "crawl.schema.json").write_bytes(schema)
    with pytest.raises(CrawlDataError, match=message.replace(".", r"\.")):
        load(write(tmp_path, good), validate=True)


# -- looking entries up ------------------------------------------------------------------


def test_a_missing_id_is_a_key_error_or_none(site: Build) -> None:
    handbook = load(site.outdir / "crawl.json", validate=True)
    assert handbook.get("no-movement") is handbook.entry("no-movement")
    assert handbook.get("no-such-entry") is None
    with pytest.raises(KeyError) as raised:
        handbook.entry("no-such-entry")
    assert raised.value.args == ("no-such-entry",)
    assert handbook.get_source("kc") is handbook.source("kc")
    assert handbook.get_source("no-such-source") is None
    with pytest.raises(KeyError):
        handbook.source("no-such-source")


def test_an_older_file_without_age_kinds_still_loads(good: dict[str, Any], tmp_path: Path) -> None:
    def older(data: dict[str, Any]) -> None:
        data["schema_version"] = "1.0"
        for entry in data["entries"]:
            if entry["age"]:
                entry["age"].pop("kind")

    handbook = load(write(tmp_path, tampered(good, older)))
    assert handbook.schema_version == "1.0"
    kinds = {entry.age.kind for entry in handbook.entries if entry.age}
    assert kinds == {"window", "from"}


# -- property tests: a Handbook or a CrawlDataError, nothing else --------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-3, max_value=80),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
        st.sampled_from(["1.0", "1.1", "window", "from", "by", "red-flag", "kc", "no-movement"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=15,
)

property_settings = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def loads_or_refuses(path: Path, *, validate: bool = False) -> None:
    try:
        result = load(path, validate=validate)
    except CrawlDataError:
        return
    assert isinstance(result, Handbook)


def tamper(document: Any, data: st.DataObject) -> None:
    """Replace, drop or add one value somewhere in the document."""
    target: Any = document
    for _ in range(data.draw(st.integers(min_value=0, max_value=3), label="depth")):
        if isinstance(target, dict) and target:
            target = target[data.draw(st.sampled_from(sorted(target)))]
        elif isinstance(target, list) and target:
            target = target[data.draw(st.integers(min_value=0, max_value=len(target) - 1))]
    action = data.draw(st.sampled_from(["replace", "drop", "add"]), label="action")
    if isinstance(target, dict) and target:
        key = data.draw(st.sampled_from(sorted(target)))
        if action == "drop":
            del target[key]
        else:
            new = data.draw(st.text(max_size=8)) if action == "add" else key
            target[new] = data.draw(json_values)
    elif isinstance(target, list) and target:
        index = data.draw(st.integers(min_value=0, max_value=len(target) - 1))
        if action == "drop":
            del target[index]
        elif action == "add":
            target.insert(index, data.draw(json_values))
        else:
            target[index] = data.draw(json_values)


@property_settings
@given(data=st.data())
def test_any_tampering_gives_a_handbook_or_a_crawl_data_error(
    good: dict[str, Any], tmp_path: Path, data: st.DataObject
) -> None:
    document = copy.deepcopy(good)
    tamper(document, data)
    loads_or_refuses(write(tmp_path, document))


@settings(property_settings, max_examples=100)  # a validator per example: slower
@given(data=st.data())
def test_any_tampering_with_validation_too(
    site: Build, good: dict[str, Any], tmp_path: Path, data: st.DataObject
) -> None:
    document = copy.deepcopy(good)
    tamper(document, data)
    loads_or_refuses(write(with_schema(site, tmp_path), document), validate=True)


@property_settings
@given(
    document=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {
                "schema_version": st.sampled_from(["1.0", "1.1", "1.2", "1.3", "1.4"]),
                "project": st.text(max_size=4),
                "generator": st.text(max_size=4),
                "entries": st.lists(
                    st.dictionaries(
                        st.sampled_from([*COMMON_KEYS, "urgency"]),
                        json_values,
                    ),
                    max_size=3,
                ),
                "sources": st.lists(json_values, max_size=2),
            }
        ),
    )
)
def test_any_json_document_gives_a_handbook_or_a_crawl_data_error(
    tmp_path: Path, document: Any
) -> None:
    loads_or_refuses(write(tmp_path, document))


tokens = st.sampled_from(
    [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        '"a"',
        '"tags"',
        '"schema_version"',
        '"1.1"',
        '"entries"',
        '"sources"',
        "NaN",
        "-Infinity",
        "1e999",
        "0",
        "-1.5",
        "null",
        "true",
        '"\\ud800"',
        " ",
    ]
)


@property_settings
@given(text=st.one_of(st.text(max_size=40), st.lists(tokens, max_size=30).map("".join)))
def test_any_text_gives_a_handbook_or_a_crawl_data_error(tmp_path: Path, text: str) -> None:
    loads_or_refuses(write(tmp_path, None, raw=text))
