"""The package's plan: its layers, bottom up. A module imports only modules of its own
layer and of the layers below it. ``tests/test_architecture.py`` reads every import from
the source and fails on one that goes up; the architecture page shows this table
(``crawl-layers``), so the plan and its description cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase


@dataclass(frozen=True)
class Layer:
    name: str
    #: Module names below ``sphinx_crawl.`` (``core.*``: every module of the package).
    modules: tuple[str, ...]
    holds: str


LAYERS: tuple[Layer, ...] = (
    Layer(
        "Core (no Sphinx)",
        ("core", "core.*", "api"),
        "Ages and their kinds, the entry record, content types as values, what a list "
        "asks for, every derived fact (URL, badge, cited-by, sort key, anchors), and the "
        "crawl.json reader, and this plan. Importing it loads neither Sphinx nor docutils.",
    ),
    Layer(
        "Settings, messages and nodes",
        (
            "config",
            "config_checks",
            "contacts",
            "diagnostics",
            "i18n",
            "nodes",
            "node_parts",
            "markdown_hint",
            "catalogs",
            "review",
            "output",
        ),
        "Every crawl_* setting declared once and checked, whom to call (contacts), warning "
        "types, UI strings, "
        "node classes and the small node builders every layer uses, review dates, "
        "writing files whole.",
    ),
    Layer(
        "Registry",
        ("types", "builtin"),
        "The public plugin API (register_content_type) and the built-in types defined "
        "through it. It records types; the domain and the directives make their parts.",
    ),
    Layer(
        "Domain",
        ("domain", "collect"),
        "The crawl domain: the one writer of domain data, references, roles, indices.",
    ),
    Layer(
        "Directives",
        ("directives", "directives.*", "import_read", "import_fetch"),
        "The generic entry directive and every other directive; files imported by "
        "crawl-import, read without docutils and fetched once per build.",
    ),
    Layer(
        "Lists and rendering",
        ("selection", "changes", "render", "render.*"),
        "Which entries a list shows, and what changed since the last release; HTML "
        "visitors, fallbacks for every other builder, the age filter, the search index, "
        "what starts every page.",
    ),
    Layer(
        "Outputs",
        (
            "export",
            "render.search",
            "incremental",
            "kept",
            "removed_pages",
            "offline",
            "unfinished",
        ),
        "crawl.json and its schema, which pages to rewrite, what an edit need not work "
        "out again, the pages removed, the offline copy, finishing what a stopped build "
        "left.",
    ),
    Layer(
        "Wiring",
        ("", "extension"),
        "The thin setup calling each layer's setup_<part>, bottom up.",
    ),
)


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of ``sphinx_crawl.<...>`` (None: on no layer). A
    module named outright wins over a pattern (``render.search`` is an output, though
    ``render.*`` renders)."""
    local = module.removeprefix("sphinx_crawl").removeprefix(".")
    for exact in (True, False):
        for index, layer in enumerate(LAYERS):
            for pattern in layer.modules:
                if ("*" not in pattern) == exact and fnmatchcase(local, pattern):
                    return index
    return None
