"""Docutils nodes of sphinx-crawl.

HTML gets them through the visitors in :mod:`sphinx_crawl.render.html`; every
other builder sees standard nodes, converted by :mod:`sphinx_crawl.render.fallback`.
The nodes carry only strings and lists, so doctrees pickle cheaply.
"""

from __future__ import annotations

from docutils import nodes


class crawl_entry(nodes.General, nodes.Element):
    """One entry. Attributes: ``entry_id``, ``crawl_type``, ``label``, ``data`` (HTML data-*)."""


class crawl_entry_title(nodes.TextElement):
    """The entry's heading; may hold a :class:`crawl_hidden` prefix."""


class crawl_hidden(nodes.Inline, nodes.TextElement):
    """Text for screen readers only (visually hidden in HTML, plain elsewhere)."""


class crawl_row(nodes.row):
    """A table row that is also an entry (milestone tables); carries ``data``."""


class crawl_checkbox(nodes.Inline, nodes.Element):
    """A tick box for printable checklists; ``label_id`` names the text it ticks."""


class crawl_age_filter(nodes.General, nodes.Element):
    """The age filter form (HTML only). It holds no text, so search does not index
    its labels as if they were page content; ``field_ids`` names its controls."""


class crawl_list(nodes.General, nodes.Element):
    """Placeholder for ``crawl-list``, filled when the doctree is resolved."""


class crawl_sources(nodes.General, nodes.Element):
    """Placeholder for ``crawl-sources``, filled when the doctree is resolved."""
