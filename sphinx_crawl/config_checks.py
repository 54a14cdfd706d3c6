"""What each ``crawl_*`` setting may be: the value types, and one check per setting.

A check takes the raw value from ``conf.py`` and the list of problems found so far; it
returns something usable (falling back where the value cannot be used) and notes each
problem with the words a ``conf.py`` line must contain to be named as its place.
:mod:`sphinx_crawl.config` declares the settings with these checks.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict
from urllib.parse import urlparse

from sphinx_crawl.core.content_types import shown_value


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


_SOURCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SOURCE_FIELDS = ("title", "publisher", "author", "url", "language")
#: A language: a tag such as ``en``, ``pt-BR`` or Sphinx's ``pt_BR`` (one rule for a
#: source's language and an edition's).
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def is_language_tag(text: str) -> bool:
    return bool(_LANGUAGE.match(text))


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


def edition_of(editions: Mapping[str, Edition], language: str) -> Edition | None:
    """The edition of ``language``, its key written Sphinx's way or as a language tag
    (``pt_BR`` or ``pt-BR``): an edition keyed "pt-BR" in a build whose ``language`` is
    "pt_BR" was no edition, and its pages had no switch nor hreflang links."""
    found = editions.get(language)
    if found is None:
        wanted = language.replace("_", "-").lower()
        found = next(
            (e for key, e in editions.items() if key.replace("_", "-").lower() == wanted), None
        )
    return found


@dataclass(frozen=True)
class Emergency:
    """``crawl_emergency``, checked: numbers to call, and the words that mean "call now"."""

    #: (where, number) pairs in conf.py order: ("USA", "911").
    numbers: tuple[tuple[str, str], ...] = ()
    #: None when not set: the extension's own words (core/emergency_words.py) are used.
    signs: tuple[str, ...] | None = None
    unwell: tuple[str, ...] | None = None
    page: str = ""
    #: A baby younger than this many weeks whose parent says they are worried: an
    #: emergency (the NHS: under 8 weeks old and you are very worried). 0: no such rule;
    #: None when not set: 8.
    young_weeks: int | None = None


@dataclass(frozen=True)
class Contact:
    """Whom to call for one need in one place: words a sentence can use ("your GP or
    health visitor"), a phone number, a web address; at least the words or the number."""

    name: str = ""
    number: str = ""
    url: str = ""

    def numbers(self) -> tuple[str, ...]:
        """The numbers to call: its number, or those its words give ("999 or 112")."""
        if self.number:
            return (self.number,)
        return tuple(found.strip() for found in _NUMBER_IN_WORDS.findall(self.name))


@dataclass(frozen=True)
class Place:
    """One place of ``crawl_contacts``: how readers name it ("UK") and its contacts, by
    kind (``emergency``, ``doctor``, ``advice``, ``development``, or the project's own)."""

    label: str
    contacts: Mapping[str, Contact]


#: The key of ``crawl_contacts`` whose words stand when no place is selected (and for a
#: kind the selected place does not give).
ANY_PLACE = "any"
_KIND = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Concern:
    """``crawl_search_concern``, checked: the entry a worry the handbook does not cover
    is sent to, and what the search says."""

    entry: str = ""
    text: str = ""


def check_flag(value: Any, problems: list[Problem], name: str, default: Any) -> bool:
    """A True/False setting; anything else is a problem, read as the default (or as
    the truth of a number or None)."""
    if isinstance(value, bool):
        return value
    problems.append(((name,), f"{name} must be True or False"))
    return bool(value) if isinstance(value, int | type(None)) else bool(default)


_DIRECTIVE_PREFIX = re.compile(r"^[a-z][a-z0-9]*-$")


def check_prefix(value: Any, problems: list[Problem], name: str, default: Any) -> str:
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


def check_sources(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, SourceData]:
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
        value: Any = source.get(name)
        if name in _NAMES and _is_names(value):
            value = ", ".join(value)  # several authors: ["Dr A", "Dr B"]
        return " ".join(value.split()) if isinstance(value, str) else ""

    clean: SourceData = {"title": text("title") or key}
    if not text("title"):
        problems.append(((key,), f"{here} needs a title"))
    for part in _NAMES:
        if text(part):
            clean[part] = text(part)  # type: ignore[literal-required]
        elif source.get(part) not in (None, ""):
            # Left out without a word before: an author given as a number, a date...
            problems.append(
                (
                    (key,),
                    f"{here}: {part} {shown_value(source[part])} is not a name (text, or a "
                    "list of names); it is left out",
                )
            )
    if not (text("publisher") or text("author")):
        problems.append(((key,), f"{here} needs a publisher or an author"))
    url = _web_url(source.get("url"), here, (str(source.get("url")), key), problems)
    if url:
        clean["url"] = url
    if "language" in source:
        if is_language_tag(text("language")):
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


#: The parts of a source that name people or bodies: text, or a list of names.
_NAMES = ("publisher", "author")


def _is_names(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(name, str) and name.strip() for name in value)
    )


