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
from sphinx.transforms import SphinxTransform

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.core.adapt import APPEND, ExtensionData
from sphinx_crawl.core.entries import (
    EntryData,
    plain_text,
    reference_placeholder,
    split_list,
    without_marks,
)
from sphinx_crawl.node_parts import defuse_title

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

#: The class of the comment that offers a list's caption to translators
#: (directives.lists.add_translatable_caption).
CAPTION_CLASS = "crawl-caption"


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
    settings = _IfConfig.of(document) if shown is not None else None
    for node in document.findall(nodes.Element):
        if crawl_nodes.is_entry_node(node):
            found = _take_entry(node)
            if found is not None and not demo and _is_shown(node, shown, conditions, settings):
                entries.append(found)
            continue
        if isinstance(node, nodes.comment):
            if CAPTION_CLASS in node["classes"] and node.parent is not None:
                # A list's caption, in the page's language (translated by now).
                node.parent["caption"] = node.astext()
                continue
            if EXTEND_ATTRIBUTE in node.attributes or EXTEND_VALUE_CLASS in node["classes"]:
                if _is_shown(node, shown, conditions, settings):
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
        # An entry whose title made its id shows another id (and anchor) when an entry
        # elsewhere has that id (CrawlDomain.made_unique): rewrite the page when it does.
        collectors.extend(
            {"kind": "ref", "id": entry["id"]}
            for _, entry in entries
            if entry.get("id_from_title") and {"kind": "ref", "id": entry["id"]} not in collectors
        )
    # Entries in the order their directives finished (a milestone table sorts its rows).
    ordered = [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
    return ordered, collectors, [] if demo else extensions


def _is_shown(
    node: nodes.Element,
    shown: Condition | None,
    conditions: dict[str, bool] | None,
    settings: _IfConfig | None = None,
) -> bool:
    """Whether every ``only`` around ``node`` is true for this build, and every
    ``ifconfig`` (sphinx.ext.ifconfig) for this configuration."""
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
        elif (
            settings is not None
            and settings.applies_to(parent)
            and not settings.holds(str(parent["expr"]))
        ):
            return False
        parent = parent.parent
    return True


class _IfConfig:
    """sphinx.ext.ifconfig's test, made when a page is read: Sphinx removes the content
    of a false ``ifconfig`` when the page is resolved, so an entry in it was on no page
    while crawl.json, the search, the lists and links still had it (a link to an
    anchor that was not there). Only an expression whose every setting re-reads the
    pages when it changes (registered for ``env``) is decided here: one naming the
    ``builder``, or a setting that does not, keeps its entries, as before (a rebuild
    would not read the page again to follow it)."""

    def __init__(self, namespace: dict[str, Any], rebuilds: dict[str, str]) -> None:
        self.namespace = namespace
        self.rebuilds = rebuilds

    @classmethod
    def of(cls, document: nodes.document) -> _IfConfig | None:
        config = getattr(getattr(document.settings, "env", None), "config", None)
        if config is None or "sphinx.ext.ifconfig" not in getattr(config, "extensions", ()):
            return None
        # The names ifconfig gives an expression (its process_ifconfig_nodes).
        namespace: dict[str, Any] = {value.name: value.value for value in config}
        namespace.update(config.__dict__.copy())
        return cls(namespace, {value.name: str(value.rebuild) for value in config})

    @staticmethod
    def applies_to(node: nodes.Node) -> bool:
        return type(node).__name__ == "ifconfig" and "expr" in getattr(node, "attributes", {})

    def holds(self, expression: str) -> bool:
        """Its value (an expression that fails is shown by Sphinx as an error in place
        of the content: the entry is on no page either); True where it is not decided
        here."""
        try:
            names = compile(expression.strip(), "<ifconfig>", "eval").co_names
        except SyntaxError:
            return False
        if any(name == "builder" or self.rebuilds.get(name, "env") != "env" for name in names):
            return True
        try:
            return bool(eval(expression.strip(), dict(self.namespace)))  # ifconfig's own eval
        except Exception:
            return False


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
    read_entry_texts(node, data)
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
    if node.get("refdomain") == "crawl" and node.get("reftype") == "source":
        # Source links point at the page holding crawl-sources, wherever it moves.
        return {"kind": "sources-page"}
    if _reads_as_entry(node):
        # Links to entries show their title: rewrite this page when it changes.
        return {"kind": "ref", "id": node["reftarget"]}
    return None


class ReadEntryTexts(SphinxTransform):
    """A written entry's title and body text, read into its data once the page's
    substitutions are made and its footnotes numbered, transforms that run after the
    directive. Before Sphinx's smart quotes, so the data keeps the quotes as written (the
    data of a translated part is read again in process_doc, see read_entry_texts)."""

    default_priority = 700  # Substitutions 220, Footnotes 620; SphinxSmartQuotes 750

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(_carries_entry):
            assert isinstance(node, nodes.Element)
            data: EntryData = node[ENTRY_ATTRIBUTE]
            if "imported" in data:
                continue  # the file's text, as the file gives it
            # The first: an entry may hold another in its body.
            title = next(
                (t for t in node.findall(nodes.inline) if "crawl-title-text" in t["classes"]),
                None,
            )
            if title is not None:
                # A translation replaced the title after the directive made it safe.
                if title.get("translated"):
                    defuse_title(title)
                _self_links_as_written(title, data["id"])
                data["title"] = plain_text(entry_text(title))
            body = _body(node)
            if body is not None:
                data["text"] = plain_text(entry_text(body))


def _carries_entry(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Element)
        and crawl_nodes.is_entry_node(node)
        and (ENTRY_ATTRIBUTE in node.attributes)
    )


