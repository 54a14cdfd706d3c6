"""``crawl-extend``: change fields of entries defined elsewhere (on another page, or
imported with crawl-import) without copying them.

The argument names an entry (or several, with commas); or ``:types:``, ``:ids:`` and
``:tags:`` choose entries, as crawl-import's do. Every other option changes the chosen
entries: ``:<field>:`` sets a field (or a relation, or ``:keywords:``),
``:<field>+:`` appends to it (text after a space, ids and words to the list; ``:tags+:``
and ``:source+:`` only append). The directive shows nothing where it stands: it leaves
its record for the domain (``collect.read_document``), which applies every extension
once all pages are read (``core/adapt.py``); the entry's own page then shows the
adapted entry. Text values are offered to translators like an entry's own.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl.collect import EXTEND_ATTRIBUTE, EXTEND_VALUE_CLASS
from sphinx_crawl.config import crawl_config
from sphinx_crawl.contacts import fill_contacts, unknown_kind_message
from sphinx_crawl.core.adapt import APPEND, APPEND_ONLY, LIST_KEYS, SELECTORS, ExtensionData
from sphinx_crawl.core.content_types import ContentTypeRegistry
from sphinx_crawl.core.entries import split_list
from sphinx_crawl.diagnostics import Subtype, warn
from sphinx_crawl.directives.options import list_option, raw_options, read_options, warn_stray
from sphinx_crawl.domain import crawl_domain


def changeable(registry: ContentTypeRegistry) -> dict[str, str]:
    """Option name (without ``+``) -> what it is: "field", "relation" or "list"."""
    names: dict[str, str] = dict.fromkeys(LIST_KEYS, "list")
    for content_type in registry:
        for relation in content_type.relations:
            names.setdefault(relation.name, "relation")
        for spec in content_type.fields:
            names.setdefault(spec.name, "field")
    return names


def _translatable(registry: ContentTypeRegistry, name: str) -> bool:
    """Text readers see (a field shown as a labelled line, or keywords): offered to
    translators. A choice (``urgency``) or an id is not."""
    if name == "keywords":
        return True
    specs = [ct.field(name) for ct in registry]
    return any(spec is not None and spec.callout and not spec.choices for spec in specs)


class CrawlExtendDirective(SphinxDirective):
    """``crawl-extend <id>`` or ``crawl-extend`` with ``:types:``/``:ids:``/``:tags:``,
    and the options that change the chosen entries."""

    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True  # so stray content is our located warning, not a docutils error
    option_spec = raw_options(*SELECTORS)  # and any other name: the changes

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        given = read_options(
            "crawl-extend", self.options, self.block_text, list(self.options), location
        )
        warn_stray("crawl-extend", self.content, self.arguments, location)

        def report(message: str, subtype: Subtype = "extend") -> None:
            warn(f"crawl-extend: {message}", location, subtype)

        registry = crawl_domain(self.env).content_types
        named = self.arguments[0] if self.arguments else ""
        ids = [*split_list(named), *list_option(given.get("ids"))]
        types = list_option(given.get("types"))
        for name in [t for t in types if t not in registry]:
            report(f":types: {name!r} is not a content type ({', '.join(registry.names())})")
        record: ExtensionData = {
            "docname": self.env.docname,
            "lineno": self.lineno,
            "ids": list(dict.fromkeys(ids)),
            "types": types,
            "tags": list_option(given.get("tags")),
            "set": {},
            "append": {},
        }
        if not (record["ids"] or record["types"] or record["tags"]):
            report(
                "name an entry (the argument or :ids:), or choose entries with :types: or "
                ":tags:; nothing is changed"
            )
            return []
        values = self._changes(given, registry, record, report)
        if not (record["set"] or record["append"]):
            report("no option changes anything (e.g. :action: or :tags+:); nothing is changed")
            return []
        marker = nodes.comment("", "", classes=["crawl-extend"])
        marker[EXTEND_ATTRIBUTE] = record
        self.set_source_info(marker)
        return [marker, *values]

    def _changes(
        self,
        given: dict[str, Any],
        registry: ContentTypeRegistry,
        record: ExtensionData,
        report: Any,
    ) -> list[nodes.Node]:
        """Fill the record's set and append; return the values offered to translators."""
        kinds = changeable(registry)
        offered: list[nodes.Node] = []
        for option, raw in given.items():
            if option in SELECTORS:
                continue
            appends = option.endswith(APPEND)
            name = option.removesuffix(APPEND)
            kind = kinds.get(name)
            if kind is None:
                fields = sorted(n for n, k in kinds.items() if k != "list")
                report(
                    f":{option}: is not a field of any content type here (fields: "
                    f"{', '.join(fields)}; and keywords, tags+, source+); it is ignored"
                )
                continue
            if name in APPEND_ONLY and not appends:
                report(f":{name}: can only be appended to here: write :{name}+:")
                continue
            text = " ".join(str(raw or "").split())
            if kind in ("list", "relation"):  # MyST option blocks: [a, b]
                text = ", ".join(list_option(text))
            if not text:
                report(f":{option}: has no value; it is ignored")
                continue
            if name == "source":
                text = ", ".join(self._known_sources(split_list(text), report))
                if not text:
                    continue
            written = text
            text = fill_contacts(
                text,
                self.config,
                lambda kind: report(unknown_kind_message(crawl_config(self.config), kind), "ref"),
            )
            record["append" if appends else "set"][name] = text
            if _translatable(registry, name):
                value = nodes.comment(
                    written,
                    written,
                    classes=[EXTEND_VALUE_CLASS],
                    translatable=True,
                    extend_option=option,
                )
                value.source, value.line = self.get_source_info()
                offered.append(value)
        return offered

    def _known_sources(self, keys: list[str], report: Any) -> list[str]:
        declared = crawl_config(self.config).sources
        for key in [k for k in keys if k not in declared]:
            known = ", ".join(sorted(declared)) or "none declared"
            report(f":source+: unknown source {key!r} (crawl_sources: {known})", "source")
        return [key for key in keys if key in declared]
