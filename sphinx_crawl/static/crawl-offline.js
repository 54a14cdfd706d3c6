/* sphinx-crawl offline: registers the service worker (crawl-sw.js, at the site's root)
 * that keeps the handbook for use with no network. Served over http(s) only: opened
 * from disk (file://) the pages work as they always did. Nothing is sent anywhere. */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  const root = document.documentElement.dataset.content_root || "";
  const register = () => navigator.serviceWorker.register(root + "crawl-sw.js").catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
