"""Sphinx configuration for the sphinx-crawl handbook.

Two editions: English (the default) and Spanish. ``nox -s docs`` builds both; the
Spanish one with ``CRAWL_LANGUAGE=es`` into ``docs/_build/html/es``.
"""

from __future__ import annotations

import os
import re
from typing import Any

project = "Crawling Backwards: a handbook for parents"
author = "The sphinx-crawl handbook team"
copyright = "2026, the sphinx-crawl handbook team"  # noqa: A001
language = os.environ.get("CRAWL_LANGUAGE", "en")
# Translations of the pages (sphinx-intl; ``nox -s translations`` refreshes them).
locale_dirs = ["locales/"]
gettext_compact = False
gettext_uuid = False
gettext_location = False

extensions = ["myst_parser", "sphinx_design", "sphinx_crawl", "sphinx.ext.autodoc"]

# The Python API reference (authoring/api.md): types named in signatures, not linked
# (the build has no network for the Python docs' inventory), so nitpicky mode does not
# ask for targets of standard-library and typing names.
autodoc_typehints = "description"
autodoc_class_signature = "separated"
autodoc_member_order = "bysource"
nitpick_ignore_regex = [(r"py:(class|obj|data)", r".*")]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "locales"]
if language != "en":
    # The authors' reference is English only; the pages for parents are translated.
    exclude_patterns.append("authoring/*")
    tags.add("translated")  # type: ignore[name-defined]  # noqa: F821 (Sphinx provides it)

crawl_editions = {
    "en": {"label": "English", "path": ""},
    "es": {"label": "Español", "path": "es/", "skip": ["authoring/*"]},
}
suppress_warnings: list[str] = []

html_theme = "furo"
# Furo's English-only accessible names, through the catalog (_templates/page.html).
templates_path = ["_templates"]
html_title = "Crawling Backwards"
if language == "es":
    project = "Gatear hacia atrás: un manual para madres y padres"
    html_title = "Gatear hacia atrás"
    copyright = "2026, el equipo del manual sphinx-crawl"  # noqa: A001
html_static_path = ["_static"]
# A favicon, so browsers do not ask every page for a /favicon.ico that is not there.
html_favicon = "_static/favicon.svg"
html_css_files = ["handbook.css"]
html_last_updated_fmt = ""
# Parents read the handbook, not its sources: no "view source" icon, no _sources copy.
html_show_sourcelink = False
html_copy_source = False

# Parents can keep the handbook on their phone: it works offline after one visit.
crawl_offline = True

# Every entry in the handbook must cite at least one of these sources.
crawl_require_source = True
# The authoring reference shows live examples; they are not part of the handbook's data.
crawl_demo_pages = ["authoring/*"]

# BEGIN crawl_sources (owned by the handbook content)
# The five articles the handbook restates, then the public health sources from
# shared/EVIDENCE.md. Each article is described only by what its own text names;
# where it names no author or site, the entry says so.
crawl_sources: dict[str, dict[str, str]] = {
    # The five articles
    "kc-lowdown": {
        "title": "The Lowdown On Crawling Backward",
        "author": "Dr. KC Rickerd, PT, DPT (pediatric physical therapist)",
    },
    "baby-only-crawls-backwards": {
        "title": "Baby Only Crawls Backwards—Is It Normal?",
        "publisher": "Parenting website (the article names no author or site)",
    },
    "pt-backward-first": {
        "title": "Why Do Babies Go Backward Before Crawling Forward?",
        "author": "A physical therapist (not named in the article)",
    },
    "parent-backwards-normal": {
        "title": "Is a Baby Crawling Backwards Normal?",
        "author": "A parent writing about baby crawling (not named in the article)",
    },
    "sweetparent-back-crawling": {
        "title": "8 Practical Tips to Support Your Back-Crawling Baby",
        "publisher": "sweetparent.com",
    },
    # Public health bodies and studies (see shared/EVIDENCE.md)
    "who-motor": {
        "title": (
            "WHO Motor Development Study: windows of achievement for six gross "
            "motor development milestones"
        ),
        "author": "WHO Multicentre Growth Reference Study Group",
        "publisher": "Acta Paediatrica Supplement 450 (2006), pages 86–95",
        "url": "https://pubmed.ncbi.nlm.nih.gov/16817682/",
    },
    "cdc-zubler-2022": {
        "title": "Evidence-Informed Milestones for Developmental Surveillance Tools",
        "author": "Zubler et al.",
        "publisher": (
            "Pediatrics 149(3), e2021052138 (2022): the revised CDC "
            "“Learn the Signs. Act Early.” checklists"
        ),
    },
    "cdc-act-early": {
        "title": "Why Act Early if You’re Concerned about Development?",
        "publisher": "CDC “Learn the Signs. Act Early.”",
        "url": "https://www.cdc.gov/ncbddd/actearly/whyactearly.html",
    },
    "kretch-2022": {
        "title": "“Learn the Signs. Act Early.”: Updates and Implications for Physical Therapists",
        "author": "Kretch et al.",
        "publisher": "Pediatric Physical Therapy (2022)",
        "url": "https://doi.org/10.1097/PEP.0000000000000937",
    },
    "aap-movement-8-12": {
        "title": "Movement: 8 to 12 Months",
        "publisher": "American Academy of Pediatrics (HealthyChildren.org)",
    },
    "aap-corrected-age": {
        "title": "Corrected age for babies born early (patient education)",
        "publisher": "American Academy of Pediatrics",
    },
    "pathways-corrected-age": {
        "title": "Adjusting milestones for babies born before 37 weeks",
        "publisher": "Pathways.org",
    },
    "nhs-corrected-age": {
        "title": "Developmental age of babies born early",
        "publisher": "NHS",
    },
    # Safety notes on tip cards (shared/EVIDENCE.md, "Safety around tummy time and floor play")
    "aap-back-to-sleep": {
        "title": "Back to Sleep, Tummy to Play",
        "publisher": "American Academy of Pediatrics (HealthyChildren.org)",
        "url": (
            "https://www.healthychildren.org/English/ages-stages/baby/sleep/Pages/"
            "Back-to-Sleep-Tummy-to-Play.aspx"
        ),
    },
    "aap-safe-sleep-2022": {
        "title": (
            "Sleep-Related Infant Deaths: Updated 2022 Recommendations for Reducing "
            "Infant Deaths in the Sleep Environment"
        ),
        "author": "Moon, Carlin and Hand, AAP Task Force on Sudden Infant Death Syndrome",
        "publisher": "Pediatrics 150(1), e2022057990 (2022)",
        "url": "https://publications.aap.org/pediatrics/article/150/1/e2022057990/188304",
    },
    "cdc-milestones-4mo": {
        "title": "Important Milestones: Your Baby By Four Months",
        "publisher": "CDC “Learn the Signs. Act Early.”",
        "url": "https://www.cdc.gov/ncbddd/actearly/milestones/milestones-4mo.html",
    },
    # Emergencies (shared/EVIDENCE.md, "Emergencies"): the NHS advice is cited as two
    # NHS-based services relay it; EVIDENCE.md gives no addresses for these pages.
    "nhs-hackney-seek-help": {
        "title": "When and where to seek help",
        "publisher": (
            "Hackney and City community health-visiting service (NHS), relaying NHS guidance"
        ),
    },
    "nct-urgent-doctor": {
        "title": "When to urgently call a doctor about your baby",
        "publisher": "NCT, citing NHS guidance (2023)",
    },
    "hse-seriously-unwell": {
        "title": "Baby or child seriously unwell",
        "publisher": "HSE (Health Service Executive, Ireland)",
    },
    # Losing skills (shared/EVIDENCE.md, "Losing skills a baby already had").
    "rcn-regression": {
        "title": "Developmental regression",
        "publisher": "Raising Children Network (Australian government-funded parenting site)",
    },
    "chq-regression": {
        "title": "Developmental regression",
        "publisher": "Children’s Health Queensland (a referral guideline for health professionals)",
    },
}
# END crawl_sources
for _source in crawl_sources.values():
    _source["language"] = "en"  # every source is in English, whatever the edition

