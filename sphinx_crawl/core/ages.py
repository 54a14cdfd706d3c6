"""Ages in months: windows, open from an age on, or deadlines. Plain data, no Sphinx."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NotRequired, TypedDict

#: The handbook is about babies; anything older than this is a typo.
MAX_AGE_MONTHS = 72

# -- The age rules the reader sees ---------------------------------------------------
# Written here once; the browser gets them as data (``age_rules``, written to
# ``_static/crawl-rules.js``) and computes with them in one module, crawl-ages.js.

#: The average month: 365.25 / 12 days.
MONTH_DAYS = 30.4375
#: Corrected age is used for babies born MORE than this many weeks early (AAP, NHS):
#: 3 weeks early is not corrected, 4 weeks is.
CORRECT_AFTER_WEEKS_EARLY = 3
#: ...and until this age in months (chronological: about age 2).
CORRECT_UNTIL_MONTHS = 24
#: The most weeks early a form accepts (a baby born at 20 weeks does not survive).
MAX_WEEKS_EARLY = 20
#: A deadline ("by 12 months") is shown this many months before it: the sources say
#: "nearing 12 months", and a parent at 11 months must not find the sign hidden.
DEADLINE_LEAD_MONTHS = 1
#: Entries about what a baby does: once the baby is older than their window, the page
#: says the window has passed and points to the signs page instead of hiding them.
#: Every other type whose window has passed (tips, questions) "may still help".
PAST_WINDOW_TYPES = ("milestone", "red-flag")


class AgeRules(TypedDict):
    monthDays: float
    correctAfterWeeksEarly: int
    correctUntilMonths: int
    maxMonths: int
    maxWeeksEarly: int
    deadlineLeadMonths: int
    pastWindowTypes: list[str]


def age_rules() -> AgeRules:
    """The rules as plain data, for crawl-ages.js (names in the browser's camelCase)."""
    return {
        "monthDays": MONTH_DAYS,
        "correctAfterWeeksEarly": CORRECT_AFTER_WEEKS_EARLY,
        "correctUntilMonths": CORRECT_UNTIL_MONTHS,
        "maxMonths": MAX_AGE_MONTHS,
        "maxWeeksEarly": MAX_WEEKS_EARLY,
        "deadlineLeadMonths": DEADLINE_LEAD_MONTHS,
        "pastWindowTypes": list(PAST_WINDOW_TYPES),
    }


_NUMBER = r"(\d+(?:\.\d+)?)"
#: Between two ages: a hyphen, or any dash or minus sign a word processor or a paste puts
#: for one (U+2010 hyphen, U+2011 non-breaking hyphen, figure, en and em dashes, the
#: horizontal bar, U+2212 minus, small and fullwidth forms), or "to".
_DASH = r"\s*(?:[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|to)\s*"
_UNIT = r"\s*(?:months?|mths?|mos?\.?|m)?"
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


#: Other units an author may write an age in, and their length in months.
_OTHER_UNITS = {
    "year": 12.0,
    "years": 12.0,
    "yr": 12.0,
    "yrs": 12.0,
    "week": 7 / MONTH_DAYS,
    "weeks": 7 / MONTH_DAYS,
    "wk": 7 / MONTH_DAYS,
    "wks": 7 / MONTH_DAYS,
    # Months in the languages the package speaks: an age is written in English in every
    # edition's source, and each edition shows it in its own language ("6-10 meses").
    "meses": 1.0,
    "mes": 1.0,
    "mois": 1.0,
}
_IN_OTHER_UNITS = re.compile(
    rf"^(by\s+)?{_NUMBER}(?:{_DASH}{_NUMBER})?\s*({'|'.join(_OTHER_UNITS)})(\s*\+)?$"
)


#: Ages open at one end, in words: "from 6 months" is "6 months+".
_OPEN_IN_WORDS = (
    (re.compile(rf"^(?:from|after)\s+{_NUMBER}{_UNIT}$"), "{0} months+"),
    (re.compile(rf"^{_NUMBER}{_UNIT}\s+(?:and|or)\s+(?:up|over|older|more)$"), "{0} months+"),
    (re.compile(rf"^(?:up to|under|until)\s+{_NUMBER}{_UNIT}$"), "0-{0} months"),
)


def _suggestion(text: str) -> str:
    """An age the parser does not read, written as one it does ("1-2 years": "12-24
    months", "from 6 months": "6 months+"), for the warning; "" when there is none."""
    for pattern, form in _OPEN_IN_WORDS:
        match = pattern.match(text)
        if match:
            return form.format(match.group(1))
    match = _IN_OTHER_UNITS.match(text)
    if not match:
        return ""
    by, low, high, unit, plus = match.groups()
    factor = _OTHER_UNITS[unit]

    def months(number: str) -> str:
        value = float(number) * factor
        return str(round(value)) if abs(value - round(value)) < 0.05 else f"{value:.1f}"

    span = months(low) + (f"-{months(high)}" if high else "")
    return f"{by or ''}{span} months{'+' if plus else ''}"


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
        # Invisible format characters (a zero-width space or joiner, a byte order mark)
        # pasted with the age are no part of it.
        visible = "".join(char for char in text if unicodedata.category(char) != "Cf")
        label = " ".join(visible.split())
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
        hint = _suggestion(lowered)
        raise ValueError(
            f"cannot read the age {label!r}; "
            + (
                f"write it as {hint!r}"
                if hint
                else "write it like '4-6 months', '12 months', '9-12 months+' or 'by 12 months'"
            )
        )

    @staticmethod
    def _check(label: str, low: float | int, high: float | int | None) -> None:
        if high is not None and high < low:
            raise ValueError(f"the age {label!r} runs backwards")
        if max(low, high or 0) > MAX_AGE_MONTHS:
            raise ValueError(f"the age {label!r} is beyond {MAX_AGE_MONTHS} months")

    def applies_at(self, months: float) -> bool:
        """Whether a baby of ``months`` is in this age (open ages: at the start and after).

        The strict age, as written. What a reader sees also shows a deadline
        DEADLINE_LEAD_MONTHS early and keeps passed windows in view: crawl-ages.js."""
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
