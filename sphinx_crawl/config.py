"""The ``crawl_*`` settings: declared once, validated at ``config-inited``.

Values are never rewritten after config-inited (that would make every build a
full rebuild); consumers read them through :func:`declared_sources`, which
applies the same validation without side effects.
"""

from __future__ import annotations

import fnmatch
import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import urlparse

from sphinx_crawl.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


class SourceData(TypedDict, total=False):
    title: str
    publisher: str
    author: str
    url: str


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    types: tuple[type, ...]
    help: str


SETTINGS = (
    Setting(
        "crawl_sources",
        {},
        (dict,),
        "Sources entries may cite: key -> title, publisher/author, url.",
    ),
    Setting("crawl_require_source", False, (bool,), "Warn about entries that cite no source."),
    Setting(
        "crawl_search_synonyms",
        {},
        (dict,),
        "Words parents use -> words the handbook uses, for the entry search: "
        '{"stiff": ["tight", "rigid"]}.',
    ),
    Setting(
        "crawl_demo_pages",
        [],
        (list, tuple),
        "Glob patterns of pages whose entries are examples: rendered, but not collected, "
        "indexed or exported.",
    ),
)

_SOURCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def is_web_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _problems(sources: Any) -> list[tuple[str, str]]:
    """(source key or "", message) for everything wrong with ``crawl_sources``."""
    if not isinstance(sources, dict):
        return [("", "crawl_sources must be a dict of source key -> details")]
    found = []
    for key, source in sources.items():
        if not isinstance(key, str) or not _SOURCE_KEY.match(key):
            found.append(
                (str(key), f"crawl_sources: {key!r} is not a usable key (letters, digits, -_.)")
            )
            continue
        if not isinstance(source, dict):
            found.append((key, f"crawl_sources[{key!r}] must be a dict"))
            continue
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            found.append((key, f"crawl_sources[{key!r}] needs a title"))
        if not any(
            isinstance(source.get(f), str) and source[f].strip() for f in ("publisher", "author")
        ):
            found.append((key, f"crawl_sources[{key!r}] needs a publisher or an author"))
        url = source.get("url")
        if url is not None and (not isinstance(url, str) or not is_web_url(url)):
            found.append(
                (key, f"crawl_sources[{key!r}]: url {url!r} is not an http(s) URL; it is left out")
            )
        unknown = set(source) - {"title", "publisher", "author", "url"}
        if unknown:
            found.append((key, f"crawl_sources[{key!r}]: unknown fields {sorted(unknown)}"))
    return found


#: Per config: the crawl_sources value read, and the usable sources made from it.
_USABLE_SOURCES: weakref.WeakKeyDictionary[Config, tuple[Any, dict[str, SourceData]]] = (
    weakref.WeakKeyDictionary()
)


def declared_sources(config: Config) -> dict[str, SourceData]:
    """The usable sources, in conf.py order; broken URLs are dropped.

    Every entry and source link asks, so the answer is kept for as long as the
    config holds the same value (it cannot change after config-inited). Read only.
    """
    sources = config.crawl_sources
    cached = _USABLE_SOURCES.get(config)
    if cached is not None and cached[0] is sources:
        return cached[1]
    usable = _usable_sources(sources)
    _USABLE_SOURCES[config] = (sources, usable)
    return usable


def _usable_sources(sources: Any) -> dict[str, SourceData]:
    if not isinstance(sources, dict):
        return {}
    usable: dict[str, SourceData] = {}
    for key, source in sources.items():
        if not isinstance(key, str) or not _SOURCE_KEY.match(key) or not isinstance(source, dict):
            continue
        title = source.get("title")
        clean: SourceData = {
            "title": title.strip() if isinstance(title, str) and title.strip() else key
        }
        for part in ("publisher", "author"):
            if isinstance(source.get(part), str) and source[part].strip():
                clean[part] = source[part].strip()  # type: ignore[literal-required]
        url = source.get("url")
        if isinstance(url, str) and is_web_url(url):
            clean["url"] = url
        usable[key] = clean
    return usable


def is_demo_page(config: Config, docname: str) -> bool:
    return any(fnmatch.fnmatchcase(docname, pattern) for pattern in config.crawl_demo_pages)


def validate_config(app: Sphinx, config: Config) -> None:
    conf_py = Path(app.confdir, "conf.py")
    lines = conf_py.read_text(encoding="utf-8").splitlines() if conf_py.is_file() else []
    for key, message in _problems(config.crawl_sources):
        line = _line_naming(lines, key)
        warn(message, f"{conf_py}:{line}" if line else str(conf_py), "config")


def _line_naming(lines: list[str], key: str) -> int:
    """The line of conf.py that names ``key``, quoted if any is (a key "a" is in most lines)."""
    for spellings in ((f"'{key}'", f'"{key}"'), (key,)):
        for number, text in enumerate(lines, 1):
            if key and any(s in text for s in spellings) and ("'" in text or '"' in text):
                return number
    return 0


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(
            setting.name, setting.default, "env", types=setting.types, description=setting.help
        )
    app.connect("config-inited", validate_config)
