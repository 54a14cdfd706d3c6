"""Whom to call, as data: ``crawl_contacts`` for the place a build is for (``crawl_place``).

Text names a contact by its kind with the ``crawl:contact`` role (``{crawl:contact}`doctor```
in MyST, ``:crawl:contact:`doctor``` in reStructuredText). In a page's text the role
is a real role (the domain's: numbers become ``tel:`` links); in an option's value
(``:action:``), in a crawl-extend, in a field's default (the red flags' usual actions)
and in the extension's own messages the same words are filled in as text
(:func:`fill_contacts`). So translators keep the role in their translation and each
edition says the place's words in its own language.

Which words: the selected place's; for a kind it does not give, the ``any`` words;
with no place selected, the ``any`` words, or else every place's, each labelled
("911 (USA), 999 (UK) or 112 (EU)"); without ``crawl_contacts`` at all, the
extension's own words for ``doctor`` and ``advice`` and ``crawl_emergency``'s numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_crawl.config import Contact, CrawlConfig, crawl_config
from sphinx_crawl.i18n import _

if TYPE_CHECKING:
    from sphinx.config import Config

#: The role as written in MyST or reStructuredText, in text that is not parsed.
ROLE = re.compile(r"\{crawl:contact\}`([^`]*)`|:crawl:contact:`([^`]*)`")

#: Words for a kind no setting gives, in the build's language.
BUILT_IN = {
    "doctor": _("your pediatrician"),
    "advice": _("an urgent advice line"),
    "emergency": _("your local emergency number"),
}
#: Headings of the kinds the extension knows (the summary for the doctor lists them).
KIND_LABELS = {
    "doctor": _("Doctor"),
    "development": _("Development services"),
    "advice": _("Health advice line"),
    "emergency": _("Emergency"),
}


def found_contacts(settings: CrawlConfig, kind: str) -> list[tuple[str, Contact]]:
    """(where, contact) pairs for ``kind``; where is "" when one place speaks."""
    if kind == "emergency":
        numbers = settings.emergency_numbers()
        pairs = [(where, Contact(number=number)) for where, number in numbers]
        return [("", pairs[0][1])] if len(pairs) == 1 else pairs
    found = settings.place_contacts(kind)
    if len(found) == 1:
        return [("", found[0][1])]
    return found


def _or() -> str:
    """ " or ", in the build's language (the emergency line's word)."""
    return " " + str(_("or")) + " "


def _joined(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + _or() + parts[-1]


def _labelled(text: str, where: str) -> str:
    return str(_("{number} ({where})")).format(number=text, where=where) if where else text


def _plain(contact: Contact) -> str:
    if contact.name and contact.number:
        return f"{contact.name} ({contact.number})"
    return contact.name or contact.number


def contact_text(settings: CrawlConfig, kind: str) -> str | None:
    """The words for ``kind`` as text (None: nothing gives them)."""
    found = found_contacts(settings, kind)
    if found:
        return _joined([_labelled(_plain(c), where) for where, c in found])
    if kind in BUILT_IN:
        return str(BUILT_IN[kind])
    return None


def fill_contacts(
    text: str, config: Config | None, unknown: Callable[[str], None] | None = None
) -> str:
    """``text`` with every ``crawl:contact`` role written out as the contact's words (for
    ``config``'s place; without a config, the extension's own words); a kind nothing
    names is reported to ``unknown`` and left as its name."""
    if "crawl:contact" not in text:
        return text
    settings = crawl_config(config) if config is not None else CrawlConfig()

    def words(match: re.Match[str]) -> str:
        kind = (match[1] if match[1] is not None else match[2]).strip()
        found = contact_text(settings, kind)
        if found is None:
            if unknown is not None:
                unknown(kind)
            return kind
        return found

    return ROLE.sub(words, text)


def fill_all(value: Any, config: Config | None) -> Any:
    """``value`` (text, or lists and dicts of it: a setting's value) with every
    ``crawl:contact`` role written out."""
    if isinstance(value, str):
        return fill_contacts(value, config)
    if isinstance(value, list | tuple):
        return [fill_all(item, config) for item in value]
    if isinstance(value, dict):
        return {key: fill_all(item, config) for key, item in value.items()}
    return value


def unknown_kind_message(settings: CrawlConfig, kind: str) -> str:
    kinds = sorted(
        {k for place in settings.contacts.values() for k in place.contacts} | set(BUILT_IN)
    )
    return (
        f"crawl:contact: no contact {kind!r} for this place in crawl_contacts "
        f"(kinds: {', '.join(kinds)}); the kind's name is shown"
    )


def contact_nodes(settings: CrawlConfig, kind: str) -> list[nodes.Node] | None:
    """The words for ``kind`` as nodes: a number is a ``tel:`` link, a contact with a
    web address links to it. None: nothing gives them."""
    found = found_contacts(settings, kind)
    if not found:
        return [nodes.Text(str(BUILT_IN[kind]))] if kind in BUILT_IN else None
    parts: list[nodes.Node] = []
    for i, (where, contact) in enumerate(found):
        if i:
            parts.append(nodes.Text(_or() if i == len(found) - 1 else ", "))
        parts.extend(_contact_nodes(contact, where))
    return parts


def _contact_nodes(contact: Contact, where: str) -> list[nodes.Node]:
    parts: list[nodes.Node] = []
    if contact.name:
        name: nodes.Node = nodes.Text(contact.name)
        if contact.url:
            name = nodes.reference(contact.name, contact.name, refuri=contact.url)
        parts.append(name)
    if contact.number:
        call = nodes.reference(
            contact.number, contact.number, refuri="tel:" + contact.number.replace(" ", "")
        )
        parts.extend([nodes.Text(" ("), call, nodes.Text(")")] if contact.name else [call])
    if where:
        pattern = str(_("{number} ({where})"))
        before, _sep, after = pattern.partition("{number}")
        parts = [
            nodes.Text(before.replace("{where}", where)),
            *parts,
            nodes.Text(after.replace("{where}", where)),
        ]
    return parts


def summary_contacts(config: Config) -> list[list[str]]:
    """[heading, words] for each kind of contact crawl_contacts gives for this build's
    place, but the emergency number (every page starts with it): whom the summary for
    the doctor is for, and whom else to call about what it says."""
    settings = crawl_config(config)
    kinds = [kind for kind in KIND_LABELS if kind != "emergency"]
    for place in settings.contacts.values():
        kinds.extend(k for k in place.contacts if k not in kinds and k != "emergency")
    rows = []
    for kind in kinds:
        if found_contacts(settings, kind):
            heading = KIND_LABELS.get(kind)
            words = contact_text(settings, kind) or ""
            rows.append([str(heading) if heading else kind.replace("-", " ").capitalize(), words])
    return rows
