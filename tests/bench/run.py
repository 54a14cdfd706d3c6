"""Build synthetic handbooks four ways and report how sphinx_crawl compares.

    python -m tests.bench.run            # the full run (writes docs/authoring/benchmark.md)
    python -m tests.bench.run --quick    # small sizes, one repetition, writes nothing

Every build is a separate ``python -m sphinx`` process, timed with time.perf_counter
around it; its CPU time and peak resident memory come from ``os.wait4``. Ratios use
the fastest of the repetitions (the least disturbed by anything else on the machine).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

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


FULL = Sizes(compare=2000, scaling=(1000, 5000, 20000), incremental=1000, parallel=20000, reps=3, reps_large=1)  # fmt: skip
QUICK = Sizes(compare=200, scaling=(200, 1000), incremental=200, parallel=1000, reps=1, reps_large=1)  # fmt: skip

GOAL_DESIGN = 1.10  # c/b, MyST
GOAL_NEEDS = 3.0  # d/c, MyST, with collections
GOAL_FLAT = 1.2  # time per entry, largest over smallest size


# -- one build -----------------------------------------------------------------------------


@dataclass
class Build:
    wall: float
    cpu: float
    max_rss_kib: int
    returncode: int
    warnings: list[str]
    outdir: Path

    @property
    def pickle_bytes(self) -> int:
        return _size(self.outdir / ".doctrees" / "environment.pickle")

    @property
    def searchindex_bytes(self) -> int:
        return _size(self.outdir / "searchindex.js")

    @property
    def crawl_searchindex_bytes(self) -> int:
        return _size(self.outdir / "crawl-searchindex.js")


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def sphinx_build(srcdir: Path, outdir: Path, *, fresh: bool = True, jobs: str = "1") -> Build:
    """One ``python -m sphinx -b html`` in a child process; ``fresh`` empties ``outdir``."""
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-j", jobs]
    if fresh:
        command.append("-E")
    command += [str(srcdir), str(outdir)]
    log = outdir.parent / f"{outdir.name}.log"
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as stream:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = _ANSI.sub("", log.read_text(encoding="utf-8"))
    warnings = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    if process.returncode != 0:
        raise SystemExit(f"sphinx-build failed ({process.returncode}) on {srcdir}:\n{text[-3000:]}")
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_kib=usage.ru_maxrss,
        returncode=process.returncode,
        warnings=warnings,
        outdir=outdir,
    )


@dataclass
class Series:
    """Repeated builds of one configuration."""

    entries: int
    builds: list[Build] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(b.wall for b in self.builds)

    @property
    def wall_median(self) -> float:
        return statistics.median(b.wall for b in self.builds)

    @property
    def cpu(self) -> float:
        return min(b.cpu for b in self.builds)

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
    compare: dict[tuple[str, str], Series] = field(default_factory=dict)  # (fmt, variant)
    baseline: Series | None = None  # (c) with no entries: the fixed cost of a build
    scaling: dict[int, Series] = field(default_factory=dict)
    incremental: list[IncrementalCase] = field(default_factory=list)
    parallel: Parallel | None = None
    elapsed: float = 0.0


def run_comparison(work: Path, sizes: Sizes, results: Results) -> None:
    corpus = make_corpus(sizes.compare)
    for fmt, variants in FORMAT_VARIANTS.items():
        projects = {}
        for variant in variants:
            projects[variant] = work / "src" / f"compare-{fmt}-{variant}"
            write_project(corpus, variant, fmt, projects[variant])
            results.compare[(fmt, variant)] = Series(sizes.compare)
        for rep in range(sizes.reps):
            for variant in variants:  # round robin, so drift hits every variant alike
                build = sphinx_build(projects[variant], work / "out" / f"compare-{fmt}-{variant}")
                results.compare[(fmt, variant)].builds.append(build)
                log(f"  compare {fmt} {variant} #{rep + 1}: {build.wall:.1f} s")


def run_scaling(work: Path, sizes: Sizes, results: Results) -> None:
    baseline = work / "src" / "scale-0"
    write_project(make_corpus(0), "c", "md", baseline)
    results.baseline = Series(0)
    for rep in range(sizes.reps):
        build = sphinx_build(baseline, work / "out" / "scale-0")
        results.baseline.builds.append(build)
        log(f"  scaling 0 entries #{rep + 1}: {build.wall:.1f} s")
    for entries in sizes.scaling:
        src = work / "src" / f"scale-{entries}"
        write_project(make_corpus(entries), "c", "md", src)
        series = results.scaling[entries] = Series(entries)
        for rep in range(sizes.reps if entries < 10000 else sizes.reps_large):
            build = sphinx_build(src, work / "out" / f"scale-{entries}")
            series.builds.append(build)
            log(f"  scaling {entries} entries #{rep + 1}: {build.wall:.1f} s")


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
    edits = [("one entry edited, shown by a crawl-list", shown)]
    edits += [("one entry edited, shown by no crawl-list", hidden)]
    written_by: dict[tuple[str, str], list[str]] = {}
    others_by: dict[tuple[str, str], list[str]] = {}
    for variant in ("a", "c"):
        src = work / "src" / f"incremental-{variant}"
        paths = write_project(corpus, variant, "md", src)
        pages = {f"{docname}.html": docname for docname in paths}
        out = work / "out" / f"incremental-{variant}"
        sphinx_build(src, out)
        steps: list[tuple[str, Entry | None]] = [("nothing changed", None), *edits]
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
    for name, entry in [("nothing changed", None), *edits]:
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

    @property
    def ratio(self) -> float:
        return self.parallel.wall / self.serial.wall


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


def run_parallel(work: Path, sizes: Sizes, results: Results) -> None:
    src = work / "src" / f"scale-{sizes.parallel}"
    if sizes.parallel in results.scaling:
        serial = results.scaling[sizes.parallel].last
    else:
        write_project(make_corpus(sizes.parallel), "c", "md", src)
        serial = sphinx_build(src, work / "out" / f"scale-{sizes.parallel}")
    parallel = sphinx_build(src, work / "out" / f"parallel-{sizes.parallel}", jobs="auto")
    log(f"  parallel {sizes.parallel} entries, -j auto: {parallel.wall:.1f} s")
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
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# -- the report ------------------------------------------------------------------------------


@dataclass
class Goal:
    text: str
    measured: str
    passed: bool


def _ratio(results: Results, fmt: str, top: str, bottom: str) -> float:
    return results.compare[(fmt, top)].wall / results.compare[(fmt, bottom)].wall


def _cpu_ratio(results: Results, fmt: str, top: str, bottom: str) -> float:
    return results.compare[(fmt, top)].cpu / results.compare[(fmt, bottom)].cpu


def _per_entry(results: Results, entries: int, marginal: bool) -> float:
    fixed = results.baseline.wall if marginal and results.baseline else 0.0
    return (results.scaling[entries].wall - fixed) / entries


def goals(results: Results) -> list[Goal]:
    found = []
    if ("md", "b") in results.compare:
        value = _ratio(results, "md", "c", "b")
        found.append(Goal(f"c/b <= {GOAL_DESIGN:.2f} (MyST)", f"{value:.2f}", value <= GOAL_DESIGN))
    if ("md", "d") in results.compare:
        value = _ratio(results, "md", "d", "c")
        found.append(
            Goal(
                f"sphinx-needs / sphinx_crawl >= {GOAL_NEEDS:.0f} (d/c, MyST, with collections)",
                f"{value:.2f}",
                value >= GOAL_NEEDS,
            )
        )
    if len(results.scaling) >= 2:
        small, large = min(results.scaling), max(results.scaling)
        value = _per_entry(results, large, True) / _per_entry(results, small, True)
        found.append(
            Goal(
                f"time per entry flat within {GOAL_FLAT}x from {small:,} to {large:,} entries",
                f"{value:.2f}x",
                value <= GOAL_FLAT,
            )
        )
    for case in results.incremental:
        if case.name == "nothing changed":
            found.append(
                Goal(
                    "no-change rebuild rewrites no page",
                    f"{len(case.written)} pages",
                    not case.written,
                )
            )
        elif case.name.endswith("shown by a crawl-list"):
            found.append(
                Goal(
                    "one-entry edit rewrites only its page + pages showing it",
                    f"{len(case.written)} pages ({', '.join(case.written)})",
                    case.passed,
                )
            )
    if results.parallel:
        p = results.parallel
        found.append(
            Goal(
                "-j auto output identical to -j 1",
                f"crawl.json {'identical' if p.crawl_json_identical else 'DIFFERS'}; "
                f"{p.pages_identical}/{p.pages} pages identical",
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


def _kib(n: float) -> str:
    return f"{n / 1024:,.0f}"


def render(results: Results) -> str:
    s = results.sizes
    parts = []
    if results.compare:
        rows = []
        for fmt, name in (("md", "MyST"), ("rst", "reStructuredText")):
            if (fmt, "c") not in results.compare:
                continue
            for other in ("a", "b", "d"):
                if (fmt, other) in results.compare:
                    rows.append(
                        [
                            name,
                            f"c/{other}",
                            f"{_ratio(results, fmt, 'c', other):.2f}",
                            f"{_cpu_ratio(results, fmt, 'c', other):.2f}",
                            f"{_ratio(results, fmt, other, 'c'):.2f}",
                        ]
                    )
        parts += [
            f"### Build time ratios ({s.compare:,} entries, -E, -j 1)",
            _table(["Source", "Ratio", "Wall clock", "CPU time", "Inverse"], rows),
        ]
        rows = []
        for (fmt, variant), series in results.compare.items():
            build = series.last
            rows.append(
                [
                    "MyST" if fmt == "md" else "rST",
                    f"({variant}) {VARIANT_LABELS[variant]}",
                    f"{series.wall / results.compare[(fmt, 'a')].wall:.2f}",
                    f"{series.max_rss_mib:,.0f}",
                    f"{build.pickle_bytes / series.entries:,.0f}",
                    _kib(build.searchindex_bytes)
                    + (
                        f" (+{_kib(build.crawl_searchindex_bytes)} crawl)"
                        if build.crawl_searchindex_bytes
                        else ""
                    ),
                    str(len(series.warnings)),
                ]
            )
        parts += [
            "### Each variant",
            _table(
                [
                    "Source",
                    "Variant",
                    "Time vs (a)",
                    "Peak memory (MiB)",
                    "Env pickle bytes / entry",
                    "searchindex.js (KiB)",
                    "Warnings",
                ],
                rows,
            ),
        ]
    if results.scaling:
        small = min(results.scaling)
        rows = []
        for entries, series in sorted(results.scaling.items()):
            rows.append(
                [
                    f"{entries:,}",
                    f"{len(series.builds)}",
                    f"{_per_entry(results, entries, False) / _per_entry(results, small, False):.2f}",
                    f"{_per_entry(results, entries, True) / _per_entry(results, small, True):.2f}",
                    f"{series.max_rss_mib:,.0f}",
                    f"{series.last.pickle_bytes / entries:,.0f}",
                    _kib(series.last.searchindex_bytes + series.last.crawl_searchindex_bytes),
                ]
            )
        parts += [
            "### Scaling of (c), MyST, 10 entries a page",
            _table(
                [
                    "Entries",
                    "Builds",
                    "Time per entry (vs smallest)",
                    "Less fixed cost (vs smallest)",
                    "Peak memory (MiB)",
                    "Env pickle bytes / entry",
                    "Search indices (KiB)",
                ],
                rows,
            ),
        ]
    if results.incremental:
        rows = [
            [
                case.name,
                _pages(case.written),
                _pages(case.expected),
                _pages(case.sphinx_core),
                "PASS" if case.passed else "MISS",
            ]
            for case in results.incremental
        ]
        parts += [
            f"### Incremental builds of (c), {s.incremental:,} entries",
            _table(
                [
                    "Change",
                    "Pages rewritten",
                    "Pages showing the entry",
                    "Plain Sphinx (a) rewrites",
                    "",
                ],
                rows,
            ),
        ]
    if results.parallel:
        p = results.parallel
        parts += [
            f"### Parallel build of (c), {p.entries:,} entries",
            _table(
                ["-j auto / -j 1 (wall)", "CPU time ratio", "crawl.json", "Pages' main content"],
                [
                    [
                        f"{p.ratio:.2f}",
                        f"{p.parallel.cpu / p.serial.cpu:.2f}",
                        "identical" if p.crawl_json_identical else "differs",
                        f"{p.pages_identical:,} of {p.pages:,} identical",
                    ]
                ],
            ),
        ]
    found = goals(results)
    parts += [
        "### Goals",
        _table(
            ["Goal", "Measured", "Result"],
            [[g.text, g.measured, "PASS" if g.passed else "MISS"] for g in found],
        ),
    ]
    return "\n\n".join(parts) + "\n"


def _pages(docnames: Sequence[str]) -> str:
    return ", ".join(docnames) if docnames else "none"


METHOD = """\
The benchmark (`nox -s bench`, code in `tests/bench/`) generates a synthetic handbook
of {compare:,} entries, 10 to a page (3 milestones in a milestone table, 4 tips,
3 red flags), and three list pages (red flags for an age as a checklist, tips with
some tags as cards, milestones for an age as a table). It writes the same words
(title, body paragraphs, age, tags, source; urgency and call to action for red
flags) four ways, in MyST and in reStructuredText:

