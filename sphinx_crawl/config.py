"""The ``crawl_*`` settings: declared once, checked once, read as one :class:`CrawlConfig`.

Each setting is one field of :class:`CrawlConfig`, declared with :func:`setting`: its
name in ``conf.py``, default, types, check, what a change rebuilds (``"env"``: pages
are read again; ``"html"``: only written again), help and example. Sphinx's
registration, the configuration reference page and the checks all read that one
declaration.

At ``config-inited`` every value is checked; each problem is a located
``crawl.config`` warning and the value falls back to something usable, so a
wrong setting never stops the build. The raw values in ``conf.py`` are never
rewritten (that would make every build a full rebuild): the checked values live
in a :class:`CrawlConfig` made once per config and read through :func:`crawl_config`.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
import tokenize
import weakref
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx_crawl.config_checks import (
    ANY_PLACE,
    Concern,
    Contact,
    Edition,
    Emergency,
    ImportSource,
    Place,
    Problem,
    SourceData,
    check_concern,
    check_contacts,
    check_date,
    check_editions,
    check_emergency,
    check_flag,
    check_imports,
    check_labels,
    check_location,
    check_out_of_scope,
    check_patterns,
    check_place,
    check_prefix,
    check_seconds,
    check_size,
    check_source,
    check_sources,
    check_synonyms,
    is_id_prefix,
    is_language_tag,
    is_web_url,
)
from sphinx_crawl.core.entries import lone_surrogate
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = [
    "ANY_PLACE",
    "CONTENT_TYPES_VALUE",
    "SETTINGS",
    "Concern",
    "Contact",
    "CrawlConfig",
    "Edition",
    "Emergency",
    "ImportSource",
    "Place",
    "Problem",
    "Setting",
    "SourceData",
    "check_config",
    "check_source",
    "config_location",
    "crawl_config",
    "declared_sources",
    "is_demo_page",
    "is_id_prefix",
    "is_language_tag",
    "is_web_url",
    "setup_config",
    "source_language_classes",
]

#: Checks the raw value of a setting: (value, problems, name, default) -> usable value.
Check = Callable[[Any, list[Problem], str, Any], Any]


@dataclass(frozen=True)
class Setting:
    """One ``crawl_*`` value: what Sphinx registers, and what the configuration
    reference (the ``crawl-config-reference`` directive) shows of it."""

    name: str
    default: Any
    types: tuple[type, ...]
    check: Check
    #: What a change rebuilds: "env" re-reads every page, "html" only rewrites them.
    rebuild: Literal["env", "html"]
    #: What it does, with `code` in backquotes; the first sentence is the summary.
    help: str
    #: A conf.py line setting it.
    example: str


def setting(
    name: str,
    default: Any,
    types: tuple[type, ...],
    check: Check,
    *,
    rebuild: Literal["env", "html"],
    help: str,
    example: str,
) -> Any:
    """A field of :class:`CrawlConfig` that is a setting: its checked default, and the
    :class:`Setting` in its metadata."""
    spec = Setting(name, default, types, check, rebuild, help, example)
    return field(
        default_factory=lambda: check(default, [], name, default), metadata={"setting": spec}
    )


@dataclass(frozen=True)
class CrawlConfig:
    """Every ``crawl_*`` setting, checked: what the rest of the extension reads."""

    sources: dict[str, SourceData] = setting(
        "crawl_sources",
        {},
        (dict,),
        check_sources,
        rebuild="env",
        help=(
            "Sources entries may cite (`:source:`), by key: a `title`, a `publisher` and/or "
            "`author` (text, or a list of names), an optional `url`, and an optional `language`"
            " (a tag such as `en` or `pt-BR`: the language the source is written in). A URL "
            "that is not `http://` or `https://`, or a language that is not a tag, is left out "
            "with a `crawl.config` warning. Where a source's `language` is not the build's, its"
            " title is written with `lang` (a Spanish screen reader reads an English title in "
            "English) and `crawl.json` says it."
        ),
        example=(
            'crawl_sources = {"kc-lowdown": {"title": "The Lowdown On Crawling Backward", '
            '"author": "Dr. KC Rickerd, PT, DPT", "url": "https://example.org/article"}}'
        ),
    )
    require_source: bool = setting(
        "crawl_require_source",
        False,
        (bool,),
        check_flag,
        rebuild="env",
        help=("Warn (`crawl.source`) about entries that cite no source. The handbook turns it on."),
        example=("crawl_require_source = True"),
    )
    demo_pages: tuple[str, ...] = setting(
        "crawl_demo_pages",
        [],
        (list, tuple),
        check_patterns,
        rebuild="env",
        help=(
            "Glob patterns of pages whose entries are examples: rendered, but not "
            "collected, indexed or exported (the authors' reference uses it for its live "
            "examples)."
        ),
        example=('crawl_demo_pages = ["authoring/*"]'),
    )
    search_synonyms: dict[str, list[str]] = setting(
        "crawl_search_synonyms",
        {},
        (dict,),
        check_synonyms,
        rebuild="html",
        help=(
            "Words parents type, mapped to words the handbook uses, for the entry search. "
            "Keys are single words; values may be phrases."
        ),
        example=('crawl_search_synonyms = {"stiff": ["tight", "rigid"]}'),
    )
    out_of_scope: dict[str, dict[str, Any]] = setting(
        "crawl_search_out_of_scope",
        {},
        (dict,),
        check_out_of_scope,
        rebuild="html",
        help=(
            "Topics the handbook does not cover, mapped to what the search says when a "
            "query names one (`text`), other words for the topic (`words`) and where to go "
            "(`url`). The note comes first, above any entries; a `url` that is not "
            "`http(s)` is left out with a `crawl.config` warning. A topic or phrase names "
            "it where all its words are in the query, in any order (a word with an ending "
            "too: `sit`, `sits`); in double quotes, only as written, in that order "
            "(`'\"not talk\"'`): quote a phrase of everyday words, which a query may say "
            "of someone else (`who should I talk to`)."
        ),
        example=(
            'crawl_search_out_of_scope = {"autism": {"text": "This handbook does not cover '
            'autism.", "url": "https://example.org/autism"}}'
        ),
    )
    emergency: Emergency = setting(
        "crawl_emergency",
        {},
        (dict,),
        check_emergency,
        rebuild="html",
        help=(
            "What to do in an emergency, put before everything else: `numbers` (where -> "
            'emergency number, e.g. `{"USA": "911"}`), `signs` (phrases parents type for an '
            "emergency: a search naming one shows a notice to call now above every result; "
            "words match in any order, or in their order for a phrase written in double "
            "quotes, with typos and word endings forgiven), `unwell` "
            "(words for illness or injury the handbook does not cover: the search says so "
            "and gives the numbers), `page` (the page that says what counts as an "
            "emergency) and `young_weeks` (a search that names a baby younger than this, "
            'in weeks or months, or a "newborn", and a worry shows the emergency notice: '
            "the NHS says to call for a baby under 8 weeks old whose parent is very "
            'worried). With numbers set, every HTML page starts with a short "Emergency?" '
            "line that gives them (`tel:` links) and links the page. Left out, `signs`, "
            "`unwell` and `young_weeks` are the extension's own (English and Spanish words "
            "from NHS and HSE advice, and 8 weeks), so a search naming an emergency is told "
            "to call now even with no numbers set (the local emergency number); `[]` or 0 "
            "turns one off."
        ),
        example=(
            'crawl_emergency = {"numbers": {"UK": "999", "USA": "911"}, "page": '
            '"emergency", "signs": ["not breathing", "blue lips", "fit", "won\'t wake"], '
            '"unwell": ["fever"], "young_weeks": 8}'
        ),
    )
    contacts: dict[str, Place] = setting(
        "crawl_contacts",
        {},
        (dict,),
        check_contacts,
        rebuild="env",
        help=(
            "Whom to call, and how, by place: a place key (`uk`, `usa`...) maps to its "
            "`label` (how readers name it) and its contacts by kind: `emergency` (the "
            "emergency number), `doctor` (who sees a baby about development), `advice` "
            "(the non-emergency line), `development` (early intervention, health "
            "visitors) or a kind of the project's own. A contact is text (the words a "
            'sentence uses, "your GP or health visitor", or a phone number) or '
            '`{"name", "number", "url"}`. The key `any` holds the words used when no '
            "place is selected (`crawl_place`), and for a kind a place does not give. "
            "Entry text names a contact with the `crawl:contact` role; the emergency line, "
            "the search notices, red flags' default actions and the summary for the "
            "doctor use them, and the emergency numbers come from here (every place's, "
            "when none is selected) rather than from `crawl_emergency`."
        ),
        example=(
            'crawl_contacts = {"uk": {"label": "UK", "emergency": "999", "doctor": "your '
            'GP or health visitor"}, "usa": {"label": "USA", "emergency": "911", "doctor": '
            '"your pediatrician"}, "any": {"doctor": "your pediatrician or health visitor"}}'
        ),
    )
    place: str = setting(
        "crawl_place",
        "",
        (str,),
        check_place,
        rebuild="env",
        help=(
            "The place of `crawl_contacts` this build is for (`sphinx-build -D "
            "crawl_place=uk`): its contacts stand wherever the handbook says whom to call. "
            'Empty (the default): every place\'s emergency number, and the `"any"` words.'
        ),
        example=('crawl_place = ""  # or sphinx-build -D crawl_place=uk'),
    )
    concern: Concern = setting(
        "crawl_search_concern",
        {},
        (dict, str),
        check_concern,
        rebuild="html",
        help=(
            "Where the search sends a worry the handbook does not cover: `entry` (the id of "
            "the entry that says what to do when worried; or give the id alone) and an "
            "optional `text`. When a "
            "query names an out-of-scope topic, uses words the handbook does not have, or "
            "matches no entry, the search says the handbook may not cover it and shows that "
            "entry first. When no entry has most of the query's words, the entries with the "
            'most of them come first and that entry second ("floppy legs": the floppy '
            'sign, whose text does not say "legs").'
        ),
        example=('crawl_search_concern = {"entry": "parent-worry"}'),
    )
    import_timeout: float = setting(
        "crawl_import_timeout",
        60,
        (int, float),
        check_seconds,
        rebuild="env",
        help=(
            "Seconds a URL of `crawl_import_sources` may take to download, in all, whatever "
            "the server does: past it the build goes on with the copy cached by an earlier "
            "build (or without the import) and a `crawl.import` warning says so."
        ),
        example=("crawl_import_timeout = 20"),
    )
    directive_prefix: str = setting(
        "crawl_directive_prefix",
        "",
        (str,),
        check_prefix,
        rebuild="env",
        help=(
            "Also offer every directive of the extension under this prefix (`crawl-` makes "
            "`crawl-question`, `crawl-tip-card`, `crawl-milestone-table`...), for a project "
            "where another extension takes one of their names: the build says which (a "
            "`crawl.config` warning) and names the way out."
        ),
        example=('crawl_directive_prefix = "crawl-"'),
    )
    search_box: bool = setting(
        "crawl_search_box",
        True,
        (bool,),
        check_flag,
        rebuild="html",
        help=(
            "Put the extension's search box at the top of every page on narrow screens, "
            "where many themes fold their own into a menu. Set it to `False` in a theme "
            "that keeps its own box in view."
        ),
        example=("crawl_search_box = False"),
    )
    search_split_bytes: int = setting(
        "crawl_search_split_bytes",
        100_000,  # render/search_shards.SINGLE_FILE_BYTES says why
        (int,),
        check_size,
        rebuild="html",
        help=(
            "Above this size (bytes of JSON) the entry search index is written in parts, "
            "so a first search downloads only the words it asks about and the rows it "
            "shows: `crawl-searchindex.js` up front, the rest in `_crawl_search/`. `0` "
            "always splits it."
        ),
        example="crawl_search_split_bytes = 500_000",
    )
    tag_labels: dict[str, str] = setting(
        "crawl_tag_labels",
        {},
        (dict,),
        check_labels,
        rebuild="html",
        help=(
            "How tags read to readers, by tag: the group headings of the indices that list "
            "entries by tag (`crawl-tips.html`). Tags stay as written in `crawl.json`. An "
            "edition in another language gives the labels in its language."
        ),
        example=('crawl_tag_labels = {"tummy-time": "Tummy time", "floors": "Floors and clothes"}'),
    )
    offline: bool = setting(
        "crawl_offline",
        False,
        (bool,),
        check_flag,
        rebuild="html",
        help=(
            "Make the HTML handbook work offline and installable, for the `html` and "
            "`dirhtml` builders: a web app manifest (`manifest.webmanifest`) and a service "
            "worker (`crawl-sw.js`, at the output's root). After a first visit over "
            "http(s) it keeps what the search and the tracker need and the pages the "
            "reader opens, within `crawl_offline_budget` (the whole handbook, when it "
            "fits); the `crawl-offline` directive offers the reader the whole handbook. "
            "Online it asks the network first, so a new deploy shows at once; a deploy "
            "downloads only the kept files that changed. Pages opened from disk "
            "(`file://`) do not register it. A folder of the output holding another build "
            "(its own `.buildinfo`, e.g. a second language) is left to that build."
        ),
        example=("crawl_offline = True"),
    )
    offline_budget: int = setting(
        "crawl_offline_budget",
        2_000_000,
        (int,),
        check_size,
        rebuild="html",
        help=(
            "Bytes a reader's phone keeps offline unless the reader asks for the whole "
            "handbook (`crawl_offline`): first what the search and the tracker need (the "
            "start page, the search page and its index, the tracker and summary pages, "
            "the emergency page, the scripts and styles they load), then the pages the "
            "reader opens, the least recently opened dropped first. A handbook that fits "
            "is kept whole after the first visit. When the search and the tracker alone "
            "need more, they are kept all the same, and the build says so (`crawl.config`)."
        ),
        example="crawl_offline_budget = 5_000_000",
    )
    editions: dict[str, Edition] = setting(
        "crawl_editions",
        {},
        (dict,),
        check_editions,
        rebuild="html",
        help=(
            "The project's language editions, built one per `language` into folders of one "
            "site. `label` is the name readers see in the switch (in its own language), "
            "`path` the edition's folder from the site's root (`''` for the root), `skip` "
            "the pages that edition leaves out. With two or more editions, every page names "
            'its twins (`<link rel="alternate" hreflang>`) and shows a switch to them that '
            "keeps the page, the entry (`#id`) and the age in the address (a page an "
            "edition leaves out switches to its home). Set Sphinx's `html_baseurl` to each "
            "edition's address and the `hreflang` links are full URLs, as search engines "
            "need."
        ),
        example=(
            'crawl_editions = {"en": {"label": "English", "path": ""}, "es": {"label": '
            '"Español", "path": "es/", "skip": ["authoring/*"]}}'
        ),
    )
    imports: dict[str, ImportSource] = setting(
        "crawl_import_sources",
        {},
        (dict,),
        check_imports,
        rebuild="env",
        help=(
            "Files `crawl-import` may read, by name: another handbook's `crawl.json` or a "
            "YAML/JSON data file, as a path from `conf.py`'s folder or an `http(s)` URL. A "
            "URL is fetched once per build, before pages are read, into "
            "`<doctrees>/crawl-imports/`; when it cannot be fetched, the last copy is used and a "
            "`crawl.import` warning says so. Give a location alone, or a dict with "
            "`location`, `base_url` (where the file's pages are published, for the "
            '"Imported from" links; a URL\'s own folder by default) and `prefix` (put before '
            "every id it brings, so they cannot clash with this handbook's)."
        ),
        example=(
            'crawl_import_sources = {"backwards": '
            '"https://handbook.example.org/crawl.json", "clinic": {"location": '
            '"data/clinic.yaml", "prefix": "clinic-"}}'
        ),
    )
    previous: str = setting(
        "crawl_previous",
        "",
        (str,),
        check_location,
        rebuild="html",
        help=(
            "The last release's `crawl.json`, to say what changed since: a path from "
            "`conf.py`'s folder or an `http(s)` URL (fetched once per build, before pages "
            "are read, and cached beside the doctrees, as `crawl_import_sources` are). The "
            "build then writes `crawl-changes.json` (entries added, removed, and changed "
            "with the keys that changed), gives each entry of `crawl.json` the date it "
            "last `changed`, and fills `crawl-changes` lists. A file that cannot be read, "
            "or is in another language than the build, is a `crawl.config` warning and "
            "nothing is compared."
        ),
        example=('crawl_previous = "https://handbook.example.org/crawl.json"'),
    )
    release_date: str = setting(
        "crawl_release_date",
        "",
        (str,),
        check_date,
        rebuild="html",
        help=(
            "The date of this release (`YYYY-MM-DD`), for `crawl-changes.json` and the "
            "entries' `changed` dates. Without it a build with `crawl_previous` uses the "
            "day it runs (or `SOURCE_DATE_EPOCH`'s, when set). The release's version is "
            "Sphinx's `release` (or `version`)."
        ),
        example=('crawl_release_date = "2026-12-05"'),
    )
    problems: tuple[Problem, ...] = ()

    def is_demo_page(self, docname: str) -> bool:
        return any(fnmatch.fnmatchcase(docname, pattern) for pattern in self.demo_pages)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> CrawlConfig:
        """Check raw setting values (as ``conf.py`` gave them) and keep what is usable."""
        problems: list[Problem] = []
        checked = {
            attribute: spec.check(
                _text_only(values, spec, problems), problems, spec.name, spec.default
            )
            for attribute, spec in _SPECS.items()
        }
        _check_together(checked, problems)
        return cls(**checked, problems=tuple(problems))

    def place_contacts(self, kind: str) -> list[tuple[str, Contact]]:
        """(where, contact) for ``kind``: the selected place's (or, where it gives none,
        the ``any`` words), labelled with the place; with no place selected, the ``any``
        words (where: "") or else every place's, each labelled. [] when none says."""
        generic = self.contacts.get(ANY_PLACE)
        if self.place:
            place = self.contacts[self.place]
            if kind in place.contacts:
                return [(place.label, place.contacts[kind])]
        if generic is not None and kind in generic.contacts:
            return [("", generic.contacts[kind])]
        if self.place:
            return []
        return [
            (place.label, place.contacts[kind])
            for key, place in self.contacts.items()
            if key != ANY_PLACE and kind in place.contacts
        ]

    def emergency_numbers(self) -> tuple[tuple[str, str], ...]:
        """(where, number) pairs to call in an emergency: from crawl_contacts when any
        place gives an emergency contact (the selected place's, or every place's; the
        numbers its words give, "999 or 112"), else crawl_emergency['numbers']. Never
        another place's number for the selected place: none rather than a wrong one."""
        if not _gives_emergency(self.contacts):
            return self.emergency.numbers
        found = self.place_contacts("emergency")
        if not found and self.place:
            found = [
                (p.label, p.contacts["emergency"])
                for key, p in self.contacts.items()
                if key != ANY_PLACE and "emergency" in p.contacts
            ]
        return tuple((where, number) for where, c in found for number in c.numbers())


