"""Local contacts as data (issue 28, part 3): ``crawl_contacts`` and ``crawl_place``.
``-D crawl_place=uk`` changes every "whom to call" of the handbook, in both editions:
page text, red flags' actions (the worried-parent card too), the emergency line and
search notices, the summary for the doctor; with no place, the handbook reads as
before (every number, the generic words). A project's own contacts, the
``crawl:contact`` role in bodies and options, and mistakes, on small projects."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import Build, build, read_search_index

DOCS = Path(__file__).parent.parent / "docs"
PAGES = (
    "index",
    "about",
    "emergency",
    "red-flags",
    "faq",
    "checklist",
    "milestones",
    "tracker",
    "tips/strength-and-tummy-time",
)


def build_handbook(out: Path, place: str, language: str = "en") -> Path:
    html = out / f"{place}-{language}"
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html"]
    command += ["-D", f"crawl_place={place}", "-d", str(out / f"doctrees-{place}-{language}")]
    command += [str(DOCS), str(html)]
    env = {**os.environ, "CRAWL_LANGUAGE": language}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return html


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory,
    handbook: tuple[subprocess.CompletedProcess[str], Path],
    spanish_handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("places")
    for result, _ in (handbook, spanish_handbook):
        assert result.returncode == 0, result.stderr[-3000:]
    found = {("", "en"): handbook[1], ("", "es"): spanish_handbook[1]}
    for place in ("uk", "usa"):
        for language in ("en", "es"):
            found[place, language] = build_handbook(out, place, language)
    return found


def text_of(html: Path, page: str) -> str:
    soup = BeautifulSoup((html / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup.body
    return " ".join(article.get_text(" ").split())


def count(text: str, words: str) -> int:
    return len(re.findall(rf"\b{re.escape(words)}\b", text, flags=re.IGNORECASE))


#: Words that say whom to call in one place only: (place, language) -> words a build
#: for another place must not say, and words it must.
WHOM = {
    "en": {
        "uk": ["your GP", "999"],
        "usa": ["your pediatrician", "911", "early intervention"],
        "any": ["your pediatrician or health visitor"],
    },
    "es": {
        "uk": ["médico de cabecera", "999"],
        "usa": ["su pediatra", "911", "intervención temprana"],
        "any": ["su pediatra o su enfermera de salud infantil"],
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("place", ["uk", "usa"])
def test_a_place_changes_every_whom_to_call(
    builds: dict[tuple[str, str], Path], place: str, language: str
) -> None:
    html = builds[place, language]
    others = {"uk": "usa", "usa": "uk"}
    for page in PAGES:
        text = text_of(html, page)
        # Ireland's second number, on the emergency page, is a fact about Ireland.
        text = re.sub(r"(In Ireland|En Irlanda)[^.]*\.", "", text)
        for words in WHOM[language][others[place]] + WHOM[language]["any"]:
            assert count(text, words) == 0, (place, language, page, words)
        assert count(text, "112") == 0, (place, language, page)
    said = " ".join(text_of(html, page) for page in PAGES)
    for words in WHOM[language][place]:
        assert count(said, words) > 0, (place, language, words)


@pytest.mark.parametrize("language", ["en", "es"])
def test_with_no_place_the_handbook_reads_as_before(
    builds: dict[tuple[str, str], Path], language: str
) -> None:
    html = builds["", language]
    line = BeautifulSoup((html / "index.html").read_text("utf-8"), "html.parser").find(
        class_="crawl-emergency-line"
    )
    assert [a["href"] for a in line.find_all("a", href=re.compile("^tel:"))] == [
        "tel:911",
        "tel:999",
        "tel:112",
    ]
    text = text_of(html, "red-flags")
    assert count(text, WHOM[language]["any"][0]) > 0
    emergency = text_of(html, "emergency")
    assert all(number in emergency for number in ("911", "999", "112"))


def test_the_emergency_line_search_and_summary_follow_the_place(
    builds: dict[tuple[str, str], Path],
) -> None:
    html = builds["uk", "en"]
    line = BeautifulSoup((html / "index.html").read_text("utf-8"), "html.parser").find(
        class_="crawl-emergency-line"
    )
    assert " ".join(line.get_text(" ").split()).startswith("Emergency? Call 999 (UK) now.")
    index = read_search_index((html / "crawl-searchindex.js").read_text("utf-8"))
    assert index["emergency"]["numbers"] == [["UK", "999"]]
    assert "your GP" in index["emergency"]["texts"]["unwell"]
    assert "your GP" in index["concern"]["text"]
    # The handbook's notes for topics it does not cover name the place's contacts too.
    assert "tell your GP" in index["out_of_scope"]["autism"]["text"]
    assert "crawl:contact" not in json.dumps(index)
    script = (html / "_static" / "crawl-companion-text.js").read_text("utf-8")
    words = json.loads(script.removeprefix("window.crawlCompanionText = ").rstrip(";\n"))
    assert ["Doctor", "your GP"] in words["contacts"]
    assert ["Development services", "your health visitor"] in words["contacts"]
    spanish = (builds["uk", "es"] / "_static" / "crawl-companion-text.js").read_text("utf-8")
    assert "m\\u00e9dico de cabecera" in spanish


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_worried_parent_card_and_crawl_json_say_the_places_words(
    builds: dict[tuple[str, str], Path], language: str
) -> None:
    for place, words in (("uk", WHOM[language]["uk"][0]), ("usa", WHOM[language]["usa"][0])):
        data = json.loads((builds[place, language] / "crawl.json").read_text("utf-8"))
        worry = next(e for e in data["entries"] if e["id"] == "parent-worry")
        assert words in worry["action"], (place, worry["action"])
        assert "crawl:contact" not in json.dumps(data)


# -- a project of its own ------------------------------------------------------------

CONF = """
project = "Contacts"
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_contacts = {
    "north": {
        "label": "North",
        "emergency": "111 222",
        "doctor": {"name": "the North clinic", "number": "0100 200", "url": "https://north.example.org"},
    },
    "south": {"label": "South", "emergency": "333", "doctor": "your family doctor"},
}
"""

INDEX = """\
# Home

