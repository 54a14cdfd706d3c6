"""Reference material generated from the code, so the docs cannot drift from it:
``crawl-schema`` (the JSON Schema of crawl.json) and ``crawl-warning-types``."""

from __future__ import annotations

import json

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl.diagnostics import WARNING_TYPES
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.export import build_schema
from sphinx_crawl.render.parts import table, text_row


class CrawlSchemaDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        schema = build_schema(crawl_domain(self.env).content_types)
        text = json.dumps(schema, indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        self.set_source_info(block)
        return [block]


class CrawlWarningTypesDirective(SphinxDirective):
    """A table of every warning subtype: what it means, an example, what to do."""

    def run(self) -> list[nodes.Node]:
        rows = [
            text_row(
                [
                    nodes.literal("", f"crawl.{subtype}"),
                    nodes.literal("", kind.example),
                    nodes.Text(f"{kind.fix} ({kind.meaning}.)"),
                ]
            )
            for subtype, kind in WARNING_TYPES.items()
        ]
        node = table(
            ["crawl-warning-types"], (15, 45, 40), ["Type", "Example message", "What to do"], rows
        )
        self.set_source_info(node)
        return [node]
