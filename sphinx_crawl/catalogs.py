"""Check a project's translations: ``python -m sphinx_crawl.catalogs LOCALE_DIR LANG``.

Reports, for each page's catalog (``LOCALE_DIR/LANG/LC_MESSAGES/*.po``), the messages
not translated yet and those marked fuzzy; with ``--templates`` (the gettext builder's
output), also the English messages a catalog does not hold yet and pages with no
catalog. Exits 1 when anything is reported, so a build can stop on it.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po


@dataclass
class Report:
    translated: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.missing)


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def check(
    locale_dir: Path, language: str, templates: Path | None = None, skip: tuple[str, ...] = ()
) -> Report:
    report = Report()
    catalogs = locale_dir / language / "LC_MESSAGES"
    for po in sorted(catalogs.rglob("*.po")):
        name = po.relative_to(catalogs).with_suffix("").as_posix()
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in skip):
            continue
        for message in _read(po):
            if not message.id:
                continue
            where = f"{name}: {str(message.id)[:70]!r}"
            if message.fuzzy:
                report.fuzzy.append(where)
            elif not message.string:
                report.untranslated.append(where)
            else:
                report.translated += 1
    if templates is not None:
        for pot in sorted(templates.rglob("*.pot")):
            name = pot.relative_to(templates).with_suffix("").as_posix()
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in skip):
                continue
            po = catalogs / f"{name}.po"
            held = {m.id for m in _read(po)} if po.is_file() else set()
            report.missing += [
                f"{name}: {str(m.id)[:70]!r}" for m in _read(pot) if m.id and m.id not in held
            ]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("locale_dir", type=Path)
    parser.add_argument("language")
    parser.add_argument("--templates", type=Path, help="the gettext builder's output folder")
    parser.add_argument("--skip", action="append", default=[], help="page pattern to leave out")
    args = parser.parse_args(argv)
    report = check(args.locale_dir, args.language, args.templates, tuple(args.skip))
    for kind in ("missing", "untranslated", "fuzzy"):
        for where in getattr(report, kind):
            print(f"{kind}: {where}")
    total = report.translated + len(report.untranslated) + len(report.fuzzy)
    print(
        f"{args.language}: {report.translated} of {total} messages translated, "
        f"{len(report.untranslated)} untranslated, {len(report.fuzzy)} fuzzy, "
        f"{len(report.missing)} not in the catalogs yet"
    )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