if language == "es":
    # What the handbook says about a source, in the edition's language (titles and
    # names stay as published).
    _SPANISH_DESCRIPTIONS = {
        ("kc-lowdown", "author"): "Dr. KC Rickerd, PT, DPT (fisioterapeuta pediátrico)",
        ("baby-only-crawls-backwards", "publisher"): (
            "Sitio web para familias (el artículo no nombra autor ni sitio)"
        ),
        ("pt-backward-first", "author"): "Un fisioterapeuta (el artículo no da su nombre)",
        ("parent-backwards-normal", "author"): (
            "Una madre o un padre que escribe sobre el gateo (el artículo no da su nombre)"
        ),
        ("who-motor", "publisher"): "Acta Paediatrica Supplement 450 (2006), páginas 86–95",
        ("cdc-zubler-2022", "publisher"): (
            "Pediatrics 149(3), e2021052138 (2022): las listas revisadas de los CDC "
            "«Learn the Signs. Act Early.»"
        ),
        ("nhs-hackney-seek-help", "publisher"): (
            "Servicio de visitas de salud de Hackney and City (NHS), que transmite las "
            "indicaciones del NHS"
        ),
        ("nct-urgent-doctor", "publisher"): "NCT, citando indicaciones del NHS (2023)",
        ("hse-seriously-unwell", "publisher"): (
            "HSE (Health Service Executive, el servicio de salud de Irlanda)"
        ),
        ("rcn-regression", "publisher"): (
            "Raising Children Network (sitio para familias financiado por el gobierno de "
            "Australia)"
        ),
        ("chq-regression", "publisher"): (
            "Children’s Health Queensland (una guía de derivación para profesionales de la "
            "salud)"
        ),
    }
    for (_key, _field), _text in _SPANISH_DESCRIPTIONS.items():
        crawl_sources[_key][_field] = _text

