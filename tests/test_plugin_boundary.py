"""Plugin code that fails (raises, or returns the wrong kind of value) gives a located
``crawl.plugin`` warning naming the content type; the build goes on, the entry is shown
without what failed, and crawl.json stays valid against its schema."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from sphinx_crawl.api import load
from tests.build_utils import Build, build, schema_of

PLUGINS = Path(__file__).parent / "plugins"
DOCS = Path(__file__).parents[1] / "docs"

CASES = {
    # :mood: value -> what the warning must say
    "boom": "converter raised TypeError: picky cannot read 'boom'",
    "date": "converter returned date",
    "set": "converter returned set",
    "nan": "converter returned float nan",
    # Values whose repr fails are shown shortened, or by their type (s49: a traceback).
    # (Python 3.13 shows it whole, 60 characters of it; 3.11 and 3.12 three levels.)
    "deep": "converter returned dict {'a': {'a': {'a': {",
    "unshowable": "converter returned Unshowable <Unshowable instance>",
    "angry-badge": "badge raised RuntimeError: badge exploded",
    "number-badge": "badge returned int 42",
    "bad-classes": "classes returned str 'not-a-list'",
    "bad-callouts": "callouts raised ValueError: callouts broke",
    "bad-group": "group_by raised ZeroDivisionError",
}


def page() -> str:
    blocks = [
        f":::{{gadget-card}} Gadget {mood}\n:id: gadget-{mood}\n:mood: {mood}\n\n"
        f"Body of {mood}.\n:::\n"
        for mood in CASES
    ]
    # No :mood: at all: the default raises KeyError, and group_by gets (None, None).
    blocks.append(":::{gadget-card} Gadget quiet\n:id: gadget-quiet\n\nBody of quiet.\n:::\n")
    return "# Gadgets\n\n" + "\n".join(blocks)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = tmp_path_factory.mktemp("boundary") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "crawl_hostile"]\n'
        'myst_enable_extensions = ["colon_fence"]\nproject = "Boundary"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(page(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS))
        return build(src)


def line_of(site: Build, entry_id: str) -> int:
    lines = (site.srcdir / "index.md").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text == f":id: {entry_id}") - 1


def test_nothing_crashes_and_every_entry_is_shown(site: Build) -> None:
    logs = site.app.status.getvalue() + site.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs
    main = site.main("index")
    for mood in [*CASES, "quiet"]:
        card = main.find("article", id=f"gadget-{mood}")
        assert card is not None, mood
        assert f"Body of {mood}." in card.get_text()
    assert (site.outdir / "crawl-gadgets.html").is_file()


@pytest.mark.parametrize("mood", list(CASES))
def test_each_failure_is_a_located_plugin_warning(site: Build, mood: str) -> None:
    found = [w for w in site.crawl_warnings("plugin") if CASES[mood] in w]
    assert found, site.crawl_warnings("plugin")
    assert "'gadget' content type" in found[0]
    if mood != "bad-group":  # group_by runs when the index is written: at the entry too
        assert found[0].startswith(f"<src>/index.md:{line_of(site, f'gadget-{mood}')}: ")
    else:
        assert found[0].startswith("<src>/index.md:")


def test_a_missing_optional_field_in_a_default_is_reported(site: Build) -> None:
    found = [w for w in site.crawl_warnings("plugin") if "default raised KeyError" in w]
    at = f"<src>/index.md:{line_of(site, 'gadget-quiet')}: "
    assert any(w.startswith(at) for w in found), found


def test_only_plugin_warnings(site: Build) -> None:
    assert [w for w in site.warnings() if "[crawl.plugin]" not in w] == []


def test_crawl_json_keeps_valid_values_only(site: Build) -> None:
    data = site.crawl_json()
    jsonschema.Draft202012Validator(schema_of(site)).validate(data)
    records = {e["id"]: e for e in data["entries"]}
    for mood in ("boom", "date", "set", "nan"):
        assert "mood" not in records[f"gadget-{mood}"], mood
    assert records["gadget-angry-badge"]["mood"] == "angry-badge"
    load(site.outdir / "crawl.json", validate=True)


def documented_example() -> str:
    text = (DOCS / "authoring" / "plugins.md").read_text(encoding="utf-8")
    found = re.search(r"```python\n# my_activities/__init__.py\n(.*?)```", text, re.S)
    assert found, "the plugin example is no longer in docs/authoring/plugins.md"
    return found.group(1)


def test_the_documented_plugin_example_works_as_written(tmp_path: Path) -> None:
    package = tmp_path / "lib" / "my_activities"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(documented_example(), encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "my_activities"]\n'
        'myst_enable_extensions = ["colon_fence"]\nproject = "Example"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Games\n\n:::{activity-card} Pillow hill\n:id: pillow-hill\n:duration: 10\n\n"
        "Climb it.\n:::\n\n:::{activity-card} Tunnel\n:id: tunnel\n:duration: 5\n"
        ":energy: lively\n\nCrawl through.\n:::\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(tmp_path / "lib"))
        site = build(src)
    assert site.warnings() == []
    assert (site.outdir / "crawl-activities.html").is_file()
    records = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert records["pillow-hill"]["duration"] == 10
    assert "energy" not in records["pillow-hill"]


def test_a_value_nested_too_deep_to_write_is_no_json_and_is_shown_short() -> None:
    """A converter's value nested thousands deep: neither the check of its schema nor the
    warning that shows it ends the build (s49: RecursionError tracebacks, before)."""
    from sphinx_crawl.core.content_types import matches_schema_type, shown_value

    nested: dict[str, object] = {}
    inner = nested
    for _ in range(100_000):  # deeper than any Python's limit (3.13 encodes 5,000)
        inner["a"] = inner = {}
    assert matches_schema_type(nested, {"type": "object"}) is False
    assert shown_value(nested) == "{'a': {'a': {'a': {...}}}}"