def _body(node: nodes.Element) -> nodes.container | None:
    return next(
        (c for c in node.findall(nodes.container) if "crawl-entry-body" in c["classes"]), None
    )


def read_entry_texts(node: nodes.Element, data: EntryData) -> None:
    """The entry's data in the page's language. ReadEntryTexts read a written entry's
    title and body; Sphinx's i18n transform translated the title, body, author's callouts
    and keywords in the doctree (marking them ``translated``). Untranslated parts, and
    every part of an untranslated build, keep the text read before."""
    for part in node.findall(nodes.Element):
        if not part.get("translated"):
            continue
        if "crawl-title-text" in part["classes"]:
            data["title"] = plain_text(entry_text(part))
        elif "crawl-keywords" in part["classes"]:
            data["keywords"] = split_list(part.astext())
        elif isinstance(part, crawl_nodes.crawl_callout) and part.get("field"):
            data["fields"][part["field"]] = plain_text(entry_text(part))
    body = _body(node)
    if body is not None and any(p.get("translated") for p in body.findall(nodes.Element)):
        data["text"] = plain_text(entry_text(body))


def _self_links_as_written(title: nodes.Element, entry_id: str) -> None:
    """A link in an entry's title to the entry itself cannot show the entry's title (that
    title holds the link, which would show the title...): it shows what the author wrote,
    the id, in the page, crawl.json and the search alike. Done here, after the i18n
    transform, so that a translated title is treated the same."""
    for xref in title.findall(pending_xref):
        if xref.get("reftarget") == entry_id and _reads_as_entry(xref):
            xref["refexplicit"] = True
    for link in title.findall(nodes.reference):
        # MyST's [](#id): it becomes a pending_xref, explicit when it has text, after this.
        if link.get("id_link") and link.get("refuri") == f"#{entry_id}" and not link.children:
            link += nodes.Text(entry_id)


def entry_text(node: nodes.Element) -> str:
    """The node's text as a reader sees it: without docutils' messages (which quote the
    source file's path) and footnote or citation numbers (a mark beside the text, not
    words of it), and with each reference to an entry or source as a placeholder for the
    title it will show (filled in by the domain once every page is read)."""
    references = [x for x in node.findall(pending_xref) if _reads_as_title(x)]
    if next(node.findall(_not_text), None) is None and not references:
        return without_marks(node.astext())
    copy = _unmarked_copy(node)
    for text in list(copy.findall(nodes.Text)):
        if without_marks(text) != text:
            text.parent.replace(text, nodes.Text(without_marks(text)))
    for xref in [x for x in copy.findall(pending_xref) if _reads_as_title(x)]:
        xref.replace_self(nodes.Text(reference_placeholder(xref["reftype"], xref["reftarget"])))
    return copy.astext()


def entry_title(node: nodes.Element) -> str:
    """An entry's title as words, without footnote marks ("" if it has none): what a
    label written above the entry shows where a reference names it."""
    title = next(
        (t for t in node.findall(nodes.inline) if "crawl-title-text" in t["classes"]), None
    )
    return "" if title is None else words_of(title)


def words_of(node: nodes.Element) -> str:
    """A heading's words, without footnote or citation marks ("With footnotes 2")."""
    if next(node.findall(_not_text), None) is None:
        return plain_text(node.astext())  # most titles: no copy to make
    return plain_text(_unmarked_copy(node).astext())


def _unmarked_copy(node: nodes.Element) -> nodes.Element:
    """A copy of ``node`` without what its plain text leaves out (:func:`_not_text`)."""
    copy = node.deepcopy()
    for part in list(copy.findall(_not_text)):
        if part.parent is not None:
            _remove_mark(part)
    return copy


def _remove_mark(part: nodes.Node) -> None:
    """Take ``part`` out, with the space rST needs before a footnote mark where
    punctuation (or nothing) follows it: "crawls [#f1]_." reads "crawls."."""
    parent = part.parent
    assert parent is not None
    index = parent.index(part)
    before = parent[index - 1] if index > 0 else None
    after = parent[index + 1] if index + 1 < len(parent) else None
    parent.remove(part)
    if isinstance(before, nodes.Text) and (
        after is None or (isinstance(after, nodes.Text) and after[:1] in ".,;:!?)")
    ):
        parent.replace(before, nodes.Text(before.rstrip()))


def _not_text(node: nodes.Node) -> bool:
    """What an entry's plain text leaves out."""
    return isinstance(
        node,
        nodes.system_message
        | nodes.footnote_reference
        | nodes.citation_reference
        # A footnote's or citation's number or name, before its text.
        | nodes.label,
    )


def _reads_as_entry(xref: pending_xref) -> bool:
    """A link that may name an entry: a crawl role, ``any`` or MyST's ``[](#id)``."""
    domain, kind = xref.get("refdomain"), xref.get("reftype")
    if domain == "crawl":
        return bool(kind != "source")
    return domain in (None, "") and kind in ("any", "myst")


def _reads_as_title(xref: pending_xref) -> bool:
    """A crawl reference without a title of the author's shows the target's title."""
    return xref.get("refdomain") == "crawl" and not xref.get("refexplicit")