def check_synonyms(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, list[str]]:
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


def check_out_of_scope(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, dict[str, str]]:
    """Topic -> {"text": what the search says, "url": where to go (http/https, optional)}."""
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


_EMERGENCY_KEYS = ("numbers", "signs", "unwell", "page", "young_weeks")
_PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 -]{1,18}$")
#: A phone number among words: "999 or 112", "112 / 999", "call 0800 123 456".
#: A number to call in an emergency contact's words ("999 or 112"): two figures or more
#: (no emergency number has one), standing on its own: not the figures of a time
#: ("8:30"), a fraction ("24/7"), a decimal or a word ("9am"). "911, open 24/7" or
#: "111 and press 2" gave 24, 7 and 2 as numbers to call, atop every page.
_NUMBER_IN_WORDS = re.compile(r"(?<![\w/:.,+])\+?[0-9](?:[0-9 -]{0,17})[0-9](?![\w/:%]|[.,][0-9])")


def check_emergency(value: Any, problems: list[Problem], name: str, default: Any) -> Emergency:
    if not isinstance(value, Mapping):
        problems.append(
            ((name,), f"{name} must be a dict: numbers, signs, unwell, page, young_weeks")
        )
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
    young_weeks = value.get("young_weeks")
    if young_weeks is not None and (
        isinstance(young_weeks, bool)
        or not isinstance(young_weeks, int)
        or not 0 <= young_weeks <= 52
    ):
        problems.append(
            ((name,), f"{name}['young_weeks'] must be a number of weeks from 0 to 52, such as 8")
        )
        young_weeks = None
    # A key left out keeps the extension's own words; [] turns them off.
    signs, unwell = (
        _phrases(value[key], f"{name}[{key!r}]", problems) if key in value else None
        for key in ("signs", "unwell")
    )
    return Emergency(
        young_weeks=young_weeks,
        numbers=tuple(numbers),
        signs=signs,
        unwell=unwell,
        page=page.strip().removesuffix(".md").removesuffix(".rst").strip("/"),
    )


def check_contacts(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, Place]:
    """Place -> {"label": ..., kind: contact}; a contact is text (words, or a phone
    number) or {"name", "number", "url"}. What cannot be used is named and left out."""
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: place -> {{'label': ..., kind: ...}}"))
        return {}
    usable: dict[str, Place] = {}
    for key, spec in value.items():
        if not isinstance(key, str) or not _KIND.match(key):
            problems.append(((name,), f"{name}: {key!r} is not a place key like 'uk' or 'usa'"))
            continue
        if not isinstance(spec, Mapping):
            problems.append(((key, name), f"{name}[{key!r}] must be a dict of contacts"))
            continue
        label = spec.get("label", key)
        if not isinstance(label, str) or not label.strip():
            problems.append(((key, name), f"{name}[{key!r}]['label'] must be text"))
            label = key
        contacts: dict[str, Contact] = {}
        for kind, given in spec.items():
            if kind == "label":
                continue
            where = f"{name}[{key!r}][{kind!r}]"
            if not isinstance(kind, str) or not _KIND.match(kind):
                problems.append(((key, name), f"{where}: not a kind like 'doctor'; ignored"))
                continue
            contact = _contact(given, where, (str(kind), key, name), problems)
            if contact is not None:
                contacts[kind] = contact
        usable[key] = Place(" ".join(label.split()), contacts)
    return usable


