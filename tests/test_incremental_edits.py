"""Edits an author makes, rebuilt in place, give what a clean build gives.

An incremental HTML build works out again only the views of the pages that may show a
changed entry (incremental.py, ``_unchanged_digests``): each scenario here builds a
small handbook, makes an author's edits one after another, rebuilds in place after
each (Sphinx reuses its pickled environment) and compares every page's main content,
crawl.json and the entry search with a clean build of the same source, then checks
what a reader sees: a link's title, a back-link.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.build_utils import Build, build, copy_source, read_search_index

CONF = """\
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Edits"
crawl_sources = {"kc": {"title": "The Lowdown On Crawling Backward"}}
html_theme = "basic"
html_copy_source = False
"""


def write(srcdir: Path, name: str, text: str) -> None:
    """Write a page, stamped from the precise clock (a coarse one could date the edit
    before the last build read the page)."""
    path = srcdir / name
    path.write_text(text, encoding="utf-8")
    stamp = time.time_ns()
    os.utime(path, ns=(stamp, stamp))


def edit(srcdir: Path, name: str, old: str, new: str) -> None:
    text = (srcdir / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    write(srcdir, name, text.replace(old, new))


def project(tmp_path: Path, pages: dict[str, str], conf: str = CONF) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir(exist_ok=True)
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    toctree = "\n".join(sorted(name.rsplit(".", 1)[0] for name in pages))
    write(srcdir, "index.md", f"# Edits\n\n```{{toctree}}\n{toctree}\n```\n")
    for name, text in pages.items():
        write(srcdir, name, text)
    return srcdir


def differences(incremental: Build, clean: Build) -> list[str]:
    found = []
    if incremental.crawl_json() != clean.crawl_json():
        found.append("crawl.json")
    if read_search_index(incremental.text("crawl-searchindex.js")) != read_search_index(
        clean.text("crawl-searchindex.js")
    ):
        found.append("crawl-searchindex.js")
    # A removed page's file stays (Sphinx never deletes output): compare the clean pages.
    for page in clean.pages():
        if not (incremental.outdir / f"{page}.html").is_file():
            found.append(f"{page}.html is missing")
        elif incremental.shown(page) != clean.shown(page):
            found.append(f"{page}.html: {incremental.shown(page)} != {clean.shown(page)}")
    return found


class Handbook:
    """A project built once, then rebuilt in place after each edit and compared."""

    def __init__(
        self, tmp_path: Path, pages: dict[str, str], parallel: int = 0, conf: str = CONF
    ) -> None:
        self.tmp_path, self.parallel = tmp_path, parallel
        self.srcdir = project(tmp_path, pages, conf)
        self.builds = 0
        build(self.srcdir, parallel=parallel)

    def edited(self, step: str, name: str, old: str, new: str) -> Build:
        """The rebuild after an edit of ``name`` (see :meth:`rebuilt`)."""
        edit(self.srcdir, name, old, new)
        return self.rebuilt(step)

    def rebuilt(self, step: str) -> Build:
        """The incremental build, after checking it equals a clean one."""
        incremental = build(self.srcdir, parallel=self.parallel)
        self.builds += 1
        clean = build(copy_source(self.srcdir, self.tmp_path / f"clean-{self.builds}"))
        found = differences(incremental, clean)
        assert found == [], f"after {step}, the incremental build differs:\n" + "\n".join(found)
        return incremental


def text_of(site: Build, page: str) -> str:
    return " ".join(site.main(page).get_text(" ").split())


ALPHA = ":::{tip-card} Alpha\n:id: alpha\n:helps: crawl-m\n\nAbout alpha.\n:::\n"
BETA = ":::{tip-card} Beta\n:id: beta\n\nAbout beta.\n:::\n"
MILESTONE = ":::{milestone} Crawls on all fours\n:id: crawl-m\n:age: 7-10 months\n:::\n"
FLAG = (
    ":::{red-flag} Not crawling\n:id: no-crawl\n:urgency: routine\n:age: 12 months+\n"
    ":see: alpha\n:::\n"
)
REFS = (
    "# References\n\nRole: {crawl:tip}`alpha`. Link: [](#alpha). Any: {any}`beta`.\n\n"
    ":::{crawl-list} Tips\n:type: tip\n:::\n"
)


def base_pages(more: dict[str, str] | None = None) -> dict[str, str]:
    pages = {
        "a.md": f"# Page a\n\n{ALPHA}\n{BETA}",
        "m.md": f"# Page m\n\n{MILESTONE}",
        "r.md": f"# Page r\n\n{FLAG}",
        "refs.md": REFS,
        "other.md": "# Other\n\nNothing here.\n",
    }
    pages.update(more or {})
    return pages


def base_project(tmp_path: Path) -> Path:
    return project(tmp_path, base_pages())


def base(tmp_path: Path, parallel: int = 0, more: dict[str, str] | None = None) -> Handbook:
    return Handbook(tmp_path, base_pages(more), parallel)


# -- titles, links, back-links ------------------------------------------------------------


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_title_edited_shows_everywhere_it_is_linked_listed_or_related(
    tmp_path: Path, parallel: int
) -> None:
    hb = base(tmp_path, parallel)
    site = hb.edited("the title edited", "a.md", "tip-card} Alpha", "tip-card} Alpha renamed")
    assert "Alpha renamed" in text_of(site, "refs")
    assert "Tips that help: Alpha renamed" in text_of(site, "m")
    assert "See also: Alpha renamed" in text_of(site, "r")
    assert "Beta renamed" in text_of(
        hb.edited("the other title edited", "a.md", "tip-card} Beta", "tip-card} Beta renamed"),
        "refs",
    )
    # Six pages read again: under -j 2, read in two processes and merged.
    for name in ("index.md", "m.md", "r.md", "refs.md", "other.md"):
        write(hb.srcdir, name, (hb.srcdir / name).read_text(encoding="utf-8") + "\nMore.\n")
    site = hb.edited(
        "every page edited, and a title", "a.md", "tip-card} Alpha renamed", "tip-card} Alpha again"
    )
    assert "Tips that help: Alpha again" in text_of(site, "m")


def test_a_relation_added_or_removed_changes_the_back_links_elsewhere(tmp_path: Path) -> None:
    hb = base(tmp_path)
    assert "Tips that help: Alpha ; Beta" in text_of(
        hb.edited("a relation added", "a.md", ":id: beta\n", ":id: beta\n:helps: crawl-m\n"), "m"
    )
    site = hb.edited("a relation removed", "a.md", ":id: alpha\n:helps: crawl-m\n", ":id: alpha\n")
    assert "Tips that help: Beta" in text_of(site, "m")
    site = hb.edited(
        "a red flag's relation moved to another tip", "r.md", ":see: alpha\n", ":see: beta\n"
    )
    assert "Related signs: Not crawling" in text_of(site, "a")


def test_an_id_renamed_duplicated_and_the_duplicate_removed(tmp_path: Path) -> None:
    hb = base(tmp_path)
    hb.edited("an id renamed", "a.md", ":id: alpha\n", ":id: alpha2\n")
    hb.edited("the id renamed back", "a.md", ":id: alpha2\n", ":id: alpha\n")
    # A page whose name sorts first now defines alpha too: its definition wins.
    write(hb.srcdir, "0.md", "# Page 0\n\n:::{tip-card} Another alpha\n:id: alpha\n:::\n")
    site = hb.edited(
        "a duplicate added on a page that sorts first", "index.md", "\nother\n", "\nother\n0\n"
    )
    assert "Role: Another alpha ." in text_of(site, "refs")
    site = hb.edited("the duplicate's id changed", "0.md", ":id: alpha\n", ":id: alpha-zero\n")
    assert "Role: Alpha ." in text_of(site, "refs")
    write(hb.srcdir, "other.md", "# Other\n\n:::{tip-card} Alpha again\n:id: alpha\n:::\n")
    hb.rebuilt("a duplicate added on a page that sorts after")
    site = hb.edited(
        "the first definition's id changed: the duplicate wins",
        "a.md",
        ":id: alpha\n",
        ":id: alpha3\n",
    )
    assert "Role: Alpha again ." in text_of(site, "refs")
    assert "Role: Alpha ." in text_of(
        hb.edited("the first definition back", "a.md", ":id: alpha3\n", ":id: alpha\n"), "refs"
    )
    write(hb.srcdir, "other.md", "# Other\n\nNothing here.\n")
    assert "Role: Alpha ." in text_of(hb.rebuilt("the duplicate removed"), "refs")
    assert "Role: Alpha at last ." in text_of(
        hb.edited("its title edited", "a.md", "tip-card} Alpha", "tip-card} Alpha at last"), "refs"
    )


def test_an_entry_moved_after_a_duplicate_of_another_type_lets_it_win(tmp_path: Path) -> None:
    flag = ":::{red-flag} Not sitting\n:id: sitting\n:urgency: soon\n:::\n"
    milestone = ":::{milestone} Sits alone\n:id: sitting\n:age: 6-9 months\n:::\n"
    # a.md sorts first: the red flag has the id, and no milestone is listed.
    hb = Handbook(tmp_path, {"a.md": f"# Page a\n\n{flag}", "b.md": f"# Page b\n\n{milestone}"})
    write(hb.srcdir, "a.md", "# Page a\n\nNothing now.\n")
    # The red flag moves after the milestone on b.md: the milestone has the id now.
    site = hb.edited("the red flag moved after the milestone", "b.md", ":::\n", f":::\n\n{flag}")
    assert "Sits alone" in text_of(site, "crawl-milestones")


def test_ids_made_from_titles_collide_and_come_apart(tmp_path: Path) -> None:
    cafe = ":::{tip-card} Unicode Cafe\n\nThe plain one.\n:::\n"
    hb = base(tmp_path, more={"c.md": f"# Page c\n\n{cafe}"})
    hb.edited(
        "a link to an id made from a title",
        "refs.md",
        "Any: {any}`beta`.",
        "Any: {any}`beta`, {crawl:tip}`unicode-cafe`.",
    )
    # b.md sorts before c.md: its entry takes the id, c's is known by another.
    write(hb.srcdir, "b.md", "# Page b\n\n:::{tip-card} Ünïcödé Çafé\n\nThe accented one.\n:::\n")
    site = hb.edited(
        "a title making the same id on a page that sorts first", "index.md", "\nc\n", "\nb\nc\n"
    )
    assert "Ünïcödé Çafé" in text_of(site, "refs")
    site = hb.edited("the ids come apart", "b.md", "Ünïcödé Çafé", "Ünïcödé Çafé au lait")
    assert "Unicode Cafe" in text_of(site, "refs")
    hb.edited("the ids collide again", "b.md", "Ünïcödé Çafé au lait", "Ünïcödé Çafé")
    site = hb.edited(
        "the later one given the id by its author: it wins",
        "c.md",
        "Unicode Cafe\n",
        "Unicode Cafe\n:id: unicode-cafe\n",
    )
    assert "Unicode Cafe" in text_of(site, "refs")


def test_crawl_extend_added_edited_and_removed_on_another_page(tmp_path: Path) -> None:
    hb = base(tmp_path)
    write(hb.srcdir, "other.md", "# Other\n\n:::{crawl-extend} beta\n:helps: crawl-m\n:::\n")
    assert "Tips that help: Alpha ; Beta" in text_of(hb.rebuilt("a crawl-extend added"), "m")
    assert "Tips that help: Alpha ;" not in text_of(
        hb.edited("the crawl-extend edited", "other.md", ":helps: crawl-m", ":tags+: clinic"), "m"
    )
    write(hb.srcdir, "other.md", "# Other\n\n:::{crawl-extend} no-crawl\n:urgency: urgent\n:::\n")
    hb.rebuilt("a crawl-extend of a red flag's urgency")
    write(hb.srcdir, "other.md", "# Other\n\nNothing here.\n")
    hb.rebuilt("the crawl-extend removed")


def test_a_relation_a_crawl_extend_adds_follows_edits_of_either_entry(tmp_path: Path) -> None:
    extend = "# Other\n\n:::{crawl-extend} beta\n:helps: crawl-m\n:::\n"
    hb = base(tmp_path, more={"other.md": extend})
    edit(hb.srcdir, "a.md", "tip-card} Beta", "tip-card} Beta renamed")
    # The milestone's page is not read again: its back-link comes from the crawl-extend.
    assert "Beta renamed" in text_of(hb.rebuilt("the extended tip's title edited"), "m")
    site = hb.edited(
        "the milestone's title edited",
        "m.md",
        "} Crawls on all fours",
        "} Crawls on hands and knees",
    )
    assert "Helps with: Crawls on hands and knees" in text_of(site, "a")
    site = hb.edited(
        "the extended tip's id changed: the crawl-extend names no entry",
        "a.md",
        ":id: beta\n",
        ":id: beta2\n",
    )
    assert "Tips that help: Alpha" in text_of(site, "m")
    assert "Beta" not in text_of(site, "m")


def test_references_in_a_title_or_a_body_show_the_title_they_name(tmp_path: Path) -> None:
    flag = FLAG.replace(":::\n", "\nTry {crawl:tip}`beta` first.\n:::\n")
    flag = flag.replace("} Not crawling", "} Not crawling (see {crawl:tip}`alpha`)")
    hb = base(tmp_path, more={"r.md": f"# Page r\n\n{flag}"})
    site = hb.edited(
        "the title a title names edited", "a.md", "tip-card} Alpha", "tip-card} Alpha renamed"
    )
    assert "Not crawling (see Alpha renamed)" in text_of(site, "a")
    assert "Try Beta renamed first" in text_of(
        hb.edited(
            "the title a body names edited", "a.md", "tip-card} Beta", "tip-card} Beta renamed"
        ),
        "r",
    )


def test_entries_moved_and_pages_added_or_removed(tmp_path: Path) -> None:
    hb = base(tmp_path)
    edit(hb.srcdir, "a.md", BETA, "")
    write(hb.srcdir, "other.md", f"# Other\n\n{BETA}")
    site = hb.rebuilt("an entry moved to another page")
    assert "other.html#beta" in site.shown("refs")[1]
    edit(hb.srcdir, "index.md", "\nother\n", "\n")
    (hb.srcdir / "other.md").unlink()
    hb.rebuilt("its page removed")
    write(hb.srcdir, "new.md", f"# New\n\n{BETA}")
    hb.edited("a page added", "index.md", "\nm\n", "\nm\nnew\n")


def test_a_type_age_or_urgency_changed_and_the_index_pages(tmp_path: Path) -> None:
    hb = base(tmp_path)
    hb.edited("the urgency changed", "r.md", ":urgency: routine", ":urgency: urgent")
    hb.edited("the age changed", "r.md", ":age: 12 months+", ":age: 9-12 months")
    site = hb.edited(
        "a tip made a red flag",
        "a.md",
        ":::{tip-card} Beta\n:id: beta\n",
        ":::{red-flag} Beta\n:id: beta\n",
    )
    assert "Beta" in text_of(site, "crawl-red-flags")
    assert "Beta" not in text_of(site, "crawl-tips")
    hb.edited("a milestone's age changed", "m.md", ":age: 7-10 months", ":age: 8-11 months")


def test_a_page_whose_only_change_is_its_heading(tmp_path: Path) -> None:
    hb = base(tmp_path)
    hb.edited("the heading of the page with the red flags", "r.md", "# Page r", "# Signs to watch")
    hb.edited("the heading of a page without entries", "other.md", "# Other", "# Elsewhere")


def test_entries_reordered_on_their_page(tmp_path: Path) -> None:
    gamma = ":::{tip-card} Gamma\n:id: gamma\n:helps: crawl-m\n\nAbout gamma.\n:::\n"
    hb = base(tmp_path, more={"a.md": f"# Page a\n\n{ALPHA}\n{gamma}\n{BETA}"})
    assert "Tips that help: Alpha ; Gamma" in text_of(hb.rebuilt("nothing"), "m")
    write(hb.srcdir, "a.md", f"# Page a\n\n{gamma}\n{ALPHA}\n{BETA}")
    # The back-links follow the order of the handbook.
    assert "Tips that help: Gamma ; Alpha" in text_of(hb.rebuilt("two entries swapped"), "m")
    twice = ":::{tip-card} Delta one\n:id: delta\n:::\n\n:::{tip-card} Delta two\n:id: delta\n:::\n"
    write(hb.srcdir, "other.md", f"# Other\n\n{twice}")
    assert "Delta one" in text_of(
        hb.edited(
            "one id twice on a page",
            "refs.md",
            "Any: {any}`beta`.",
            "Any: {any}`beta`, {crawl:tip}`delta`.",
        ),
        "refs",
    )
    one, two = twice.split("\n\n")
    write(hb.srcdir, "other.md", f"# Other\n\n{two}\n\n{one}")
    assert "Delta two" in text_of(hb.rebuilt("the two swapped: the first wins"), "refs")


def test_a_crawl_extend_chooses_by_tag_an_entry_that_gains_the_tag(tmp_path: Path) -> None:
    extend = "# Other\n\n:::{crawl-extend}\n:types: tip\n:tags: floor\n:helps+: crawl-m\n:::\n"
    hb = base(tmp_path, more={"other.md": extend})
    edit(hb.srcdir, "a.md", ":id: beta\n", ":id: beta\n:tags: floor\n")
    assert "Tips that help: Alpha ; Beta" in text_of(
        hb.rebuilt("a tag the crawl-extend chooses"), "m"
    )
    assert "Tips that help: Alpha ; Beta renamed" in text_of(
        hb.edited("its title edited", "a.md", "tip-card} Beta", "tip-card} Beta renamed"), "m"
    )


# -- builds stopped part-way ------------------------------------------------------------

#: A plugin that stops the build as it writes the page ``H17_STOP_AT`` names: killed
#: (SIGKILL) or by an exception, as ``H17_STOP_HOW`` says (``read``: an exception as
#: it reads the page).
STOPPER = """
import os, signal

