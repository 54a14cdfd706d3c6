"""Synthetic handbooks: one corpus of entries, written four ways in MyST or reStructuredText.

The same words (title, body paragraphs, age, tags, source, and for red flags the
urgency and the call to action) go into every variant:

a  plain Sphinx: admonitions, list-tables, labels and ``ref`` links;
b  hand-written sphinx-design ``card`` directives (and a ``grid`` of cards for lists);
c  sphinx_crawl: ``tip-card``, ``red-flag``, ``milestone-table``/``milestone``, ``crawl-list``;
d  sphinx-needs: need types ``tipcard``, ``redflag``, ``milestone`` and ``needtable``.

Where (c) has a ``crawl-list`` page, (a) and (b) hold the same selection written out by
hand (as an author without the extension would keep it) and (d) has a ``needtable``
whose filter selects the same entries.

    python -m tests.bench.generate --variant c --format md --entries 1000 /tmp/handbook
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sphinx_crawl.core.ages import AgeRange

VARIANTS = ("a", "b", "c", "d")
VARIANT_LABELS = {
    "a": "plain Sphinx (admonitions, list-tables)",
    "b": "sphinx-design cards",
    "c": "sphinx_crawl",
    "d": "sphinx-needs",
}
FORMATS = ("md", "rst")
#: Variants written in each format (sphinx-needs is compared in MyST only).
FORMAT_VARIANTS = {"md": VARIANTS, "rst": ("a", "b", "c")}

SOURCES: dict[str, dict[str, str]] = {
    "kc-lowdown": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd"},
    "who-motor": {
        "title": "WHO Motor Development Study",
        "publisher": "World Health Organization",
    },
    "aap-movement": {
        "title": "Movement: 8 to 12 Months",
        "publisher": "American Academy of Pediatrics",
    },
    "nhs-corrected-age": {"title": "Developmental age of babies born early", "publisher": "NHS"},
}

AGES = (
    "4-6 months",
    "6-9 months",
    "6-12 months",
    "8-10 months",
    "9-12 months",
    "12 months",
    "10+ months",
    "by 12 months",
    "12-18 months",
)
TAGS = (
    "surfaces",
    "clothing",
    "floor time",
    "tummy time",
    "strength",
    "balance",
    "play",
    "safety",
    "vision",
    "sleep",
)
#: The words sphinx_crawl shows for each urgency (badge, default call to action); the
#: other variants write the same words by hand.
URGENCY = {
    "routine": (
        "Routine: mention it at the next check-up",
        "Mention it at your baby's next routine check-up.",
    ),
    "soon": (
        "Soon: book an appointment",
        "Book an appointment with your pediatrician or a pediatric physical therapist.",
    ),
    "urgent": (
        "Urgent: get help today",
        "Get help the same day: call your pediatrician or an urgent advice line.",
    ),
}
_WORD_TEXT = (
    "baby babies crawl crawling backwards forwards arms legs knees hands belly floor "
    "carpet rug wood tiles socks trousers grip slide push pull reach toy toys parent carer "
    "play mat tummy back side roll sit stand cruise furniture sofa step steps weeks months "
    "strong stronger muscles shoulders hips core balance look watch wait gently slowly "
    "often daily minutes short sessions calm safe space room corner low shelf basket ball "
    "blanket mirror song voice smile face eyes head neck turn lift press rock sway move "
    "moves moving try tries again every each both one other left right front behind under "
    "over between around through towards away from with without before after while during "
    "later early first next small big soft firm smooth rough warm cool bright quiet"
)
_WORDS = tuple(_WORD_TEXT.split())

# Type and how many of each a page of ten entries holds (3 milestones, 4 tips, 3 red flags).
_SLOTS: tuple[str, ...] = ("milestone", "tip", "red-flag", "milestone", "tip", "red-flag")
_SLOTS += ("milestone", "tip", "red-flag", "tip")
_PREFIX = {"milestone": "ms", "tip": "tip", "red-flag": "rf"}
TYPE_ORDER = ("milestone", "tip", "red-flag")  # sphinx_crawl's registration order


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    docname: str
    title: str
    paragraphs: tuple[str, ...]
    age: str
    tags: tuple[str, ...]
    source: str
    urgency: str = ""
    action: str = ""

    @property
    def badge(self) -> str:
        return URGENCY[self.urgency][0] if self.urgency else ""

    @property
    def age_range(self) -> AgeRange:
        return AgeRange.parse(self.age)


@dataclass(frozen=True)
class Page:
    docname: str
    title: str
    intro: str
    table_caption: str
    entries: tuple[Entry, ...]

    def of_type(self, type_name: str) -> list[Entry]:
        return [e for e in self.entries if e.type == type_name]


@dataclass(frozen=True)
class ListPage:
    """A page with one collection: ``crawl-list`` in (c), its hand-written equal elsewhere."""

    docname: str
    caption: str
    types: tuple[str, ...]
    layout: str
    tags: tuple[str, ...] = ()
    age: str = ""


LIST_PAGES = (
    ListPage(
        "list-red-flags",
        "Red flags for 6 to 9 months",
        ("red-flag",),
        "checklist",
        age="6-9 months",
    ),
    ListPage(
        "list-tips", "Tips about surfaces and clothing", ("tip",), "cards", ("surfaces", "clothing")
    ),
    ListPage(
        "list-milestones",
        "Milestones from 9 to 12 months",
        ("milestone",),
        "table",
        age="9-12 months",
    ),
)


@dataclass
class Corpus:
    pages: list[Page]
    lists: tuple[ListPage, ...] = LIST_PAGES
    _selections: dict[str, list[Entry]] = field(default_factory=dict)

    @property
    def entries(self) -> list[Entry]:
        return [entry for page in self.pages for entry in page.entries]

    def selection(self, spec: ListPage) -> list[Entry]:
        """The entries sphinx_crawl's ``crawl-list`` shows for ``spec`` (the order may differ)."""
        if spec.docname not in self._selections:
            window = AgeRange.parse(spec.age) if spec.age else None
            wanted = {tag.lower() for tag in spec.tags}
            chosen = [
                e
                for e in self.entries
                if e.type in spec.types
                and (not wanted or wanted & {t.lower() for t in e.tags})
                and (window is None or window.overlaps(e.age_range))
            ]
            chosen.sort(
                key=lambda e: (
                    TYPE_ORDER.index(e.type),
                    e.age_range.sort_key(),
                    e.title.lower(),
                    e.id,
                )
            )
            self._selections[spec.docname] = chosen
        return self._selections[spec.docname]

    def pages_showing(self, entry: Entry) -> list[str]:
        """The list pages whose collection includes ``entry``."""
        return [spec.docname for spec in self.lists if entry in self.selection(spec)]


