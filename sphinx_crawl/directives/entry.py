"""The one directive class behind every content type (tip-card, red-flag, ...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE
from sphinx_crawl.config import SourceData, crawl_config
from sphinx_crawl.contacts import fill_contacts, unknown_kind_message
from sphinx_crawl.core.content_types import COMMON_OPTIONS, ContentType
from sphinx_crawl.core.entries import (
    EntryData,
    named_characters,
    shows_nothing,
    without_controls,
)
from sphinx_crawl.diagnostics import Subtype, warn
from sphinx_crawl.directives.entry_parts import (
    Report,
    check_hooks,
    checked_id,
    checked_relations,
    convert_fields,
    entry_frame,
    entry_tail,
    read_age,
    record_inclusion,
    title_frame,
    unique_anchor,
)
from sphinx_crawl.directives.options import list_option, raw_options, read_options
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _
from sphinx_crawl.node_parts import callout_paragraphs, defuse_title, labelled_list

#: URL schemes a browser runs rather than opens (it ignores spaces and controls in them).


class EntryDirective(SphinxDirective):
    """Parse options into an :class:`EntryData`, record it, and emit its node."""

    content_type: ClassVar[ContentType]
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        ct = self.content_type
        location = self.get_location()

        def report(message: str, subtype: Subtype) -> None:
            warn(f"{ct.directive}: {message}", location, subtype)

        self._without_controls(report)
        known = [*COMMON_OPTIONS, *_type_options(ct)]
        self.options = read_options(ct.directive, self.options, self.block_text, known, location)
        title = self.arguments[0].strip() if self.arguments else ""
        if shows_nothing(title):
            # (A title of only a backslash or of characters of no width showed an empty
            # heading, s54.)
            shown = " (only characters that do not show)" if title else ""
            report(f"the entry has no title{shown}", "title")
            title = ""
        entry_id = checked_id(ct, self.options.get("id") or "", title or str(ct.label), report)
        age = read_age(ct, self.options.get("age"), report, self.env.config.language)
        fields = self._with_contacts(convert_fields(ct, self.options, report), report)
        sources = self._sources(location)
        given = {r.name: list_option(self.options.get(r.name)) for r in ct.relations}
        relations = checked_relations(ct, given, report)
        check_hooks(ct, fields, report)

        anchor = unique_anchor(self.state.document, entry_id, report, _node_before(self.state))
        node = entry_frame(ct, entry_id, anchor, age, fields)
        # Claimed in the document, so a later entry or heading cannot take the same HTML ids.
        self.state.document.ids[anchor] = node
        self.set_source_info(node)
        heading = self._title_node(title or str(ct.label), fields, anchor)
        self.state.document.ids[f"{anchor}-title"] = heading
        node += heading
        body = nodes.container(classes=["crawl-entry-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        node += body
        if ct.search_role == "answer" and not _has_content(body):
            # A question without its answer: parents found it in the search and the FAQ
            # with nothing under it, and search engines an FAQ answer of "".
            report("the question has no answer: write it below, as the entry's body", "content")
        node.extend(self._translatable_callouts(fields))
        keywords = list_option(self.options.get("keywords"))
        if keywords:
            node += self._keywords_node(keywords)
        tags = list_option(self.options.get("tags"))
        node.extend(entry_tail(crawl_domain(self.env).content_types, ct, entry_id, age, relations))
        if sources:
            node += sources_paragraph(sources)

        # Plain data for the domain, which collects it from the doctree in process_doc.
        # The title and text are read there (collect.ReadEntryTexts), as the reader
        # sees them: substitutions and footnotes are resolved only after the directive.
        data: EntryData = {
            "id": entry_id,
            "type": ct.name,
            "title": "",
            "docname": self.env.docname,
            "anchor": anchor,
            "lineno": self.lineno,
            "age": age.as_dict() if age else None,
            "tags": tags,
            "sources": sources,
            "keywords": keywords,
            "text": "",
            "fields": fields,
            "relations": relations,
        }
        if not (self.options.get("id") or "").strip():
            data["id_from_title"] = True
        record_inclusion(self, data)
        node[ENTRY_ATTRIBUTE] = data
        node[ORDER_ATTRIBUTE] = next_position(self.state.document)
        return [node]

    def _translatable_callouts(self, fields: dict[str, Any]) -> list[nodes.Element]:
        """The labelled lines; those the author wrote are offered to translators (a
        default comes from the package's own catalog, already in the build's language)."""
        callouts: list[nodes.Element] = list(
            callout_paragraphs(self.content_type, fields, self.config)
        )
        for callout in callouts:
            if callout.get("field") and callout["field"] in self.options:
                # As written: a contact named with the role stays the role (each edition,
                # each place, says its own words).
                callout.rawsource = " ".join(str(self.options[callout["field"]]).split())
                callout.source, callout.line = self.get_source_info()
        return callouts

    def _without_controls(self, report: Report) -> None:
        """Control characters (a bell, an escape) in the title, the options or the body
        are no text: each is read as a space, and the author told once (s54: they went
        into crawl.json, which the extension's own import refuses, and an EPUB's
        heading, which was then no XML)."""
        found: set[str] = set()
        self.arguments = without_controls(self.arguments, found)
        self.options = without_controls(self.options, found)
        self.block_text = without_controls(self.block_text, found)
        self.content.data = without_controls(self.content.data, found)
        if found:
            report(
                f"the entry holds control characters ({named_characters(found)}), which are "
                "no text; each is read as a space",
                "content",
            )

    def _with_contacts(self, fields: dict[str, Any], report: Report) -> dict[str, Any]:
        """Text fields (an option's value, or a default such as the red flags' usual
        action) with each ``crawl:contact`` role written out for this build's place."""

        def unknown(kind: str) -> None:
            report(unknown_kind_message(crawl_config(self.config), kind), "ref")

        return {
            name: fill_contacts(value, self.config, unknown) if isinstance(value, str) else value
            for name, value in fields.items()
        }

    def _keywords_node(self, keywords: list[str]) -> nodes.comment:
        """The keywords as a comment no writer shows, offered to translators: parents
        search in their own language (read back in collect.read_document)."""
        text = ", ".join(keywords)
        node = nodes.comment(text, text, classes=["crawl-keywords"], translatable=True)
        node.source, node.line = self.get_source_info()
        return node

    # -- options ---------------------------------------------------------------

    def _sources(self, location: str) -> list[str]:
        settings = crawl_config(self.config)
        declared = settings.sources
        keys = list_option(self.options.get("source"))
        for key in keys:
            if key not in declared:
                known = ", ".join(sorted(declared)) or "none declared"
                warn(
                    f"{self.content_type.directive}: unknown source {key!r} "
                    f"(crawl_sources: {known})",
                    location,
                    "source",
                )
        cited = [key for key in keys if key in declared]
        if not cited and settings.require_source:
            warn(
                f"{self.content_type.directive}: the entry cites no source (:source:)",
                location,
                "source",
            )
        return cited

    # -- nodes -----------------------------------------------------------------

    def _title_node(
        self, title: str, fields: dict[str, Any], anchor: str
    ) -> crawl_nodes.crawl_entry_title:
        """The heading: the spoken prefix, and the title text in a ``crawl-title-text``
        inline."""
        node = title_frame(self.content_type, fields, anchor)
        inline, messages = self.state.inline_text(title, self.lineno)
        # A title is text: inline markup stays, raw HTML (MyST allows it inline) and links
        # a browser would run (rST links "javascript:...") show as text.
        # The title alone is offered to translators (gettext), apart from the prefix.
        text = nodes.inline(title, "", *inline, classes=["crawl-title-text"], translatable=True)
        text.source, text.line = self.get_source_info()
        defuse_title(text)
        node += text
        node.extend(messages)
        return node


