"""The entry search index: small up front, the rest loaded when a result needs it.

``crawl-searchindex.js`` holds what ranking needs and nothing more: each entry's
title, address and labels (kind, badge, age) as table indices, and for each field
(keywords, title, tags, text) a word -> entries map. A word's entries are written as
whichever is shorter, its gaps in base 32 or a bitmap in base 64, so words most
entries share cost a bit per entry, not a number. There is no text to show: the
excerpt under a result is read from the entry's own page, fetched by crawl-search.js for the
results shown only (as Sphinx's search does for its summaries; from ``file://``,
where pages cannot be fetched, results show without one).

Stems are worked out in crawl-search.js from this vocabulary, so one stemmer serves the
index and the query. The index loads as a ``<script>``: search works from ``file://``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx_crawl.config import config_location, crawl_config
from sphinx_crawl.contacts import fill_all
from sphinx_crawl.core.ages import (
    CORRECT_AFTER_WEEKS_EARLY,
    CORRECT_UNTIL_MONTHS,
    DEADLINE_LEAD_MONTHS,
)
from sphinx_crawl.core.cycle_gc import with_cycle_gc_paused
from sphinx_crawl.core.derive import badge, free_id
from sphinx_crawl.core.entries import EXCERPT_CHARS
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.export import entry_addresses
from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.incremental import outputs_current
from sphinx_crawl.kept import drop_held, hold, load_kept, position_key, save_held
from sphinx_crawl.output import (
    html_output_dir,
    is_html_page,
    shipped_bytes,
    write_bytes_if_changed,
    write_if_changed,
)
from sphinx_crawl.render.baby import AGES_SCRIPT, COMPANION_SCRIPTS, RULES_FILE, TEXT_FILE
from sphinx_crawl.render.emergency import texts as emergency_texts
from sphinx_crawl.render.postings import decode_postings, encode_postings
from sphinx_crawl.render.search_kept import (
    KEPT_NAME,
    ROW_WIDTH,
    EntryWords,
    KeptIndex,
    RawRow,
    pack_page,
    unpack_page,
)
from sphinx_crawl.render.search_page import is_search_page, setup_search_page
from sphinx_crawl.render.search_preload import preload_script, written_upfront
from sphinx_crawl.render.search_shards import (
    Earlier,
    Parts,
    compact_json,
    fold,
    split_index,
    stemmers,
    write_parts,
)
from sphinx_crawl.render.search_words import emergency_search_data, search_vocabulary

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_crawl.core.entries import EntryData

SEARCH_INDEX_FILE = "crawl-searchindex.js"

#: The indexed fields: key in the index, and whether stop words are left out.
FIELDS = (
    ("k", "keywords", False),
    ("t", "title", False),
    ("g", "tags", False),
    ("x", "text", True),
)

_APOSTROPHES = re.compile("['\u2019]")
_LITTLE_ONE = re.compile(r"\blittle ones?\b")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, as crawl-search.js splits them (letters and digits; no apostrophes)."""
    text = text.lower()
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHES.sub("", text)
    if "little one" in text:
        text = _LITTLE_ONE.sub(" ", text)
    return _WORD.findall(text)


def _field_words(entry: EntryData, name: str, stop: frozenset[str] | None) -> set[str]:
    value = entry[name]  # type: ignore[literal-required]
    # List items joined by a mark no word crosses ("little | one" is two words).
    found = set(words(value if isinstance(value, str) else " | ".join(value)))
    return found - stop if stop else found


