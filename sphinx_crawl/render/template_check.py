"""Pages whose template leaves out the extension's scripts or styles.

An adopter's own ``layout.html`` (``templates_path``) that empties the ``scripts`` or
``css`` block, or a theme that prints neither ``script_files`` nor ``css_files``, gives
pages that look whole: the entries are there, and the checkboxes of a checklist tick.
But without the scripts the ticks are kept nowhere, and the age filter, the baby panel,
the tracker, the phone search box and the offline copy never show; without the styles
the words for screen readers show twice and the urgency bands are gone. Nothing said so.
One page per template is read back once the build has written it (a few files, however
large the handbook), and a located ``crawl.config`` warning names what is lost.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import config_location
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.render.other_hosts import check_other_hosts

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: Each part the extension links from every HTML page: the file, the template block
#: that prints it, and what a page without it loses.
PARTS = (
    (
        "crawl.js",
        "scripts",
        "the scripts",
        "the checklists keep no tick, and the age filter, the baby panel, the tracker, the "
        "search box and the offline copy do not show",
    ),
    (
        "crawl.css",
        "css",
        "the styles",
        "the words for screen readers show on the page and the urgency bands are gone",
    ),
)

#: The pages without a document Sphinx writes in every project (the entry index pages
#: are domain indices): a reader uses the search box and the filters there too.
SPHINX_PAGES = ("genindex.html", "search.html", "domainindex.html")

#: Each app's templates, and the first page written with each that links our files.
_WRITTEN: weakref.WeakKeyDictionary[Sphinx, dict[str, str]] = weakref.WeakKeyDictionary()


def _links(context: dict[str, Any], key: str, name: str) -> bool:
    return any(
        str(getattr(file, "filename", file)).endswith("_static/" + name)
        for file in context.get(key) or ()
    )


def note_template(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the first page of each template asked to link our files."""
    if hasattr(app.builder, "implementation") or app.builder.name.startswith("epub"):
        return  # JSON and pickle: the body alone, as data; EPUB: no scripts, on purpose
    written = _WRITTEN.setdefault(app, {})
    if templatename in written or not templatename.endswith((".html", ".htm", ".xhtml")):
        return
    if doctree is None and templatename not in SPHINX_PAGES:
        return  # html_additional_pages: a page of the adopter's own, scripts or not
    if not (
        _links(context, "script_files", "crawl.js") or _links(context, "css_files", "crawl.css")
    ):
        return
    written[templatename] = pagename


def check_templates(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the pages noted above, as written, link our files; one warning
    for each file they leave out, naming the templates."""
    written = _WRITTEN.pop(app, {})
    if exception is not None:
        return
    outfile: Callable[[str], str] | None = getattr(app.builder, "get_outfilename", None)
    if outfile is None:  # only HTML builders write pages from templates
        return
    pages: dict[str, str] = {}
    paths: dict[str, Path] = {}
    for templatename, pagename in written.items():
        try:
            paths[templatename] = path = Path(outfile(pagename))
            pages[templatename] = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    check_other_hosts(app, {name: (paths[name], page) for name, page in pages.items()})
    for name, block, what, lost in PARTS:
        without = [template for template, page in pages.items() if f"_static/{name}" not in page]
        if not without:
            continue
        named = ", ".join(repr(template) for template in without)
        warn(
            f"pages written with {named} leave out {what} of sphinx-crawl ({name}): {lost}; "
            f"keep the '{block}' block of the template (call {{{{ super() }}}} in yours)",
            _template_location(app, without[0], block),
            "config",
        )


def _template_location(app: Sphinx, templatename: str, block: str) -> str:
    """The project's own template that empties the block (``layout.html`` or the page's
    template, in ``templates_path``), at the block's line (its first line if it names no
    such block); else the theme's setting."""
    opening = re.compile(rf"{{%-?\s*block\s+{re.escape(block)}\b")
    found = []
    for folder in app.config.templates_path:
        for name in (templatename, "layout.html"):
            path = Path(app.confdir, folder, name)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            line = next((n for n, text in enumerate(lines, 1) if opening.search(text)), 0)
            if line:
                return f"{path}:{line}"
            found.append(f"{path}:1")
    return found[0] if found else config_location(app, "html_theme", "templates_path")


def setup_template_check(app: Sphinx) -> None:
    app.connect("html-page-context", note_template, priority=900)
    app.connect("build-finished", check_templates)
