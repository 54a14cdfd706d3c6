/* sphinx-crawl service worker, written by sphinx_crawl/offline.py at each build.
 *
 * FILES lists every file of this build it may keep: [path from the scope, the first
 * characters of the SHA-256 of its bytes, size]. A first visit keeps ESSENTIAL (what
 * the search and the tracker need; every file when the handbook fits in BUDGET), then
 * each page the reader opens and what it loads, up to BUDGET bytes in all, dropping the
 * least recently opened first. The reader may ask for the whole handbook
 * (crawl-offline.js): then every file is kept, file by file, a failed one leaving the
 * rest kept, until the reader removes it.
 *
 * Each kept copy carries the hash of its own bytes (X-Crawl-Hash). A new version (a new
 * deploy) copies the kept files whose hash did not change from the old cache and
 * downloads only the others. Requests go to the network first, so a new deploy is seen
 * at once; with no network, the kept copy answers ("?q=" and "?v=" ignored), and with a
 * network that does not answer (a weak signal) the kept copy answers after NETWORK_WAIT,
 * the late answer refreshing it. FILES comes most important first (offline.py): the
 * emergency page, the search, the tracker, then the handbook's pages in its order, the
 * authors' pages last; storage that runs out keeps what came first, and the reader is
 * told the storage is full (the install goes on with what fits). Files of
 * another build under this one (its own worker, e.g. es/) are not listed, so not ours.
 */
"use strict";
const VERSION = "@VERSION@";
const FILES = @FILES@;
const ESSENTIAL = @ESSENTIAL@;
const BUDGET = @BUDGET@;
const HASH_CHARS = @HASH_CHARS@;
// The page with the reader's choice (crawl-offline), from the scope: "" for none.
const BOX = @BOX@;
// Words for the page for a page not kept, and for the notice a page shows when storage
// is full; TEXT.editions: the same for each edition under this scope ("es/": {...}).
const TEXT = @TEXT@;

const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Caches are named after the scope: two editions of one site keep their own.
const PREFIX = "sphinx-crawl " + SCOPE_PATH + " ";
const CACHE = PREFIX + VERSION;
const STATE_CACHE = "sphinx-crawl-state " + SCOPE_PATH;
const STATE_KEY = SCOPE + "crawl-sw-state.json";
// The caches of the workers before per-file hashes: one cache for every edition.
const OLD_STYLE = /^sphinx-crawl-[0-9a-f]{16}$/;
const HASH_HEADER = "X-Crawl-Hash";
const PARALLEL = 6;
// How long a request waits for the network when a copy is kept: a page on a working
// phone network answers well within it (a second or two on 3G), and a parent on a weak
// signal gets the kept page (the emergency page above all) after a few seconds, not
// after the browser gives up (30 s and more). While the network is found that slow,
// the next requests wait SLOW_WAIT only, so a page's styles and scripts do not each
// wait as long again.
const NETWORK_WAIT = 3000;
const SLOW_WAIT = 300;
const SLOW_FOR = 30000;
// The entry search's index in parts (render/search_shards.py): kept as searches load
// them, and dropped after pages when room is needed.
const SEARCH_PARTS = @SEARCH_PARTS@ + "/";
// What a page's file ends with, and its links (html_file_suffix, html_link_suffix: a
// site may name its pages ".htm", and link them without a suffix).
const PAGE_SUFFIX = @PAGE_SUFFIX@;
const LINK_SUFFIX = @LINK_SUFFIX@;

const BY_PATH = new Map(FILES.map(([path, hash, size]) => [path, { hash, size }]));
// Path -> the query the pages load it with ("v=..."), so the browser's cache answers.
const ESSENTIAL_URL = new Map(ESSENTIAL.map((url) => [url.split("?")[0], url.split("?")[1] || ""]));
const TOTAL = FILES.reduce((sum, file) => sum + file[2], 0);
const WHOLE = ESSENTIAL.length === FILES.length;

/* ---- Names ---- */