```{toctree}
other
```

Call {crawl:contact}`emergency` in an emergency; otherwise {crawl:contact}`doctor`.
Unknown: {crawl:contact}`dentist`.

:::{red-flag} Soon
:id: soon
:urgency: soon
:::

:::{red-flag} Urgent
:id: urgent
:urgency: urgent
:::

:::{red-flag} Written
:id: written
:urgency: soon
:action: Call {crawl:contact}`doctor` <b>now</b>.
:::
"""

OTHER = """\
Other
=====

Ask :crawl:contact:`doctor`.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("contacts") / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(INDEX, encoding="utf-8")
    (src / "other.rst").write_text(OTHER, encoding="utf-8")
    return src


def shown(site: Build, page: str) -> str:
    """The page's main text, as read (no space before punctuation after a link)."""
    text = " ".join(site.main(page).get_text(" ").split())
    return re.sub(r"\( ", "(", re.sub(r" ([.,;)])", r"\1", text))


def entry_action(site: Build, entry_id: str) -> str:
    return next(e["action"] for e in site.crawl_json()["entries"] if e["id"] == entry_id)


def test_with_no_place_every_place_is_named(tmp_path: Path, project: Path) -> None:
    site = build(project, freshenv=True)
    main = site.main("index")
    text = shown(site, "index")
    assert "Call 111 222 (North) or 333 (South) in an emergency" in text
    assert "the North clinic (0100 200) (North) or your family doctor (South)" in text
    hrefs = [a["href"] for a in main.find_all("a")]
    assert {"tel:111222", "tel:333", "tel:0100200", "https://north.example.org"} <= set(hrefs)
    # The extension's own words name the contacts too: the default actions.
    assert "the North clinic (0100 200) (North) or your family doctor (South)" in entry_action(
        site, "soon"
    )
    assert entry_action(site, "urgent").endswith("or an urgent advice line.")
    assert "Ask the North clinic (0100 200) (North) or your family doctor (South)." in shown(
        site, "other"
    )


def test_a_place_names_its_own_contacts_in_bodies_options_and_defaults(
    tmp_path: Path, project: Path
) -> None:
    site = build(project, confoverrides={"crawl_place": "south"}, freshenv=True)
    assert "Call 333 in an emergency; otherwise your family doctor." in shown(site, "index")
    assert entry_action(site, "soon") == (
        "Book an appointment with your family doctor, or with a pediatric physical therapist."
    )
    assert entry_action(site, "urgent") == (
        "Get help the same day: call your family doctor, or an urgent advice line."
    )
    # An option's value: the role's words as text, and what the author wrote stays text.
    assert entry_action(site, "written") == "Call your family doctor <b>now</b>."
    written = site.main("index").find("article", id="written")
    assert written.find("b") is None
    assert "Ask your family doctor." in shown(site, "other")
    line = site.soup("index").find(class_="crawl-emergency-line")
    assert [a["href"] for a in line.find_all("a")][:1] == ["tel:333"]


