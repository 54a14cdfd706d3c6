/* sphinx-crawl offline: registers the service worker (crawl-sw.js, at the site's root)
 * that keeps the handbook for use with no network, and drives the reader's choice to
 * keep the whole handbook (the crawl-offline directive's box). Served over http(s)
 * only: opened from disk (file://) the pages work as they always did, and the box stays
 * hidden. Nothing is sent anywhere: the worker downloads this site's own files. */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  const container = navigator.serviceWorker;
  const root = document.documentElement.dataset.content_root || "";
  const workerUrl = new URL(root + "crawl-sw.js", window.location.href).href;
  const firstVisit = !container.controller;

  // To the worker of this page's edition, once it is active.
  const send = (message) => container.ready.then((registration) => {
    if (registration.active && registration.active.scriptURL === workerUrl) {
      registration.active.postMessage(message);
    }
  });

  // What this page loaded before the worker answered for it (a first visit): the
  // worker keeps it too, mostly from the browser's cache. Not what scripts fetched.
  const tellSeen = () => {
    const loaded = performance.getEntriesByType("resource")
      .filter((entry) => !["fetch", "xmlhttprequest", "beacon"].includes(entry.initiatorType))
      .map((entry) => entry.name);
    send({ type: "seen", urls: [window.location.href, ...loaded] });
  };

  /* ---- The box: keep the whole handbook on this phone, or remove it ---- */
  const box = document.querySelector(".crawl-offline[data-crawl-offline]");
  let words = {};
  try {
    words = box ? JSON.parse(box.dataset.crawlOffline) : {};
  } catch (error) {
    words = {};
  }
  const fill = (text, values) => (text || "").replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const lang = document.documentElement.lang || undefined;
  const number = (value, digits) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  const size = (bytes) => (bytes >= 1e6
    ? fill(words.mb, { n: number(bytes / 1e6, bytes < 1e7 ? 1 : 0) })
    : fill(words.kb, { n: number(Math.max(1, Math.round(bytes / 1e3)), 0) }));
  let lastNews = 0;

  function show(status) {
    const text = box.querySelector(".crawl-offline-status");
    const bar = box.querySelector(".crawl-offline-progress");
    const keep = box.querySelector(".crawl-offline-keep");
    const remove = box.querySelector(".crawl-offline-remove");
    const missing = status.missing || 0;
    const values = {
      size: size(status.total),
      budget: size(status.budget),
      total: number(status.keeping ? status.keeping.total : status.wanted || status.files, 0),
      done: number(status.keeping ? status.keeping.done : status.keptFiles, 0),
      failed: number(missing, 0),
    };
    box.hidden = false;
    box.dataset.state = "";
    bar.hidden = true;
    keep.hidden = true;
    remove.hidden = true;
    keep.disabled = false;
    remove.disabled = false;
    if (status.keeping) {
      box.dataset.state = "keeping";
      text.textContent = fill(words.keeping, values);
      bar.hidden = false;
      bar.value = status.keeping.total ? status.keeping.done / status.keeping.total : 0;
      remove.hidden = status.whole;
      remove.textContent = words.remove;
    } else if (missing) {
      // Files that should be kept are not: said so (storage full, or the network), with
      // a way to try again.
      box.dataset.state = status.full ? "full" : "failed";
      text.textContent = fill(status.full ? words.full : words.failed, values);
      keep.hidden = false;
      keep.textContent = words.retry;
      keep.dataset.action = "retry";
      remove.hidden = !status.keepAll || status.whole;
      remove.textContent = words.remove;
    } else if (status.whole) {
      box.dataset.state = "whole";
      text.textContent = fill(words.whole, values);
    } else if (status.keepAll) {
      box.dataset.state = "kept";
      text.textContent = fill(words.kept, values);
      remove.hidden = false;
      remove.textContent = words.remove;
    } else {
      box.dataset.state = "some";
      text.textContent = fill(box.dataset.removed ? words.removed : words.some, values);
      keep.hidden = false;
      keep.textContent = fill(words.keep, values);
      keep.dataset.action = "keep-all";
    }
  }

  /* ---- Elsewhere: storage full, said once ---- */
  // A page without the box says that storage is full (what is kept offline is not all
  // it should be) once: the first time the worker finds it so, in a notice at the foot
  // of the screen (it moves nothing the reader is about to tap), in words, read once by
  // screen readers (a status, not an alert), with the way to the box that can try
  // again, until closed (its button, or Escape within it). Not again on the next pages,
  // until storage has had room since. Not on the emergency page: a frightened parent
  // reads it undisturbed, and is told on the next page. While it shows, the page ends
  // below it, so nothing stays under it.
  const TOLD = "sphinx-crawl:offline-full-told";
  const remembered = (value) => {
    try {
      if (value === undefined) return window.localStorage.getItem(TOLD);
      if (value === null) window.localStorage.removeItem(TOLD);
      else window.localStorage.setItem(TOLD, value);
    } catch (error) {
      // Site data refused: the notice may be said again on a later page.
    }
    return null;
  };
  let notice = null;
  function tellFull(status) {
    const full = Boolean(status.full && status.missing);
    if (!full) {
      if (remembered() === workerUrl) remembered(null);
      return;
    }
    const here = window.location.href.split(/[?#]/)[0];
    if (notice || !status.box || status.box === here || status.emergency === here) return;
    if (remembered() === workerUrl) return;
    remembered(workerUrl);
    const text = status.text || {};
    notice = document.createElement("div");
    notice.className = "crawl-offline-notice";
    notice.setAttribute("role", "status");
    document.body.appendChild(notice); // the live region first, then its words: heard once
    window.setTimeout(() => {
      const line = notice.appendChild(document.createElement("p"));
      line.textContent = text.full || "";
      line.appendChild(document.createTextNode(" "));
      const link = line.appendChild(document.createElement("a"));
      link.href = status.box;
      link.textContent = text.seeKept || "";
      const close = notice.appendChild(document.createElement("button"));
      close.type = "button";
      close.className = "crawl-offline-close";
      close.textContent = text.close || "\u00d7";
      // Room at the page's end for the notice (its height, and its gap from the edge):
      // an empty block after the page's own (a theme may fix the body's height, as furo).
      const room = document.createElement("div");
      room.className = "crawl-offline-room";
      room.setAttribute("aria-hidden", "true");
      const fit = () => {
        room.style.height = `calc(${notice.offsetHeight}px + 1rem)`;
      };
      fit();
      document.body.insertBefore(room, notice);
      // The phone turned, or the text enlarged: the notice's height changes, and the room
      // with it, so that the page's end never stays under it.
      const resized = "ResizeObserver" in window ? new ResizeObserver(fit) : null;
      if (resized) resized.observe(notice);
      const hide = () => {
        // Focus in the notice (its link or Close) goes to the page's main part, not
        // lost: a keyboard or screen reader goes on from where the reader was reading.
        const hadFocus = notice.contains(document.activeElement);
        notice.hidden = true;
        room.remove();
        if (resized) resized.disconnect();
        const main = document.querySelector("main, [role=main]") || document.body;
        if (hadFocus) {
          if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
          main.focus({ preventScroll: true });
        }
      };
      close.addEventListener("click", hide);
      notice.addEventListener("keydown", (event) => {
        if (event.key === "Escape") hide();
      });
    }, 100);
  }

  container.addEventListener("message", (event) => {
    const status = event.data;
    if (!status || status.crawlOffline !== "status" || status.worker !== workerUrl) return;
    lastNews = Date.now();
    if (box) show(status);
    else tellFull(status);
  });
  container.startMessages();

  if (box) {
    box.querySelector(".crawl-offline-keep").addEventListener("click", (event) => {
      event.currentTarget.disabled = true;
      delete box.dataset.removed;
      send({ type: event.currentTarget.dataset.action === "retry" ? "retry" : "keep-all" });
    });
    box.querySelector(".crawl-offline-remove").addEventListener("click", (event) => {
      event.currentTarget.disabled = true;
      box.dataset.removed = "yes";
      send({ type: "remove" });
    });
    // A worker stopped by the browser mid-download says nothing more: asked again, it
    // goes on with the files still missing.
    window.setInterval(() => {
      if (box.dataset.state === "keeping" && Date.now() - lastNews > 15000) {
        lastNews = Date.now();
        send({ type: "status" });
      }
    }, 5000);
  }

  /* ---- Offline, a link out of this worker's reach ---- */
  // A page no worker of this site answers for (another edition's, for a reader who
  // only ever opened this one, so its worker was never installed) would show the
  // browser's error page offline. Such a link leads instead to this worker's page for
  // a page not kept, in this edition's language, with the way to what is kept.
  const scope = new URL(root || "./", window.location.href).href;
  const notKeptUrl = `${scope}crawl-not-kept.html`;
  document.addEventListener("click", (event) => {
    if (navigator.onLine || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.href.startsWith(scope)) return;
    event.preventDefault();
    const go = (address) => window.location.assign(address);
    container.getRegistration(url.href)
      .then((other) => other && other.active ? url.href : fetch(url.href, { method: "HEAD" })
        .then(() => url.href, () => notKeptUrl))
      .then(go, () => go(notKeptUrl));
  });

  const start = () => {
    container.register(workerUrl).then(() => {
      if (firstVisit) tellSeen();
      send({ type: "status" });
    }).catch(() => {});
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
