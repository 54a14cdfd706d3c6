"""What every entry goes through, whether an author wrote it (the entry directive) or it
was imported (crawl-import): its id, fields and links checked, and its node's frame.

Problems go to a ``report(message, subtype)`` the caller gives, which says where.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.content_types import (
    ContentType,
    ContentTypeRegistry,
    Field,
    HookError,
    as_words,
    hook_value,
    let_interrupts_through,
    matches_schema_type,
    run_hook,
    schema_problem,
    shown_value,
)
from sphinx_crawl.core.derive import badge, free_id
from sphinx_crawl.core.entries import (
    ID_LENGTH,
    EntryData,
    id_from_title,
    lone_surrogate,
    slugify,
)
from sphinx_crawl.diagnostics import Subtype
from sphinx_crawl.i18n import localized_age

#: Says a problem: (message, warning subtype). The caller adds where it is.
Report = Callable[[str, Subtype], None]


def record_inclusion(directive: SphinxDirective, data: EntryData) -> None:
    """Where the directive is in another file than its page's (an rST ``.. include::``),
    that file (relative to the source folder) and the line in it, as docutils' state
    machine knows them, as the entry's ``included``: warnings about it point there."""
    source, line = directive.get_source_info()
    if not source or line is None:
        return
    page = directive.env.doc2path(directive.env.docname)
    if os.path.normcase(os.path.abspath(source)) == os.path.normcase(os.path.abspath(page)):
        return
    if not os.path.isfile(source):
        # Text Sphinx adds to every page, not a file: rst_prolog ("<rst_prologue>") or
        # rst_epilog ("<rst_epilogue>"), named as docutils names it.
        data["included"] = [source, line]
        return
    data["included"] = [os.path.relpath(source, directive.env.srcdir).replace(os.sep, "/"), line]


def checked_id(ct: ContentType, given: str, title: str, report: Report) -> str:
    """The id an author or a file gave, if it is a lowercase slug; else one made from it
    (or from the title, when none is given)."""
    given = given.strip()
    if not given:
        return id_from_title(ct.name, title)
    cleaned = slugify(given)
    if cleaned != given:
        fallback = cleaned or id_from_title(ct.name, title)
        if slugify(given[:ID_LENGTH]) == given[:ID_LENGTH] and given.startswith(cleaned):
            # A slug, only too long: say so, without repeating all of it.
            report(
                f"id {given[:ID_LENGTH]!r}... is {len(given)} characters long, more than "
                f"the {ID_LENGTH} an id may have; using its first {len(fallback)}",
                "id",
            )
            return fallback
        shown = repr(given) if len(given) <= ID_LENGTH else f"{given[:ID_LENGTH]!r}..."
        report(f"id {shown} is not a lowercase slug; using {fallback!r}", "id")
        return fallback
    return given


def unique_anchor(
    document: nodes.document, entry_id: str, report: Report, before: nodes.Node | None = None
) -> str:
    """The HTML id: the entry id unless something on the page already has it, or has the
    id of its heading (``<id>-title``). A label of that name right ``before`` the entry
    (``.. _knees:`` over ``:id: knees``) names the entry itself: it gives it the id."""
    ids = document.ids

    def free(anchor: str) -> bool:
        return anchor not in ids and f"{anchor}-title" not in ids

    if free(entry_id):
        return entry_id
    label = ids.get(entry_id)
    heading_free = f"{entry_id}-title" not in ids
    if label is not None and label is before and is_label(label) and heading_free:
        # The label leads to the entry, as it would once docutils moved its id there:
        # one element, one id (it said the id was "used twice", and the entry took
        # another, with an author's link to it changed).
        label["ids"].remove(entry_id)
        label["refid"] = entry_id
        return entry_id
    anchor = free_id(entry_id, free)
    taken = entry_id if entry_id in ids else f"{entry_id}-title"
    holder = ids[taken]
    if not isinstance(holder, crawl_nodes.crawl_entry):  # entries: the domain warns
        whose = "" if taken == entry_id else " (its heading's)"
        report(
            f"id {taken!r}{whose} is used twice on this page: {_holder(holder)} has it "
            f"as its anchor, so the entry's anchor is {anchor!r}; give the entry another "
            ":id: to keep its links the same",
            "id",
        )
    return anchor


