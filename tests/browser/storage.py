"""A phone whose storage holds only so many bytes, for the offline tests.

Chromium's DevTools ``Storage.overrideQuotaForOrigin`` set the origin's quota until
Chromium 156.0.8078.129, which accepts the command and keeps the quota it had (10 GB in
a test's context): the tests of a full phone then saw no storage run out. Here the
handbook's service worker is served with a prologue that holds its Cache Storage to
``quota`` bytes, counted as the bodies its caches hold: a write past it is refused with
the ``QuotaExceededError`` a full phone gives, and ``navigator.storage.estimate()`` in
the worker reports the same quota and usage. Nothing else of the worker changes.
"""

from __future__ import annotations

from typing import Any

#: Run before crawl-sw.js, in the worker. Writes and deletions go through the wrapped
#: Cache and CacheStorage methods, so the count follows every one; what earlier copies
#: of the worker kept is counted once, before the first write.
PROLOGUE = """\
(() => {
  const QUOTA = %d;
  const held = new Map(); // "<cache name>\\n<url>" -> bytes of the body
  const names = new WeakMap(); // Cache -> its name
  const open = CacheStorage.prototype.open;
  const put = Cache.prototype.put;
  const remove = Cache.prototype.delete;
  const removeCache = CacheStorage.prototype.delete;
  const urlOf = (request) =>
    new URL(typeof request === "string" ? request : request.url, self.location.href).href;
  let counting = null;
  const counted = () => {
    counting ??= (async () => {
      for (const name of await caches.keys()) {
        const cache = await open.call(caches, name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          held.set(`${name}\\n${request.url}`, response ? (await response.blob()).size : 0);
        }
      }
    })();
    return counting;
  };
  const usage = () => [...held.values()].reduce((sum, bytes) => sum + bytes, 0);
  CacheStorage.prototype.open = async function (name) {
    const cache = await open.call(this, name);
    names.set(cache, name);
    return cache;
  };
  Cache.prototype.put = async function (request, response) {
    await counted();
    const key = `${names.get(this)}\\n${urlOf(request)}`;
    const bytes = (await response.clone().blob()).size;
    if (usage() - (held.get(key) || 0) + bytes > QUOTA) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    await put.call(this, request, response);
    held.set(key, bytes);
  };
  Cache.prototype.delete = async function (request, options) {
    await counted();
    const done = await remove.call(this, request, options);
    if (done) held.delete(`${names.get(this)}\\n${urlOf(request)}`);
    return done;
  };
  CacheStorage.prototype.delete = async function (name) {
    await counted();
    const done = await removeCache.call(this, name);
    for (const key of [...held.keys()]) if (key.startsWith(`${name}\\n`)) held.delete(key);
    return done;
  };
  StorageManager.prototype.estimate = async function () {
    await counted();
    return { quota: QUOTA, usage: usage() };
  };
})();
"""


def limit_storage(context: Any, quota: int) -> None:
    """Hold the handbook's offline copy in ``context`` (a Playwright browser context,
    before its first page opens) to ``quota`` bytes."""

    def with_prologue(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=PROLOGUE % quota + response.text())

    context.route("**/crawl-sw.js", with_prologue)


def storage_used(context: Any) -> int:
    """The bytes the handbook's worker counts against its quota (see limit_storage)."""
    worker = context.service_workers[0]
    return int(worker.evaluate("navigator.storage.estimate().then((e) => e.usage)"))


def settled_storage_used(context: Any, page: Any, *, tries: int = 40) -> int:
    """``storage_used`` once it stops changing (the same in two reads half a second
    apart): a first visit's worker may still be keeping files after the page says so,
    and on a loaded machine a count read too early is short of what the visit keeps."""
    before = -1
    for _ in range(tries):
        now = storage_used(context)
        if now == before:
            return now
        before = now
        page.wait_for_timeout(500)
    return before
