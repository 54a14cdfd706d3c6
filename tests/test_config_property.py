"""Whatever Python value an author puts in a crawl_* setting, the extension checks it
into a usable value with a warning, and never raises."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_crawl.config import SETTINGS, CrawlConfig
from tests.build_utils import build, build_property_settings, copy_root

SETTING_NAMES = [setting.name for setting in SETTINGS]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.sampled_from(["http://[::1", "javascript:alert(1)", "https://example.org", "", " "]),
)
# Containers an author might write by mistake: lists, tuples, sets, dicts with any keys.
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=4).map(tuple),
        st.frozensets(st.one_of(st.text(max_size=5), st.integers()), max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.integers(), st.none()), children, max_size=4
        ),
    ),
    max_leaves=12,
)


def assert_usable(checked: CrawlConfig) -> None:
    assert isinstance(checked.require_source, bool)
    assert isinstance(checked.demo_pages, tuple)
    assert all(isinstance(pattern, str) for pattern in checked.demo_pages)
    for key, source in checked.sources.items():
        assert isinstance(key, str)
        assert isinstance(source["title"], str)
        assert source["title"]
        assert all(isinstance(value, str) for value in source.values())
    for word, alternatives in checked.search_synonyms.items():
        assert isinstance(word, str)
        assert all(isinstance(a, str) for a in alternatives)
    for needles, message in checked.problems:
        assert isinstance(message, str)
        assert message
        assert all(isinstance(needle, str) for needle in needles)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SETTING_NAMES), value=values)
def test_any_value_of_any_setting_is_checked_never_raised(name: str, value: Any) -> None:
    checked = CrawlConfig.from_values({name: value})
    assert_usable(checked)
    setting = next(s for s in SETTINGS if s.name == name)
    if not isinstance(value, setting.types) or (isinstance(value, float) and math.isnan(value)):
        # A value of the wrong type is always named in a warning.
        assert checked.problems, (name, value)


@settings(max_examples=200, deadline=None)
@given(value=st.dictionaries(st.text(max_size=10), values, max_size=4))
def test_any_dict_of_sources_is_checked_never_raised(value: dict[str, Any]) -> None:
    assert_usable(CrawlConfig.from_values({"crawl_sources": value}))


literal_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12)),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.text(max_size=8), children, max_size=3),
    ),
    max_leaves=8,
)


@build_property_settings("CRAWL_CONFIG_EXAMPLES", 8)
@given(name=st.sampled_from(SETTING_NAMES), value=literal_values)
@pytest.mark.slow
def test_a_real_build_with_any_value_finishes_with_located_warnings(
    tmp_path_factory: pytest.TempPathFactory, name: str, value: Any
) -> None:
    srcdir = copy_root("basic", Path(tmp_path_factory.mktemp("config")) / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\n{name} = {value!r}\n", encoding="utf-8")
    site = build(srcdir)
    logs = site.app.status.getvalue() + site.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs
    assert (site.outdir / "crawl.json").is_file()
    for line in site.crawl_warnings("config"):
        assert line.startswith("<src>/conf.py"), line
