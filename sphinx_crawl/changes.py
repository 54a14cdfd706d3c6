"""What changed since the last release (``crawl_previous``).

The previous ``crawl.json`` is fetched (a URL, into the import cache) and read once per
build, at ``builder-inited``, before any page is read, in the main process (``-j``
workers inherit it). The comparison with this build's entries is a view of the domain
data, made once per state of it: ``crawl-changes`` lists, the per-entry ``changed``
dates of ``crawl.json`` and ``crawl-changes.json`` all read the same one.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import config_location, crawl_config, is_web_url
from sphinx_crawl.core.changes import Comparison, changed_dates, compare
from sphinx_crawl.core.schema import entry_record
from sphinx_crawl.diagnostics import warn
from sphinx_crawl.domain import CrawlDomain
from sphinx_crawl.i18n import language_tag, same_language
from sphinx_crawl.import_fetch import cache_path, fetch_into_cache

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_crawl.api import Handbook


@dataclass(frozen=True)
class Release:
    """This build's release: Sphinx's ``release`` (or ``version``) and its date."""

    version: str
    #: YYYY-MM-DD, or None (no crawl_release_date, and nothing compared).
    date: str | None


@dataclass(frozen=True)
class Previous:
    """The last release, as read from crawl_previous."""

    handbook: Handbook
    records: tuple[dict[str, Any], ...]


#: Each config's previous release (None: not set, or not readable), set at builder-inited.
_PREVIOUS: weakref.WeakKeyDictionary[Config, Previous | None] = weakref.WeakKeyDictionary()


def previous_release(config: Config) -> Previous | None:
    return _PREVIOUS.get(config)


def release(config: Config) -> Release:
    settings = crawl_config(config)
    version = str(config.release or config.version or "")
    if settings.release_date:
        return Release(version, settings.release_date)
    if previous_release(config) is None:
        return Release(version, None)
    return Release(version, _today().isoformat())


def _today() -> date:
    """The build's day: SOURCE_DATE_EPOCH's (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def read_previous(app: Sphinx) -> None:
    """``builder-inited``: fetch (a URL) and read crawl_previous, once per build."""
    _PREVIOUS[app.config] = None
    location = crawl_config(app.config).previous
    if not location:
        return
    where = config_location(app, "crawl_previous")
    if is_web_url(location):
        path = cache_path(app.doctreedir, location)
        fetch_into_cache(
            app, location, path, "crawl_previous", "nothing is compared", where, "config"
        )
    else:
        path = Path(app.confdir, location)
    if not path.is_file():
        if not is_web_url(location):
            warn(f"crawl_previous: no file {location!r}; nothing is compared", where, "config")
        return
    from sphinx_crawl.api import CrawlDataError, load  # only with crawl_previous set

    try:
        handbook = load(path)
    except CrawlDataError as error:
        shown = str(error).replace(str(path), location)
        warn(f"crawl_previous: {shown}; nothing is compared", where, "config")
        return
    if not same_language(handbook.language, app.config):
        warn(
            f"crawl_previous: {location} is the {handbook.language!r} edition and this build "
            f"is {language_tag(app.config)!r}; give each edition its own previous "
            "crawl.json. Nothing is compared",
            where,
            "config",
        )
        return
    _PREVIOUS[app.config] = Previous(handbook, tuple(e.record() for e in handbook.entries))


def current_records(domain: CrawlDomain) -> list[dict[str, Any]]:
    """This build's entries as crawl.json records (without addresses: not compared)."""
    registry = domain.content_types
    return [
        entry_record(entry, "", registry.get(entry["type"]), domain.relation_targets(entry))
        for entry in domain.by_id().values()
    ]


def comparison(domain: CrawlDomain) -> Comparison | None:
    """What changed since crawl_previous (None: nothing to compare with); once per state
    of the domain data."""
    previous = previous_release(domain.env.config)
    if previous is None:
        return None
    if "changes" not in domain.views_cache:
        domain.views_cache["changes"] = compare(previous.records, current_records(domain))
    found: Comparison = domain.views_cache["changes"]
    return found


def entry_dates(domain: CrawlDomain) -> dict[str, str | None]:
    """Entry id -> the date it last changed (see core.changes.changed_dates); an id not
    in it: this release's date when crawl_release_date is set, else None."""
    previous = previous_release(domain.env.config)
    records = previous.records if previous is not None else None
    return changed_dates(records, comparison(domain), release(domain.env.config).date)


def setup_changes(app: Sphinx) -> None:
    app.connect("builder-inited", read_previous)
