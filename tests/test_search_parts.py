"""A large entry index in parts (issue 27): a first search downloads the words it asks
about and the rows it shows, not the whole index, and ranks exactly as the whole index
does. Checked on the handbook's own index, split as if it were large."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.render import search_shards
from sphinx_crawl.render.search_shards import (
    GROUP_SPLIT_BYTES,
    part_key,
    split_index,
    stemmers,
    write_parts,
)
from tests.build_utils import read_search_index
from tests.test_javascript import node

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "stiff legs",
    "slippery floor",
    "is crawling backwards normal",
    "crawlling backwards",
    "bum shuffle",
    "baby not talking 18 months",
    "baby not breathing",
    "my baby is 9 months and only goes backwards",
    "my 15 month old crawls backwards",
    "stiff legs 4 months",
    "hates tummy time",
    "zebra",
    # A typo past the first two letters, and words whose stem differs from how they
    # begin ("tries", stem "try").
    "crwaling backwards",
    "baby cries when crawling",
    "tried tummy time",
    "worried",
]


def _run_js(script: str, files: dict[str, Path], queries: list[str], tmp: Path, *more: str) -> Any:
    """What a helper in tests/js answers for ``queries``, given ``files`` (in order)
    and ``more`` arguments."""
    listed = tmp / "queries.json"
    listed.write_text(json.dumps(queries), encoding="utf-8")
    helper = str(ROOT / "tests" / "js" / script)
    result = subprocess.run(
        [node(), helper, *map(str, files.values()), str(listed), *more],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def whole(handbook: tuple[Any, Path]) -> dict[str, Any]:
    text = (handbook[1] / "crawl-searchindex.js").read_text(encoding="utf-8")
    index: dict[str, Any] = read_search_index(text)
    assert "parts" not in index, "the handbook is small: its index is one file"
    return index


@pytest.mark.parametrize("group_bytes", [GROUP_SPLIT_BYTES, 0])
def test_split_parts_rank_as_the_whole_index(
    whole: dict[str, Any], tmp_path: Path, group_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the words parted by two letters where few, three where many, and by three
    everywhere (``group_bytes`` 0): a stem's words, typos and synonyms as whole."""
    monkeypatch.setattr(search_shards, "GROUP_SPLIT_BYTES", group_bytes)
    upfront, parts = split_index(whole, single_file_bytes=0)
    assert "words" not in upfront
    assert "entries" not in upfront
    assert len(upfront["kinds"]) == len(parts["a"]) == len(whole["entries"])
    assert "from" not in upfront  # the ages are a part of their own
    files = {}
    for name, data in (("whole", whole), ("upfront", upfront), ("parts", parts)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    for found in _run_js("split-compare.mjs", files, QUERIES, tmp_path):
        assert found["split"] == found["whole"], found["query"]
        # Only what the query needs: a few word parts and the rows of its results.
        words = [name for name in found["loaded"] if name.startswith("w-")]
        assert len(words) <= 2 * len(found["query"].split()) + 4, found
        assert len(found["loaded"]) < len(parts) / 2, found
        # The entries' ages only for a query that names one.
        names_age = any(unit in found["query"] for unit in ("months", "month old"))
        assert ("a" in found["loaded"]) == names_age, found


def test_split_parts_rank_as_the_whole_index_in_spanish(
    spanish_handbook: tuple[Any, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Spanish edition's words are stemmed by Sphinx's Snowball stemmer in the page:
    a word is kept where its stem leads, whatever its own letters."""
    from sphinx.search.es import SearchSpanish

    result, html = spanish_handbook
    assert result.returncode == 0, result.stderr
    whole = read_search_index((html / "crawl-searchindex.js").read_text(encoding="utf-8"))
    monkeypatch.setattr(search_shards, "GROUP_SPLIT_BYTES", 0)
    stems = stemmers("es", SearchSpanish({}).stem)
    upfront, parts = split_index(whole, single_file_bytes=0, stems=stems)
    files = {}
    for name, data in (("whole", whole), ("upfront", upfront), ("parts", parts)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    queries = [
        "gateo hacia atrás",
        "gatea para atras",
        "gatear hacia atrás es normal",
        "gateaando",
        "piernas rígidas",
        "no respira",
        "mi bebé de 9 meses solo va hacia atrás",
        "tiempo boca abajo",
    ]
    language_data = str(html / "_static" / "language_data.js")
    for found in _run_js("split-compare.mjs", files, queries, tmp_path, "es", language_data):
        assert found["split"] == found["whole"], found["query"]
        assert found["whole"]["ids"] or found["query"] == "no respira", found


def test_parts_are_written_and_old_ones_removed(whole: dict[str, Any], tmp_path: Path) -> None:
    from sphinx_crawl.render.search import _call

    _upfront, parts = split_index(whole, single_file_bytes=0)
    (tmp_path / "_crawl_search").mkdir()
    stale = tmp_path / "_crawl_search" / "w-7a7a.js"
    stale.write_text("old", encoding="utf-8")
    write_parts(tmp_path, parts, _call)
    written = sorted(p.stem for p in (tmp_path / "_crawl_search").glob("*.js"))
    assert written == sorted(parts)
    # Each a call with the part's data as a literal (not JSON.parse: s52), which reads
    # back as the data.
    for name in sorted(parts)[:3]:
        sample = (tmp_path / "_crawl_search" / f"{name}.js").read_text("utf-8")
        opening, closing = f'crawlSearchPart("{name}",', ");\n"
        assert sample.startswith(opening), sample[:80]
        assert sample.endswith(closing), sample[-80:]
        assert json.loads(sample[len(opening) : -len(closing)]) == parts[name]
    assert not stale.exists()
    # Small again: one file, and the parts folder emptied.
    write_parts(tmp_path, {}, _call)
    assert list((tmp_path / "_crawl_search").glob("*.js")) == []
    shutil.rmtree(tmp_path / "_crawl_search")


def test_parts_as_the_last_build_wrote_them_are_not_read_again(
    whole: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the manifest of what was written, a rebuild reads no part whose text and file
    are as recorded; a part changed on disk (a build killed while writing it), a part
    whose text changed, and every part without a usable manifest are compared and
    written as they must be."""
    from sphinx_crawl.render.search import _call

    _upfront, parts = split_index(whole, single_file_bytes=0)
    manifest = tmp_path / "manifest.json"
    write_parts(tmp_path, parts, _call, manifest)
    folder = tmp_path / "_crawl_search"
    expected = {path.name: path.read_bytes() for path in folder.glob("*.js")}
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.parent == folder:
            reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    write_parts(tmp_path, parts, _call, manifest)
    assert reads == []
    # Cut short on disk, and one part's words changed: both compared and rewritten.
    names = sorted(parts)
    (folder / f"{names[0]}.js").write_text("crawlSearchPart(", encoding="utf-8")
    changed = dict(parts)
    changed[names[1]] = {"t": {"zzz": "1"}} if names[1].startswith("w-") else [["x"]]
    write_parts(tmp_path, changed, _call, manifest)
    assert sorted(reads) == sorted([f"{names[0]}.js", f"{names[1]}.js"])
    assert (folder / f"{names[0]}.js").read_bytes() == expected[f"{names[0]}.js"]
    assert (folder / f"{names[1]}.js").read_bytes() != expected[f"{names[1]}.js"]
    # A manifest that cannot be read: every part compared, nothing lost.
    manifest.write_text("{not json", encoding="utf-8")
    reads.clear()
    write_parts(tmp_path, parts, _call, manifest)
    assert len(reads) == len(parts)
    assert {path.name: path.read_bytes() for path in folder.glob("*.js")} == expected
    shutil.rmtree(folder)


def test_the_search_page_asks_at_once_for_parts_the_query_needs(
    whole: dict[str, Any], tmp_path: Path
) -> None:
    """The search page's preload (render/search_preload.py) asks for the word parts of
    the words typed as the page starts, at the addresses crawl-search.js then loads
    (so it takes the preloaded files), and for nothing it will not need but the ages."""
    from sphinx_crawl.render.search import words
    from sphinx_crawl.render.search_preload import preload_script

    upfront, _parts = split_index(whole, single_file_bytes=0)
    files = {"script": tmp_path / "preload.html", "upfront": tmp_path / "upfront.json"}
    files["script"].write_text(preload_script(upfront, words), encoding="utf-8")
    files["upfront"].write_text(json.dumps(upfront), encoding="utf-8")
    queries = [*QUERIES, "gateo hacia atrás", "__proto__ constructor", "38.5", ""]
    starts = set(upfront["parts"]["words"].split())
    present = {f"w-{start.encode().hex()}" for start in starts}
    for found in _run_js("preload-compare.mjs", files, queries, tmp_path):
        names = []
        for rel, kind, href in found["preloaded"]:
            assert (rel, kind) == ("preload", "script"), found
            folder, _, rest = href.partition("/")
            name, _, version = rest.removesuffix(f"?v={found['version']}").partition(".js")
            assert (folder, version) == ("_crawl_search", ""), href
            assert href.endswith(f".js?v={found['version']}"), href
            names.append(name)
        needed = set(found["needed"])
        typed = {f"w-{part_key(w, starts)}" for w in words(found["query"])} & present
        # Every typed word's part, and nothing else but synonyms' parts and the ages.
        assert typed <= set(names), found
        assert {n for n in names if n != "a"} <= needed, found
        assert ("a" in names) == any(c.isdigit() for c in found["query"]), found


def test_the_table_up_front_stays_the_same_however_many_pages(whole: dict[str, Any]) -> None:
    """Every first search downloads the table up front: the pages' names are in the
    rows' parts (a row names its page), so more or longer page names cost it nothing."""
    upfront, _parts = split_index(whole, single_file_bytes=0)
    renamed = {**whole, "pages": [f"a/much/longer/folder/{page}" for page in whole["pages"]]}
    upfront_renamed, parts_renamed = split_index(renamed, single_file_bytes=0)
    # The same table but the parts' version (their bytes changed).
    assert upfront_renamed["parts"].pop("version") != upfront["parts"].pop("version")
    assert upfront_renamed == upfront
    rows = [row for name, rows in parts_renamed.items() if name.startswith("r-") for row in rows]
    assert {row[1] for row in rows} == set(renamed["pages"])


#: Queries whose notice a harmless phrase takes back ("fell asleep" is no fall, the
#: weather's heat no fever), their alarming twins, run-together words, and queries that
#: name nothing alarming at all.
HARMLESS_QUERIES = {
    # Read without the phrases, these would get a notice: the phrases are loaded.
    "baby fell asleep while crawling": True,
    "floor temperature crawling": True,
    "too hot for tummy time": True,
    # A word of heat: the surroundings in a phrase ("hot weather") would take it back.
    "my baby is hot in hot weather": True,
    "baby fell off the bed": True,
    "baby not breathing": True,
    "hot baby fever": True,
    "mibebenorespira": True,  # a long word may split into the phrases' words
    # Nothing alarming, read on the table up front alone: nothing more downloaded.
    "stiff legs": False,
    "slippery floor": False,
    "crawl backwards legs": False,
    "toys reach": False,
    "is crawling backwards normal": False,
}


def test_harmless_phrases_load_only_for_a_query_they_may_concern(
    whole: dict[str, Any], tmp_path: Path
) -> None:
    """The phrases that name no illness are a part of their own (1.7 of the 8.5 KiB
    gzipped up front at 5,000 entries): a query with nothing alarming does not load them,
    and every query's notice, split, is the whole index's."""
    upfront, parts = split_index(whole, single_file_bytes=0)
    assert "harmless" not in upfront["intent"]
    assert upfront["parts"]["harmless"] is True
    assert parts["h"]["harmless"] == whole["intent"]["harmless"]
    assert "harmless" in whole["intent"], "the whole index is left as it was"
    # With them, the words that make a colour a thing's ("blue onesie"); those that make
    # it the baby's stay up front (they split "babyisblue").
    for key in search_shards.HARMLESS_KEYS:
        assert parts["h"][key] == whole["intent"][key], key
        assert key not in upfront["intent"], key
    for key in ("colour_of", "colour_is", "colour_turns", "between"):
        assert upfront["intent"][key] == whole["intent"][key], key
    files = {}
    for name, data in (("whole", whole), ("upfront", upfront), ("parts", parts)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    found = _run_js("split-compare.mjs", files, list(HARMLESS_QUERIES), tmp_path)
    for query in found:
        if query["query"] == "my baby is hot in hot weather":
            # (Its entries differ: a split index looks for no typo of "weather" in words
            # of other first letters; its notice is the same.)
            assert query["split"]["triage"] == query["whole"]["triage"], query
        else:
            assert query["split"] == query["whole"], query["query"]
        wanted = HARMLESS_QUERIES[query["query"]]
        assert ("h" in query["loaded"]) == wanted, query
        assert "h (late)" not in query["loaded"], query  # foreseen from the table up front
    # The phrases did take some notices back: without them the split index would differ.
    quiet = {q["query"]: q["whole"]["triage"]["urgent"] for q in found}
    assert quiet["baby fell asleep while crawling"] == ""
    assert quiet["too hot for tummy time"] == ""
    assert quiet["my baby is hot in hot weather"] == "unwell"
    assert quiet["baby not breathing"] == "emergency"


#: The queries of the triage and hostile-reader tests, per edition: what a frightened or
#: worried parent typed (tests/test_search_triage.py, test_hostile_parents_s*.py).
_READER_TESTS = (
    "tests.test_search_triage",
    "tests.test_hostile_parents_s38",
    "tests.test_hostile_parents_s39",
    "tests.test_hostile_parents_s40",
    "tests.test_hostile_parents_s41",
)


def _reader_queries(language: str) -> list[str]:
    import importlib

    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict) and language in value:
            walk(value[language])
        elif isinstance(value, dict) and not {"en", "es"} & value.keys():
            found.update(k for k in value if isinstance(k, str) and 2 < len(k) < 120)
        elif isinstance(value, list | tuple) and language == "en":
            found.update(v for v in value if isinstance(v, str) and 2 < len(v) < 120)

    for module in _READER_TESTS:
        for name, value in vars(importlib.import_module(module)).items():
            if name.isupper():
                walk(value)
    return sorted(found)


@pytest.mark.parametrize("language", ["en", "es"])
def test_other_languages_emergency_words_load_for_a_query_in_words_the_edition_lacks(
    handbook: tuple[Any, Path],
    spanish_handbook: tuple[Any, Path],
    tmp_path: Path,
    language: str,
) -> None:
    """A split index holds only the edition's own emergency and illness words up front
    (other languages': 2 of 7.7 KiB gzipped at the benchmark's 5,000 entries); a query
    with a word neither the handbook nor the edition knows loads the rest. Every query of
    the triage and hostile-reader tests gets, split, the notice the whole index gives."""
    result, html = handbook if language == "en" else spanish_handbook
    assert result.returncode == 0, result.stderr[-2000:]
    own = "no respira" if language == "es" else "not breathing"
    other = "not breathing" if language == "es" else "no respira"
    queries = _reader_queries(language)
    assert len(queries) > 250
    queries += [other, "stiff legs", "piernas rígidas"]
    upfront, parts, found = compare_split_and_whole(html, language, queries, tmp_path)
    assert upfront["parts"]["foreign"] is True
    assert own in upfront["emergency"]["signs"]
    assert other not in upfront["emergency"]["signs"]
    assert other in parts["x"]["signs"]
    differ = [
        q["query"] for q in found if notice(q["split"]["triage"]) != notice(q["whole"]["triage"])
    ]
    assert differ == []
    notices = [q for q in found if q["whole"]["triage"]["urgent"]]
    assert len(notices) > 100
    loaded = {q["query"]: q["loaded"] for q in found}
    assert "x" in loaded[other]
    assert "x" not in loaded["stiff legs" if language == "en" else "piernas rígidas"]


#: The hostile rounds whose queries a split index is read with (each round's module
#: lists them in SPLIT_QUERIES, per edition, and says in SPLIT_NOTICES how many more than
#: that get a notice).
_SPLIT_ROUNDS = ("tests.test_hostile_parents_s42", "tests.test_hostile_parents_s43")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("round_module", _SPLIT_ROUNDS, ids=lambda name: name.rsplit("_", 1)[1])
def test_a_split_index_gives_each_rounds_queries_the_same_notices(
    handbook: tuple[Any, Path],
    spanish_handbook: tuple[Any, Path],
    tmp_path: Path,
    round_module: str,
    language: str,
) -> None:
    """A hostile round's queries on the index split into parts as a large handbook's is:
    the same notices as the whole index gives, and the round's notices are there to
    compare (not all queries quiet)."""
    import importlib

    asked = importlib.import_module(round_module)
    result, html = handbook if language == "en" else spanish_handbook
    assert result.returncode == 0, result.stderr[-2000:]
    queries = asked.SPLIT_QUERIES[language]
    _upfront, _parts, found = compare_split_and_whole(html, language, queries, tmp_path)
    split, whole = (
        {q["query"]: notice(q[key]["triage"]) for q in found} for key in ("split", "whole")
    )
    assert split == whole
    assert sum(1 for kind, _, _ in whole.values() if kind) > asked.SPLIT_NOTICES


def compare_split_and_whole(
    html: Path, language: str, queries: list[str], tmp_path: Path
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """The built handbook's index split into parts as a large handbook's is (what goes
    up front, the parts), and each query read on it and on the whole index, as the page
    reads them (split-compare.mjs; in Spanish with the page's stemmer)."""
    from sphinx.search.es import SearchSpanish

    whole = read_search_index((html / "crawl-searchindex.js").read_text(encoding="utf-8"))
    stems = stemmers(language, SearchSpanish({}).stem if language == "es" else None)
    upfront, parts = split_index(whole, single_file_bytes=0, stems=stems)
    files = {}
    for name, data in (("whole", whole), ("upfront", upfront), ("parts", parts)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    more = (language, str(html / "_static" / "language_data.js")) if language == "es" else ()
    return upfront, parts, _run_js("split-compare.mjs", files, queries, tmp_path, *more)


def notice(triage: dict[str, Any]) -> tuple[Any, ...]:
    """A query's notices: an emergency or an illness, a child older than the handbook, a
    topic not covered. (Whether the worried-parent card comes first follows how well
    entries matched, and a split index looks for no typo in words of other first
    letters, "drawers".)"""
    return triage["urgent"], triage["beyond"], triage["topics"]


def test_a_part_s_line_separators_are_escaped() -> None:
    """JSON leaves U+2028 and U+2029 as they are; JavaScript before ES2019 ends a string
    at them. A part's literal escapes them, and reads back the same."""
    from sphinx_crawl.render.search import _call

    rows = [["Tummy\u2028time\u2029", "p.html", "a", 0, -1, 3]]
    text = _call('crawlSearchPart("r-0"', json.dumps(rows, ensure_ascii=False))
    assert "\u2028" not in text
    assert "\u2029" not in text
    assert json.loads(text[len('crawlSearchPart("r-0",') : -len(");\n")]) == rows


def test_the_script_reads_ages_and_kinds_with_the_index_s_alphabet() -> None:
    """The split index writes each entry's age and kind as one character of AGE_ALPHABET
    and no longer ships it (70 bytes of every first query): the script has the same."""
    from sphinx_crawl.render.search_shards import AGE_ALPHABET

    script = (ROOT / "sphinx_crawl" / "static" / "crawl-search.js").read_text(encoding="utf-8")
    found = re.search(r'const AGE_ALPHABET = "([^"]+)";', script)
    assert found is not None
    assert found.group(1) == AGE_ALPHABET
