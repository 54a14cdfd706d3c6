"""``crawl-changes`` filled for readers: "What changed in this version", from the
comparison with ``crawl_previous`` (:mod:`sphinx_crawl.changes`). Standard nodes, so
every builder writes it; links to entries are the domain's own references."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.i18n import format_date

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.builtin import BUILT_IN_TYPES
from sphinx_crawl.changes import comparison, previous_release, release
from sphinx_crawl.core.changes import EntryChange
from sphinx_crawl.core.content_types import ContentType
from sphinx_crawl.domain import CrawlDomain, crawl_domain
from sphinx_crawl.i18n import _, words_in_english

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def key_label(content_type: ContentType | None, key: str) -> str:
    """A changed crawl.json key in readers' words ("what to do", "text", "see also")."""
    common = {
        "title": _("title"),
        "text": _("text"),
        "age": _("age"),
        "tags": _("tags"),
        "keywords": _("search words"),
        "sources": _("sources"),
        "type": _("type"),
    }
    if key in common:
        return str(common[key])
    label: str = key
    if content_type is not None:
        field = content_type.field(key)
        relation = content_type.relation(key)
        if field is not None and field.callout:
            label = str(field.callout)
        elif relation is not None and relation.label:
            label = str(relation.label)
    return label[:1].lower() + label[1:]


class FillChanges(SphinxPostTransform):
    """Before references are resolved (10): the list links to entries with them."""

    default_priority = 5
    #: Whether this build's builder writes HTML (set for it at builder-inited).
    html: ClassVar[bool] = False

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(crawl_nodes.crawl_changes)):
            placeholder.replace_self(self._changes(crawl_domain(self.env), placeholder))

    def _own(self) -> list[str]:
        """``language-en`` (``lang="en"`` in HTML) for the package's words where they show
        in English on a page of another language (:func:`words_in_english`); else none."""
        english = self.html and words_in_english(self.config)
        return ["language-en"] if english else []

    def _date(self, day: str | None) -> str:
        if not day:
            return ""
        # The date's form is a message: each language writes it its own way.
        return format_date(
            str(_("%-d %B %Y")),
            date=datetime.fromisoformat(day),
            language=self.config.language or "en",
        )

    def _changes(self, domain: CrawlDomain, placeholder: nodes.Element) -> nodes.Element:
        wrapper = nodes.container(classes=["crawl-changes"])
        if placeholder.get("caption"):
            wrapper += nodes.rubric("", placeholder["caption"])
        found = comparison(domain)
        previous = previous_release(self.config)
        if found is None or previous is None:
            wrapper += nodes.paragraph(
                "",
                "",
                nodes.emphasis("", _("There is no earlier release to compare with.")),
                classes=self._own(),
            )
            return wrapper
        this = release(self.config)
        before = previous.handbook.version or str(_("the previous release"))
        intro = str(_("Version {version}, {date}. Compared with {previous}.")).format(
            version=this.version or "-", date=self._date(this.date), previous=before
        )
        wrapper += nodes.paragraph("", intro, classes=["crawl-changes-release"])
        if not found:
            text = str(_("Nothing has changed since {previous}.")).format(previous=before)
            wrapper += nodes.paragraph("", text, classes=self._own())
            return wrapper
        groups = (
            ("added", _("New"), found.added),
            ("changed", _("Changed"), found.changed),
            ("removed", _("Removed"), found.removed),
        )
        for name, heading, changes in groups:
            if not changes:
                continue
            section = nodes.container(classes=[f"crawl-changes-{name}"])
            section += nodes.rubric("", str(heading), classes=self._own())
            items = nodes.bullet_list()
            for change in changes:
                items += nodes.list_item("", self._item(domain, change, name))
            section += items
            wrapper += section
        return wrapper

    def _item(self, domain: CrawlDomain, change: EntryChange, group: str) -> nodes.paragraph:
        content_type = domain.content_types.get(change.type)
        kind = str(content_type.label) if content_type else change.type
        para = nodes.paragraph()
        if group == "removed":
            para += nodes.Text(change.title)
        else:
            link = pending_xref(
                "", refdomain="crawl", reftype=change.type, reftarget=change.id, refexplicit=False
            )
            link += nodes.inline("", change.id)
            para += link
        # The kind and what changed: the package's words (a plugin's type label aside).
        what = [f" ({kind})"]
        if change.keys:
            parts = ", ".join(key_label(content_type, key) for key in change.keys)
            what.append(" \u2014 " + str(_("what changed: {parts}")).format(parts=parts))
        ours = change.type in BUILT_IN_TYPES or content_type is None
        if ours and self._own():
            para += nodes.inline("", "".join(what), classes=self._own())
        else:
            para += nodes.Text("".join(what))
        return para


def add_changes_transform(app: Sphinx) -> None:
    """``builder-inited``: the changes list's filler, for this builder."""
    html = app.builder.format == "html"
    app.add_post_transform(type("FillChanges", (FillChanges,), {"html": html}))


def setup_render_changes(app: Sphinx) -> None:
    app.connect("builder-inited", add_changes_transform)
