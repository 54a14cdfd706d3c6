"""Fill ``crawl-list`` and ``crawl-sources`` placeholders from the domain data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.builtin import BUILT_IN_TYPES
from sphinx_crawl.config import source_language_classes
from sphinx_crawl.core.content_types import ContentType, hook_value
from sphinx_crawl.core.derive import age_sort_key, badge, free_id, source_anchor
from sphinx_crawl.core.entries import EntryData, excerpt
from sphinx_crawl.core.lists import ListSpec
from sphinx_crawl.domain import CrawlDomain, crawl_domain
from sphinx_crawl.i18n import _, labelled, words_in_english
from sphinx_crawl.node_parts import callout_paragraphs, labelled_list, table, text_row
from sphinx_crawl.render.fallback import NonHTMLFallback
from sphinx_crawl.render.single_page import anchor_uri
from sphinx_crawl.render.timeline import TimelineRow, timeline_svg
from sphinx_crawl.selection import (
    citing_entries,
    helping_entries,
    relation_lines,
    select_entries,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


class FillCollections(SphinxPostTransform):
    """Fill every list on the page, for every builder (text and LaTeX list entries too).

    Added at ``builder-inited`` as a subclass that knows the builder (see
    :func:`add_collection_transforms`): links need it, and transforms get no
    builder from Sphinx's public API.
    """

    default_priority = 20
    builder: ClassVar[Builder]
    #: The page the node being filled was written on, when it is not the document's
    #: (see :func:`_written_on`).
    _page: str | None = None

    @property
    def docname(self) -> str:
        return self._page or self.env.docname

    def run(self, **kwargs: Any) -> None:
        domain = crawl_domain(self.env)
        for placeholder in list(self.document.findall(crawl_nodes.crawl_list)):
            self._page = _written_on(placeholder)
            placeholder.replace_self(self._render_list(domain, placeholder))
        for links in list(self.document.findall(crawl_nodes.crawl_relations)):
            self._page = _written_on(links)
            shown = self._render_relations(domain, links)
            if shown.children:
                links.replace_self(shown)
            else:
                links.parent.remove(links)
        for sources in list(self.document.findall(crawl_nodes.crawl_sources)):
            self._page = _written_on(sources)
            # The anchors move onto each source's block; replace_self would copy them.
            # (Only those the directive claimed: a second list on the page gets none.)
            claimed = set(sources["ids"])
            sources["ids"], sources["names"] = [], []
            sources.replace_self(self._render_sources(domain, claimed))

    # -- helpers ------------------------------------------------------------------

    def _link(self, entry: EntryData, text: str | None = None) -> nodes.reference:
        return make_refnode(
            self.builder,
            self.docname,
            entry["docname"],
            entry["anchor"],
            nodes.inline("", text or entry["title"]),
            entry["title"],
        )

    def _type(self, entry: EntryData) -> ContentType | None:
        return crawl_domain(self.env).content_types.get(entry["type"])

    def _detail_node(self, entry: EntryData) -> nodes.Node:
        """The details column: a built-in type's badge is the package's words."""
        content_type = self._type(entry)
        if content_type and content_type.badge and entry["type"] in BUILT_IN_TYPES:
            return self._english_text(self._detail(entry))
        return nodes.Text(self._detail(entry))

    def _detail(self, entry: EntryData) -> str:
        content_type = self._type(entry)
        if content_type and content_type.badge:
            return badge(content_type, entry["fields"])
        return excerpt(entry["text"])

    # -- links between entries ---------------------------------------------------

    def _render_relations(
        self, domain: CrawlDomain, placeholder: crawl_nodes.crawl_relations
    ) -> nodes.Element:
        """A labelled line per relation, both ways: "Helps with: ...", "Tips that
        help: ..." (the back-links only where this entry is the one the domain holds,
        not a live example repeating its id)."""
        wrapper = nodes.container(classes=["crawl-relations"])
        spec = {
            "id": placeholder["entry_id"],
            "type": placeholder["crawl_type"],
            "relations": placeholder["relations"],
        }
        english = bool(words_in_english(self.config))
        for line in relation_lines(domain, spec, self.docname):
            shown = labelled_list(
                line.label,
                [self._link(entry) for entry in line.entries],
                ["crawl-relation", line.css_class],
            )
            label = shown[0]
            if english and line.ours and isinstance(label, nodes.Element):
                # The package's label, in English on a page of another language.
                label["classes"].append("language-en")
            wrapper += shown
        return wrapper

    # -- crawl-list ---------------------------------------------------------------

    def _render_list(
        self, domain: CrawlDomain, placeholder: crawl_nodes.crawl_list
    ) -> nodes.Element:
        spec: ListSpec = placeholder["spec"]
        entries = select_entries(domain, spec, crawl_domain(self.env).content_types)
        wrapper = nodes.container(classes=["crawl-list", f"crawl-list-{spec['layout']}"])
        if placeholder.get("caption"):
            wrapper += nodes.rubric("", placeholder["caption"])
        # The caption's comment, read with the page, stays: no writer shows it, and the
        # gettext builder offers it to translators (what is made here, it would not).
        for comment in [c for c in placeholder.children if isinstance(c, nodes.comment)]:
            placeholder.remove(comment)
            wrapper += comment
        for part in self._list_parts(spec, entries):
            part["classes"].append(crawl_nodes.NOT_IN_SPHINX_SEARCH)
            wrapper += part
        return wrapper

    def _list_parts(self, spec: ListSpec, entries: list[EntryData]) -> list[nodes.Element]:
        """What a list shows below its caption: the entries, and a checklist's tools."""
        if not entries:
            return [
                nodes.paragraph("", "", self._english(nodes.emphasis("", _("No entries match."))))
            ]
        parts: list[nodes.Element] = []
        interactive = spec["layout"] == "checklist" and self._is_html()
        if interactive:
            # Filled with today's date by crawl.js; shown only on paper.
            parts.append(
                nodes.paragraph(
                    "",
                    "",
                    self._english_text(_("Printed on") + " "),
                    nodes.inline(classes=["crawl-print-date"]),
                    classes=["crawl-print-only"],
                )
            )
            parts.append(self._checklist_tools("top", {"age": "crawl-checklist-age"}))
        layout = spec["layout"]
        if layout in ("tracker", "noticed") and self._is_html():
            return [*parts, self._tracker(entries, layout, spec.get("help", []))]
        if layout == "timeline":
            return [*parts, *self._timeline(entries)]
        # On paper a tracker is the table of what to look for, and signs a checklist.
        layout = {"tracker": "table", "noticed": "checklist"}.get(layout, layout)
        render = {"table": self._table, "cards": self._cards, "checklist": self._checklist}[layout]
        parts.append(render(entries))
        if interactive:
            parts.append(self._checklist_tools("bottom", {}))
        return parts

    def _is_html(self) -> bool:
        return bool(self.builder.format == "html")

    def _english_classes(self) -> list[str]:
        """``language-en`` (Sphinx writes ``lang="en"``) for an element holding only the
        package's words, in HTML, where they show in English on a page of another
        language (:func:`words_in_english`); else none."""
        return ["language-en"] if self._is_html() and words_in_english(self.config) else []

    def _english(self, node: nodes.Element) -> nodes.Element:
        node["classes"].extend(self._english_classes())
        return node

    def _english_text(self, text: str) -> nodes.Node:
        """The package's words: marked English in an inline of their own where they
        show so, else text as before."""
        if self._english_classes():
            return nodes.inline("", text, classes=self._english_classes())
        return nodes.Text(text)

    def _english_head(self, node: nodes.table) -> nodes.table:
        """A table whose column headings are the package's words."""
        for head in node.findall(nodes.thead):
            self._english(head)
        return node

    def _checklist_tools(
        self, part: str, field_ids: dict[str, str]
    ) -> crawl_nodes.crawl_checklist_tools:
        # The HTML page's name, as the ticks' keys (see _checklist): the baby's age is
        # kept once per page the parent has open.
        tools = crawl_nodes.crawl_checklist_tools(part=part, page=self.env.docname)
        tools["field_ids"] = {key: self._claim_id(value, tools) for key, value in field_ids.items()}
        return tools

    def _table(self, entries: list[EntryData]) -> nodes.table:
        rows = [
            text_row(
                [
                    self._link(entry),
                    nodes.Text(entry["age"]["label"])
                    if entry["age"]
                    else self._english_text(_("Any age")),
                    self._detail_node(entry),
                ]
            )
            for entry in entries
        ]
        return self._english_head(
            table(["crawl-list-table"], (35, 20, 45), [_("Entry"), _("Age"), _("Details")], rows)
        )

    def _timeline(self, entries: list[EntryData]) -> list[nodes.Element]:
        """The entries' ages as a chart (HTML), with the same data as a table: under
        the chart in a disclosure (its text alternative), and alone in other builders."""
        aged = sorted(
            (entry for entry in entries if entry["age"] is not None),
            key=lambda entry: (age_sort_key(entry["age"]), entry["title"].lower()),
        )
        if not aged:
            none = nodes.emphasis("", _("No entries with ages match."))
            return [nodes.paragraph("", "", self._english(none))]
        rows = [
            text_row([self._link(entry), nodes.Text(entry["age"]["label"])])  # type: ignore[index]
            for entry in aged
        ]
        data = self._english_head(
            table(["crawl-timeline-data"], (70, 30), [_("Entry"), _("Age")], rows)
        )
        if not self._is_html():
            return [data]
        ids = self.document.ids
        chart_id = free_id("crawl-timeline", lambda name: name not in ids)
        ids[chart_id] = self.document  # claimed: a second chart on the page takes -2
        chart = timeline_svg(
            [
                TimelineRow(
                    entry["title"],
                    entry["age"]["label"],  # type: ignore[index]
                    entry["age"]["min_months"],  # type: ignore[index]
                    entry["age"]["max_months"],  # type: ignore[index]
                    entry["age"]["kind"],  # type: ignore[index]
                )
                for entry in aged
            ],
            chart_id,
            words_in_english(self.config),
        )
        details = crawl_nodes.crawl_details(summary=_("The same ages as a table"))
        details += data
        return [nodes.raw("", chart, format="html", classes=["crawl-timeline"]), details]

    def _cards(self, entries: list[EntryData]) -> nodes.Element:
        """A card per entry: its title as a link, its age and badge, and its text (an
        excerpt for types without a badge). In HTML each card is one node, written whole
        by its visitor (a list can hold thousands); elsewhere, standard nodes."""
        html = self._is_html()
        grid = nodes.container(classes=["crawl-card-grid"])
        for entry in entries:
            content_type = self._type(entry)
            classes = ["crawl-list-card", "sd-card", f"crawl-type-{entry['type']}"]
            classes.extend(hook_value(content_type, "classes", entry["fields"]))
            meta = [entry["age"]["label"]] if entry["age"] else []
            if content_type and content_type.badge:
                meta.append(badge(content_type, entry["fields"]))
            text = (
                self._detail(entry) if not content_type or not content_type.badge else entry["text"]
            )
            if html:
                grid += crawl_nodes.crawl_list_card(
                    classes=classes,
                    title=entry["title"],
                    href=self._uri(entry),
                    meta=" \u00b7 ".join(meta),
                    text=text,
                )
                continue
            card = nodes.container(classes=classes)
            card += nodes.paragraph(
                "", "", nodes.strong("", "", self._link(entry)), classes=["crawl-list-title"]
            )
            if meta:
                card += nodes.paragraph("", " \u00b7 ".join(meta), classes=["crawl-meta"])
            card += nodes.paragraph("", text)
            grid += card
        return grid

    def _unique_id(self, base: str) -> str:
        """``base``, or ``base-2``... when the page already has it (two checklists may
        show one entry; each box must name its own label)."""
        return free_id(base, lambda name: name not in self.document.ids)

    def _claim_id(self, base: str, node: nodes.Element) -> str:
        """A free id, recorded as taken so the next one on the page differs."""
        candidate = self._unique_id(base)
        self.document.ids[candidate] = node
        return candidate

    def _checklist(self, entries: list[EntryData]) -> nodes.Element:
        """Tick boxes with the entry's title, level and callouts.

        In HTML each row is a ``<label>``, so a tap on the title ticks the box; the link
        to the entry is a separate "Read more" link, and each item has a note field that
        crawl-checklist.js reveals and keeps on the device (see render.html). Elsewhere
        (text, LaTeX...) the title itself links to the entry, as on paper nothing is tapped.
        """
        html = self._is_html()
        checklist: nodes.Element = (
            crawl_nodes.crawl_checklist()
            if html
            else nodes.bullet_list(classes=["crawl-checklist"])
        )
        for entry in entries:
            label_id = self._unique_id(f"check-{entry['id']}")
            content_type = self._type(entry)
            level = (
                badge(content_type, entry["fields"]) if content_type and content_type.badge else ""
            )
            callouts = callout_paragraphs(content_type, entry["fields"], self.config)
            if html:
                item: nodes.Element = crawl_nodes.crawl_check_item(
                    "",
                    *callouts,
                    title=entry["title"],
                    badge=level,
                    # Whose words the badge is: the package's, or a plugin's (html._ours).
                    crawl_type=entry["type"],
                    label_id=label_id,
                    href=self._uri(entry),
                    # Stored per page and item: the same entry on two pages is two ticks.
                    # The page is the HTML page the box is on, whose ids are unique: in
                    # a single HTML page the root's name for every list, even one
                    # written on another page (links go from that page; keys did too,
                    # for a while, and the ticks kept before were lost).
                    key=f"{self.env.docname}:{label_id.removeprefix('check-')}",
                )
                self.document.ids[label_id] = item
                item["note_id"] = self._claim_id(f"note-{entry['id']}", item)
            else:
                label = nodes.inline(ids=[label_id], classes=["crawl-check-label"])
                self.document.ids[label_id] = label
                label += nodes.strong("", "", self._link(entry))
                if level:
                    label += nodes.Text(" \u2014 ")
                    label += nodes.emphasis("", level)
                line = nodes.paragraph("", "[ ] ", label, classes=["crawl-check-line"])
                item = nodes.list_item("", line, *callouts, classes=["crawl-check-item"])
            checklist += item
        return checklist

    def _tracker(
        self, entries: list[EntryData], layout: str, help_types: list[str]
    ) -> nodes.Element:
        """Each entry with the parent's marks (crawl-companion.js keeps them per baby):
        "yes / not yet / not sure" and a date, or for signs "noticed" and since when."""
        domain = crawl_domain(self.env)
        items = crawl_nodes.crawl_checklist(classes=["crawl-tracker"])
        for entry in entries:
            age = entry["age"]
            helpers = helping_entries(domain, entry, help_types, domain.content_types)
            item = crawl_nodes.crawl_track_item(
                entry_id=entry["id"],
                item_id=self._claim_id(f"track-{entry['id']}", items),
                title=entry["title"],
                href=self._uri(entry),
                age=age["label"] if age else "",
                age_min="" if age is None else str(age["min_months"]),
                age_max="" if age is None or age["max_months"] is None else str(age["max_months"]),
                mode="noticed" if layout == "noticed" else "seen",
                help=[(h["title"], self._uri(h)) for h in helpers],
            )
            items += item
        return items

    def _uri(self, entry: EntryData) -> str:
        """The entry's address from this page (on one page, its anchor alone)."""
        return anchor_uri(self.builder, self.docname, entry["docname"], entry["anchor"])

    # -- crawl-sources ----------------------------------------------------------

    def _render_sources(self, domain: CrawlDomain, claimed: set[str]) -> nodes.Element:
        wrapper = nodes.container(classes=["crawl-source-list"])
        for key, source in domain.sources().items():
            anchor = source_anchor(key)
            if "imported_from" in source and anchor not in self.document.ids:
                # Known only once every page is read: the directive could not claim it.
                claimed.add(anchor)
                self.document.ids[anchor] = self.document
            block = nodes.container(
                ids=[anchor] if anchor in claimed else [], classes=["crawl-source"]
            )
            title = nodes.strong(
                "", source["title"], classes=source_language_classes(source, self.config)
            )
            block += nodes.paragraph("", "", title, classes=["crawl-source-title"])
            by = [source[part] for part in ("author", "publisher") if source.get(part)]
            if by:
                block += nodes.paragraph("", ", ".join(by), classes=["crawl-source-by"])
            if source.get("url"):
                block += nodes.paragraph(
                    "", "", nodes.reference(source["url"], source["url"], refuri=source["url"])
                )
            if "imported_from" in source:
                origin = nodes.Text(source["imported_from"])
                block += labelled_list(_("Imported from"), [origin], ["crawl-imported-from"])
            citing = citing_entries(domain, key)
            if citing:
                block += nodes.paragraph(
                    "",
                    labelled(_("Cited by")).rstrip(),
                    classes=["crawl-cited-by", *self._english_classes()],
                )
                cited = nodes.bullet_list()
                for entry in citing:
                    cited += nodes.list_item("", nodes.paragraph("", "", self._link(entry)))
                block += cited
            else:
                block += nodes.paragraph(
                    "", "", self._english(nodes.emphasis("", _("Not cited by any entry yet.")))
                )
            wrapper += block
        return wrapper


