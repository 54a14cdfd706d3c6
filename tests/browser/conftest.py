"""Browser fixtures: build the handbook once, serve it on 127.0.0.1, drive headless Chromium.

The browser tests skip when Playwright or Chromium is missing, except under CI
(``CI=true``), where a missing browser is a failure: CI must run them.

Every page opened through the ``open_page`` fixture records its requests and
uncaught script errors; the test fails if a page asked another host for anything
or threw an error.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

from tests.browser.support import ARTIFACTS, CHROMIUM_ARGS, is_local
from tests.build_utils import QuietHandler, serving

IN_CI = os.environ.get("CI") == "true"

# Ranks of the expected entries in the search tests, summarised at the end.
SEARCH_RANKS: dict[str, int | None] = {}


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail under CI, where the browser tests must run."""
    if IN_CI:
        pytest.fail(f"{reason}; CI=true, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


def chromium_executable() -> str | None:
    candidates = [
        os.environ.get("CRAWL_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def playwright_browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright axe-playwright-python)")
    executable = chromium_executable()
    if executable is None:
        unavailable("Chromium not found at /usr/bin/chromium (apt-get install chromium)")
    manager = sync_playwright().start()
    try:
        browser = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as error:  # pragma: no cover - depends on the machine
        manager.stop()
        unavailable(f"Chromium at {executable} does not start: {error}")
    yield browser
    browser.close()
    manager.stop()


@pytest.fixture(scope="session")
def site(
    playwright_browser: Any,
    handbook_editions: tuple[Path, dict[str, subprocess.CompletedProcess[str]]],
) -> Path:
    """The handbook in both editions, built once with warnings as errors (the build the
    other tests read: tests/conftest.py), laid out as ``nox -s docs`` lays them out:
    Spanish in es/."""
    out, found = handbook_editions
    for language, result in found.items():
        if result.returncode != 0:
            pytest.fail(
                f"the {language} handbook does not build:\n{result.stdout}\n{result.stderr}"
            )
    return out / "html"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built handbook served over http on 127.0.0.1 (a free port)."""
    with serving(functools.partial(QuietHandler, directory=str(site))) as (url, _server):
        yield url


class Tab:
    """A page with the requests it made and the script errors it threw."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        # Substrings of script errors a test expects (and so does not fail on).
        self.expected_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def goto(self, path: str, **kwargs: Any) -> Any:
        """Open a handbook page by its path (or a full URL)."""
        url = path if "://" in path else self.base + path
        return self.page.goto(url, **kwargs)

    def expect_sphinx_summary_errors(self) -> None:
        """Sphinx's search fetches result pages for their summaries, which a browser
        refuses from file://; its results still show, just without summaries."""
        self.expected_errors.append("Failed to fetch")

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url, self.base)]

    def forget(self, *origins: str) -> Tab:
        """Blank, nothing stored for ``origins`` and no cache (:func:`forget_origin`),
        with no request or script error recorded: as a new context's page."""
        forget_origin(self.page, *origins)
        self.requests.clear()
        self.errors.clear()
        self.expected_errors.clear()
        return self


#: What a test may change in a page or its context that a new context would not have
#: (routes, init scripts, emulation, permissions...): a page so changed is closed after
#: the test, not kept for another (see open_page).
CHANGES = (
    "add_cookies",
    "add_init_script",
    "add_locator_handler",
    "clear_cookies",
    "clear_permissions",
    "emulate_media",
    "expose_binding",
    "expose_function",
    "grant_permissions",
    "new_cdp_session",
    "new_page",
    "once",
    "route",
    "route_from_har",
    "route_web_socket",
    "set_default_navigation_timeout",
    "set_default_timeout",
    "set_extra_http_headers",
    "set_geolocation",
    "set_offline",
    "set_viewport_size",
)
#: Idle pages kept for later tests, at most (a renderer each).
KEPT_PAGES = 6


class _Watched:
    """A kept tab's page and context, watched for what a test changes: CHANGES mark it
    changed; the listeners a test adds (``page.on``) are taken off after it."""

    def __init__(self, tab: Tab, key: str) -> None:
        self.tab = tab
        self.key = key  # the options its context was made with
        self.changed = False
        self.listeners: list[tuple[str, Any]] = []
        #: every origin a document of the page came from (each gets its storage cleared)
        self.origins: set[str] = set()
        page, context = tab.page, tab.page.context
        page.on("framenavigated", self._visited)
        for target in (page, context):
            for name in CHANGES:
                if hasattr(target, name):
                    setattr(target, name, self._marking(getattr(target, name)))
        context.on = self._marking(context.on)
        on = page.on

        def listen(event: str, handler: Any) -> Any:
            self.listeners.append((event, handler))
            return on(event, handler)

        page.on = listen

    def _visited(self, frame: Any) -> None:
        url = urlsplit(frame.url)
        if url.scheme in ("http", "https"):
            self.origins.add(f"{url.scheme}://{url.netloc}")
        elif url.scheme == "file":  # what file: pages store is not cleared here
            self.changed = True

    def _marking(self, method: Any) -> Any:
        def changing(*args: Any, **kwargs: Any) -> Any:
            self.changed = True
            return method(*args, **kwargs)

        return changing

    def reset(self, base: str) -> Tab:
        """As a new context's page (see forget_origin), with no request or error
        recorded."""
        self.tab.forget(base, *sorted(self.origins))
        self.origins.clear()
        self.changed = False  # forget_origin's own CDP session changes nothing
        self.tab.base = base
        return self.tab

    def release(self) -> bool:
        """Leave the page blank with the test's listeners taken off: whether it can be
        kept (the test changed nothing that a new context lacks)."""
        if self.changed:
            return False
        try:
            for event, handler in self.listeners:
                self.tab.page.remove_listener(event, handler)
            self.listeners.clear()
            self.tab.page.goto("about:blank", timeout=5_000)
        except Exception:  # a page a failed test left unusable
            return False
        return True


