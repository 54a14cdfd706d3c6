"""Small docutils node builders every layer above may use: labelled lines, callouts,
tables. (Node classes are in :mod:`sphinx_crawl.nodes`; their HTML in :mod:`render`.)"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_crawl.contacts import fill_contacts
from sphinx_crawl.core.content_types import ContentType, hook_value
from sphinx_crawl.i18n import _, labelled
from sphinx_crawl.nodes import crawl_callout, crawl_meta

if TYPE_CHECKING:
    from sphinx.config import Config


def callout_paragraphs(
    content_type: ContentType | None, fields: Mapping[str, Any], config: Config | None = None
) -> list[crawl_callout]:
    """The type's labelled lines (e.g. "What to do: ..."), for cards and checklists alike."""
    if content_type is None:
        return []
    lines: list[tuple[str, str, str]] = [
        (str(label), str(text), "") for label, text in hook_value(content_type, "callouts", fields)
    ]
    lines += [
        (str(spec.callout), text, spec.name)
        for spec in content_type.fields
        if spec.callout and (text := field_words(fields.get(spec.name)))
    ]
    return [
        crawl_callout(
            "",
            text,
            label=labelled(label),
            field=name,
            own_words=_own_default(content_type, name, text, fields, config),
            classes=["crawl-callout", *([f"crawl-callout-{name}"] if name else [])],
        )
        for label, text, name in lines
    ]


def field_words(value: Any) -> str:
    """A field's value as a reader reads it under its label: a plugin's typed field
    (a list, a yes-or-no, a mapping) showed as Python wrote it ("Steps: ['crawl in',
    'crawl out']", "Indoors: True"). Items are joined with commas, a boolean is "Yes" or
    "No", a mapping's pairs read "key: value"; nothing (None, "", []) is ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list | tuple):
        return ", ".join(text for item in value if (text := field_words(item)))
    if isinstance(value, Mapping):
        return "; ".join(
            f"{key}: {text}" for key, item in value.items() if (text := field_words(item))
        )
    return str(value)


def _own_default(
    content_type: ContentType,
    name: str,
    text: str,
    fields: Mapping[str, Any],
    config: Config | None,
) -> bool:
    """Whether a field's text is the extension's own default for it (a red flag's usual
    "What to do"), not the author's: shown in English where the package has no words
    for the page's language, it says so (``lang="en"``). The default's contacts are
    written out for ``config``'s place, as the field's were. Only the built-in types'
    defaults are asked (a plugin's code is not run again here)."""
    spec = next((spec for spec in content_type.fields if spec.name == name), None)
    default = getattr(spec, "default", None)
    if default is None or not getattr(default, "__module__", "").startswith("sphinx_crawl."):
        return False
    try:
        own = str(default({k: v for k, v in fields.items() if k != name}))
        return bool(text == fill_contacts(own, config))
    except Exception:  # our own default, on fields it may not expect: the author's text
        return False


#: Links a browser would run rather than follow.
_RUNNABLE_URL = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)


def defuse_title(title: nodes.Element) -> None:
    """An entry's title is text: inline markup stays, raw HTML (MyST allows it inline)
    and links a browser would run (rST links "javascript:...") show as text. Applied
    to the title as written, and again once a translation has replaced it."""
    for raw in list(title.findall(nodes.raw)):
        raw.replace_self(nodes.Text(raw.astext()))
    for link in list(title.findall(nodes.reference)):
        if _RUNNABLE_URL.match(re.sub(r"[\x00-\x20]", "", link.get("refuri", ""))):
            link.replace_self(nodes.Text(link.astext()))


def callout_as_paragraph(callout: crawl_callout) -> nodes.paragraph:
    """The standard paragraph other builders write: the label in bold, then the text
    (keeping its source, so the gettext builder offers the author's text to translators)."""
    para = nodes.paragraph(
        callout.rawsource,
        "",
        *strong_label(callout["label"]),
        *callout.children,
        classes=callout["classes"],
    )
    para.source, para.line = callout.source, callout.line
    if hasattr(callout, "uid"):  # the gettext builder only takes messages with one
        para.uid = callout.uid  # type: ignore[attr-defined]
    return para


def meta_as_paragraph(meta: crawl_meta) -> nodes.paragraph:
    """The entry's age line as standard nodes (the HTML visitor writes the same)."""
    para = nodes.paragraph(classes=["crawl-meta"])
    for label, text, name in meta_parts(meta):
        para += nodes.inline(
            "", "", *strong_label(label), nodes.Text(text), classes=[f"crawl-{name}"]
        )
    return para


def meta_parts(meta: crawl_meta) -> list[tuple[str, str, str]]:
    """(label, text, class suffix) for the entry's age. Tags are not shown: they sort
    entries into lists, indices and search, and "Tags: muscle-tone" on a card is
    authoring vocabulary, not something a parent reads."""
    return [(labelled(_("Age")), meta["age_label"], "age")] if meta["age_label"] else []


def strong_label(label: str) -> list[nodes.Node]:
    """``"Age: "`` as bold ``Age:`` and then the space: text and man writers mark bold
    with ``**``, and a space inside it read ``**Age: **6-10 months``."""
    text = label.rstrip()
    parts: list[nodes.Node] = [nodes.strong(text, text)]
    if text != label:
        parts.append(nodes.Text(label[len(text) :]))
    return parts


def labelled_list(label: str, items: list[nodes.Node], classes: list[str]) -> nodes.paragraph:
    """``Label: a; b; c`` as one paragraph (an entry's sources, its links to others)."""
    para = nodes.paragraph(classes=classes)
    para.extend(strong_label(labelled(label)))
    for i, item in enumerate(items):
        if i:
            para += nodes.Text("; ")
        para += item
    return para


def text_row(cells: list[nodes.Node]) -> nodes.row:
    """A table row with one paragraph per cell."""
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", cell))
    return row


def table(
    classes: list[str],
    widths: tuple[int, ...],
    header: list[str],
    rows: Sequence[nodes.Element],
) -> nodes.table:
    """A standard docutils table, so every builder can write it. (A row may be inside
    an ``only``: Sphinx keeps or drops it with the build's tags.)"""
    node = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(widths))
    node += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += text_row([nodes.Text(text) for text in header])
    group += head
    body = nodes.tbody()
    body.extend(rows)
    group += body
    return node