def _written_on(node: nodes.Node) -> str | None:
    """The page ``node`` was written on, in a document the builder assembled from all the
    pages (LaTeX, Texinfo, single HTML page): there the transforms run once, as the root
    page, and a link from another page to its own entry would be written as an anchor of
    that page. Sphinx marks each page's sections (and the root) with their ``docname``.
    ``None`` in a page of its own."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and parent.get("docname"):
            return str(parent["docname"])
        parent = parent.parent
    return None


#: Lines whose label is the package's words whatever the entry's type ("Source:",
#: "Imported from:", "Adapted by:").
_OWN_LABELLED = ("crawl-sources", "crawl-imported-from", "crawl-adapted-by")


class MarkOwnWords(SphinxPostTransform):
    """HTML, in a language the package has no words for: the labels of an entry's
    sources, of where it was imported from and who adapted it say they are English
    (``language-en``, written as ``lang="en"``), as the labels of its links do; the
    sources and projects after them keep the page's language."""

    default_priority = 30  # after the lists (20) and the adaptations (8)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not words_in_english(self.config):
            return
        for node in self.document.findall(nodes.paragraph):
            if any(c in _OWN_LABELLED for c in node["classes"]):
                label = node.next_node(nodes.strong)
                if label is not None and "language-en" not in label["classes"]:
                    label["classes"].append("language-en")


def add_collection_transforms(app: Sphinx) -> None:
    """``builder-inited``: the list filler for this builder, and for builders other than
    HTML the conversion of our nodes to standard ones."""
    app.add_post_transform(type("FillCollections", (FillCollections,), {"builder": app.builder}))
    if app.builder.format != "html":
        app.add_post_transform(NonHTMLFallback)
    else:
        app.add_post_transform(MarkOwnWords)


def setup_collections(app: Sphinx) -> None:
    app.connect("builder-inited", add_collection_transforms)