def make_corpus(
    entries: int, per_page: int = 10, seed: int = 20261121, kind: str = "standard"
) -> Corpus:
    """``entries`` entries, ``per_page`` to a page; the same arguments give the same words.

    ``kind`` "fair" gives the fair corpus's list pages (every red flag; tips by a tag)."""
    rng = random.Random(seed)
    pages = []
    for number in range(1, max(1, math.ceil(entries / per_page)) + 1):
        docname = f"p{number:05d}"
        count = min(per_page, entries - (number - 1) * per_page)
        page_entries = []
        for slot in range(count):
            type_name = _SLOTS[slot % len(_SLOTS)]
            urgency = rng.choice(tuple(URGENCY)) if type_name == "red-flag" else ""
            page_entries.append(
                Entry(
                    id=f"{_PREFIX[type_name]}-{number:05d}-{slot + 1:02d}",
                    type=type_name,
                    docname=docname,
                    title=_sentence(rng, 4, 7, stop=""),
                    paragraphs=tuple(
                        " ".join(_sentence(rng, 6, 14) for _ in range(rng.randint(2, 3)))
                        for _ in range(rng.randint(1, 2))
                    ),
                    age=rng.choice(AGES),
                    tags=tuple(rng.sample(TAGS, rng.randint(1, 3))),
                    source=rng.choice(tuple(SOURCES)),
                    urgency=urgency,
                    action=URGENCY[urgency][1] if urgency else "",
                )
            )
        pages.append(
            Page(
                docname=docname,
                title=f"Page {number}: {_sentence(rng, 2, 4, stop='')}",
                intro=_sentence(rng, 10, 20),
                table_caption=f"Milestones: {_sentence(rng, 2, 4, stop='').lower()}",
                entries=tuple(page_entries),
            )
        )
    return Corpus(pages, FAIR_LISTS if kind == "fair" else LIST_PAGES)


def _sentence(rng: random.Random, low: int, high: int, stop: str = ".") -> str:
    words = rng.choices(_WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + stop


# -- markup helpers ----------------------------------------------------------------------


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in text.split("\n"))