# Topics parents search for that this handbook does not cover: the search says so
# first, shows the worried-parent card first, and says where to turn (the advice is
# CDC "Learn the Signs. Act Early.", see shared/EVIDENCE.md, "Acting on a concern").
_CONCERN = (
    "If something about your baby's development worries you, don't wait: tell "
    "{crawl:contact}`doctor` and ask for a developmental screening. You can also "
    "contact {crawl:contact}`development` yourself."
)
_ACT_EARLY = "https://www.cdc.gov/ncbddd/actearly/whyactearly.html"
_NOT_COVERED = {
    # topic: (what the handbook does not cover, other words parents type for it)
    "autism": ("autism", ["autistic", "asd", "spectrum", "eye contact", "no eye contact"]),
    # Words of talking in phrases that say it of the baby (s50: "who should i talk to",
    # "my doctor is saying he is fine", "what words should i use" got the speech note and
    # the worried parent's card before the answer; talking to a baby is a tip here).
    "speech": (
        "speech or talking",
        ["not talking", "isnt talking", "isnt speaking", '"not talk"', '"doesnt talk"', '"cant talk"', "talking yet", '"talk yet"',
         "start talking", "started talking", "stopped talking", "learn to talk",
         "late talker", "first words", '"no words"', '"any words"', '"many words"', '"words yet"',
         '"say words"', "saying words", "not saying", "babble", "babbling", "not speaking",
         "speak yet", "language delay", "language development",
         # s51: "baby not copying sounds" got the worried parent's card alone.
         '"copying sounds"', '"copy sounds"', '"imitate sounds"', '"imitating sounds"'],
    ),
    # s50: "baby doesnt respond to his name" (the name's owner said) got no note.
    "hearing": (
        "hearing",
        ["deaf", '"cant hear"', '"doesnt hear"', '"not hear"', '"hear me"', '"hear us"',
         "hear sounds", "hearing test", "ears", "doesnt respond to name",
         "respond to his name", "respond to her name", "respond to their name"],
    ),
    # (Not "eye" alone: "keep an eye on him", "eye contact" is autism's.)
    "sight": (
        "eyesight",
        ["vision", "squint", "cross eyed", "crossed eyes", "eyes cross", "lazy eye",
         "eye problem", "eyes wander", "eye turns", '"cant see"', '"see well"',
         # s54: "baby's eyes don't follow toys" listed a tip on toys first.
         '"dont follow"', '"doesnt follow"', '"not following"', '"eyes follow"'],
    ),
    # (Not "sitting" alone: a topic's words name it as typed, s48, and "goes from sitting
    # to crawling" is the handbook's.)
    # (Nor "sit" alone, s50: "she sits and then crawls backwards".)
    "sitting up": (
        "sitting up",
        ["sit up", "not sitting", "cant sit", "wont sit", '"doesnt sit"', '"not sit"',
         "sit alone", "sitting alone", "sit unsupported", "sit unaided", '"sit yet"',
         "sitting yet", "sit without support", "when should baby sit"],
    ),
    "walkers": (
        "baby walkers, bouncers or jumpers",
        # (A jumper alone is a sweater in the UK: the handbook's clothing tips.)
        ["walker", "bouncer", '"baby jumper"', '"door jumper"', "jumperoo", "bouncers",
         "jumperoos"],
    ),
    "sleep": (
        "sleep",
        ["sleeping", "sleeps", "slept", "naps", "nap", "napping", "night waking", "sids",
         "cot death", "crib death", "safe sleep", "sudden infant death", "asleep",
         # A change in sleep, not a skill lost (s51: "baby sleep regression 8 months"
         # listed "Your baby loses a skill they already had" first).
         "sleep regression", "sleep regressions"],
    ),
    # Weight gained or lost, not "weight" alone: a baby who bears weight on the legs is
    # the handbook's (s48: "he bears weight on legs" got the note and the worried
    # parent's card first).
    "feeding": (
        "feeding or weight",
        ["eating", "feeding", "eat", "eats", "feed", "feeds", "growth", "growing", "solids",
         # s51: "how much milk should a 9 month old drink" got the worried parent's card
         # alone. (Not "milk" alone: "spilled milk on the floor" is the floor's.)
         "breastfeeding", "breast feeding", "bottle feeding", "formula", '"how much milk"',
         "weaning", "solid food", "solid foods",
         "gain weight", "gaining weight", "weight gain", "losing weight", "lost weight",
         "weight loss", "underweight", "overweight", "weigh", "weighs"],
    ),
    "teeth": ("teeth or teething", ["teething", "tooth", "teethe", "teethes"]),
    "head shape": ("head shape", ["flat head", "flat spot", "plagiocephaly"]),
    "arching": ("a baby arching the back", ["arches back", "arching", "arches"]),
    "head control": (
        "holding the head up",
        ["hold head up", "head steady", "head lag", "wobbly head", "neck control", "weak neck"],
    ),
    # s50: "does crawling backwards mean brain damage" got crawling answers, no note.
    "cerebral palsy": (
        "cerebral palsy or other conditions",
        ["palsy", "cerebral", "cp", "brain damage", "brain damaged", "brain injury",
         # s53: "my baby has down syndrome and crawls backwards" listed a tip first, and
         # in Spanish "crawling backwards is normal": no note that it needs its own team.
         "down syndrome", "downs syndrome", "trisomy", "spina bifida",
         # s54: "baby had heart surgery tummy time" listed a tip first, no note.
         "heart surgery", "heart condition", "heart defect", '"hole in the heart"',
         "heart murmur", "cardiac"],
    ),
    # s54: a tip first and no note, where crawling words came with a health worry:
    # "reflux baby hates tummy time", "baby keeps pulling at his ear and crawls
    # backwards", "baby has eczema, knees cracked from crawling", vaccines.
    "reflux": (
        "reflux or spitting up",
        ["reflux", "gerd", "gord", '"spit up"', '"spits up"', '"spitting up"', "posseting",
         "possets"],
    ),
    "ears": (
        "ear infections or earache",
        ["ear", "ear infection", "ear infections", "earache", "ear ache", "otitis"],
    ),
    "skin": (
        "skin problems such as eczema",
        ["eczema", "dermatitis", "cradle cap", '"dry skin"'],
    ),
    "vaccines": (
        "vaccines",
        ["vaccine", "vaccines", "vaccination", "vaccinations", "immunisation",
         "immunisations", "immunization", "immunizations", "jabs"],
    ),
    # s54: "colic and tummy time" listed a tip first; a tongue tie as well.
    "colic": ("colic", ["colic", "colicky"]),
    "tongue tie": ("a tongue tie", ["tongue tie", "tongue tied", "tongue-tie"]),
    # A hostile reader's round (s41): before, a tip came first ("hip clicks": "Be
    # patient"; "walks on tiptoes": a tip on furniture; "twisted neck": tummy time).
    "hip dysplasia": (
        "clicking hips or hip dysplasia",
        ["hip click", "clicky hip", "ddh", "thigh crease", "leg shorter", "different length"],
    ),
    "tiptoes": ("walking on tiptoes", ["tiptoe", "tip toes", "toe walking", "toe walker"]),
    # s53: "baby always turns head one way" got a tip on lying on the back, no note.
    "torticollis": (
        "a tilted head or twisted neck",
        ["twisted neck", "wry neck", "head tilt", "tilts head", "tilted head",
         '"turns head one way"', '"turns his head one way"', '"turns her head one way"',
         '"head to one side"', '"head one way"', '"head turned one way"',
         '"head always turned"'],
    ),
    # s53: "baby flat feet", "baby feet turn in" got tips on floors, no note.
    "feet or legs": (
        "the shape of the feet or legs",
        ['"flat feet"', '"flat foot"', '"feet turn in"', '"feet turn out"', "in toeing",
         "intoeing", "pigeon toed", "pigeon toes", "bow legs", "bow legged", "bowlegged",
         "bandy legs", '"knock knees"', '"knock kneed"', "club foot", "clubfoot",
         # s54: "baby wears boots and bar, can he crawl" (a clubfoot brace).
         '"boots and bar"', '"boots and bars"', "ponseti"],
    ),
    # s49: "backwards crawling adhd" got answers about crawling backwards, no note; no
    # source links crawling to attention or learning.
    "learning difficulties": (
        "ADHD, dyslexia or learning difficulties",
        ["adhd", "attention deficit", "hyperactive", "hyperactivity", "dyslexia", "dyslexic",
         "dyspraxia", "learning difficulties", "learning disability", "learning problems"],
    ),
}
# A parent's own low mood (s41: "postpartum depression" got the worried-parent card,
# then "Your baby loses a skill", "depression" read as a typo of "regression"): the
# search says it does not cover this, and sends the parent to their own doctor, not to
# the baby's development.
_PARENT_HEALTH = (
    "postnatal depression",
    # s48: "i cant cope with the crying" got only the note on a baby's development.
    # And a parent afraid of what they might do ("i lose my temper with my baby" got the
    # lost skill first; "i feel like i might hurt my baby" the illness notice alone).
    ["postpartum", "postnatal", "depression", "depressed", "ppd", "cant cope", "not coping",
     "overwhelmed", '"might hurt"', '"will hurt my baby"', '"want to hurt"',
     '"want to shake"', '"lose my temper"', '"losing my temper"', '"lost my temper"',
     # s49: "am i a bad mom" got the worried-parent card alone.
     '"bad mom"', '"bad mum"', '"bad mother"', '"bad parent"', '"bad dad"', '"bad father"',
     # s52: "i feel like shaking my baby" got the illness notice alone.
     '"feel like shaking"', '"feel like hurting"', '"afraid i will hurt"',
     '"afraid i might hurt"', '"scared i might hurt"', '"might shake"'],
    "This handbook is about how babies move, and it does not cover a parent's own "
    "health, such as low mood, depression after a birth or feeling you cannot cope. "
    "Please tell your own doctor how you feel.",
)
# Topics about a baby's health, not development (s48: "baby sleeping on tummy" and
# "baby not gaining weight" were told to ask for a developmental screening): the note
# sends the worry to the doctor now. Sleep keeps its one safety rule, which the
# handbook's tip cards carry and cite (AAP "Back to Sleep, Tummy to Play"; shared/
# EVIDENCE.md, "Safety around tummy time and floor play"): before, a parent asking about
# a baby asleep on the tummy was told only that the handbook does not cover sleep.
_ASK_DOCTOR = (
    "If this worries you, contact {crawl:contact}`doctor` now: you don't need to wait "
    "for a check-up."
)
_SAFE_SLEEP = (
    "One safety rule it does give (American Academy of Pediatrics): healthy babies are "
    "safest asleep on their backs, for naps and at night, in their own sleep space with "
    "no pillows, loose blankets or soft toys. If your baby falls asleep during tummy "
    "time or floor play, move them onto their back in their own sleep space."
)


