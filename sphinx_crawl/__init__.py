"""sphinx-crawl: typed, sourced, searchable content for parents' handbooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

# Content types are plain values (no Sphinx needed to define one).
from sphinx_crawl.core.content_types import ContentType, Field, IndexSpec, Relation, choice

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
__all__ = [
    "ContentType",
    "Field",
    "IndexSpec",
    "Relation",
    "__version__",
    "choice",
    "register_content_type",
    "setup",
]


def register_content_type(app: Sphinx, content_type: ContentType) -> None:
    """Enable ``content_type`` in ``app``: its directive, role, domain object type and
    index; call it from your extension's ``setup`` (see the plugin guide)."""
    from sphinx_crawl.types import register_content_type as register

    register(app, content_type)


def setup(app: Sphinx) -> ExtensionMetadata:
    # Imported here, so that reading crawl.json (sphinx_crawl.api) never loads Sphinx.
    from sphinx_crawl.extension import setup_extension

    return setup_extension(app, __version__)