class Markup:
    """The few constructs the writers need, in MyST or reStructuredText."""

    def __init__(self, fmt: str) -> None:
        assert fmt in FORMATS
        self.fmt = fmt

    def heading(self, text: str, level: int) -> str:
        if self.fmt == "md":
            return f"{'#' * level} {text}"
        return f"{text}\n{'=-~'[level - 1] * len(text)}"

    def directive(
        self,
        name: str,
        argument: str = "",
        options: Iterable[tuple[str, str]] = (),
        body: Sequence[str] = (),
        depth: int = 0,
    ) -> str:
        """A directive; ``depth`` is how many directives are nested inside (MyST fences)."""
        opts = [f":{key}: {value}" for key, value in options]
        content = "\n\n".join(body)
        if self.fmt == "md":
            fence = ":" * (3 + depth)
            head = "\n".join([f"{fence}{{{name}}} {argument}".rstrip(), *opts])
            return f"{head}\n\n{content}\n{fence}" if content else f"{head}\n{fence}"
        head = f".. {name}:: {argument}".rstrip()
        if opts:
            head += "\n" + _indent("\n".join(opts), "   ")
        return f"{head}\n\n{_indent(content, '   ')}" if content else head

    def label(self, name: str) -> str:
        return f"({name})=" if self.fmt == "md" else f".. _{name}:"

    def ref(self, title: str, label: str) -> str:
        return f"{{ref}}`{title} <{label}>`" if self.fmt == "md" else f":ref:`{title} <{label}>`"

    def toctree(self, docnames: Iterable[str]) -> str:
        return self.directive("toctree", options=[("maxdepth", "1")], body=["\n".join(docnames)])

    def list_table(
        self, caption: str, header: Sequence[str], rows: Iterable[Sequence[Sequence[str]]]
    ) -> str:
        """Rows of cells; a cell is a list of blocks (paragraphs, labels)."""
        lines = ["* - " + "\n  - ".join(header)]
        for row in rows:
            cells = []
            for blocks in row:
                cells.append(_indent("\n\n".join(blocks), "    ")[4:] if blocks else "")
            lines.append("* - " + "\n  - ".join(cells))
        return self.directive(
            "list-table",
            caption,
            [("header-rows", "1"), ("widths", " ".join(["20", "30", "50"][: len(header)]))],
            ["\n".join(lines)],
        )

    @property
    def suffix(self) -> str:
        return ".md" if self.fmt == "md" else ".rst"


def _meta(entry: Entry, with_tags: bool = True) -> str:
    text = f"**Age:** {entry.age}"
    if with_tags:
        text += f" · **Tags:** {', '.join(entry.tags)}"
    return text


def _source_line(entry: Entry) -> str:
    return f"**Source:** {SOURCES[entry.source]['title']}"


def _kind(entry: Entry) -> str:
    return {"milestone": "Milestone", "tip": "Tip", "red-flag": "Red flag"}[entry.type]


# -- the four variants ---------------------------------------------------------------------


