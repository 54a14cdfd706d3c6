"""UI strings go through Sphinx's message catalogs (``locale/<lang>/LC_MESSAGES``)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_crawl.core.ages import AgeRange

MESSAGE_CATALOG = "sphinx_crawl"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translated lazily, at the time the text is rendered in the document's language.
_ = get_translation(MESSAGE_CATALOG)


def language_tag(config: Config) -> str:
    """The build's language as a BCP 47 tag (``pt-BR`` for Sphinx's ``pt_BR``), as
    Sphinx writes it in the pages' ``lang`` attribute; ``en`` where none is set. For
    every file the extension writes that names the language (crawl.json, the offline
    pages and manifest)."""
    from sphinx.builders.html import convert_locale_to_language_tag

    return convert_locale_to_language_tag(config.language) or "en"


def same_language(tag: str, config: Config) -> bool:
    """Whether ``tag`` (as a crawl.json says it, ``pt-BR`` or an older ``pt_BR``) is the
    build's language."""
    return tag.replace("_", "-").lower() == language_tag(config).lower()


def labelled(label: str) -> str:
    """``"Label: "``, with the punctuation the language uses ("Que faire : ")."""
    return _("{label}: ").format(label=label)


#: How each kind of age reads; a language's catalog gives its own wording.
_AGE_WORDING = {
    ("window", 1): "{min} months",
    ("window", 2): "{min}-{max} months",
    ("from", 1): "{min}+ months",
    ("from", 2): "{min}-{max} months+",
    ("by", 1): "by {min} months",
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Words of an age's label that are no unit ("by 12", "6 to 9"): the rest names one.
_NOT_UNITS = re.compile(r"\b(?:by|to)\b")
_NAMES_UNIT = re.compile(r"[^\W\d_]")


def localized_age(age: AgeRange) -> AgeRange:
    """The age with its label in the build's language ("6-9 meses"). Without a
    translation the author's own label is kept, exactly as written, unless it names no
    unit: an author's ``:age: 6`` is shown to parents as "6 months", not "Age: 6"."""
    numbers = _NUMBER.findall(age.label)[:2]
    wording = _AGE_WORDING.get((age.kind, len(numbers)))
    if wording is None:
        return age
    translated = str(_(wording))
    if translated == wording and _NAMES_UNIT.search(_NOT_UNITS.sub(" ", age.label.lower())):
        return age
    values = dict(zip(("min", "max"), numbers, strict=False))
    return replace(age, label=translated.format(**values))


# The wordings, for message extraction (the table above holds them as plain strings).
_("{min} months"), _("{min}-{max} months"), _("{min}+ months"), _("{min}-{max} months+")
_("by {min} months")


def setup_i18n(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
