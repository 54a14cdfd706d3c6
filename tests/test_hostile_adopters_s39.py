"""What an independent check (helper s39) found failing adopters and authors, each a
case outside the plan: a test per failure, written before its fix.

An EPUB is XHTML: a reader parses each page as XML, and a page that is not well-formed
is shown as an error, or not at all. The age filter's form was written as HTML only
(``<form hidden>``, ``<input ...>`` left open), so every EPUB page with an aged entry
(the handbook's milestones, red flags and four tips pages) was not XML.
"""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from sphinx_crawl.api import load
from tests.build_utils import build, write_project
from tests.plugin_project import plugin_site

AGED_PAGE = """\
Crawling
========

.. tip-card:: Bare knees
   :age: 6-10 months

   Knees grip.

.. red-flag:: Not moving by 12 months
   :urgency: soon
   :age: by 12 months

   Ask.

.. milestone-table:: Getting around

   .. milestone:: Hands and knees
      :age: 8-10 months

      Rocks.

.. crawl-list:: Signs
   :type: red-flag
   :layout: checklist

.. crawl-list:: Tracker
   :type: milestone
   :layout: tracker

.. crawl-list:: Noticed
   :type: red-flag
   :layout: noticed

.. crawl-timeline::

Last paragraph.
"""


def test_every_epub_page_with_entries_is_well_formed_xhtml(tmp_path: Path) -> None:
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nversion = "1"\ncopyright = "2026"\n'
            'extensions = ["sphinx_crawl"]\n',
            "index.rst": AGED_PAGE,
        },
    )
    site = build(src, buildername="epub")
    assert site.crawl_warnings() == []
    pages = sorted(site.outdir.rglob("*.xhtml"))
    assert site.outdir / "index.xhtml" in pages
    for page in pages:
        xml.dom.minidom.parse(str(page))  # raises ExpatError where it is not XML
    index = (site.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert 'class="crawl-age-filter"' in index
    assert "Last paragraph." in index


LONE_SURROGATES = {
    "data/notes.json": '{"project": "Clinic", "entries": ['
    '{"type": "tip", "id": "broken", "title": "Lone \\ud800 surrogate", "text": "Body."},'
    '{"type": "tip", "id": "kept", "title": "Kept", "text": "Kept \\u00e9 body."},'
    '{"type": "tip", "id": "bad-tag", "title": "Tagged", "tags": ["t\\udfff"]}]}',
    "data/notes.yaml": 'entries:\n  - {type: tip, id: y-broken, title: "Y \\ud800"}\n'
    "  - {type: tip, id: y-kept, title: Y kept}\n",
}


def test_a_data_file_s_lone_surrogate_is_the_author_s_warning_not_a_traceback(
    tmp_path: Path,
) -> None:
    """JSON and YAML both allow the escape ``\\ud800``, which no UTF-8 page can hold:
    the build stopped with a traceback (UnicodeEncodeError writing the search page).
    The entry holding one is left out with a located crawl.import warning; the rest of
    the file and of the page is kept (a crawl.json import refuses it already)."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": "Imports\n=======\n\n.. crawl-import:: data/notes.json\n\n"
            ".. crawl-import:: data/notes.yaml\n\nLast paragraph.\n",
            **LONE_SURROGATES,
        },
    )
    site = build(src)
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: crawl-import: data/notes.json: entries[0].title: "
        "'Lone \\ud800 surrogate' holds a lone surrogate (U+D800), which is not a "
        "character; the entry is left out [crawl.import]",
        "<src>/index.rst:4: WARNING: crawl-import: data/notes.json: entries[2].tags[0]: "
        "'t\\udfff' holds a lone surrogate (U+DFFF), which is not a character; the entry "
        "is left out [crawl.import]",
        "<src>/index.rst:6: WARNING: crawl-import: data/notes.yaml: entries[0].title: "
        "'Y \\ud800' holds a lone surrogate (U+D800), which is not a character; the entry "
        "is left out [crawl.import]",
    ]
    assert [e["id"] for e in site.crawl_json()["entries"]] == ["kept", "y-kept"]
    load(site.outdir / "crawl.json", validate=True)
    text = site.main("index").get_text(" ", strip=True)
    assert "Kept \u00e9 body." in text
    assert "Last paragraph." in text


def test_a_lone_surrogate_in_a_crawl_setting_is_a_located_warning_not_a_traceback(
    tmp_path: Path,
) -> None:
    """Python reads ``"\\ud800"`` in conf.py as well: a source's title with one stopped
    the build with a traceback. The setting is left at its default, with a crawl.config
    warning at its line; the entry and the page are kept."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n'
            'crawl_sources = {"s": {"title": "T\\ud800", "publisher": "P"}}\n',
            "index.rst": "Tips\n====\n\n.. tip-card:: A tip\n   :id: a-tip\n\n   Body.\n\n"
            "Last paragraph.\n",
        },
    )
    site = build(src)
    assert site.crawl_warnings("config") == [
        "<src>/conf.py:3: WARNING: crawl_sources.s.title: 'T\\ud800' holds a lone surrogate "
        "(U+D800), which is not a character; crawl_sources is left at its default "
        "[crawl.config]"
    ]
    assert [e["id"] for e in site.crawl_json()["entries"]] == ["a-tip"]
    assert "Last paragraph." in site.main("index").get_text()


