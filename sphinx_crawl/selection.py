"""Which entries a collection shows: one selection used to render and to digest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sphinx_crawl.changes import comparison, release
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.content_types import ContentTypeRegistry, Relation, hook_value
from sphinx_crawl.core.derive import age_sort_key, cited_by
from sphinx_crawl.core.entries import EntryData
from sphinx_crawl.core.lists import ListSpec
from sphinx_crawl.domain import CrawlDomain

#: How many entries of the ``help`` types a tracker shows under a milestone not yet seen.
HELP_COUNT = 3


def select_entries(
    domain: CrawlDomain, spec: ListSpec, registry: ContentTypeRegistry
) -> list[EntryData]:
    """Entries matching every given filter: type, any of the tags, overlapping age
    (entries without an age apply at every age).

    Ordered by the spec's ``first`` ids, then type (registration order), the
    type's own rank (red flags: most urgent first), age, then title.

    Worked out once per state of the data and list (a page shows it, and its digest
    asks again), from the entries of its types or tags only: a list on every one of
    1,300 pages no longer reads all 20,000 entries each time.
    """
    return list(_selection(domain, spec, registry))


def _selection(
    domain: CrawlDomain, spec: ListSpec, registry: ContentTypeRegistry
) -> list[EntryData]:
    """select_entries as kept for this state of the data: not to be changed."""
    key = json.dumps([spec["types"], spec["tags"], spec["age"], spec.get("first", [])])
    selections: dict[str, list[EntryData]] = domain.views_cache.setdefault("selections", {})
    if key not in selections:
        selections[key] = _select(domain, spec, registry)
    return selections[key]


def _select(domain: CrawlDomain, spec: ListSpec, registry: ContentTypeRegistry) -> list[EntryData]:
    window = AgeRange.from_dict(spec["age"]) if spec["age"] else None  # type: ignore[arg-type]
    wanted_tags = {tag.lower() for tag in spec["tags"]}
    chosen = []
    for entry in _candidates(domain, spec["types"], wanted_tags):
        if spec["types"] and entry["type"] not in spec["types"]:
            continue
        if wanted_tags and not wanted_tags & {tag.lower() for tag in entry["tags"]}:
            continue
        if window is not None and not _overlaps(window, entry):
            continue
        chosen.append(entry)
    type_rank = {name: i for i, name in enumerate(registry.names())}
    first = {entry_id: i for i, entry_id in enumerate(spec.get("first", []))}

    def order(entry: EntryData) -> tuple[Any, ...]:
        content_type = registry.get(entry["type"])
        own_rank = hook_value(content_type, "rank", entry["fields"])
        return (
            first.get(entry["id"], len(first)),
            type_rank.get(entry["type"], len(type_rank)),
            own_rank,
            age_sort_key(entry["age"]),
            entry["title"].lower(),
            entry["id"],
        )

    return sorted(chosen, key=order)


_ByKey = dict[str, list[EntryData]]


def _by_type_and_tag(domain: CrawlDomain) -> tuple[_ByKey, _ByKey]:
    """The entries of each type, and with each tag (lower case), once per state."""
    if "by_type_and_tag" not in domain.views_cache:
        by_type: _ByKey = {}
        by_tag: _ByKey = {}
        for entry in domain.by_id().values():
            by_type.setdefault(entry["type"], []).append(entry)
            for tag in {tag.lower() for tag in entry["tags"]}:
                by_tag.setdefault(tag, []).append(entry)
        domain.views_cache["by_type_and_tag"] = (by_type, by_tag)
    found: tuple[_ByKey, _ByKey] = domain.views_cache["by_type_and_tag"]
    return found


def _candidates(
    domain: CrawlDomain, types: list[str], wanted_tags: set[str]
) -> Iterable[EntryData]:
    """Every entry a list with these types and tags may show, and maybe more (the
    filters decide): those with one of the tags, else those of the types."""
    by_type, by_tag = _by_type_and_tag(domain)
    if wanted_tags:
        found = {e["id"]: e for tag in sorted(wanted_tags) for e in by_tag.get(tag, [])}
        return found.values()
    if types:
        return [e for name in dict.fromkeys(types) for e in by_type.get(name, [])]
    return domain.by_id().values()


def _overlaps(window: AgeRange, entry: EntryData) -> bool:
    # An entry without an age applies at any age: a red flag must never drop out.
    return entry["age"] is None or window.overlaps(AgeRange.from_dict(entry["age"]))


def _for_age(months: float, entry: EntryData) -> bool:
    """Whether ``entry`` has an age and it applies to a baby of ``months``."""
    return entry["age"] is not None and AgeRange.from_dict(entry["age"]).applies_at(months)


def helping_entries(
    domain: CrawlDomain, entry: EntryData, types: list[str], registry: ContentTypeRegistry
) -> list[EntryData]:
    """Up to HELP_COUNT entries of ``types`` for ``entry``: those sharing a tag and for
    the baby's age first, then those for the baby's age, then those sharing a tag, each
    in the list's order. Those sharing a tag come from the tags' entries, and the
    search for the others stops at HELP_COUNT: a tracker of 6,000 milestones does not
    weigh every tip for each one.

    Help shows once a baby is past the milestone's ages (a window that ends), so "for
    the baby's age" means applying where the window ends: a baby of 19 months not yet
    walking is offered no tummy-time tip for 4 to 9 months (a window's overlap did)."""
    if not types or entry["age"] is None or entry["age"]["max_months"] is None:
        return []  # no end: the tracker never shows help for it
    ends = float(entry["age"]["max_months"])
    spec: ListSpec = {
        "kind": "list",
        "types": types,
        "tags": [],
        "age": None,
        "layout": "table",
        "first": [],
        "help": [],
    }
    candidates = _selection(domain, spec, registry)  # read only: no copy per milestone
    positions: dict[str, dict[str, int]] = domain.views_cache.setdefault("help_positions", {})
    key = json.dumps(types)
    if key not in positions:
        positions[key] = {e["id"]: n for n, e in enumerate(candidates)}
    position = positions[key]
    _, by_tag = _by_type_and_tag(domain)
    tags = {tag.lower() for tag in entry["tags"]}
    sharing = sorted(
        {position[e["id"]] for tag in tags for e in by_tag.get(tag, []) if e["id"] in position}
    )
    shared = [candidates[n] for n in sharing if candidates[n]["id"] != entry["id"]]
    ages_too = {e["id"] for e in shared if _for_age(ends, e)}
    found = [e for e in shared if e["id"] in ages_too]
    shared_ids = {e["id"] for e in shared}
    for candidate in candidates:  # for the baby's age, no tag shared
        if len(found) >= HELP_COUNT:
            break
        if candidate["id"] == entry["id"] or candidate["id"] in shared_ids:
            continue
        if _for_age(ends, candidate):
            found.append(candidate)
    found += [e for e in shared if e["id"] not in ages_too]
    return found[:HELP_COUNT]


@dataclass(frozen=True)
class RelationLine:
    """One labelled line of an entry's links: "Helps with: ...", "Tips that help: ..."."""

    label: str
    css_class: str
    entries: list[EntryData]
    #: Whether the label is the extension's own words (a built-in type's relation).
    ours: bool = False


def relation_lines(
    domain: CrawlDomain, spec: Mapping[str, Any], docname: str
) -> list[RelationLine]:
    """An entry's links (``spec``: its id, type and declared relations), the ones it
    declares first, then the back-links, which only the page defining the entry shows
    (a live example repeating an id in the authoring reference does not)."""
    registry = domain.content_types
    content_type = registry.get(spec["type"])
    if content_type is None:
        return []
    known = domain.by_id()
    lines = []
    own = known.get(spec["id"])
    if own is not None and own["docname"] == docname and "adapted" in own:
        spec = {**spec, "relations": own["relations"]}  # as a crawl-extend changed them
    declared = domain.relation_targets(spec)
    for relation in content_type.relations:
        if relation.name in declared:
            shown = [known[target] for target in declared[relation.name]]
            lines.append(
                RelationLine(
                    str(relation.label) or _named(relation.name),
                    f"crawl-relation-{relation.name}",
                    shown,
                    _is_built_in(relation),
                )
            )
    if own is None or own["docname"] != docname:
        return lines
    back = domain.related_by(spec["id"])
    for source_type, relation in registry.relations_to(content_type.name):
        ids = [i for i in back.get(relation.name, []) if known[i]["type"] == source_type.name]
        if ids:
            lines.append(
                RelationLine(
                    str(relation.reverse_label) or str(source_type.plural),
                    f"crawl-related-by-{relation.name}",
                    [known[i] for i in ids],
                    _is_built_in(relation),
                )
            )
    return lines


def _named(name: str) -> str:
    """A relation's line without a ``label`` (``Relation``'s default is ""), headed by
    its option's name ("practises": "Practises"), not by a bare colon; the back-links
    without a ``reverse_label`` by the plural of the type that declares it."""
    words = name.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def _is_built_in(relation: Relation) -> bool:
    """Whether ``relation`` is one of the extension's own types' (its labels are the
    package's words)."""
    from sphinx_crawl.builtin import MILESTONE, QUESTION, RED_FLAG, TIP

    return any(relation is r for t in (MILESTONE, TIP, RED_FLAG, QUESTION) for r in t.relations)


def citing_entries(domain: CrawlDomain, key: str) -> list[EntryData]:
    return cited_by(domain.by_id().values(), key)


def _changes_view(domain: CrawlDomain) -> Any:
    """What a crawl-changes list shows: the release, each change, where each entry is."""
    found = comparison(domain)
    if found is None:
        return None
    known = domain.by_id()

    def place(entry_id: str) -> Any:
        entry = known.get(entry_id)
        return entry and (entry["title"], entry["docname"], entry["anchor"])

    return [
        release(domain.env.config),
        [
            [(c.id, c.type, c.title, c.keys, place(c.id)) for c in group]
            for group in (found.added, found.changed, found.removed)
        ],
    ]


def view_digest(domain: CrawlDomain, docname: str, registry: ContentTypeRegistry) -> str:
    """A digest of every collected thing ``docname`` shows; it changes iff the page must."""
    views: list[Any] = []
    for spec in domain.collectors.get(docname, []):
        kind = spec["kind"]
        if kind == "list":
            chosen = select_entries(domain, spec, registry)  # type: ignore[arg-type]
            views.append(chosen)
            if spec.get("help"):
                views.append(
                    [
                        [h["id"], h["title"], h["docname"], h["anchor"]]
                        for e in chosen
                        for h in helping_entries(domain, e, spec["help"], registry)
                    ]
                )
        elif kind == "sources":
            views.append(
                [
                    (e["id"], e["title"], e["docname"], e["anchor"], e["sources"])
                    for e in domain.by_id().values()
                ]
            )
            views.append(domain.sources())  # with those imported entries brought
        elif kind == "ref":
            entry = domain.by_id().get(spec["id"])
            views.append(
                entry and (entry["type"], entry["title"], entry["docname"], entry["anchor"])
            )
        elif kind == "relations":
            views.append(
                [
                    [
                        line.label,
                        [(e["id"], e["title"], e["docname"], e["anchor"]) for e in line.entries],
                    ]
                    for line in relation_lines(domain, spec, docname)
                ]
            )
        elif kind == "adapted":
            # What crawl-extend changed of the page's entries, shown where they stand.
            known = domain.by_id()
            views.append([known[i].get("adapted") if i in known else None for i in spec["ids"]])
        elif kind == "changes":
            views.append(_changes_view(domain))
        elif kind in SHARED_KINDS:
            views.append(_shared_view(domain, kind))
    return hashlib.sha256(json.dumps(views, sort_keys=True, default=str).encode()).hexdigest()


# -- what an edit can change of a page's views ------------------------------------------


@dataclass(frozen=True)
class ChangedEntries:
    """What the pages read again in a build changed of the entries, as the last finished
    build had them: worked out by incremental.py, read by :func:`may_show_changed`."""

    #: Ids of entries added, removed or changed (either side of the edit), and of
    #: entries elsewhere that hold one of those ids too (a duplicate that now wins).
    ids: frozenset[str]
    #: The types of all those entries: an index page lists one type.
    types: frozenset[str]
    #: Ids those entries' relations name, before and after: their back-links change.
    targets: frozenset[str]


#: Collector kinds whose view is the same on every page that has one, worked out from
#: every page at once: compared as a whole (:func:`shared_views`), not page by page.
SHARED_KINDS = frozenset({"summary", "baby-page", "sources-page"})


def _shared_view(domain: CrawlDomain, kind: str) -> Any:
    """What a collector of one of the :data:`SHARED_KINDS` shows, on any page."""
    if kind == "summary":
        return domain.pages_with("baby")
    if kind == "baby-page":
        # The age filter links the baby's panel and, for passed ages, the signs page.
        return [domain.pages_with("baby"), domain.signs_page()]
    # "sources-page": where source links point, and how they read: the sources imported
    # entries bring too (one titled as another is told apart by who wrote it).
    return [domain.sources_pages(), domain.sources()]


def shared_views(domain: CrawlDomain) -> str:
    """A digest of what the :data:`SHARED_KINDS` show (see view_digest)."""
    views = [_shared_view(domain, kind) for kind in sorted(SHARED_KINDS)]
    return hashlib.sha256(json.dumps(views, default=str).encode()).hexdigest()


def may_show_changed(spec: Mapping[str, Any], changed: ChangedEntries) -> bool:
    """Whether a collector's view (view_digest) may differ after ``changed``: False only
    where what it shows surely comes from no changed entry. Kinds that select from
    every entry (sources, changes, lists of every type or with the entries that help)
    always may."""
    kind = spec["kind"]
    if kind in SHARED_KINDS:
        return False  # the caller compares shared_views
    if kind == "ref":
        return spec["id"] in changed.ids
    if kind == "adapted":
        return not changed.ids.isdisjoint(spec["ids"])
    if kind == "list" and spec.get("types") and not spec.get("help"):
        # It chooses from its types only: an edit of entries of other types cannot
        # change it (a list of tips after a milestone's title is edited: working its
        # view out again sorted every tip, 0.2 s at 20,000 entries).
        return not changed.types.isdisjoint(spec["types"])
    if kind == "relations":
        # One per entry on every page: no set made where its entry names no other.
        entry_id = spec["id"]
        if entry_id in changed.ids or entry_id in changed.targets:
            return True
        relations = spec.get("relations")
        return bool(relations) and not changed.ids.isdisjoint(_named_ids(relations))
    return True


def _named_ids(relations: Any) -> Iterable[str]:
    """The ids a relations collector's entry declares, whatever shape a plugin gave them."""
    if isinstance(relations, Mapping):
        for targets in relations.values():
            if isinstance(targets, str):
                yield targets
            elif isinstance(targets, Iterable):
                yield from (t for t in targets if isinstance(t, str))