class Writer:
    """Writes the corpus as one variant; subclasses say how entries and lists look."""

    variant = ""

    def __init__(self, corpus: Corpus, fmt: str) -> None:
        self.corpus = corpus
        self.m = Markup(fmt)

    # project

    def conf(self) -> str:
        return _conf_common(self.extensions())

    def extensions(self) -> list[str]:
        return ["myst_parser"]

    def write(self, dest: Path) -> dict[str, Path]:
        """Write conf.py and every page under ``dest``; return docname -> source path."""
        dest.mkdir(parents=True, exist_ok=True)
        (dest / "conf.py").write_text(self.conf(), encoding="utf-8")
        written = {}
        docs = [("index", self.index())]
        docs += [(page.docname, self.page(page)) for page in self.corpus.pages]
        docs += [(spec.docname, self.list_page(spec)) for spec in self.corpus.lists]
        for docname, text in docs:
            path = dest / f"{docname}{self.m.suffix}"
            path.write_text(text.rstrip() + "\n", encoding="utf-8")
            written[docname] = path
        return written

    def index(self) -> str:
        docnames = [p.docname for p in self.corpus.pages] + [s.docname for s in self.corpus.lists]
        return "\n\n".join(
            [
                self.m.heading("Benchmark handbook", 1),
                "A synthetic handbook: every variant carries the same words.",
                self.m.toctree(docnames),
            ]
        )

    # pages

    def page(self, page: Page) -> str:
        blocks = [self.m.heading(page.title, 1), page.intro]
        milestones = page.of_type("milestone")
        if milestones:
            blocks += [self.m.heading("Milestones", 2), self.milestone_table(page, milestones)]
        for type_name, heading in (("tip", "Tips"), ("red-flag", "Red flags")):
            entries = page.of_type(type_name)
            if entries:
                blocks.append(self.m.heading(heading, 2))
                blocks += [self.entry(e) for e in entries]
        return "\n\n".join(blocks)

    def milestone_table(self, page: Page, milestones: list[Entry]) -> str:
        rows = [
            [
                [e.age],
                [self.m.label(e.id), f"**{e.title}**"],
                [*e.paragraphs, _meta(e), _source_line(e)],
            ]
            for e in sorted(milestones, key=lambda e: e.age_range.sort_key())
        ]
        return self.m.list_table(page.table_caption, ["Age", "Milestone", "What you see"], rows)

    def entry(self, entry: Entry) -> str:
        raise NotImplementedError

    def entry_body(self, entry: Entry) -> list[str]:
        """Badge, paragraphs, call to action, meta and source: the hand-written body."""
        body = [f"**{entry.badge}**"] if entry.badge else []
        body += list(entry.paragraphs)
        if entry.action:
            body.append(f"**What to do:** {entry.action}")
        return [*body, _meta(entry), _source_line(entry)]

    # lists

    def list_page(self, spec: ListPage) -> str:
        return "\n\n".join(
            [self.m.heading(spec.caption, 1), self.collection(spec, self.corpus.selection(spec))]
        )

    def collection(self, spec: ListPage, entries: list[Entry]) -> str:
        if not entries:
            return "*No entries match.*"
        if spec.layout == "checklist":
            return self.checklist(spec, entries)
        if spec.layout == "cards":
            return self.cards(spec, entries)
        return self.table(spec, entries)

    def checklist(self, spec: ListPage, entries: list[Entry]) -> str:
        items = []
        for e in entries:
            line = f"[ ] {self.m.ref(e.title, e.id)} — *{e.badge}*"
            items.append(f"- {line}\n\n  **What to do:** {e.action}")
        return "\n\n".join([f"**{spec.caption}**", "\n".join(items)])

    def table(self, spec: ListPage, entries: list[Entry]) -> str:
        rows = [[[self.m.ref(e.title, e.id)], [e.age], [e.badge or _text(e)]] for e in entries]
        return self.m.list_table(spec.caption, ["Entry", "Age", "Details"], rows)

    def cards(self, spec: ListPage, entries: list[Entry]) -> str:
        return self.table(spec, entries)


def _text(entry: Entry) -> str:
    return " ".join(entry.paragraphs)


def _conf_common(extensions: list[str]) -> str:
    return (
        '"""Generated by tests/bench/generate.py."""\n\n'
        'project = "Benchmark handbook"\n'
        f"extensions = {extensions!r}\n"
        'myst_enable_extensions = ["colon_fence"]\n'
        'html_theme = "alabaster"\n'
        "# The global navigation sidebar lists every page on every page (quadratic in any\n"
        "# project); it is left out in every variant so that the theme does not dominate.\n"
        'html_sidebars = {"**": ["relations.html", "searchbox.html"]}\n'
    )


class PlainWriter(Writer):
    """(a) admonitions and list-tables."""

    variant = "a"

    def entry(self, entry: Entry) -> str:
        klass = "warning" if entry.type == "red-flag" else "tip"
        return "\n\n".join(
            [
                self.m.label(entry.id),
                self.m.directive(
                    "admonition",
                    f"{_kind(entry)}: {entry.title}",
                    [("class", klass)],
                    self.entry_body(entry),
                ),
            ]
        )


class DesignWriter(Writer):
    """(b) hand-written sphinx-design cards; a grid of cards for the card list."""

    variant = "b"

    def extensions(self) -> list[str]:
        return ["myst_parser", "sphinx_design"]

    def entry(self, entry: Entry) -> str:
        return "\n\n".join(
            [
                self.m.label(entry.id),
                self.m.directive(
                    "card",
                    f"{_kind(entry)}: {entry.title}",
                    [("class-card", f"entry-{entry.type}")],
                    self.entry_body(entry),
                ),
            ]
        )

    def cards(self, spec: ListPage, entries: list[Entry]) -> str:
        cards = [
            self.m.directive(
                "grid-item-card",
                body=[self.m.ref(e.title, e.id), e.age, _text(e)],
            )
            for e in entries
        ]
        return "\n\n".join(
            [
                f"**{spec.caption}**",
                self.m.directive("grid", "1 2 2 2", [("gutter", "2")], cards, depth=1),
            ]
        )