def _gives_emergency(contacts: Mapping[str, Place]) -> bool:
    return any("emergency" in place.contacts for place in contacts.values())


def _text_only(values: Mapping[str, Any], spec: Setting, problems: list[Problem]) -> Any:
    """The setting's value as conf.py gives it, or its default where a string in it holds
    a lone surrogate (``"\\ud800"``, legal in Python): no page could be written with it."""
    value = values.get(spec.name, spec.default)
    found = lone_surrogate(value, spec.name)
    if found is None:
        return value
    problems.append(((spec.name,), f"{found}; {spec.name} is left at its default"))
    return spec.default


def _check_together(checked: dict[str, Any], problems: list[Problem]) -> None:
    """What one setting says about another: the place must be one of crawl_contacts;
    emergency numbers come from one setting."""
    place, contacts = checked["place"], checked["contacts"]
    if place and (place not in contacts or place == ANY_PLACE):
        known = ", ".join(k for k in contacts if k != ANY_PLACE) or "none"
        problems.append(
            (
                ("crawl_place",),
                f"crawl_place: {place!r} is not a place of crawl_contacts ({known}); "
                "no place is selected",
            )
        )
        checked["place"] = ""
    if checked["emergency"].numbers and _gives_emergency(contacts):
        problems.append(
            (
                ("crawl_emergency",),
                "crawl_emergency['numbers'] is not used: crawl_contacts gives the "
                "emergency numbers",
            )
        )
    for key, given in contacts.items():
        emergency = given.contacts.get("emergency")
        if emergency is not None and not emergency.numbers():
            problems.append(
                (
                    ("emergency", key, "crawl_contacts"),
                    f"crawl_contacts[{key!r}]['emergency'] gives no phone number: pages "
                    "show no emergency line for it, and the search says to call the "
                    "local emergency number",
                )
            )


