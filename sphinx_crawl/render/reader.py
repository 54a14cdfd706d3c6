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
from sphinx_crawl.contacts import fill_contacts
from sphinx_crawl.core.ages import (
    CORRECT_AFTER_WEEKS_EARLY,
    CORRECT_UNTIL_MONTHS,
    MAX_AGE_MONTHS,
    MAX_WEEKS_EARLY,
)
from sphinx_crawl.core.derive import free_id
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _, words_in_english

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator


def _has_aged_entries(document: nodes.document) -> bool:
    for node in document.findall(crawl_nodes.is_entry_node):
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


def age_filter_html(
    ids: Mapping[str, str] = FORM_IDS, baby_href: str = "", config: Config | None = None
) -> str:
    """The form, in the page's language (whom to tell: the build's place, with
    ``config``); crawl.js reveals and drives it. Written as XHTML too (attributes with
    values, void elements closed): an EPUB's pages are read as XML.

    Its numbers (the largest age and weeks early, who gets a corrected age) are the
    rules of core/ages.py, which crawl-ages.js computes with: never written twice."""
    i = {key: escape(value) for key, value in ids.items()}
    t = {
        key: escape(fill_contacts(str(text), config))
        for key, text in {
            "heading": _("Show what applies at your baby's age"),
            "age": _("Baby's age in months"),
            "early": _("Weeks born early (optional)"),
            "only": _("Hide entries for other ages"),
            "clear": _("Clear"),
            "help": str(
                _(
                    "Born more than {weeks} weeks early? Enter the age since birth and the "
                    "weeks born early: the corrected age (the age minus the weeks early), "
                    "which health services use until about age {years}, is worked out for you."
                )
            ).format(weeks=CORRECT_AFTER_WEEKS_EARLY, years=CORRECT_UNTIL_MONTHS // 12),
            "applies": _("Relevant at this age"),
            "from": _("From {age} months on"),
            # A deadline shows a little before it (DEADLINE_LEAD_MONTHS): {age} is when.
            "by": _("Watch for this from {age} months"),
            # Past its window an entry stays in view, and says what that means.
            "past_help": _("May still help if your baby is not doing this yet"),
            "past": _("Past the usual ages for this: if your baby is not doing it yet, see {link}"),
            "past_plain": _(
                "Past the usual ages for this: if your baby is not doing it yet, tell "
                "{crawl:contact}`doctor`."
            ),
            "status": _("{shown} of {total} entries on this page apply at {age} months."),
            "status_one": _("{shown} of {total} entries on this page apply at 1 month."),
            "past_status": _("{past} more are past their usual ages and stay shown."),
            "past_status_one": _("1 more is past its usual ages and stays shown."),
            "corrected": _("Corrected age: {age} months."),
            "corrected_one": _("Corrected age: 1 month."),
            "age_range": _("Enter an age from 0 to {max} months."),
            "weeks_range": _("Weeks born early must be from 0 to {max}; it is left out."),
        }.items()
    }
    return (
        f'<form class="crawl-age-filter"{words_in_english(config)} hidden="hidden" '
        f'aria-labelledby="{i["heading"]}" '
        f'data-applies-label="{t["applies"]}" data-from-label="{t["from"]}" '
        f'data-by-label="{t["by"]}" data-past-help-label="{t["past_help"]}" '
        f'data-past-label="{t["past"]}" data-past-plain-label="{t["past_plain"]}" '
        f'data-status="{t["status"]}" data-status-one="{t["status_one"]}" '
        f'data-past-status="{t["past_status"]}" data-past-status-one="{t["past_status_one"]}" '
        f'data-corrected="{t["corrected"]}" data-corrected-one="{t["corrected_one"]}" '
        f'data-age-range="{t["age_range"]}" '
        f'data-weeks-range="{t["weeks_range"]}" data-baby-href="{escape(baby_href)}">'
        f'<p id="{i["heading"]}" class="crawl-age-heading"><strong>{t["heading"]}</strong></p>'
        '<div class="crawl-age-fields">'
        f'<div><label for="{i["age"]}">{t["age"]}</label>'
        f'<input id="{i["age"]}" name="age" type="number" min="0" max="{MAX_AGE_MONTHS}" '
        'step="0.1" inputmode="decimal" /></div>'
        f'<div><label for="{i["early"]}">{t["early"]}</label>'
        f'<input id="{i["early"]}" name="early" type="number" min="0" max="{MAX_WEEKS_EARLY}" '
        'step="1" inputmode="numeric" /></div>'
        f'<div class="crawl-age-only"><input id="{i["only"]}" name="only" type="checkbox" /> '
        f'<label for="{i["only"]}">{t["only"]}</label></div>'
        f'<div><button type="reset">{t["clear"]}</button></div>'
        "</div>"
        f'<p class="crawl-age-help">{t["help"]}</p>'
        '<p class="crawl-age-status" role="status" aria-live="polite"></p>'
        "</form>"
    )


#: The type of entry whose page is "the signs page": where a milestone whose window
#: has passed points the parent ("When to ask for help").


class crawl_age_signs(nodes.General, nodes.Element):
    """After the age filter: a hidden link to the signs page, which crawl.js copies
    into what a passed milestone says. It holds no text, so search does not index it."""


def visit_age_signs(self: HTML5Translator, node: crawl_age_signs) -> None:
    here, target = self.builder.current_docname, node["target"]
    href = "#" if target == here else self.builder.get_relative_uri(here, target)
    self.body.append(
        f'<p class="crawl-age-signs" hidden="hidden"><a class="reference internal" '
        f'href="{escape(href)}">{escape(node["title"])}</a></p>\n'
    )
    raise nodes.SkipNode


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
        parts: list[nodes.Node] = [form, *self._signs_link()]
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            self.document[0:0] = parts
            return
        position = 1
        while position < len(section) and _is_review_line(section[position]):
            position += 1
        section[position:position] = parts

    def _signs_link(self) -> list[nodes.Node]:
        found = crawl_domain(self.env).signs_page()
        if found is None:
            return []
        target, title = found
        return [crawl_age_signs(target=target, title=title)]

    def _free_id(self, base: str, node: nodes.Element) -> str:
        candidate = free_id(base, lambda name: name not in self.document.ids)
        self.document.ids[candidate] = node
        return candidate


def _is_review_line(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "crawl-review" in node["classes"]


def setup_reader(app: Sphinx) -> None:
    # Only HTML builders get it (the transform's formats), so only HTML renders it.
    app.add_node(crawl_age_signs, html=(visit_age_signs, None))
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
        entry
        for entry in crawl_domain(app.env).entries_of(pagename)
        if entry["type"] == "question" and entry["text"].strip()  # an FAQ answer is not ""
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