def setup(app):
    def stop(app, doctree, docname, reading=False):
        how = os.environ.get("H17_STOP_HOW")
        if docname != os.environ.get("H17_STOP_AT") or reading != (how == "read"):
            return
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise RuntimeError("a plugin failed")

    app.connect("doctree-resolved", stop)
    app.connect("doctree-read", lambda app, doctree: stop(app, doctree, app.env.docname, True))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def sphinx_build(srcdir: Path, **stop: str) -> Build:
    out = srcdir / "_build"
    env = {k: v for k, v in os.environ.items() if not k.startswith("H17_")}
    env |= {f"H17_STOP_{key.upper()}": value for key, value in stop.items()}
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(out / "doctrees")]
    done = subprocess.run(
        [*command, str(srcdir), str(out / "html")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) == (not stop), done.stderr
    return Build(app=SimpleNamespace(outdir=out / "html"), srcdir=srcdir)  # type: ignore[arg-type]


SLOW = pytest.mark.slow


@pytest.mark.parametrize(
    ("how", "then"),
    [
        ("kill", "undone"),
        ("raise", "another"),
        pytest.param("kill", "another", marks=SLOW),
        pytest.param("raise", "undone", marks=SLOW),
        pytest.param("read", "undone", marks=SLOW),
        pytest.param("read", "another", marks=SLOW),
    ],
)
def test_a_build_stopped_while_writing_after_an_edit_then_another_edit(
    tmp_path: Path, how: str, then: str
) -> None:
    srcdir = base_project(tmp_path)
    (srcdir / "h17_stopper.py").write_text(STOPPER, encoding="utf-8")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n")
        conf.write('extensions.append("h17_stopper")\n')
    sphinx_build(srcdir)
    edit(srcdir, "a.md", "tip-card} Alpha", "tip-card} Alpha renamed")
    # Pages are written in name order: a, index and m are, r and refs are not (or,
    # failing as a.md is read, none is).
    sphinx_build(srcdir, at="a" if how == "read" else "r", how=how)
    if then == "undone":
        edit(srcdir, "a.md", "tip-card} Alpha renamed", "tip-card} Alpha")
    else:
        edit(srcdir, "a.md", "tip-card} Beta", "tip-card} Beta renamed")
    incremental = sphinx_build(srcdir)
    clean = sphinx_build(copy_source(srcdir, tmp_path / "clean"))
    assert differences(incremental, clean) == []
    title = "Alpha" if then == "undone" else "Alpha renamed"
    assert f"Tips that help: {title}" in text_of(incremental, "m")
    assert f"Role: {title} ." in text_of(incremental, "refs")


# -- sources ----------------------------------------------------------------------------

NOTES = """\
project: Physio notes
sources:
  physio-2025:
    title: The Lowdown On Crawling Backward
    author: A. Physio
entries:
  - type: tip
    id: bare-feet
    title: Bare feet on the floor
    age: 6-12 months
    text: Socks slip.
    source: physio-2025
"""


def test_source_links_follow_the_sources_imported_entries_bring(tmp_path: Path) -> None:
    conf = CONF.replace('Backward"}', 'Backward", "author": "Dr. KC"}')
    conf += 'crawl_import_sources = {"notes": "data/notes.yaml"}\n'
    (tmp_path / "src" / "data").mkdir(parents=True)
    (tmp_path / "src" / "data" / "notes.yaml").write_text(NOTES, encoding="utf-8")
    pages = {
        "imported.md": "# Imported\n\nNothing yet.\n",
        "sources.md": "# Sources\n\n:::{crawl-sources}\n:::\n",
        "cite.md": "# Cite\n\nSee {crawl:source}`kc` and {crawl:source}`physio-2025`.\n",
        "a.md": "# Page a\n\n:::{tip-card} Alpha\n:id: alpha\n:source: kc\n:::\n",
    }
    hb = Handbook(tmp_path, pages, conf=conf)
    write(hb.srcdir, "imported.md", "# Imported\n\n:::{crawl-import} notes\n:::\n")
    site = hb.rebuilt("an import bringing a source titled as one of the project's")
    # Two sources with one title: each is told apart by who wrote it.
    cite = text_of(site, "cite")
    assert "Backward, Dr. KC and The Lowdown On Crawling Backward, A. Physio" in cite
    assert "Source: The Lowdown On Crawling Backward, Dr. KC" in text_of(site, "a")
    write(hb.srcdir, "imported.md", "# Imported\n\nNothing now.\n")
    assert "Backward, Dr. KC" not in text_of(hb.rebuilt("the import removed"), "cite")


def test_a_link_to_the_id_an_entry_is_known_by_follows_its_title(tmp_path: Path) -> None:
    accented = "# Page b\n\n:::{tip-card} Ünïcödé Çafé\n\nThe accented one.\n:::\n"
    plain = "# Page c\n\n:::{tip-card} Unicode Cafe\n\nThe plain one.\n:::\n"
    # The plain one is known by unicode-cafe-c (b.md sorts first); a page links to it so.
    refs = "# Links\n\nThe plain one: {crawl:tip}`unicode-cafe-c`.\n"
    hb = Handbook(tmp_path, {"b.md": accented, "c.md": plain, "links.md": refs})
    edit(hb.srcdir, "c.md", "} Unicode Cafe", "} Unicode cafe")  # the same id from it
    assert "The plain one: Unicode cafe ." in text_of(hb.rebuilt("its title edited"), "links")
