"""sphinx_crawl.api.load on tampered files: a CrawlDataError that says what and where,
never a bare KeyError, TypeError or StopIteration, and nothing silently reshaped."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_crawl.api import CrawlDataError, Handbook, load
from tests.build_utils import Build, build, copy_root


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


def tampered(good: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(good)
    change(data)
    return data


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "tags as a string": (
        lambda d: d["entries"][0].__setitem__("tags", "abc"),
        "entries[0].tags: expected a list of strings",
    ),
    "missing title": (lambda d: d["entries"][1].pop("title"), "entries[1]: the key 'title'"),
    "entries not a list": (lambda d: d.__setitem__("entries", {}), "entries: expected a list"),
    "entry not an object": (
        lambda d: d["entries"].__setitem__(0, 5),
        "entries[0]: expected an object",
    ),
    "unknown schema version": (
        lambda d: d.__setitem__("schema_version", "9.0"),
        "schema_version '9.0' is not one this reader knows",
    ),
    "schema version missing": (lambda d: d.pop("schema_version"), "'schema_version' is missing"),
    "age runs backwards": (
        lambda d: next(e for e in d["entries"] if e["age"] and e["age"]["max_months"])[
            "age"
        ].update(min_months=30, max_months=2),
        "is below min_months",
    ),
    "age not a number": (
        lambda d: next(e for e in d["entries"] if e["age"])["age"].update(min_months="six"),
        "expected months from 0 to 72",
    ),
    "unknown age kind": (
        lambda d: next(e for e in d["entries"] if e["age"])["age"].update(kind="soon"),
        "kind: expected one of window, from, by",
    ),
    "duplicate id": (
        lambda d: d["entries"][1].__setitem__("id", d["entries"][0]["id"]),
        "is used twice",
    ),
    "source title missing": (lambda d: d["sources"][0].pop("title"), "sources[0]: the key 'title'"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_malformed_file_is_a_located_crawl_data_error(
    good: dict[str, Any], tmp_path: Path, case: str
) -> None:
    change, message = CASES[case]
    path = write(tmp_path, tampered(good, change))
    with pytest.raises(CrawlDataError) as raised:
        load(path)
    assert message in str(raised.value), str(raised.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "expected an object"),
        ('{"schema_version": NaN}', "NaN is not a number JSON allows"),
        ("", "not JSON"),
    ],
)
def test_files_that_are_not_a_handbook(tmp_path: Path, raw: str, message: str) -> None:
    with pytest.raises(CrawlDataError) as raised:
        load(write(tmp_path, None, raw=raw))
    assert message in str(raised.value)


def test_nan_inside_an_entry_is_refused(good: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(good).replace('"min_months": 4', '"min_months": NaN', 1)
    assert "NaN" in text
    with pytest.raises(CrawlDataError, match="NaN"):
        load(write(tmp_path, None, raw=text))


def test_a_missing_file_and_a_missing_schema(tmp_path: Path, good: dict[str, Any]) -> None:
    with pytest.raises(CrawlDataError, match="cannot be read"):
        load(tmp_path / "nothing.json")
    with pytest.raises(CrawlDataError, match=r"crawl\.schema\.json"):
        load(write(tmp_path, good), validate=True)


def test_validation_errors_are_crawl_data_errors_with_a_path(
    site: Build, good: dict[str, Any], tmp_path: Path
) -> None:
    data = tampered(good, lambda d: d["entries"][0].__setitem__("type", "gadget"))
    path = write(tmp_path, data)
    (tmp_path / "crawl.schema.json").write_text(site.text("crawl.schema.json"), encoding="utf-8")
    with pytest.raises(CrawlDataError, match="entries/0"):
        load(path, validate=True)


def test_a_missing_id_is_a_key_error_or_none(site: Build) -> None:
    handbook = load(site.outdir / "crawl.json", validate=True)
    assert handbook.get("no-such-entry") is None
    with pytest.raises(KeyError):
        handbook.entry("no-such-entry")
    with pytest.raises(KeyError):
        handbook.source("no-such-source")


def test_an_older_file_without_age_kinds_still_loads(good: dict[str, Any], tmp_path: Path) -> None:
    def older(data: dict[str, Any]) -> None:
        data["schema_version"] = "1.0"
        for entry in data["entries"]:
            if entry["age"]:
                entry["age"].pop("kind")

    handbook = load(write(tmp_path, tampered(good, older)))
    kinds = {entry.age.kind for entry in handbook.entries if entry.age}
    assert kinds <= {"window", "from"}


json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=15,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_tampering_gives_a_handbook_or_a_crawl_data_error(
    good: dict[str, Any], tmp_path: Path, data: st.DataObject
) -> None:
    document = copy.deepcopy(good)
    # Replace one value somewhere in the file by an arbitrary JSON value.
    target: Any = document
    for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
        if isinstance(target, dict) and target:
            target = target[data.draw(st.sampled_from(sorted(target)))]
        elif isinstance(target, list) and target:
            target = target[data.draw(st.integers(min_value=0, max_value=len(target) - 1))]
    if isinstance(target, dict) and target:
        target[data.draw(st.sampled_from(sorted(target)))] = data.draw(json_values)
    elif isinstance(target, list) and target:
        target[0] = data.draw(json_values)
    path = write(tmp_path, document)
    try:
        result = load(path)
    except CrawlDataError:
        return
    assert isinstance(result, Handbook)