SURROGATE_PLUGIN = """
from sphinx_crawl import ContentType, Field, register_content_type


def setup(app):
    app.setup_extension("sphinx_crawl")
    with_surrogates = ContentType(
        name="sur", directive="sur-card", label="Sur", plural="Surs",
        fields=(Field("x", converter=lambda value: value + "\\ud800"),),
        badge=lambda fields: "Badge \\udc00",
    )
    register_content_type(app, with_surrogates)
    return {"parallel_read_safe": True}
"""


def test_a_plugin_s_value_with_a_lone_surrogate_is_its_warning_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A converter and a badge returning a str that fits (type string) but holds a lone
    surrogate stopped the build with a traceback writing the page. Now each is a
    crawl.plugin warning at the entry, which is shown without that part."""
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("sur_plugin", SURROGATE_PLUGIN),
        "Surs\n====\n\n.. sur-card:: First\n   :x: hi\n\n   Body one.\n\nLast paragraph.\n",
    )
    assert site.crawl_warnings() == [
        "<src>/index.rst:4: WARNING: sur-card: the 'sur' content type's :x: converter "
        "returned 'hi\\ud800', which holds a lone surrogate, not a character; the field is "
        "left out [crawl.plugin]",
        "<src>/index.rst:4: WARNING: sur-card: the 'sur' content type's badge returned "
        "'Badge \\udc00', which holds a lone surrogate [crawl.plugin]",
    ]
    [entry] = site.crawl_json()["entries"]
    assert "x" not in entry
    text = site.main("index").get_text(" ", strip=True)
    assert "Body one." in text
    assert "Last paragraph." in text


def test_a_plugin_label_with_a_lone_surrogate_is_refused_at_registration() -> None:
    from sphinx_crawl.types import ContentType, ContentTypeRegistry

    refused = r"content type 'sur': label 'Sur\\ud800' holds a lone surrogate"
    with pytest.raises(ExtensionError, match=refused):
        ContentTypeRegistry().add(
            ContentType(name="sur", directive="sur-card", label="Sur\ud800", plural="Surs")
        )


FLAG_PAGE = """\
Zeichen
=======

.. red-flag:: Bewegt sich mit 12 Monaten nicht
   :id: no-movement
   :urgency: urgent
   :age: by 12 months

   Fragen Sie.
"""
GERMAN_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Urgent advice: "
msgstr "Dringender Rat: "

msgid "Urgent: get help today"
msgstr "Dringend: heute Hilfe holen"
"""