def _contact(
    given: Any, where: str, needles: tuple[str, ...], problems: list[Problem]
) -> Contact | None:
    if isinstance(given, int) and not isinstance(given, bool):
        given = str(given)
    if isinstance(given, str):
        text = " ".join(given.split())
        if _PHONE_NUMBER.match(text):
            return Contact(number=text)
        given = {"name": text}
    if not isinstance(given, Mapping):
        problems.append((needles, f"{where} must be text or {{'name', 'number', 'url'}}; ignored"))
        return None
    unknown = sorted(str(k) for k in given if k not in ("name", "number", "url"))
    if unknown:
        problems.append((needles, f"{where}: unknown keys {unknown}"))
    name, number = given.get("name", ""), given.get("number", "")
    if not isinstance(name, str):
        problems.append((needles, f"{where}['name'] must be text"))
        name = ""
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    if not isinstance(number, str) or (number.strip() and not _PHONE_NUMBER.match(number.strip())):
        problems.append((needles, f"{where}: {number!r} is not a phone number; left out"))
        number = ""
    url = _web_url(given.get("url"), where, needles, problems) or ""
    contact = Contact(" ".join(name.split()), number.strip(), url)
    if not (contact.name or contact.number):
        problems.append((needles, f"{where} needs a 'name' (words) or a 'number'; ignored"))
        return None
    return contact


def check_place(value: Any, problems: list[Problem], name: str, default: Any) -> str:
    """A key of crawl_contacts, or "" (none: every place's numbers, the generic words);
    whether it is one is checked with crawl_contacts (CrawlConfig.from_values)."""
    # In any letters: crawl_contacts' keys are lower case ("UK" is the place "uk").
    if isinstance(value, str) and (value == "" or _KIND.match(value.strip().lower())):
        return value.strip().lower()
    problems.append(((name,), f"{name} must be a place key of crawl_contacts, like 'uk'"))
    return ""


def check_concern(value: Any, problems: list[Problem], name: str, default: Any) -> Concern:
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


def check_seconds(value: Any, problems: list[Problem], name: str, default: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 3600:
        return float(value)
    problems.append(((name,), f"{name} must be a number of seconds from 1 to 3600; 60 is used"))
    return 60.0


def check_size(value: Any, problems: list[Problem], name: str, default: Any) -> int:
    """A size in bytes (0 or more); anything else is the default, with a problem."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    problems.append(((name,), f"{name} must be a whole number of bytes (0 or more)"))
    return int(default)


def check_labels(value: Any, problems: list[Problem], name: str, default: Any) -> dict[str, str]:
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


def check_imports(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, ImportSource]:
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


_EDITION_PATH = re.compile(r"^(?:[A-Za-z0-9_.-]+/)*$")


def check_editions(
    value: Any, problems: list[Problem], name: str, default: Any
) -> dict[str, Edition]:
    if not isinstance(value, Mapping):
        problems.append(((name,), f"{name} must be a dict: language -> {{'label', 'path'}}"))
        return {}
    usable: dict[str, Edition] = {}
    for language, spec in value.items():
        where = f"{name}[{language!r}]"
        if not isinstance(language, str) or not is_language_tag(language):
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


def check_location(value: Any, problems: list[Problem], name: str, default: Any) -> str:
    """A file: a path (from conf.py's folder) or an http(s) URL; "" for none."""
    if value == "":
        return ""
    if isinstance(value, str) and value.strip():
        location = value.strip()
        if "://" in location and not is_web_url(location):
            problems.append(((name,), f"{name}: {location!r} is not an http(s) URL; ignored"))
            return ""
        return location
    problems.append(((name,), f"{name} must be a path or an http(s) URL"))
    return ""


def check_date(value: Any, problems: list[Problem], name: str, default: Any) -> str:
    """A date written YYYY-MM-DD; "" for none."""
    if value == "":
        return ""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    problems.append(((name,), f"{name}: {value!r} is not a date like 2026-12-05; ignored"))
    return ""


def check_patterns(value: Any, problems: list[Problem], name: str, default: Any) -> tuple[str, ...]:
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
