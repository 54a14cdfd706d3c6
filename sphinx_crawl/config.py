"""The ``crawl_*`` settings: declared once, checked once, read as one :class:`CrawlConfig`.

At ``config-inited`` every value is checked; each problem is a located
``crawl.config`` warning and the value falls back to something usable, so a
wrong setting never stops the build. The raw values in ``conf.py`` are never
rewritten (that would make every build a full rebuild): the checked values live
in a :class:`CrawlConfig` made once per config and read through :func:`crawl_config`.
"""

from __future__ import annotations

import fnmatch
import re
import tokenize
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import urlparse

from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


class SourceData(TypedDict, total=False):
    title: str
    publisher: str
    author: str
    url: str
    #: The language the source is written in (BCP 47), where it differs from the
    #: handbook's: its title is marked up in that language (WCAG 3.1.2).
    language: str
    #: For a source of imported entries: where they came from (the handbook's project
    #: name, or the data file's).
    imported_from: str


@dataclass(frozen=True)
class ImportSource:
    """One of ``crawl_import_sources``: where the file is, where its pages are published,
    and what to put before its ids."""

    location: str
    base_url: str | None = None
    prefix: str = ""

    @property
    def is_url(self) -> bool:
        return is_web_url(self.location)


@dataclass(frozen=True)
class Setting:
    """One ``crawl_*`` value: what Sphinx registers, and what the configuration
    reference (the ``crawl-config-reference`` directive) shows of it."""

    name: str
    default: Any
    types: tuple[type, ...]
    #: What it does, with `code` in backquotes; the first sentence is the summary.
    help: str
    #: A conf.py line setting it.
    example: str