def _spec(declared: Field[Any]) -> Setting | None:
    spec = declared.metadata.get("setting")
    return spec if isinstance(spec, Setting) else None


#: Attribute of CrawlConfig -> its setting, in declaration order.
_SPECS: dict[str, Setting] = {
    declared.name: spec for declared in fields(CrawlConfig) if (spec := _spec(declared))
}
#: Every setting, in the order the configuration reference lists them.
SETTINGS: tuple[Setting, ...] = tuple(_SPECS.values())


#: The checked settings of each config, made once at config-inited.
_CHECKED: weakref.WeakKeyDictionary[Config, CrawlConfig] = weakref.WeakKeyDictionary()


def crawl_config(config: Config) -> CrawlConfig:
    """The checked ``crawl_*`` settings of ``config`` (made on first use if need be)."""
    checked = _CHECKED.get(config)
    if checked is None:
        values = {s.name: getattr(config, s.name, s.default) for s in SETTINGS}
        checked = _CHECKED[config] = CrawlConfig.from_values(values)
    return checked


def declared_sources(config: Config) -> dict[str, SourceData]:
    """The usable sources, in conf.py order; broken URLs are dropped."""
    return crawl_config(config).sources


def source_language_classes(source: SourceData, config: Config) -> list[str]:
    """``language-<tag>`` (written as ``lang="<tag>"`` in HTML) for a source whose
    language is not the build's, so screen readers pronounce its title right."""
    language = source.get("language")
    if not language or language.lower() == (config.language or "en").lower():
        return []
    return [f"language-{language}"]


