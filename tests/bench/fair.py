"""The fair corpus: sphinx_crawl against baselines that write only what its reader sees.

At each size, (a) plain admonitions, (b) sphinx-design cards and (c) sphinx_crawl
entries carry the same title, age and body; where (c) has a collection (a checklist
of every red flag, a card list of tips for an age) the baselines have a plain list of
links. Measured per size: CPU time of fresh ``-j 1`` builds, peak memory, bytes of
HTML per entry page, bytes of search data, a no-op rebuild (its cost and the files it
writes) and a rebuild after one entry's title is edited. With Playwright and Chromium
at hand, the time until search results appear is measured on (c): sphinx_crawl's
entry results against Sphinx's own results on the same page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.generate import Corpus, Entry, make_corpus, write_project

#: Goals of issue 12, on the fair corpus at every size.
GOAL_DESIGN = 1.10  # c/b CPU
GOAL_PLAIN = 1.20  # c/a CPU
GOAL_FLAT = 1.10  # (c) CPU per entry, largest size over smallest
GOAL_MEMORY = 1.15  # (c) peak memory over (b), largest size
GOAL_EDIT = 1.15  # one-title edit rebuild, c/b
GOAL_SEARCH_TIME = 1.2  # time to sphinx_crawl's results over Sphinx's own, largest size

FAIR_VARIANTS = ("a", "b", "c")


@dataclass
class Rebuild:
    cpu: float
    written: list[str]  # files (not under .doctrees) whose modification time changed


@dataclass
class FairSize:
    entries: int
    pages: int = 0
    cpu: dict[str, list[float]] = field(default_factory=dict)  # variant -> fresh builds
    rss_mib: dict[str, float] = field(default_factory=dict)
    html_bytes: dict[str, float] = field(default_factory=dict)  # per entry page
    search_bytes: dict[str, int] = field(default_factory=dict)  # searchindex.js
    crawl_search_bytes: int = 0  # every file sphinx_crawl's search may load
    crawl_search_upfront: int = 0  # what one query loads before any result shows
    no_op: dict[str, Rebuild] = field(default_factory=dict)
    edit: dict[str, Rebuild] = field(default_factory=dict)
    search_ms: dict[str, float] = field(default_factory=dict)  # "crawl", "sphinx"

    def best(self, variant: str) -> float:
        return min(self.cpu[variant])


def _edit_title(path: Path, entry: Entry) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(entry.title) == 1, f"{entry.id}: its title is not unique in {path}"
    path.write_text(text.replace(entry.title, entry.title + " edited"), encoding="utf-8")


def _edited_entry(corpus: Corpus) -> Entry:
    """A milestone from the middle of the corpus: no list page shows milestones."""
    entries = [e for e in corpus.entries if e.type == "milestone"]
    return entries[len(entries) // 2]


def _search_files(outdir: Path) -> tuple[int, int]:
    """(every byte of sphinx_crawl's search data, the bytes a query loads up front)."""
    index = outdir / "crawl-searchindex.js"
    shards = outdir / "_crawl" / "search"
    total = (
        sum(p.stat().st_size for p in shards.rglob("*") if p.is_file()) if shards.is_dir() else 0
    )
    upfront = index.stat().st_size if index.is_file() else 0
    return upfront + total, upfront


def _html_per_page(outdir: Path) -> float:
    pages = list(outdir.glob("p*.html"))
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


def run_fair(
    work: Path, sizes: tuple[int, ...], reps: int, search_queries: int = 5
) -> list[FairSize]:
    from tests.bench.run import _page_mtimes, _rewritten, log, sphinx_build

    found = []
    for entries in sizes:
        corpus = make_corpus(entries, kind="fair")
        size = FairSize(entries)
        sources = {}
        for variant in FAIR_VARIANTS:
            src = work / "src" / f"fair-{entries}-{variant}"
            sources[variant] = write_project(corpus, variant, "md", src, "fair")
            size.pages = len(sources[variant])
            size.cpu[variant] = []
        # Small builds are short and noisy: more repetitions there, one at 10,000 and up.
        for rep in range(max(reps, 5) if entries <= 1000 else reps if entries < 10000 else 1):
            for variant in FAIR_VARIANTS:  # round robin: drift hits every variant alike
                out = work / "out" / f"fair-{entries}-{variant}"
                build = sphinx_build(work / "src" / f"fair-{entries}-{variant}", out)
                if build.warnings:
                    raise SystemExit(f"fair ({variant}) {entries} warned: {build.warnings[:3]}")
                size.cpu[variant].append(build.cpu)
                size.rss_mib[variant] = max(size.rss_mib.get(variant, 0), build.max_rss_kib / 1024)
                size.html_bytes[variant] = _html_per_page(out)
                size.search_bytes[variant] = build.searchindex_bytes
                log(f"  fair ({variant}) {entries:,} entries #{rep + 1}: {build.cpu:.1f} s CPU")
        size.crawl_search_bytes, size.crawl_search_upfront = _search_files(
            work / "out" / f"fair-{entries}-c"
        )
        edited = _edited_entry(corpus)
        for variant in FAIR_VARIANTS:
            src, out = (
                work / "src" / f"fair-{entries}-{variant}",
                work / "out" / f"fair-{entries}-{variant}",
            )
            for name, change in (("no-op", None), ("edit", edited)):
                if change is not None:
                    time.sleep(0.05)
                    _edit_title(sources[variant][change.docname], change)
                before = _page_mtimes(out)
                time.sleep(0.05)
                build = sphinx_build(src, out, fresh=False)
                rebuild = Rebuild(build.cpu, _rewritten(before, _page_mtimes(out)))
                (size.no_op if name == "no-op" else size.edit)[variant] = rebuild
                log(
                    f"  fair ({variant}) {entries:,} {name}: {build.cpu:.2f} s, "
                    f"{len(rebuild.written)} files"
                )
        if search_queries:
            size.search_ms = measure_search(work / "out" / f"fair-{entries}-c", search_queries)
            # Sphinx's own search where sphinx_crawl loads nothing beside it: the design build.
            size.search_ms["sphinx_design"] = measure_search(
                work / "out" / f"fair-{entries}-b", search_queries, crawl=False
            )["sphinx"]
        found.append(size)
    return found


QUERIES = (
    "crawl backwards legs",
    "floor carpet",
    "baby hands knees",
    "strong shoulders",
    "toys reach",
)


def measure_search(outdir: Path, queries: int, crawl: bool = True) -> dict[str, float]:
    """Median milliseconds from navigation to results: sphinx_crawl's and Sphinx's own."""
    from tests.bench.search_timing import time_search

    return time_search(outdir, QUERIES[:queries], crawl=crawl)


# -- report ------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def fair_goals(found: list[FairSize]) -> list[tuple[str, str, bool]]:
    goals = []
    for size in found:
        design = size.best("c") / size.best("b")
        plain = size.best("c") / size.best("a")
        goals.append(
            (f"c/b <= {GOAL_DESIGN} at {size.entries:,}", f"{design:.3f}", design <= GOAL_DESIGN)
        )
        goals.append(
            (f"c/a <= {GOAL_PLAIN} at {size.entries:,}", f"{plain:.3f}", plain <= GOAL_PLAIN)
        )
    if len(found) >= 2:
        small, large = found[0], found[-1]
        flat = (large.best("c") / large.entries) / (small.best("c") / small.entries)
        goals.append(
            (
                f"(c) CPU per entry, {large.entries:,} over {small.entries:,} <= {GOAL_FLAT}",
                f"{flat:.3f}",
                flat <= GOAL_FLAT,
            )
        )
    large = found[-1]
    memory = large.rss_mib["c"] / large.rss_mib["b"]
    goals.append(
        (
            f"peak memory c/b <= {GOAL_MEMORY} at {large.entries:,}",
            f"{memory:.3f}",
            memory <= GOAL_MEMORY,
        )
    )
    for size in found:
        per_entry = size.crawl_search_bytes / size.entries
        sphinx = size.search_bytes["c"] / size.entries
        goals.append(
            (
                f"search data per entry <= Sphinx's searchindex.js per entry at {size.entries:,}",
                f"{per_entry:,.0f} vs {sphinx:,.0f} bytes",
                per_entry <= sphinx,
            )
        )
        edit = size.edit["c"].cpu / size.edit["b"].cpu
        goals.append(
            (
                f"one-title edit c/b <= {GOAL_EDIT} at {size.entries:,}",
                f"{edit:.3f}",
                edit <= GOAL_EDIT,
            )
        )
        written = size.no_op["c"].written
        goals.append(
            (
                f"no-op rebuild writes no file at {size.entries:,}",
                ", ".join(written[:6]) or "none",
                not written,
            )
        )
    if large.search_ms:
        ours = large.search_ms["crawl"]
        for key, where in (
            ("sphinx", "on the same page"),
            ("sphinx_design", "on the design build"),
        ):
            theirs = large.search_ms[key]
            goals.append(
                (
                    f"search results at {large.entries:,}: ours <= {GOAL_SEARCH_TIME}x "
                    f"Sphinx's own {where}",
                    f"{ours / theirs:.2f} ({ours:.0f} vs {theirs:.0f} ms)",
                    ours / theirs <= GOAL_SEARCH_TIME,
                )
            )
    return goals


def render_fair(found: list[FairSize]) -> str:
    rows = []
    for size in found:
        rows.append(
            [
                f"{size.entries:,}",
                f"{size.best('c') / size.best('b'):.3f}",
                f"{size.best('c') / size.best('a'):.3f}",
                f"{size.best('c') / size.entries * 1000:.2f}",
                " / ".join(f"{size.rss_mib[v]:,.0f}" for v in FAIR_VARIANTS),
                " / ".join(f"{size.html_bytes[v] / 1024:,.1f}" for v in FAIR_VARIANTS),
                " / ".join(
                    f"{n / size.entries:,.0f}"
                    for n in (
                        size.search_bytes["c"],
                        size.crawl_search_upfront,
                        size.crawl_search_bytes,
                    )
                ),
                " / ".join(
                    f"{size.no_op[v].cpu:.2f} ({len(size.no_op[v].written)})" for v in FAIR_VARIANTS
                ),
                " / ".join(f"{size.edit[v].cpu:.2f}" for v in FAIR_VARIANTS),
                (
                    " / ".join(
                        f"{size.search_ms[k]:.0f}" for k in ("crawl", "sphinx", "sphinx_design")
                    )
                    if size.search_ms
                    else ""
                ),
            ]
        )
    header = [
        "Entries",
        "c/b CPU",
        "c/a CPU",
        "(c) ms CPU per entry",
        "Peak MiB a / b / c",
        "KiB HTML per page a / b / c",
        "Search bytes per entry: Sphinx's / ours up front / ours in all",
        "No-op rebuild s (files written) a / b / c",
        "One-title edit s a / b / c",
        "Search results ms: ours / Sphinx's on the same page / Sphinx's on (b)",
    ]
    goals = _table(
        ["Goal", "Measured", "Result"],
        [[text, measured, "PASS" if ok else "MISS"] for text, measured, ok in fair_goals(found)],
    )
    return "\n\n".join(
        ["### Fair corpus", _table(header, rows), "#### Goals on the fair corpus", goals]
    )