SETTINGS = (
    Setting(
        "crawl_sources",
        {},
        (dict,),
        "Sources entries may cite (`:source:`), by key: a `title`, a `publisher` and/or "
        "`author`, an optional `url`, and an optional `language` (a tag such as `en` or "
        "`pt-BR`: the language the source is written in). A URL that is not `http://` or "
        "`https://`, or a language that is not a tag, is left out with a `crawl.config` "
        "warning. Where a source's `language` is not the build's, its title is written "
        "with `lang` (a Spanish screen reader reads an English title in English) and "
        "`crawl.json` says it.",
        'crawl_sources = {"kc-lowdown": {"title": "The Lowdown On Crawling Backward", '
        '"author": "Dr. KC Rickerd, PT, DPT", "url": "https://example.org/article"}}',
    ),
    Setting(
        "crawl_require_source",
        False,
        (bool,),
        "Warn (`crawl.source`) about entries that cite no source. The handbook turns it on.",
        "crawl_require_source = True",
    ),
    Setting(
        "crawl_demo_pages",
        [],
        (list, tuple),
        "Glob patterns of pages whose entries are examples: rendered, but not collected, "
        "indexed or exported (the authors' reference uses it for its live examples).",
        'crawl_demo_pages = ["authoring/*"]',
    ),
    Setting(
        "crawl_search_synonyms",
        {},
        (dict,),
        "Words parents type, mapped to words the handbook uses, for the entry search. "
        "Keys are single words; values may be phrases.",
        'crawl_search_synonyms = {"stiff": ["tight", "rigid"]}',
    ),
    Setting(
        "crawl_search_out_of_scope",
        {},
        (dict,),
        "Topics the handbook does not cover, mapped to what the search says when a query "
        "names one (`text`), other words for the topic (`words`) and where to go (`url`). "
        "The note comes first, above any entries; a `url` that is not `http(s)` is left "
        "out with a `crawl.config` warning.",
        'crawl_search_out_of_scope = {"autism": {"text": "This handbook does not cover '
        'autism.", "url": "https://example.org/autism"}}',
    ),
    Setting(
        "crawl_emergency",
        {},
        (dict,),
        "What to do in an emergency, put before everything else: `numbers` (where -> "
        'emergency number, e.g. `{"USA": "911"}`), `signs` (phrases parents type for an '
        "emergency: a search naming one shows a notice to call now above every result; "
        "words match in any order, with typos and word endings forgiven), `unwell` (words "
        "for illness or injury the handbook does not cover: the search says so and gives "
        "the numbers) and `page` (the page that says what counts as an emergency). With "
        'numbers set, every HTML page starts with a short "Emergency?" line that gives '
        "them (`tel:` links) and links the page.",
        'crawl_emergency = {"numbers": {"UK": "999", "USA": "911"}, "page": "emergency", '
        '"signs": ["not breathing", "blue lips", "fit", "won\'t wake"], "unwell": ["fever"]}',
    ),
    Setting(
        "crawl_search_concern",
        {},
        (dict,),
        "Where the search sends a worry the handbook does not cover: `entry` (the id of "
        "the entry that says what to do when worried) and an optional `text`. When a "
        "query names an out-of-scope topic, uses words the handbook does not have, or "
        "matches no entry, the search says the handbook may not cover it and shows that "
        "entry first.",
        'crawl_search_concern = {"entry": "parent-worry"}',
    ),
    Setting(
        "crawl_import_timeout",
        60,
        (int, float),
        "Seconds a URL of `crawl_import_sources` may take to download, in all, whatever the "
        "server does: past it the build goes on with the copy cached by an earlier build "
        "(or without the import) and a `crawl.import` warning says so.",
        "crawl_import_timeout = 20",
    ),
    Setting(
        "crawl_directive_prefix",
        "",
        (str,),
        "Also offer every directive of the extension under this prefix (`crawl-` makes "
        "`crawl-question`, `crawl-tip-card`, `crawl-milestone-table`...), for a project "
        "where another extension takes one of their names: the build says which (a "
        "`crawl.config` warning) and names the way out.",
        'crawl_directive_prefix = "crawl-"',
    ),
    Setting(
        "crawl_search_box",
        True,
        (bool,),
        "Put the extension's search box at the top of every page on narrow screens, where "
        "many themes fold their own into a menu. Set it to `False` in a theme that keeps "
        "its own box in view.",
        "crawl_search_box = False",
    ),
    Setting(
        "crawl_tag_labels",
        {},
        (dict,),
        "How tags read to readers, by tag: the group headings of the indices that list "
        "entries by tag (`crawl-tips.html`). Tags stay as written in `crawl.json`. An "
        "edition in another language gives the labels in its language.",
        'crawl_tag_labels = {"tummy-time": "Tummy time", "floors": "Floors and clothes"}',
    ),
    Setting(
        "crawl_offline",
        False,
        (bool,),
        "Make the HTML handbook work offline and installable, for the `html` and "
        "`dirhtml` builders: a web app manifest (`manifest.webmanifest`) and a service "
        "worker (`crawl-sw.js`, at the output's root) that keeps every page, style, script "
        "and image after the first visit over http(s). Online it asks the network first, "
        "so a new deploy shows at once; its cache is named after the build's files, so a "
        "deploy replaces it. Pages opened from disk (`file://`) do not register it. A "
        "folder of the output holding another build (its own `.buildinfo`, e.g. a second "
        "language) is left to that build.",
        "crawl_offline = True",
    ),
    Setting(
        "crawl_editions",
        {},
        (dict,),
        "The project's language editions, built one per `language` into folders of one "
        "site. `label` is the name readers see in the switch (in its own language), "
        "`path` the edition's folder from the site's root (`''` for the root), `skip` "
        "the pages that edition leaves out. With two or more editions, every page names "
        'its twins (`<link rel="alternate" hreflang>`) and shows a switch to them that '
        "keeps the page, the entry (`#id`) and the age in the address (a page an edition "
        "leaves out switches to its home). Set Sphinx's `html_baseurl` to each edition's "
        "address and the `hreflang` links are full URLs, as search engines need.",
        'crawl_editions = {"en": {"label": "English", "path": ""}, "es": {"label": '
        '"Español", "path": "es/", "skip": ["authoring/*"]}}',
    ),
    Setting(
        "crawl_import_sources",
        {},
        (dict,),
        "Files `crawl-import` may read, by name: another handbook's `crawl.json` or a "
        "YAML/JSON data file, as a path from `conf.py`'s folder or an `http(s)` URL. A "
        "URL is fetched once per build, before pages are read, into "
        "`<doctrees>/crawl-imports/`; when it cannot be fetched, the last copy is used "
        "and a `crawl.import` warning says so. Give a location alone, or a dict with "
        "`location`, `base_url` (where the file's pages are published, for the "
        '"Imported from" links; a URL\'s own folder by default) and `prefix` (put '
        "before every id it brings, so they cannot clash with this handbook's).",
        'crawl_import_sources = {"backwards": "https://handbook.example.org/crawl.json", '
        '"clinic": {"location": "data/clinic.yaml", "prefix": "clinic-"}}',
    ),
)

_SOURCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SOURCE_FIELDS = ("title", "publisher", "author", "url", "language")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