def is_demo_page(config: Config, docname: str) -> bool:
    return crawl_config(config).is_demo_page(docname)


#: What a yes-or-no setting given on the command line may be.
_YES_NO = {
    **dict.fromkeys(("1", "true", "yes", "on"), True),
    **dict.fromkeys(("0", "false", "no", "off"), False),
}


def _read_overrides(config: Config) -> None:
    """``-D`` values of the yes-or-no settings, read here as Sphinx does not read them
    alike: Sphinx 9 raises a ConfigError at the first read of anything but ``0`` or
    ``1`` (``-D crawl_offline=yes`` stopped the build with a traceback and "please
    report this error"), and Sphinx 8 takes anything but ``0`` for yes
    (``-D crawl_offline=false`` turned it on). A yes-or-no word is read as itself;
    anything else is said, and conf.py's value (else the default) stands."""
    for setting in SETTINGS:
        given = config.overrides.get(setting.name)
        if setting.types != (bool,) or not isinstance(given, str):
            continue
        value = _YES_NO.get(given.strip().lower())
        if value is None:
            raw = getattr(config, "_raw_config", None)
            raw = raw if isinstance(raw, dict) else {}
            value = raw.get(setting.name, setting.default)
            used = "conf.py's value" if setting.name in raw else "the default"
            warn(
                f"{setting.name}: -D {setting.name}={given!r} is not a yes or no (write "
                f"1 or 0); {used}, {value!r}, is used",
                None,
                "config",
            )
        setattr(config, setting.name, value)