// The file a URL names (a path from the scope), or null: another host, out of scope.
function pathOf(url) {
  const parsed = new URL(url, SCOPE);
  if (parsed.origin !== self.location.origin || !parsed.pathname.startsWith(SCOPE_PATH)) return null;
  let path;
  try {
    path = decodeURIComponent(parsed.pathname.slice(SCOPE_PATH.length));
  } catch (error) {
    return null;
  }
  if (path === "" || path.endsWith("/")) return path + "index" + PAGE_SUFFIX;
  if (LINK_SUFFIX !== PAGE_SUFFIX && !BY_PATH.has(path) && path.endsWith(LINK_SUFFIX)) {
    const file = path.slice(0, path.length - LINK_SUFFIX.length) + PAGE_SUFFIX;
    if (BY_PATH.has(file)) return file;
  }
  return path;
}

const keyOf = (path) => SCOPE + encodeURI(path);

async function hashOf(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, HASH_CHARS);
}

/* ---- Copies ---- */

// A copy to keep: the bytes as received, with their hash (a later version compares it
// with its list). The body is decoded already, so no encoding or length is carried.
async function copyOf(response) {
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  ["Content-Encoding", "Content-Length", "Transfer-Encoding"].forEach((name) => headers.delete(name));
  headers.set(HASH_HEADER, await hashOf(body));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

const isCurrent = (path, copy) => Boolean(copy) && copy.headers.get(HASH_HEADER) === BY_PATH.get(path).hash;

async function fetched(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return copyOf(response);
}

// A file of this build, downloaded: through the browser's cache first (the pages'
// ?v= URL for what they load), and again from the server if those bytes are not this
// build's.
async function download(path, url) {
  const query = ESSENTIAL_URL.get(path);
  const first = await fetched(url || keyOf(path) + (query ? "?" + query : ""));
  if (isCurrent(path, first)) return first;
  return fetched(keyOf(path), { cache: "no-cache" });
}

// Run ``task`` on every item, a few at a time.
async function eachOf(items, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/* ---- The reader's choice ---- */

let keepsAll = null;

async function readKeepsAll() {
  if (keepsAll === null) {
    const saved = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
    keepsAll = saved ? Boolean((await saved.json()).keepAll) : false;
  }
  return keepsAll;
}

async function writeKeepsAll(value) {
  keepsAll = value;
  const body = JSON.stringify({ keepAll: value });
  await (await caches.open(STATE_CACHE)).put(STATE_KEY, new Response(body, { headers: { "Content-Type": "application/json" } }));
}

/* ---- Keeping within the budget ---- */

// Storage ran out (a write refused with QuotaExceededError): the reader is told so, and
// nothing more is downloaded until the reader tries again.
let storageFull = false;
const isQuota = (error) => Boolean(error) && (error.name === "QuotaExceededError" || error.code === 22);

async function put(cache, path, copy) {
  try {
    await cache.put(keyOf(path), copy);
  } catch (error) {
    if (isQuota(error)) storageFull = true;
    throw error;
  }
}

// Less room left than ``bytes`` (the browser's estimate), or storage ran out.
async function noRoom(bytes) {
  if (storageFull) return true;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return typeof quota === "number" && quota - (usage || 0) < bytes;
  } catch (error) {
    return false;
  }
}

// Writes one at a time: each sees what the one before kept.
let writing = Promise.resolve();
function serially(task) {
  const run = writing.then(task);
  writing = run.catch(() => {});
  return run;
}

// Keep ``copy`` of ``path``. Unless every file is kept, a file that is not essential
// makes room within the budget by dropping the least recently kept, or is not kept.
async function keep(cache, path, copy) {
  if (WHOLE || ESSENTIAL_URL.has(path) || (await readKeepsAll())) {
    const had = await cache.match(keyOf(path));
    if (!had || had.headers.get(HASH_HEADER) !== copy.headers.get(HASH_HEADER)) await put(cache, path, copy);
    return true;
  }
  const size = BY_PATH.get(path).size;
  let used = 0;
  let droppable = 0;
  const oldest = [];
  for (const request of await cache.keys()) {
    const other = pathOf(request.url);
    if (other === path || !BY_PATH.has(other)) continue;
    const bytes = BY_PATH.get(other).size;
    used += bytes;
    if (!ESSENTIAL_URL.has(other)) {
      droppable += bytes;
      oldest.push([request, bytes, other.startsWith(SEARCH_PARTS) ? 1 : 0]);
    }
  }
  if (used - droppable + size > BUDGET) return false;
  // Pages go before the parts of the search index the reader's searches loaded.
  oldest.sort((one, other) => one[2] - other[2]);
  for (const [request, bytes] of oldest) {
    if (used + size <= BUDGET) break;
    await cache.delete(request);
    used -= bytes;
  }
  await cache.delete(keyOf(path)); // put again: now the most recently kept
  await put(cache, path, copy);
  return true;
}

/* ---- Install: this version's copy, from the old one where files did not change ---- */

self.addEventListener("install", (event) => {
  event.waitUntil(fill().then(() => self.skipWaiting()));
});

async function fill() {
  const cache = await caches.open(CACHE);
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE).reverse();
  const olds = await Promise.all(names.map((name) => caches.open(name)));
  // What the old versions kept that this one lists, least recently kept first.
  const carried = new Set();
  for (const old of olds) {
    for (const request of await old.keys()) {
      const path = pathOf(request.url);
      if (path !== null && BY_PATH.has(path)) carried.add(path);
    }
  }
  const oldCopy = async (path) => {
    for (const old of olds) {
      const copy = await old.match(keyOf(path));
      if (copy) return copy;
    }
    return undefined;
  };
  // A file that fails (its download, or no room to keep it) is left out: the install
  // goes on with what fits, and the reader is told (status, crawl-offline.js).
  const bring = async (path) => {
    if (storageFull) return;
    try {
      const old = await oldCopy(path);
      let copy = isCurrent(path, old) ? old : null;
      if (!copy) copy = await download(path).catch(() => old || null); // the old copy beats none
      if (copy) await serially(() => keep(cache, path, copy));
    } catch (error) {
      // Not kept: missing() finds it, and a later visit tries again (resume).
    }
  };
  // The essentials first, most important first (the order of ESSENTIAL): then what
  // the reader had opened, in the order it was kept.
  await eachOf([...ESSENTIAL_URL.keys()], bring);
  await eachOf([...carried].filter((path) => !ESSENTIAL_URL.has(path)), bring);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names
          .filter((name) => (name.startsWith(PREFIX) && name !== CACHE) || OLD_STYLE.test(name))
          .map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

/* ---- Answers: the network first, the kept copy offline ---- */

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = pathOf(request.url);
  if (path === null) return;
  if (BY_PATH.has(path)) {
    event.respondWith(answer(event, request, path));
  } else if (request.mode === "navigate") {
    // A page this build does not list: another edition's (es/, its worker not yet
    // installed, as for a reader who only read this one), or an address that is not
    // the handbook's (an old link). The network's answer; with no network, a copy
    // another edition's worker kept, else our page, never the browser's error.
    event.respondWith(fetch(request).catch(async () => (await keptAnywhere(path)) || notKept(request, path)));
  }
});

