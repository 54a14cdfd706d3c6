"""HTML visitors for sphinx-crawl nodes. Every string goes through docutils escaping."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.builtin import BUILT_IN_TYPES
from sphinx_crawl.collect import words_of
from sphinx_crawl.i18n import _, labelled, words_in_english
from sphinx_crawl.node_parts import meta_parts

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def _data(node: nodes.Element) -> dict[str, str]:
    data: dict[str, str] = node.get("data", {})
    return {f"data-{key}": value for key, value in sorted(data.items())}


def visit_entry(self: HTML5Translator, node: crawl_nodes.crawl_entry) -> None:
    title_id = f"{node['ids'][0]}-title" if node["ids"] else None
    attributes: dict[str, Any] = _data(node)
    if title_id:
        attributes["aria-labelledby"] = title_id
    self.body.append(self.starttag(node, "article", "", **attributes))


def depart_entry(self: HTML5Translator, node: crawl_nodes.crawl_entry) -> None:
    self.body.append("</article>\n")


#: The extension's own content types: their words are the package's.


def _heading_tag(self: HTML5Translator) -> str:
    # One level below the enclosing section, so screen readers can list entries.
    return f"h{min(self.section_level + 1, 6)}"


def visit_entry_title(self: HTML5Translator, node: crawl_nodes.crawl_entry_title) -> None:
    self.body.append(self.starttag(node, _heading_tag(self), "", CLASS="crawl-entry-title"))
    if node.get("prefix"):
        self.body.append(_hidden_html(self, node["prefix"], _ours(self, node)))


def depart_entry_title(self: HTML5Translator, node: crawl_nodes.crawl_entry_title) -> None:
    """After the heading, not in it: the permalink, so screen readers hear the heading
    without a pilcrow, and the badge, hidden from them when the heading's spoken prefix
    already says the level (the urgency is read once)."""
    self.body.append(f"</{_heading_tag(self)}>\n")
    parent = node.parent
    if not isinstance(parent, crawl_nodes.crawl_entry):
        return
    # As Sphinx's own headings: none where the project turns them off (html_permalinks
    # = False) or the builder has none (EPUB), and the project's or theme's icon ("#").
    if parent["ids"] and self.config.html_permalinks and self.builder.add_permalinks:
        href = escape(parent["ids"][0])
        # The title's words: a footnote's mark in it is no word ("With footnotes 3").
        name = escape(str(_("Link to this entry: {title}")).format(title=words_of(node)))
        link_title = escape(str(_("Link to this entry")))
        self.body.append(
            f'<a class="headerlink crawl-permalink" href="#{href}" aria-label="{name}" '
            f'title="{link_title}">{self.config.html_permalinks_icon}</a>\n'
        )
    if parent.get("badge"):
        hidden = ' aria-hidden="true"' if node.get("prefix") else ""
        lang = _ours(self, parent)
        self.body.append(
            f'<p class="crawl-badge"{hidden}{lang}>{self.encode(parent["badge"])}</p>\n'
        )


def _ours(self: HTML5Translator, node: nodes.Element | None) -> str:
    """`` lang="en"`` for the extension's own words (a built-in type's badge, spoken
    level and labels) shown in English on a page of another language
    (:func:`words_in_english`); a plugin type's words are its own, in whatever language
    it wrote them."""
    lang = words_in_english(self.config)
    while lang and node is not None:
        classes: list[str] = node.get("classes", [])
        kind = node.get("crawl_type") or next(
            (c.removeprefix("crawl-type-") for c in classes if c.startswith("crawl-type-")), ""
        )
        if kind:
            return lang if kind in BUILT_IN_TYPES else ""
        node = node.parent
    return lang


def _hidden_html(self: HTML5Translator, text: str, lang: str) -> str:
    return f'<span class="crawl-visually-hidden"{lang}>{self.encode(text)}</span>'


def visit_meta(self: HTML5Translator, node: crawl_nodes.crawl_meta) -> None:
    lang = words_in_english(self.config)
    parts = [
        f'<span class="crawl-{name}"><strong{lang}>{self.encode(label)}</strong>'
        f"{self.encode(text)}</span>"
        for label, text, name in meta_parts(node)
    ]
    self.body.append(f'<p class="crawl-meta">{"".join(parts)}</p>\n')
    raise nodes.SkipNode


def visit_callout(self: HTML5Translator, node: crawl_nodes.crawl_callout) -> None:
    self.visit_paragraph(node)
    lang = _ours(self, node)
    self.body.append(f"<strong{lang}>{self.encode(node['label'])}</strong>")
    # The type's own text ("Book an appointment with..."), not the author's: English too.
    if lang and node.get("own_words"):
        self.body.append(f"<span{lang}>")


def depart_callout(self: HTML5Translator, node: crawl_nodes.crawl_callout) -> None:
    if _ours(self, node) and node.get("own_words"):
        self.body.append("</span>")
    self.depart_paragraph(node)


def visit_hidden(self: HTML5Translator, node: crawl_nodes.crawl_hidden) -> None:
    attributes: dict[str, Any] = {"lang": "en"} if _ours(self, node) else {}
    self.body.append(self.starttag(node, "span", "", CLASS="crawl-visually-hidden", **attributes))


def depart_hidden(self: HTML5Translator, node: crawl_nodes.crawl_hidden) -> None:
    self.body.append("</span>")


def visit_row(self: HTML5Translator, node: crawl_nodes.crawl_row) -> None:
    # Sphinx's row (its row-odd/row-even class and column count), its start tag made
    # again by starttag with the entry's data-* attributes, which starttag escapes.
    self.visit_row(node)
    attributes: dict[str, Any] = _data(node)
    self.body[-1] = self.starttag(node, "tr", "", **attributes)


def depart_row(self: HTML5Translator, node: crawl_nodes.crawl_row) -> None:
    self.depart_row(node)


def _text(message: str) -> str:
    return escape(str(message))


def visit_checklist(self: HTML5Translator, node: crawl_nodes.crawl_checklist) -> None:
    self.body.append(self.starttag(node, "ul", CLASS="crawl-checklist"))


def depart_checklist(self: HTML5Translator, node: crawl_nodes.crawl_checklist) -> None:
    self.body.append("</ul>\n")


def visit_check_item(self: HTML5Translator, node: crawl_nodes.crawl_check_item) -> None:
    """The row is a ``<label>`` holding the box and the title, so a tap anywhere on it
    ticks the box; the box's printed twin is filled in by crawl-checklist.js, since a
    printed form control keeps no state reliably."""
    label_id, title = _text(node["label_id"]), _text(node["title"])
    badge = f" \u2014 <em{_ours(self, node)}>{_text(node['badge'])}</em>" if node["badge"] else ""
    self.body.append(
        '<li class="crawl-check-item"><p class="crawl-check-line"><label class="crawl-check-row">'
        f'<input aria-labelledby="{label_id}" class="crawl-check" '
        f'data-crawl-key="{_text(node["key"])}" type="checkbox" />'
        '<span class="crawl-check-mark" aria-hidden="true"></span>'
        f'<span class="crawl-check-label" id="{label_id}"><strong>'
        f'<span class="crawl-check-title">{title}</span></strong>{badge}</span></label></p>\n'
    )


def depart_check_item(self: HTML5Translator, node: crawl_nodes.crawl_check_item) -> None:
    """A "Read more" link apart from the row, and the note field (hidden until
    crawl-checklist.js can keep what is typed) with its print-only copy."""
    about = _hidden_html(self, " " + _("about {title}").format(title=node["title"]), "")
    note_id = _text(node["note_id"])
    # Outside the f-string: message extraction does not look inside one.
    read_more, notes = _text(_("Read more")), _text(_("Notes"))
    notes_label = _text(labelled(_("Notes")))
    lang = words_in_english(self.config)  # the package's words; the title is the author's
    notes_html = f"<span{lang}>{notes}</span>" if lang else notes
    self.body.append(
        '<p class="crawl-check-more"><a class="crawl-check-link reference internal" '
        f'href="{_text(node["href"])}"><span{lang}>{read_more}</span>'
        f"{about}</a></p>\n"
        '<div class="crawl-check-note" hidden="hidden">'
        f'<label for="{note_id}">{notes_html}{about}</label>'
        f'<textarea id="{note_id}" class="crawl-check-note-field" rows="2" maxlength="1000">'
        "</textarea></div>\n"
        '<p class="crawl-check-note-print" hidden="hidden">'
        f"<strong{lang}>{notes_label}</strong>"
        '<span class="crawl-check-note-text"></span></p>\n</li>\n'
    )


def visit_list_card(self: HTML5Translator, node: crawl_nodes.crawl_list_card) -> None:
    """The same markup as the standard nodes of other builders would give."""
    classes = _text(" ".join([*node["classes"], "docutils", "container"]))
    title = _text(node["title"])
    meta = f'<p class="crawl-meta">{_text(node["meta"])}</p>\n' if node["meta"] else ""
    self.body.append(
        f'<div class="{classes}">\n'
        '<p class="crawl-list-title"><strong><a class="reference internal" '
        f'href="{_text(node["href"])}" title="{title}"><span>{title}</span></a></strong></p>\n'
        f"{meta}<p>{_text(node['text'])}</p>\n</div>\n"
    )
    raise nodes.SkipNode


def visit_checklist_tools(self: HTML5Translator, node: crawl_nodes.crawl_checklist_tools) -> None:
    """A checklist's controls, hidden until crawl-checklist.js runs: without it the
    list still reads and prints, with empty boxes to tick by hand."""
    if node["part"] == "top":
        age_id = escape(node["field_ids"]["age"])
        saved = _(
            "Your ticks and notes are kept in this browser, on this device only. "
            "Nothing is sent anywhere."
        )
        data = {
            "page": node["page"],
            "unsaved": _(
                "This browser is not keeping your ticks and notes (private browsing?). "
                "They last until you leave the page: print it to keep a copy."
            ),
            # The age filter's months, when the page has one and this field is empty.
            "months": _("{age} months"),
        }
        age_label = _("Baby's age (optional, printed with the list)")
        printed_age = labelled(_("Baby's age"))
        # The package's words say they are English where they show so (not the age
        # typed, nor the baby's name the script may write in the notice).
        lang = words_in_english(self.config)
        self.body.append(
            f'<p class="crawl-print-age" hidden="hidden"><strong{lang}>'
            f"{_text(printed_age)}</strong>"
            '<span class="crawl-print-age-value"></span></p>\n'
            '<div class="crawl-checklist-tools crawl-checklist-top" hidden="hidden" '
            f"{_data_html(data)}>"
            f'<p class="crawl-checklist-saved" role="status"{lang}>{_text(saved)}</p>'
            f'<p class="crawl-checklist-age"><label for="{age_id}"{lang}>'
            f"{_text(age_label)}</label>"
            f'<input id="{age_id}" name="checklist-age" type="text" maxlength="40" '
            'autocomplete="off" /></p></div>\n'
        )
    else:
        lang = words_in_english(self.config)
        clear = _text(_("Clear my ticks and notes"))
        data = {
            "confirm": _("Clear every tick and note on this list? This cannot be undone."),
            "cleared": _("Your ticks and notes are cleared."),
        }
        self.body.append(
            '<div class="crawl-checklist-tools crawl-checklist-bottom" hidden="hidden" '
            f"{_data_html(data)}>"
            f'<p><button type="button" class="crawl-checklist-clear"{lang}>'
            f"{clear}</button></p>"
            f'<p class="crawl-checklist-status" role="status" aria-live="polite"{lang}></p>'
            "</div>\n"
        )
    raise nodes.SkipNode


def _data_html(data: dict[str, str]) -> str:
    return " ".join(f'data-{key}="{_text(value)}"' for key, value in data.items())


def visit_age_filter(self: HTML5Translator, node: crawl_nodes.crawl_age_filter) -> None:
    from sphinx_crawl.render.baby import baby_page_href
    from sphinx_crawl.render.reader import age_filter_html

    self.body.append(age_filter_html(node["field_ids"], baby_page_href(self), self.builder.config))
    raise nodes.SkipNode


def skip(self: HTML5Translator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def visit_details(self: HTML5Translator, node: crawl_nodes.crawl_details) -> None:
    """A disclosure whose summary is the package's words ("The same ages as a table")."""
    lang = words_in_english(self.config)
    self.body.append(
        f'<details class="crawl-details"><summary{lang}>{_text(node["summary"])}</summary>\n'
    )