def test_a_language_without_the_extension_s_words_is_said_and_can_be_translated(
    tmp_path: Path,
) -> None:
    """An adopter's German handbook showed every word of the extension (the urgency a
    screen reader hears, the badge, the age filter) in English, in pages that say
    lang="de", without a word at build time, and the project's locale_dirs could not
    translate them (Sphinx reads only sphinx.po there). Now the build says so
    (crawl.language, at conf.py's language line), and a sphinx_crawl.po in the
    project's locale_dirs is compiled and used."""
    conf = 'project = "P"\nlanguage = "de"\nextensions = ["sphinx_crawl"]\n'
    bare = build(write_project(tmp_path / "bare", {"conf.py": conf, "index.rst": FLAG_PAGE}))
    [warning] = bare.crawl_warnings()
    assert warning.startswith(
        "<src>/conf.py:2: WARNING: sphinx-crawl has no 'de' translation of its own words"
    )
    assert "locales/de/LC_MESSAGES/sphinx_crawl.po" in warning
    assert warning.endswith("[crawl.language]")
    translated = build(
        write_project(
            tmp_path / "translated",
            {
                "conf.py": conf,
                "index.rst": FLAG_PAGE,
                "locales/de/LC_MESSAGES/sphinx_crawl.po": GERMAN_PO,
            },
        )
    )
    assert translated.crawl_warnings() == []
    flag = translated.main("index").find("article", id="no-movement")
    assert flag.find(class_="crawl-visually-hidden").get_text() == "Dringender Rat: "
    assert flag.find(class_="crawl-badge").get_text() == "Dringend: heute Hilfe holen"
    # Words the project's catalog leaves out keep the package's (English here).
    assert "What to do" in flag.get_text()


def test_a_project_catalog_rewords_the_package_s_spanish(tmp_path: Path) -> None:
    po = GERMAN_PO.replace("Dringender Rat: ", "Consejo urgente, de verdad: ")
    site = build(
        write_project(
            tmp_path / "src",
            {
                "conf.py": 'project = "P"\nlanguage = "es_MX"\nextensions = ["sphinx_crawl"]\n',
                "index.rst": FLAG_PAGE,
                "locales/es_MX/LC_MESSAGES/sphinx_crawl.po": po,
            },
        )
    )
    assert site.crawl_warnings() == []
    flag = site.main("index").find("article", id="no-movement")
    assert flag.find(class_="crawl-visually-hidden").get_text() == "Consejo urgente, de verdad: "
    assert "Qué hacer" in flag.get_text()  # the package's Spanish, for the rest


def test_a_changed_project_catalog_shows_in_the_next_build(tmp_path: Path) -> None:
    """The words are the pages' as a clean build gives them, after the catalog changed."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nlanguage = "de"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": FLAG_PAGE,
            "locales/de/LC_MESSAGES/sphinx_crawl.po": GERMAN_PO,
        },
    )
    build(src)
    catalog = src / "locales/de/LC_MESSAGES/sphinx_crawl.po"
    catalog.write_text(GERMAN_PO.replace("Dringender Rat", "Eiliger Rat"), encoding="utf-8")
    again = build(src)
    assert again.written == ["index"]
    flag = again.main("index").find("article", id="no-movement")
    assert flag.find(class_="crawl-visually-hidden").get_text() == "Eiliger Rat: "
    assert build(src).written == []  # nothing changed: nothing written again


@pytest.mark.parametrize("age", ["by 0 months", "0+ months", "0 months+", "0-6 months+"])
def test_an_age_that_is_every_age_is_the_author_s_warning(tmp_path: Path, age: str) -> None:
    """'by 0 months' (expected by birth) or '0+ months' reads as every age: it was taken
    without a word and shown on the card, where the reference says an entry for any
    age has no :age:. Now a located crawl.age warning says so, and the entry is kept
    without an age (what the author means), as with every age that cannot be used."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": f"Flags\n=====\n\n.. red-flag:: Stiff legs\n   :id: stiff\n"
            f"   :urgency: soon\n   :age: {age}\n\n   Body.\n\nLast paragraph.\n",
        },
    )
    site = build(src)
    assert site.crawl_warnings() == [
        f"<src>/index.rst:4: WARNING: red-flag: the age {age!r} is every age, from birth "
        "on; leave :age: out for an entry that applies at any age [crawl.age]"
    ]
    [entry] = site.crawl_json()["entries"]
    assert entry["age"] is None
    assert "Last paragraph." in site.main("index").get_text()


