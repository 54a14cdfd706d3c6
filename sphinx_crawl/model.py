"""Moved to :mod:`sphinx_crawl.core`; kept so older imports keep working."""

from sphinx_crawl.core.ages import AGE_KINDS, MAX_AGE_MONTHS, AgeDict, AgeRange
from sphinx_crawl.core.entries import (
    ENTRY_KEYS,
    EntryData,
    id_from_title,
    plain_text,
    slugify,
    split_list,
)

__all__ = [
    "AGE_KINDS",
    "ENTRY_KEYS",
    "MAX_AGE_MONTHS",
    "AgeDict",
    "AgeRange",
    "EntryData",
    "id_from_title",
    "plain_text",
    "slugify",
    "split_list",
]
