"""The three built-in content types, defined through the public plugin API (added to
the registry directly: see :func:`setup_builtin_types`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sphinx_crawl.core.derive import age_sort_key
from sphinx_crawl.i18n import _
from sphinx_crawl.types import (
    ContentType,
    Field,
    IndexSpec,
    Relation,
    choice,
    get_registry,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_crawl.core.entries import EntryData

URGENCY_LEVELS = ("routine", "soon", "urgent")

# What each level means, modelled on NHS care cards: a spoken prefix for the
# heading, a visible badge in words, and a default call to action.
_URGENCY = {
    "routine": {
        "prefix": _("Non-urgent advice: "),
        "badge": _("Routine: mention it at the next check-up"),
        "action": _("Mention it at your baby's next routine check-up."),
    },
    "soon": {
        "prefix": _("Advice to act soon: "),
        "badge": _("Soon: book an appointment"),
        # Whom to call is named with the crawl:contact role: each place's words are
        # filled in (contacts.py), "your pediatrician" where no setting says.
        "action": _(
            "Book an appointment with {crawl:contact}`doctor`, or with a pediatric "
            "physical therapist."
        ),
    },
    "urgent": {
        "prefix": _("Urgent advice: "),
        "badge": _("Urgent: get help today"),
        "action": _(
            "Get help the same day: call {crawl:contact}`doctor`, or {crawl:contact}`advice`."
        ),
    },
}


#: A red flag whose level is missing or cannot be read (a warning says so) shows at the
#: most urgent level: a parent told to act the same day about a sign that could have
#: waited loses less than one told to wait about a sign that could not.
UNREADABLE_URGENCY = "urgent"


def _urgency(fields: Mapping[str, Any]) -> str:
    return str(fields.get("urgency") or UNREADABLE_URGENCY)


def _urgency_rank(fields: Mapping[str, Any]) -> int:
    """Most urgent first."""
    level = _urgency(fields)
    return -URGENCY_LEVELS.index(level) if level in URGENCY_LEVELS else 0


def _by_age(entry: EntryData) -> Iterable[tuple[Any, str]]:
    age = entry["age"]
    if age is None:
        return [((float("inf"),), str(_("Any age")))]
    return [(age_sort_key(age), age["label"])]


def _by_urgency(entry: EntryData) -> Iterable[tuple[Any, str]]:
    fields = entry["fields"]
    return [(_urgency_rank(fields), str(_URGENCY[_urgency(fields)]["badge"]))]


def _by_tag(entry: EntryData) -> Iterable[tuple[Any, str]]:
    # Keys that no tag can take: a tag "~" is not the untagged group.
    return [((0, tag.lower()), tag) for tag in entry["tags"]] or [((1, ""), str(_("Untagged")))]


#: What a tip has the parent do; those in NEEDS_SAFETY must say how to do it safely.
TIP_ACTIVITIES = ("floor-play", "hands-on", "food", "setup")
NEEDS_SAFETY = ("floor-play", "hands-on", "food")


def _safety_needed(fields: Mapping[str, Any]) -> str:
    activity = fields.get("activity")
    if activity in NEEDS_SAFETY:
        return f"a {activity} tip says how to do it safely"
    return ""


MILESTONE = ContentType(
    name="milestone",
    directive="milestone",
    label=_("Milestone"),
    plural=_("Milestones"),
    help=_("Something many babies do in an age window; rows of a milestone table."),
    age_required=True,
    table_container="milestone-table",
    index=IndexSpec("milestones", _("Milestones by age"), _("milestones"), _by_age),
)

TIP = ContentType(
    name="tip",
    directive="tip-card",
    label=_("Tip"),
    plural=_("Tips"),
    help=_("A practical idea a parent can try; the body is full content."),
    fields=(
        Field(
            "activity",
            converter=choice(*TIP_ACTIVITIES),
            help=_(
                "What the tip has the parent do: floor-play (the baby plays or practises "
                "on the floor, on a prop or in a game), hands-on (you hold or move part of "
                "your baby's body), food (food is part of it) or setup (a change to the "
                "room, the floor or the clothes). The first three need a :safety: line."
            ),
            schema={"enum": list(TIP_ACTIVITIES)},
        ),
        Field(
            "safety",
            help=_("How to do it safely, e.g. awake and watched; shown as a 'Safety' line."),
            callout=_("Safety"),
            required_when=_safety_needed,
        ),
    ),
    relations=(
        Relation(
            "helps",
            targets=("milestone",),
            label=_("Helps with"),
            reverse_label=_("Tips that help"),
            help=_("Milestones the tip helps a baby towards (ids)."),
        ),
    ),
    index=IndexSpec("tips", _("Tips by tag"), _("tips"), _by_tag),
)

RED_FLAG = ContentType(
    name="red-flag",
    directive="red-flag",
    label=_("Red flag"),
    plural=_("Red flags"),
    help=_("A sign to talk to a professional about, with how soon and what to do."),
    fields=(
        Field(
            "urgency",
            converter=choice(*URGENCY_LEVELS),
            required=True,
            help=_("routine (next check-up), soon (book an appointment), urgent (same day)"),
            schema={"enum": list(URGENCY_LEVELS)},
            default=lambda fields: UNREADABLE_URGENCY,
        ),
        Field(
            "action",
            help=_("The call to action; defaults to the level's usual advice."),
            default=lambda fields: str(_URGENCY[_urgency(fields)]["action"]),
            callout=_("What to do"),
        ),
    ),
    heading_prefix=lambda fields: str(_URGENCY[_urgency(fields)]["prefix"]),
    badge=lambda fields: str(_URGENCY[_urgency(fields)]["badge"]),
    classes=lambda fields: [f"crawl-urgency-{_urgency(fields)}"],
    rank=_urgency_rank,
    search_role="sign",
    relations=(
        Relation(
            "see",
            targets=("tip", "milestone", "question"),
            label=_("See also"),
            reverse_label=_("Related signs"),
            help=_("Tips, milestones or questions that go with this sign (ids)."),
        ),
    ),
    index=IndexSpec("red-flags", _("Red flags by urgency and age"), _("red flags"), _by_urgency),
)

QUESTION = ContentType(
    name="question",
    directive="question",
    label=_("Question"),
    plural=_("Questions"),
    help=_(
        "A question parents ask, as the title, and its answer, as the body; searchable, "
        "linkable, and marked up for search engines as a schema.org FAQPage."
    ),
    search_role="answer",
)

CONTENT_TYPES: tuple[ContentType, ...] = (MILESTONE, TIP, RED_FLAG, QUESTION)


#: The built-in types' names: their words (labels, badges, headings) are the package's.
BUILT_IN_TYPES = frozenset(t.name for t in (MILESTONE, TIP, RED_FLAG, QUESTION))


def setup_builtin_types(app: Sphinx) -> None:
    # Straight into the registry: the directive names of the built-in types came first,
    # and one another extension took is reported with the way out (directives/names.py).
    for content_type in CONTENT_TYPES:
        get_registry(app).add(content_type)
