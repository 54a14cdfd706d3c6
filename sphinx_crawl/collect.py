"""Read one document's doctree into the plain data the ``crawl`` domain stores.

Directives and roles only build nodes (an entry's node carries its plain data);
this is the one place that turns a doctree into domain data, called from
``CrawlDomain.process_doc``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.addnodes import only, pending_xref

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.core.adapt import APPEND, ExtensionData
from sphinx_crawl.core.entries import (
    EntryData,
    plain_text,
    reference_placeholder,
    split_list,
    without_marks,
)

#: Node attributes the entry directive leaves: the entry's plain data, and its position
#: among the page's entries.
ENTRY_ATTRIBUTE = "crawl_entry_data"
ORDER_ATTRIBUTE = "crawl_entry_order"
#: What crawl-extend leaves: its record on a comment, and each text value it sets on a
#: comment of its own, offered to translators (read back here in the page's language).
EXTEND_ATTRIBUTE = "crawl_extend_data"
EXTEND_VALUE_CLASS = "crawl-extend-value"


#: Whether an ``only`` expression is true for this build (None: keep everything).
Condition = Callable[[str], bool]


def read_document(
    docname: str,
    document: nodes.document,
    demo: bool = False,
    shown: Condition | None = None,
    conditions: dict[str, bool] | None = None,
) -> tuple[list[EntryData], list[dict[str, Any]], list[ExtensionData]]:
    """The page's entries (none on a demo page), what it collects from elsewhere, and
    its crawl-extend records (none on a demo page), in one walk of the doctree.

    An entry or crawl-extend inside an ``only`` whose expression ``shown`` finds false
    is left out, as Sphinx leaves it out of the page it writes; each expression that
    decided so, and its value, is put in ``conditions`` (the page is read again when
    one changes value)."""
    entries: list[tuple[int, EntryData]] = []
    collectors: list[dict[str, Any]] = []
    extensions: list[ExtensionData] = []
    for node in document.findall(nodes.Element):
        if isinstance(node, crawl_nodes.crawl_entry | crawl_nodes.crawl_row):
            found = _take_entry(node)
            if found is not None and not demo and _is_shown(node, shown, conditions):
                entries.append(found)
            continue
        if isinstance(node, nodes.comment):
            if EXTEND_ATTRIBUTE in node.attributes or EXTEND_VALUE_CLASS in node["classes"]:
                if _is_shown(node, shown, conditions):
                    _take_extension(node, extensions)
                else:
                    node.attributes.pop(EXTEND_ATTRIBUTE, None)
            continue
        spec = _collector(node, demo)
        if spec is not None and spec not in collectors:
            collectors.append(spec)
    if not demo and any(data["age"] is not None for _, data in entries):
        # The page's age filter links to the baby's panel, wherever it is.
        collectors.append({"kind": "baby-page"})
    if entries:
        # A crawl-extend elsewhere may change these entries: rewrite the page when it does.
        collectors.append({"kind": "adapted", "ids": [entry["id"] for _, entry in entries]})
    # Entries in the order their directives finished (a milestone table sorts its rows).
    ordered = [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
    return ordered, collectors, [] if demo else extensions


def _is_shown(
    node: nodes.Element, shown: Condition | None, conditions: dict[str, bool] | None
) -> bool:
    """Whether every ``only`` around ``node`` is true for this build."""
    if shown is None:
        return True
    parent = node.parent
    while parent is not None:
        if isinstance(parent, only):
            expression = str(parent["expr"])
            value = shown(expression)
            if conditions is not None:
                conditions[expression] = value
            if not value:
                return False
        parent = parent.parent
    return True


def _take_extension(node: nodes.comment, extensions: list[ExtensionData]) -> None:
    """A crawl-extend's record, or a text value of the last one (as translated)."""
    record = node.attributes.pop(EXTEND_ATTRIBUTE, None)
    if record is not None:
        extensions.append(record)
    elif EXTEND_VALUE_CLASS in node["classes"] and extensions and node.get("translated"):
        option: str = node["extend_option"]
        record = extensions[-1]
        changes = record["append"] if option.endswith(APPEND) else record["set"]
        changes[option.removesuffix(APPEND)] = plain_text(node.astext())