#: A problem found in a setting: (what the conf.py line should name, most telling first;
#: message).
Problem = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class Edition:
    """One language edition: its name in its own language, where it sits under the
    site's root (``""`` or ``"es/"``), and the pages it leaves out."""

    label: str
    path: str
    skip: tuple[str, ...] = ()

    def has_page(self, docname: str) -> bool:
        return not any(fnmatch.fnmatchcase(docname, pattern) for pattern in self.skip)


@dataclass(frozen=True)
class Emergency:
    """``crawl_emergency``, checked: numbers to call, and the words that mean "call now"."""

    #: (where, number) pairs in conf.py order: ("USA", "911").
    numbers: tuple[tuple[str, str], ...] = ()
    signs: tuple[str, ...] = ()
    unwell: tuple[str, ...] = ()
    page: str = ""


@dataclass(frozen=True)
class Concern:
    """``crawl_search_concern``, checked: the entry a worry the handbook does not cover
    is sent to, and what the search says."""

    entry: str = ""
    text: str = ""


@dataclass(frozen=True)
class CrawlConfig:
    """Every ``crawl_*`` setting, checked: what the rest of the extension reads."""

    sources: dict[str, SourceData] = field(default_factory=dict)
    require_source: bool = False
    search_synonyms: dict[str, list[str]] = field(default_factory=dict)
    out_of_scope: dict[str, dict[str, Any]] = field(default_factory=dict)
    emergency: Emergency = Emergency()
    concern: Concern = Concern()
    tag_labels: dict[str, str] = field(default_factory=dict)
    import_timeout: float = 60
    directive_prefix: str = ""
    search_box: bool = True
    demo_pages: tuple[str, ...] = ()
    offline: bool = False
    editions: dict[str, Edition] = field(default_factory=dict)
    imports: dict[str, ImportSource] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def is_demo_page(self, docname: str) -> bool:
        return any(fnmatch.fnmatchcase(docname, pattern) for pattern in self.demo_pages)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> CrawlConfig:
        """Check raw setting values (as ``conf.py`` gave them) and keep what is usable."""
        problems: list[Problem] = []
        sources = _sources(values.get("crawl_sources", {}), problems)
        return cls(
            sources=sources,
            require_source=_flag(values, "crawl_require_source", problems),
            offline=_flag(values, "crawl_offline", problems),
            editions=_editions(values.get("crawl_editions", {}), problems),
            search_synonyms=_synonyms(values.get("crawl_search_synonyms", {}), problems),
            out_of_scope=_out_of_scope(values.get("crawl_search_out_of_scope", {}), problems),
            emergency=_emergency(values.get("crawl_emergency", {}), problems),
            concern=_concern(values.get("crawl_search_concern", {}), problems),
            tag_labels=_labels(values.get("crawl_tag_labels", {}), problems),
            import_timeout=_seconds(values.get("crawl_import_timeout", 60), problems),
            directive_prefix=_prefix(values.get("crawl_directive_prefix", ""), problems),
            search_box=_flag(values, "crawl_search_box", problems, default=True),
            demo_pages=_patterns(values.get("crawl_demo_pages", []), problems),
            imports=_imports(values.get("crawl_import_sources", {}), problems),
            problems=tuple(problems),
        )


def _flag(
    values: Mapping[str, Any], name: str, problems: list[Problem], default: bool = False
) -> bool:
    """A True/False setting; anything else is a problem, read as the default (or as
    the truth of a number or None)."""
    value = values.get(name, default)
    if isinstance(value, bool):
        return value
    problems.append(((name,), f"{name} must be True or False"))
    return bool(value) if isinstance(value, int | type(None)) else default


_DIRECTIVE_PREFIX = re.compile(r"^[a-z][a-z0-9]*-$")


def _prefix(value: Any, problems: list[Problem]) -> str:
    name = "crawl_directive_prefix"
    if value == "" or (isinstance(value, str) and _DIRECTIVE_PREFIX.match(value)):
        return str(value)
    problems.append(
        ((name,), f"{name} must be lowercase letters and digits ending in '-', like 'crawl-'")
    )
    return ""


def is_web_url(url: str) -> bool:
    try:
        parsed = urlparse(url)
        return parsed.scheme in ("http", "https") and bool(parsed.hostname)
    except ValueError:  # e.g. an unclosed IPv6 host "http://[::1"
        return False