class CrawlWriter(Writer):
    """(c) sphinx_crawl's directives."""

    variant = "c"

    def extensions(self) -> list[str]:
        return ["myst_parser", "sphinx_design", "sphinx_crawl"]

    def conf(self) -> str:
        return super().conf() + f"crawl_sources = {SOURCES!r}\n" + "crawl_require_source = True\n"

    def _options(self, entry: Entry) -> list[tuple[str, str]]:
        options = [("id", entry.id)]
        if entry.urgency:
            options += [("urgency", entry.urgency), ("action", entry.action)]
        return [
            *options,
            ("age", entry.age),
            ("tags", ", ".join(entry.tags)),
            ("source", entry.source),
        ]

    def entry(self, entry: Entry) -> str:
        directive = {"tip": "tip-card", "red-flag": "red-flag", "milestone": "milestone"}
        return self.m.directive(
            directive[entry.type], entry.title, self._options(entry), entry.paragraphs
        )

    def milestone_table(self, page: Page, milestones: list[Entry]) -> str:
        return self.m.directive(
            "milestone-table",
            page.table_caption,
            body=[self.entry(e) for e in milestones],
            depth=1,
        )

    def collection(self, spec: ListPage, entries: list[Entry]) -> str:
        options = [("type", ", ".join(spec.types))]
        if spec.tags:
            options.append(("tags", ", ".join(spec.tags)))
        if spec.age:
            options.append(("age", spec.age))
        options.append(("layout", spec.layout))
        return self.m.directive("crawl-list", spec.caption, options)


class NeedsWriter(Writer):
    """(d) sphinx-needs need types and ``needtable``."""

    variant = "d"
    need_types = {"tip": "tipcard", "red-flag": "redflag", "milestone": "milestone"}

    def extensions(self) -> list[str]:
        return ["myst_parser", "sphinx_needs"]

    def conf(self) -> str:
        types = [
            {"directive": "milestone", "title": "Milestone", "prefix": "MS_", "color": "#DCB239"},
            {"directive": "tipcard", "title": "Tip", "prefix": "TIP_", "color": "#BFD8D2"},
            {"directive": "redflag", "title": "Red flag", "prefix": "RF_", "color": "#FEDCD2"},
        ]
        fields = {
            name: {"description": name, "schema": {"type": "string"}, "nullable": True}
            for name in ("age", "urgency", "action", "source")
        }
        return (
            super().conf()
            + f"needs_types = {[{**t, 'style': 'node'} for t in types]!r}\n"
            + f"needs_fields = {fields!r}\n"
            + 'needs_id_regex = r"^[a-z0-9][a-z0-9-]*$"\n'
            + "needs_id_required = True\n"
            + 'needs_table_style = "table"\n'
        )

    def entry(self, entry: Entry) -> str:
        options = [("id", entry.id)]
        if entry.urgency:
            options += [("urgency", entry.urgency), ("action", entry.action)]
        options += [
            ("age", entry.age),
            ("tags", ", ".join(entry.tags)),
            ("source", entry.source),
        ]
        return self.m.directive(self.need_types[entry.type], entry.title, options, entry.paragraphs)

    def milestone_table(self, page: Page, milestones: list[Entry]) -> str:
        ordered = sorted(milestones, key=lambda e: e.age_range.sort_key())
        return "\n\n".join([f"**{page.table_caption}**", *(self.entry(e) for e in ordered)])

    def collection(self, spec: ListPage, entries: list[Entry]) -> str:
        """A needtable whose filter selects what ``crawl-list`` selects."""
        conditions = [
            " or ".join(f'type == "{self.need_types[t]}"' for t in spec.types),
        ]
        if spec.tags:
            conditions.append(" or ".join(f'"{tag}" in tags' for tag in spec.tags))
        if spec.age:
            window = AgeRange.parse(spec.age)
            labels = [age for age in AGES if window.overlaps(AgeRange.parse(age))]
            conditions.append(f"age in {labels!r}".replace("'", '"'))
        columns = "id;title;age;urgency;action" if "red-flag" in spec.types else "id;title;age"
        return self.m.directive(
            "needtable",
            spec.caption,
            [
                ("filter", " and ".join(f"({c})" for c in conditions)),
                ("columns", columns),
                ("style", "table"),
            ],
        )


