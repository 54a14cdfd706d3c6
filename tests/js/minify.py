"""Write, or check, the package's terser copies of its scripts (``static/min``).

``nox -s minify`` writes them after a script changes; ``nox -s lint`` checks that each
copy is what the pinned terser makes of its source, byte for byte. Names are shortened
(``-m``) and the code compressed (``-c``, terser's safe transforms: crawl-search.js,
which every search downloads, went from 13.3 to 13.1 KiB gzipped). The JavaScript tests
run the shipped copies as well as the sources (tests/test_javascript.py), and the
browser tests run only them: what terser rewrites is tested as shipped.

    python tests/js/minify.py TERSER [--check]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sphinx_crawl.output import TERSER_DIR, TERSER_HEADER, source_digest

STATIC = Path(__file__).resolve().parents[2] / "sphinx_crawl" / "static"
#: The service worker is a template each build fills (offline.worker_script): its
#: placeholders are not JavaScript until then, and it is shipped as written.
NOT_MINIFIED = frozenset({"crawl-sw.js"})


def scripts() -> list[Path]:
    return [p for p in sorted(STATIC.glob("*.js")) if p.name not in NOT_MINIFIED]


def terser_copy(terser: str, source: Path) -> bytes:
    made = subprocess.run(
        [terser, str(source), "-m", "-c"], capture_output=True, check=True, timeout=120
    ).stdout
    header = TERSER_HEADER.format(name=source.name, digest=source_digest(source.read_bytes()))
    return header.encode("utf-8") + made.rstrip(b"\n") + b"\n"


def main(terser: str, check: bool) -> int:
    folder = STATIC / TERSER_DIR
    folder.mkdir(exist_ok=True)
    wanted = {source.name: terser_copy(terser, source) for source in scripts()}
    stale = sorted(
        name
        for name in {*wanted, *(p.name for p in folder.glob("*.js"))}
        if not (folder / name).is_file() or (folder / name).read_bytes() != wanted.get(name)
    )
    if check:
        for name in stale:
            print(f"static/{TERSER_DIR}/{name} is not terser's copy of its source: nox -s minify")
        return 1 if stale else 0
    for name in stale:
        if name in wanted:
            (folder / name).write_bytes(wanted[name])
        else:
            (folder / name).unlink()
        print(f"wrote static/{TERSER_DIR}/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--check" in sys.argv[2:]))