// A copy of ``path`` in any cache of this site (another edition's worker's too).
async function keptAnywhere(path) {
  try {
    return await caches.match(keyOf(path), { ignoreSearch: true });
  } catch (error) {
    return undefined;
  }
}

let slowUntil = 0;

function answer(event, request, path) {
  // Kept: pages the reader opens and what they load. Not what scripts fetch to read
  // (the search reads result pages for their excerpts): those are not pages opened.
  const opened = request.mode === "navigate" || request.destination !== "";
  const network = fetch(request);
  // The network's answer refreshes the kept copy, even when it came too late to be
  // the one shown.
  event.waitUntil(
    network
      .then(async (response) => {
        slowUntil = 0;
        if (!response.ok || response.type !== "basic" || !opened) return;
        const copy = await copyOf(response.clone());
        await serially(async () => keep(await caches.open(CACHE), path, copy));
      })
      .catch(() => {}),
  );
  const keptCopy = async () => (await caches.open(CACHE)).match(keyOf(path));
  return new Promise((resolve) => {
    let given = false;
    let timer = null;
    const give = (response) => {
      if (given) return;
      given = true;
      clearTimeout(timer);
      resolve(response);
    };
    const none = () => notKept(request, path).then(give);
    network.then(give, () => keptCopy().then((kept) => (kept ? give(kept) : none()), none));
    const wait = Date.now() < slowUntil ? SLOW_WAIT : NETWORK_WAIT;
    timer = setTimeout(() => {
      keptCopy().then((kept) => {
        if (!kept || given) return; // nothing kept: the network's answer, when it comes
        slowUntil = Date.now() + SLOW_FOR;
        give(kept);
      }, () => {});
    }, wait);
  });
}

