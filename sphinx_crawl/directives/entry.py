"""The one directive class behind every content type (tip-card, red-flag, ...)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.collect import ENTRY_ATTRIBUTE, ORDER_ATTRIBUTE, entry_text
from sphinx_crawl.config import crawl_config
from sphinx_crawl.core.ages import AgeRange
from sphinx_crawl.core.content_types import (
    COMMON_OPTIONS,
    ContentType,
    Field,
    HookError,
    hook_value,
    matches_schema,
    run_hook,
)
from sphinx_crawl.core.derive import badge, free_id
from sphinx_crawl.core.entries import id_from_title, plain_text, slugify, split_list
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.directives.options import raw_options, read_options
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _, localized_age
from sphinx_crawl.render.parts import callout_paragraphs, labelled_list

#: URL schemes a browser runs rather than opens (it ignores spaces and controls in them).
_RUNNABLE_URL = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)


class EntryDirective(SphinxDirective):
    """Parse options into an :class:`EntryData`, record it, and emit its node."""

    content_type: ClassVar[ContentType]
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        ct = self.content_type
        location = self.get_location()
        known = [*COMMON_OPTIONS, *_type_options(ct)]
        self.options = read_options(ct.directive, self.options, self.block_text, known, location)

        title = self.arguments[0].strip() if self.arguments else ""
        if not title:
            warn(f"{ct.directive}: the entry has no title", location, "title")
        entry_id = self._entry_id(title or str(ct.label), location)
        age = self._age(location)
        fields = self._fields(location)
        sources = self._sources(location)
        relations = self._relations(location)
        self._check_hooks(fields, location)

        anchor = self._unique_anchor(entry_id, location)
        node = crawl_nodes.crawl_entry(
            ids=[anchor],
            classes=[
                "crawl-entry",
                f"crawl-type-{ct.name}",
                *hook_value(ct, "classes", fields),
            ],
            entry_id=entry_id,
            crawl_type=ct.name,
            data=_data_attributes(ct, age, fields),
            age_label=age.label if age else "",
            label=str(ct.label),
            badge=badge(ct, fields) if ct.badge else "",
        )
        # Claimed in the document, so a later entry or heading cannot take the same HTML ids.
        self.state.document.ids[anchor] = node
        self.set_source_info(node)
        heading, title_text = self._title_node(title or str(ct.label), fields, anchor)
        self.state.document.ids[f"{anchor}-title"] = heading
        node += heading
        body = nodes.container(classes=["crawl-entry-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        node += body
        node.extend(self._translatable_callouts(fields))
        keywords = split_list(self.options.get("keywords"))
        if keywords:
            node += self._keywords_node(keywords)
        tags = split_list(self.options.get("tags"))
        if age is not None:
            node += crawl_nodes.crawl_meta(age_label=age.label)
        if self._has_relations():
            node += crawl_nodes.crawl_relations(
                entry_id=entry_id, crawl_type=ct.name, relations=relations
            )
        if sources:
            node += _sources_paragraph(sources)

        # Plain data for the domain, which collects it from the doctree in process_doc.
        node[ENTRY_ATTRIBUTE] = {
            "id": entry_id,
            "type": ct.name,
            "title": plain_text(entry_text(title_text)),
            "docname": self.env.docname,
            "anchor": anchor,
            "lineno": self.lineno,
            "age": age.as_dict() if age else None,
            "tags": tags,
            "sources": sources,
            "keywords": keywords,
            "text": plain_text(entry_text(body)),
            "fields": fields,
            "relations": relations,
        }
        node[ORDER_ATTRIBUTE] = _next_position(self.state.document)
        return [node]

    def _translatable_callouts(self, fields: dict[str, Any]) -> list[nodes.Element]:
        """The labelled lines; those the author wrote are offered to translators (a
        default comes from the package's own catalog, already in the build's language)."""
        callouts: list[nodes.Element] = list(callout_paragraphs(self.content_type, fields))
        for callout in callouts:
            if callout.get("field") and callout["field"] in self.options:
                callout.rawsource = callout.astext()
                callout.source, callout.line = self.get_source_info()
        return callouts

    def _keywords_node(self, keywords: list[str]) -> nodes.comment:
        """The keywords as a comment no writer shows, offered to translators: parents
        search in their own language (read back in collect.read_document)."""
        text = ", ".join(keywords)
        node = nodes.comment(text, text, classes=["crawl-keywords"], translatable=True)
        node.source, node.line = self.get_source_info()
        return node

    # -- options ---------------------------------------------------------------

    def _entry_id(self, title: str, location: str) -> str:
        given = (self.options.get("id") or "").strip()
        if not given:
            return id_from_title(self.content_type.name, title)
        cleaned = slugify(given)
        if cleaned != given:
            fallback = cleaned or id_from_title(self.content_type.name, title)
            warn(
                f"{self.content_type.directive}: id {given!r} is not a lowercase slug; "
                f"using {fallback!r}",
                location,
                "id",
            )
            return fallback
        return given

    def _unique_anchor(self, entry_id: str, location: str) -> str:
        """The HTML id: the entry id unless something on the page already has it, or
        has the id of its heading (``<id>-title``)."""
        ids = self.state.document.ids

        def free(anchor: str) -> bool:
            return anchor not in ids and f"{anchor}-title" not in ids

        if free(entry_id):
            return entry_id
        if entry_id not in ids:
            warn(
                f"{self.content_type.directive}: id {entry_id + '-title'!r} (its heading's) "
                "is used twice on this page",
                location,
                "id",
            )
        elif not isinstance(ids[entry_id], crawl_nodes.crawl_entry):  # entries: the domain warns
            warn(
                f"{self.content_type.directive}: id {entry_id!r} is used twice on this page",
                location,
                "id",
            )
        return free_id(entry_id, free)

    def _age(self, location: str) -> AgeRange | None:
        raw = self.options.get("age")
        if raw is None or not raw.strip():
            if self.content_type.age_required:
                warn(
                    f"{self.content_type.directive}: the :age: option is required", location, "age"
                )
            return None
        try:
            return localized_age(AgeRange.parse(raw))
        except ValueError as error:
            warn(f"{self.content_type.directive}: {error}", location, "age")
            return None

    def _fields(self, location: str) -> dict[str, Any]:
        ct = self.content_type
        fields: dict[str, Any] = {}
        for spec in ct.fields:
            raw = self.options.get(spec.name)
            if raw is not None:
                try:
                    value = spec.converter(raw)
                except ValueError as error:  # the author's value: a field warning
                    warn(f"{ct.directive}: :{spec.name}: {error}", location, "field")
                    continue
                except Exception as error:  # the plugin's code failed: say whose
                    self._plugin_failed(f":{spec.name}: converter raised", error, location)
                    continue
                if self._fits(spec, value, "converter", location):
                    fields[spec.name] = value
            elif spec.required:
                warn(f"{ct.directive}: the :{spec.name}: option is required", location, "field")
        for spec in ct.fields:
            if spec.name not in fields and spec.default is not None:
                try:
                    value = spec.default(dict(fields))
                except Exception as error:
                    self._plugin_failed(f":{spec.name}: default raised", error, location)
                    continue
                if self._fits(spec, value, "default", location):
                    fields[spec.name] = value
        return fields

    def _fits(self, spec: Field, value: Any, what: str, location: str) -> bool:
        """A field value goes into crawl.json: it must match the field's declared schema."""
        if matches_schema(value, spec.schema):
            return True
        warn(
            f"{self.content_type.directive}: the {self.content_type.name!r} content type's "
            f":{spec.name}: {what} returned {type(value).__name__} {value!r:.60}, which does "
            f"not match its schema {dict(spec.schema)}; the field is left out",
            location,
            "plugin",
        )
        return False

    def _plugin_failed(self, what: str, error: Exception, location: str) -> None:
        warn(
            f"{self.content_type.directive}: the {self.content_type.name!r} content type's "
            f"{what} {type(error).__name__}: {error}",
            location,
            "plugin",
        )

    def _check_hooks(self, fields: dict[str, Any], location: str) -> None:
        """Call each of the type's hooks once, here, so a failure is reported at the entry;
        everywhere else the hooks fall back quietly to an empty value."""
        for hook in ("heading_prefix", "badge", "classes", "callouts", "rank"):
            try:
                run_hook(self.content_type, hook, fields)
            except HookError as error:
                warn(
                    f"{self.content_type.directive}: the {self.content_type.name!r} content "
                    f"type's {error}",
                    location,
                    "plugin",
                )

    def _relations(self, location: str) -> dict[str, list[str]]:
        """The ids each relation option names (whether they exist, and are of a type the
        relation allows, is checked once every page is read: CrawlDomain)."""
        declared: dict[str, list[str]] = {}
        for relation in self.content_type.relations:
            ids = []
            for given in split_list(self.options.get(relation.name)):
                if slugify(given) != given:
                    warn(
                        f"{self.content_type.directive}: :{relation.name}: {given!r} is not "
                        "an entry id (a lowercase slug)",
                        location,
                        "relation",
                    )
                    continue
                ids.append(given)
            if ids:
                declared[relation.name] = ids
        return declared

    def _has_relations(self) -> bool:
        """Whether entries of this type can show links to others, or links back."""
        registry = crawl_domain(self.env).content_types
        return bool(self.content_type.relations or registry.relations_to(self.content_type.name))

    def _sources(self, location: str) -> list[str]:
        settings = crawl_config(self.config)
        declared = settings.sources
        keys = split_list(self.options.get("source"))
        for key in keys:
            if key not in declared:
                known = ", ".join(sorted(declared)) or "none declared"
                warn(
                    f"{self.content_type.directive}: unknown source {key!r} "
                    f"(crawl_sources: {known})",
                    location,
                    "source",
                )
        cited = [key for key in keys if key in declared]
        if not cited and settings.require_source:
            warn(
                f"{self.content_type.directive}: the entry cites no source (:source:)",
                location,
                "source",
            )
        return cited

    # -- nodes -----------------------------------------------------------------

    def _title_node(
        self, title: str, fields: dict[str, Any], anchor: str
    ) -> tuple[crawl_nodes.crawl_entry_title, nodes.inline]:
        """The heading, and the title text in it (without the spoken prefix)."""
        node = crawl_nodes.crawl_entry_title(
            "", "", ids=[f"{anchor}-title"], prefix=_hidden_prefix(self.content_type, fields)
        )
        inline, messages = self.state.inline_text(title, self.lineno)
        # A title is text: inline markup stays, raw HTML (MyST allows it inline) and links
        # a browser would run (rST links "javascript:...") show as text.
        # The title alone is offered to translators (gettext), apart from the prefix.
        text = nodes.inline(title, "", *inline, classes=["crawl-title-text"], translatable=True)
        text.source, text.line = self.get_source_info()
        for raw in list(text.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))
        for link in list(text.findall(nodes.reference)):
            if _RUNNABLE_URL.match(re.sub(r"[\x00-\x20]", "", link.get("refuri", ""))):
                link.replace_self(nodes.Text(link.astext()))
        node += text
        node.extend(messages)
        return node, text