def _out_of_scope(
    not_covered: dict[str, tuple[str, list[str]]],
    says: str,
    where_to_turn: tuple[str, str],
    health: set[str],
    rules: dict[str, str],
    parent_health: tuple[str, list[str], str],
) -> dict[str, dict[str, Any]]:
    """crawl_search_out_of_scope for one edition: each topic's note, which ``says`` the
    handbook does not cover it and where to turn (a development topic: a developmental
    screening, CDC "Act Early"; a ``health`` topic: the doctor, after the safety rule
    ``rules`` give it, with the AAP page it comes from), and the parent's own health."""
    concern, ask_doctor = where_to_turn
    topics: dict[str, dict[str, Any]] = {}
    for topic, (what, others) in not_covered.items():
        # (Spanish contracts "de el" to "del": "no habla del sueño".)
        text = says.format(what=what).replace(" de el ", " del ")
        if topic not in health:
            topics[topic] = {"text": f"{text} {concern}", "url": _ACT_EARLY, "words": others}
        elif topic in rules:
            topics[topic] = {
                "text": f"{text} {rules[topic]} {ask_doctor}",
                "url": crawl_sources["aap-back-to-sleep"]["url"],
                "words": others,
            }
        else:
            topics[topic] = {"text": f"{text} {ask_doctor}", "words": others}
    topics[parent_health[0]] = {"text": parent_health[2], "words": parent_health[1]}
    return topics