def test_an_adopter_s_own_static_file_with_one_of_the_extension_s_names_is_said(
    tmp_path: Path,
) -> None:
    """A handbook about crawling may well have its own _static/crawl.css or crawl.js:
    Sphinx copies html_static_path over the extension's files of the same name, and
    every page silently lost the extension's styles and scripts (the age filter, the
    tracker, the visually hidden urgency words). Now a crawl.config warning at the
    html_static_path line names each such file and asks for another name."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n'
            'html_static_path = ["_static", "extra.css"]\n',
            "_static/crawl.css": "h1 { color: green }\n",
            "_static/crawl.js_t": "// {{ project }}\n",
            "_static/crawl-mine.js": "// a name of the adopter's own: fine\n",
            "_static/sub/crawl.css": "/* _static/sub/crawl.css: no clash */\n",
            "extra.css": "p { margin: 0 }\n",
            "index.rst": FLAG_PAGE,
        },
    )
    site = build(src)
    assert site.crawl_warnings() == [
        f"<src>/conf.py:3: WARNING: html_static_path: {name} has the name of a file of "
        "sphinx-crawl's own, which it replaces in _static: pages lose the extension's "
        "styles or scripts (the age filter, the tracker, the urgency words); give yours "
        "another name [crawl.config]"
        for name in ("_static/crawl.css", "_static/crawl.js_t")
    ]


def test_an_adopter_s_own_crawl_json_in_html_extra_path_is_said(tmp_path: Path) -> None:
    """A handbook publishing another's crawl.json beside its pages (html_extra_path)
    lost it, or the extension's own content API, without a word: one replaced the
    other in the output."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n'
            'html_extra_path = ["public"]\n',
            "public/crawl.json": "{}\n",
            "public/robots.txt": "User-agent: *\n",
            # The project's own web app manifest: the extension writes one only with
            # crawl_offline.
            "public/manifest.webmanifest": "{}\n",
            "index.rst": FLAG_PAGE,
        },
    )
    assert build(src).crawl_warnings() == [
        "<src>/conf.py:3: WARNING: html_extra_path: public/crawl.json has the name of a "
        "file of sphinx-crawl's own, which it replaces in the output: the handbook loses "
        "the extension's file (its content API, search or offline copy); give yours "
        "another name [crawl.config]"
    ]


def test_a_page_named_as_a_domain_index_is_said(tmp_path: Path) -> None:
    """An adopter's own page crawl-tips.rst (a fair name in a handbook on crawling)
    was silently replaced in the output by the crawl domain's index of tips, which
    Sphinx writes to the same crawl-tips.html: the page's text was gone. Now a
    crawl.config warning at the page says so and asks for another name."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": "Home\n====\n\n.. toctree::\n\n   crawl-tips\n\n"
            ".. tip-card:: A tip\n\n   Body.\n",
            "crawl-tips.rst": "My tips\n=======\n\nMy own words.\n",
        },
    )
    site = build(src)
    assert site.crawl_warnings() == [
        "<src>/crawl-tips.rst:1: WARNING: the page crawl-tips has the name of the crawl "
        "domain's index of tips (crawl-tips.html), which replaces it in the output; give "
        "the page another name [crawl.config]"
    ]
    # Incremental: the rebuild says it again, as a clean build does.
    assert build(src).crawl_warnings() == site.crawl_warnings()


def test_a_plugin_both_published_and_listed_in_extensions_is_registered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin reference offers two ways to enable a type: setup() with
    register_content_type, or the sphinx_crawl.content_types entry point. A plugin that
    offers both (crawl_activity does) and an adopter who also lists it in extensions:
    the entry point registered the type when sphinx_crawl was set up, the plugin's
    setup() registered the same type again, and the build stopped ("content type
    'activity' is already registered"). The same type twice is now one type; another
    type of the same name is still refused."""
    from importlib.metadata import EntryPoint

    from sphinx_crawl import types
    from tests.build_utils import ROOTS

    monkeypatch.syspath_prepend(str(ROOTS.parent / "plugins"))
    published = EntryPoint(
        name="activity", value="crawl_activity:ACTIVITY", group=types.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(
        types, "entry_points", lambda *, group: [published] if group == published.group else []
    )
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl", "crawl_activity"]\n',
            "index.rst": "Games\n=====\n\n.. activity-card:: Pillow mountain\n"
            "   :duration: 15\n\n   Climb.\n",
        },
    )
    site = build(src)
    assert site.warnings() == []
    [record] = site.crawl_json()["entries"]
    assert (record["type"], record["duration"]) == ("activity", 15)


