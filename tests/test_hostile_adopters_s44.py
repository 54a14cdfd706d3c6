"""What an independent check (helper h35) found failing adopters and programs reading
crawl.json, each a case outside the plan: a test per failure, written before its fix.
(What a browser shows is in tests/browser/test_hostile_adopters_s44.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build_utils import adopter_site

RST_PAGE = (
    "Home\n====\n\n.. red-flag:: Not moving\n   :id: not-moving\n   :urgency: soon\n"
    "   :age: by 12 months\n\n   Body.\n"
)


@pytest.mark.parametrize("setting", ["crawl_require_source", "crawl_offline", "crawl_search_box"])
def test_a_yes_or_no_setting_given_a_word_on_the_command_line_is_a_warning(
    tmp_path: Path, setting: str
) -> None:
    """``sphinx-build -D crawl_offline=maybe`` (or ``=yes``, ``=on``: Sphinx 9 takes only
    0 and 1 for a yes-or-no setting) stopped the build at once with Sphinx's "Exception
    occurred ... please report this error to the developers" and a traceback through
    sphinx_crawl's config check; Sphinx 8 read it, and ``=false`` and ``=no`` too, as
    yes. Now the value is the author's crawl.config warning, naming the setting and
    what it takes, and the build goes on with conf.py's value (the default here);
    true/false, yes/no and on/off are read as the words they are, in either Sphinx."""
    site = adopter_site(tmp_path, RST_PAGE, confoverrides={setting: "maybe"})
    logs = site.app.status.getvalue() + site.app.warning.getvalue()
    assert "Traceback" not in logs
    (warning,) = site.crawl_warnings("config")
    assert f"{setting}: -D {setting}='maybe' is not a yes or no" in warning
    assert site.crawl_json()["entries"]


@pytest.mark.parametrize(
    ("word", "value"), [("true", True), ("No", False), ("off", False), ("on", True), ("0", False)]
)
def test_a_yes_or_no_word_on_the_command_line_is_read(
    tmp_path: Path, word: str, value: bool
) -> None:
    from sphinx_crawl.config import crawl_config

    site = adopter_site(tmp_path, RST_PAGE, confoverrides={"crawl_require_source": word})
    assert site.crawl_warnings("config") == []
    assert site.app.config.crawl_require_source is value
    assert crawl_config(site.app.config).require_source is value


def test_a_wrong_value_given_on_the_command_line_is_said_to_be_the_command_line_s(
    tmp_path: Path,
) -> None:
    """``sphinx-build -D crawl_search_split_bytes=-5`` over a conf.py that sets it right
    (500_000 on line 3): the warning was "conf.py:3: crawl_search_split_bytes must be a
    whole number of bytes", sending the adopter to a line that is fine, with no word of
    the -D value that is wrong (and a -D setting conf.py does not name was at
    conf.py:1). The warning names the -D value it is about."""
    site = adopter_site(
        tmp_path,
        RST_PAGE,
        settings="crawl_search_split_bytes = 500_000\n",
        confoverrides={"crawl_search_split_bytes": "-5", "crawl_place": "mars"},
    )
    warnings = site.crawl_warnings("config")
    assert len(warnings) == 2, warnings
    split, place = sorted(warnings, key=lambda w: "crawl_place" in w)
    assert split.endswith("(given as -D crawl_search_split_bytes=-5) [crawl.config]"), split
    assert place.endswith("(given as -D crawl_place=mars) [crawl.config]"), place


CONTACTS = """\
crawl_contacts = {
    "usa": {"label": "USA", "emergency": "911, open 24/7"},
    "uk": {"label": "UK", "emergency": "999, or 111 and press 2 for a child"},
    "fr": {"label": "France", "emergency": "15 (SAMU) or 112, 8:30-18:00 for advice"},
}
"""


def test_an_emergency_contact_s_other_numbers_are_not_numbers_to_call(tmp_path: Path) -> None:
    """An emergency contact written in words reads its numbers from them ("999 or 112").
    Words such as "911, open 24/7" or "999, or 111 and press 2 for a child" gave every
    figure in them as a number to call: the line atop every page said "Emergency? Call
    911 (USA), 24 (USA), 7 (USA), 999 (UK), 111 (UK) or 2 (UK) now", with tel: links
    to 24, 7 and 2, and the search's emergency notice the same. A number to call has two
    figures or more and is not part of a time, a fraction or a word; France's 15 stays."""
    from tests.build_utils import read_search_index

    site = adopter_site(tmp_path, RST_PAGE, settings=CONTACTS)
    line = site.soup("index").find(class_="crawl-emergency-line")
    calls = [a["href"] for a in line.find_all("a", href=True) if a["href"].startswith("tel:")]
    assert calls == ["tel:911", "tel:999", "tel:111", "tel:15", "tel:112"]
    index = read_search_index(site.text("crawl-searchindex.js"))
    numbers = [number for _where, number in index["emergency"]["numbers"]]
    assert numbers == ["911", "999", "111", "15", "112"]


INDEXED_PAGE = """\
Home
====

.. red-flag:: Losing skills
   :urgency: urgent

   Stops doing things.

.. tip-card:: Teething rings
   :id: teething-rings
   :tags: baby's teeth, a b, a-b, día: noche

   Cold, not frozen.
"""


@pytest.mark.parametrize("builder", ["html", "epub"])
def test_an_index_page_s_jump_links_lead_to_ids_a_page_may_have(
    tmp_path: Path, builder: str
) -> None:
    """An index page's line of links to its groups (Sphinx's domain index, filled with
    ours) made each group's id from its heading: ``id="cap-Urgent: get help today"``,
    ``id="cap-baby&#x27;s teeth"``. An id holds no space (HTML), and an EPUB's must be
    an XML name (epubcheck: "value of attribute id is invalid"): every handbook with a
    red flag or a tag of two words gave such ids, in its web pages and its EPUB. Each
    group's id is now a name of its heading's letters and digits, one per group, and the
    links lead to them; the headings read as before."""
    settings = 'version = "1"\ncopyright = "2026"\n'
    site = adopter_site(tmp_path, INDEXED_PAGE, settings=settings, buildername=builder)
    suffix = ".xhtml" if builder == "epub" else ".html"
    name = re.compile(r"^[^\W\d][\w.-]*$")
    for page, headings in (
        ("crawl-red-flags", ["Urgent: get help today"]),
        ("crawl-tips", ["a b", "a-b", "baby's teeth", "día: noche"]),
    ):
        soup = BeautifulSoup(site.text(page + suffix), "html.parser")
        ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), ids
        caps = [i for i in ids if i.startswith("cap-")]
        assert len(caps) == len(headings), ids
        assert all(name.match(i) for i in caps), caps
        jumps = soup.select('a[href^="#cap-"]')
        assert [a["href"][1:] for a in jumps] == caps
        assert [a.get_text() for a in jumps] == headings
