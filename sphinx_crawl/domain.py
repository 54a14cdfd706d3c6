"""The ``crawl`` domain: entries as addressable objects.

Its data is plain, per document, and merged only for the documents in hand,
which is what keeps ``-j`` and incremental builds equal to clean serial ones::

    data["entries"][docname]    -> [EntryData, ...] in document order, as one JSON
                                   string (core/stored.py: quick to unpickle)
    data["collectors"][docname] -> [collector spec, ...] (crawl-list, crawl-sources, refs),
                                   one JSON string too
    data["extensions"][docname] -> [ExtensionData, ...] (crawl-extend, in page order)
    data["only"][docname]       -> {expression: value} of each ``only`` around an entry
                                   or crawl-extend, as this build's tags decided it

Views of it (entries by id with every crawl-extend applied, back-links...) are derived
from the whole, so the order pages are read in cannot change them. Two are stored, as
every build asks for them: the objects Sphinx wants (``data["objects"]``) and the
entries' age range (``data["age_range"]``), worked out once the pages are read
(``env-updated``) and kept with the state of the data they come from; the objects'
columns of strings as one text each (quick to pickle and unpickle, as the entries are).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.roles import XRefRole
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ReadEntryTexts, entry_title, read_document
from sphinx_crawl.config import (
    SourceData,
    config_location,
    crawl_config,
    declared_sources,
    is_demo_page,
    source_language_classes,
)
from sphinx_crawl.contacts import contact_nodes, fill_contacts, unknown_kind_message
from sphinx_crawl.core.adapt import ExtendProblem, ExtensionData, apply_extensions
from sphinx_crawl.core.content_types import (
    ContentTypeRegistry,
    as_words,
    given_to,
    hook_value,
    let_interrupts_through,
    shown_value,
)
from sphinx_crawl.core.cycle_gc import with_cycle_gc_paused
from sphinx_crawl.core.derive import age_sort_key, source_anchor
from sphinx_crawl.core.entries import EntryData, entry_refers, fill_references, slugify
from sphinx_crawl.core.stored import (
    DecodedCache,
    DecodedCollectors,
    StoredPageLists,
    encode_page_list,
)
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.i18n import _
from sphinx_crawl.types import get_registry, seal_registry

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

    from sphinx_crawl.core.content_types import ContentType

#: Bump when the shape of the data changes: old pickled environments are discarded.
DATA_VERSION = 14  # 2: ages carry their kind; 3: no "shown" digests (see incremental.py);
# 4: references in entry text are placeholders (see core/entries.py); 5: relations;
# 6: imported entries; 7: crawl-extend records; 8: entries kept out of Sphinx's index;
# 9: a page's entries stored as a JSON string, the objects kept with their state;
# 10: entries in an ``only`` false for the build left out, the expressions kept;
# 11: entries from an included file say which, and the line in it; 12: ids made from
# titles say so; 13: a page's collectors stored as a JSON string, the objects as columns;
# 14: the pages with math, and what each page's content loads from other hosts


_NO_ENTRY = "names no entry"
#: The key of the data's state, a digest of all of it (see incremental.data_settled).
STATE = "state"


class CrawlXRefRole(XRefRole):
    """``{crawl:tip}`id``` and friends; titles are used as link text by default."""

    def __init__(self) -> None:
        # Dangling references are reported by warn_missing_reference, once intersphinx
        # and other missing-reference handlers have had their chance.
        super().__init__(lowercase=False, innernodeclass=nodes.inline, warn_dangling=True)


class ContactRole(SphinxRole):
    """``{crawl:contact}`doctor```: whom to call for ``doctor`` in this build's place
    (``crawl_contacts``, ``crawl_place``), numbers as ``tel:`` links."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        settings = crawl_config(self.config)
        kind = self.text.strip()
        found = contact_nodes(settings, kind)
        if found is None:
            warn(unknown_kind_message(settings, kind), self.get_location(), "ref")
            found = [nodes.Text(kind)]
        return [nodes.inline(self.rawtext, "", *found, classes=["crawl-contact"])], []


#: What a duplicate id's warning says of the definition it is at (the author saw it on
#: its page and wondered why crawl.json, the lists and links showed the other).
SECOND_DEFINITION = (
    ", which counts: this one shows on its own page only (not in crawl.json, the index "
    "pages, the search or links)"
)