def is_label(node: nodes.Node) -> bool:
    """An author's label (``.. _name:``), not yet moved to what follows it."""
    return isinstance(node, nodes.target) and not any(
        node.get(key) for key in ("refuri", "refid", "refname")
    )


def _holder(node: nodes.Element) -> str:
    """What on the page holds an HTML id, in an author's words."""
    entry = node.parent if isinstance(node, crawl_nodes.crawl_entry_title) else None
    if isinstance(entry, crawl_nodes.crawl_entry):
        return f"the title of the entry {entry.get('entry_id', '')!r}"
    if isinstance(node, nodes.section) and node.children:
        return f"the heading {node[0].astext()!r:.80}"
    if node.get("names"):
        return f"the label {node['names'][0]!r:.80}"
    return f"a {node.tagname} element"


def convert_fields(ct: ContentType, given: Mapping[str, Any], report: Report) -> dict[str, Any]:
    """The type's fields from what was given: text goes through the field's converter
    (as an option's value does), other values must already fit the field's schema; then
    the defaults of fields not given."""
    fields: dict[str, Any] = {}
    for spec in ct.fields:
        raw = given.get(spec.name)
        if raw is not None:
            if isinstance(raw, str):
                try:
                    value = as_words(spec.converter(raw))
                except ValueError as error:  # the author's value: a field warning
                    report(f":{spec.name}: {error}", "field")
                    continue
                except BaseException as error:  # the plugin's code failed: say whose
                    let_interrupts_through(error)
                    _plugin_failed(ct, f":{spec.name}: converter raised", error, report)
                    continue
            else:
                value = raw
            if _fits(ct, spec, value, "converter" if isinstance(raw, str) else "value", report):
                fields[spec.name] = value
        elif spec.required:
            report(f"the :{spec.name}: option is required", "field")
    _check_required_when(ct, fields, report)
    for spec in ct.fields:
        if spec.name not in fields and spec.default is not None:
            try:
                value = as_words(spec.default(dict(fields)))
            except BaseException as error:
                let_interrupts_through(error)
                _plugin_failed(ct, f":{spec.name}: default raised", error, report)
                continue
            if _fits(ct, spec, value, "default", report):
                fields[spec.name] = value
    return fields


def _check_required_when(ct: ContentType, fields: Mapping[str, Any], report: Report) -> None:
    """Fields the entry's own data calls for (a floor-play tip needs its safety line)."""
    for spec in ct.fields:
        if spec.required_when is None or spec.name in fields:
            continue
        try:
            reason = as_words(spec.required_when(dict(fields)))
        except BaseException as error:
            let_interrupts_through(error)
            _plugin_failed(ct, f":{spec.name}: required_when raised", error, report)
            continue
        if reason is not None and not isinstance(reason, str):  # a reason, or "" or None
            report(
                f"the {ct.name!r} content type's :{spec.name}: required_when returned "
                f"{type(reason).__name__} {shown_value(reason)}, not a reason in words or ''",
                "plugin",
            )
        elif reason:
            report(f"the :{spec.name}: option is required: {reason}", "field")


def _fits(ct: ContentType, spec: Field, value: Any, what: str, report: Report) -> bool:
    """A field value goes into crawl.json: it must match the field's declared schema.
    A value of the declared kind that breaks one of its rules (a ``pattern``, a
    ``minimum``) is what the author wrote; a value of another kind, the plugin's code."""
    whose = "given" if what == "value" else f"{what} returned"
    subtype: Subtype = "plugin" if what != "value" else "field"
    if matches_schema_type(value, spec.schema):
        problem = schema_problem(value, spec.schema)
        if problem is None and lone_surrogate(value, "") is None:
            return True
        if problem is None:  # fits, but no page, index or crawl.json can hold it
            report(
                f"the {ct.name!r} content type's :{spec.name}: {whose} {shown_value(value)}, which "
                "holds a lone surrogate, not a character; the field is left out",
                subtype,
            )
            return False
        if what in ("converter", "value"):
            report(f":{spec.name}: {problem}; the field is left out", "field")
            return False
    report(
        f"the {ct.name!r} content type's :{spec.name}: {whose} {type(value).__name__} "
        f"{shown_value(value)}, which does not match its schema {dict(spec.schema)}; the field "
        "is left out",
        subtype,
    )
    return False


def _plugin_failed(ct: ContentType, what: str, error: BaseException, report: Report) -> None:
    report(f"the {ct.name!r} content type's {what} {type(error).__name__}: {error}", "plugin")


