"""Build synthetic handbooks four ways and report how sphinx_crawl compares.

    python -m tests.bench.run            # the full run (writes docs/authoring/benchmark.md)
    python -m tests.bench.run --quick    # small sizes, one repetition, writes nothing

    python -m tests.bench.run --profile 20000   # cProfile one (c) build, sphinx_crawl's share
                                                # (CPU time; --shape long or standard)

Every build is a separate ``python -m sphinx`` process, timed with time.perf_counter
around it; its CPU time and peak resident memory come from ``os.wait4``. Ratios use
the least time of the repetitions, CPU time by default (``--metric wall`` for wall clock).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from tests.bench.fair import FairPlan, FairSize, fair_goals, render_fair, run_fair
from tests.bench.generate import (
    FORMAT_VARIANTS,
    VARIANT_LABELS,
    Corpus,
    Entry,
    edit_entry,
    make_corpus,
    write_project,
)

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "docs" / "authoring" / "benchmark.md"


@dataclass(frozen=True)
class Sizes:
    compare: int  # entries in the four-way comparison
    scaling: tuple[int, ...]  # entries for the (c) scaling curve
    incremental: int
    parallel: int  # the largest scaling size is reused
    reps: int
    reps_large: int  # repetitions for projects of 10,000 entries or more
    fair: tuple[FairPlan, ...] = ()  # the fair corpus: shape, entries, variants
    offline: tuple[str, int] | None = None  # (shape, entries) where the offline copy is measured


FULL = Sizes(
    compare=2000,
    scaling=(1000, 5000, 20000),
    incremental=1000,
    parallel=20000,
    reps=3,
    reps_large=1,
    fair=(
        FairPlan("short", 1500),
        FairPlan("short", 5000),
        FairPlan("short", 20000),
        FairPlan("short", 50000, ("b", "c")),  # once, and long: (a) is left out
        FairPlan("long", 1500, ("b", "c"), search=False),
        FairPlan("long", 5000, ("b", "c"), search=False),
        FairPlan("long", 20000, ("b", "c"), search=False),
    ),
    offline=("short", 20000),  # where issue 27 sets the budget
)
QUICK = Sizes(
    compare=200,
    scaling=(200, 1000),
    incremental=200,
    parallel=1000,
    reps=1,
    reps_large=1,
    fair=(
        FairPlan("short", 200),
        FairPlan("short", 1000),
        FairPlan("long", 1000, ("b", "c"), search=False),
    ),
    offline=("short", 200),
)

GOAL_DESIGN = 1.10  # c/b, MyST
GOAL_NEEDS = 3.0  # d/c, MyST, with collections
GOAL_FLAT = 1.2  # time per entry, largest over smallest size


# -- one build -----------------------------------------------------------------------------


@dataclass
class Build:
    wall: float
    cpu: float
    exit_cpu: float  # of cpu: after Sphinx's main returned (the interpreter's shutdown)
    max_rss_kib: int
    returncode: int
    warnings: list[str]
    outdir: Path
    pickle_bytes: int  # .doctrees/environment.pickle
    searchindex_bytes: int  # searchindex.js
    crawl_searchindex_bytes: int  # crawl-searchindex.js (sphinx_crawl's entry search)


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


#: ``python -m sphinx`` that also records the CPU it has used when Sphinx's ``main``
#: returns, before the interpreter exits (argv[1]: where; the rest: Sphinx's arguments).
#: The process's CPU is the goal's measure (what a build costs its user); the part after
#: ``main`` is reported beside it, since sphinx_crawl skips the shutdown's final cycle
#: collection (core/cycle_gc.py), which plain Sphinx pays in every build.
_SPHINX_RECORDING_CPU = """
import resource, sys
from pathlib import Path
from sphinx.cmd.build import main
status = main(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_SELF)
Path(sys.argv[1]).write_text(str(usage.ru_utime + usage.ru_stime))
sys.exit(status)
"""


def sphinx_build(srcdir: Path, outdir: Path, *, fresh: bool = True, jobs: str = "1") -> Build:
    """One ``python -m sphinx -b html`` in a child process; ``fresh`` empties ``outdir``."""
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    cpu_file = outdir.parent / f"{outdir.name}.cpu"
    cpu_file.unlink(missing_ok=True)
    command = [sys.executable, "-c", _SPHINX_RECORDING_CPU, str(cpu_file)]
    command += ["-q", "-b", "html", "-j", jobs]
    if fresh:
        command.append("-E")
    command += [str(srcdir), str(outdir)]
    log_path = outdir.parent / f"{outdir.name}.log"
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as stream:
        start = time.perf_counter()
        # cwd: ``python -m`` puts it on sys.path; never let it shadow the installed packages.
        process = subprocess.Popen(
            command, stdout=stream, stderr=subprocess.STDOUT, cwd=outdir.parent
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = _ANSI.sub("", log_path.read_text(encoding="utf-8"))
    warnings = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    if process.returncode != 0:
        raise SystemExit(f"sphinx-build failed ({process.returncode}) on {srcdir}:\n{text[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Build(
        wall=wall,
        cpu=cpu,
        exit_cpu=max(0.0, cpu - float(cpu_file.read_text())),
        max_rss_kib=usage.ru_maxrss,
        returncode=process.returncode,
        warnings=warnings,
        outdir=outdir,
        pickle_bytes=_size(outdir / ".doctrees" / "environment.pickle"),
        searchindex_bytes=_size(outdir / "searchindex.js"),
        crawl_searchindex_bytes=_size(outdir / "crawl-searchindex.js"),
    )


@dataclass
class Series:
    """Repeated builds of one configuration."""

    entries: int
    pages: int
    builds: list[Build] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(b.wall for b in self.builds)

    @property
    def cpu(self) -> float:
        return min(b.cpu for b in self.builds)

    def time(self, metric: str) -> float:
        return self.cpu if metric == "cpu" else self.wall

    @property
    def spread(self) -> tuple[float, float]:
        """(max/min - 1) of wall clock and of CPU time over the repetitions."""
        walls = [b.wall for b in self.builds]
        cpus = [b.cpu for b in self.builds]
        return max(walls) / min(walls) - 1, max(cpus) / min(cpus) - 1

    @property
    def last(self) -> Build:
        return self.builds[-1]

    @property
    def max_rss_mib(self) -> float:
        return max(b.max_rss_kib for b in self.builds) / 1024

    @property
    def warnings(self) -> list[str]:
        return sorted({w for b in self.builds for w in b.warnings})


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the measurements ------------------------------------------------------------------------


@dataclass
class Results:
    sizes: Sizes
    metric: str = "cpu"  # what ratios and goals use: "cpu" or "wall"
    compare: dict[tuple[str, str], Series] = field(default_factory=dict)  # (fmt, variant)
    # (c), and plain Sphinx (a) for reference, by entries; 0 entries is the fixed cost
    scaling: dict[int, Series] = field(default_factory=dict)
    scaling_plain: dict[int, Series] = field(default_factory=dict)
    incremental: list[IncrementalCase] = field(default_factory=list)
    parallel: Parallel | None = None
    fair: list[FairSize] = field(default_factory=list)
    elapsed: float = 0.0
    load: list[str] = field(default_factory=list)  # load averages before and after


def run_comparison(work: Path, sizes: Sizes, results: Results) -> None:
    corpus = make_corpus(sizes.compare)
    for fmt, variants in FORMAT_VARIANTS.items():
        projects = {}
        for variant in variants:
            projects[variant] = work / "src" / f"compare-{fmt}-{variant}"
            paths = write_project(corpus, variant, fmt, projects[variant])
            results.compare[(fmt, variant)] = Series(sizes.compare, len(paths))
        for rep in range(sizes.reps):
            for variant in variants:  # round robin, so drift hits every variant alike
                build = sphinx_build(projects[variant], work / "out" / f"compare-{fmt}-{variant}")
                results.compare[(fmt, variant)].builds.append(build)
                log(f"  compare {fmt} {variant} #{rep + 1}: {build.wall:.1f} s")


def run_scaling(work: Path, sizes: Sizes, results: Results) -> None:
    """(c) at each size, and plain Sphinx (a) beside it: how much growth is Sphinx's own."""
    for entries in (0, *sizes.scaling):
        corpus = make_corpus(entries)
        for variant, found in (("c", results.scaling), ("a", results.scaling_plain)):
            name = "scale" if variant == "c" else "scale-plain"
            src = work / "src" / f"{name}-{entries}"
            series = found[entries] = Series(
                entries, len(write_project(corpus, variant, "md", src))
            )
            for rep in range(sizes.reps if entries < 10000 else sizes.reps_large):
                build = sphinx_build(src, work / "out" / f"{name}-{entries}")
                series.builds.append(build)
                log(f"  scaling ({variant}) {entries} entries #{rep + 1}: {build.wall:.1f} s")


