"""Builders that write the whole project as one page (``singlehtml``).

Such a builder gives each page's address as a fragment of the one file
(``#document-tips``), and ``make_refnode`` appends the target's own anchor to it:
``#document-tips#crawls``, a link to nowhere (Sphinx 8.2 stopped mending these; its
own cross-references break the same way). On one page the anchor alone is the
address, so every such link is mended here, ours and Sphinx's alike, and the links the
extension writes itself are made with :func:`anchor_uri`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def anchor_uri(builder: Builder, fromdocname: str, todocname: str, anchor: str) -> str:
    """The address of ``anchor`` on ``todocname``, from ``fromdocname``, in any builder."""
    if fromdocname == todocname:
        return f"#{anchor}"
    page = builder.get_relative_uri(fromdocname, todocname)
    return f"#{anchor}" if page.startswith("#") else f"{page}#{anchor}"


class OneAnchorPerLink(SphinxPostTransform):
    """``#document-tips#crawls`` -> ``#crawls`` on the assembled single page."""

    default_priority = 990  # after references are resolved
    builders = ("singlehtml",)

    def run(self, **kwargs: Any) -> None:
        for reference in self.document.findall(nodes.reference):
            uri = reference.get("refuri", "")
            if uri.startswith("#") and "#" in uri[1:]:
                reference["refuri"] = uri[uri.index("#", 1) :]


def setup_single_page(app: Sphinx) -> None:
    app.add_post_transform(OneAnchorPerLink)
