"""UI strings go through Sphinx's message catalogs (``locale/<lang>/LC_MESSAGES``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_crawl"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translated lazily, at the time the text is rendered in the document's language.
_ = get_translation(MESSAGE_CATALOG)


def labelled(label: str) -> str:
    """``"Label: "``, with the punctuation the language uses ("Que faire : ")."""
    return _("{label}: ").format(label=label)


def setup_i18n(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