def next_position(document: nodes.document) -> int:
    """Entries are stored in the order their directives finish, as authors expect."""
    position: int = document.get(ORDER_ATTRIBUTE, 0)
    document[ORDER_ATTRIBUTE] = position + 1
    return position


def _type_options(ct: ContentType) -> list[str]:
    return [*(f.name for f in ct.fields), *(r.name for r in ct.relations)]


def sources_paragraph(
    sources: list[str], imported: Mapping[str, SourceData] | None = None
) -> nodes.paragraph:
    """ "Sources: a; b", each a link to the page listing the sources. An imported
    entry's sources carry their titles: on a demo page, whose entries the domain does
    not keep, they show as text rather than as unknown keys."""
    from sphinx.addnodes import pending_xref

    refs: list[nodes.Node] = []
    for key in sources:
        ref = pending_xref(
            "", refdomain="crawl", reftype="source", reftarget=key, refexplicit=False
        )
        if imported and key in imported:
            ref["crawl_imported_title"] = imported[key]["title"]
        ref += nodes.inline("", key, classes=["crawl-source-ref"])
        refs.append(ref)
    label = _("Source") if len(sources) == 1 else _("Sources")
    return labelled_list(label, refs, ["crawl-sources"])


def make_entry_directive(content_type: ContentType) -> type[EntryDirective]:
    """A directive class bound to ``content_type``: configuration, not a copy of code."""
    options = raw_options(*COMMON_OPTIONS, *_type_options(content_type))
    name = "".join(part.capitalize() for part in content_type.name.split("-")) + "Directive"
    return type(name, (EntryDirective,), {"content_type": content_type, "option_spec": options})


def _has_content(body: nodes.Element) -> bool:
    """Whether an entry's body holds anything a reader sees: text, or a part with none
    of its own yet (a list of entries, an image), not only comments and messages."""
    return any(
        not isinstance(child, nodes.comment | nodes.system_message) for child in body.children
    )


def _node_before(state: Any) -> nodes.Node | None:
    """The last node before the directive (a label right above the entry, say): in
    docutils' state its parent's last child; MyST's mock state has no parent, but its
    renderer fills one node at a time."""
    try:
        parent = state.parent
    except Exception:  # myst_parser.mocking.MockingError, for any attribute it lacks
        parent = getattr(getattr(state, "_renderer", None), "current_node", None)
    return parent[-1] if isinstance(parent, nodes.Element) and len(parent) else None