def _sources(value: Any, problems: list[Problem]) -> dict[str, SourceData]:
    if not isinstance(value, Mapping):
        problems.append(
            (("crawl_sources",), "crawl_sources must be a dict of source key -> details")
        )
        return {}
    usable: dict[str, SourceData] = {}
    for key, source in value.items():
        if not isinstance(key, str) or not _SOURCE_KEY.match(key):
            problems.append(
                ((str(key),), f"crawl_sources: {key!r} is not a usable key (letters, digits, -_.)")
            )
            continue
        if not isinstance(source, Mapping):
            problems.append(((key,), f"crawl_sources[{key!r}] must be a dict"))
            continue
        usable[key] = _source(key, source, problems)
    return usable


def _source(key: str, source: Mapping[str, Any], problems: list[Problem]) -> SourceData:
    return check_source(key, source, problems, "crawl_sources")


def check_source(
    key: str, source: Mapping[str, Any], problems: list[Problem], where: str
) -> SourceData:
    """A source's details as usable (the title at least); each problem is noted, naming
    ``where[key]`` (``crawl_sources['who']``, or a place in an imported file)."""
    here = f"{where}[{key!r}]"

    def text(name: str) -> str:
        value = source.get(name)
        return " ".join(value.split()) if isinstance(value, str) else ""

    clean: SourceData = {"title": text("title") or key}
    if not text("title"):
        problems.append(((key,), f"{here} needs a title"))
    for part in ("publisher", "author"):
        if text(part):
            clean[part] = text(part)  # type: ignore[literal-required]
    if not (text("publisher") or text("author")):
        problems.append(((key,), f"{here} needs a publisher or an author"))
    url = _web_url(source.get("url"), here, (str(source.get("url")), key), problems)
    if url:
        clean["url"] = url
    if "language" in source:
        if _LANGUAGE_TAG.match(text("language")):
            clean["language"] = text("language")
        else:
            problems.append(
                (
                    (key,),
                    f"{here}: language {source['language']!r} is not a "
                    "language tag like 'en' or 'pt-BR'",
                )
            )
    unknown = sorted(str(name) for name in source if name not in _SOURCE_FIELDS)
    if unknown:
        problems.append(((key,), f"{here}: unknown fields {unknown}"))
    return clean


def _synonyms(value: Any, problems: list[Problem]) -> dict[str, list[str]]:
    if not isinstance(value, Mapping):
        problems.append(
            (("crawl_search_synonyms",), "crawl_search_synonyms must be a dict: word -> [words]")
        )
        return {}
    usable: dict[str, list[str]] = {}
    for word, alternatives in value.items():
        if not isinstance(word, str) or not word.strip():
            problems.append(
                (("crawl_search_synonyms",), f"crawl_search_synonyms: {word!r} is not a word")
            )
            continue
        if isinstance(alternatives, str):  # one synonym written without a list
            problems.append(
                (
                    (word,),
                    f"crawl_search_synonyms[{word!r}] must be a list; read as [{alternatives!r}]",
                )
            )
            alternatives = [alternatives]
        if not isinstance(alternatives, list | tuple) or not all(
            isinstance(a, str) for a in alternatives
        ):
            problems.append(
                ((word,), f"crawl_search_synonyms[{word!r}] must be a list of words; it is ignored")
            )
            continue
        usable[word.strip().lower()] = [" ".join(a.split()) for a in alternatives if a.strip()]
    return dict(sorted(usable.items()))


def _web_url(url: Any, where: str, names: tuple[str, ...], problems: list[Problem]) -> str | None:
    """An http(s) URL given in conf.py, or None; any other value is named and left out."""
    if url is None:
        return None
    if isinstance(url, str) and is_web_url(url.strip()):
        return url.strip()
    problems.append((names, f"{where}: url {url!r} is not an http(s) URL; it is left out"))
    return None