// Offline, a file that was not kept: a page says so in the language of the edition it
// belongs to, and links what is kept: that edition's emergency page and first page, or
// else this edition's (marked as in this edition's language). Anything else is an
// empty answer, which the page's scripts read as nothing found (not a failed request).
async function notKept(request, path) {
  if (request.mode !== "navigate") return new Response("", { status: 504, statusText: "Offline" });
  const html = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const folder = Object.keys(TEXT.editions).filter((name) => path.startsWith(name))
    .sort((one, other) => other.length - one.length)[0] || "";
  const own = TEXT;
  const words = folder ? TEXT.editions[folder] : own;
  // The link to ``file`` of the page's edition if kept, else of this edition if kept.
  const link = async (key, label) => {
    const choices = [[folder, words], ...(folder ? [["", own]] : [])];
    for (const [where, edition] of choices) {
      const file = edition[key];
      if (!file || where + file === path || !(await keptAnywhere(where + file))) continue;
      const other = where !== folder;
      return `<p><a href="${html(keyOf(where + file))}"${other ? ` hreflang="${html(own.lang)}"` : ""}>`
        + html(label) + (other ? ` (<span lang="${html(own.lang)}">${html(own.label)}</span>)` : "")
        + "</a></p>";
    }
    return "";
  };
  const page = `<!DOCTYPE html><html lang="${html(words.lang)}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(words.title)}</title>`
    + "<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}"
    + "a{display:inline-block;padding:0.5rem 0}"
    + "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#9cf}}</style></head>"
    + `<body><main><h1>${html(words.title)}</h1><p>${html(words.text)}</p>`
    + (await link("emergency", words.toEmergency))
    + (await link("start", words.toStart))
    + "</main></body></html>";
  return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/* ---- Messages from the pages (crawl-offline.js) ---- */

let keeping = null; // missing files being downloaded: {done, failed, total, stop, quiet}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const work = async () => {
    if (data.type === "status") {
      await tell(event.source);
      await resume();
    } else if (data.type === "keep-all") {
      await keepMissing(true);
    } else if (data.type === "retry") {
      await keepMissing(false, true);
    } else if (data.type === "remove") {
      await removeAll();
      await tellAll();
    } else if (data.type === "seen" && Array.isArray(data.urls)) {
      await keepSeen(data.urls);
    }
  };
  event.waitUntil(work().catch(() => {}));
});

// What a page loaded before this worker answered for it (the first visit): kept now,
// mostly from the browser's cache.
async function keepSeen(urls) {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    const path = pathOf(url);
    if (path === null || !BY_PATH.has(path) || isCurrent(path, await cache.match(keyOf(path)))) continue;
    if (storageFull) return;
    try {
      const copy = await download(path, url);
      await serially(() => keep(cache, path, copy));
    } catch (error) {
      // Not kept: the page is fetched again when it is next opened.
    }
  }
}

// What should be kept: every file (a handbook kept whole, or the reader asked for it),
// else the essentials; in the order of importance.
async function wanted() {
  return WHOLE || (await readKeepsAll()) ? FILES.map((file) => file[0]) : [...ESSENTIAL_URL.keys()];
}

