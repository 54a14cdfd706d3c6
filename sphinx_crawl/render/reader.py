"""Reader aids for HTML: the age filter form and the entry search index.

Both only add to the page: without JavaScript the form stays hidden and every
entry stays visible, so pages read fully without it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.config import is_demo_page
from sphinx_crawl.core.derive import free_id
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _has_aged_entries(document: nodes.document) -> bool:
    for node in document.findall(
        lambda n: isinstance(n, crawl_nodes.crawl_entry | crawl_nodes.crawl_row)
    ):
        assert isinstance(node, nodes.Element)
        if "crawl-age-min" in node.get("data", {}):
            return True
    return False


#: The form's element ids, unless the page already uses them (see AgeFilterForm).
FORM_IDS = {
    "heading": "crawl-age-heading",
    "age": "crawl-age",
    "early": "crawl-early",
    "only": "crawl-only",
}


def age_filter_html(ids: Mapping[str, str] = FORM_IDS, baby_href: str = "") -> str:
    """The form, in the page's language; crawl.js reveals and drives it."""
    i = {key: escape(value) for key, value in ids.items()}
    t = {
        key: escape(str(text))
        for key, text in {
            "heading": _("Show what applies at your baby's age"),
            "age": _("Baby's age in months"),
            "early": _("Weeks born early (optional)"),
            "only": _("Hide entries for other ages"),
            "clear": _("Clear"),
            "help": _(
                "Born more than 3 weeks early? Use corrected age: your baby's age minus the "
                "weeks they came early. Health services use it until about age 2; enter the "
                "weeks and it is worked out for you."
            ),
            "applies": _("Relevant at this age"),
            "from": _("From {age} months on"),
            "by": _("Watch for this from {age} months"),
            "status": _("{shown} of {total} entries on this page apply at {age} months."),
            "corrected": _("Corrected age: {age} months."),
            "age_range": _("Enter an age from 0 to {max} months."),
            "weeks_range": _("Weeks born early must be from 0 to {max}; it is left out."),
        }.items()
    }
    return (
        f'<form class="crawl-age-filter" hidden aria-labelledby="{i["heading"]}" '
        f'data-applies-label="{t["applies"]}" data-from-label="{t["from"]}" '
        f'data-by-label="{t["by"]}" data-status="{t["status"]}" '
        f'data-corrected="{t["corrected"]}" data-age-range="{t["age_range"]}" '
        f'data-weeks-range="{t["weeks_range"]}" data-baby-href="{escape(baby_href)}">'
        f'<p id="{i["heading"]}" class="crawl-age-heading"><strong>{t["heading"]}</strong></p>'
        '<div class="crawl-age-fields">'
        f'<div><label for="{i["age"]}">{t["age"]}</label>'
        f'<input id="{i["age"]}" name="age" type="number" min="0" max="72" step="0.5" '
        'inputmode="decimal"></div>'
        f'<div><label for="{i["early"]}">{t["early"]}</label>'
        f'<input id="{i["early"]}" name="early" type="number" min="0" max="20" step="1" '
        'inputmode="numeric"></div>'
        f'<div class="crawl-age-only"><input id="{i["only"]}" name="only" type="checkbox"> '
        f'<label for="{i["only"]}">{t["only"]}</label></div>'
        f'<div><button type="reset">{t["clear"]}</button></div>'
        "</div>"
        f'<p class="crawl-age-help">{t["help"]}</p>'
        '<p class="crawl-age-status" role="status" aria-live="polite"></p>'
        "</form>"
    )


class AgeFilterForm(SphinxPostTransform):
    """Put the age filter at the top of every page that has entries with ages."""

    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if is_demo_page(self.config, self.env.docname) or not _has_aged_entries(self.document):
            return  # nothing to filter, or authoring examples
        form = crawl_nodes.crawl_age_filter()
        # The usual ids, unless an entry or heading on the page has one already.
        form["field_ids"] = {key: self._free_id(value, form) for key, value in FORM_IDS.items()}
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            self.document.insert(0, form)
            return
        position = 1
        while position < len(section) and _is_review_line(section[position]):
            position += 1
        section.insert(position, form)

    def _free_id(self, base: str, node: nodes.Element) -> str:
        candidate = free_id(base, lambda name: name not in self.document.ids)
        self.document.ids[candidate] = node
        return candidate


def _is_review_line(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "crawl-review" in node["classes"]


def setup_reader(app: Sphinx) -> None:
    app.add_post_transform(AgeFilterForm)
    app.connect("html-page-context", faq_structured_data)


def faq_structured_data(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a page with questions carries them as schema.org FAQPage
    data (JSON-LD in its ``<head>``), so search engines can show the answers."""
    if doctree is None or not isinstance(context.get("metatags"), str):
        return
    questions = [
        entry for entry in crawl_domain(app.env).entries_of(pagename) if entry["type"] == "question"
    ]
    if not questions:
        return
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry["title"],
                "acceptedAnswer": {"@type": "Answer", "text": entry["text"]},
            }
            for entry in questions
        ],
    }
    # In a <script>, markup characters are written as JSON escapes (the same data), so
    # no title can end the script or open a comment in it.
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    context["metatags"] += f'\n<script type="application/ld+json">{text}</script>'
