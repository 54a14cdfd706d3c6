"""``crawl-import``: entries from another handbook's crawl.json or a YAML/JSON data file,
shown where the directive stands and stored like the page's own entries (so they are
searched, filtered by age, listed in collections, linked to and exported), marked
with where they came from.

Imported text is text: titles and bodies become text nodes, never markup, so a file
from elsewhere cannot add links, HTML or directives to the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE
from sphinx_crawl.config import SourceData, crawl_config, is_id_prefix, is_web_url
from sphinx_crawl.contacts import fill_contacts, unknown_kind_message
from sphinx_crawl.core.content_types import ContentType
from sphinx_crawl.core.entries import EntryData, ImportedFrom, plain_text, slugify, split_list
from sphinx_crawl.diagnostics import Subtype, warn
from sphinx_crawl.directives.entry import next_position, sources_paragraph
from sphinx_crawl.directives.entry_parts import (
    Report,
    check_hooks,
    checked_id,
    checked_relations,
    convert_fields,
    entry_frame,
    entry_tail,
    read_age,
    record_inclusion,
    title_frame,
    unique_anchor,
)
from sphinx_crawl.directives.options import list_option, raw_options, read_options, warn_stray
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _
from sphinx_crawl.import_fetch import import_files, upstream_changes
from sphinx_crawl.import_read import ImportedEntry, ImportedFile, ImportProblem, read_import
from sphinx_crawl.node_parts import callout_paragraphs, labelled_list


class CrawlImportDirective(SphinxDirective):
    """``crawl-import <name or path>``, with ``:types:``, ``:ids:``, ``:tags:`` and
    ``:prefix:`` choosing which entries and what goes before their ids."""

    required_arguments = 0
    optional_arguments = 1  # missing: our located warning, not docutils' error
    final_argument_whitespace = True
    has_content = True  # so stray content is our located warning, not a docutils error
    option_spec = raw_options("types", "ids", "tags", "prefix")

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.options = read_options(
            "crawl-import", self.options, self.block_text, self.option_spec, location
        )
        warn_stray("crawl-import", self.content, self.arguments, location)
        self.name = self.arguments[0].strip() if self.arguments else ""
        if not self.name:
            warn(
                "crawl-import: name a file, or one of crawl_import_sources; nothing is imported",
                location,
                "import",
            )
            return []

        def report(message: str, subtype: Subtype = "import") -> None:
            warn(f"crawl-import: {self.name}: {message}", location, subtype)

        found = self._file(report)
        if found is None:
            return []
        path, base_url, prefix = found
        self.env.note_dependency(str(path))
        try:
            imported = read_import(path, base_url)
        except (ImportProblem, OSError) as error:
            report(f"{error}; nothing is imported")
            return []
        for problem in imported.problems:
            report(problem)
        prefix = self._prefix(prefix, report)
        chosen = self._chosen(imported.entries, report)
        self._changed_upstream(chosen, report)
        made = [self._entry(item, imported, prefix, location) for item in chosen]
        return [node for node in made if node is not None]

    # -- the file -------------------------------------------------------------------

    def _file(self, report: Report) -> tuple[Path, str | None, str] | None:
        """(file to read, where its pages are published, id prefix), or None (reported)."""
        settings = crawl_config(self.config)
        source = settings.imports.get(self.name)
        if source is not None:
            path = import_files(self.config).get(self.name)
            if path is None or not path.is_file():
                where = "fetched" if source.is_url else "found"
                report(
                    f"the file {source.location!r} could not be {where}; nothing is imported",
                    "import",
                )
                return None
            base_url = source.base_url or (source.location if source.is_url else None)
            return path, base_url, source.prefix
        if "://" in self.name or is_web_url(self.name):
            report(
                "a URL is fetched only when it is named in crawl_import_sources (so one "
                "build fetches it once, and a cached copy stands in when it cannot); "
                "add it there and import it by that name",
                "import",
            )
            return None
        _, absolute = self.env.relfn2path(self.name, self.env.docname)
        path = Path(absolute)
        if not path.is_file():
            known = ", ".join(sorted(settings.imports)) or "none declared"
            report(
                f"no such file, and not a name in crawl_import_sources ({known}); "
                "nothing is imported",
                "import",
            )
            return None
        return path, None, ""

    def _prefix(self, default: str, report: Report) -> str:
        given = self.options.get("prefix")
        if given is None:
            return default
        prefix = str(given).strip()
        if prefix and not is_id_prefix(prefix):
            report(f":prefix: {prefix!r} must be lowercase letters, digits and '-'", "option")
            return default
        return prefix

    def _chosen(self, entries: list[ImportedEntry], report: Report) -> list[ImportedEntry]:
        """The entries the options ask for: in :ids: order when given, else the file's."""
        types = list_option(self.options.get("types"))
        tags = {tag.lower() for tag in list_option(self.options.get("tags"))}
        chosen = [
            e
            for e in entries
            if (not types or e.type in types)
            and (not tags or tags & {tag.lower() for tag in e.tags})
        ]
        ids = list_option(self.options.get("ids"))
        if ids:
            by_id = {e.id: e for e in reversed(chosen)}
            for missing in [i for i in ids if i not in by_id]:
                report(f":ids: {missing!r} is not among the entries chosen from the file", "import")
            chosen = [by_id[i] for i in ids if i in by_id]
        if not chosen:
            report("no entry of the file matches the options; nothing is imported", "import")
        return chosen

    def _changed_upstream(self, chosen: list[ImportedEntry], report: Report) -> None:
        """Entries that changed since the copy the last build read (the build that first
        reads the new copy says so, once): what this project says about them (a
        crawl-extend, a link's wording) may need a look."""
        changed = upstream_changes(self.config).get(self.name, {})
        for item in chosen:
            if item.id in changed:
                report(
                    f"{item.where} ({item.id!r}) changed upstream since the copy used "
                    f"before ({', '.join(changed[item.id])}); check what this project "
                    "says about it (a crawl-extend of it, the text around it)",
                    "import",
                )

    # -- one entry ------------------------------------------------------------------

    def _entry(
        self, item: ImportedEntry, imported: ImportedFile, prefix: str, location: str
    ) -> crawl_nodes.crawl_entry | None:
        registry = crawl_domain(self.env).content_types
        name = item.id or item.title

        def report(message: str, subtype: Subtype = "import") -> None:
            warn(
                f"crawl-import: {self.name}: {item.where} ({name!r}): {message}", location, subtype
            )

        ct = registry.get(item.type)
        if ct is None:
            known = ", ".join(t.name for t in registry)
            report(f"type {item.type!r} is not a content type here ({known}); left out")
            return None
        entry_id = prefix + checked_id(ct, item.id, item.title, report)
        age = read_age(ct, item.age, report, self.env.config.language)
        fields, relations = self._fields_and_links(ct, item, prefix, report)
        check_hooks(ct, fields, report)
        sources = self._sources(item, imported, report)

        document = self.state.document
        anchor = unique_anchor(document, entry_id, report)
        language = self._language_classes(imported)
        node = entry_frame(ct, entry_id, anchor, age, fields, ["crawl-imported"])
        document.ids[anchor] = node
        self.set_source_info(node)
        heading = title_frame(ct, fields, anchor)
        heading += nodes.inline(item.title, item.title, classes=["crawl-title-text", *language])
        document.ids[f"{anchor}-title"] = heading
        node += heading
        paragraphs = [p for p in item.text.split("\n\n") if p]
        if paragraphs:
            body = nodes.container(classes=["crawl-entry-body", *language])
            body.extend(nodes.paragraph(text, text) for text in paragraphs)
            node += body
        node.extend(callout_paragraphs(ct, fields, self.config))
        node.extend(entry_tail(registry, ct, entry_id, age, relations))
        if sources:
            node += sources_paragraph(list(sources), sources)
        node += self._origin(imported.project, item.url)

        origin: ImportedFrom = {
            "name": self.name,
            "project": imported.project,
            "url": item.url,
            "sources": sources,
        }
        data: EntryData = {
            "id": entry_id,
            "type": ct.name,
            "title": plain_text(item.title),
            "docname": self.env.docname,
            "anchor": anchor,
            "lineno": self.lineno,
            "age": age.as_dict() if age else None,
            "tags": item.tags,
            "sources": list(sources),
            "keywords": item.keywords,
            "text": plain_text(item.text),
            "fields": fields,
            "relations": relations,
            "imported": origin,
        }
        record_inclusion(self, data)
        node[ENTRY_ATTRIBUTE] = data
        node[ORDER_ATTRIBUTE] = next_position(document)
        return node

    def _fields_and_links(
        self, ct: ContentType, item: ImportedEntry, prefix: str, report: Report
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The type's fields, and its relations (their ids prefixed like the entries')."""
        links = {r.name for r in ct.relations}
        given_links = {k: v for k, v in item.relations.items() if k in links}
        for key, value in item.fields.items():
            if key in links:
                given_links[key] = _ids(value)
        known = {f.name for f in ct.fields} | links
        for key in sorted({*item.fields, *item.relations} - known):
            report(f"{key!r} is not a field of a {ct.name} here; left out", "field")
        given = {k: v for k, v in item.fields.items() if k not in links}
        fields = convert_fields(ct, given, report)
        # A default (a red flag's usual action) names whom to call with the crawl:contact
        # role: written out for this build's place, as on a page (it showed as the role,
        # "Book an appointment with {crawl:contact}`doctor`", on the page and in
        # crawl.json). What the file gives is its text, as it is.
        config = self.config
        fields = {
            name: fill_contacts(
                value,
                config,
                lambda kind: report(unknown_kind_message(crawl_config(config), kind), "ref"),
            )
            if name not in given and isinstance(value, str)
            else value
            for name, value in fields.items()
        }
        relations = checked_relations(ct, given_links, report)
        return fields, {k: [prefix + i for i in ids] for k, ids in relations.items()}

    def _sources(
        self, item: ImportedEntry, imported: ImportedFile, report: Report
    ) -> dict[str, SourceData]:
        """The sources the entry cites, as the file describes them; a key this handbook
        uses for another source is renamed ``<import name>-<key>``."""
        settings = crawl_config(self.config)
        cited: dict[str, SourceData] = {}
        for key in item.sources:
            source = imported.sources.get(key)
            if source is None:
                report(f"source {key!r} is not described in the file; left out", "source")
                continue
            local = settings.sources.get(key)
            if local is not None and (local.get("url"), local["title"]) != (
                source.get("url"),
                source["title"],
            ):
                key = f"{slugify(self.name) or 'imported'}-{key}"
            cited[key] = {**source, "imported_from": imported.project}
        if not cited and settings.require_source:
            report("the entry cites no source", "source")
        return cited

    def _language_classes(self, imported: ImportedFile) -> list[str]:
        """``language-<tag>`` on imported text in another language than the build's."""
        ours = (self.config.language or "en").split("-")[0].lower()
        theirs = imported.language
        if not theirs or theirs.split("-")[0].lower() == ours:
            return []
        return [f"language-{theirs}"]

    def _origin(self, project: str, url: str | None) -> nodes.paragraph:
        """ "Imported from: <project>", linked to the entry where it is published."""
        text: nodes.Node = nodes.Text(project)
        if url:
            text = nodes.reference(project, project, refuri=url)
        return labelled_list(_("Imported from"), [text], ["crawl-imported-from"])


def _ids(value: Any) -> list[str]:
    """A relation's ids as a data file gives them: a list, or text with commas."""
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, list):
        return [str(item) for item in value]  # checked as ids, with a warning if not one
    return []