def build_index(app: Sphinx) -> tuple[dict[str, Any], KeptIndex, Earlier | None]:
    """The index: entries as rows of table indices, and each field's words; what is kept
    of it for the next build; and the last build's parts, with what changed since (when
    the index was patched from the last build's)."""
    entries = crawl_domain(app.env).searchable()
    positions = [position_key(entry) for entry in entries]
    parts_of = _entry_parts(app)
    found = load_kept(app, KEPT_NAME, positions, crawl_domain(app.env).referencing())
    kept, earlier = None, None
    if found and isinstance(found.payload, KeptIndex):
        parts = found.payload.parts
        patched = _patched(found.payload, found.redo, entries, parts_of)
        if patched is not None:
            kept, changed_words = patched
            earlier = Earlier(parts[0], parts[1], parts[2], found.redo, changed_words)
    if kept is None:
        kept = _whole(entries, parts_of)
    hold(app, KEPT_NAME, positions, kept)
    rows, pages, labels, roles = _tables(kept.columns)
    stop, intent = search_vocabulary(app.config.language)
    index = {
        "version": 2,
        "entries": rows,
        "pages": pages,
        "labels": labels,
        "words": kept.words,
        "roles": roles,
        "skills": _skill_kinds(app, labels),
        **_lost_skills(entries, intent, stop),
        "stop": sorted(stop),
        "intent": intent,
        # Who gets a corrected age, as the age filter decides it (core/ages.py): a query
        # such as "12 months old, born 3 months early" is ranked for 9 months.
        "corrected_age": {
            "after_weeks_early": CORRECT_AFTER_WEEKS_EARLY,
            "until_months": CORRECT_UNTIL_MONTHS,
        },
        "synonyms": crawl_config(app.config).search_synonyms,
        "out_of_scope": fill_all(crawl_config(app.config).out_of_scope, app.config),
        "emergency": emergency_search_data(app),
        "concern": _concern(app, entries),
        "more": str(_("Where to find out more")),
        "heading": str(_("Entries in the handbook")),
        "none": str(_("No entry matches all of these words.")),
        # Said instead of Sphinx's "did not match any documents" when entries matched.
        "no_pages": str(_("No other page matches all of these words.")),
        "excerpt_chars": EXCERPT_CHARS,
        # Said instead of Sphinx's "did not match any documents ... enough categories".
        "no_match": str(_("No page matches all of these words. Try fewer words, or other words.")),
        # Sphinx's own count of the pages found, in the project's language (Sphinx's
        # Spanish catalog has it empty, which its script shows as no text at all).
        "pages_found": [
            str(_("Found one page with these words.")),
            str(_("Found {count} pages with these words.")),
        ],
        "box": search_box_texts(),
    }
    return index, kept, earlier


def _skill_kinds(app: Sphinx, labels: list[str]) -> list[str]:
    """The kinds (label indices, as ``roles`` keys them) whose entries name what a baby
    learns to do at an age: the types that require an age (milestones). A word of their
    titles is a skill a query may say is gone ("no longer crawls"); a tip's title is what
    a parent does ("tummy time": "doesn't want tummy time anymore" is no skill lost, s46).
    """
    skills = {str(t.label) for t in crawl_domain(app.env).content_types if t.age_required}
    return [str(n) for n, label in enumerate(labels) if label in skills]


def _lost_skills(
    entries: list[EntryData], intent: dict[str, list[str]], stop: frozenset[str]
) -> dict[str, list[Any]]:
    """The skills keywords name after a verb of stopping ("stopped sitting": "sitting";
    "dejó de gatear": "gatear"), and the entries (rows) whose keywords do. A query that
    names such a skill with no word of losing it or of a time before ("my baby is
    sitting", "from sitting to crawling") does not find those entries by it: before
    (s48), the sign of a skill lost, urgent, came first. Up front in a split index, as
    the query's words alone do not load the keywords' verb of stopping."""
    stopping = {fold(w) for w in intent.get("no_longer", [])} & {
        fold(w) for w in intent.get("negation", [])
    }
    skills: set[str] = set()
    rows: list[int] = []
    for n, entry in enumerate(entries):
        for phrase in entry["keywords"]:
            said = words(phrase)
            at = next((i for i, word in enumerate(said) if fold(word) in stopping), None)
            if at is not None:
                skills.update(word for word in said[at + 1 :] if word not in stop)
                rows.append(n)
    return {"lost_skill_words": sorted(skills), "lost_skill_rows": sorted(set(rows))}


EntryParts = Callable[["EntryData"], tuple[RawRow, EntryWords]]


def _entry_parts(app: Sphinx) -> EntryParts:
    """What the index holds of an entry: its row (labels as text) and its words."""
    registry = crawl_domain(app.env).content_types
    address = entry_addresses(app.builder)
    stop, _intent = search_vocabulary(app.config.language)

    def parts(entry: EntryData) -> tuple[RawRow, EntryWords]:
        content_type = registry.get(entry["type"])
        page, _hash, anchor = address(entry).partition("#")
        row = [
            entry["title"],
            page,
            anchor,
            str(content_type.label) if content_type else entry["type"],
            badge(content_type, entry["fields"]),
            entry["age"]["label"] if entry["age"] else "",
            *_age_span(entry),
            (content_type.search_role or "") if content_type else "",
        ]
        found = {
            key: _field_words(entry, name, stop if skip_stop else None)
            for key, name, skip_stop in FIELDS
        }
        return row, found

    return parts