def depart_details(self: HTML5Translator, node: crawl_nodes.crawl_details) -> None:
    self.body.append("</details>\n")


Visitor = Callable[[Any, Any], None]

HTML_VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor | None]] = {
    crawl_nodes.crawl_entry: (visit_entry, depart_entry),
    crawl_nodes.crawl_entry_title: (visit_entry_title, depart_entry_title),
    crawl_nodes.crawl_hidden: (visit_hidden, depart_hidden),
    crawl_nodes.crawl_meta: (visit_meta, None),
    crawl_nodes.crawl_callout: (visit_callout, depart_callout),
    crawl_nodes.crawl_row: (visit_row, depart_row),
    crawl_nodes.crawl_checklist: (visit_checklist, depart_checklist),
    crawl_nodes.crawl_check_item: (visit_check_item, depart_check_item),
    crawl_nodes.crawl_list_card: (visit_list_card, None),
    crawl_nodes.crawl_checklist_tools: (visit_checklist_tools, None),
    crawl_nodes.crawl_age_filter: (visit_age_filter, None),
    crawl_nodes.crawl_list: (skip, None),
    crawl_nodes.crawl_sources: (skip, None),
    crawl_nodes.crawl_relations: (skip, None),
    crawl_nodes.crawl_details: (visit_details, depart_details),
}