crawl_search_out_of_scope = _out_of_scope(
    _NOT_COVERED,
    "This handbook is about how babies move, and it does not cover {what}.",
    (_CONCERN, _ASK_DOCTOR),
    {"sleep", "feeding", "teeth", "head shape", "walkers", "reflux", "ears", "skin", "vaccines",
     "colic", "tongue tie"},
    {"sleep": _SAFE_SLEEP},
    _PARENT_HEALTH,
)
# A worry the handbook does not cover, or a search that matches nothing well, is sent
# to this card first ("Acting on a concern", shared/EVIDENCE.md).
crawl_search_concern = {"entry": "parent-worry"}
# The search index in one file (the default splits above 100,000 bytes of JSON): this
# handbook's is about 95,000 bytes in each edition, most of them the notices' words, and
# a first search downloads it once (s54: the Spanish edition's crossed the default).
crawl_search_split_bytes = 200_000

# Whom to call, by place (shared/EVIDENCE.md: 911 in the USA, 999 in the UK, 112 in the
# EU; a GP in the UK, NHS care cards; health visitors, an NHS health-visiting service;
# the USA's early intervention programs, CDC "Act Early"). Pages name them with the
# crawl:contact role; `nox -s places` builds the handbook for each place
# (-D crawl_place=uk); with no place selected the handbook gives every emergency number
# and the "any" words.
crawl_contacts: dict[str, dict[str, str]] = {
    "usa": {
        "label": "USA",
        "emergency": "911",
        "doctor": "your pediatrician",
        # CDC "Learn the Signs. Act Early." (shared/EVIDENCE.md, "Acting on a concern").
        "development": (
            "your local early intervention program (for babies and toddlers up to age 3, "
            "free or low-cost for those who qualify, no referral needed)"
        ),
    },
    "uk": {
        "label": "UK",
        "emergency": "999",
        "doctor": "your GP",
        "development": "your health visitor",
    },
    "eu": {"label": "EU", "emergency": "112"},
    "any": {"doctor": "your pediatrician or health visitor"},
}
# Emergencies come first: the numbers on every page (from crawl_contacts), and a search
# naming an emergency sign is told to call now.
crawl_emergency = {
    "page": "emergency",
    # The words of an emergency ("not breathing", in English and Spanish), of an illness
    # or injury the handbook does not cover ("fever", "swallowed"), and the NHS's rule for
    # a baby under 8 weeks old whose parent is very worried are the extension's own
    # (sphinx_crawl/core/emergency_words.py, from shared/EVIDENCE.md, "Emergencies").
}

# How tags read in the indices (crawl-tips.html groups tips by tag).
_TAGS = {
    # tag: (English, Spanish)
    "army-crawl": ("Belly crawling", "Arrastrarse sobre la barriga"),
    "backwards": ("Going backwards", "Hacia atrás"),
    "behaviour": ("Behaviour", "Comportamiento"),
    "bottom-shuffle": ("Bottom shuffling", "Desplazarse sentado"),
    "clothing": ("Clothing", "Ropa"),
    "crawling": ("Crawling", "Gateo"),
    "cruising": ("Cruising along furniture", "Caminar agarrado a los muebles"),
    "development": ("Development", "Desarrollo"),
    "forwards": ("Going forwards", "Hacia delante"),
    "general": ("General", "General"),
    "hands-and-knees": ("Hands and knees", "Manos y rodillas"),
    "hands-on": ("Hands-on help", "Ayuda con las manos"),
    "milestones": ("Milestones", "Hitos"),
    "motivation": ("Motivation", "Motivación"),
    "moving": ("Moving about", "Moverse"),
    "muscle-tone": ("Muscle tone", "Tono muscular"),
    "play": ("Play", "Juego"),
    "safety": ("Safety", "Seguridad"),
    "scooting": ("Scooting", "Desplazarse"),
    "standing": ("Standing", "Ponerse de pie"),
    "strength": ("Strength", "Fuerza"),
    "surfaces": ("Floors and surfaces", "Suelos y superficies"),
    "symmetry": ("Both sides of the body", "Los dos lados del cuerpo"),
    "tummy-time": ("Tummy time", "Tiempo boca abajo"),
    "walking": ("Walking", "Caminar"),
}
crawl_tag_labels = {
    tag: spanish if language == "es" else english for tag, (english, spanish) in _TAGS.items()
}

