"""An entry a ``crawl-extend`` changed is shown changed on its own page.

The entry's node was built from the entry as written; once every page is read, the
domain holds it with every crawl-extend applied (``core/adapt.py``). This post-transform
brings the node in line, on the page that defines the entry: its level (classes, badge,
spoken prefix, data attributes), the labelled lines whose text changed, its sources,
and, for an entry taken from elsewhere, "Adapted by <this project>" under "Imported
from". Links both ways follow the domain already (``selection.relation_lines``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.content_types import ContentType, hook_value
from sphinx_crawl.core.entries import EntryData
from sphinx_crawl.directives.entry import sources_paragraph
from sphinx_crawl.directives.entry_parts import entry_frame
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _
from sphinx_crawl.node_parts import callout_paragraphs, labelled_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class ShowAdaptations(SphinxPostTransform):
    """Before references are resolved (10): a changed sources line holds new links."""

    default_priority = 8

    def run(self, **kwargs: Any) -> None:
        domain = crawl_domain(self.env)
        known = domain.by_id()
        for node in list(self.document.findall(crawl_nodes.crawl_entry)):
            entry = known.get(node.get("entry_id", ""))
            if (
                entry is None
                or "adapted" not in entry
                or entry["docname"] != self.env.docname
                or entry["anchor"] not in node["ids"]
            ):
                continue
            content_type = domain.content_types.get(entry["type"])
            if content_type is not None:
                adapt_node(node, entry, content_type)


def adapt_node(node: crawl_nodes.crawl_entry, entry: EntryData, ct: ContentType) -> None:
    adapted = entry["adapted"]
    fields = entry["fields"]
    written = {**fields, **{k: v for k, v in adapted["original"].items() if ct.field(k)}}
    written = {k: v for k, v in written.items() if v is not None}
    age = AgeRange.from_dict(entry["age"]) if entry["age"] else None  # type: ignore[arg-type]
    before = entry_frame(ct, entry["id"], entry["anchor"], age, written)
    after = entry_frame(ct, entry["id"], entry["anchor"], age, fields)
    extra = [c for c in node["classes"] if c not in before["classes"]]
    node["classes"] = [*after["classes"], *extra]
    node["data"], node["badge"] = after["data"], after["badge"]
    for heading in node.findall(crawl_nodes.crawl_entry_title):
        heading["prefix"] = str(hook_value(ct, "heading_prefix", fields))
        break
    _replace_callouts(node, ct, written, fields)
    if "sources" in adapted["adaptation"]:
        _replace_sources(node, entry)
    if "imported" in entry:
        _add_adapted_by(node, adapted["by"])


def _replace_callouts(
    node: nodes.Element, ct: ContentType, written: dict[str, Any], fields: dict[str, Any]
) -> None:
    """Labelled lines whose text changed are made again; the others stay as they are
    (with what the translators were offered)."""
    lines = callout_paragraphs(ct, fields)
    if [_key(c) for c in callout_paragraphs(ct, written)] == [_key(c) for c in lines]:
        return
    old = [c for c in node.children if isinstance(c, crawl_nodes.crawl_callout)]
    unchanged = {_key(c): c for c in old}
    lines = [unchanged.get(_key(c), c) for c in lines]
    body = next(
        (
            c
            for c in node.children
            if isinstance(c, nodes.Element) and "crawl-entry-body" in c["classes"]
        ),
        None,
    )
    position = node.index(old[0]) if old else (node.index(body) + 1 if body is not None else 1)
    for callout in old:
        node.remove(callout)
    for offset, callout in enumerate(lines):
        node.insert(position + offset, callout)


def _key(callout: crawl_nodes.crawl_callout) -> tuple[str, str]:
    return callout["field"], callout.astext()


def _replace_sources(node: nodes.Element, entry: EntryData) -> None:
    imported = entry.get("imported", {}).get("sources")
    line = sources_paragraph(list(entry["sources"]), imported)
    for para in node.findall(nodes.paragraph):
        if "crawl-sources" in para["classes"] and para.parent is node:
            para.replace_self(line)
            return
    origin = _imported_from(node)
    if origin is not None:
        node.insert(node.index(origin), line)
    else:
        node += line


def _imported_from(node: nodes.Element) -> nodes.Element | None:
    return next(
        (
            c
            for c in node.children
            if isinstance(c, nodes.paragraph) and "crawl-imported-from" in c["classes"]
        ),
        None,
    )


def _add_adapted_by(node: nodes.Element, project: str) -> None:
    """ "Adapted by: <this project>", under "Imported from"."""
    line = labelled_list(_("Adapted by"), [nodes.Text(project)], ["crawl-adapted-by"])
    origin = _imported_from(node)
    if origin is not None:
        node.insert(node.index(origin) + 1, line)
    else:
        node += line


def setup_adapted(app: Sphinx) -> None:
    app.add_post_transform(ShowAdaptations)