def check_config(app: Sphinx, config: Config) -> None:
    """Check every setting once, and say where in conf.py each problem is."""
    _read_overrides(config)
    _CHECKED.pop(config, None)
    checked = crawl_config(config)
    for needles, message in checked.problems:
        # The setting a message names first, where its key cannot be found as written
        # (a key with an escaped quote, 'baby\'s teeth', is not quoted as it reads).
        setting = re.match(r"crawl_\w+", message)
        name = setting[0] if setting else None
        if name in config.overrides:
            # Given on the command line: said, as conf.py's line may well be right.
            given = config.overrides[name]
            message += f" (given as -D {name}={given if isinstance(given, str) else repr(given)})"
        warn(message, config_location(app, *needles, setting=name), "config")
    _warn_misspelt_settings(app, config)


def _warn_misspelt_settings(app: Sphinx, config: Config) -> None:
    """A name assigned in conf.py that reads like one of the settings but is not one
    (``crawl_emergancy``, ``crawl_source``, ``CRAWL_SOURCES``): Sphinx keeps it without a
    word, so the handbook was built as if it were not there (no emergency line, no
    sources). Said, with the setting it may mean; a name close to none (a helper
    variable of the project's own) is left alone."""
    raw = getattr(config, "_raw_config", None)
    if not isinstance(raw, dict):
        return
    known = [setting.name for setting in SETTINGS]
    for name in raw:
        if name in config or not name.lower().startswith("crawl_"):
            continue  # a setting (ours, or another extension's), or not like one
        near = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.88)
        if near:
            warn(
                f"{name} is not a setting; did you mean {near[0]}? As written it does nothing",
                config_location(app, name),
                "config",
            )