def _out_of_scope(value: Any, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Topic -> {"text": what the search says, "url": where to go (http/https, optional)}."""
    name = "crawl_search_out_of_scope"
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: topic -> {{'text': ..., 'url': ...}}"))
        return {}
    usable: dict[str, dict[str, str]] = {}
    for topic, answer in value.items():
        if isinstance(answer, str):  # the text alone
            answer = {"text": answer}
        if not isinstance(topic, str) or not topic.strip():
            problems.append(((name,), f"{name}: {topic!r} is not a topic"))
            continue
        if not isinstance(answer, Mapping) or not isinstance(answer.get("text"), str):
            problems.append(((topic,), f"{name}[{topic!r}] needs a 'text'; it is ignored"))
            continue
        entry: dict[str, Any] = {"text": " ".join(answer["text"].split())}
        url = _web_url(answer.get("url"), f"{name}[{topic!r}]", (topic,), problems)
        if url:
            entry["url"] = url
        if "words" in answer:
            entry["words"] = list(
                _phrases(answer["words"], f"{name}[{topic!r}]['words']", problems)
            )
        usable[" ".join(topic.lower().split())] = entry
    return dict(sorted(usable.items()))


def _phrases(value: Any, where: str, problems: list[Problem]) -> tuple[str, ...]:
    """A list of words or phrases, lowercased and with white space folded."""
    if isinstance(value, str):
        problems.append(((where.split("[")[0],), f"{where} must be a list; read as [{value!r}]"))
        value = [value]
    if not isinstance(value, list | tuple):
        problems.append(((where.split("[")[0],), f"{where} must be a list of phrases; ignored"))
        return ()
    bad = [item for item in value if not isinstance(item, str) or not item.strip()]
    if bad:
        problems.append(((where.split("[")[0],), f"{where}: {bad!r} are not phrases; ignored"))
    return tuple(
        dict.fromkeys(
            " ".join(p.lower().split()) for p in value if isinstance(p, str) and p.strip()
        )
    )


_EMERGENCY_KEYS = ("numbers", "signs", "unwell", "page")
_PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 -]{1,18}$")


def _emergency(value: Any, problems: list[Problem]) -> Emergency:
    name = "crawl_emergency"
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: numbers, signs, unwell, page"))
        return Emergency()
    unknown = sorted(str(key) for key in value if key not in _EMERGENCY_KEYS)
    if unknown:
        problems.append(((name,), f"{name}: unknown keys {unknown}"))
    numbers: list[tuple[str, str]] = []
    given = value.get("numbers", {})
    if not isinstance(given, Mapping):
        problems.append(((name,), f"{name}['numbers'] must be a dict: where -> number"))
        given = {}
    for where, number in given.items():
        if not isinstance(where, str) or not where.strip():
            problems.append(((name,), f"{name}['numbers']: {where!r} is not a place name"))
        elif not isinstance(number, str | int) or not _PHONE_NUMBER.match(str(number).strip()):
            problems.append(
                ((where, name), f"{name}['numbers'][{where!r}]: {number!r} is not a phone number")
            )
        else:
            numbers.append((" ".join(where.split()), str(number).strip()))
    page = value.get("page", "")
    if not isinstance(page, str):
        problems.append(((name,), f"{name}['page'] must be a page name such as 'emergency'"))
        page = ""
    return Emergency(
        numbers=tuple(numbers),
        signs=_phrases(value.get("signs", []), f"{name}['signs']", problems),
        unwell=_phrases(value.get("unwell", []), f"{name}['unwell']", problems),
        page=page.strip().removesuffix(".md").removesuffix(".rst").strip("/"),
    )


def _concern(value: Any, problems: list[Problem]) -> Concern:
    name = "crawl_search_concern"
    if isinstance(value, str):  # the entry alone
        value = {"entry": value}
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: {{'entry': <id>, 'text': ...}}"))
        return Concern()
    entry, text = value.get("entry", ""), value.get("text", "")
    if not isinstance(entry, str) or not isinstance(text, str):
        problems.append(((name,), f"{name}: 'entry' and 'text' must be text"))
        return Concern()
    unknown = sorted(str(key) for key in value if key not in ("entry", "text"))
    if unknown:
        problems.append(((name,), f"{name}: unknown keys {unknown}"))
    return Concern(entry.strip(), " ".join(text.split()))


def _seconds(value: Any, problems: list[Problem]) -> float:
    name = "crawl_import_timeout"
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 3600:
        return float(value)
    problems.append(((name,), f"{name} must be a number of seconds from 1 to 3600; 60 is used"))
    return 60.0


def _labels(value: Any, problems: list[Problem]) -> dict[str, str]:
    name = "crawl_tag_labels"
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: tag -> label"))
        return {}
    usable: dict[str, str] = {}
    for tag, label in value.items():
        if isinstance(tag, str) and isinstance(label, str) and label.strip():
            usable[tag] = " ".join(label.split())
        else:
            problems.append(((str(tag), name), f"{name}[{tag!r}] must be a label (text)"))
    return usable


def _imports(value: Any, problems: list[Problem]) -> dict[str, ImportSource]:
    name = "crawl_import_sources"
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: name -> location or {{'location'}}"))
        return {}
    usable: dict[str, ImportSource] = {}
    for key, spec in value.items():
        where = f"{name}[{key!r}]"
        if not isinstance(key, str) or not key.strip() or "/" in key or "\\" in key:
            problems.append(((name,), f"{name}: {key!r} is not a name (no slashes)"))
            continue
        if isinstance(spec, str):
            spec = {"location": spec}
        if not isinstance(spec, Mapping) or not isinstance(spec.get("location"), str):
            problems.append(((key,), f"{where} needs a 'location' (a path or URL); ignored"))
            continue
        unknown = sorted(str(k) for k in spec if k not in ("location", "base_url", "prefix"))
        if unknown:
            problems.append(((key,), f"{where}: unknown fields {unknown}"))
        location = spec["location"].strip()
        if "://" in location and not is_web_url(location):
            problems.append(((key,), f"{where}: {location!r} is not an http(s) URL; ignored"))
            continue
        base_url = _web_url(spec.get("base_url"), where, (key,), problems)
        prefix = spec.get("prefix", "")
        if not isinstance(prefix, str) or (prefix and not is_id_prefix(prefix)):
            problems.append(
                ((key,), f"{where}: prefix {prefix!r} must be lowercase letters, digits, '-'")
            )
            prefix = ""
        usable[key.strip()] = ImportSource(location, base_url, prefix)
    return usable


_ID_PREFIX = re.compile(r"^[a-z][a-z0-9-]*$")


def is_id_prefix(text: str) -> bool:
    """Whether ``text`` can go before entry ids and keep them lowercase slugs."""
    return bool(_ID_PREFIX.match(text))


_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_EDITION_PATH = re.compile(r"^(?:[A-Za-z0-9_.-]+/)*$")


def _editions(value: Any, problems: list[Problem]) -> dict[str, Edition]:
    name = "crawl_editions"
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: language -> {{'label', 'path'}}"))
        return {}
    usable: dict[str, Edition] = {}
    for language, spec in value.items():
        where = f"{name}[{language!r}]"
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            problems.append(((name,), f"{name}: {language!r} is not a language code"))
            continue
        if not isinstance(spec, Mapping) or not isinstance(spec.get("label"), str):
            problems.append(((language,), f"{where} needs a 'label'; it is ignored"))
            continue
        path = spec.get("path", "")
        if not isinstance(path, str) or not _EDITION_PATH.match(path) or ".." in path:
            problems.append(
                ((language,), f"{where}: path {path!r} must be '' or a folder such as 'es/'")
            )
            continue
        skip = spec.get("skip", [])
        if not isinstance(skip, list | tuple) or not all(isinstance(p, str) for p in skip):
            problems.append(((language,), f"{where}: skip must be a list of page patterns"))
            skip = []
        usable[language] = Edition(" ".join(spec["label"].split()), path, tuple(skip))
    return usable


def _patterns(value: Any, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str):  # one pattern, not a list: never every page by accident
        problems.append(
            (("crawl_demo_pages",), f"crawl_demo_pages must be a list; read as [{value!r}]")
        )
        return (value,)
    if not isinstance(value, list | tuple):
        problems.append((("crawl_demo_pages",), "crawl_demo_pages must be a list of page patterns"))
        return ()
    bad = [item for item in value if not isinstance(item, str)]
    if bad:
        problems.append(
            (("crawl_demo_pages",), f"crawl_demo_pages: {bad!r} are not page patterns; ignored")
        )
    return tuple(item for item in value if isinstance(item, str))


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


def check_config(app: Sphinx, config: Config) -> None:
    """Check every setting once, and say where in conf.py each problem is."""
    _CHECKED.pop(config, None)
    checked = crawl_config(config)
    for needles, message in checked.problems:
        warn(message, config_location(app, *needles), "config")


def config_location(app: Sphinx, *needles: str) -> str:
    """``conf.py:<line>`` of the first line naming one of ``needles`` (else line 1: a
    location without ``:`` is read by Sphinx as a document name, ``conf.py.rst``)."""
    conf_py = Path(app.confdir, "conf.py")
    lines = _read_lines(conf_py)
    line = next(filter(None, (_line_naming(lines, needle) for needle in needles)), 0)
    return f"{conf_py}:{line or 1}"


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
            "env",
            types=setting.types,
            description=setting.help.split(". ")[0],
        )
    app.connect("config-inited", check_config)
