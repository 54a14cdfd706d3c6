"""Typed links between entries (issue 15): a tip ``:helps:`` a milestone, a red flag
``:see:`` tips; both ends show them, the back-links computed, in every builder and in
crawl.json. (Incremental and ``-j`` exactness: the many-pages root declares relations,
so tests/test_incremental.py and tests/test_parallel.py cover them.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sphinx.errors import ExtensionError

from sphinx_crawl.api import load
from sphinx_crawl.core.content_types import ContentType, ContentTypeRegistry, Field, Relation
from tests.build_utils import Build, build, schema_of

CONF = 'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'

PAGES = {
    "index.md": "# Home\n\n```{toctree}\ntips\nmilestones\nflags\n```\n",
    "milestones.md": (
        "# Milestones\n\n"
        "::::{milestone-table} Crawling\n"
        ":::{milestone} Crawls on hands and knees\n:id: hands-knees\n:age: 7-10 months\n\n"
        "Moves on hands and knees.\n:::\n::::\n\n"
        ":::{milestone} Pulls up to stand\n:id: pulls-up\n:age: 9-12 months\n\nStands.\n:::\n"
    ),
    "tips.md": (
        "# Tips\n\n"
        ":::{tip-card} Toys just out of reach\n:id: toys\n:helps: hands-knees, pulls-up\n\n"
        "Put a toy a little ahead.\n:::\n\n"
        ":::{tip-card} A low sofa\n:id: sofa\n:helps: pulls-up\n\nLet them pull up.\n:::\n"
    ),
    "flags.rst": (
        "Flags\n=====\n\n"
        ".. red-flag:: Not moving at all\n   :id: not-moving\n   :urgency: soon\n"
        "   :see: toys, hands-knees\n\n   Not trying to move.\n"
    ),
}


def write(srcdir: Path, pages: dict[str, str], conf: str = CONF) -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(write(tmp_path_factory.mktemp("relations") / "src", PAGES))


def lines(site: Build, page: str, entry_id: str) -> dict[str, list[tuple[str, str]]]:
    """The entry's relation lines: label -> (link text, href) pairs."""
    entry = site.main(page).find(id=entry_id)
    assert entry is not None, entry_id
    shown = {}
    for line in entry.select(".crawl-relation"):
        label = line.find("strong").get_text().strip().rstrip(":")
        shown[label] = [(a.get_text().strip(), a["href"]) for a in line.find_all("a")]
    return shown


def test_both_ends_show_the_link(site: Build) -> None:
    assert site.warnings() == []
    assert lines(site, "tips", "toys") == {
        "Helps with": [
            ("Crawls on hands and knees", "milestones.html#hands-knees"),
            ("Pulls up to stand", "milestones.html#pulls-up"),
        ],
        "Related signs": [("Not moving at all", "flags.html#not-moving")],
    }
    # Back-links in the handbook's order, on a milestone table's row too.
    assert lines(site, "milestones", "pulls-up") == {
        "Tips that help": [
            ("Toys just out of reach", "tips.html#toys"),
            ("A low sofa", "tips.html#sofa"),
        ],
    }
    assert lines(site, "milestones", "hands-knees") == {
        "Tips that help": [("Toys just out of reach", "tips.html#toys")],
        "Related signs": [("Not moving at all", "flags.html#not-moving")],
    }
    assert lines(site, "flags", "not-moving") == {
        "See also": [
            ("Toys just out of reach", "tips.html#toys"),
            ("Crawls on hands and knees", "milestones.html#hands-knees"),
        ],
    }


def test_crawl_json_has_links_and_back_links_and_validates(site: Build) -> None:
    data = site.crawl_json()
    jsonschema.validate(data, schema_of(site))
    entries = {e["id"]: e for e in data["entries"]}
    assert entries["toys"]["relations"] == {"helps": ["hands-knees", "pulls-up"]}
    assert entries["toys"]["related_by"] == {"see": ["not-moving"]}
    assert entries["pulls-up"]["related_by"] == {"helps": ["toys", "sofa"]}
    assert entries["pulls-up"]["relations"] == {}
    handbook = load(site.outdir / "crawl.json", validate=True)
    toys = next(e for e in handbook.entries if e.id == "toys")
    assert toys.relations == {"helps": ("hands-knees", "pulls-up")}
    assert toys.related_by == {"see": ("not-moving",)}