@pytest.mark.parametrize(
    ("age", "hint"),
    [("6-10 meses", "6-10 months"), ("9 meses+", "9 months+"), ("12 mois", "12 months")],
)
def test_an_age_in_spanish_or_french_months_is_told_how_to_write_it(
    tmp_path: Path, age: str, hint: str
) -> None:
    """An adopter writing a Spanish handbook wrote ':age: 6-10 meses' and was told only
    "write it like '4-6 months', ..." (as for any age that cannot be read); now the
    warning gives the age to write, as for years and weeks."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nlanguage = "es"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": f"Consejos\n========\n\n.. tip-card:: Rodillas\n   :age: {age}\n\n"
            "   Cuerpo.\n",
        },
    )
    assert build(src).crawl_warnings() == [
        f"<src>/index.rst:4: WARNING: tip-card: cannot read the age {age!r}; write it as "
        f"{hint!r} [crawl.age]"
    ]


CONTROL = "\u0000\u001b\u0007\u007f"


def test_control_characters_in_imported_text_are_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    """JSON and YAML read "\\u0000" or "\\u001b" as characters: an imported title or text
    carried them into the pages, where no XML reader takes them (the EPUB's pages were
    not XML) and HTML shows them as boxes or not at all. Each is read as a space, with a
    crawl.import warning, from a data file and from another handbook's crawl.json."""
    import json

    other = build(
        write_project(
            tmp_path / "other",
            {
                "conf.py": 'project = "Other"\nextensions = ["sphinx_crawl"]\n',
                "index.rst": "Other\n=====\n\n.. tip-card:: Their tip\n   :id: their-tip\n\n"
                "   Theirs.\n",
            },
        )
    )
    handbook = other.crawl_json()
    handbook["entries"][0]["title"] = f"Their{CONTROL}tip"
    handbook["entries"][0]["text"] = f"Theirs{CONTROL}."
    files = {
        "conf.py": 'project = "P"\nversion = "1"\ncopyright = "2026"\n'
        'extensions = ["sphinx_crawl"]\n',
        "index.rst": "Imports\n=======\n\n.. crawl-import:: data/notes.json\n\n"
        ".. crawl-import:: data/crawl.json\n\nLast paragraph.\n",
        "data/notes.json": json.dumps(
            {
                "entries": [
                    {
                        "type": "tip",
                        "id": "ours",
                        "title": f"Our{CONTROL}tip",
                        "text": f"Ours{CONTROL}.",
                        "tags": [f"a{CONTROL}b"],
                    }
                ]
            }
        ),
        "data/crawl.json": json.dumps(handbook),
    }
    src = write_project(tmp_path / "src", files)
    site = build(src)
    removed = "U+0000, U+0007, U+001B, U+007F"
    assert site.crawl_warnings() == [
        f"<src>/index.rst:{line}: WARNING: crawl-import: data/{name}: the file's text holds "
        f"control characters ({removed}), which are no text; each is read as a space "
        "[crawl.import]"
        for line, name in ((4, "notes.json"), (6, "crawl.json"))
    ]
    entries = {e["id"]: e for e in site.crawl_json()["entries"]}
    assert entries["ours"]["title"] == "Our tip"
    assert entries["ours"]["tags"] == ["a b"]
    assert entries["their-tip"]["title"] == "Their tip"
    page = site.text("index.html")
    assert not any(char in page for char in CONTROL)
    assert "Last paragraph." in page
    epub = build(src, buildername="epub")
    xml.dom.minidom.parse(str(epub.outdir / "index.xhtml"))


def test_a_second_epub_build_into_the_same_folder_has_no_warning(tmp_path: Path) -> None:
    """The record of what the pages show (.crawl-shown.json, beside the pages) was
    found by the second EPUB build into the same folder as a file of the book: "unknown
    mimetype for .crawl-shown.json" each time, which stops a build with -W."""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nversion = "1"\ncopyright = "2026"\n'
            'extensions = ["sphinx_crawl"]\n',
            "index.rst": AGED_PAGE,
        },
    )
    assert build(src, buildername="epub").warnings() == []
    (src / "index.rst").write_text(AGED_PAGE.replace("Knees grip.", "Knees grip well."))
    again = build(src, buildername="epub")
    assert again.warnings() == []
    assert "Knees grip well." in again.text("index.xhtml")
    # The setting that keeps it out compares the same in each build: no page is read
    # again for it.
    assert "config changed" not in again.app.status.getvalue()


