"""Plain data shared by every layer: ages, ids, lists and the entry record.

Everything here is JSON-serialisable on purpose: entries live in the Sphinx
environment (pickled, merged across ``-j`` workers) and in ``crawl.json``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

#: The handbook is about babies; anything older than this is a typo.
MAX_AGE_MONTHS = 72

_NUMBER = r"(\d+(?:\.\d+)?)"
_DASH = r"\s*(?:-|\u2013|\u2014|to)\s*"
_UNIT = r"\s*(?:months?|mos?\.?|m)?"
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^by\s+{_NUMBER}{_UNIT}$"), "by"),
    (re.compile(rf"^{_NUMBER}{_DASH}{_NUMBER}{_UNIT}\s*\+$"), "range+"),
    (re.compile(rf"^{_NUMBER}{_DASH}{_NUMBER}{_UNIT}$"), "range"),
    (re.compile(rf"^{_NUMBER}\s*\+{_UNIT}$|^{_NUMBER}{_UNIT}\s*\+$"), "from"),
    (re.compile(rf"^{_NUMBER}{_UNIT}$"), "point"),
)


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


#: What an age means. A *window* applies between its ends ("6-9 months", "12 months");
#: *from* applies at that age and ever after ("12 months+"); *by* is a deadline: the
#: thing is expected by that age, so it matters at that age and after ("by 12 months").
AGE_KINDS = ("window", "from", "by")


@dataclass(frozen=True)
class AgeRange:
    """An age in months: a window, or open-ended (``max_months`` None) from or by an age."""

    min_months: float | int
    max_months: float | int | None
    label: str
    kind: str = "window"

    @classmethod
    def parse(cls, text: str) -> AgeRange:
        """Parse ``4-6 months``, ``6\u20139 months``, ``12 months``, ``9-12 months+``,
        ``10+ months`` or ``by 12 months``; raise ValueError with a reason."""
        label = " ".join(text.split())
        if not label:
            raise ValueError("the age is empty")
        lowered = label.lower()
        for pattern, form in _AGE_PATTERNS:
            match = pattern.match(lowered)
            if not match:
                continue
            numbers = [_number(g) for g in match.groups() if g is not None]
            low: float | int
            high: float | int | None
            kind = "window"
            if form == "by":
                low, high, kind = numbers[0], None, "by"
            elif form == "range":
                low, high = numbers[0], numbers[1]
            elif form == "range+":
                low, high, kind = numbers[0], None, "from"
                cls._check(label, numbers[0], numbers[1])  # "9-12 months+": 12 is read too
            elif form == "from":
                low, high, kind = numbers[0], None, "from"
            else:
                low, high = numbers[0], numbers[0]
            cls._check(label, low, high)
            return cls(low, high, label, kind)
        raise ValueError(
            f"cannot read the age {label!r}; write it like '4-6 months', '12 months', "
            "'9-12 months+' or 'by 12 months'"
        )

    @staticmethod
    def _check(label: str, low: float | int, high: float | int | None) -> None:
        if high is not None and high < low:
            raise ValueError(f"the age {label!r} runs backwards")
        if max(low, high or 0) > MAX_AGE_MONTHS:
            raise ValueError(f"the age {label!r} is beyond {MAX_AGE_MONTHS} months")

    def applies_at(self, months: float) -> bool:
        """Whether a baby of ``months`` is in this age (open ages: at the start and after)."""
        return self.min_months <= months and (self.max_months is None or months <= self.max_months)

    def overlaps(self, other: AgeRange) -> bool:
        self_high = float("inf") if self.max_months is None else self.max_months
        other_high = float("inf") if other.max_months is None else other.max_months
        return self.min_months <= other_high and other.min_months <= self_high

    def sort_key(self) -> tuple[float, float]:
        return (
            float(self.min_months),
            float("inf") if self.max_months is None else self.max_months,
        )

    def as_dict(self) -> AgeDict:
        return {
            "min_months": self.min_months,
            "max_months": self.max_months,
            "label": self.label,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: AgeDict) -> AgeRange:
        # crawl.json files written before ages had a kind: a window, or open from its start.
        kind = data.get("kind") or ("window" if data["max_months"] is not None else "from")
        return cls(data["min_months"], data["max_months"], data["label"], kind)


class AgeDict(TypedDict):
    min_months: float | int
    max_months: float | int | None
    label: str
    kind: NotRequired[str]


#: The keys every crawl.json entry has, in order; the type's own fields follow.
ENTRY_KEYS = ("id", "type", "title", "url", "docname", "age", "tags", "sources", "keywords", "text")


class EntryData(TypedDict):
    """One entry as stored in the environment and exported to crawl.json."""

    id: str
    type: str
    title: str
    docname: str
    anchor: str
    lineno: int
    age: AgeDict | None
    tags: list[str]
    sources: list[str]
    keywords: list[str]
    text: str
    fields: dict[str, Any]


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """An ASCII slug; empty when the text has no Latin letters or digits."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:80].strip("-")


def id_from_title(type_name: str, title: str) -> str:
    """A stable id for an entry without ``:id:``: the title's slug, or a hash of it."""
    slug = slugify(title)
    if slug and slug[0].isalpha():
        return slug
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    return f"{type_name}-{slug or digest}"


def split_list(text: str | None) -> list[str]:
    """Comma-separated option values, stripped, empty items and repeats dropped."""
    if not text:
        return []
    seen: dict[str, None] = {}
    for item in text.split(","):
        item = " ".join(item.split())
        if item:
            seen.setdefault(item, None)
    return list(seen)


def plain_text(text: str) -> str:
    """Collapse whitespace so exported text is stable across parsers."""
    return " ".join(text.split())
