"""UI strings go through Sphinx's message catalogs (``locale/<lang>/LC_MESSAGES``)."""

from __future__ import annotations

import functools
import gettext
import hashlib
import io
import re
import string
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx.locale
from sphinx.locale import get_translation
from sphinx.util.i18n import CatalogRepository

from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn

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
#: A number of an age's label: "6.5", or "6,5" as a Spanish handbook's crawl.json has it.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
#: Words of an age's label that are no unit ("by 12", "6 to 9"): the rest names one.
_NOT_UNITS = re.compile(r"\b(?:by|to)\b")
_NAMES_UNIT = re.compile(r"[^\W\d_]")


def localized_age(age: AgeRange, language: str | None = None) -> AgeRange:
    """The age with its label in the build's language ("6-9 meses", "6,5-10 meses": its
    decimal sign too). Without a translation the author's own label is kept, exactly as
    written, unless it names no unit: an author's ``:age: 6`` is shown to parents as
    "6 months", not "Age: 6"."""
    numbers = _NUMBER.findall(age.label)[:2]
    wording = _AGE_WORDING.get((age.kind, len(numbers)))
    if wording is None:
        return age
    translated = str(_(wording))
    if translated == wording and _NAMES_UNIT.search(_NOT_UNITS.sub(" ", age.label.lower())):
        return age
    point = decimal_sign(language) if translated != wording else "."
    numbers = [number.replace(",", ".").replace(".", point) for number in numbers]
    values = dict(zip(("min", "max"), numbers, strict=False))
    return replace(age, label=translated.format(**values))


@functools.cache
def decimal_sign(language: str | None) -> str:
    """The language's decimal sign ("," in Spanish and French), as the scripts show ages
    with Intl.NumberFormat (crawl-ages.js); "." where Babel does not know the language."""
    from babel.core import UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        return str(get_decimal_symbol((language or "en").replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return "."


# The wordings, for message extraction (the table above holds them as plain strings).
_("{min} months"), _("{min}-{max} months"), _("{min}+ months"), _("{min}-{max} months+")
_("by {min} months")


def words_in_english(config: Config | None) -> str:
    """`` lang="en"`` for an element holding only the extension's words, when they show
    in English on pages of another language (no catalog of the package's or the
    project's for it: the ``crawl.language`` warning), so that a screen reader speaks
    "Urgent advice" in English, not with the page's voice; else ``""``."""
    language = (config.language if config is not None else None) or "en"
    if language.lower().split("_")[0].split("-")[0] == "en":
        return ""
    if getattr(config, CATALOG_VALUE, "") or has_package_catalog(language):
        return ""
    return ' lang="en"'


@functools.cache
def has_package_catalog(language: str) -> bool:
    """Whether sphinx-crawl ships its words in ``language`` (``es_MX`` reads ``es``)."""
    return bool(gettext.find(MESSAGE_CATALOG, str(LOCALE_DIR), [language]))


def load_project_catalog(app: Sphinx, config: Config) -> None:
    """``config-inited``: the project's own ``sphinx_crawl.po`` for the build's language,
    from its ``locale_dirs`` (compiled as Sphinx compiles ``sphinx.po``), before the
    package's: a handbook in a language the package has no words for translates them
    itself, and one in Spanish may reword ours. With neither, the extension's words show
    in English in pages of another language: a ``crawl.language`` warning says so."""
    language = config.language
    if not language or language.lower().split("_")[0].split("-")[0] == "en":
        return
    repository = CatalogRepository(app.srcdir, config.locale_dirs, language, config.source_encoding)
    for catalog in repository.catalogs:
        if catalog.domain == MESSAGE_CATALOG and catalog.is_outdated():
            catalog.write_mo(language, config.gettext_allow_fuzzy_translations)
    found = None
    for folder in repository.locale_dirs:
        compiled = gettext.find(MESSAGE_CATALOG, str(folder), [language])
        if compiled:
            # Read afresh (gettext.translation keeps a file it read once for good).
            body = Path(compiled).read_bytes()
            found = gettext.GNUTranslations(io.BytesIO(body))
            _drop_misfits(found, Path(compiled).with_suffix(".po"), app)
            # A changed catalog re-reads the pages, as a changed setting does, and
            # writes every file of the HTML builds again (see CATALOG_HTML_VALUE).
            digest = hashlib.sha256(body).hexdigest()
            setattr(config, CATALOG_VALUE, digest)
            setattr(config, CATALOG_HTML_VALUE, digest)
            break
    if found is not None:
        ours = sphinx.locale.translators.get(("general", MESSAGE_CATALOG))
        if ours is not None and ours is not found:
            found.add_fallback(ours)
        sphinx.locale.translators["general", MESSAGE_CATALOG] = found
        return
    if has_package_catalog(language):
        return
    template = LOCALE_DIR / f"{MESSAGE_CATALOG}.pot"
    folder = (list(config.locale_dirs) or ["locales"])[0]
    shipped = " and ".join(sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/*/*.mo")))
    warn(
        f"sphinx-crawl has no {language!r} translation of its own words (urgency badges, "
        f"labels, the age filter, the tracker, the search page; it ships {shipped}): "
        f"they show in English on these pages. Translate them in "
        f"{folder}/{language}/LC_MESSAGES/{MESSAGE_CATALOG}.po, made from {template}",
        config_location(app, "language"),
        "language",
    )


def _fields(text: str) -> set[str] | None:
    """The ``{name}`` fields of a message (None: not a format string at all)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def _drop_misfits(translations: gettext.GNUTranslations, po: Path, app: Sphinx) -> None:
    """Leave out each translation whose ``{fields}`` are not its message's: the words are
    filled in with ``str.format``, and a field renamed in translation ("{edad}") stopped
    the build. Each is a located warning; the package's words are used for it."""
    catalog = getattr(translations, "_catalog", None)
    if not isinstance(catalog, dict):
        return
    for key, translated in list(catalog.items()):
        message = key[0] if isinstance(key, tuple) else key
        if not isinstance(message, str) or not message or not isinstance(translated, str):
            continue
        if _fields(translated) != _fields(message):
            del catalog[key]
            warn(
                f"{MESSAGE_CATALOG}.po: the translation {translated!r:.80} of {message!r:.80} "
                "does not keep its {fields}; the package's words are used instead",
                f"{po}:1",
                "language",
            )


#: The configuration value holding the digest of the project's own catalog (none: "").
CATALOG_VALUE = "sphinx_crawl_project_catalog"
#: The same digest as an HTML setting: Sphinx's hash of those is what the HTML builders
#: (and the extension's record of its own files) are written with. With the first alone
#: the pages were read again, but the index pages, the search index and the other files
#: worked out from every entry were kept from the last build, in the catalog's old
#: words (a catalog added to a Japanese handbook left "Red flags by urgency and age").
CATALOG_HTML_VALUE = "sphinx_crawl_project_catalog_html"


def setup_i18n(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.add_config_value(CATALOG_VALUE, "", "env", types=(str,))
    app.add_config_value(CATALOG_HTML_VALUE, "", "html", types=(str,))
    app.connect("config-inited", load_project_catalog)