def _next_position(document: nodes.document) -> int:
    """Entries are stored in the order their directives finish, as authors expect."""
    position: int = document.get(ORDER_ATTRIBUTE, 0)
    document[ORDER_ATTRIBUTE] = position + 1
    return position


def _type_options(ct: ContentType) -> list[str]:
    return [*(f.name for f in ct.fields), *(r.name for r in ct.relations)]


def _hidden_prefix(ct: ContentType, fields: dict[str, Any]) -> str:
    return str(hook_value(ct, "heading_prefix", fields))


def _data_attributes(
    ct: ContentType, age: AgeRange | None, fields: dict[str, Any]
) -> dict[str, str]:
    data = {"crawl-type": ct.name}
    if age is not None:
        data["crawl-age-min"] = str(age.min_months)
        data["crawl-age-max"] = "" if age.max_months is None else str(age.max_months)
        data["crawl-age-kind"] = age.kind
    for spec in ct.fields:
        if spec.choices and spec.name in fields:
            data[f"crawl-{spec.name}"] = str(fields[spec.name])
    return data


def _sources_paragraph(sources: list[str]) -> nodes.paragraph:
    from sphinx.addnodes import pending_xref

    refs: list[nodes.Node] = []
    for key in sources:
        ref = pending_xref(
            "", refdomain="crawl", reftype="source", reftarget=key, refexplicit=False
        )
        ref += nodes.inline("", key, classes=["crawl-source-ref"])
        refs.append(ref)
    label = _("Source") if len(sources) == 1 else _("Sources")
    return labelled_list(label, refs, ["crawl-sources"])


def make_entry_directive(content_type: ContentType) -> type[EntryDirective]:
    """A directive class bound to ``content_type``: configuration, not a copy of code."""
    options = raw_options(*COMMON_OPTIONS, *_type_options(content_type))
    name = "".join(part.capitalize() for part in content_type.name.split("-")) + "Directive"
    return type(name, (EntryDirective,), {"content_type": content_type, "option_spec": options})
