"""The entry search index: small up front, the rest loaded when a result needs it.

``crawl-searchindex.js`` holds what ranking needs and nothing more: each entry's
title, address and labels (kind, badge, age) as table indices, and for each field
(keywords, title, tags, text) a word -> entries map. A word's entries are written as
whichever is shorter, a list of gaps in base 36 or a bitmap in base 64, so words most
entries share cost a bit per entry, not a number. There is no text to show: the
excerpt under a result is read from the entry's own page, fetched by crawl-search.js for the
results shown only (as Sphinx's search does for its summaries; from ``file://``,
where pages cannot be fetched, results show without one).

Stems are worked out in crawl-search.js from this vocabulary, so one stemmer serves the
index and the query. The index loads as a ``<script>``: search works from ``file://``.
"""

from __future__ import annotations

import base64
import json
import re
from html import escape
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx_crawl.config import config_location, crawl_config
from sphinx_crawl.contacts import fill_all, fill_contacts
from sphinx_crawl.core.ages import DEADLINE_LEAD_MONTHS, MONTH_DAYS
from sphinx_crawl.core.derive import badge, free_id
from sphinx_crawl.core.emergency_words import YOUNG_FEVER_MONTHS, default_fever
from sphinx_crawl.core.entries import EXCERPT_CHARS
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.export import entry_addresses
from sphinx_crawl.i18n import _
from sphinx_crawl.incremental import outputs_current
from sphinx_crawl.output import (
    html_output_dir,
    is_html_page,
    shipped_bytes,
    write_bytes_if_changed,
    write_if_changed,
)
from sphinx_crawl.render.baby import AGES_SCRIPT, COMPANION_SCRIPTS, RULES_FILE, TEXT_FILE
from sphinx_crawl.render.emergency import search_data as _emergency_data
from sphinx_crawl.render.emergency import texts as emergency_texts
from sphinx_crawl.render.search_page import is_search_page, setup_search_page
from sphinx_crawl.render.search_preload import preload_script, written_upfront
from sphinx_crawl.render.search_shards import fold, split_index, write_parts

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_crawl.core.entries import EntryData

SEARCH_INDEX_FILE = "crawl-searchindex.js"