def _take_entry(node: nodes.Element) -> tuple[int, EntryData] | None:
    """An entry's plain data and position, taken off its node: the domain keeps it, and
    the doctree (pickled, and held in memory until it is written) need not carry a
    second copy."""
    data = node.attributes.pop(ENTRY_ATTRIBUTE, None)
    order = node.attributes.pop(ORDER_ATTRIBUTE, 0)
    if data is None:
        return None
    apply_translations(node, data)
    return order, data


def _collector(node: nodes.Element, demo: bool) -> dict[str, Any] | None:
    """What ``node`` shows from other pages (a list, links, the sources...), as the spec
    of a collector: the page is rewritten when what it names changes."""
    if isinstance(node, crawl_nodes.crawl_list):
        return {**node["spec"], "lineno": node.line}
    if isinstance(node, crawl_nodes.crawl_sources):
        return {"kind": "sources"}
    if isinstance(node, crawl_nodes.crawl_changes):
        return {"kind": "changes"}
    if isinstance(node, crawl_nodes.crawl_relations):
        # The entry's links both ways: rewrite the page when what they show changes.
        return {
            "kind": "relations",
            "id": node["entry_id"],
            "type": node["crawl_type"],
            "relations": node["relations"],
        }
    if isinstance(node, crawl_nodes.crawl_baby | crawl_nodes.crawl_summary):
        # A live example in the authoring reference is not where pages link to.
        kind = "baby" if isinstance(node, crawl_nodes.crawl_baby) else "summary"
        return None if demo else {"kind": kind}
    if isinstance(node, pending_xref):
        return _link_collector(node)
    if isinstance(node, nodes.reference) and node.get("id_link"):
        # MyST's [text](#id): it becomes a pending_xref only after process_doc.
        return {"kind": "ref", "id": node["refuri"][1:]}
    return None


def _link_collector(node: pending_xref) -> dict[str, Any] | None:
    domain, kind = node.get("refdomain"), node.get("reftype")
    if domain == "crawl" and kind == "source":
        # Source links point at the page holding crawl-sources, wherever it moves.
        return {"kind": "sources-page"}
    if domain == "crawl" or (domain in (None, "") and kind in ("any", "myst")):
        # Links to entries show their title: rewrite this page when it changes.
        return {"kind": "ref", "id": node["reftarget"]}
    return None


def apply_translations(node: nodes.Element, data: EntryData) -> None:
    """The entry's data in the page's language. The directive wrote it from the source
    text; Sphinx's i18n transform then translated the title, body, author's callouts and
    keywords in the doctree (marking them ``translated``). Untranslated parts, and every
    part of an untranslated build, keep the directive's text exactly."""
    for part in node.findall(nodes.Element):
        if not part.get("translated"):
            continue
        if "crawl-title-text" in part["classes"]:
            data["title"] = plain_text(entry_text(part))
        elif "crawl-keywords" in part["classes"]:
            data["keywords"] = split_list(part.astext())
        elif isinstance(part, crawl_nodes.crawl_callout) and part.get("field"):
            data["fields"][part["field"]] = plain_text(entry_text(part))
    body = next(
        (c for c in node.findall(nodes.container) if "crawl-entry-body" in c["classes"]), None
    )
    if body is not None and any(p.get("translated") for p in body.findall(nodes.Element)):
        data["text"] = plain_text(entry_text(body))


def entry_text(node: nodes.Element) -> str:
    """The node's text as a reader sees it: without docutils' messages (which quote the
    source file's path), and with each reference to an entry or source as a placeholder
    for the title it will show (filled in by the domain once every page is read)."""
    messages = list(node.findall(nodes.system_message))
    references = [x for x in node.findall(pending_xref) if _reads_as_title(x)]
    if not messages and not references:
        return without_marks(node.astext())
    copy = node.deepcopy()
    for message in list(copy.findall(nodes.system_message)):
        if message.parent is not None:
            message.parent.remove(message)
    for text in list(copy.findall(nodes.Text)):
        if without_marks(text) != text:
            text.parent.replace(text, nodes.Text(without_marks(text)))
    for xref in [x for x in copy.findall(pending_xref) if _reads_as_title(x)]:
        xref.replace_self(nodes.Text(reference_placeholder(xref["reftype"], xref["reftarget"])))
    return copy.astext()


def _reads_as_title(xref: pending_xref) -> bool:
    """A crawl reference without a title of the author's shows the target's title."""
    return xref.get("refdomain") == "crawl" and not xref.get("refexplicit")
