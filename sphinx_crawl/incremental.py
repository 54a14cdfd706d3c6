"""Rewrite pages that show collected entries exactly when what they show changes.

sphinx.ext.todo's list goes stale on incremental builds (Sphinx #9706). Here
every page that collects (crawl-list, crawl-sources, links to entries, source
links) has a digest of what it shows. The digests of the pages in the output
folder are kept beside them (``.crawl-shown.json``) and written only when a build
has finished writing: a build that is killed or fails part-way leaves the last
good record, so the next build rewrites whatever the broken one may have left
stale. (Kept in the pickled environment instead, they were saved before any page
was written, and a killed build left stale pages that no later build fixed.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_crawl.domain import CrawlDomain, crawl_domain
from sphinx_crawl.output import write_if_changed
from sphinx_crawl.selection import view_digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SHOWN_FILE = ".crawl-shown.json"


def _digests(domain: CrawlDomain) -> dict[str, str]:
    """Computed once per state of the domain data (after reading, and again at the end)."""
    if "digests" not in domain.views_cache:
        domain.views_cache["digests"] = {
            docname: view_digest(domain, docname, domain.content_types)
            for docname in sorted(domain.collectors)
        }
    digests: dict[str, str] = domain.views_cache["digests"]
    return digests


def _written(app: Sphinx) -> dict[str, str]:
    """What the pages now in the output folder show, as the last finished build saw it."""
    try:
        data = json.loads((Path(app.outdir) / SHOWN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    written = _written(app)
    return [
        doc for doc, digest in _digests(crawl_domain(env)).items() if written.get(doc) != digest
    ]


def record_written(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return  # leave the last good record: the next build rewrites what this one missed
    outdir = Path(app.outdir)
    if outdir.is_dir():
        digests = _digests(crawl_domain(app.env))
        write_if_changed(outdir / SHOWN_FILE, json.dumps(digests, indent=1, sort_keys=True) + "\n")


def setup_incremental(app: Sphinx) -> None:
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("build-finished", record_written)