#: Words a query's meaning does not hang on ("little one" and pronouns stand for the
#: baby; "one" alone matters: "one side"). Not indexed in entries' text; crawl-search.js
#: drops them from queries.
_STOP_TEXT = (
    "a about an and are as at be but by can do does doing for from get has have how i if in "
    "into is it its me my of on or our should so that the their them then there they "
    "this to too up was we what when where which who why will with you your baby babies "
    "babys child he she his her him son daughter lo old"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def _listed(text: str) -> list[str]:
    return text.split()


#: Hot weather, a hot day, a room's or the water's temperature: not a fever.
_HEAT_EN = (
    "weather",
    "day",
    "days",
    "summer",
    "sun",
    "outside",
    "room",
    "house",
    "car",
    "floor",
    "tiles",
    "climate",
)
_ROOMS_EN = ("room", "house", "bath", "water", "floor", "bedroom", "nursery", "ideal", "right")
_HEAT_ES = (
    "de la habitación",
    "del cuarto",
    "de la casa",
    "del agua",
    "del baño",
    "de la bañera",
    "del suelo",
    "ambiente",
    "ideal",
)

#: Not responding to a name or to sounds: a worry for the doctor, not a collapse.
_RESPOND_EN = ("respond", "responding", "responds", "react", "reacting")
_CALLED_EN = ("his name", "her name", "their name", "name", "sounds", "sound", "noise", "noises")
_RESPOND_ES = ("responde", "reacciona")
_CALLED_ES = (
    "a su nombre",
    "cuando lo llamo",
    "cuando la llamo",
    "a los sonidos",
    "al sonido",
    "a los ruidos",
)

#: Words that say what a query wants rather than what about (crawl-search.js): a question's
#: first word, a worry, an age, a negation. English; other languages below.
INTENT_WORDS: dict[str, list[str]] = {
    "question": _listed(
        "is are why when how what whats should can could does do will would who where"
    ),
    "worry": _listed("worry worried worrying worries concerned normal ok okay fine sign"),
    "age": _listed("month months week weeks year years mo mos mth mths day days"),
    # Units a query's age is given in ("9 months", "2 year old"), as months per unit.
    "months": _listed("month months mo mos mth mths m"),
    "years": _listed("year years yr yrs"),
    "weeks": _listed("week weeks wk wks"),
    "days": _listed("day days"),
    # "born 6 weeks early", "6 weeks premature": how early, not how old.
    "early": _listed("early premature prem preemie prematurely born before"),
    # "3 weeks ago", "for 2 months", "since 6 weeks": how long, not how old (unless
    # "old" follows: "toys for a 9 month old"); "once a week", "every 2 weeks": how often.
    "duration": _listed("ago for since past last once twice times every per"),
    "old": _listed("old"),
    # Phrases whose words name no emergency, illness or injury: "fell asleep" is not a
    # fall, "not responding to his name" is no collapse (a worry for the doctor).
    "harmless": [
        "fell asleep",
        "falls asleep",
        "fall asleep",
        "falling asleep",
        # "collapses onto his arms" is how a baby learning to crawl moves.
        "collapse",
        "collapses",
        "collapsing",
        *(f"{verb} to {what}" for verb in _RESPOND_EN for what in _CALLED_EN),
        # Heat that is the weather's or a room's, not the baby's; "color" is a typo
        # away from "dolor" (pain, in Spanish: every language's illness words are read).
        *(f"hot {what}" for what in _HEAT_EN),
        *(f"{what} temperature" for what in _ROOMS_EN),
        # The day's heat, however it is asked ("too hot for tummy time").
        "too hot for",
        "it is hot",
        "its hot",
        "it is too hot",
        "its too hot",
        "is it hot",
        "is it too hot",
        "when hot",
        "color",
        "colors",
        "colour",
        "colours",
    ],
    # Numbers in words, each with its value: "my six week old", "a month old".
    "numbers": _listed(
        "a:1 an:1 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 "
        "eleven:11 twelve:12"
    ),
    # A newborn, in a word or a phrase ("new born"), matched as the query says it.
    "newborn": ["newborn", "newborns", "neonate", "neonatal", "new born"],
    # A temperature's unit ("38.5 degrees", "39c", "38º"): a number in degrees is no age.
    "degrees": _listed("degrees degree deg c celsius centigrade f fahrenheit º"),
    # "Under 3 months", "less than 12 weeks": younger than the number said.
    "under": _listed("under below younger less"),
    # A number with one of these after it is a length, a weight or a time, not a
    # temperature ("40 cm", "40 minutes"); an age's units are read as ages.
    "units": _listed(
        "cm cms mm inch inches ft feet kg kgs g gram grams lb lbs pound pounds oz ounce "
        "ounces min mins minute minutes sec secs second seconds hour hours hr hrs ml times "
        "percent"
    ),
    # Heat words that may be the weather's, a room's or a floor's ("too hot for tummy
    # time", "temperature of the floor"): not read as the baby's when the query names
    # one of the ``surroundings`` (a fever word, a temperature, "feels hot" still are).
    "heat": _listed("hot warm temperature temperatures temp"),
    "surroundings": _listed(
        "weather summer sun sunny outside outdoors room rooms house floor floors tile tiles "
        "carpet carpets rug car climate heatwave tub pool nursery bedroom clothes clothing "
        "radiator heater heating stove oven water milk bottle"
    ),
    "negation": _listed("not no never doesnt dont wont cant isnt stopped"),
    # A parent who says they are worried is shown where to get help among the first
    # results, whatever else matched.
    "alarm": _listed("worry worried worrying worries concerned concern scared afraid anxious"),
}

#: Per language: words about the baby that carry no meaning in a query (as "baby" in
#: English), and the intent words. Stop words come from Sphinx's own list.
OTHER_LANGUAGES: dict[str, dict[str, list[str]]] = {
    "es": {
        "stop": _listed("bebé bebe bebés bebes hijo hija niño niña mío"),
        # Sphinx's stop words that matter here: "ya no gatea" (no longer), "sin" (without).
        "keep": _listed("ya sin"),
        "question": _listed(
            "es son por cuándo cuando cómo como qué que debo debería puedo puede "
            "quién quien dónde donde hay"
        ),
        "worry": _listed(
            "preocupa preocupo preocupada preocupado preocuparme preocupación normal "
            "bien señal signo"
        ),
        "age": _listed("mes meses semana semanas año años día días dia dias"),
        "months": _listed("mes meses"),
        "years": _listed("año años ano anos"),
        "weeks": _listed("semana semanas"),
        "days": _listed("día días dia dias"),
        "duration": _listed("hace desde durante últimas ultimas cada"),
        "numbers": _listed(
            "un:1 una:1 uno:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9 "
            "diez:10 once:11 doce:12"
        ),
        "early": _listed(
            "antes prematuro prematura prematuramente adelantado adelantada nació nacio "
            "nacido nacida"
        ),
        # "Recién" alone is "just" ("recién empezó a gatear"): a newborn is "recién nacido".
        "newborn": [
            f"{just} {born}"
            for just in ("recién", "recien")
            for born in ("nacido", "nacida", "nacidos", "nacidas")
        ]
        + ["neonato", "neonata"],
        "degrees": _listed("grados grado c celsius centígrados centigrados f fahrenheit º"),
        "under": _listed("menos menor menores"),
        "units": _listed(
            "centímetros centimetros metros kilos kilo gramos libras minutos minuto "
            "segundos horas hora veces"
        ),
        "heat": _listed("caliente calientes temperatura temperaturas"),
        "surroundings": _listed(
            "suelo suelos piso baldosas baldosa alfombra habitación habitacion cuarto casa "
            "coche verano sol ambiente ropa calefacción calefaccion radiador estufa horno "
            "piscina"
        ),
        "harmless": [
            *(f"{verb} {what}" for verb in _RESPOND_ES for what in _CALLED_ES),
            *(f"temperatura {what}" for what in _HEAT_ES),
            *(f"{where} caliente" for where in ("suelo", "piso", "día", "dia", "coche")),
            # "Le fallan los brazos" (his arms give way while crawling): not a fall,
            # though its stem is English "fall" (every language's illness words are read).
            *_listed("falla fallan fallo falló fallar fallando fallaba fallaban fallaron"),
        ],
        "negation": _listed("no nunca ni tampoco dejó"),
        "alarm": _listed(
            "preocupa preocupo preocupada preocupado preocuparme preocupación miedo "
            "asustada asustado"
        ),
    },
}


#: Intent words not read as words of a question: ages, and phrases the notices skip.
_NOT_KEPT = frozenset(
    {"duration", "old", "numbers", "harmless", "degrees", "under", "units", "heat", "surroundings"}
)

#: Intent words every edition reads in every language, the edition's first, as the
#: notices read every language's emergency and illness words: "my 6 week old has a
#: fever" in the Spanish edition is a baby under 3 months. (Not the numbers in words:
#: Spanish "once" is eleven, English "once" how often.)
_EVERY_LANGUAGE = (
    "months",
    "years",
    "weeks",
    "days",
    "early",
    "duration",
    "old",
    "newborn",
    "degrees",
    "alarm",
    "under",
    "units",
    "heat",
    "surroundings",
)


def young_fever_texts(config: Config, *, numbers: bool = True) -> dict[str, str]:
    """The notice for a fever in a baby under 3 months, in the build's language: the
    HSE's "call the doctor urgently. Don't wait to get help", in words (not by colour
    alone), with the emergency number for what may be more."""
    words = {
        "fever_heading": _(
            "A baby under 3 months with a temperature of 38 °C (100.4 °F) or more: call "
            "{crawl:contact}`doctor` urgently, now."
        ),
        "fever": _("Don't wait to get help. If you think it is an emergency, call {numbers} now.")
        if numbers
        else _(
            "Don't wait to get help. If you think it is an emergency, call your local "
            "emergency number now."
        ),
    }
    return {key: fill_contacts(str(value), config) for key, value in words.items()}


def emergency_search_data(app: Sphinx) -> dict[str, Any]:
    """What the search's notices need (``render/emergency.search_data``), and the HSE's
    rule for a fever in a baby under 3 months: the fever words (every language's), the
    age in months and weeks, and the notice's words. With the illness words turned off
    (``crawl_emergency["unwell"]`` ``[]``), no fever notice either."""
    data = _emergency_data(app)
    if not data or not data["unwell"]:
        return data
    data["fever"] = list(default_fever(app.config.language))
    data["fever_months"] = YOUNG_FEVER_MONTHS
    data["fever_weeks"] = round(YOUNG_FEVER_MONTHS * MONTH_DAYS / 7, 3)
    data["texts"].update(young_fever_texts(app.config, numbers=bool(data["numbers"])))
    return data


def _every_harmless(first: dict[str, list[str]]) -> list[str]:
    """Every language's harmless phrases, the edition's first: the notices read every
    language's words ("hot" in the Spanish edition), so each language's phrases that
    name no illness ("hot weather") hold in every edition."""
    return _in_every_language(first, "harmless")


def _in_every_language(first: dict[str, list[str]], key: str) -> list[str]:
    """One kind of intent word in every language, the edition's (``first``) first."""
    tables = [first, INTENT_WORDS, *OTHER_LANGUAGES.values()]
    return list(dict.fromkeys(phrase for table in tables for phrase in table.get(key, [])))


def _with_every_language(first: dict[str, list[str]]) -> dict[str, list[str]]:
    """The edition's intent words, with every language's of ``_EVERY_LANGUAGE``."""
    intent = {key: list(first.get(key, [])) for key in INTENT_WORDS}
    intent["harmless"] = _every_harmless(first)
    for key in _EVERY_LANGUAGE:
        intent[key] = _in_every_language(first, key)
    return intent


def search_vocabulary(language: str | None) -> tuple[frozenset[str], dict[str, list[str]]]:
    """Stop words and intent words for the build's language (English by default; for
    another language Sphinx's stop words, and ours where we have them)."""
    code = (language or "en").split("_")[0].split("-")[0].lower()
    if code == "en":
        return STOP_WORDS, _with_every_language(INTENT_WORDS)
    ours = OTHER_LANGUAGES.get(code, {})
    intent = _with_every_language(ours)
    # Words that say the parent's intent stay ("no", "cuando", "antes"): ranking and
    # the notices read them.
    # (Not the words that only read an age: "desde", "un" say nothing of a question.)
    kept = [words for key, words in intent.items() if key not in _NOT_KEPT]
    kept.append(ours.get("keep", []))
    keep = {form for listed in kept for word in listed for form in (word, fold(word))}
    stop = (set(_sphinx_stop_words(code)) | set(ours.get("stop", []))) - keep
    return frozenset(stop), intent


def _sphinx_stop_words(code: str) -> frozenset[str]:
    """Sphinx's stop words for a language (``sphinx.search.languages`` names its class
    by import path for most languages since Sphinx 7.3; the class itself for English)."""
    from sphinx.search import languages

    found: object = languages.get(code)
    if isinstance(found, str):
        module, _, name = found.rpartition(".")
        try:
            found = getattr(import_module(module), name, None)
        except ImportError:  # a language module that cannot load: no stop words
            found = None
    return frozenset(getattr(found, "stopwords", ()))


#: The indexed fields: key in the index, and whether stop words are left out.
FIELDS = (
    ("k", "keywords", False),
    ("t", "title", False),
    ("g", "tags", False),
    ("x", "text", True),
)

_APOSTROPHES = re.compile("['\u2019]")
_LITTLE_ONE = re.compile(r"\blittle ones?\b")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, as crawl-search.js splits them (letters and digits; no apostrophes)."""
    text = text.lower()
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHES.sub("", text)
    if "little one" in text:
        text = _LITTLE_ONE.sub(" ", text)
    return _WORD.findall(text)


def _field_words(entry: EntryData, name: str, stop: frozenset[str] | None) -> set[str]:
    value = entry[name]  # type: ignore[literal-required]
    # List items joined by a mark no word crosses ("little | one" is two words).
    found = set(words(value if isinstance(value, str) else " | ".join(value)))
    return found - stop if stop else found


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
#: Every number below 36 * 36 in base 36: most gaps between entries are small.
_BASE36 = [_DIGITS[n // 36] + _DIGITS[n % 36] if n >= 36 else _DIGITS[n] for n in range(1296)]


def _base36(number: int) -> str:
    if number < 1296:
        return _BASE36[number]
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
    return out


def encode_postings(positions: list[int], total: int) -> str:
    """Entry positions, ascending: gaps in base 36 ("3,1,a") or a "~" + base-64 bitmap."""
    bitmap_chars = 1 + (4 * ((total + 7) // 8) + 2) // 3
    # Each gap takes at least a digit and a comma: past that length a bitmap is shorter.
    if 2 * len(positions) - 1 < bitmap_chars:
        gaps = ",".join(_base36(b - a) for a, b in zip([0, *positions], positions, strict=False))
        if len(gaps) <= bitmap_chars:
            return gaps
    bits = bytearray((total + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return "~" + base64.b64encode(bytes(bits)).decode("ascii").rstrip("=")


def build_index(app: Sphinx) -> dict[str, Any]:
    """The index: entries as rows of table indices, and each field's words."""
    builder = app.builder
    registry = crawl_domain(app.env).content_types
    labels: dict[str, int] = {}

    def label(text: str) -> int:
        return labels.setdefault(text, len(labels)) if text else -1

    pages: dict[str, int] = {}
    roles: dict[str, str] = {}  # kind label index -> the type's search role
    rows: list[list[Any]] = []
    postings: dict[str, dict[str, list[int]]] = {key: {} for key, _, _ in FIELDS}
    entries = crawl_domain(app.env).searchable()
    address = entry_addresses(builder)
    stop, intent = search_vocabulary(app.config.language)
    for position, entry in enumerate(entries):
        content_type = registry.get(entry["type"])
        page, _hash, anchor = address(entry).partition("#")
        kind = label(str(content_type.label) if content_type else entry["type"])
        if content_type and content_type.search_role:
            roles[str(kind)] = content_type.search_role
        rows.append(
            [
                entry["title"],
                pages.setdefault(page, len(pages)),
                anchor,
                kind,
                label(badge(content_type, entry["fields"])),
                label(entry["age"]["label"] if entry["age"] else ""),
                *_age_span(entry),
            ]
        )
        for key, name, skip_stop in FIELDS:
            for word in _field_words(entry, name, stop if skip_stop else None):
                postings[key].setdefault(word, []).append(position)
    index = {
        "version": 2,
        "entries": rows,
        "pages": list(pages),
        "labels": list(labels),
        "words": {
            key: {word: encode_postings(found, len(rows)) for word, found in sorted(by.items())}
            for key, by in postings.items()
        },
        "roles": roles,
        "stop": sorted(stop),
        "intent": intent,
        "synonyms": crawl_config(app.config).search_synonyms,
        "out_of_scope": fill_all(crawl_config(app.config).out_of_scope, app.config),
        "emergency": emergency_search_data(app),
        "concern": _concern(app, entries),
        "more": str(_("Where to find out more")),
        "heading": str(_("Entries in the handbook")),
        "none": str(_("No entry matches all of these words.")),
        # Said instead of Sphinx's "did not match any documents" when entries matched.
        "no_pages": str(_("No other page matches all of these words.")),
        "excerpt_chars": EXCERPT_CHARS,
        # Said instead of Sphinx's "did not match any documents ... enough categories".
        "no_match": str(_("No page matches all of these words. Try fewer words, or other words.")),
        # Sphinx's own count of the pages found, in the project's language (Sphinx's
        # Spanish catalog has it empty, which its script shows as no text at all).
        "pages_found": [
            str(_("Found one page with these words.")),
            str(_("Found {count} pages with these words.")),
        ],
        "box": search_box_texts(),
    }
    return index


def _age_span(entry: EntryData) -> list[float | None]:
    """From what age an entry concerns a baby (a deadline a month early, as the age
    filter shows it), and until when: a query that names an age ("9 months") ranks an
    entry for an older baby lower."""
    age = entry["age"]
    if age is None:
        return [None, None]
    start = age["min_months"]
    if age.get("kind") == "by":
        start = max(0, start - DEADLINE_LEAD_MONTHS)
    return [start, age["max_months"]]


def _concern(app: Sphinx, entries: list[EntryData]) -> dict[str, Any]:
    """The entry a worry the handbook does not cover is sent to (its row), and the note."""
    concern = crawl_config(app.config).concern
    if not concern.entry:
        return {}
    row = next((n for n, entry in enumerate(entries) if entry["id"] == concern.entry), None)
    if row is None:
        warn(
            f"crawl_search_concern: no entry has the id {concern.entry!r}; the search "
            "cannot show it to a worried parent",
            config_location(app, "crawl_search_concern"),
            "config",
        )
        return {}
    return {"row": row, "text": concern.text or emergency_texts(app.config)["concern"]}


def _json_string(payload: Any) -> str:
    """``JSON.parse('...')``: browsers parse a large JSON string faster than the same
    data written as a JavaScript literal."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # In a single-quoted JavaScript string: backslashes, quotes, line ends, and "</"
    # (a script element must not see its own end tag) are escaped.
    quoted = (
        text.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("</", "<\\/")
    )
    return f"JSON.parse('{quoted}')"


def _script(assignment: str, payload: Any) -> str:
    """``<assignment> = JSON.parse('...');``"""
    return f"{assignment} = {_json_string(payload)};\n"


def _call(opening: str, payload: Any) -> str:
    """``<opening>, JSON.parse('...'));``: a part handing its data to the search."""
    return f"{opening}, {_json_string(payload)});\n"


#: This build's index, split: worked out when the search page is written (it asks for
#: the parts a query needs at once: render/search_preload.py), written when it ends.
_SPLIT: WeakKeyDictionary[Sphinx, tuple[dict[str, Any], dict[str, Any]]] = WeakKeyDictionary()


def _new_build(app: Sphinx, env: Any, *changes: object) -> list[str]:
    """``env-get-outdated``, as each build starts: no index kept from an earlier one."""
    _SPLIT.pop(app, None)
    return []


def split_search_index(app: Sphinx) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what goes up front, {part name: data}), once per build."""
    if app not in _SPLIT:
        split = crawl_config(app.config).search_split_bytes
        _SPLIT[app] = split_index(build_index(app), split)
    return _SPLIT[app]


