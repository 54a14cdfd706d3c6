/* sphinx-crawl reader aids: age filter, timeline marker, language switch, print date
 * (the entry search is crawl-search.js, on the search page only).
 * Progressive enhancement only: pages read fully without this script.
 * Text from the handbook is inserted with textContent, never as HTML. */
(() => {
  "use strict";
  // Every age is worked out by crawl-ages.js, with the rules from Python (core/ages.py).
  const AGES = window.crawlAges;
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));

  /* ---- Age filter ---------------------------------------------------- */
  function setupAgeFilter() {
    const form = document.querySelector("form.crawl-age-filter");
    if (!form || !AGES) return;
    const lang = document.documentElement.lang || "en";
    const months = (n) => AGES.formatMonths(n, lang);
    // By name: the ids differ on a page where an entry already has one of them.
    const age = form.querySelector("[name=age]");
    const early = form.querySelector("[name=early]");
    const only = form.querySelector("[name=only]");
    const status = form.querySelector(".crawl-age-status");
    const aged = [...document.querySelectorAll("[data-crawl-age-min]")];
    // Entries without an age apply at every age: they count as shown, and stay shown.
    const ageless = document.querySelectorAll("[data-crawl-type]:not([data-crawl-age-min])").length;
    // A window reads "relevant at this age"; a sign that matters from an age on says
    // so, never "applies", which a worried parent reads as "your baby has this". A
    // deadline ("by 12 months") shows from a little before it, and says from when.
    const flagText = (item) => {
      const kind = item.crawlAge.kind;
      const label = kind === "window" ? form.dataset.appliesLabel : form.dataset[`${kind}Label`];
      return fill(label || form.dataset.appliesLabel, { age: months(AGES.showsFrom(item.crawlAge)) });
    };
    // Past its window an entry is never hidden: a tip may still help, and a milestone
    // not reached yet points to the signs page (its link is rendered after the form).
    const signs = form.parentNode.querySelector(".crawl-age-signs a");
    const pastFlag = (item) => {
      const kind = AGES.pastKind(item.dataset.crawlType || "");
      const flag = el("span", `crawl-age-note crawl-age-note-${kind}`);
      // The form's words, in the entry: in the form's language (English, where the
      // package has no words for the page's and the form says so).
      if (form.lang) flag.lang = form.lang;
      if (kind === "help") flag.textContent = form.dataset.pastHelpLabel || "";
      else if (!signs) flag.textContent = form.dataset.pastPlainLabel || "";
      else {
        const [before, after = ""] = (form.dataset.pastLabel || "{link}").split("{link}");
        const link = el("a", "reference internal", signs.textContent);
        link.href = signs.getAttribute("href");
        flag.append(before, link, after);
      }
      return flag;
    };

    aged.forEach((item) => {
      item.crawlAge = AGES.range(item.dataset.crawlAgeMin, item.dataset.crawlAgeMax, item.dataset.crawlAgeKind);
      const flag = el("span", `crawl-age-flag crawl-age-flag-${item.crawlAge.kind}`, flagText(item));
      if (form.lang) flag.lang = form.lang;
      const past = pastFlag(item);
      flag.hidden = past.hidden = true;
      const slot = (item.matches("tr") ? item.querySelector("td") : item.querySelector(".crawl-entry-title")) || item;
      // Before the permalink, so the marker follows the title directly.
      const before = slot.querySelector(":scope > .headerlink");
      slot.insertBefore(flag, before);
      slot.insertBefore(document.createTextNode(" "), flag);
      slot.insertBefore(past, before);
      slot.insertBefore(document.createTextNode(" "), past);
      item.crawlFlag = flag;
      item.crawlPastFlag = past;
    });

    const params = new URLSearchParams(window.location.search);
    // A number field takes "10.5" only: a shared link's "10,5" (a decimal comma, as
    // the Spanish edition writes ages) or "10m" would leave it empty, the age ignored.
    age.value = AGES.fromLink(params.get("age"));
    early.value = AGES.fromLink(params.get("early"));
    only.checked = params.get("only") === "1";
    form.hidden = false;

    const apply = () => {
      // Out-of-range numbers are not guessed at: they are named in the status line.
      const typed = AGES.fromTyped(age.value, early.value);
      const { weeksOk } = typed;
      const weeks = typed.weeks;
      // The remembered baby's exact age (crawl-companion.js), while the fields still
      // show what it wrote: the field holds it rounded down, which corrected again
      // would drift a tenth from the baby's own line.
      const exact = age.crawlExact;
      const ages = exact && exact.text === age.value && exact.weeks === early.value ? exact.ages : typed.ages;
      const active = !!ages;
      const effective = active ? ages.effective : NaN;
      const corrected = active && ages.corrected !== null;
      let shown = ageless;
      let past = 0;
      aged.forEach((item) => {
        const status = active ? AGES.status(item.crawlAge, effective) : null;
        const applies = status === "applies";
        item.classList.toggle("crawl-age-applies", applies);
        item.classList.toggle("crawl-age-past", status === "past");
        // Only what is for an older baby is "other" (hidden on request).
        item.classList.toggle("crawl-age-other", status === "before");
        item.crawlFlag.hidden = !applies;
        item.crawlPastFlag.hidden = status !== "past";
        if (applies) shown += 1;
        if (status === "past") past += 1;
      });
      document.body.classList.toggle("crawl-age-hide", active && only.checked);
      placeTimelineMarkers(active ? effective : NaN);
      // Words a number field cannot read ("9 meses", "9 weeks": typed with a keyboard, an
      // "e" makes it an exponent; the field then holds "") are named as a number out of
      // range is (s46: before, the status said nothing, and the age was not applied).
      const unread = (field) => Boolean(field.validity && field.validity.badInput);
      const problems = [
        (age.value !== "" && !typed.monthsOk) || unread(age) ? fill(form.dataset.ageRange, { max: AGES.rules.maxMonths }) : "",
        !weeksOk || unread(early) ? fill(form.dataset.weeksRange, { max: AGES.rules.maxWeeksEarly }) : "",
      ].filter(Boolean).join(" ");
      // "1 month", not "1 months": the singular sentence where the age reads as 1.
      const one = months(effective) === months(1);
      const monthly = (many, single) => (one && single) || many;
      // A child older than every entry (the words and the oldest age are the companion's,
      // render/baby.py): said first, plainly, with where to go instead (s45b: before, a
      // 4-year-old's age said only how many entries applied, or to enter an age up to 72).
      const words = window.crawlCompanionText || {};
      const typedMonths = Number.isFinite(effective) ? effective : parseFloat(age.value);
      const beyond = Number.isFinite(words.oldest) && words.beyond && typedMonths > words.oldest
        ? fill(words.beyond, { oldest: months(words.oldest) }) + " " : "";
      status.textContent = beyond + (active
        ? fill(monthly(form.dataset.status, form.dataset.statusOne), { shown, total: aged.length + ageless, age: months(effective) }) +
          (past ? " " + fill((past === 1 && form.dataset.pastStatusOne) || form.dataset.pastStatus || "", { past }) : "") +
          (corrected ? " " + fill(monthly(form.dataset.corrected, form.dataset.correctedOne), { age: months(effective) }) : "")
        : "") + (problems ? (active ? " " : "") + problems : "");
      status.textContent = status.textContent.trim();
      const url = new URL(window.location.href);
      ["age", "early", "only"].forEach((key) => url.searchParams.delete(key));
      if (active) url.searchParams.set("age", age.value);
      if (active && weeks > 0) url.searchParams.set("early", early.value);
      if (active && only.checked) url.searchParams.set("only", "1");
      window.history.replaceState(null, "", url);
    };
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
    form.addEventListener("reset", () => window.setTimeout(apply, 0));
    apply();

    // A link to an entry the filter hides (its card on the page, a "See also", a shared
    // address ending #id) led nowhere: the entry stayed hidden and the page did not
    // move. The entry a link leads to shows, and is scrolled to; the rest stay filtered.
    const linked = () => {
      let target = null;
      try {
        target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      } catch (error) { /* a malformed #%: no entry */ }
      aged.forEach((item) => {
        const leads = !!target && item.contains(target);
        const hidden = leads && !target.getClientRects().length;
        item.classList.toggle("crawl-age-linked", leads);
        if (hidden) target.scrollIntoView();
      });
    };
    window.addEventListener("hashchange", linked);
    // The same link again (the address does not change): shown again, if hidden since.
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[href*='#']");
      if (link && link.pathname === window.location.pathname) window.setTimeout(linked, 0);
    });
    linked();
  }

  // A crawl-timeline chart marks the baby's age (corrected where it applies) on its axis.
  function placeTimelineMarkers(months) {
    document.querySelectorAll("svg.crawl-timeline-chart").forEach((chart) => {
      const marker = chart.querySelector(".crawl-timeline-marker");
      if (!marker) return;
      const [x0, x1, end] = ["x0", "x1", "end"].map((key) => parseFloat(chart.dataset[key]));
      const shown = Number.isFinite(months) && end > 0;
      marker.setAttribute("visibility", shown ? "visible" : "hidden");
      if (!shown) return;
      const x = x0 + ((x1 - x0) * Math.min(months, end)) / end;
      marker.setAttribute("transform", `translate(${x.toFixed(2)},0)`);
      // The label stays inside the drawing at either end of the axis; past its end (a
      // baby older than every window) the line stands at the end and says "→".
      const label = marker.querySelector("text");
      label.dataset.text ??= label.textContent;
      label.textContent = months > end ? `${label.dataset.text} \u2192` : label.dataset.text;
      const share = (x - x0) / (x1 - x0);
      label.setAttribute("text-anchor", share < 0.12 ? "start" : share > 0.88 ? "end" : "middle");
    });
  }

  /* ---- Pages made from templates: the parts every page starts with ------- */
  // render/top.py hands them over as window.crawlTopParts, first part first.
  function placeTopParts() {
    const parts = Array.isArray(window.crawlTopParts) ? window.crawlTopParts : [];
    const main = document.querySelector("[role=main]") || document.querySelector("main") || document.body;
    // The parts are the extension's own HTML, made by render/top.py from escaped text.
    parts.slice().reverse().forEach((html) => {
      const holder = document.createElement("template");
      holder.innerHTML = html;
      main.insertBefore(holder.content, main.firstChild);
    });
  }

  // A theme may lay its main part out as a grid or a row of columns (sphinx-conestack-
  // theme's <main> is a grid of the content and its contents): the parts put first in it
  // became cells of their own, and on its search and index pages the emergency line
  // stood beside the heading, the page's text squeezed into a column 105 px wide. There
  // they go to the top of the part that holds the page's heading or its search results.
  const TOP_PARTS = ".crawl-emergency-line, nav.crawl-editions, form.crawl-search-box";
  const laidOut = (node) => /^(inline-)?(grid|flex)$/.test(getComputedStyle(node).display);
  function keepTopPartsInFlow() {
    const parts = [...document.querySelectorAll(TOP_PARTS)];
    let holder = parts.length ? parts[0].parentElement : null;
    while (holder && laidOut(holder)) {
      const mine = parts.filter((part) => part.parentElement === holder);
      const content = [...holder.children].find(
        (child) => !mine.includes(child) && child.querySelector("h1, #search-results"));
      if (!mine.length || !content) return;
      // Below the search's notice, if it is there already (crawl-search.js), as always.
      const notices = content.querySelectorAll(
        ":scope > :is(.crawl-search-emergency, .crawl-search-unwell)");
      content.prepend(...notices, ...mine);
      holder = content;
    }
  }

  /* ---- The language switch keeps the reader's place --------------------- */
  function setupEditionSwitch() {
    document.querySelectorAll("nav.crawl-editions a").forEach((link) => {
      link.addEventListener("click", () => {
        const here = window.location;
        link.href = link.href.split("#")[0].split("?")[0] + here.search + here.hash;
      });
    });
  }

  /* ---- Print date on checklists ---------------------------------------- */
  function setupPrintDate() {
    const dates = document.querySelectorAll(".crawl-print-date");
    // Only where a checklist prints one: the first date formatted loads the browser's
    // locale data, 17 ms that every page paid before its first paint.
    if (!dates.length) return;
    const today = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric", month: "long", day: "numeric",
    });
    dates.forEach((node) => { node.textContent = today; });
  }

  /* ---- The search box's words, where the package has none for the page's language -- */
  // Its label and button are English there (the page says so: render/search_page.py);
  // the query typed keeps the page's language.
  function markSearchBox() {
    const meta = document.querySelector('meta[name="crawl-words-lang"]');
    if (!meta || !meta.content) return;
    document.querySelectorAll("form.crawl-search-box > label, form.crawl-search-box > button")
      .forEach((node) => { node.lang = meta.content; });
  }

  /* ---- A handbook built without its offline copy ------------------------- */
  // A build without crawl_offline loads no crawl-offline.js, and has no worker (the
  // extension removes the one an earlier build wrote). A worker a phone installed then
  // is taken off, with what it kept, so the phone reads this build and not a copy of
  // the old one. Only this edition's (its scope), and only over http(s). Its caches are
  // deleted on every such page: the worker, unregistered, still serves the page that
  // unregistered it, and may keep a file after they were first deleted.
  function retireOfflineCopy() {
    const container = navigator.serviceWorker;
    if (!container || !/^https?:$/.test(window.location.protocol)) return;
    if (document.querySelector('script[src*="crawl-offline.js"]')) return;
    const scope = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
    const worker = new URL("crawl-sw.js", scope).href;
    const ours = (name) => name.startsWith(`sphinx-crawl ${scope.pathname} `) || name === `sphinx-crawl-state ${scope.pathname}`;
    container.getRegistrations()
      .then((found) => Promise.all(found
        .filter((registration) => registration.scope === scope.href &&
          [registration.active, registration.waiting, registration.installing].some((w) => w && w.scriptURL === worker))
        .map((registration) => registration.unregister())))
      .then(() => (typeof caches !== "undefined" ? caches.keys() : []))
      .then((names) => Promise.all(names.filter(ours).map((name) => caches.delete(name))))
      .catch(() => {});
  }

  const start = () => {
    placeTopParts(); keepTopPartsInFlow(); markSearchBox(); setupAgeFilter(); setupPrintDate(); setupEditionSwitch();
    retireOfflineCopy();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