def check_hooks(ct: ContentType, fields: Mapping[str, Any], report: Report) -> None:
    """Call each of the type's hooks once, here, so a failure is reported at the entry;
    everywhere else the hooks fall back quietly to an empty value."""
    for hook in ("heading_prefix", "badge", "classes", "callouts", "rank"):
        try:
            run_hook(ct, hook, fields)
        except HookError as error:
            report(f"the {ct.name!r} content type's {error}", "plugin")


def checked_relations(
    ct: ContentType, given: Mapping[str, Iterable[str]], report: Report
) -> dict[str, list[str]]:
    """The ids each of the type's relations names (whether they exist, and are of a type
    the relation allows, is checked once every page is read: CrawlDomain)."""
    declared: dict[str, list[str]] = {}
    for relation in ct.relations:
        ids = []
        for target in given.get(relation.name, ()):
            if slugify(target) != target:
                report(
                    f":{relation.name}: {target!r} is not an entry id (a lowercase slug)",
                    "relation",
                )
                continue
            ids.append(target)
        if ids:
            declared[relation.name] = ids
    return declared


def read_age(
    ct: ContentType, given: str | AgeRange | None, report: Report, language: str | None = None
) -> AgeRange | None:
    """The age in the build's ``language``, from its text ("6-10 months") or as read
    from a crawl.json; a type that needs an age and has none is reported."""
    if isinstance(given, str) and given.strip():
        try:
            given = AgeRange.parse(given)
        except ValueError as error:
            report(str(error), "age")
            return None
        if given.min_months == 0 and given.max_months is None:  # "by 0 months", "0+"
            report(
                f"the age {given.label!r} is every age, from birth on; leave :age: out for "
                "an entry that applies at any age",
                "age",
            )
            return None
    if isinstance(given, AgeRange):
        return localized_age(given, language)
    if ct.age_required:
        report("the :age: option is required", "age")
    return None


def entry_frame(
    ct: ContentType,
    entry_id: str,
    anchor: str,
    age: AgeRange | None,
    fields: Mapping[str, Any],
    classes: Iterable[str] = (),
) -> crawl_nodes.crawl_entry:
    """The entry's node, before its heading and body: its type, level and age for the
    writers and the age filter."""
    return crawl_nodes.crawl_entry(
        ids=[anchor],
        classes=[
            "crawl-entry",
            crawl_nodes.NOT_IN_SPHINX_SEARCH,
            f"crawl-type-{ct.name}",
            *hook_value(ct, "classes", fields),
            *classes,
        ],
        entry_id=entry_id,
        crawl_type=ct.name,
        data=_data_attributes(ct, age, fields),
        age_label=age.label if age else "",
        label=str(ct.label),
        badge=badge(ct, fields) if ct.badge else "",
    )


def title_frame(
    ct: ContentType, fields: Mapping[str, Any], anchor: str
) -> crawl_nodes.crawl_entry_title:
    """The heading, with its spoken prefix (the urgency said in words); the title text
    goes in it, in a ``crawl-title-text`` inline."""
    prefix = str(hook_value(ct, "heading_prefix", fields))
    return crawl_nodes.crawl_entry_title("", "", ids=[f"{anchor}-title"], prefix=prefix)


def entry_tail(
    registry: ContentTypeRegistry,
    ct: ContentType,
    entry_id: str,
    age: AgeRange | None,
    relations: dict[str, list[str]],
) -> list[nodes.Node]:
    """The age line, and the links both ways where the type has any."""
    tail: list[nodes.Node] = []
    if age is not None:
        tail.append(crawl_nodes.crawl_meta(age_label=age.label))
    if ct.relations or registry.relations_to(ct.name):
        tail.append(
            crawl_nodes.crawl_relations(entry_id=entry_id, crawl_type=ct.name, relations=relations)
        )
    return tail


def _data_attributes(
    ct: ContentType, age: AgeRange | None, fields: Mapping[str, Any]
) -> dict[str, str]:
    data = {"crawl-type": ct.name}
    if age is not None:
        data["crawl-age-min"] = str(age.min_months)
        data["crawl-age-max"] = "" if age.max_months is None else str(age.max_months)
        data["crawl-age-kind"] = age.kind
    for spec in ct.fields:
        if spec.choices and spec.name in fields:
            data[f"crawl-{spec.name}"] = str(fields[spec.name])
    return data
