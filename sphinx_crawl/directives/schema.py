"""``crawl-schema``: show the JSON Schema of crawl.json, generated from the registry."""

from __future__ import annotations

import json

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl.compat import app_of
from sphinx_crawl.export import build_schema
from sphinx_crawl.types import get_registry


class CrawlSchemaDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        schema = build_schema(get_registry(app_of(self.env)))
        text = json.dumps(schema, indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        self.set_source_info(block)
        return [block]