def check_demo_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: a ``crawl_demo_pages`` pattern written as a file
    (``"authoring/*.md"``) or from the root (``"/examples"``) names no page, as a page's
    name has neither; it did nothing without a word, and the example entries it was
    meant for were collected, indexed and exported as the handbook's. (A pattern that
    names no page in this build alone is left alone: an edition may leave its pages
    out.)"""
    docs = sorted(env.found_docs)
    for pattern in crawl_config(app.config).demo_pages:
        if any(fnmatch.fnmatchcase(doc, pattern) for doc in docs):
            continue
        meant = pattern.lstrip("/")
        for suffix in sorted(app.config.source_suffix, key=len, reverse=True):
            if meant.endswith(suffix) and len(meant) > len(suffix):
                meant = meant[: -len(suffix)]
                break
        if meant == pattern:
            continue
        warn(
            f"crawl_demo_pages: {pattern!r} names no page (a page's name has no suffix nor "
            f"a leading '/': write {meant!r}); as written it does nothing, and the entries "
            "it was meant for count as the handbook's",
            config_location(app, pattern, "crawl_demo_pages"),
            "config",
        )


def config_location(app: Sphinx, *needles: str, setting: str | None = None) -> str:
    """``conf.py:<line>`` of the first line naming one of ``needles`` (else ``setting``'s
    line, else line 1: a location without ``:`` is read by Sphinx as a document name,
    ``conf.py.rst``)."""
    conf_py = Path(app.confdir, "conf.py")
    lines = _read_lines(conf_py)
    line = _line_inside(lines, needles) or next(
        filter(None, (_line_naming(lines, needle) for needle in needles)), 0
    )
    if not line and setting:
        line = _line_naming(lines, setting)
    return f"{conf_py}:{line or 1}"


def _line_inside(lines: list[str], needles: tuple[str, ...]) -> int:
    """For needles that go from a key to the setting holding it (``("a",
    "crawl_tag_labels")``): the line naming each key inside the setting's assignment,
    from the outermost in, so a key is not found in another setting first (``"a"`` in
    ``crawl_sources = ["a"]`` three lines above). 0 when the setting is not assigned at
    the top of conf.py, or the outermost key is not in it."""
    *keys, setting = needles
    if not keys:
        return 0
    assignment = re.compile(rf"^{re.escape(setting)}\s*(?::[^=]*)?=")
    start = next((n for n, text in enumerate(lines) if assignment.match(text)), None)
    if start is None:
        return 0
    end = start + 1
    # The assignment's lines: up to the next statement that starts a line.
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t)]}#"):
        end += 1
    found = start
    for depth, key in enumerate(reversed(keys)):
        line = _line_naming(lines[found:end], key)
        if line:
            found += line - 1
        elif depth == 0:
            # Not a key of that setting: the needles are other names of one thing
            # (``"crawl_offline_budget", "crawl_offline"``), the first found is it.
            return 0
    return found + 1


def _read_lines(path: Path) -> list[str]:
    """conf.py's lines in its declared encoding (a latin-1 file with a coding line too)."""
    if not path.is_file():
        return []
    try:
        with tokenize.open(path) as handle:
            return handle.read().splitlines()
    except (SyntaxError, UnicodeDecodeError, OSError):
        return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _line_naming(lines: list[str], key: str) -> int:
    """The line of conf.py that names ``key``: a setting's assignment, or the key quoted
    (or bare, on a line with quotes: a key "a" alone is in most lines)."""
    if not key:
        return 0
    assignment = re.compile(rf"^\s*{re.escape(key)}\s*(?::[^=]*)?=")
    for number, text in enumerate(lines, 1):
        if assignment.match(text) or f"'{key}'" in text or f'"{key}"' in text:
            return number
    for number, text in enumerate(lines, 1):
        if key in text and ("'" in text or '"' in text):
            return number
    return 0


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(
            setting.name,
            setting.default,
            setting.rebuild,
            types=setting.types,
            description=setting.help.split(". ")[0],
        )
    # Not a setting: what the project's content types are (types.content_types_digest),
    # set when the configuration is read. A change re-reads every page, as a changed
    # setting does: pages read with a plugin's earlier fields kept them (crawl.json and
    # its schema then disagreed with a clean build).
    app.add_config_value(CONTENT_TYPES_VALUE, "", "env", types=(str,))
    app.connect("config-inited", check_config)
    app.connect("env-updated", check_demo_pages)


#: The configuration value holding the content types' digest (no ``crawl_`` prefix: it
#: is no setting for conf.py, nor in the configuration reference).
CONTENT_TYPES_VALUE = "sphinx_crawl_content_types"