class CrawlDomain(Domain):
    name = "crawl"
    label = "Crawl handbook"
    # Object types, roles and indices of content types are added as they register.
    object_types: ClassVar[dict[str, ObjType]] = {}
    roles: ClassVar[dict[str, Any]] = {"source": CrawlXRefRole(), "contact": ContactRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "entries": {},
        "collectors": {},
        "extensions": {},
        "only": {},
    }
    data_version = DATA_VERSION

    #: The content types of this project (set on the per-project subclass made by
    #: :func:`domain_for`); every reader of the types asks the domain for them.
    content_types: ClassVar[ContentTypeRegistry] = ContentTypeRegistry()

    def setup(self) -> None:
        """Sphinx's (a label for each index page), and the labels of index pages of a
        content type now gone (its plugin taken out) leave the stored environment, as a
        clean build has none (s54: ``objects.inv`` still listed the old page's label)."""
        super().setup()
        std = self.env.get_domain("std")
        ours = f"{self.name}-"
        current = {f"{ours}{index.name}" for index in self.indices}
        for labels in (getattr(std, "labels", {}), getattr(std, "anonlabels", {})):
            for label in [name for name in labels if name.startswith(ours)]:
                if labels[label][0] == label and label not in current:
                    del labels[label]

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        for content_type in self.content_types:
            self.add_object_type(
                content_type.name, ObjType(content_type.label, content_type.name, "any")
            )
        #: Derived views of self.data (by id, sources, back-links, page digests...), each
        #: made on first use and all dropped together when the data changes.
        self.views_cache: dict[str, Any] = {}
        #: Pages' entries and collectors decoded from their stored strings, kept while
        #: they are stored.
        self._decoded: DecodedCache = {}
        self._decoded_collectors: DecodedCollectors = {}
        #: The build's tags (set as each build starts, see :func:`read_again_for_tags`):
        #: an entry in an ``only`` they make false is not part of this build's data.
        self.tags: Tags | None = None

    def _data_changed(self) -> None:
        self.views_cache = {}

    def forget_views(self) -> None:
        """Drop every view and decoded page list (worked out again when next asked for)."""
        self.views_cache = {}
        self._decoded.clear()
        self._decoded_collectors.clear()

    # -- data -----------------------------------------------------------------

    @property
    def entries_by_doc(self) -> StoredPageLists[EntryData]:
        return StoredPageLists(self.data["entries"], self._decoded)

    @property
    def collectors(self) -> Mapping[str, list[dict[str, Any]]]:
        return StoredPageLists(self.data["collectors"], self._decoded_collectors)

    @property
    def extensions_by_doc(self) -> dict[str, list[ExtensionData]]:
        return self.data["extensions"]  # type: ignore[no-any-return]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Collect everything the domain stores about ``docname``, from its doctree.

        The one writer of domain data: directives and roles only leave nodes.
        """
        conditions: dict[str, bool] = {}
        entries, collectors, extensions = read_document(
            docname,
            document,
            is_demo_page(env.config, docname),
            shown=None if self.tags is None else partial(is_shown_with, self.tags),
            conditions=conditions,
        )
        if conditions:
            self.data["only"][docname] = conditions
        if entries:
            stored, decoded = encode_page_list(entries)
            self.data["entries"][docname] = stored
            self._decoded[docname] = (stored, decoded)
        if collectors:
            stored_specs, specs = encode_page_list(collectors)
            self.data["collectors"][docname] = stored_specs
            self._decoded_collectors[docname] = (stored_specs, specs)
        if extensions:
            self.extensions_by_doc[docname] = extensions
        self._data_changed()

    def clear_doc(self, docname: str) -> None:
        self.data["entries"].pop(docname, None)
        self._decoded.pop(docname, None)
        self.data["collectors"].pop(docname, None)
        self._decoded_collectors.pop(docname, None)
        self.extensions_by_doc.pop(docname, None)
        self.data["only"].pop(docname, None)
        self._data_changed()

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("entries", "collectors", "extensions", "only"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self._data_changed()

    def sources(self) -> dict[str, SourceData]:
        """Every source an entry may cite: crawl_sources in conf.py order, then those
        imported entries brought, in the handbook's order (the first description of a
        key wins)."""
        if "sources" not in self.views_cache:
            found = dict(declared_sources(self.env.config))
            for entry in self.all_entries():
                imported = entry.get("imported")  # (no empty dict made for every entry)
                for key, source in imported.get("sources", {}).items() if imported else ():
                    found.setdefault(key, source)
            self.views_cache["sources"] = found
        sources: dict[str, SourceData] = self.views_cache["sources"]
        return sources

    def source_label(self, key: str) -> str:
        """How a citation of ``key`` reads: its title, and who published it where
        another source has the same title (two "Developmental regression" pages)."""
        if "source_labels" not in self.views_cache:
            sources = self.sources()
            titles = [source["title"] for source in sources.values()]
            self.views_cache["source_labels"] = {
                key: (
                    f"{source['title']}, {source.get('publisher') or source.get('author')}"
                    if titles.count(source["title"]) > 1
                    and (source.get("publisher") or source.get("author"))
                    else source["title"]
                )
                for key, source in sources.items()
            }
        labels: dict[str, str] = self.views_cache["source_labels"]
        return labels.get(key, key)

    def sources_pages(self) -> list[str]:
        """Pages holding a crawl-sources list; source links point at the first."""
        if "sources_pages" not in self.views_cache:
            self.views_cache["sources_pages"] = sorted(
                doc for doc, specs in self.collectors.items() if {"kind": "sources"} in specs
            )
        pages: list[str] = self.views_cache["sources_pages"]
        return pages

    def pages_with(self, kind: str) -> list[str]:
        """Pages holding a collector of ``kind`` (e.g. ``"baby"``: the baby's panel);
        worked out once per state of the data, not once per page written."""
        key = f"pages_with:{kind}"
        if key not in self.views_cache:
            self.views_cache[key] = sorted(
                doc
                for doc, specs in self.collectors.items()
                if any(s["kind"] == kind for s in specs)
            )
        pages: list[str] = self.views_cache[key]
        return pages

    def signs_page(self) -> tuple[str, str] | None:
        """The page with the most warning signs on it (entries of types whose search role
        is "sign"), and its title: where a reader is sent when an age has passed."""
        if "signs_page" not in self.views_cache:
            signs = {ct.name for ct in self.content_types if ct.search_role == "sign"}
            # Counted by map, not a generator: 20,000 entries, every build that reads a page.
            counts = sorted(
                (-sum(map(signs.__contains__, map(itemgetter("type"), entries))), docname)
                for docname, entries in self.entries_by_doc.items()
            )
            found = next(
                (
                    (doc, self.env.titles[doc].astext())
                    for n, doc in counts
                    if n < 0 and doc in self.env.titles
                ),
                None,
            )
            self.views_cache["signs_page"] = found
        page: tuple[str, str] | None = self.views_cache["signs_page"]
        return page

    def all_entries(self) -> Iterator[EntryData]:
        """Every entry, ordered by document name, then position in the document."""
        for docname in sorted(self.entries_by_doc):
            yield from self._entries_on(docname)

    def _entries_on(self, docname: str) -> list[EntryData]:
        """The entries ``docname`` stores, each with the id it is known by."""
        entries = self.entries_by_doc.get(docname, [])
        made = self.made_unique()
        if not any(docname == page for page, _ in made):
            return entries
        return [
            {**e, "id": made[key][0], "anchor": made[key][0]}
            if (key := (docname, e["anchor"])) in made
            else e
            for e in entries
        ]

    def made_unique(self) -> dict[tuple[str, str], tuple[str, EntryData]]:
        """(page, anchor) -> (the id it is known by, the entry that has its own id) of
        each entry whose id, made from its title, another entry has ("Ünïcödé Çafé" and
        "Unicode Cafe" both make ``unicode-cafe``).

        Worked out from every page at once, never from the order pages are read in: ids
        authors wrote are theirs first; then ids made from titles, in the handbook's
        order (pages by name, then the page's order), each to the first entry that
        has it. A later one is known by its anchor on its page, where no entry has that
        id (a second on one page: ``unicode-cafe-2``), else by the id followed by its
        page's name (``unicode-cafe-tips-food``), and then a number; that is its anchor
        too (UniqueAnchors). Each is warned of, telling the author which ``:id:`` to
        write (check_duplicates)."""
        if "made_unique" not in self.views_cache:
            by_doc = self.entries_by_doc
            by_doc.decode_all()
            ordered = [e for doc in sorted(by_doc) for e in by_doc[doc]]
            titled = [e for e in ordered if e.get("id_from_title")]
            # Where every id is an author's, none is made unique: no pass more over the
            # entries (three over 20,000 cost an edit 0.02 s).
            made = _made_unique(ordered, titled) if titled else {}
            self.views_cache["made_unique"] = made
        unique: dict[tuple[str, str], tuple[str, EntryData]] = self.views_cache["made_unique"]
        return unique

    def by_id(self) -> dict[str, EntryData]:
        """The entry each id refers to: the first definition wins (see check_duplicates).
        References in their text read as the titles they link to."""
        if "by_id" not in self.views_cache:
            stored, refers = self.stored_by_id(), self.referencing()
            self.views_cache["by_id"] = {
                key: self._readable(e) if key in refers else e for key, e in stored.items()
            }
        by_id: dict[str, EntryData] = self.views_cache["by_id"]
        return by_id

    def stored_by_id(self) -> dict[str, EntryData]:
        """by_id as stored, with every crawl-extend applied: references in the text still
        placeholders (cheaper than by_id where only fields such as the type are read)."""
        if "stored" not in self.views_cache:
            written: dict[str, EntryData] = {}
            for entry in self.all_entries():
                written.setdefault(entry["id"], entry)
            extensions = [
                e for doc in sorted(self.extensions_by_doc) for e in self.extensions_by_doc[doc]
            ]
            stored, problems = apply_extensions(
                written,
                extensions,
                self.content_types,
                self.env.config.project or "",
                partial(fill_contacts, config=self.env.config),
            )
            self.views_cache["stored"] = stored
            self.views_cache["extend_problems"] = problems
        by_id: dict[str, EntryData] = self.views_cache["stored"]
        return by_id

    def is_shown_here(self, entry: EntryData) -> bool:
        """Whether ``entry`` (as its page stores it) is the one its id refers to: not a
        second definition of the id."""
        held = self.stored_by_id().get(entry["id"])
        return held is not None and (held["docname"], held["anchor"]) == (
            entry["docname"],
            entry["anchor"],
        )

    def check_extensions(self) -> None:
        """Every crawl-extend problem (an id naming no entry, a field the entry's type does
        not have, two setting one field differently), at the crawl-extend's line."""
        self.stored_by_id()
        problems: list[ExtendProblem] = self.views_cache["extend_problems"]
        for problem in problems:
            message = problem.message
            if problem.other is not None:
                other_doc, other_line = problem.other
                message = message.replace("{other}", f"{self.env.doc2path(other_doc)}:{other_line}")
            warn(
                f"crawl-extend: {message}",
                (problem.docname, problem.lineno),
                problem.subtype,  # type: ignore[arg-type]
            )

    def referencing(self) -> frozenset[str]:
        """The ids of the entries whose title, text or fields refer to another entry or a
        source: what they read as follows the titles they name."""
        if "referencing" not in self.views_cache:
            self.views_cache["referencing"] = frozenset(
                entry_id for entry_id, entry in self.stored_by_id().items() if entry_refers(entry)
            )
        found: frozenset[str] = self.views_cache["referencing"]
        return found

    def searchable(self) -> list[EntryData]:
        """The entries as the entry search indexes them: references to entries read as
        their titles, references to sources left out (a source's title says nothing of
        what the entry is about)."""
        if "searchable" not in self.views_cache:
            refers = self.referencing()
            self.views_cache["searchable"] = [
                self._readable(entry, source_titles=False) if key in refers else entry
                for key, entry in self.stored_by_id().items()
            ]
        entries: list[EntryData] = self.views_cache["searchable"]
        return entries

    def entries_of(self, docname: str) -> list[EntryData]:
        """The entries defined on ``docname``, in page order, as readers see them (with
        what crawl-extend changed)."""
        stored = self.stored_by_id()
        return [
            self._readable(stored[entry["id"]] if self.is_shown_here(entry) else entry)
            for entry in self._entries_on(docname)
        ]

    def _readable(self, entry: EntryData, source_titles: bool = True) -> EntryData:
        """The entry with placeholders for references in its text filled with titles."""
        if not entry_refers(entry):
            return entry
        fill = partial(fill_references, title_of=partial(self._title_of, source_titles))
        return {
            **entry,
            "title": fill(entry["title"]),
            "text": fill(entry["text"]),
            "fields": {k: fill(v) if isinstance(v, str) else v for k, v in entry["fields"].items()},
        }

    def _title_of(self, source_titles: bool, kind: str, target: str) -> str | None:
        if kind == "source":
            if not source_titles:
                return ""
            return self.sources().get(target, {}).get("title")
        entry = self.stored_by_id().get(target)
        if entry is None:
            return None
        return fill_references(entry["title"], lambda kind, target: None)

    def location(self, entry: EntryData | Mapping[str, Any]) -> str:
        """Where the entry's directive is: its file (the one an rST ``.. include::``
        brought it from, if so) and line, for warnings once every page is read."""
        if "included" in entry:
            path, line = entry["included"]
            if path.startswith("<"):  # rst_prolog or rst_epilog, in conf.py
                return f"{path}:{line}"
            return f"{Path(self.env.srcdir, path)}:{line}"
        return f"{self.env.doc2path(entry['docname'])}:{entry['lineno']}"

    def check_duplicates(self) -> None:
        first: dict[str, EntryData] = {}
        for entry in self.all_entries():
            seen = first.setdefault(entry["id"], entry)
            if seen is not entry:
                warn(
                    f"duplicate crawl id {entry['id']!r}; also defined at {self._where(seen)}"
                    f"{SECOND_DEFINITION}",
                    self.location(entry),
                    "id",
                )
        for (docname, anchor), (known_as, holder) in sorted(self.made_unique().items()):
            entry = next(e for e in self.entries_by_doc[docname] if e["anchor"] == anchor)
            kind = self.content_types.get(entry["type"])
            directive = kind.directive if kind else entry["type"]
            warn(
                f"{directive}: this title makes the id {entry['id']!r}, which the entry at "
                f"{self._where(holder)} has; this entry is known as {known_as!r} until you "
                f"give it an id of its own: add ':id: {known_as}' (or another)",
                self.location(entry),
                "id",
            )

    def _where(self, entry: EntryData) -> str:
        """An entry's file and line, and the page including that file if it is not it."""
        where = self.location(entry)
        if "included" in entry:  # one file may be included by the page that warns
            where += f" (included in {self.env.doc2path(entry['docname'])})"
        return where

    # -- relations between entries ---------------------------------------------------

    def relation_targets(self, entry: EntryData | Mapping[str, Any]) -> dict[str, list[str]]:
        """Relation name -> the ids ``entry`` declares that name an entry of a type the
        relation allows, in the order given (see check_relations for the rest)."""
        valid: dict[str, list[str]] = {}
        for name, target, problem in self._declared_links(entry):
            if problem is None and target not in valid.setdefault(name, []):
                valid[name].append(target)
        return {name: targets for name, targets in valid.items() if targets}

    def _declared_links(
        self, entry: EntryData | Mapping[str, Any]
    ) -> Iterator[tuple[str, str, str | None]]:
        """(relation name, target id, what is wrong with it or None) for each id the
        entry's relations name: the one check behind relation_targets and the warnings."""
        content_type = self.content_types.get(entry["type"])
        known = self.by_id()
        for name, ids in entry.get("relations", {}).items():
            relation = content_type.relation(name) if content_type else None
            if relation is None:
                continue
            for target in ids:
                problem = None
                if target == entry.get("id"):
                    problem = "is the entry itself"
                elif target not in known:
                    problem = _NO_ENTRY
                elif relation.targets and known[target]["type"] not in relation.targets:
                    allowed = ", ".join(relation.targets)
                    problem = f"is a {known[target]['type']}, not a {allowed}"
                yield name, target, problem

    def related_by(self, entry_id: str) -> dict[str, list[str]]:
        """Relation name -> the ids of the entries that declare it to ``entry_id``, in
        the handbook's order: the back-links, computed once per state of the data."""
        if "related_by" not in self.views_cache:
            self.views_cache["related_by"] = self.back_links()
        related: dict[str, list[str]] = self.views_cache["related_by"].get(entry_id, {})
        return related

    def back_links(self, ids: Collection[str] | None = None) -> dict[str, dict[str, list[str]]]:
        """Target id -> relation name -> the ids of the entries that link to it, for the
        targets in ``ids`` (None: every entry): related_by for a few entries works out
        the links of only the entries that name them."""
        back: dict[str, dict[str, list[str]]] = {}
        for entry in self.by_id().values():
            if not entry.get("relations") or (ids is not None and not names_any(entry, ids)):
                continue
            for name, targets in self.relation_targets(entry).items():
                for target in targets:
                    if ids is None or target in ids:
                        back.setdefault(target, {}).setdefault(name, []).append(entry["id"])
        return back

    def check_relations(self) -> None:
        """Each id a relation names must be another entry, of a type it allows: say where."""
        for entry in self.by_id().values():
            if not entry.get("relations"):
                continue
            for name, target, problem in self._declared_links(entry):
                if problem == _NO_ENTRY and "imported" in entry:
                    continue  # a link in the other handbook to an entry not imported
                if problem is not None:
                    warn(
                        f":{name}: {target!r} {problem}; the link is left out",
                        self.location(entry),
                        "relation",
                    )

    # -- objects, search and references ---------------------------------------------

    def check_first_ids(self) -> None:
        """A ``crawl-list :first:`` id that names no entry is a typo: say where."""
        known = self.by_id()
        for docname, specs in sorted(self.collectors.items()):
            for spec in specs:
                for entry_id in spec.get("first", []):
                    if entry_id not in known:
                        warn(
                            f"crawl-list: :first: names no entry {entry_id!r}",
                            (docname, spec.get("lineno")),
                            "filter",
                        )

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every entry, for ``objects.inv`` (intersphinx links to entries by id). With
        priority -1: Sphinx's own search index leaves them out, since the entry search
        (``crawl-searchindex.js``, on the same page) has them already; a reader's first
        search then downloads each entry once, not twice."""
        # A zip of the columns: Sphinx goes through every object twice in each build
        # (its search index, objects.inv), and a generator cost 0.01 s each at 20,000.
        return zip(*self.object_columns(), repeat(-1))

    def object_columns(self) -> list[list[str]]:
        """The ids, titles, types, pages and anchors of every entry, a list each: plain
        lists of strings, quick to unpickle (Sphinx asks for the objects in every
        build). Kept with the data's state (:meth:`_kept`)."""
        columns: list[list[str]] = self._kept("objects", self._object_columns)
        return columns

    def _object_columns(self) -> list[list[str]]:
        # The anchor is the entry's own, where its links in the handbook and crawl.json
        # land: objects.inv writes one equal to the id as "$" (it was the heading's,
        # "<id>-title": 0.35 MB more for Sphinx to compress at 20,000 entries).
        # By id, as Sphinx sorts them twice per build: sorted, that sort costs little.
        # The ids sorted, not (id, entry) pairs: no 20,000 tuples made and compared.
        by_id = self.by_id()
        ids = sorted(by_id)
        entries = list(map(by_id.__getitem__, ids))
        return [ids] + [list(map(itemgetter(key), entries)) for key in _OBJECT_KEYS]

    def _kept(self, key: str, work_out: Callable[[], Any]) -> Any:
        """The view ``key``: as kept in the data if the data's state is still the one it
        was made from (:meth:`remember_views`), else worked out; once per state."""
        if key not in self.views_cache:
            saved = self.data.get(key)
            state = self.data.get(STATE)
            kept = saved if isinstance(saved, dict) else {}
            value = _unpacked(kept) if state and kept.get(STATE) == state else None
            self.views_cache[key] = work_out() if value is None else value
        return self.views_cache[key]

    def remember_views(self) -> None:
        """Keep the views every build asks for, even one that reads no page (Sphinx's
        search index and objects.inv; the companion's words), with the data's state
        (``env-updated``, once it is known): such a build then decodes no entry."""
        for key, work_out in (("objects", self._object_columns), ("age_range", self._age_range)):
            value = work_out()
            self.data[key] = {STATE: self.data.get(STATE), **_packed(value)}
            self.views_cache[key] = value

    def age_range(self) -> list[float | None]:
        """The youngest age an entry is about, and the oldest its age window reaches (or
        starts at, when it has no end), in months; None for each when no entry has an
        age. Kept with the data's state (:meth:`_kept`): the companion's words ask for it
        in every build, and working it out decodes every entry (0.03 s of a rebuild with
        nothing to read at 5,000 entries)."""
        ages: list[float | None] = self._kept("age_range", self._age_range)
        return ages

    def _age_range(self) -> list[float | None]:
        ages = [entry["age"] for entry in self.stored_by_id().values() if entry["age"]]
        ends = [
            age["max_months"] if age["max_months"] is not None else age["min_months"]
            for age in ages
        ]
        return [min((age["min_months"] for age in ages), default=None), max(ends, default=None)]

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        target = node.get("reftarget")
        return str(target) if target else None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "source":
            return self._resolve_source(fromdocname, builder, target, node, contnode)
        entry = self.by_id().get(target)
        if entry is None or entry["type"] != typ:
            return None  # intersphinx may know it; else warn_missing_reference reports it
        return self._refnode(fromdocname, builder, entry, node, contnode)

    def warn_missing_reference(self, node: pending_xref) -> None:
        typ, target = node["reftype"], node["reftarget"]
        entry = self.by_id().get(target)
        kind = f"{typ} " if entry is None else f"{typ} (it is a {entry['type']}) "
        warn(f"reference to unknown crawl {kind}{target!r}", node, "ref")

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        entry = self.by_id().get(target)
        if entry is None:
            return []
        refnode = self._refnode(fromdocname, builder, entry, node, contnode)
        return [(f"crawl:{entry['type']}", refnode)]

    def _refnode(
        self,
        fromdocname: str,
        builder: Builder,
        entry: EntryData,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference:
        # [](#id) in MyST arrives with empty text, roles with the id: both get the title.
        if not node.get("refexplicit") and contnode.astext() in ("", entry["id"]):
            contnode = nodes.inline("", entry["title"], classes=contnode["classes"])
        return make_refnode(
            builder, fromdocname, entry["docname"], entry["anchor"], contnode, entry["title"]
        )

    def _resolve_source(
        self,
        fromdocname: str,
        builder: Builder,
        key: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        source = self.sources().get(key)
        if source is None and node.get("crawl_imported_title"):
            # An imported entry on a demo page: its sources are not kept either.
            return nodes.inline("", node["crawl_imported_title"], classes=["crawl-source-ref"])  # type: ignore[return-value]
        if source is None:
            warn(f"reference to unknown source {key!r} (not in crawl_sources)", node, "source")
        text = (
            contnode.astext() if node.get("refexplicit") or not source else self.source_label(key)
        )
        label = nodes.inline("", text, classes=["crawl-source-ref"])
        if source and not node.get("refexplicit"):
            label["classes"] += source_language_classes(source, self.env.config)
        pages = self.sources_pages()
        if not pages or source is None:
            # Plain text: no page lists sources, or none lists this one (a link would
            # lead to an anchor no page has).
            return label  # type: ignore[return-value]
        return make_refnode(
            builder, fromdocname, pages[0], source_anchor(key), label, label.astext()
        )

    def get_enumerable_node_type(self, node: nodes.Node) -> str | None:
        return None


class UniqueAnchors(SphinxPostTransform):
    """An entry known by another id than the one its title made (see
    CrawlDomain.made_unique) has it as its anchor on its page too, and its heading
    the matching ``-title`` anchor. Worked out as the page is written, from every page's
    data: each page showing such an entry links to the id (collect.read_document), so
    it is written again when what the id names changes."""

    default_priority = 5  # before ShowAdaptations (8), which finds entries by anchor

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        made = crawl_domain(self.env).made_unique()
        if not any(page == docname for page, _ in made):
            return
        for node in list(self.document.findall(crawl_nodes.is_entry_node)):
            assert isinstance(node, nodes.Element)
            old = node["ids"][0] if node["ids"] else None
            known = made.get((docname, old)) if old else None
            if known is None or known[0] == old:
                continue
            node["ids"] = [known[0], *node["ids"][1:]]
            for part in node.findall(nodes.Element):
                part["ids"] = [
                    f"{known[0]}-title" if i == f"{old}-title" else i for i in part["ids"]
                ]


class CrawlIndex(Index):
    """A domain index of one content type, grouped by its :class:`IndexSpec`."""

    content_type: ContentType

    @with_cycle_gc_paused
    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """The index's groups and rows; the whole index is worked out once per state of
        the data (incremental.py compares it with the page written last)."""
        assert isinstance(self.domain, CrawlDomain)
        if docnames is not None:
            return self._generate(docnames)
        key = f"index:{self.name}"
        if key not in self.domain.views_cache:
            self.domain.views_cache[key] = self._generate(None)
        whole: tuple[list[tuple[str, list[IndexEntry]]], bool] = self.domain.views_cache[key]
        return whole

    def _generate(
        self, docnames: Iterable[str] | None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        assert isinstance(self.domain, CrawlDomain)
        spec = self.content_type.index
        assert spec is not None
        wanted = set(docnames) if docnames is not None else None
        # One group per key: headings differing only in spelling ("Play", "play") are
        # one group, shown under the first spelling in sort order (stable under -j).
        groups: dict[Any, list[tuple[Any, IndexEntry]]] = {}
        headings: dict[Any, set[str]] = {}
        for entry in self.domain.by_id().values():
            if entry["type"] != self.content_type.name:
                continue
            if wanted is not None and entry["docname"] not in wanted:
                continue
            extra = entry["age"]["label"] if entry["age"] else ""
            # The type's badge ("Soon: book an appointment"), in the reader's language.
            summary = hook_value(self.content_type, "badge", entry["fields"])
            row = IndexEntry(
                entry["title"], 0, entry["docname"], entry["anchor"], extra, "", summary
            )
            order = (
                age_sort_key(entry["age"]),
                entry["title"].lower(),
                entry["id"],
            )
            keys: dict[Any, None] = {}  # tags "play, Play" are one key: listed once
            for key, heading in self._groups_of(entry):
                keys[key] = None
                headings.setdefault(key, set()).add(heading)
            for key in keys:
                groups.setdefault(key, []).append((order, row))
        # Groups whose headings read the same are one group (a tag "Untagged" and the
        # untagged entries, say): two alike headings would also give two alike HTML ids.
        merged: dict[str, dict[tuple[str, str], tuple[Any, IndexEntry]]] = {}
        labels = crawl_config(self.domain.env.config).tag_labels
        for key in _sorted_keys(groups):
            heading = min(headings[key])
            rows = merged.setdefault(labels.get(heading, heading), {})
            for order, row in groups[key]:
                rows.setdefault((row.docname, row.anchor), (order, row))
        content = [
            (heading, [row for _, row in sorted(rows.values(), key=lambda item: item[0])])
            for heading, rows in merged.items()
        ]
        return content, False

    def _groups_of(self, entry: EntryData) -> list[tuple[Any, str]]:
        """The type's ``group_by`` for one entry, guarded: it is plugin code."""
        spec = self.content_type.index
        assert spec is not None
        assert isinstance(self.domain, CrawlDomain)
        problem = ""
        try:
            # A copy: what group_by changes in it stays out of the entry every page,
            # list and crawl.json show.
            given = given_to(spec.group_by, entry)
            pairs = [(key, as_words(heading)) for key, heading in spec.group_by(given)]
        except BaseException as error:
            let_interrupts_through(error)
            problem = f"raised {type(error).__name__}: {error}"
        else:
            unhashable = [key for key, _heading in pairs if not _hashable(key)]
            if unhashable:
                key = unhashable[0]
                problem = (
                    f"returned a group key that cannot be one: {type(key).__name__} "
                    f"{shown_value(key)} (a key must be hashable: a str, a number, a tuple)"
                )
        if problem:
            warn(
                f"the {self.content_type.name!r} content type's index group_by {problem}; "
                "the entry is listed under 'Other'",
                self.domain.location(entry),
                "plugin",
            )
            return [((1, "~other"), str(_("Other")))]
        # A missing value (None) is a group of its own, never a crash when sorting.
        return [
            ((0, key), heading)
            if isinstance(heading, str) and heading
            else ((1, "~"), str(_("Other")))
            for key, heading in pairs
            if key is not None or heading is not None
        ] or [((1, "~"), str(_("Other")))]


def names_any(entry: EntryData | Mapping[str, Any], ids: Collection[str]) -> bool:
    """Whether ``entry``'s relations name any of ``ids`` (whether or not the link holds)."""
    relations = entry.get("relations") or {}
    return any(target in ids for targets in relations.values() for target in targets)


def _hashable(key: Any) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


#: Between the strings of a column of a view, as the environment keeps it (_packed).
_BETWEEN = "\0"


def _packed(value: Any) -> dict[str, Any]:
    """A view as the environment keeps it: columns of strings (the objects) as one text
    each, the strings joined by ``_BETWEEN``; anything else, or a column with a string
    holding it, as it is. (The objects' 100,000 strings at 20,000 entries took 0.011 s to
    unpickle in every build and 0.02 s to pickle after each edit; five texts take none.)"""
    if isinstance(value, list) and value and all(isinstance(c, list) and c for c in value):
        with contextlib.suppress(TypeError):  # a column of more than strings
            texts = [_BETWEEN.join(column) for column in value]
            if all(t.count(_BETWEEN) == len(c) - 1 for t, c in zip(texts, value, strict=True)):
                return {"columns": texts}
    return {"value": value}


def _unpacked(kept: dict[str, Any]) -> Any:
    """The view kept as :func:`_packed` keeps it; None where it holds none."""
    texts = kept.get("columns")
    if isinstance(texts, list) and all(isinstance(text, str) for text in texts):
        return [text.split(_BETWEEN) for text in texts]
    value = kept.get("value")
    return value if isinstance(value, list) else None


#: The columns of the objects after the ids (CrawlDomain.object_columns).
_OBJECT_KEYS = ("title", "type", "docname", "anchor")


def _made_unique(
    ordered: list[EntryData], titled: list[EntryData]
) -> dict[tuple[str, str], tuple[str, EntryData]]:
    """CrawlDomain.made_unique of the entries in the handbook's order, of which
    ``titled`` have ids made from their titles."""
    every_id = {e["id"] for e in ordered}
    holders: dict[str, EntryData] = {}
    for entry in ordered:
        if not entry.get("id_from_title"):
            holders.setdefault(entry["id"], entry)
    made: dict[tuple[str, str], tuple[str, EntryData]] = {}
    for entry in titled:
        holder = holders.setdefault(entry["id"], entry)
        if holder is entry:
            continue
        known_as = next(
            c for c in _unique_candidates(entry) if c not in every_id and c not in holders
        )
        holders[known_as] = entry
        made[entry["docname"], entry["anchor"]] = (known_as, holder)
    return made


def _unique_candidates(entry: EntryData) -> Iterator[str]:
    """Ids for an entry whose id, made from its title, another entry has: its anchor
    (unique on its page), then the id with its page's name, then with a number too."""
    if entry["anchor"] != entry["id"]:
        yield entry["anchor"]
    base = f"{entry['id']}-{slugify(entry['docname']) or 'page'}"
    yield base
    n = 2
    while True:
        yield f"{base}-{n}"
        n += 1


def _sorted_keys(keys: Iterable[Any]) -> list[Any]:
    """Group keys in order; keys a plugin made of unlike types sort by type, then text."""
    try:
        return sorted(keys)
    except TypeError:
        return sorted(keys, key=lambda key: (type(key).__name__, repr(key)))


def make_index(content_type: ContentType) -> type[CrawlIndex]:
    spec = content_type.index
    assert spec is not None
    return type(
        f"{content_type.name.title().replace('-', '')}Index",
        (CrawlIndex,),
        {
            "name": spec.name,
            # Plain str in the project's language (the catalog is loaded before types
            # register): Sphinx puts these names in every page's context, and the json
            # builder cannot serialise a lazy translation string.
            "localname": str(spec.localname),
            "shortname": str(spec.shortname),
            "content_type": content_type,
        },
    )


def domain_for(registry: ContentTypeRegistry) -> type[CrawlDomain]:
    """The ``crawl`` domain of a project whose content types are ``registry``: a role
    per type, and an index per type that has one."""
    roles = {
        "source": CrawlXRefRole(),
        "contact": ContactRole(),
        **{ct.name: CrawlXRefRole() for ct in registry},
    }
    indices = [make_index(ct) for ct in registry if ct.index is not None]
    return type(
        "CrawlDomain",
        (CrawlDomain,),
        {"content_types": registry, "roles": roles, "indices": indices},
    )


def use_registered_types(app: Sphinx, config: Config) -> None:
    """``config-inited``: give the ``crawl`` domain this project's content types
    (public ``add_domain``), once every extension's ``setup`` has registered its own."""
    registry = get_registry(app)
    seal_registry(app)
    app.add_domain(domain_for(registry), override=True)
    # A relation may name types registered by later plugins: checked once all are in.
    known = registry.names()
    for content_type in registry:
        for relation in content_type.relations:
            for target in relation.targets:
                if target not in known:
                    warn(
                        f"content type {content_type.name!r}: relation {relation.name!r} "
                        f"names the type {target!r}, which this project does not have "
                        f"({', '.join(known)}); no entry can be linked as one",
                        config_location(app, "extensions"),
                        "plugin",
                    )


def crawl_domain(env: BuildEnvironment) -> CrawlDomain:
    domain = env.domains["crawl"]
    assert isinstance(domain, CrawlDomain)
    return domain


def is_shown_with(tags: Tags, expression: str) -> bool:
    """Whether an ``only`` with ``expression`` shows its content in this build. One
    Sphinx cannot evaluate it keeps (Sphinx warns of it when it writes the page)."""
    try:
        return bool(tags.eval_condition(expression))
    except Exception:
        return True


def read_again_for_tags(app: Sphinx, env: BuildEnvironment, *changes: object) -> list[str]:
    """``env-get-outdated``: the pages read with an ``only`` around an entry that this
    build's tags (``-t``, the builder's name and format) decide otherwise. Sphinx keeps
    a page's doctree whatever the tags (it applies ``only`` when it writes), but which
    entries the data holds depends on them."""
    domain = crawl_domain(env)
    domain.tags = app.builder.tags
    recorded: dict[str, dict[str, bool]] = domain.data["only"]
    return sorted(
        docname
        for docname, conditions in recorded.items()
        if any(is_shown_with(app.builder.tags, expr) != value for expr, value in conditions.items())
    )


@with_cycle_gc_paused
def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    domain = crawl_domain(env)
    domain.check_duplicates()
    domain.check_first_ids()
    domain.check_relations()
    domain.check_extensions()


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool:
    """Report a crawl reference nothing resolved, as ``crawl.ref`` at its line."""
    if not isinstance(domain, CrawlDomain):
        return False
    domain.warn_missing_reference(node)
    return True


#: After the last of the extension's own build-finished handlers (unfinished.LAST).
_AFTER_EVERY_HANDLER = 20_000


def forget_views(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after every other handler: the views this build worked out, and
    the entries it decoded, are let go. Freed here, they are not gone through again by
    the collection the interpreter makes as the process ends (after a one-title edit at
    20,000 entries, that collection took 0.3 s less CPU: 0.7 s instead of 1.0 s)."""
    crawl_domain(app.env).forget_views()


def name_labelled_entries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a label written above an entry (``.. _knees:``, MyST's
    ``(knees)=``) names it with the entry's title, as a label above a section does with
    the section's (and one above a ``crawl-list`` with its caption): ``:ref:`knees```
    showed nothing and warned "A title or caption not found" (Sphinx knows the titles of
    sections, figures and tables only), and another project's ``:ref:`` (intersphinx)
    could not reach it at all. Kept in Sphinx's own label table, so its incremental and
    parallel builds keep it as theirs."""
    std: Any = app.env.domains["std"]
    docname = app.env.docname
    for name, explicit in doctree.nametypes.items():
        labelid = doctree.nameids.get(name) if explicit else None
        node = doctree.ids.get(labelid) if labelid else None
        if node is None or name in std.labels or std.anonlabels.get(name) != (docname, labelid):
            continue  # another page's label of that name (Sphinx says so), or not a label
        if crawl_nodes.is_entry_node(node):
            title = entry_title(node)
        elif isinstance(node, crawl_nodes.crawl_list):
            title = node.get("caption", "")  # a list is named by its caption, if any
        else:
            continue
        if title:
            std.labels[name] = docname, labelid, title


def setup_domain(app: Sphinx) -> None:
    app.add_domain(CrawlDomain)
    app.connect("doctree-read", name_labelled_entries)
    app.add_transform(ReadEntryTexts)
    app.add_post_transform(UniqueAnchors)
    app.connect("env-get-outdated", read_again_for_tags)
    # Late, so that the types registered by any extension's setup are all there.
    app.connect("config-inited", use_registered_types, priority=900)
    app.connect("env-check-consistency", check_consistency)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("build-finished", forget_views, priority=_AFTER_EVERY_HANDLER)