# -- the fair corpus ------------------------------------------------------------------------
#
# The baselines write only what a reader of (c) sees that is not one of sphinx_crawl's
# extras: each entry's title, age and body, and a plain list of links where (c) has a
# collection. (c) writes the same entries with the options it needs (id, age, and for
# red flags the urgency) and nothing else; its badge, call to action, screen-reader
# prefix, data attributes, check boxes and notes are the extras being paid for.

FAIR_LISTS = (
    ListPage("list-red-flags", "Every red flag", ("red-flag",), "checklist"),
    ListPage("list-tips", "Tips for 9 to 12 months", ("tip",), "cards", age="9-12 months"),
)


class FairWriter(Writer):
    """A fair-corpus baseline: entries are title, age and body; lists are links."""

    def page(self, page: Page) -> str:
        blocks = [self.m.heading(page.title, 1), page.intro]
        for type_name, heading in (
            ("milestone", "Milestones"),
            ("tip", "Tips"),
            ("red-flag", "Red flags"),
        ):
            entries = page.of_type(type_name)
            if entries:
                blocks.append(self.m.heading(heading, 2))
                blocks += [self.entry(e) for e in entries]
        return "\n\n".join(blocks)

    def entry_body(self, entry: Entry) -> list[str]:
        return [f"Age: {entry.age}", *entry.paragraphs]

    def collection(self, spec: ListPage, entries: list[Entry]) -> str:
        if not entries:
            return "*No entries match.*"
        return "\n".join(f"- {self.m.ref(e.title, e.id)}" for e in entries)


class FairPlainWriter(FairWriter, PlainWriter):
    """(a) on the fair corpus: an admonition per entry."""

    def entry(self, entry: Entry) -> str:
        return "\n\n".join(
            [
                self.m.label(entry.id),
                self.m.directive("admonition", entry.title, body=self.entry_body(entry)),
            ]
        )


class FairDesignWriter(FairWriter, DesignWriter):
    """(b) on the fair corpus: a sphinx-design card per entry."""

    def entry(self, entry: Entry) -> str:
        return "\n\n".join(
            [
                self.m.label(entry.id),
                self.m.directive("card", entry.title, body=self.entry_body(entry)),
            ]
        )


class FairCrawlWriter(FairWriter, CrawlWriter):
    """(c) on the fair corpus: each entry its directive with id, age (and urgency)."""

    def conf(self) -> str:
        return _conf_common(self.extensions())

    def _options(self, entry: Entry) -> list[tuple[str, str]]:
        options = [("id", entry.id), ("age", entry.age)]
        return [*options, ("urgency", entry.urgency)] if entry.urgency else options

    collection = CrawlWriter.collection


WRITERS: dict[str, type[Writer]] = {
    "a": PlainWriter,
    "b": DesignWriter,
    "c": CrawlWriter,
    "d": NeedsWriter,
}


FAIR_WRITERS: dict[str, type[Writer]] = {
    "a": FairPlainWriter,
    "b": FairDesignWriter,
    "c": FairCrawlWriter,
}
CORPORA = ("standard", "fair")


def write_project(
    corpus: Corpus, variant: str, fmt: str, dest: Path, kind: str = "standard"
) -> dict[str, Path]:
    """Write ``corpus`` as ``variant`` in ``fmt`` under ``dest``; docname -> source path.

    ``kind`` "fair" writes the fair corpus (only (a), (b) and (c))."""
    writers = FAIR_WRITERS if kind == "fair" else WRITERS
    return writers[variant](corpus, fmt).write(dest)


def edit_entry(path: Path, entry: Entry) -> None:
    """Change one word-run in ``entry``'s first paragraph, in its page's source."""
    text = path.read_text(encoding="utf-8")
    old = entry.paragraphs[0]
    assert text.count(old) == 1, f"{entry.id}: its first paragraph is not unique in {path}"
    path.write_text(text.replace(old, old + " Edited for the benchmark."), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--variant", choices=VARIANTS, default="c")
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--per-page", type=int, default=10)
    parser.add_argument("--corpus", choices=CORPORA, default="standard")
    args = parser.parse_args(argv)
    corpus = make_corpus(args.entries, args.per_page, kind=args.corpus)
    written = write_project(corpus, args.variant, args.format, args.dest, args.corpus)
    print(f"{len(written)} pages, {len(corpus.entries)} entries in {args.dest}")


if __name__ == "__main__":
    main()
