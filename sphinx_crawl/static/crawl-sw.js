/* sphinx-crawl service worker, written by sphinx_crawl/offline.py at each build.
 * On install it keeps every file of this build (FILES) in a cache named after the
 * build (VERSION), and on activate drops the caches of older builds. Requests go to
 * the network first, so a new deploy is seen at once; with no network, the kept copy
 * answers ("?q=" and "?v=" ignored: the search page and versioned files match). */
"use strict";
const VERSION = "@VERSION@";
const FILES = @FILES@;
const CACHE = "sphinx-crawl-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("sphinx-crawl-") && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(() =>
      caches.open(CACHE)
        .then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((kept) => kept || Response.error())),
  );
});
