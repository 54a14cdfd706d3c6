/* sphinx-crawl reader aids: age filter, entry search, print date.
 * Progressive enhancement only: pages read fully without this script.
 * Text from the handbook is inserted with textContent, never as HTML. */
(() => {
  "use strict";
  const MONTH_DAYS = 30.4375;
  const CORRECT_FROM_WEEKS = 3; // corrected age for babies born more than 3 weeks early
  const CORRECT_UNTIL_MONTHS = 24;
  const MAX_MONTHS = 72; // as the form's max; the handbook is about babies
  const MAX_WEEKS_EARLY = 20;
  // Lookups in data from the page never reach Object.prototype ("constructor", "__proto__").
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));
  const round = (n) => String(Math.round(n * 10) / 10);

  /* ---- Age filter ---------------------------------------------------- */
  function setupAgeFilter() {
    const form = document.querySelector("form.crawl-age-filter");
    if (!form) return;
    // By name: the ids differ on a page where an entry already has one of them.
    const age = form.querySelector("[name=age]");
    const early = form.querySelector("[name=early]");
    const only = form.querySelector("[name=only]");
    const status = form.querySelector(".crawl-age-status");
    const aged = [...document.querySelectorAll("[data-crawl-age-min]")];
    // Entries without an age apply at every age: they count as shown, and stay shown.
    const ageless = document.querySelectorAll("[data-crawl-type]:not([data-crawl-age-min])").length;
    // A window reads "relevant at this age"; a sign that matters from an age on says
    // so, never "applies", which a worried parent reads as "your baby has this".
    const flagText = (item) => {
      const kind = item.dataset.crawlAgeKind || "window";
      const label = kind === "window" ? form.dataset.appliesLabel : form.dataset[`${kind}Label`];
      return fill(label || form.dataset.appliesLabel, { age: item.dataset.crawlAgeMin });
    };

    aged.forEach((item) => {
      const flag = el("span", `crawl-age-flag crawl-age-flag-${item.dataset.crawlAgeKind || "window"}`, flagText(item));
      flag.hidden = true;
      const slot = (item.matches("tr") ? item.querySelector("td") : item.querySelector(".crawl-entry-title")) || item;
      // Before the permalink, so the marker follows the title directly.
      const before = slot.querySelector(":scope > .headerlink");
      slot.insertBefore(flag, before);
      slot.insertBefore(document.createTextNode(" "), flag);
      item.crawlFlag = flag;
    });

    const params = new URLSearchParams(window.location.search);
    age.value = params.get("age") || "";
    early.value = params.get("early") || "";
    only.checked = params.get("only") === "1";
    form.hidden = false;

    const apply = () => {
      const typed = parseFloat(age.value);
      const typedWeeks = parseFloat(early.value);
      // Out-of-range numbers are not guessed at: they are named in the status line.
      const months = typed >= 0 && typed <= MAX_MONTHS ? typed : NaN;
      const weeksOk = !Number.isFinite(typedWeeks) || (typedWeeks >= 0 && typedWeeks <= MAX_WEEKS_EARLY);
      const weeks = weeksOk ? typedWeeks || 0 : 0;
      const active = Number.isFinite(months);
      let effective = months;
      const corrected = active && weeks >= CORRECT_FROM_WEEKS && months < CORRECT_UNTIL_MONTHS;
      if (corrected) effective = Math.max(0, months - (weeks * 7) / MONTH_DAYS);
      let shown = ageless;
      aged.forEach((item) => {
        const low = parseFloat(item.dataset.crawlAgeMin);
        const high = item.dataset.crawlAgeMax === "" ? Infinity : parseFloat(item.dataset.crawlAgeMax);
        const applies = active && low <= effective && effective <= high;
        item.classList.toggle("crawl-age-applies", applies);
        item.classList.toggle("crawl-age-other", active && !applies);
        item.crawlFlag.hidden = !applies;
        if (applies) shown += 1;
      });
      document.body.classList.toggle("crawl-age-hide", active && only.checked);
      const problems = [
        age.value !== "" && !active ? fill(form.dataset.ageRange, { max: MAX_MONTHS }) : "",
        !weeksOk ? fill(form.dataset.weeksRange, { max: MAX_WEEKS_EARLY }) : "",
      ].filter(Boolean).join(" ");
      status.textContent = (active
        ? fill(form.dataset.status, { shown, total: aged.length + ageless, age: round(effective) }) +
          (corrected ? " " + fill(form.dataset.corrected, { age: round(effective) }) : "")
        : "") + (problems ? (active ? " " : "") + problems : "");
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
  }

  /* ---- Entry search on the search page --------------------------------- */
  // "little one" and pronouns stand for the baby; "one" alone matters ("one side").
  const STOP = new Set(
    ("a an and are as at be but by can do does doing for from get has have how i if in into is it its " +
      "me my of on or our should so that the their them then there they this to too up was we what " +
      "when where which who why will with you your baby babies babys child he she his her him son " +
      "daughter lo old").split(" "),
  );
  const words = (text) =>
    (text || "").toLowerCase().replace(/['\u2019]/g, "").replace(/\blittle ones?\b/g, " ")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const stem = (word) => {
    if (word.length > 4 && /ie[sd]$/.test(word)) return word.slice(0, -3) + "y"; // worried, tries
    if (word.endsWith("ss")) return word; // stiffness, less
    for (const end of ["ing", "ed", "es", "s", "e"]) {
      if (word.length - end.length >= 3 && word.endsWith(end)) {
        const base = word.slice(0, -end.length);
        // dragging -> drag, spinning -> spin (but pulling, rolling keep "ll")
        return end.length > 1 && end !== "es" && /([^aeioulsz])\1$/.test(base) ? base.slice(0, -1) : base;
      }
    }
    return word;
  };
  // Each field as " stem stem |  stem stem ": phrases match whole words, within one item.
  const field = (value) => [].concat(value).map((item) => ` ${words(item).map(stem).join(" ")} `).join("|");
  const FIELDS = [["keywords", 4], ["title", 3], ["tags", 2], ["text", 1]];

  function rankEntries(index, query) {
    const terms = words(query).filter((w) => !STOP.has(w));
    if (!terms.length) return [];
    const synonyms = index.synonyms || {};
    // One group of alternatives per word: its stem, and its synonyms (words or phrases).
    const groups = terms.map((term) => [
      ...new Set([stem(term), ...([].concat(own(synonyms, term) || own(synonyms, stem(term)) || [])).map((s) => words(s).map(stem).join(" "))]),
    ].filter(Boolean));
    const entries = index.entries;
    entries.forEach((entry) => {
      entry.crawlFields ??= Object.fromEntries(FIELDS.map(([name]) => [name, field(entry[name])]));
    });
    const hits = (entry, alternatives, name) => alternatives.some((a) => entry.crawlFields[name].includes(` ${a} `));
    // Rare words count for more than words most entries share ("hardwood" over "backwards").
    const found = groups.map((alternatives) =>
      entries.filter((entry) => FIELDS.some(([name]) => hits(entry, alternatives, name))).length);
    const rarity = found.map((n) => Math.log(1 + entries.length / Math.max(1, n)));
    const phrase = ` ${terms.map(stem).join(" ")} `;
    // Parents' keywords are whole questions ("when do babies crawl"): match them with stop words.
    const all = words(query);
    const asked = ` ${all.map(stem).join(" ")} `;
    // Most words must match; words no entry uses at all ("see", "please") do not count.
    const known = found.filter(Boolean).length;
    if (!known) return [];
    const needed = Math.max(1, Math.ceil(known * 0.6));
    return entries
      .map((entry) => {
        let score = 0;
        let matched = 0;
        groups.forEach((alternatives, i) => {
          const weights = FIELDS.filter(([name]) => hits(entry, alternatives, name)).map(([, weight]) => weight);
          if (!weights.length) return;
          matched += 1;
          const best = Math.max(...weights);
          // The best field counts; other fields that also match break ties.
          score += rarity[i] * (best + 0.1 * (weights.reduce((a, b) => a + b, 0) - best));
        });
        const named = entry.crawlFields.keywords + entry.crawlFields.title;
        if (terms.length > 1 && named.includes(phrase)) score += 6;
        if (all.length > 1 && named.includes(asked)) score += 6;
        return { entry, score, matched };
      })
      .filter((r) => r.matched >= needed)
      .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
      .slice(0, 8);
  }

  function showEntryResults(index, query, root) {
    const anchor = document.getElementById("search-results");
    if (!anchor) return;
    const results = rankEntries(index, query);
    const section = el("section", "crawl-search");
    section.setAttribute("aria-labelledby", "crawl-search-heading");
    const heading = el("h2", "", index.heading);
    heading.id = "crawl-search-heading";
    section.appendChild(heading);
    if (!results.length) section.appendChild(el("p", "", index.none));
    const list = el("ul", "search crawl-search-results");
    list.setAttribute("role", "list");
    results.forEach(({ entry }) => {
      const item = el("li");
      const link = el("a", "", entry.title);
      link.href = root + entry.url;
      item.appendChild(link);
      const about = [entry.kind, entry.badge, entry.age].filter(Boolean).join(" \u00b7 ");
      item.appendChild(el("span", "crawl-search-kind", " \u2014 " + about));
      item.appendChild(el("p", "context", entry.text.length > 180 ? entry.text.slice(0, 180) + "\u2026" : entry.text));
      list.appendChild(item);
    });
    section.appendChild(list);
    anchor.parentNode.insertBefore(section, anchor);
  }

  function setupEntrySearch() {
    const query = new URLSearchParams(window.location.search).get("q");
    if (!query || !document.getElementById("search-results")) return;
    const root = document.documentElement.dataset.content_root || "";
    const script = document.createElement("script");
    script.src = root + "crawl-searchindex.js";
    script.onload = () => window.crawlSearchIndex && showEntryResults(window.crawlSearchIndex, query, root);
    document.head.appendChild(script);
  }

  /* ---- Print date on checklists ---------------------------------------- */
  function setupPrintDate() {
    const today = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric", month: "long", day: "numeric",
    });
    document.querySelectorAll(".crawl-print-date").forEach((node) => { node.textContent = today; });
  }

  const start = () => { setupAgeFilter(); setupEntrySearch(); setupPrintDate(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
