"""Docutils nodes of sphinx-crawl.

HTML gets them through the visitors in :mod:`sphinx_crawl.render.html`; every
other builder sees standard nodes, converted by :mod:`sphinx_crawl.render.fallback`.
The nodes carry only strings and lists, so doctrees pickle cheaply.
"""

from __future__ import annotations

from docutils import nodes

#: Sphinx (8.2 and later) leaves nodes with this class out of ``searchindex.js``. Entries
#: and the lists that show them carry it: the entry search has their words already
#: (crawl-searchindex.js), and indexed twice, each entry was downloaded twice by a
#: reader's first search. Page prose, titles and list captions stay in Sphinx's index.
NOT_IN_SPHINX_SEARCH = "no-search"


class crawl_entry(nodes.General, nodes.Element):
    """One entry. Attributes: ``entry_id``, ``crawl_type``, ``label``, ``data`` (HTML data-*),
    and ``badge`` (the type's badge in words, written after the heading; may be empty).

    Text the extension generates (badge, spoken prefix, labels, the age line) lives in
    attributes written out by the visitors, not in child nodes: every node of every entry
    passes through each stage of every build, so fewer of them is a faster build."""


class crawl_entry_title(nodes.TextElement):
    """The entry's heading; ``prefix`` is read before it by screen readers only."""


class crawl_meta(nodes.General, nodes.Element):
    """An entry's "Age: ..." line, from ``age_label``."""


class crawl_callout(nodes.paragraph):
    """A labelled line ("What to do: ..."): the text is the author's (translatable),
    the ``label`` the extension's."""


class crawl_hidden(nodes.Inline, nodes.TextElement):
    """Text for screen readers only (visually hidden in HTML, plain elsewhere)."""


class crawl_row(nodes.row):
    """A table row that is also an entry (milestone tables); carries ``data``."""


def is_entry_node(node: nodes.Node) -> bool:
    """An entry's node: a card, callout or list item (crawl_entry) or a table row."""
    return isinstance(node, crawl_entry | crawl_row)


class crawl_checklist(nodes.General, nodes.Element):
    """A checklist in HTML: a ``<ul>`` of :class:`crawl_check_item` (other builders get a
    standard bullet list with "[ ]" boxes)."""


class crawl_check_item(nodes.General, nodes.Element):
    """One HTML checklist item, written whole by its visitor from ``title``, ``badge``,
    ``href``, ``label_id``, ``note_id`` and ``key`` (where crawl-checklist.js keeps the
    tick on the device); its children are the entry's callouts. A checklist of every
    red flag holds thousands of items: one node each, not a tree of seventeen."""


class crawl_list_card(nodes.General, nodes.Element):
    """One card of a ``crawl-list`` with the cards layout, in HTML: written whole by its
    visitor from ``title``, ``href``, ``meta`` and ``text``."""


class crawl_checklist_tools(nodes.General, nodes.Element):
    """A checklist's controls (HTML only, revealed by crawl-checklist.js): ``part``
    is ``"top"`` (the device-only notice, the baby's age) or ``"bottom"`` (the clear
    button); ``page`` is the docname the ticks are kept under; ``field_ids`` maps
    each control to its element id."""


class crawl_age_filter(nodes.General, nodes.Element):
    """The age filter form (HTML only). It holds no text, so search does not index
    its labels as if they were page content; ``field_ids`` names its controls."""


class crawl_list(nodes.General, nodes.Element):
    """Placeholder for ``crawl-list``, filled when the doctree is resolved."""


class crawl_sources(nodes.General, nodes.Element):
    """Placeholder for ``crawl-sources``, filled when the doctree is resolved."""


class crawl_details(nodes.General, nodes.Element):
    """A disclosure (HTML ``<details>``) titled ``summary``: a timeline's table."""


class crawl_relations(nodes.General, nodes.Element):
    """Placeholder for an entry's links to other entries, both ways: ``entry_id``, its
    ``crawl_type``, and the ``relations`` it declares (relation name -> ids). Filled
    when the doctree is resolved, from the domain (the back-links are computed)."""


class crawl_track_item(nodes.General, nodes.Element):
    """One entry of a tracker (HTML only), written whole by its visitor: ``entry_id``,
    ``title``, ``href``, ``age`` (label), ``age_min``/``age_max`` (months), ``mode``
    (``"seen"``: yes / not yet / not sure, or ``"noticed"``) and ``help`` (title, href)
    pairs offered when a milestone is not there yet past its window."""


class crawl_baby(nodes.General, nodes.Element):
    """The baby panel (HTML only): birth date and weeks early, kept on the device."""


class crawl_summary(nodes.General, nodes.Element):
    """The summary for the doctor (HTML only), drawn by crawl-companion.js."""


class crawl_changes(nodes.General, nodes.Element):
    """Placeholder for ``crawl-changes``: what changed since the previous release, filled
    when the doctree is resolved (with standard nodes, for every builder)."""