NO_CHANGE = "nothing changed"
EDIT_SHOWN = "one entry edited, shown by a crawl-list"
EDIT_HIDDEN = "one entry edited, shown by no crawl-list"


@dataclass
class IncrementalCase:
    name: str
    variant: str
    written: list[str]  # document pages rewritten
    expected: list[str]  # what sphinx_crawl promises (own page + pages showing the entry)
    sphinx_core: list[str]  # pages plain Sphinx rewrites for the same change
    other_files: list[str]  # non-page files rewritten (indices, search, crawl.json)

    @property
    def passed(self) -> bool:
        return set(self.written) == set(self.expected) | set(self.sphinx_core)


def _page_mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(path.relative_to(outdir)): path.stat().st_mtime_ns
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts
    }


def _rewritten(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(name for name, stamp in after.items() if before.get(name) != stamp)


def run_incremental(work: Path, sizes: Sizes, results: Results) -> None:
    """Build, rebuild unchanged, then edit one entry at a time and rebuild."""
    corpus = make_corpus(sizes.incremental)
    shown = _entry_in_lists(corpus, 1)
    hidden = _entry_in_lists(corpus, 0)
    edits = [(EDIT_SHOWN, shown), (EDIT_HIDDEN, hidden)]
    written_by: dict[tuple[str, str], list[str]] = {}
    others_by: dict[tuple[str, str], list[str]] = {}
    for variant in ("a", "c"):
        src = work / "src" / f"incremental-{variant}"
        paths = write_project(corpus, variant, "md", src)
        pages = {f"{docname}.html": docname for docname in paths}
        out = work / "out" / f"incremental-{variant}"
        sphinx_build(src, out)
        steps: list[tuple[str, Entry | None]] = [(NO_CHANGE, None), *edits]
        for name, entry in steps:
            if entry is not None:
                time.sleep(0.05)  # a later mtime than anything the last build wrote
                edit_entry(paths[entry.docname], entry)
            before = _page_mtimes(out)
            time.sleep(0.05)
            build = sphinx_build(src, out, fresh=False)
            if build.warnings and variant == "c":
                raise SystemExit(f"incremental build warned: {build.warnings}")
            changed = _rewritten(before, _page_mtimes(out))
            written_by[(variant, name)] = sorted(pages[f] for f in changed if f in pages)
            others_by[(variant, name)] = [f for f in changed if f not in pages]
            log(f"  incremental {variant}, {name}: {len(written_by[(variant, name)])} pages")
    for name, entry in [(NO_CHANGE, None), *edits]:
        expected = [] if entry is None else [entry.docname, *corpus.pages_showing(entry)]
        results.incremental.append(
            IncrementalCase(
                name=name,
                variant="c",
                written=written_by[("c", name)],
                expected=sorted(expected),
                sphinx_core=written_by[("a", name)],
                other_files=others_by[("c", name)],
            )
        )


def _entry_in_lists(corpus: Corpus, count: int) -> Entry:
    """An entry from the middle of the corpus shown by exactly ``count`` list pages."""
    entries = corpus.entries
    for entry in entries[len(entries) // 2 :] + entries[: len(entries) // 2]:
        if entry.type == "tip" and len(corpus.pages_showing(entry)) == count:
            return entry
    raise LookupError(f"no tip shown by {count} lists")


@dataclass
class Parallel:
    entries: int
    serial: Build
    parallel: Build
    crawl_json_identical: bool
    pages: int
    pages_identical: int
    differing: list[str]
    plain: tuple[Build, Build] | None = None  # plain Sphinx (a): -j 1, -j auto


_MAIN = '<div class="body" role="main">'
_DIV = re.compile(r"<div\b|</div>")


def main_content(html: str) -> str:
    """The page's main content (alabaster's ``div.body``), without theme chrome."""
    start = html.find(_MAIN)
    if start < 0:
        return html
    depth = 0
    for match in _DIV.finditer(html, start):
        depth += 1 if match.group() == "<div" else -1
        if depth == 0:
            return html[start : match.end()]
    return html[start:]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def _serial_and_parallel(
    work: Path, entries: int, variant: str, found: dict[int, Series]
) -> tuple[Build, Build]:
    """-j 1 (reused from the scaling runs when there is one) and -j auto builds."""
    name = "scale" if variant == "c" else "scale-plain"
    src = work / "src" / f"{name}-{entries}"
    if entries in found:
        serial = found[entries].last
    else:
        write_project(make_corpus(entries), variant, "md", src)
        serial = sphinx_build(src, work / "out" / f"{name}-{entries}")
    parallel = sphinx_build(src, work / "out" / f"{name}-{entries}-parallel", jobs="auto")
    log(f"  parallel ({variant}) {entries} entries, -j auto: {parallel.wall:.1f} s")
    return serial, parallel


def run_parallel(work: Path, sizes: Sizes, results: Results) -> None:
    serial, parallel = _serial_and_parallel(work, sizes.parallel, "c", results.scaling)
    if parallel.warnings:
        raise SystemExit(f"-j auto build warned: {parallel.warnings[:5]}")
    pages = sorted(p.relative_to(serial.outdir) for p in serial.outdir.glob("*.html"))
    differing = [
        str(page)
        for page in pages
        if main_content((serial.outdir / page).read_text(encoding="utf-8"))
        != main_content(_read(parallel.outdir / page))
    ]
    results.parallel = Parallel(
        entries=sizes.parallel,
        serial=serial,
        parallel=parallel,
        crawl_json_identical=_digest(serial.outdir / "crawl.json")
        == _digest(parallel.outdir / "crawl.json"),
        pages=len(pages),
        pages_identical=len(pages) - len(differing),
        differing=differing,
        plain=_serial_and_parallel(work, sizes.parallel, "a", results.scaling_plain),
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# -- the report ------------------------------------------------------------------------------


@dataclass
class Goal:
    text: str
    measured: str
    passed: bool


def _ratio(results: Results, fmt: str, top: str, bottom: str, metric: str = "") -> float:
    metric = metric or results.metric
    return results.compare[(fmt, top)].time(metric) / results.compare[(fmt, bottom)].time(metric)


def _sized(found: dict[int, Series]) -> list[int]:
    return sorted(n for n in found if n)


def _per_entry(results: Results, found: dict[int, Series], entries: int, marginal: bool) -> float:
    fixed = found[0].time(results.metric) if marginal and 0 in found else 0.0
    return (found[entries].time(results.metric) - fixed) / entries


def _growth(
    results: Results, entries: int, marginal: bool, found: dict[int, Series] | None = None
) -> float:
    """Time per entry at ``entries`` over that at the smallest size."""
    found = results.scaling if found is None else found
    small = _sized(found)[0]
    return _per_entry(results, found, entries, marginal) / _per_entry(
        results, found, small, marginal
    )


def goals(results: Results) -> list[Goal]:
    found = []
    if ("md", "b") in results.compare:
        value = _ratio(results, "md", "c", "b")
        found.append(Goal(f"c/b <= {GOAL_DESIGN:.2f} (MyST)", f"{value:.3f}", value <= GOAL_DESIGN))
    if ("md", "d") in results.compare:
        value = _ratio(results, "md", "d", "c")
        found.append(
            Goal(
                f"d/c >= {GOAL_NEEDS:.0f}: sphinx_crawl {GOAL_NEEDS:.0f}x faster than "
                "sphinx-needs, with collections (MyST)",
                f"{value:.3f}",
                value >= GOAL_NEEDS,
            )
        )
    if len(_sized(results.scaling)) >= 2:
        small, large = _sized(results.scaling)[0], _sized(results.scaling)[-1]
        value = _growth(results, large, marginal=False)
        found.append(
            Goal(
                f"time per entry flat within {GOAL_FLAT}x from {small:,} to {large:,} entries",
                f"{value:.3f}x (less fixed cost: {_growth(results, large, marginal=True):.3f}x)",
                value <= GOAL_FLAT,
            )
        )
    for case in results.incremental:
        if case.name == NO_CHANGE:
            found.append(
                Goal("no-change rebuild rewrites no page", _pages(case.written), not case.written)
            )
        elif case.name == EDIT_SHOWN:
            found.append(
                Goal(
                    "one-entry edit rewrites only its page + pages showing it",
                    _pages(case.written),
                    case.passed,
                )
            )
    if results.parallel:
        p = results.parallel
        found.append(
            Goal(
                "-j auto gives the same output as -j 1",
                f"crawl.json {'identical' if p.crawl_json_identical else 'differs'}, "
                f"{p.pages_identical:,} of {p.pages:,} pages identical",
                p.crawl_json_identical and p.pages_identical == p.pages,
            )
        )
    return found


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _versions() -> str:
    names = ["sphinx", "docutils", "myst-parser", "sphinx-design", "sphinx-needs", "sphinx-crawl"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _revision() -> str:
    """The git commit of the sphinx_crawl being measured, if it is in a git work tree."""
    import sphinx_crawl

    where = str(Path(sphinx_crawl.__file__).parent)
    git = ["git", "-C", where]
    try:
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(
            [*git, "status", "--porcelain", "--", "."], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" at commit {commit}" + (" with local changes" if changes else "")


def _kib(n: float) -> str:
    return f"{n / 1024:,.0f}"


def _pages(docnames: Sequence[str]) -> str:
    return ", ".join(docnames) if docnames else "none"


_FORMATS = (("md", "MyST"), ("rst", "rST"))


def _comparison_tables(results: Results) -> list[str]:
    rows = []
    for fmt, name in _FORMATS:
        for other in ("a", "b", "d"):
            if (fmt, "c") in results.compare and (fmt, other) in results.compare:
                rows.append(
                    [
                        name,
                        f"c/{other}",
                        f"{_ratio(results, fmt, 'c', other, 'cpu'):.2f}",
                        f"{_ratio(results, fmt, 'c', other, 'wall'):.2f}",
                        f"{_ratio(results, fmt, other, 'c'):.2f}",
                    ]
                )
    tables = [
        f"### Build time ratios, {results.sizes.compare:,} entries",
        _table(
            ["Source", "Ratio", "CPU time", "Wall clock", f"Other / (c), {results.metric}"], rows
        ),
    ]
    rows = []
    for (fmt, variant), series in results.compare.items():
        build, plain = series.last, results.compare[(fmt, "a")]
        wall_spread, cpu_spread = series.spread
        crawl_index = build.crawl_searchindex_bytes
        rows.append(
            [
                dict(_FORMATS)[fmt],
                f"({variant}) {VARIANT_LABELS[variant]}",
                f"{series.cpu / plain.cpu:.2f}",
                f"{series.wall / plain.wall:.2f}",
                f"{cpu_spread:.0%} / {wall_spread:.0%}",
                f"{series.max_rss_mib:,.0f}",
                f"{build.pickle_bytes / series.entries:,.0f}",
                _kib(build.searchindex_bytes) + (f" + {_kib(crawl_index)}" if crawl_index else ""),
                str(len(series.warnings)),
            ]
        )
    tables += [
        "### Each variant",
        _table(
            [
                "Source",
                "Variant",
                "CPU time vs (a)",
                "Wall clock vs (a)",
                "Spread (CPU / wall)",
                "Peak memory (MiB)",
                "Env pickle bytes per entry",
                "Search index (KiB)",
                "Warnings",
            ],
            rows,
        ),
    ]
    return tables


def _scaling_table(results: Results) -> list[str]:
    rows = []
    plain = results.scaling_plain
    for entries in _sized(results.scaling):
        series = results.scaling[entries]
        rows.append(
            [
                f"{entries:,}",
                f"{series.pages:,}",
                f"{_growth(results, entries, marginal=False):.2f}",
                f"{_growth(results, entries, marginal=True):.2f}",
                f"{_growth(results, entries, False, plain):.2f}" if entries in plain else "",
                f"{_growth(results, entries, True, plain):.2f}" if entries in plain else "",
                f"{series.max_rss_mib:,.0f}",
                f"{series.last.pickle_bytes / entries:,.0f}",
                _kib(series.last.searchindex_bytes + series.last.crawl_searchindex_bytes),
            ]
        )
    return [
        f"### Scaling, MyST ({_METRIC_NAMES[results.metric]})",
        "Time per entry relative to the smallest size; (a) is plain Sphinx, for reference.",
        _table(
            [
                "Entries",
                "Pages",
                "(c) per entry",
                "(c) less fixed cost",
                "(a) per entry",
                "(a) less fixed cost",
                "(c) peak memory (MiB)",
                "(c) env pickle bytes per entry",
                "(c) search indices (KiB)",
            ],
            rows,
        ),
    ]


def _incremental_table(results: Results) -> list[str]:
    rows = [
        [
            case.name,
            _pages(case.written),
            _pages(case.sphinx_core),
            _pages(case.expected),
            "PASS" if case.passed else "MISS",
        ]
        for case in results.incremental
    ]
    return [
        f"### Incremental builds of (c), {results.sizes.incremental:,} entries",
        _table(
            [
                "Change",
                "(c) rewrites",
                "Plain Sphinx (a) rewrites",
                "The entry's page and pages showing it",
                "",
            ],
            rows,
        ),
    ]


def _parallel_table(results: Results) -> list[str]:
    p = results.parallel
    assert p is not None
    rows = []
    pairs = [("c", (p.serial, p.parallel))] + ([("a", p.plain)] if p.plain else [])
    for variant, (serial, parallel) in pairs:
        rows.append(
            [
                f"({variant}) {VARIANT_LABELS[variant]}",
                f"{parallel.wall / serial.wall:.2f}",
                f"{parallel.cpu / serial.cpu:.2f}",
                f"{parallel.max_rss_kib / serial.max_rss_kib:.2f}",
            ]
        )
    identical = p.crawl_json_identical and p.pages_identical == p.pages
    return [
        f"### Parallel builds, {p.entries:,} entries ({os.cpu_count()} cores)",
        "-j auto over -j 1; wall clock is what parallel builds are for, but it gains only "
        "from cores no other work is using.",
        _table(["Variant", "Wall clock", "CPU time", "Peak memory (largest process)"], rows),
        f"Output of (c) with -j auto: crawl.json "
        f"{'identical' if p.crawl_json_identical else 'differs'}, main content of "
        f"{p.pages_identical:,} of {p.pages:,} pages identical"
        + ("." if identical else f" (differing: {', '.join(p.differing[:10])})."),
    ]


def run_fair_corpus(work: Path, sizes: Sizes, results: Results) -> None:
    results.fair = run_fair(work, sizes.fair, sizes.reps, offline_at=sizes.offline)


def render(results: Results) -> str:
    parts = []
    if results.fair:
        parts.append(render_fair(results.fair))
    if results.compare or results.scaling or results.incremental or results.parallel:
        parts.append("## The standard corpus")
    if results.compare:
        parts += _comparison_tables(results)
    if results.scaling:
        parts += _scaling_table(results)
    if results.incremental:
        parts += _incremental_table(results)
    if results.parallel:
        parts += _parallel_table(results)
    standard = goals(results)
    if standard:
        parts += [
            "### Goals on the standard corpus",
            _table(
                ["Goal", "Measured", "Result"],
                [[g.text, g.measured, "MET" if g.passed else "MISS"] for g in standard],
            ),
        ]
    return "\n\n".join(parts) + "\n"


METHOD = """\
The benchmark (`nox -s bench`, code in `tests/bench/`) generates a synthetic handbook
of {compare:,} entries, 10 to a page (3 milestones in a milestone table, 4 tips and
3 red flags), with three list pages: red flags for an age as a checklist, tips with
some tags as cards, and milestones for an age as a table. It writes the same words
(title, body paragraphs, age, tags, source; urgency and call to action for red
flags) four ways, in MyST and in reStructuredText:

- **(a)** plain Sphinx: admonitions, list-tables, labels and `ref` links, with the
  list pages written out by hand;
- **(b)** hand-written sphinx-design cards (`card`, and a `grid` of cards for the
  card list);
- **(c)** sphinx_crawl: `tip-card`, `red-flag`, `milestone-table` and `milestone`,
  and `crawl-list`;
- **(d)** sphinx-needs (MyST only): need types `tipcard`, `redflag` and `milestone`
  with `age`, `urgency`, `action` and `source` fields, and a `needtable` whose
  filter selects what the `crawl-list` selects.

Each build is a fresh `sphinx-build -E -q -b html -j 1` in its own process (Sphinx's
`main`, run as `python -m sphinx` runs it, noting the CPU used when it returns), with
the default theme (alabaster, without its global navigation sidebar in every variant:
it lists every page on every page). Every package is installed as an adopter installs
it, from a wheel, compiled to bytecode by pip (an editable sphinx_crawl on a machine
with `PYTHONDONTWRITEBYTECODE` set was compiled from source at every build, 0.06 s
that no other variant paid). The variants are built in turn, {reps} (projects
of 10,000 entries or more once), and a ratio compares the least of those times.
{metric_words} The other measure is shown beside it. Peak memory is the build
process's maximum resident set size, and the pickle size that of
`.doctrees/environment.pickle`; the search index is `searchindex.js`, plus
sphinx_crawl's own `crawl-searchindex.js`.

The scaling table gives the time per entry relative to the smallest size, as measured
(the goal) and less the fixed cost of a build (that of a project with no entries), for
(c) and, to show how much of any growth is Sphinx's own, for (a). The incremental table
builds once, then rebuilds and lists the pages whose HTML file was rewritten. Plain
Sphinx rewrites an edited page and the page whose toctree lists it (`index`); (c) may
add only the list pages that show the edited entry. The parallel table builds the
largest project with `-j auto` and compares it with the `-j 1` build.

The fair corpus (`tests/bench/fair.py`) answers a different question: what does a
reader's handbook cost with sphinx_crawl against the same handbook written without
it? There the baselines write only what a reader of (c) sees that is not one of
sphinx_crawl's extras: each entry's title, age and body ((a) an admonition, (b) a
sphinx-design card, each with a label), and a plain list of links where (c) has a
collection (a checklist of every red flag, a card list of tips for an age). (c)
writes each entry with the options it needs (id, age, urgency) and nothing else. It
comes in two shapes: many short pages (15 entries a page) at 1,500, 5,000, 20,000 and
50,000 entries, and few long pages (200 a page) at 1,500, 5,000 and 20,000; (a) is
built for the short pages up to 20,000 only. Measured at each size: fresh `-j 1`
builds (CPU time, the least of 5 repetitions below 2,000 entries, of 3 below 10,000,
one build above), peak memory, bytes of HTML per entry page, a rebuild with nothing
changed and a rebuild after one milestone's title is edited (the least CPU time of 3
of each, and the files the first writes). On the short pages, with Playwright and
Chromium, `search.html?q=...` is opened for five queries, three times each, every time
in a fresh browser context (an empty cache), on (c) and on the design build (b); the
median time from navigation to the first results is taken, and in the first round
every response is gzipped and counted. Once, (c) is built again with `crawl_offline =
True`, its front page visited, and what the service worker then keeps is measured.

Absolute times depend on the machine: compare the ratios.
"""

_METRIC_NAMES = {"cpu": "CPU time", "wall": "wall clock"}
_METRIC_WORDS = {
    "cpu": "Ratios and goals use the CPU time of the build process (user + system):\n"
    "when other work shares the machine, it is far less disturbed than wall-clock time.",
    "wall": "Ratios and goals use wall-clock time (time.perf_counter around the\nprocess).",
}


def report_markdown(results: Results) -> str:
    s = results.sizes
    return (
        "---\nlast_reviewed: 2026-11-21\nnosearch: true\nnext_review: 2027-11-21\n---\n\n"
        "# Benchmark\n\n"
        "What sphinx_crawl costs at build time, compared with writing the same handbook\n"
        "without it, with hand-written sphinx-design cards, or with sphinx-needs. The\n"
        "figures below come from `nox -s bench`, which rewrites this page.\n\n"
        "## Method\n\n"
        + METHOD.format(
            compare=s.compare,
            reps="once each" if s.reps == 1 else f"{s.reps} times each",
            metric_words=_METRIC_WORDS[results.metric],
        )
        + f"\nMeasured with {_versions()}{_revision()}; Python {platform.python_version()}, "
        f"{os.cpu_count()} cores; load average (1, 5, 15 min) {' before, '.join(results.load)} "
        f"after the run, which took {results.elapsed / 60:.1f} minutes.\n\n" + render(results)
    )


def raw_results(results: Results) -> dict[str, Any]:
    """Every measurement, absolute times included, for ``--json``."""

    def builds(series: Series) -> list[dict[str, Any]]:
        return [
            {
                "wall_s": b.wall,
                "cpu_s": b.cpu,
                "max_rss_kib": b.max_rss_kib,
                "pickle_bytes": b.pickle_bytes,
                "searchindex_bytes": b.searchindex_bytes,
                "crawl_searchindex_bytes": b.crawl_searchindex_bytes,
                "warnings": b.warnings,
            }
            for b in series.builds
        ]

    p = results.parallel
    return {
        "sizes": asdict(results.sizes),
        "metric": results.metric,
        "versions": _versions(),
        "compare": {f"{fmt}-{v}": builds(series) for (fmt, v), series in results.compare.items()},
        "scaling": {str(n): builds(series) for n, series in results.scaling.items()},
        "scaling_plain": {str(n): builds(series) for n, series in results.scaling_plain.items()},
        "incremental": [case.__dict__ for case in results.incremental],
        "parallel": p
        and {
            "entries": p.entries,
            "serial": {"wall_s": p.serial.wall, "cpu_s": p.serial.cpu},
            "parallel": {"wall_s": p.parallel.wall, "cpu_s": p.parallel.cpu},
            "plain": p.plain and [{"wall_s": b.wall, "cpu_s": b.cpu} for b in p.plain],
            "crawl_json_identical": p.crawl_json_identical,
            "differing_pages": p.differing,
        },
        "goals": [g.__dict__ for g in goals(results)],
        "fair": [asdict(size) for size in results.fair],
        "fair_goals": fair_goals(results.fair) if results.fair else [],
        "elapsed_s": results.elapsed,
    }


_PROFILED_BUILD = """
import cProfile, sys, time
from sphinx.cmd.build import main
profiler = cProfile.Profile(time.process_time)
profiler.enable()
code = main(sys.argv[2:])
profiler.disable()
profiler.dump_stats(sys.argv[1])
sys.exit(code)
"""


def profile(work: Path, entries: int, shape: str = "short", top: int = 25) -> None:
    """cProfile one fresh (c) build of the fair corpus (``shape``: "short" or "long") or of
    the standard corpus ("standard"), timed in CPU time (robust on a shared machine);
    print sphinx_crawl's functions and the overall top."""
    import pstats

    from tests.bench.fair import SHAPES

    name = f"profile-{shape}-{entries}"
    src, out = work / "src" / name, work / "out" / name
    if shape == "standard":
        write_project(make_corpus(entries), "c", "md", src)
    else:
        corpus = make_corpus(entries, SHAPES[shape].per_page, kind="fair")
        write_project(corpus, "c", "md", src, "fair")
    stats_file = work / f"{name}.prof"
    command = [sys.executable, "-c", _PROFILED_BUILD, str(stats_file)]
    subprocess.run([*command, "-q", "-E", "-b", "html", str(src), str(out)], check=True, cwd=work)
    stats = pstats.Stats(str(stats_file))
    print(f"Profile (CPU time) of a (c) build of {entries:,} entries, {shape}: {stats_file}")
    stats.sort_stats("cumulative").print_stats("sphinx_crawl", top)
    stats.sort_stats("tottime").print_stats(top)


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


# -- command line ----------------------------------------------------------------------------

STAGES: dict[str, Callable[[Path, Sizes, Results], None]] = {
    "compare": run_comparison,
    "scaling": run_scaling,
    "incremental": run_incremental,
    "parallel": run_parallel,
    "fair": run_fair_corpus,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(STAGES),
        help="run only this part (repeatable)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help=f"Markdown report to write (default: {REPORT.relative_to(ROOT)} on a full run, "
        "nothing with --quick or --only)",
    )
    parser.add_argument("--workdir", type=Path, help="where projects are built (kept)")
    parser.add_argument("--reps", type=int, help="repetitions of each build")
    parser.add_argument(
        "--metric",
        choices=("cpu", "wall"),
        default="cpu",
        help="what ratios and goals use: CPU time of the build process (default; robust on a "
        "shared machine) or wall-clock time",
    )
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="ENTRIES",
        help="instead of the benchmark, cProfile one (c) build of this many entries",
    )
    parser.add_argument(
        "--shape",
        choices=("short", "long", "standard"),
        default="short",
        help="with --profile: the fair corpus's many short pages (default) or few long "
        "pages, or the standard corpus",
    )
    args = parser.parse_args(argv)
    if args.profile:
        profile(
            args.workdir or Path(tempfile.mkdtemp(prefix="sphinx-crawl-profile-")),
            args.profile,
            args.shape,
        )
        return 0

    sizes = QUICK if args.quick else FULL
    if args.reps:
        sizes = Sizes(**{**sizes.__dict__, "reps": args.reps})
    stages = args.only or list(STAGES)
    output = args.output or (REPORT if not args.quick and not args.only else None)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sphinx-crawl-bench-"))
    results = Results(sizes, metric=args.metric)
    results.load.append(_load())
    log(f"load average before: {results.load[0]}; work directory: {work}")
    start = time.perf_counter()
    try:
        for name in stages:
            log(f"{name}...")
            STAGES[name](work, sizes, results)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    results.elapsed = time.perf_counter() - start
    results.load.append(_load())
    log(f"load average after: {results.load[-1]}")

    print(render(results))
    problems = [
        f"({variant}) {fmt} warned: {series.warnings[:3]}"
        for (fmt, variant), series in results.compare.items()
        if series.warnings
    ]
    problems += [
        f"{entries} entries warned: {series.warnings[:3]}"
        for found in (results.scaling, results.scaling_plain)
        for entries, series in found.items()
        if series.warnings
    ]
    for problem in problems:
        print(f"ERROR: {problem}")
    print(f"Benchmark took {results.elapsed / 60:.1f} minutes.")
    if args.json is not None:
        args.json.write_text(json.dumps(raw_results(results), indent=2), encoding="utf-8")
    if output is not None:
        output.write_text(report_markdown(results), encoding="utf-8")
        print(f"Report written to {output}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