def _is_toctree_caption(node: nodes.Node) -> bool:
    parent = node.parent
    return isinstance(parent, addnodes.compact_paragraph) and bool(parent.get("toctree"))


def with_caption_levels(base: type[nodes.NodeVisitor]) -> type[nodes.NodeVisitor]:
    """``base``, the HTML translator in use, as it is but for one thing: Sphinx writes a
    toctree's caption as ``<p class="caption" role="heading">`` without the
    ``aria-level`` that role needs, so screen readers list it at no level (and axe flags
    it); here the same element says level 2. Every title, captions included, is written
    by ``base`` (the theme's or the project's translator); only the caption's start tag
    gets the attribute, and not twice if ``base`` writes one."""

    class CaptionLevels(base):  # type: ignore[valid-type,misc]
        crawl_caption_levels = True

        def visit_title(self, node: nodes.title) -> None:
            start = len(self.body)
            super().visit_title(node)
            if not _is_toctree_caption(node):
                return
            for at in range(start, len(self.body)):
                tag = self.body[at]
                if tag.startswith("<p ") and 'role="heading"' in tag:
                    if "aria-level=" not in tag:
                        self.body[at] = '<p aria-level="2" ' + tag[3:]
                    return

    CaptionLevels.__name__ = CaptionLevels.__qualname__ = base.__name__
    CaptionLevels.__module__ = base.__module__
    return CaptionLevels