@pytest.fixture(scope="session")
def _kept_pages() -> Iterator[list[_Watched]]:
    """Idle pages (see open_page), the last kept last."""
    kept: list[_Watched] = []
    yield kept
    for watched in kept:
        watched.tab.page.context.close()


@pytest.fixture
def open_page(
    playwright_browser: Any, base_url: str, _kept_pages: list[_Watched]
) -> Iterator[Callable[..., Tab]]:
    """Open a page in a fresh context; ``theme`` sets furo's theme (light, dark or auto).

    Other keyword arguments go to ``browser.new_context`` (viewport, JavaScript...).
    A page a test left as a new context has it (nothing set on it or its context but
    listeners, which are taken off) is kept for a later test asking for the same: it
    gets it blank, with no cache and nothing stored (a new context and page cost about
    half a second of CPU more, in two hundred tests).
    """
    used: list[_Watched] = []
    fresh: list[Any] = []  # contexts not kept: service workers allowed

    def opener(theme: str | None = None, **options: Any) -> Tab:
        if theme in ("light", "dark"):
            options.setdefault("color_scheme", theme)
        # The handbook's service worker would keep the whole site in every test's
        # fresh context: only the offline tests ask for it.
        options.setdefault("service_workers", "block")
        key = repr((theme, sorted(options.items())))
        idle = [watched for watched in _kept_pages if watched.key == key]
        if idle and options["service_workers"] == "block":
            _kept_pages.remove(idle[-1])
            used.append(idle[-1])
            return idle[-1].reset(base_url)
        context = playwright_browser.new_context(**options)
        context.set_default_timeout(10_000)
        if theme is not None:
            # furo reads localStorage "theme" before painting.
            context.add_init_script(
                f"try {{ localStorage.setItem('theme', '{theme}'); }} catch (e) {{}}"
            )
        tab = Tab(context.new_page(), base_url)
        if options["service_workers"] != "block":  # a worker keeps the site: not kept
            fresh.append(tab)
            return tab
        used.append(_Watched(tab, key))
        return tab

    yield opener
    try:
        assert_kept_to_itself([w.tab for w in used] + fresh)
    finally:
        for tab in fresh:
            tab.page.context.close()
        for watched in used:
            if watched.release():
                _kept_pages.append(watched)
            else:
                watched.tab.page.context.close()
        while len(_kept_pages) > KEPT_PAGES:  # the longest idle go
            _kept_pages.pop(0).tab.page.context.close()


def assert_kept_to_itself(tabs: list[Tab]) -> None:
    """No page requested another host or threw a script error it did not expect."""
    outside = [url for tab in tabs for url in tab.outside_requests()]
    errors = [
        error
        for tab in tabs
        for error in tab.errors
        if not any(expected in error for expected in tab.expected_errors)
    ]
    assert not outside, f"pages requested other hosts: {outside}"
    assert not errors, f"uncaught script errors: {errors}"


def forget_origin(page: Any, *bases: str) -> None:
    """``page`` blank, with no cache and nothing stored for the origins of ``bases``
    (local storage, IndexedDB, Cache Storage, cookies...), as in a new context: for a
    page kept across tests (a new context and page cost about half a second of CPU
    more). No page of those origins is open in the context while they are cleared (the
    caller's other pages are its own)."""
    page.goto("about:blank")
    cdp = page.context.new_cdp_session(page)
    try:
        for base in bases:
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        cdp.send("Network.clearBrowserCache")
    finally:
        cdp.detach()


@pytest.fixture
def tab(open_page: Callable[..., Tab]) -> Tab:
    """A desktop-sized page (1280x900)."""
    return open_page(viewport={"width": 1280, "height": 900})


@pytest.fixture(scope="module")
def _module_tab(playwright_browser: Any, base_url: str) -> Iterator[Tab]:
    context = playwright_browser.new_context(
        viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(10_000)
    yield Tab(context.new_page(), base_url)
    context.close()


@pytest.fixture
def search_tab(_module_tab: Tab) -> Iterator[Tab]:
    """A desktop-sized page kept across a module's tests, for those that only open
    search pages and read them: a fresh context costs more than the search (0.2 s, 125
    times). Nothing stored changes what a search page shows, and these tests store
    nothing. Outside requests and script errors are checked per test, as for ``tab``."""
    tab = _module_tab
    tab.requests.clear()
    tab.errors.clear()
    tab.expected_errors.clear()
    yield tab
    assert_kept_to_itself([tab])


def _ranks_file(worker: str) -> Path:
    return ARTIFACTS / f"search-ranks-{worker}.json"


def pytest_sessionfinish(session: Any) -> None:
    """Each process writes its ranks; the main one adds them up (see tests/conftest.py)."""
    worker = getattr(session.config, "workerinput", {}).get("workerid", "main")
    if SEARCH_RANKS:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        _ranks_file(worker).write_text(json.dumps(SEARCH_RANKS), encoding="utf-8")


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core as bundled by axe-playwright-python (no network needed)."""
    try:
        import axe_playwright_python
    except ImportError:
        unavailable("axe-playwright-python is not installed (pip install axe-playwright-python)")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