def test_a_place_written_in_capitals_is_its_place(tmp_path: Path, project: Path) -> None:
    """``-D crawl_place=SOUTH`` (or "UK" for a key "uk") was refused with a warning, and
    the handbook named every place's numbers: it is the place whose key it spells."""
    site = build(project, confoverrides={"crawl_place": "SOUTH"}, freshenv=True)
    assert not [w for w in site.warnings() if "crawl_place" in w]
    assert "Call 333 in an emergency; otherwise your family doctor." in shown(site, "index")


def test_mistakes_are_located_warnings(tmp_path: Path, project: Path) -> None:
    site = build(project, confoverrides={"crawl_place": "east"}, freshenv=True)
    warnings = site.warnings()
    assert any(
        "conf.py:" in w and "crawl_place: 'east' is not a place of crawl_contacts" in w
        for w in warnings
    )
    assert any(
        w.startswith("<src>/index.md:7:") and "no contact 'dentist'" in w and "[crawl.ref]" in w
        for w in warnings
    )
    src = tmp_path / "bad"
    src.mkdir()
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    (src / "conf.py").write_text(
        CONF.replace('"333"', '"call us"').replace('"label": "North",', '"label": 3,')
        + 'crawl_emergency = {"numbers": {"X": "123"}}\n',
        encoding="utf-8",
    )
    bad = build(src)
    config = bad.crawl_warnings("config")
    assert any("crawl_contacts['north']['label'] must be text" in w for w in config)
    assert any("crawl_emergency['numbers'] is not used" in w for w in config)
    line = bad.soup("index").find(class_="crawl-emergency-line")
    assert "111 222" in line.get_text()
    assert "123" not in line.get_text()


def test_the_selected_place_never_shows_another_places_emergency_number(tmp_path: Path) -> None:
    """An emergency contact written in words ("999 or 112") gives its numbers; one
    without a number gives none and a located warning. Before, both fell back to
    crawl_emergency['numbers']: a UK handbook said "Call 911 (USA)", with no warning."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    conf = """
project = "Places"
extensions = ["myst_parser", "sphinx_crawl"]
crawl_emergency = {"numbers": {"USA": "911"}}
crawl_contacts = {
    "uk": {"label": "UK", "emergency": "999 or 112", "doctor": "your GP"},
    "nowhere": {"label": "Nowhere", "emergency": "the local number"},
}
"""
    (src / "conf.py").write_text(conf + 'crawl_place = "uk"\n', encoding="utf-8")
    uk = build(src, freshenv=True)
    line = " ".join(uk.soup("index").find(class_="crawl-emergency-line").get_text(" ").split())
    assert "999" in line, line
    assert "112" in line, line
    assert "911" not in line, line
    index = read_search_index((uk.outdir / "crawl-searchindex.js").read_text("utf-8"))
    assert index["emergency"]["numbers"] == [["UK", "999"], ["UK", "112"]]
    assert any("crawl_emergency['numbers'] is not used" in w for w in uk.crawl_warnings("config"))

    (src / "conf.py").write_text(conf + 'crawl_place = "nowhere"\n', encoding="utf-8")
    nowhere = build(src, freshenv=True)
    assert nowhere.soup("index").find(class_="crawl-emergency-line") is None
    index = read_search_index((nowhere.outdir / "crawl-searchindex.js").read_text("utf-8"))
    assert index["emergency"]["numbers"] == []
    assert "local emergency number" in json.dumps(index["emergency"]["texts"])
    assert any(
        "conf.py:" in w and "crawl_contacts['nowhere']['emergency'] gives no phone number" in w
        for w in nowhere.crawl_warnings("config")
    ), nowhere.warnings()


def test_no_contacts_keeps_the_extensions_words(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_crawl"]\ncrawl_emergency = {"numbers": {"A": "999"}}\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Home\n====\n\n.. red-flag:: Sign\n   :urgency: urgent\n\n"
        "Call :crawl:contact:`emergency`; ask :crawl:contact:`doctor`.\n",
        encoding="utf-8",
    )
    site = build(src)
    assert site.warnings() == []
    assert entry_action(site, "sign") == (
        "Get help the same day: call your pediatrician, or an urgent advice line."
    )
    assert "Call 999; ask your pediatrician." in shown(site, "index")
    line = site.soup("index").find(class_="crawl-emergency-line")
    assert "999 (A)" in line.get_text()


# -- translations, incremental and -j 2 ------------------------------------------------

TRANSLATED_CONF = """
import os
project = "T"
language = os.environ.get("CRAWL_TEST_LANGUAGE", "en")
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
locale_dirs = ["locales/"]
gettext_compact = False
crawl_contacts = {"uk": {"label": "UK", "doctor": "your GP"}, "any": {"doctor": "your doctor"}}
if language == "es":
    crawl_contacts = {
        "uk": {"label": "Reino Unido", "doctor": "su médico de cabecera"},
        "any": {"doctor": "su médico"},
    }