// Files missing from what should be kept (a failed download at the install or since,
// files a deploy added, a download cut short) are tried again at each visit (each
// page asks for the status once), unless storage is full: then only when the reader
// asks (the box's "Try again").
async function resume() {
  if (keeping) return;
  const todo = await missing();
  if (!todo.length || (await noRoom(Math.min(...todo.map((path) => BY_PATH.get(path).size))))) return;
  await keepMissing(false);
}

async function missing() {
  const cache = await caches.open(CACHE);
  const kept = new Set((await cache.keys()).map((request) => pathOf(request.url)));
  return (await wanted()).filter((path) => !kept.has(path));
}

// Download what is missing, one file at a time each (a failed one leaves the rest
// kept), most important first. ``asked``: the reader asked for the whole handbook;
// ``again``: the reader asked to try again (storage may have room now).
async function keepMissing(asked, again) {
  if (keeping) return keeping.run;
  const state = { done: 0, failed: 0, total: FILES.length, stop: false, quiet: false };
  keeping = state;
  state.run = (async () => {
    if (asked && !WHOLE) await writeKeepsAll(true);
    if (asked || again) storageFull = false;
    const all = WHOLE || (await readKeepsAll());
    // Only the reader's own download of the whole handbook shows its progress.
    state.quiet = !all || (WHOLE && !asked && !again);
    const cache = await caches.open(CACHE);
    const todo = await missing();
    state.total = all ? FILES.length : ESSENTIAL.length;
    state.done = state.total - todo.length;
    if (!state.quiet) await tellAll();
    let told = Date.now();
    await eachOf(todo, async (path) => {
      if (state.stop || storageFull) return;
      try {
        const copy = await download(path);
        await serially(() => (all ? put(cache, path, copy) : keep(cache, path, copy)));
        state.done += 1;
      } catch (error) {
        state.failed += 1; // the others are kept all the same
      }
      if (!state.quiet && Date.now() - told > 250) {
        told = Date.now();
        await tellAll();
      }
    });
  })().finally(() => {
    keeping = null;
    return tellAll();
  });
  return state.run;
}

// Back to what a first visit keeps: the essentials.
async function removeAll() {
  if (keeping) {
    keeping.stop = true;
    await keeping.run;
  }
  await writeKeepsAll(false);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!ESSENTIAL_URL.has(pathOf(request.url))) await cache.delete(request);
  }
  storageFull = false;
}

async function status() {
  const cache = await caches.open(CACHE);
  const kept = new Set((await cache.keys()).map((request) => pathOf(request.url)));
  let keptBytes = 0;
  let keptFiles = 0;
  for (const [path, { size }] of BY_PATH) {
    if (kept.has(path)) {
      keptBytes += size;
      keptFiles += 1;
    }
  }
  const want = await wanted();
  const lacking = want.filter((path) => !kept.has(path));
  const smallest = Math.min(...lacking.map((path) => BY_PATH.get(path).size));
  return {
    crawlOffline: "status",
    worker: self.location.href,
    version: VERSION,
    total: TOTAL,
    files: FILES.length,
    budget: BUDGET,
    whole: WHOLE,
    keepAll: await readKeepsAll(),
    keptBytes,
    keptFiles,
    keeping: keeping && !keeping.quiet ? { done: keeping.done, failed: keeping.failed, total: keeping.total } : null,
    // Of what should be kept (every file, or the essentials): how many, how many are
    // missing, and whether storage is full (so trying again cannot help yet).
    wanted: want.length,
    missing: lacking.length,
    full: lacking.length > 0 && (await noRoom(smallest)),
    // Where the reader can see what is kept and try again, and the words a page says
    // storage is full in (once, on a page without that box: crawl-offline.js).
    box: BOX ? keyOf(BOX) : "",
    // The emergency page, which a page does not interrupt with that notice.
    emergency: TEXT.emergency ? keyOf(TEXT.emergency) : "",
    text: { full: TEXT.full, seeKept: TEXT.seeKept, close: TEXT.close },
  };
}

async function tell(client) {
  if (client && client.postMessage) client.postMessage(await status());
}

async function tellAll() {
  const message = await status();
  const clients = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  clients.forEach((client) => client.postMessage(message));
}
