"""Every crawl_* setting, right or wrong: a wrong value is a located crawl.config
warning and the build goes on with what is usable; it never crashes the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.build_utils import Build, build, copy_root, read_search_index

#: Lines appended to the basic root's conf.py (later assignments win).
CASES = {
    "sources-list": "crawl_sources = ['kc', 'who']",
    "sources-none": "crawl_sources = None",
    "sources-string": "crawl_sources = 'kc'",
    "sources-bad-ipv6-url": (
        "crawl_sources['kc'] = {'title': 'KC', 'author': 'KC', 'url': 'http://[::1'}"
    ),
    "sources-from-json": (
        "import json, pathlib\n"
        "crawl_sources = json.loads((pathlib.Path(__file__).parent / 'sources.json').read_text())"
    ),
    "sources-bad-language": (
        "crawl_sources['kc'] = {'title': 'KC', 'author': 'KC', 'language': 'en\"><b>'}"
    ),
    "demo-pages-string": "crawl_demo_pages = 'flags'",
    "demo-pages-none": "crawl_demo_pages = None",
    "demo-pages-mixed": "crawl_demo_pages = [None, 5, 'flags']",
    "synonyms-set": "crawl_search_synonyms = {'stiff': {'tight'}}",
    "synonyms-mixed-keys": "crawl_search_synonyms = {1: ['one'], 'stiff': ['tight']}",
    "synonyms-string": "crawl_search_synonyms = {'stiff': 'tight'}",
    "synonyms-list": "crawl_search_synonyms = [('stiff', 'tight')]",
    "require-source-string": "crawl_require_source = 'yes'",
}

#: Cases whose value is fine as far as sphinx-crawl is concerned.
QUIET: set[str] = set()


def configured(tmp_path: Path, case: str, latin1: bool = False) -> Build:
    srcdir = copy_root("basic", tmp_path / "src")
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf-8") + "\n" + CASES[case] + "\n"
    if case == "sources-from-json":
        bad = {"kc": {"title": "KC", "author": "KC", "url": "javascript:alert(1)"}, "who": 5}
        (srcdir / "sources.json").write_text(json.dumps(bad), encoding="utf-8")
    if latin1:
        text = "# -*- coding: latin-1 -*-\n" + text.replace("Lowdown", "Lowdown \u00e9t\u00e9")
        conf.write_bytes(text.encode("latin-1"))
    else:
        conf.write_text(text, encoding="utf-8")
    return build(srcdir)


def assert_built_without_crash(site: Build) -> None:
    logs = site.app.status.getvalue() + site.app.warning.getvalue()
    assert "Traceback" not in logs
    assert "Exception occurred" not in logs
    assert (site.outdir / "crawl.json").is_file()
    assert (site.outdir / "crawl-searchindex.js").is_file()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_wrong_value_warns_at_conf_py_and_the_build_goes_on(tmp_path: Path, case: str) -> None:
    site = configured(tmp_path, case)
    assert_built_without_crash(site)
    config_warnings = site.crawl_warnings("config")
    if case in QUIET:
        assert config_warnings == []
        return
    assert config_warnings, site.warnings()
    for line in config_warnings:
        assert line.startswith("<src>/conf.py"), line
    # The pages still show their entries.
    assert site.main("tips").find("article", class_="crawl-entry") is not None


def test_a_demo_pattern_given_as_a_string_is_one_pattern_not_every_page(tmp_path: Path) -> None:
    site = configured(tmp_path, "demo-pages-string")
    entries = site.crawl_json()["entries"]
    pages = {entry["docname"] for entry in entries}
    assert "flags" not in pages
    assert {"tips", "milestones"} <= pages


def test_a_string_synonym_is_read_as_one_synonym(tmp_path: Path) -> None:
    site = configured(tmp_path, "synonyms-string")
    index = site.text("crawl-searchindex.js")
    payload = read_search_index(index)
    assert payload["synonyms"] == {"stiff": ["tight"]}


def test_sources_loaded_from_another_file_are_checked_too(tmp_path: Path) -> None:
    site = configured(tmp_path, "sources-from-json")
    warnings = site.crawl_warnings("config")
    assert any("javascript:alert(1)" in w for w in warnings), warnings
    assert any("'who'" in w for w in warnings), warnings
    kc = next(s for s in site.crawl_json()["sources"] if s["id"] == "kc")
    assert kc["url"] is None


def test_a_source_language_marks_its_title_where_it_differs_from_the_build(
    tmp_path: Path,
) -> None:
    """A French source in an English handbook: its title is read out in French
    (lang="fr"); a source in the build's own language gets no attribute."""
    srcdir = copy_root("basic", tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + "\ncrawl_sources['kc']['language'] = 'fr'\ncrawl_sources['who']['language'] = 'en'\n",
        encoding="utf-8",
    )
    site = build(srcdir)
    assert site.warnings() == []
    titles = {
        tag.get_text(): tag.get("lang")
        for tag in site.soup("sources").select(".crawl-source-title strong")
    }
    assert titles["The Lowdown On Crawling Backward"] == "fr", titles
    assert all(lang is None for title, lang in titles.items() if "Lowdown" not in title)
    languages = {s["id"]: s["language"] for s in site.crawl_json()["sources"]}
    assert languages["kc"] == "fr"
    assert languages["who"] == "en"


