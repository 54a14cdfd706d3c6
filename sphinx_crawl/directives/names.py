"""The extension's directive names, and what happens when another extension takes one.

Two extensions cannot both own a directive name: docutils keeps one class per name,
the last registered (sphinx-immaterial registers its own ``question``). Every name the
extension registers goes through :func:`add_crawl_directive`; before pages are read,
:func:`check_directive_names` finds any name now held by another extension's class
and says so (``crawl.config``, at the ``extensions`` line of conf.py), naming both and
the way out: ``crawl_directive_prefix``, which offers every directive under a second
name (``crawl-question``) that nothing else takes. A name written in a MyST ``:::``
fence that MyST does not read (no ``colon_fence``) is said too.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

from docutils.parsers.rst import directives as docutils_directives

from sphinx_crawl.config import config_location, crawl_config
from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: Each app's directive names and the classes the extension registered for them.
_OURS: weakref.WeakKeyDictionary[Sphinx, dict[str, type[Directive]]] = weakref.WeakKeyDictionary()


def add_crawl_directive(app: Sphinx, name: str, directive: type[Directive]) -> None:
    """Register one of the extension's directives, remembering that it is ours."""
    app.add_directive(name, directive)
    _OURS.setdefault(app, {})[name] = directive


def foreign_holder(name: str) -> str | None:
    """The package whose directive has ``name`` now, if it is not an entry directive of
    the extension (one made for a content type has a ``content_type``)."""
    holder = docutils_directives._directives.get(name)  # type: ignore[attr-defined]
    if holder is None or getattr(holder, "content_type", None) is not None:
        return None
    return str(getattr(holder, "__module__", "") or "another extension")


def crawl_directive_names(app: Sphinx) -> list[str]:
    """Every name a directive of the extension goes by in ``app`` (prefixed ones too)."""
    return list(_OURS.get(app, {}))


def add_prefixed_names(app: Sphinx, config: Config) -> None:
    """``config-inited``: with ``crawl_directive_prefix``, each directive under its
    second name too (the first stays, where no other extension took it)."""
    prefix = crawl_config(config).directive_prefix
    if not prefix:
        return
    for name, directive in list(_OURS.get(app, {}).items()):
        if not name.startswith(prefix):
            add_crawl_directive(app, prefix + name, directive)


def _owner(directive: type) -> str:
    """The package a directive class comes from ("sphinx_immaterial")."""
    return (getattr(directive, "__module__", "") or "an unknown extension").split(".")[0]


def check_directive_names(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: names of ours that another extension's class now holds."""
    prefix = crawl_config(app.config).directive_prefix
    for name, ours in _OURS.get(app, {}).items():
        holder = docutils_directives._directives.get(name)  # type: ignore[attr-defined]
        if holder is None or holder is ours:
            continue
        way_out = (
            f"write {prefix + name!r} for ours"
            if prefix
            else f"set crawl_directive_prefix = 'crawl-' in conf.py and write 'crawl-{name}'"
        )
        warn(
            f"the directive {name!r} belongs to {_owner(holder)} ({holder.__name__}), not "
            f"sphinx_crawl: pages that write {name!r} get {_owner(holder)}'s, not an entry "
            f"of the handbook; {way_out}",
            config_location(app, "extensions"),
            "config",
        )


#: A MyST colon fence opening a directive (":::{red-flag} Title"), and a code fence.
_COLON_FENCE = re.compile(r" {0,3}:{3,}\s*\{([A-Za-z0-9_:.-]+)\}")
_CODE_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def warn_about_colon_fences(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a Markdown page writing an entry in a ``:::`` fence, as the
    README does, in a project without MyST's ``colon_fence`` extension: MyST reads the
    fence as a paragraph, so the red flag showed as its raw text (":::{red-flag} Not
    moving :urgency: soon ...") with no word why. Said at the first such fence of the
    page (fences shown inside a code block are examples, not entries)."""
    enabled = getattr(app.config, "myst_enable_extensions", None) or ()
    if "colon_fence" in enabled or not str(app.env.doc2path(docname)).endswith(".md"):
        return
    if app.config.source_suffix.get(".md") != "markdown":
        return  # not MyST's to read (the .md read as reStructuredText is said apart)
    ours = set(crawl_directive_names(app))
    fence = ""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(source[0].splitlines(), 1):
        code = _CODE_FENCE.match(line)
        if code and (not fence or code[1].startswith(fence)):
            fence = "" if fence else code[1][:3]
            continue
        match = None if fence else _COLON_FENCE.match(line)
        if match and match[1] in ours:
            found.append((number, match[1]))
    if found:
        first, name = found[0]
        more = f" (and {len(found) - 1} more on this page)" if len(found) > 1 else ""
        warn(
            f"':::{{{name}}}' is not read as a directive{more}: MyST reads ::: fences only "
            'with "colon_fence" in myst_enable_extensions (conf.py), so it shows as text',
            (docname, first),
            "config",
        )


def setup_directive_names(app: Sphinx) -> None:
    # After the entry directives are added (priority 900).
    app.connect("config-inited", add_prefixed_names, priority=950)
    app.connect("env-before-read-docs", check_directive_names)
    app.connect("source-read", warn_about_colon_fences)