#: Each directive that takes no content (or no argument), with what an author might
#: put there anyway: an introduction in the body, a heading as the argument.
STRAY = [
    tuple(part.strip() for part in row.split("|"))
    for row in """
    crawl-list      |                     | :type: tip    | content
    crawl-timeline  |                     | :type: tip    | content
    crawl-sources   |                     |               | content
    crawl-sources   | Where it comes from |               | argument
    crawl-changes   |                     |               | content
    crawl-offline   |                     |               | content
    crawl-offline   | Keep it             |               | argument
    crawl-offline   |                     | :size: big    | option
    crawl-baby      | Your baby           |               | argument
    crawl-summary   | For the doctor      |               | argument
    crawl-import    | data/notes.yaml     |               | content
    crawl-extend    | a-tip               | :tags+: floor | content
    """.strip().splitlines()
]


@pytest.mark.parametrize(("directive", "argument", "options", "stray"), STRAY)
def test_stray_content_or_argument_is_a_crawl_warning_and_the_directive_stays(
    tmp_path: Path, directive: str, argument: str, options: str, stray: str
) -> None:
    """An introduction written inside a crawl-list (or a heading after crawl-baby) was a
    docutils ERROR, "no content permitted", and the list or panel was dropped from the
    page. As crawl-baby already did for content: a located crawl warning, the directive
    works, and the stray text is left out."""
    options = "".join(f"   {line}\n" for line in options.splitlines())
    body = "\n   An introduction.\n" if stray == "content" else ""
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nextensions = ["sphinx_crawl"]\ncrawl_previous = "p.json"\n',
            "index.rst": "Page\n====\n\n.. tip-card:: A tip\n   :id: a-tip\n   :age: 6-9 months\n\n"
            f"   Body.\n\n.. {directive}:: {argument}\n{options}{body}\nLast paragraph.\n",
            "data/notes.yaml": "entries:\n  - {type: tip, id: imported, title: Imported}\n",
        },
    )
    site = build(src)
    ours = [w for w in site.warnings() if "crawl_previous" not in w and "p.json" not in w]
    assert [w for w in ours if "[crawl." not in w] == []  # no docutils error
    what = {"content": "content", "argument": "argument", "option": "option"}[stray]
    assert any(f"<src>/index.rst:10: WARNING: {directive}" in w and what in w for w in ours), ours
    text = site.main("index").get_text(" ", strip=True)
    assert "Last paragraph." in text
    assert "An introduction." not in text


def test_a_project_translation_that_renames_a_field_is_left_out_not_a_traceback(
    tmp_path: Path,
) -> None:
    """The words are filled in with str.format: a translation that renamed a field
    ("{wochen}" for "{weeks}") stopped the build with a KeyError. It is left out with a
    located warning, and the package's words are used for that message."""
    help_id = (
        "Born more than {weeks} weeks early? Enter the age since birth and the weeks born "
        "early: the corrected age (the age minus the weeks early), which health services "
        "use until about age {years}, is worked out for you."
    )
    po = GERMAN_PO + f'\nmsgid "{help_id}"\nmsgstr "Mehr als {{wochen}} Wochen zu früh?"\n'
    src = write_project(
        tmp_path / "src",
        {
            "conf.py": 'project = "P"\nlanguage = "de"\nextensions = ["sphinx_crawl"]\n',
            "index.rst": FLAG_PAGE,
            "locales/de/LC_MESSAGES/sphinx_crawl.po": po,
        },
    )
    site = build(src)
    [warning] = site.crawl_warnings()
    assert warning.startswith(
        "<src>/locales/de/LC_MESSAGES/sphinx_crawl.po:1: WARNING: sphinx_crawl.po: the "
        "translation 'Mehr als {wochen} Wochen zu früh?' of 'Born more than {weeks}"
    )
    assert warning.endswith("the package's words are used instead [crawl.language]")
    main = site.main("index")
    assert "Born more than 3 weeks early?" in main.get_text()
    flag = main.find("article", id="no-movement")
    assert flag.find(class_="crawl-badge").get_text() == "Dringend: heute Hilfe holen"