def _upfront_for_search_page(app: Sphinx) -> dict[str, Any] | None:
    """The up-front table this build's search page goes with: the one written last when
    nothing was read (see incremental.outputs_current), else this build's."""
    if outputs_current(app):
        return written_upfront(Path(app.outdir) / SEARCH_INDEX_FILE)
    return split_search_index(app)[0]


def write_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the index (split into parts when large: see search_shards),
    built every time and written only where its bytes change (an index a stopped build
    left short is rewritten)."""
    outdir = html_output_dir(app, exception)
    if outdir is None or outputs_current(app):
        return  # not HTML, or as the last finished build left it (nothing was read)
    upfront, parts = split_search_index(app)
    _SPLIT.pop(app, None)
    write_parts(outdir, parts, _call)
    # Last, so a page never loads an index whose parts are not there yet.
    write_if_changed(outdir / SEARCH_INDEX_FILE, _script("window.crawlSearchIndex", upfront))


#: The entry search's script: copied into ``_static`` and loaded by the search page only.
SEARCH_SCRIPT = "crawl-search.js"
#: Scripts of the extension the search page has no use for: the companion's (the baby
#: panel, the tracker, checklists), its words and rules, and the ages they compute
#: with: 5 requests and 11 KiB gzipped fewer on the search page (issue 27).
NOT_ON_SEARCH_PAGE = frozenset({AGES_SCRIPT, *COMPANION_SCRIPTS, RULES_FILE, TEXT_FILE})
_STATIC = Path(__file__).resolve().parents[1] / "static"


def copy_search_script(app: Sphinx) -> None:
    """``builder-inited``: the search script into ``_static`` (only when changed)."""
    if app.builder.format == "html":
        data = shipped_bytes(_STATIC / SEARCH_SCRIPT)
        write_bytes_if_changed(Path(app.builder.outdir) / "_static" / SEARCH_SCRIPT, data)


def load_index_on_search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the search page, and no other, gets the search script
    (``script_files`` of this page alone: every theme prints them), and asks for the
    index in its ``<head>`` so it downloads beside Sphinx's own (a theme that prints no
    ``metatags`` still works: the script then loads the index itself)."""
    if is_search_page(templatename, context) and is_html_page(app, context):
        # Before the other deferred scripts (priority 500), which the search does not
        # need: they run in document order, and a reader's first results wait for
        # every one before them (18 to 28 ms of crawl.js and the tracker's at 1,500).
        app.add_js_file(SEARCH_SCRIPT, loading_method="defer", priority=450)
        scripts = context.get("script_files")
        if isinstance(scripts, list):
            # In place: the list is the builder's for this page, where handlers after
            # this one add theirs (the emergency line's parts: render/top.py).
            scripts[:] = [
                script
                for script in scripts
                if Path(str(getattr(script, "filename", script))).name not in NOT_ON_SEARCH_PAGE
            ]
        index = context["pathto"](SEARCH_INDEX_FILE, 1)
        upfront = _upfront_for_search_page(app)
        preload = preload_script(upfront, words) if upfront else ""
        context["metatags"] = (
            context.get("metatags", "") + preload + f'\n<script defer src="{index}"></script>'
        )