"""

CATALOG = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "{msgid}"
msgstr "{msgstr}"
"""


def translated_project(base: Path) -> Path:
    src = base / "src"
    (src / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (src / "conf.py").write_text(TRANSLATED_CONF, encoding="utf-8")
    (src / "index.md").write_text(
        "# Home\n\n```{toctree}\nadapt\n```\n\n:::{red-flag} Sign\n:id: sign\n:urgency: soon\n"
        ":action: Book with {crawl:contact}`doctor`.\n\nText.\n:::\n",
        encoding="utf-8",
    )
    (src / "adapt.md").write_text(
        "# Adapt\n\n:::{crawl-extend} sign\n"
        ":action+: Or call {crawl:contact}`doctor` today.\n:::\n",
        encoding="utf-8",
    )
    doctor = "{crawl:contact}`doctor`"
    for page, msgid, msgstr in (
        ("index", f"Book with {doctor}.", f"Pida cita con {doctor}."),
        ("adapt", f"Or call {doctor} today.", f"O llame hoy a {doctor}."),
    ):
        (src / "locales" / "es" / "LC_MESSAGES" / f"{page}.po").write_text(
            CATALOG.format(msgid=msgid, msgstr=msgstr), encoding="utf-8"
        )
    return src


@pytest.mark.parametrize(
    ("language", "place", "action"),
    [
        ("en", "", "Book with your doctor. Or call your doctor today."),
        ("en", "uk", "Book with your GP. Or call your GP today."),
        ("es", "", "Pida cita con su médico. O llame hoy a su médico."),
        ("es", "uk", "Pida cita con su médico de cabecera. O llame hoy a su médico de cabecera."),
    ],
)
def test_translations_keep_the_role_and_say_each_places_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, place: str, action: str
) -> None:
    """One catalog serves every place: the message is the text with the role, in an
    entry's option and in a crawl-extend alike."""
    monkeypatch.setenv("CRAWL_TEST_LANGUAGE", language)
    site = build(translated_project(tmp_path), confoverrides={"crawl_place": place})
    assert site.crawl_warnings() == []
    assert entry_action(site, "sign") == action
    shown = site.main("index").find("article", id="sign").find(class_="crawl-callout-action")
    assert " ".join(shown.get_text(" ").split()).endswith(action)


def test_switching_place_incrementally_and_in_parallel_equals_a_clean_build(
    tmp_path: Path, project: Path
) -> None:
    import shutil

    src = tmp_path / "src"
    shutil.copytree(project, src, ignore=shutil.ignore_patterns("_build"))
    build(src)
    switched = build(src, confoverrides={"crawl_place": "south"})
    assert switched.written == ["index", "other"]
    clean = build(
        shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build")),
        confoverrides={"crawl_place": "south"},
    )
    parallel = build(
        shutil.copytree(src, tmp_path / "parallel", ignore=shutil.ignore_patterns("_build")),
        confoverrides={"crawl_place": "south"},
        parallel=2,
    )
    for other in (clean, parallel):
        assert switched.crawl_json() == other.crawl_json()
        assert switched.text("crawl-searchindex.js") == other.text("crawl-searchindex.js")
        for page in ("index", "other"):
            assert switched.shown(page) == other.shown(page)