def _whole(entries: list[EntryData], parts_of: EntryParts) -> KeptIndex:
    """Every entry's row and words, worked out (a clean build, or an edit that moved an
    entry)."""
    rows: list[RawRow] = []
    postings: dict[str, dict[str, list[int]]] = {key: {} for key, _, _ in FIELDS}
    by_page: dict[str, list[tuple[int, EntryWords]]] = {}
    for position, entry in enumerate(entries):
        row, found = parts_of(entry)
        rows.append(row)
        by_page.setdefault(entry["docname"], []).append((position, found))
        for key, words_found in found.items():
            by_word = postings[key]
            for word in words_found:
                by_word.setdefault(word, []).append(position)
    total = len(rows)
    words = {
        key: {word: encode_postings(found, total) for word, found in sorted(by.items())}
        for key, by in postings.items()
    }
    pages = {docname: pack_page(found) for docname, found in by_page.items()}
    columns = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in range(ROW_WIDTH)]
    return KeptIndex(columns, words, pages)


def _patched(
    kept: KeptIndex, redo: set[int], entries: list[EntryData], parts_of: EntryParts
) -> tuple[KeptIndex, set[str]] | None:
    """The kept index with the entries at ``redo`` worked out again: their rows, and the
    entries of each word they gained or lost; and those words. None if a page's words
    are missing."""
    docnames = {entries[position]["docname"] for position in redo}
    if not docnames <= kept.by_page.keys():
        return None
    pages = {docname: dict(unpack_page(kept.by_page[docname])) for docname in docnames}
    changes: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    for position in sorted(redo):
        entry = entries[position]
        row, found = parts_of(entry)
        for column, value in zip(kept.columns, row, strict=True):
            column[position] = value
        old = pages[entry["docname"]].get(position)
        if old is None:
            return None
        for key, words_found in found.items():
            before = old.get(key, set())
            for word in before - words_found:
                changes.setdefault((key, word), (set(), set()))[0].add(position)
            for word in words_found - before:
                changes.setdefault((key, word), (set(), set()))[1].add(position)
        pages[entry["docname"]][position] = found
    total = len(entries)
    unsorted: set[str] = set()
    for (key, word), (lost, gained) in changes.items():
        by_word = kept.words[key]
        now = set(decode_postings(by_word[word], total)) if word in by_word else set()
        if word not in by_word:
            unsorted.add(key)
        now = (now - lost) | gained
        if now:
            by_word[word] = encode_postings(sorted(now), total)
        else:
            del by_word[word]
    for key in unsorted:
        kept.words[key] = dict(sorted(kept.words[key].items()))
    for docname, found_on in pages.items():
        kept.by_page[docname] = pack_page(sorted(found_on.items()))
    return kept, {word for _key, word in changes}


def _tables(
    columns: list[list[Any]],
) -> tuple[list[list[Any]], list[str], list[str], dict[str, str]]:
    """The rows as the index writes them, with the page and label tables (each in the
    order of first use) and the kinds' search roles."""
    labels: dict[str, int] = {"": -1}  # no text: -1 (left out of the table below)
    pages: dict[str, int] = {}
    roles: dict[str, str] = {}  # kind label index -> the type's search role
    # Inline lookups, not a helper per cell: three labels per entry, 20,000 entries.
    label, page_number = labels.setdefault, pages.setdefault
    rows = []
    for title, page, anchor, kind_text, badge_text, age_text, start, until, role in zip(
        *columns, strict=True
    ):
        kind = label(kind_text, len(labels) - 1)
        if role:
            roles[str(kind)] = role
        rows.append(
            [
                title,
                page_number(page, len(pages)),
                anchor,
                kind,
                label(badge_text, len(labels) - 1),
                label(age_text, len(labels) - 1),
                start,
                until,
            ]
        )
    del labels[""]
    return rows, list(pages), list(labels), roles


def _age_span(entry: EntryData) -> list[float | None]:
    """From what age an entry concerns a baby (a deadline a month early, as the age
    filter shows it), and until when: a query that names an age ("9 months") ranks an
    entry for an older baby lower."""
    age = entry["age"]
    if age is None:
        return [None, None]
    start = age["min_months"]
    if age.get("kind") == "by":
        start = max(0, start - DEADLINE_LEAD_MONTHS)
    return [start, age["max_months"]]


