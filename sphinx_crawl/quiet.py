"""Quiet no-op rebuilds: a rebuild with nothing to do writes no file at all.

Sphinx's HTML builder finishes every build by regenerating files that depend only on
the environment and the configuration: the general and domain indices, the search
page and index, the inventory, ``.buildinfo``, the Pygments style sheets and the
theme's templated static files. When a rebuild read no page and writes no page,
neither has changed, so those files would be written with the bytes they already
hold; deploys, file watchers and backups would still see a change in every one.

A rebuild is a no-op when no source was added, changed or removed and the builder
writes no page (``prepare_writing`` is handed no page: pages outdated by a changed
template, HTML setting or missing output are written, and make it no no-op). Then
each of those finishing steps is skipped as long as the files it writes exist;
static files that are copied, not generated, are still copied when changed. Our own
files (crawl.json, the search index) ask :func:`nothing_changed` before rebuilding.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment


class QuietRebuild:
    """What this build read and writes, and the finishing steps it may skip."""

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.builder = builder
        self.sources_changed = 0
        self.pages_to_write: int | None = None  # None until writing starts

    def note_outdated(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        self.sources_changed += len(added) + len(changed) + len(removed)
        return []

    @property
    def is_no_op(self) -> bool:
        return self.sources_changed == 0 and self.pages_to_write == 0

    def install(self) -> None:
        """Wrap the builder's finishing steps (this builder only, not its class)."""
        builder = self.builder
        prepare_writing = builder.prepare_writing

        def counting_prepare_writing(docnames: Any) -> None:
            self.pages_to_write = len(docnames)
            prepare_writing(docnames)

        builder.prepare_writing = counting_prepare_writing  # type: ignore[method-assign]
        out, static = Path(builder.outdir), Path(builder.outdir) / "_static"
        steps: dict[str, Callable[[], Iterable[Path]]] = {
            "gen_indices": lambda: self._index_pages(),
            "gen_additional_pages": lambda: self._additional_pages(),
            "write_buildinfo": lambda: [out / ".buildinfo"],
            "dump_search_index": lambda: (
                [out / builder.searchindex_filename] if builder.indexer is not None else []
            ),
            "dump_inventory": lambda: [out / "objects.inv"],
            "create_pygments_style_file": lambda: (
                [static / "pygments.css"]
                + ([static / "pygments_dark.css"] if builder.dark_highlighter else [])
            ),
        }
        for name, outputs in steps.items():
            original = getattr(builder, name, None)
            if original is not None:
                setattr(builder, name, self._skippable(original, outputs))
        copy_theme = getattr(builder, "copy_theme_static_files", None)
        if copy_theme is not None:
            builder.copy_theme_static_files = self._theme_files(copy_theme)  # type: ignore[method-assign]

    def _skippable(
        self, step: Callable[..., None], outputs: Callable[[], Iterable[Path]]
    ) -> Callable[..., None]:
        def run(*args: Any) -> None:
            if not (self.is_no_op and all(path.is_file() for path in outputs())):
                step(*args)

        return run

    def _page(self, pagename: str) -> Path:
        return Path(self.builder.outdir, pagename + self.builder.out_suffix)

    def _index_pages(self) -> list[Path]:
        builder = self.builder
        names = ["genindex"] if builder.use_index else []
        names += [entry[0] for entry in getattr(builder, "domain_indices", [])]
        # dirhtml writes genindex/index.html: ask the builder where each page goes.
        return [Path(builder.get_outfilename(name)) for name in names]

    def _additional_pages(self) -> list[Path]:
        builder = self.builder
        names = list(builder.config.html_additional_pages)
        names += ["search"] if builder.search else []
        found = [Path(builder.get_outfilename(name)) for name in names]
        if builder.config.html_use_opensearch and builder.search:
            found.append(Path(builder.outdir, "_static", "opensearch.xml"))
        return found

    def _theme_files(self, copy_theme: Callable[[dict[str, Any]], None]) -> Callable[..., None]:
        """The theme's static files: copied as usual, except on a no-op rebuild the
        templated ones (``basic.css_t``...) whose rendered copy exists, since their
        inputs (the configuration) have not changed."""

        def run(context: dict[str, Any]) -> None:
            if not self.is_no_op or not _theme_templates_written(self.builder):
                copy_theme(context)
                return
            from sphinx.util.fileutil import copy_asset

            for entry in reversed(self.builder.theme.get_theme_dirs()):
                copy_asset(
                    Path(entry, "static"),
                    Path(self.builder.outdir, "_static"),
                    excluded=lambda path: (
                        posixpath.basename(path).startswith(".") or _is_template(path)
                    ),
                    force=True,
                )

        return run


def _is_template(path: str) -> bool:
    return path.lower().endswith(("_t", ".jinja"))


def _theme_templates_written(builder: StandaloneHTMLBuilder) -> bool:
    if not builder.theme:
        return False
    static = Path(builder.outdir, "_static")
    for entry in builder.theme.get_theme_dirs():
        folder = Path(entry, "static")
        if folder.is_dir():
            for template in folder.rglob("*"):
                if template.is_file() and _is_template(template.name):
                    rendered = template.name[:-2] if template.name.endswith("_t") else template.stem
                    relative = template.relative_to(folder).with_name(rendered)
                    if not (static / relative).is_file():
                        return False
    return True


_BUILDS: WeakKeyDictionary[Builder, QuietRebuild] = WeakKeyDictionary()


def nothing_changed(app: Sphinx) -> bool:
    """Whether this build is a no-op rebuild (see the module's docstring)."""
    found = _BUILDS.get(app.builder)
    return found is not None and found.is_no_op


def start_quiet_rebuild(app: Sphinx) -> None:
    """``builder-inited``: for HTML builders that write a file per page (not EPUB)."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or isinstance(builder, SingleFileHTMLBuilder):
        return
    if builder.name.startswith("epub"):
        return
    quiet = QuietRebuild(builder)
    quiet.install()
    _BUILDS[builder] = quiet
    app.connect("env-get-outdated", quiet.note_outdated)


def setup_quiet_rebuild(app: Sphinx) -> None:
    app.connect("builder-inited", start_quiet_rebuild)