def add_caption_levels(app: Sphinx) -> None:
    """``builder-inited``: the builder's translator, with levels on toctree captions, set
    through ``app.set_translator`` (so a translator the project or its theme set is
    kept, and the captions of sidebars, which Sphinx renders outside any page's doctree,
    are written by it too)."""
    builder = app.builder
    if builder.format != "html":
        return
    base = builder.get_translator_class()
    if base is None or getattr(base, "crawl_caption_levels", False):
        return
    app.set_translator(builder.name, with_caption_levels(base), override=True)


def setup_html(app: Sphinx) -> None:
    for node_class, (visit, depart) in HTML_VISITORS.items():
        app.add_node(node_class, html=(visit, depart))
    app.connect("builder-inited", add_caption_levels)
    setup_one_id_per_element(app)


class OneIdPerElement(SphinxPostTransform):
    """Themes that wrap tables for scrolling (furo's ``table-wrapper``) copy the table's
    ids onto the wrapper, so a page has two elements with one id (WCAG 4.1.1); the
    wrapper gives its copies back. Runs after the themes' own transforms."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            inner = wrapper.children[0] if len(wrapper.children) == 1 else None
            if isinstance(inner, nodes.Element) and wrapper["ids"]:
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in inner["ids"]]


def setup_one_id_per_element(app: Sphinx) -> None:
    app.add_post_transform(OneIdPerElement)