def search_box_texts() -> dict[str, str]:
    return {"label": str(_("Search the handbook")), "button": str(_("Search"))}


def search_box_html(action: str, field_id: str) -> str:
    """A search form: the label in words above the field, a button to send it."""
    texts = {key: escape(value) for key, value in search_box_texts().items()}
    return (
        f'<form class="crawl-search-box" role="search" method="get" action="{escape(action)}">'
        f'<label for="{escape(field_id)}">{texts["label"]}</label>'
        f'<input id="{escape(field_id)}" name="q" type="search" value="" '
        'autocomplete="off" enterkeyhint="search" />'
        f'<button type="submit">{texts["button"]}</button></form>\n'
    )


def add_search_box(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a search box at the top of every page's content. The CSS
    shows it on narrow screens only, where themes fold their own box into a menu; the
    search page gets one at every width from crawl-search.js, filled with the query."""
    body = context.get("body")
    if doctree is None or not isinstance(body, str) or not is_html_page(app, context):
        return
    if not getattr(app.builder, "search", True):
        return  # html_search is off: there is no search page to send the query to
    if not crawl_config(app.config).search_box:
        return  # the theme keeps its own box in view
    field_id = free_id("crawl-search-q", lambda name: f'id="{name}"' not in body)
    context["body"] = search_box_html(context["pathto"]("search"), field_id) + body


def setup_search(app: Sphinx) -> None:
    app.connect("html-page-context", add_search_box)
    app.connect("build-finished", write_search_index)
    app.connect("env-get-outdated", _new_build)
    app.connect("html-page-context", load_index_on_search_page)
    app.connect("builder-inited", copy_search_script)
    setup_search_page(app)