def _concern(app: Sphinx, entries: list[EntryData]) -> dict[str, Any]:
    """The entry a worry the handbook does not cover is sent to (its row), and the note."""
    concern = crawl_config(app.config).concern
    if not concern.entry:
        return {}
    row = next((n for n, entry in enumerate(entries) if entry["id"] == concern.entry), None)
    if row is None:
        warn(
            f"crawl_search_concern: no entry has the id {concern.entry!r}; the search "
            "cannot show it to a worried parent",
            config_location(app, "crawl_search_concern"),
            "config",
        )
        return {}
    return {"row": row, "text": concern.text or emergency_texts(app.config)["concern"]}


def _json_string(payload: Any) -> str:
    """``JSON.parse('...')``: browsers parse a large JSON string faster than the same
    data written as a JavaScript literal."""
    return _parsed(compact_json(payload))


def _parsed(text: str) -> str:
    """``JSON.parse('...')`` of the JSON ``text``."""
    # In a single-quoted JavaScript string: backslashes, quotes, line ends, and "</"
    # (a script element must not see its own end tag) are escaped.
    quoted = (
        text.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("</", "<\\/")
    )
    return f"JSON.parse('{quoted}')"


def _script(assignment: str, payload: Any) -> str:
    """``<assignment> = JSON.parse('...');``"""
    return f"{assignment} = {_json_string(payload)};\n"


def _call(opening: str, text: str) -> str:
    """``<opening>,<the JSON text>);``: a part handing its data to the search. As a
    literal, not ``JSON.parse('...')`` as the up-front index (27 kB at 5,000 entries):
    a part is a few kB at most, and the 14 bytes of the call were a tenth of a part of
    rows gzipped (s52). The two line separators JSON leaves as they are, which older
    JavaScript does not take in a string, are escaped."""
    literal = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{opening},{literal});\n"


#: What the parts were written with (search_shards.write_parts), beside Sphinx's
#: pickled environment, one per builder.
PARTS_MANIFEST = "crawl-search-parts-{}.json"
#: This build's index, split: worked out when the search page is written (it asks for
#: the parts a query needs at once: render/search_preload.py), written when it ends.
_SPLIT: WeakKeyDictionary[Sphinx, tuple[dict[str, Any], dict[str, Any]]] = WeakKeyDictionary()


def _new_build(app: Sphinx, env: Any, *changes: object) -> list[str]:
    """``env-get-outdated``, as each build starts: no index kept from an earlier one."""
    _SPLIT.pop(app, None)
    drop_held(app, KEPT_NAME)
    return []


@with_cycle_gc_paused
def split_search_index(app: Sphinx) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what goes up front, {part name: data}), once per build."""
    if app not in _SPLIT:
        split = crawl_config(app.config).search_split_bytes
        # Sphinx's stemmer for the language, as its search index (and page) use it.
        language = getattr(getattr(app.builder, "indexer", None), "lang", None)
        stems = stemmers(app.config.language, getattr(language, "stem", None))
        index, kept, earlier = build_index(app)
        _SPLIT[app] = _upfront, parts = split_index(index, split, stems, earlier)
        # Kept with the index for the next build; write_parts adds the files' digests.
        kept.parts = (
            (parts.texts, parts.digests, parts.basis) if isinstance(parts, Parts) else ({}, {}, [])
        )
    return _SPLIT[app]


def _upfront_for_search_page(app: Sphinx) -> dict[str, Any] | None:
    """The up-front table this build's search page goes with: the one written last when
    nothing was read (see incremental.outputs_current), else this build's."""
    if outputs_current(app):
        return written_upfront(Path(app.outdir) / SEARCH_INDEX_FILE)
    return split_search_index(app)[0]


