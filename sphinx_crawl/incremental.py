"""Rewrite pages that show collected entries exactly when what they show changes.

sphinx.ext.todo's list goes stale on incremental builds (Sphinx #9706). Here
every page that collects (crawl-list, crawl-sources, links to entries, source
links) has a digest of what it shows; after reading, pages whose digest moved
are added to the pages to write, and no others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_crawl.collections import view_digest
from sphinx_crawl.domain import crawl_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = crawl_domain(env)
    registry = crawl_domain(app.env).content_types
    shown: dict[str, str] = domain.data["shown"]
    changed = []
    for docname in sorted(domain.collectors):
        digest = view_digest(domain, docname, registry)
        if shown.get(docname) != digest:
            shown[docname] = digest
            changed.append(docname)
    return changed


def setup_incremental(app: Sphinx) -> None:
    app.connect("env-get-updated", pages_to_rewrite)