# Words parents type -> words the handbook uses, for the entry search on the
# search page (crawl.js). Keys are single words; values may be phrases.
crawl_search_synonyms: dict[str, list[str]] = {
    # One side weaker, as parents say it (s54: "seems weaker on his left side" listed a
    # tip and "Usually, yes" before the sign; a keyword "weaker" made "weather" and
    # "shaker" its typos).
    "weaker": ["one side"],
    # Bottoms and scooting
    "bum": ["bottom"],
    "butt": ["bottom"],
    "backside": ["bottom"],
    "scoot": ["scooting", "shuffle"],
    "shuffle": ["scooting"],
    # A skill lost ("he's forgotten how to crawl")
    "forgotten": ["lost"],
    "forgot": ["lost"],
    "forgets": ["lost"],
    # Going backwards
    "reverse": ["backwards"],
    "backing": ["backwards"],
    # Floors and clothes
    "wooden": ["hardwood", "laminate"],
    "wood": ["hardwood", "laminate"],
    "tiles": ["hard floor", "hardwood", "laminate"],
    "tiled": ["hard floor", "hardwood", "laminate"],
    "slippy": ["slippery"],
    "slidey": ["slippery", "sliding"],
    "pyjamas": ["pajamas", "sleepsuit"],
    "pjs": ["pajamas", "sleepsuit"],
    "onesie": ["sleepsuit", "pajamas"],
    "babygro": ["sleepsuit"],
    "babygrow": ["sleepsuit"],
    "romper": ["sleepsuit"],
    "shoes": ["bare feet", "socks"],
    # s53: "what should baby wear to crawl" listed "Is crawling backwards normal?" first.
    "wear": ["clothing", "clothes", "socks"],
    "barefoot": ["bare feet"],
    # Muscles and strength
    "stiff": ["tight", "rigid"],
    "stiffness": ["stiff", "tight", "rigid"],
    "tight": ["stiff"],
    "tense": ["stiff", "tight"],
    "limp": ["floppy", "loose"],
    "weak": ["strength", "floppy"],
    "wobbly": ["balance", "floppy"],
    # One side
    "lopsided": ["one side"],
    "favors": ["favours"],
    # Born early
    "premature": ["born early", "corrected age"],
    "prem": ["born early", "corrected age"],
    "preemie": ["born early", "corrected age"],
    "preterm": ["born early", "corrected age"],
    "adjusted": ["corrected"],
    # Tummy time
    "belly": ["tummy"],
    "stomach": ["tummy"],
    "cries": ["hates"],
    "screams": ["hates"],
    "fussy": ["hates"],
    # Worries and who to ask
    "concerned": ["worried"],
    "concern": ["worried"],
    "doctor": ["pediatrician"],
    "gp": ["pediatrician"],
    "paediatrician": ["pediatrician"],
    "physio": ["physical therapist"],
    "physiotherapist": ["physical therapist"],
}