@with_cycle_gc_paused
def write_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the index (split into parts when large: see search_shards),
    built every time and written only where its bytes change (an index a stopped build
    left short is rewritten)."""
    outdir = html_output_dir(app, exception)
    if outdir is None or outputs_current(app):
        return  # not HTML, or as the last finished build left it (nothing was read)
    upfront, parts = split_search_index(app)
    _SPLIT.pop(app, None)
    manifest = Path(app.doctreedir) / PARTS_MANIFEST.format(app.builder.name)
    write_parts(outdir, parts, _call, manifest)
    # Last, so a page never loads an index whose parts are not there yet.
    write_if_changed(outdir / SEARCH_INDEX_FILE, _script("window.crawlSearchIndex", upfront))
    save_held(app, KEPT_NAME)  # the index as worked out, for the next build


#: The entry search's script: copied into ``_static`` and loaded by the search page only.
SEARCH_SCRIPT = "crawl-search.js"
#: Scripts of the extension the search page has no use for: the companion's (the baby
#: panel, the tracker, checklists), its words and rules, and the ages they compute
#: with: 5 requests and 11 KiB gzipped fewer on the search page (issue 27).
NOT_ON_SEARCH_PAGE = frozenset({AGES_SCRIPT, *COMPANION_SCRIPTS, RULES_FILE, TEXT_FILE})
_STATIC = Path(__file__).resolve().parents[1] / "static"


def copy_search_script(app: Sphinx) -> None:
    """``builder-inited``: the search script into ``_static`` (only when changed)."""
    if app.builder.format == "html":
        data = shipped_bytes(_STATIC / SEARCH_SCRIPT)
        write_bytes_if_changed(Path(app.builder.outdir) / "_static" / SEARCH_SCRIPT, data)


def load_index_on_search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the search page, and no other, gets the search script
    (``script_files`` of this page alone: every theme prints them), and asks for the
    index in its ``<head>`` so it downloads beside Sphinx's own (a theme that prints no
    ``metatags`` still works: the script then loads the index itself)."""
    if is_search_page(templatename, context) and is_html_page(app, context):
        # Before the other deferred scripts (priority 500), which the search does not
        # need: they run in document order, and a reader's first results wait for
        # every one before them (18 to 28 ms of crawl.js and the tracker's at 1,500).
        # At high priority, as the index (below): a deferred script is fetched at low
        # priority, and Chromium lets one such request out at a time while the page's
        # head is read (the index came 100 ms after it was asked for, at 5,000 entries).
        app.add_js_file(SEARCH_SCRIPT, loading_method="defer", priority=450, fetchpriority="high")
        scripts = context.get("script_files")
        if isinstance(scripts, list):
            # In place: the list is the builder's for this page, where handlers after
            # this one add theirs (the emergency line's parts: render/top.py).
            scripts[:] = [
                script
                for script in scripts
                if Path(str(getattr(script, "filename", script))).name not in NOT_ON_SEARCH_PAGE
            ]
        index = context["pathto"](SEARCH_INDEX_FILE, 1)
        upfront = _upfront_for_search_page(app)
        preload = preload_script(upfront, words) if upfront else ""
        context["metatags"] = (
            context.get("metatags", "")
            + preload
            + f'\n<script defer fetchpriority="high" src="{index}"></script>'
        )


def search_box_texts() -> dict[str, str]:
    return {"label": str(_("Search the handbook")), "button": str(_("Search"))}


def search_box_html(action: str, field_id: str, english: str = "") -> str:
    """A search form: the label in words above the field, a button to send it.
    ``english``: `` lang="en"`` where these words show in English on a page of another
    language (i18n.words_in_english), so that they are so read without JavaScript too."""
    texts = {key: escape(value) for key, value in search_box_texts().items()}
    return (
        f'<form class="crawl-search-box" role="search" method="get" action="{escape(action)}">'
        f'<label for="{escape(field_id)}"{english}>{texts["label"]}</label>'
        f'<input id="{escape(field_id)}" name="q" type="search" value="" '
        'autocomplete="off" enterkeyhint="search" />'
        f'<button type="submit"{english}>{texts["button"]}</button></form>\n'
    )


def add_search_box(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a search box at the top of every page's content. The CSS
    shows it on narrow screens only, where themes fold their own box into a menu; the
    search page gets one at every width from crawl-search.js, filled with the query."""
    body = context.get("body")
    if doctree is None or not isinstance(body, str) or not is_html_page(app, context):
        return
    if not getattr(app.builder, "search", True):
        return  # html_search is off: there is no search page to send the query to
    if not crawl_config(app.config).search_box:
        return  # the theme keeps its own box in view
    field_id = free_id("crawl-search-q", lambda name: f'id="{name}"' not in body)
    english = words_in_english(app.config)
    context["body"] = search_box_html(context["pathto"]("search"), field_id, english) + body


def setup_search(app: Sphinx) -> None:
    app.connect("html-page-context", add_search_box)
    app.connect("build-finished", write_search_index)
    app.connect("env-get-outdated", _new_build)
    app.connect("html-page-context", load_index_on_search_page)
    app.connect("builder-inited", copy_search_script)
    setup_search_page(app)