def test_text_output_shows_the_links_in_words(tmp_path: Path) -> None:
    srcdir = write(tmp_path / "src", PAGES)
    text = build(srcdir, buildername="text").text("milestones.txt")
    assert "Tips that help" in text
    assert "Toys just out of reach; A low sofa" in text


@pytest.mark.parametrize(
    ("option", "problem"),
    [
        ("nope", "'nope' names no entry"),
        ("toys", "'toys' is the entry itself"),
        ("not-moving", "'not-moving' is a red-flag, not a milestone"),
        ("Not A Slug", "'Not A Slug' is not an entry id"),
    ],
)
def test_a_bad_link_is_a_located_warning_and_the_rest_stays(
    tmp_path: Path, option: str, problem: str
) -> None:
    pages = dict(PAGES)
    pages["tips.md"] = pages["tips.md"].replace(
        ":helps: hands-knees, pulls-up", f":helps: {option}, hands-knees"
    )
    site = build(write(tmp_path / "src", pages))
    (warning,) = site.warnings()
    assert warning.startswith("<src>/tips.md:3: WARNING:"), warning
    assert problem in warning
    assert warning.endswith("[crawl.relation]")
    assert lines(site, "tips", "toys")["Helps with"] == [
        ("Crawls on hands and knees", "milestones.html#hands-knees")
    ]
    assert site.crawl_json()["entries"][-1]["id"] in {"toys", "sofa", "not-moving", "pulls-up"}


def test_a_bad_link_in_rst_names_its_line(tmp_path: Path) -> None:
    pages = dict(PAGES)
    pages["flags.rst"] = pages["flags.rst"].replace(":see: toys,", ":see: toy,")
    (warning,) = build(write(tmp_path / "src", pages)).warnings()
    assert warning.startswith("<src>/flags.rst:4: WARNING: :see: 'toy' names no entry"), warning


def test_a_plugin_type_declares_relations_and_receives_back_links(tmp_path: Path) -> None:
    plugin = (
        "from sphinx_crawl.types import ContentType, Relation, register_content_type\n"
        "def setup(app):\n"
        "    app.setup_extension('sphinx_crawl')\n"
        "    register_content_type(app, ContentType(\n"
        "        name='activity', directive='activity-card', label='Activity',\n"
        "        plural='Activities', relations=(Relation('practises', targets=('milestone',),\n"
        "        label='Practises', reverse_label='Activities to practise'),)))\n"
        "    return {'parallel_read_safe': True}\n"
    )
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "my_types.py").write_text(plugin, encoding="utf-8")
    pages = dict(PAGES)
    pages["tips.md"] += (
        "\n:::{activity-card} Tunnel of cushions\n:id: tunnel\n:practises: hands-knees\n\n"
        "Crawl through.\n:::\n"
    )
    conf = "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n" + CONF.replace(
        '"sphinx_crawl"]', '"sphinx_crawl", "my_types"]'
    )
    site = build(write(tmp_path / "src", pages, conf))
    assert site.warnings() == []
    assert ("Tunnel of cushions", "tips.html#tunnel") in lines(site, "milestones", "hands-knees")[
        "Activities to practise"
    ]
    assert lines(site, "tips", "tunnel") == {
        "Practises": [("Crawls on hands and knees", "milestones.html#hands-knees")]
    }


def test_a_relation_may_not_take_a_name_an_option_has() -> None:
    registry = ContentTypeRegistry()
    for clash in ("age", "colour"):
        kind = ContentType(
            name=f"kind-{clash}",
            directive=f"kind-{clash}",
            label="Kind",
            plural="Kinds",
            fields=(Field("colour"),),
            relations=(Relation(clash),),
        )
        with pytest.raises(ValueError, match="used twice"):
            registry.add(kind)


def test_the_sphinx_layer_reports_a_bad_relation_as_an_extension_error(make_app: Any) -> None:
    from sphinx_crawl.types import ContentTypeRegistry as SphinxRegistry

    with pytest.raises(ExtensionError, match="must be lowercase"):
        SphinxRegistry().add(
            ContentType(
                name="kind", directive="kind", label="K", plural="Ks", relations=(Relation("Up"),)
            )
        )