if language == "es":
    # The Spanish edition: what the search says for topics it does not cover, the
    # emergency words and numbers, and the words Spanish-speaking parents type (same
    # sources as above).
    _CONCERN_ES = (
        "Si algo del desarrollo de su bebé le preocupa, no espere: dígaselo a "
        "{crawl:contact}`doctor` y pida una evaluación del desarrollo. También puede "
        "comunicarse usted mismo con {crawl:contact}`development`."
    )
    _NOT_COVERED_ES = {
        "autismo": ("el autismo", ["autista", "tea", "espectro", "no mira a los ojos"]),
        # El nombre de cada tema y sus palabras, en frases que lo dicen del bebé (s50: "el
        # médico dice que está bien", "debo hablar con el pediatra", "qué palabras uso"
        # daban la nota del habla).
        "retraso del habla": (
            "el habla ni el lenguaje",
            ['"no habla"', "habla todavía", "empezar a hablar", "empieza a hablar",
             "aprender a hablar", "dejó de hablar", "primeras palabras", "no dice palabras",
             '"dice palabras"', '"no dice nada"', "ninguna palabra", "cuántas palabras",
             "balbucea", "balbuceo", "retraso del lenguaje", "desarrollo del lenguaje",
             # s51: "mi bebé no imita sonidos" listed a tip on slippery floors first.
             '"imita sonidos"', '"imitar sonidos"'],
        ),
        "problemas de oído": (
            "la audición",
            ['"no oye"', '"oye bien"', '"no escucha"', "sordo", "sorda", "audición", "oídos",
             "responde a su nombre", "reacciona a su nombre",
             # s54: "no gira la cabeza a los sonidos" listed a tip first.
             '"a los sonidos"', '"los ruidos"'],
        ),
        # (No "ojo" solo: "no le quito el ojo de encima".)
        "problemas de vista": (
            "la vista",
            ["bizco", "bizquea", "estrabismo", "ojo vago", "ojos cruzados", "ojos desviados",
             "desvía un ojo", "desvía los ojos", '"no ve bien"', '"ve bien"',
             '"no sigue"', '"sigue los juguetes"', '"sigue con la mirada"'],
        ),
        # (No "se sienta" solo, s50: "se sienta y luego gatea hacia atrás".)
        "sentarse solo": (
            "cómo se sienta",
            ["no se sienta", "se sienta solo", "se sienta sola", "sentarse solo",
             "sentarse sola", '"sentado solo"', '"sentada sola"', "sentarse sin apoyo"],
        ),
        "andador": ("los andadores ni los saltadores", ["andadera", "saltador"]),
        "sueño": (
            "el sueño",
            ["dormir", "duerme", "siesta", "despierta de noche", "sids", "smsl",
             "muerte súbita", "muerte subita", "sueño seguro", "se durmió", "se duerme",
             "dormido", "dormida", "duermen", "durmiendo", "siestas",
             "regresión del sueño", "regresion del sueno"],
        ),
        # El peso ganado o perdido, no "peso" solo: "no soporta su peso en las piernas"
        # (does not bear weight on the legs) es del manual.
        "comer": (
            "la alimentación ni el peso",
            ["come", "comiendo", "comida", "alimentar", "alimentación", "papilla",
             "sube de peso", "subir de peso", "gana peso", "ganar peso", "baja de peso",
             "bajo peso", "pierde peso", "perder peso", "pesa",
             # s49: "mi bebé perdió peso" got no note, and the lost skill first.
             "perdió peso", "ha perdido peso", "bajó de peso", "no gana peso",
             # s51: "cuándo empezar sólidos" listed when a baby crawls forwards first,
             # "cuánta leche debe tomar" a tip on patience.
             "sólidos", "solidos", '"cuánta leche"', '"cuanta leche"', "lactancia",
             "amamantar", "biberón", "biberon", "destete"],
        ),
        "dientes": ("los dientes", ["dentición", "diente", "muelas"]),
        "cabeza plana": ("la forma de la cabeza", ["plagiocefalia", "cabeza aplanada"]),
        "arquea": ("un bebé que arquea la espalda", ["arquea la espalda", "se arquea"]),
        "control de la cabeza": (
            "cómo sostiene la cabeza",
            ["sostener cabeza", "sostiene cabeza", "sujeta cabeza", "sujetar cabeza",
             "control cefálico", "cabeza floja", "cuello débil"],
        ),
        "parálisis cerebral": (
            "la parálisis cerebral ni otras enfermedades",
            ["parálisis", "cerebral", "pc", "síndrome de down", "sindrome de down",
             "trisomía", "trisomia", "espina bífida", "espina bifida",
             # s54, as in English.
             "operado del corazón", "operación de corazón", "cardiopatía", "soplo",
             "problema de corazón", "problemas de corazón"],
        ),
        "reflujo": (
            "el reflujo ni de las regurgitaciones",
            ["reflujo", "regurgita", "regurgitar", "regurgitación", "regurgitaciones",
             "bocanadas"],
        ),
        "oídos": (
            "las otitis ni del dolor de oído",
            ["otitis", "infección de oído", "dolor de oído", "oreja", "orejas"],
        ),
        "piel": (
            "los problemas de la piel, como el eccema",
            ["eccema", "eczema", "dermatitis", "costra láctea", '"piel seca"'],
        ),
        "vacunas": (
            "las vacunas",
            ["vacuna", "vacunas", "vacunación", "vacunar", "vacunaron"],
        ),
        "cólicos": ("los cólicos", ["cólico", "cólicos", "colico", "colicos"]),
        "frenillo": ("el frenillo corto", ["frenillo", "anquiloglosia"]),
        "displasia de cadera": (
            "las caderas que crujen ni de la displasia de cadera",
            ["displasia", "crujen caderas", "cruje cadera", "chasquido cadera", "pliegues",
             "pierna más corta"],
        ),
        "puntillas": ("caminar de puntillas", ["puntas de pie", "punta de pie"]),
        "pies o piernas": (
            "la forma de los pies ni de las piernas",
            ['"pies planos"', '"pie plano"', '"pies hacia dentro"', '"pies para dentro"',
             '"pies hacia adentro"', '"pies para adentro"', "piernas arqueadas",
             "piernas en arco", "piernas zambas", '"rodillas juntas"', "pie zambo",
             "pie equino"],
        ),
        "tortícolis": (
            "la cabeza ladeada ni del cuello torcido",
            ["cuello torcido", "cabeza ladeada", "ladea la cabeza", "inclina la cabeza",
             # s53: "siempre gira la cabeza a un lado" got a tip, no note.
             '"cabeza a un lado"', '"cabeza hacia un lado"', '"cabeza para un lado"',
         '"cabeza girada"', '"cabeza siempre girada"'],
        ),
        "dificultades de aprendizaje": (
            "el TDAH, la dislexia ni las dificultades de aprendizaje",
            ["tdah", "hiperactivo", "hiperactiva", "hiperactividad", "déficit de atención",
             "dislexia", "disléxico", "disléxica", "dispraxia", "dificultades de aprendizaje",
             "problemas de aprendizaje"],
        ),
    }
    _PARENT_HEALTH = (
        "depresión posparto",
        ["posparto", "postparto", "depresión", "deprimida", "deprimido", "depression",
         '"no puedo más"', '"no puedo mas"', "agobiada", "agobiado", '"pierdo la paciencia"',
         '"perder la paciencia"', '"perdí la paciencia"', '"ganas de sacudir"',
         '"ganas de pegar"',
         # s49: "soy mala madre" got a tip on bearing weight first.
         '"mala madre"', '"mal padre"', '"mala mamá"', '"mal papá"',
         # s52, as "i feel like shaking my baby".
         '"ganas de zarandear"', '"miedo de hacerle daño"', '"hacerle daño a mi bebé"'],
        "Este manual trata de cómo se mueven los bebés y no habla de la salud de los "
        "padres, como la tristeza, la depresión después del parto o sentir que ya no "
        "puede más. Cuéntele a su propio médico cómo se siente.",
    )
    _ASK_DOCTOR_ES = (
        "Si esto le preocupa, comuníquese ya con {crawl:contact}`doctor`: no necesita "
        "esperar a una revisión."
    )
    _SAFE_SLEEP_ES = (
        "Una regla de seguridad que sí da (Academia Americana de Pediatría): los bebés "
        "sanos duermen más seguros boca arriba, en la siesta y de noche, en su propio "
        "espacio para dormir, sin almohadas, mantas sueltas ni peluches. Si su bebé se "
        "duerme mientras está boca abajo o jugando en el suelo, póngalo boca arriba en su "
        "propio espacio para dormir."
    )
    crawl_search_out_of_scope = _out_of_scope(
        _NOT_COVERED_ES,
        "Este manual trata de cómo se mueven los bebés y no habla de {what}.",
        (_CONCERN_ES, _ASK_DOCTOR_ES),
        {"sueño", "comer", "dientes", "cabeza plana", "andador", "reflujo", "oídos", "piel",
         "vacunas", "cólicos", "frenillo"},
        {"sueño": _SAFE_SLEEP_ES},
        _PARENT_HEALTH,
    )
    crawl_contacts = {
        "usa": {
            "label": "EE. UU.",
            "emergency": "911",
            "doctor": "su pediatra",
            "development": (
                "el programa de intervención temprana de su zona (para bebés y niños de "
                "hasta 3 años, gratis o de bajo costo para quienes califican, sin "
                "necesidad de una remisión)"
            ),
        },
        "uk": {
            "label": "Reino Unido",
            "emergency": "999",
            "doctor": "su médico de cabecera (GP)",
            "development": "su enfermera de salud infantil (health visitor)",
        },
        "eu": {"label": "España y la UE", "emergency": "112"},
        "any": {"doctor": "su pediatra o su enfermera de salud infantil"},
    }
    crawl_search_synonyms = {
        # Going backwards
        "reversa": ["hacia atrás"],
        "retrocede": ["hacia atrás"],
        "atras": ["atrás"],
        "gatea": ["gatear", "gateo"],
        "gateando": ["gatear", "gateo"],
        "arrastra": ["arrastrarse", "reptar"],
        "arrastrando": ["arrastrarse", "reptar"],
        "pompis": ["trasero", "nalgas"],
        "colita": ["trasero", "nalgas"],
        "pompas": ["trasero", "nalgas"],
        # Floors and clothes
        "resbaladizo": ["resbala", "piso liso"],
        "resbaloso": ["resbaladizo", "resbala"],
        "suelo": ["piso"],
        "madera": ["piso de madera", "laminado"],
        "loseta": ["piso duro"],
        "azulejo": ["piso duro"],
        "pijama": ["pijama con pies", "mameluco"],
        "mameluco": ["pijama"],
        "calcetines": ["medias", "pies descalzos"],
        "medias": ["calcetines"],
        # s53: "zapatos para gatear" listed hands and knees first.
        "zapatos": ["pies descalzos", "calcetines"],
        # Spain's words for the same things
        "patina": ["resbala", "resbaladizo"],
        "patinar": ["resbala", "resbaladizo"],
        "tarima": ["piso de madera", "laminado"],
        "parqué": ["piso de madera", "laminado"],
        "parquet": ["piso de madera", "laminado"],
        "baldosa": ["piso duro"],
        "baldosas": ["piso duro"],
        "gres": ["piso duro"],
        "moqueta": ["alfombra"],
        "alfombrilla": ["tapete", "alfombra"],
        "esterilla": ["tapete"],
        "manta": ["tapete"],
        "pelele": ["pijama con pies", "pijama"],
        "body": ["pijama", "mameluco"],
        "calcetín": ["calcetines"],
        "calcetin": ["calcetines"],
        "descalzo": ["pies descalzos"],
        "descalza": ["pies descalzos"],
        "mallas": ["leggings"],
        "leggins": ["leggings"],
        "cojín": ["almohada de lactancia", "almohada"],
        "cojin": ["almohada de lactancia", "almohada"],
        "culete": ["trasero", "nalgas"],
        "culito": ["trasero", "nalgas"],
        "culo": ["trasero", "nalgas"],
        "tripa": ["panza", "boca abajo"],
        "tripita": ["panza", "boca abajo"],
        "tumbado": ["acostado"],
        "tumbada": ["acostado"],
        "repta": ["reptar", "arrastrarse"],
        "anda": ["camina", "caminar"],
        "andar": ["caminar"],
        # Muscles
        "rigidas": ["rígidas", "tensas", "duras"],
        "rígidas": ["tensas", "duras"],
        "tiesas": ["rígidas", "tensas"],
        "duras": ["rígidas", "tensas"],
        "flojo": ["flácido", "blando"],
        "fláccido": ["flácido", "blando"],
        "flacido": ["flácido", "blando"],
        "tieso": ["rígido", "tenso"],
        "aguado": ["flácido", "blando"],
        "debil": ["débil", "fuerza"],
        # Born early
        "prematuro": ["nació antes", "edad corregida"],
        "prematura": ["nació antes", "edad corregida"],
        "prematuros": ["nació antes", "edad corregida"],
        "sietemesino": ["nació antes", "edad corregida"],
        "sietemesina": ["nació antes", "edad corregida"],
        "ajustada": ["corregida"],
        # Tummy time
        "barriga": ["boca abajo", "panza"],
        "barriguita": ["boca abajo", "panza"],
        "pancita": ["boca abajo", "panza"],
        "llora": ["odia", "no le gusta"],
        # Who to ask
        "doctor": ["pediatra"],
        "médico": ["pediatra"],
        "medico": ["pediatra"],
        "fisio": ["fisioterapeuta", "terapeuta físico"],
        "terapeuta": ["fisioterapeuta", "terapeuta físico"],
        "preocupada": ["preocupa"],
        "preocupado": ["preocupa"],
        # Losing skills
        "retroceso": ["regresión", "perdió habilidades"],
        "regresion": ["regresión"],
        "olvidado": ["perdió habilidades", "ya no puede"],
        "olvidó": ["perdió habilidades", "ya no puede"],  # "se le olvidó gatear"
        "olvido": ["perdió habilidades", "ya no puede"],
        "olvida": ["perdió habilidades", "ya no puede"],
    }


_ENGLISH_ONLY = re.compile(r"^% begin english-only.*?^% end english-only$", re.M | re.S)


def _drop_english_only(app: Any, docname: str, source: list[str]) -> None:
    """The authors' reference is English only and not in the other editions, so they
    leave out what links to it (between "% begin/end english-only" lines); blank lines
    take its place, so line numbers in warnings still match the file."""
    if language != "en":
        source[0] = _ENGLISH_ONLY.sub(lambda m: "\n" * m.group().count("\n"), source[0])


def setup(app: Any) -> None:
    app.connect("source-read", _drop_english_only)
