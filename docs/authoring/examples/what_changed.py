"""Print what changed between two releases of a handbook.

    python what_changed.py old/crawl.json new/crawl.json
    python what_changed.py crawl-changes.json

Two crawl.json files are compared as the build compares them; one crawl-changes.json
(written by a build with ``crawl_previous``) is read as it is. Only the standard
library and ``sphinx_crawl.api`` are used: no Sphinx.
"""

from __future__ import annotations

import sys

from sphinx_crawl.api import Changes, CrawlDataError, compare, load, load_changes


def report(changes: Changes) -> list[str]:
    before = changes.previous_version or "the previous release"
    when = f" ({changes.date})" if changes.date else ""
    lines = [f"{changes.project}: from {before} to {changes.version or 'this release'}{when}"]
    if not changes:
        return [*lines, "  Nothing changed."]
    for change in changes.added:
        lines.append(f"  New: {change.title} ({change.type}) at {change.url}")
    for change in changes.changed:
        what = ", ".join(change.fields)
        lines.append(f"  Changed: {change.title} ({change.type}): {what}")
    for change in changes.removed:
        lines.append(f"  Removed: {change.title} ({change.type})")
    return lines


def main(paths: list[str]) -> int:
    try:
        if len(paths) == 2:
            changes = compare(load(paths[0]), load(paths[1]))
        elif len(paths) == 1:
            changes = load_changes(paths[0])
        else:
            print(__doc__.strip().splitlines()[0], file=sys.stderr)
            return 2
    except CrawlDataError as problem:
        print(f"cannot read it: {problem}", file=sys.stderr)
        return 1
    print("\n".join(report(changes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
