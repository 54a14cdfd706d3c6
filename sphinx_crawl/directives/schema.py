"""Reference material generated from the code, so the docs cannot drift from it:
``crawl-schema`` (the JSON Schema of crawl.json), ``crawl-warning-types`` and
``crawl-config-reference`` (every ``crawl_*`` setting)."""

from __future__ import annotations

import json
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl.config import SETTINGS
from sphinx_crawl.core.changes import CHANGES_FILE, build_changes_schema
from sphinx_crawl.core.layers import LAYERS
from sphinx_crawl.core.schema import CONTENT_FILE, build_schema
from sphinx_crawl.diagnostics import WARNING_TYPES, warn
from sphinx_crawl.directives.options import raw_options, read_options
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.node_parts import table, text_row


class _GeneratedDirective(SphinxDirective):
    """A directive whose output is made from the code: an argument it does not take,
    an option or content is a located crawl warning and left out (docutils' own error,
    "maximum 1 argument(s) allowed, 3 supplied" for an option line, named no option)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = raw_options()
    #: Whether the argument means something (crawl-schema's file name).
    takes_argument = False

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.options = read_options(
            self.name, self.options, self.block_text, self.option_spec, location
        )
        if self.arguments and not self.takes_argument:
            warn(
                f"{self.name} takes no argument; {self.arguments[0]!r} is left out",
                location,
                "option",
            )
        if self.content:
            warn(f"{self.name} takes no content; it is left out", location, "content")
        return self.generate()

    def generate(self) -> list[nodes.Node]:
        raise NotImplementedError


class CrawlSchemaDirective(_GeneratedDirective):
    """The schema of crawl.json (this build's content types), or with the argument
    ``crawl-changes.json``, of that file."""

    takes_argument = True

    def generate(self) -> list[nodes.Node]:
        which = self.arguments[0].strip() if self.arguments else CONTENT_FILE
        if which == CHANGES_FILE:
            schema = build_changes_schema()
        else:
            if which != CONTENT_FILE:
                warn(
                    f"crawl-schema: {which!r} is not {CONTENT_FILE} or {CHANGES_FILE}; "
                    f"showing {CONTENT_FILE}'s",
                    self.get_location(),
                    "option",
                )
            schema = build_schema(crawl_domain(self.env).content_types)
        text = json.dumps(schema, indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        self.set_source_info(block)
        return [block]


class CrawlWarningTypesDirective(_GeneratedDirective):
    """A table of every warning subtype: what it means, an example, what to do."""

    def generate(self) -> list[nodes.Node]:
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


class CrawlLayersDirective(_GeneratedDirective):
    """The package's layers, bottom up, from :data:`sphinx_crawl.core.layers.LAYERS`:
    the table on the architecture page is the plan the architecture test enforces."""

    def generate(self) -> list[nodes.Node]:
        rows = [
            text_row(
                [
                    nodes.Text(layer.name),
                    nodes.Text(", ".join(f"{m or 'sphinx_crawl'}" for m in layer.modules)),
                    nodes.Text(layer.holds),
                ]
            )
            for layer in LAYERS
        ]
        node = table(["crawl-layers"], (20, 30, 50), ["Layer", "Modules", "What it holds"], rows)
        self.set_source_info(node)
        return [node]


_CODE = re.compile(r"`([^`]+)`")


def _with_code(text: str) -> list[nodes.Node]:
    """Text with its `backquoted` parts as literals (help texts are plain text, not
    markup: they are also Sphinx's description of the setting)."""
    parts = _CODE.split(text)
    return [
        nodes.literal(part, part) if i % 2 else nodes.Text(part)
        for i, part in enumerate(parts)
        if part
    ]


class CrawlConfigReferenceDirective(_GeneratedDirective):
    """Every ``crawl_*`` setting: its type, default, what it does and an example,
    each with an anchor (``#crawl_sources``)."""

    def generate(self) -> list[nodes.Node]:
        listing = nodes.definition_list(classes=["crawl-config-reference"])
        for setting in SETTINGS:
            kinds = " or ".join(kind.__name__ for kind in setting.types)
            term = nodes.term("", "", ids=[setting.name])
            term += nodes.literal(setting.name, setting.name)
            term += nodes.Text(f" ({kinds}, default ")
            term += nodes.literal("", repr(setting.default))
            term += nodes.Text(")")
            definition = nodes.definition()
            definition += nodes.paragraph("", "", *_with_code(setting.help))
            definition += nodes.literal_block(setting.example, setting.example, language="python")
            listing += nodes.definition_list_item("", term, definition)
        self.set_source_info(listing)
        return [listing]