def test_a_bad_source_language_is_dropped_not_written_into_the_page(tmp_path: Path) -> None:
    site = configured(tmp_path, "sources-bad-language")
    assert any("language" in w for w in site.crawl_warnings("config")), site.warnings()
    main = site.main("sources")
    assert main.select("[lang]") == []
    assert main.find("b") is None


def test_a_latin1_conf_py_with_a_coding_line(tmp_path: Path) -> None:
    site = configured(tmp_path, "sources-bad-ipv6-url", latin1=True)
    assert_built_without_crash(site)
    (warning,) = site.crawl_warnings("config")
    conf_lines = (site.srcdir / "conf.py").read_bytes().decode("latin-1").splitlines()
    line = next(n for n, text in enumerate(conf_lines, 1) if "http://[::1" in text)
    assert warning.startswith(f"<src>/conf.py:{line}: "), warning


def test_out_of_scope_topics_are_checked() -> None:
    from sphinx_crawl.config import CrawlConfig

    checked = CrawlConfig.from_values(
        {
            "crawl_search_out_of_scope": {
                "Autism ": {"text": "Not  covered here.", "url": "https://example.org/x"},
                "speech": "Not covered either.",
                "sleep": {"text": "No.", "url": "javascript:alert(1)"},
                "feeding": {"url": "https://example.org"},
            }
        }
    )
    assert checked.out_of_scope == {
        "autism": {"text": "Not covered here.", "url": "https://example.org/x"},
        "sleep": {"text": "No."},
        "speech": {"text": "Not covered either."},
    }
    messages = [message for _, message in checked.problems]
    assert any("javascript:alert(1)" in m for m in messages), messages
    assert any("'feeding'" in m and "text" in m for m in messages), messages
    assert CrawlConfig.from_values({"crawl_search_out_of_scope": ["autism"]}).problems


def test_young_weeks_is_a_number_of_weeks() -> None:
    """crawl_emergency's young_weeks: 8 is read, 0 turns the rule off; a string, a bool or
    a year and more is a problem named at the setting, and the default (the NHS's 8
    weeks: render/emergency.py) stands, as when it is left out."""
    from sphinx_crawl.config import CrawlConfig

    def checked(value: object) -> CrawlConfig:
        return CrawlConfig.from_values({"crawl_emergency": {"young_weeks": value}})

    assert checked(8).emergency.young_weeks == 8
    assert not checked(8).problems
    assert checked(0).emergency.young_weeks == 0
    for bad in ("8", True, -1, 53, 8.5):
        found = checked(bad)
        assert found.emergency.young_weeks is None, bad
        assert any("young_weeks" in message for _, message in found.problems), bad