- **(a)** plain Sphinx: admonitions, list-tables, labels and `ref` links; the list
  pages written out by hand;
- **(b)** hand-written sphinx-design cards (`card`, and a `grid` of cards for the
  card list);
- **(c)** sphinx_crawl: `tip-card`, `red-flag`, `milestone-table`/`milestone` and
  `crawl-list`;
- **(d)** sphinx-needs (MyST only): need types `tipcard`, `redflag` and `milestone`
  with `age`, `urgency`, `action` and `source` fields, and a `needtable` whose
  filter selects what the `crawl-list` selects.

Each build is a fresh `python -m sphinx -E -q -b html` in its own process with the
default theme (alabaster; its global navigation sidebar is left out in every variant,
as it lists every page on every page). The variants are built in turn, {reps} times
each, and each ratio compares the fastest of those runs (wall clock; the CPU-time
ratio is shown beside it). Peak memory is the child process's maximum resident set
size; the pickle size is that of `.doctrees/environment.pickle`. The scaling table
gives the time per entry relative to the smallest size, both as measured and less
the fixed cost of building a project with no entries. The incremental table builds
once, then rebuilds and lists the pages whose HTML file was rewritten (by modification
time). Plain Sphinx also rewrites the page whose toctree lists an edited page (here
`index`), so that column shows what (a) rewrites for the same edit; (c) should rewrite
that plus the list pages showing the entry. Absolute times depend on the machine and
are not given.
"""


def report_markdown(results: Results) -> str:
    s = results.sizes
    return (
        "---\nlast_reviewed: 2026-11-21\nnext_review: 2027-11-21\n---\n\n"
        "# Benchmark\n\n"
        "How sphinx_crawl's build cost compares with writing the same handbook without "
        "it, with sphinx-design cards, or with sphinx-needs. Regenerate this page with "
        "`nox -s bench`.\n\n"
        "## Method\n\n"
        + METHOD.format(compare=s.compare, reps=s.reps)
        + f"\nMeasured with {_versions()}; Python {platform.python_version()}, "
        f"{os.cpu_count()} cores.\n\n"
        "## Results\n\n" + render(results)
    )


# -- command line ----------------------------------------------------------------------------

STAGES: dict[str, Callable[[Path, Sizes, Results], None]] = {
    "compare": run_comparison,
    "scaling": run_scaling,
    "incremental": run_incremental,
    "parallel": run_parallel,
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
    args = parser.parse_args(argv)

    sizes = QUICK if args.quick else FULL
    if args.reps:
        sizes = Sizes(**{**sizes.__dict__, "reps": args.reps})
    stages = args.only or list(STAGES)
    output = args.output or (REPORT if not args.quick and not args.only else None)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sphinx-crawl-bench-"))
    results = Results(sizes)
    start = time.perf_counter()
    try:
        for name in stages:
            log(f"{name}...")
            STAGES[name](work, sizes, results)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    results.elapsed = time.perf_counter() - start

    print(render(results))
    problems = [
        f"({variant}) {fmt} warned: {series.warnings[:3]}"
        for (fmt, variant), series in results.compare.items()
        if series.warnings
    ]
    problems += [f"(c) scaling warned: {s.warnings[:3]}" for s in results.scaling.values() if s.warnings]
    for problem in problems:
        print(f"ERROR: {problem}")
    print(f"Benchmark took {results.elapsed / 60:.1f} minutes.")
    if output is not None:
        output.write_text(report_markdown(results), encoding="utf-8")
        print(f"Report written to {output}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
