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
      placeTimelineMarkers(active ? effective : NaN);
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

  /* ---- Entry search on the search page --------------------------------- */
  // The index (see sphinx_crawl/render/search.py) maps each field's words to entries;
  // stems are worked out here, from its vocabulary, so the query and the index agree.
  const words = (text) =>
    (text || "").toLowerCase().replace(/['\u2019]/g, "").replace(/\blittle ones?\b/g, " ")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const englishStem = (word) => {
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
  // Accents do not count: a parent on a phone types "rigidas" for "rígidas".
  const fold = (word) => word.normalize("NFD").replace(/\p{M}/gu, "");
  // English: our own stemmer, tuned on parents' queries. Another language: Sphinx's
  // Snowball stemmer for it (language_data.js, on the search page), accents folded after.
  let stemmer = null;
  const stem = (word) => {
    const lang = (document.documentElement.lang || "en").toLowerCase();
    if (lang.startsWith("en") || typeof window.Stemmer !== "function") return fold(englishStem(word));
    stemmer ??= new window.Stemmer();
    return fold(stemmer.stemWord(word));
  };
  // Fields and the weight of a match in each: keywords, title, tags, text.
  const FIELDS = [["k", 4], ["t", 3], ["g", 2], ["x", 1]];
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  // A word's entries: "~" + a base-64 bitmap, or gaps in base 36 ("3,1,a"); marked
  // into `mask`, one byte per entry, so sets combine in plain loops.
  function markInto(code, mask) {
    if (code[0] === "~") {
      for (let i = 1; i < code.length; i += 1) {
        const value = B64.indexOf(code[i]);
        for (let b = 5; b >= 0; b -= 1) {
          if (!(value & (1 << b))) continue;
          // base 64 packs 6 bits, most significant first; each byte of the bitmap
          // holds entries from its least significant bit up
          const position = (i - 1) * 6 + (5 - b);
          mask[(position >> 3) * 8 + 7 - (position & 7)] = 1;
        }
      }
      return;
    }
    let position = 0;
    for (const gap of code.split(",")) mask[(position += parseInt(gap, 36))] = 1;
  }

  function searcher(index) {
    const total = index.entries.length;
    const byStem = {}; // field -> stem -> words of the vocabulary
    const cache = new Map();
    const stemsOf = (field) => {
      if (!byStem[field]) {
        const map = new Map();
        Object.keys(index.words[field] || {}).forEach((word) => {
          const key = stem(word);
          if (!map.has(key)) map.set(key, []);
          map.get(key).push(word);
        });
        byStem[field] = map;
      }
      return byStem[field];
    };
    // Entries with a word of this stem in this field (a byte per entry).
    const withStem = (field, key) => {
      const id = field + " " + key;
      if (!cache.has(id)) {
        const mask = new Uint8Array(total);
        (stemsOf(field).get(key) || []).forEach((word) => markInto(index.words[field][word], mask));
        cache.set(id, mask);
      }
      return cache.get(id);
    };
    // Entries with every stem of a phrase ("stiff leg") in one field.
    const withAll = (field, stems) => {
      const id = field + "|" + stems.join(" ");
      if (!cache.has(id)) {
        const masks = stems.map((s) => withStem(field, s));
        const mask = masks.length ? masks[0].slice() : new Uint8Array(total);
        for (let m = 1; m < masks.length; m += 1) {
          const other = masks[m];
          for (let n = 0; n < total; n += 1) mask[n] &= other[n];
        }
        cache.set(id, mask);
      }
      return cache.get(id);
    };
    return { withAll, total };
  }

  // Words that say what the parent wants, not what about (a question, a worry, an age,
  // a negation), in the handbook's language: from the index (render/search.py).
  const COMMON_SHARE = 0.4; // a word in more than this share of entries is common
  const intentSets = (index) => (index.crawlIntent ??= Object.fromEntries(
    ["question", "worry", "age", "negation"].map((key) => [key, new Set(((index.intent || {})[key] || []).map(fold))])));

  function rankEntries(index, query) {
    const STOP = new Set(index.stop || []);
    const terms = words(query).filter((w) => !STOP.has(w));
    if (!terms.length) return [];
    const synonyms = index.synonyms || {};
    // One group of alternatives per word: its stem, and its synonyms (words or phrases).
    const groups = terms.map((term) => [
      ...new Set([stem(term), ...([].concat(own(synonyms, term) || own(synonyms, stem(term)) || [])).map((s) => words(s).map(stem).join(" "))]),
    ].filter(Boolean));
    const find = index.crawlSearcher ??= searcher(index);
    const total = find.total;
    // For each group and field, the entries that match one of its alternatives.
    const masks = groups.map((alternatives) => FIELDS.map(([field]) => {
      const union = new Uint8Array(total);
      alternatives.forEach((alt) => {
        const mask = find.withAll(field, alt.split(" "));
        for (let n = 0; n < total; n += 1) union[n] |= mask[n];
      });
      return union;
    }));
    // Per group, the entries it matches in any field.
    const anyField = masks.map((byField) => {
      const mask = new Uint8Array(total);
      for (const fieldMask of byField) for (let n = 0; n < total; n += 1) mask[n] |= fieldMask[n];
      return mask;
    });
    // Rare words count for more than words most entries share ("hardwood" over "backwards").
    const found = anyField.map((mask) => mask.reduce((count, hit) => count + hit, 0));
    const rarity = found.map((n) => Math.log(1 + total / Math.max(1, n)));
    // Most words must match; words no entry uses at all ("see", "please") do not count,
    // nor, beside other words, those that say the parent's intent or the baby's age
    // ("normal", "worried", "9 months") or that most entries share ("crawling").
    const known = found.map((n) => n > 0);
    if (!known.some(Boolean)) return [];
    const { question: QUESTION_START, worry: WORRY, age: AGE, negation: NEGATION } = intentSets(index);
    const intent = terms.map((term) =>
      WORRY.has(fold(term)) || AGE.has(fold(term)) || NEGATION.has(fold(term)) || /^\d+$/.test(term));
    const optional = intent.map((isIntent, g) => isIntent || found[g] > total * COMMON_SHARE);
    const counted = known.map((k, g) => k && !optional[g]);
    const core = counted.some(Boolean) ? counted : known;
    const needed = Math.max(1, Math.ceil(core.filter(Boolean).length * 0.6));
    // What the query asks for: a question or a worry gets answers before warning signs;
    // a query that names a sign (its words are mostly found in signs' titles or
    // keywords: "stiff legs", "floppy") gets the signs first.
    const role = (n) => own(index.roles || {}, String(index.entries[n][3])) || "";
    const asked = words(query);
    const questioning = QUESTION_START.has(fold(asked[0] || "")) || /[?\u00bf]/.test(query)
      || asked.some((w) => WORRY.has(fold(w)));
    const namesSign = masks.some((byField, g) => {
      if (intent[g] || !known[g]) return false;
      let signs = 0;
      let all = 0;
      for (let n = 0; n < total; n += 1) {
        if (!byField[0][n] && !byField[1][n]) continue;
        all += 1;
        if (role(n) === "sign") signs += 1;
      }
      return signs > 0 && signs * 2 >= all;
    });
    // All the words in an entry's keywords or title earn a bonus; parents' keywords are
    // whole questions ("when do babies crawl"), so the asked words count with stop words.
    const named = (stems) => {
      const mask = new Uint8Array(total);
      if (stems.length < 2) return mask;
      for (const field of ["k", "t"]) {
        const hits = find.withAll(field, stems);
        for (let n = 0; n < total; n += 1) mask[n] |= hits[n];
      }
      return mask;
    };
    const namedTerms = named(terms.map(stem));
    const namedAsked = named(words(query).map(stem));
    const weights = FIELDS.map(([, weight]) => weight);
    const scored = [];
    for (let n = 0; n < total; n += 1) {
      let score = 0;
      let matched = 0;
      for (let g = 0; g < masks.length; g += 1) {
        if (!anyField[g][n]) continue;
        let best = 0;
        let sum = 0;
        for (let f = 0; f < weights.length; f += 1) {
          if (!masks[g][f][n]) continue;
          if (weights[f] > best) best = weights[f];
          sum += weights[f];
        }
        matched += 1;
        // The best field counts; other fields that also match break ties.
        score += rarity[g] * (best + 0.1 * (sum - best));
      }
      if (matched < needed) continue; // optional words help reach it, but do not raise it
      score += 6 * namedTerms[n] + 6 * namedAsked[n];
      const kind = role(n);
      if (kind === "sign") score *= namesSign ? 1.25 : questioning ? 0.5 : 0.8;
      else if (kind === "answer" && questioning && !namesSign) score *= 1.6;
      scored.push({ n, score, matched });
    }
    return topResults(scored, (r) => index.entries[r.n][0], 8);
  }

  // The best `count` by score, ties by title: titles are compared only among the
  // results that can make the cut, not across thousands of matches.
  function topResults(results, title, count) {
    results.sort((a, b) => b.score - a.score);
    const cut = results.length > count ? results[count - 1].score : -Infinity;
    return results
      .filter((r) => r.score >= cut)
      .sort((a, b) => b.score - a.score || title(a).localeCompare(title(b)))
      .slice(0, count);
  }

  // The excerpt under a result, read from the entry on its own page: one request per
  // page of the results shown (as Sphinx's search reads its summaries). From file://
  // pages cannot be fetched, and results show without an excerpt.
  const EXCERPT_CHARS = 180;
  function fillExcerpts(root, wanted) {
    const byPage = new Map();
    wanted.forEach((item) => {
      if (!byPage.has(item.page)) byPage.set(item.page, []);
      byPage.get(item.page).push(item);
    });
    byPage.forEach((items, page) => {
      fetch(root + page)
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          items.forEach(({ hash, node }) => {
            const entry = hash && doc.getElementById(hash);
            const body = entry && (entry.querySelector(".crawl-entry-body") || entry);
            const text = body ? body.textContent.replace(/\s+/g, " ").trim() : "";
            node.textContent = text.length > EXCERPT_CHARS
              ? text.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "") + "\u2026" : text;
          });
        })
        .catch(() => {});
    });
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
    // A topic the handbook does not cover: say so first, and where to go instead.
    const asked = ` ${words(query).map(stem).join(" ")} `;
    Object.entries(index.out_of_scope || {}).forEach(([topic, answer]) => {
      if (!asked.includes(` ${words(topic).map(stem).join(" ")} `)) return;
      const note = section.appendChild(el("div", "crawl-search-scope"));
      note.setAttribute("role", "note");
      note.appendChild(el("p", "", answer.text));
      if (answer.url) {
        const link = el("a", "", index.more);
        link.href = answer.url;
        note.appendChild(el("p")).appendChild(link);
      }
    });
    if (!results.length) section.appendChild(el("p", "", index.none));
    const list = el("ul", "search crawl-search-results");
    list.setAttribute("role", "list");
    const label = (i) => (i >= 0 ? index.labels[i] : "");
    const excerpts = [];
    results.forEach(({ n }) => {
      const [title, page, hash, kind, badge, age] = index.entries[n];
      const item = el("li");
      const link = el("a", "", title);
      link.href = root + index.pages[page] + (hash ? "#" + hash : "");
      item.appendChild(link);
      const about = [label(kind), label(badge), label(age)].filter(Boolean).join(" \u00b7 ");
      item.appendChild(el("span", "crawl-search-kind", " \u2014 " + about));
      excerpts.push({ page: index.pages[page], hash, node: item.appendChild(el("p", "context")) });
      list.appendChild(item);
    });
    section.appendChild(list);
    anchor.parentNode.insertBefore(section, anchor);
    addResultsSearchBox(index, query);
    explainNoPages(index, results.length);
    fillExcerpts(root, excerpts);
  }

  // The search page's own box, at every width, holding the query to change it.
  function addResultsSearchBox(index, query) {
    const anchor = document.getElementById("search-results");
    if (!anchor || !index.box || document.querySelector("form.crawl-search-box-results")) return;
    const form = el("form", "crawl-search-box crawl-search-box-results");
    form.setAttribute("role", "search");
    form.method = "get";
    form.action = window.location.pathname;
    const label = form.appendChild(el("label", "", index.box.label));
    const input = form.appendChild(el("input"));
    input.type = "search";
    input.name = "q";
    input.id = label.htmlFor = "crawl-search-again";
    input.value = query;
    input.autocomplete = "off";
    form.appendChild(el("button", "", index.box.button)).type = "submit";
    anchor.parentNode.insertBefore(form, anchor.previousElementSibling?.classList.contains("crawl-search") ? anchor.previousElementSibling : anchor);
  }

  // Sphinx says its search "did not match any documents" when no page matched all the
  // words, even with entries shown just above: say instead that no other page matched.
  function explainNoPages(index, found) {
    const results = document.getElementById("search-results");
    if (!results || !found || !index.no_pages) return;
    const fix = () => {
      const summary = results.querySelector("p.search-summary");
      const finished = summary && /\S/.test(summary.textContent) && !results.querySelector("ul.search li");
      if (finished && summary.textContent !== index.no_pages) summary.textContent = index.no_pages;
    };
    new MutationObserver(fix).observe(results, { childList: true, subtree: true, characterData: true });
    fix();
  }

  // Sphinx's catalogs hold some messages with an empty translation (its Spanish one: the
  // count of pages found), which its script shows as no text; an empty translation
  // means none (gettext's rule). The count itself is said in the handbook's words.
  function repairSphinxWords(index) {
    // doctools.js declares `const Documentation`: a global binding, not a window property.
    const words = typeof Documentation === "undefined" ? null : Documentation.TRANSLATIONS; // eslint-disable-line no-undef
    if (!words) return;
    for (const [message, translated] of Object.entries(words)) {
      if (translated === "" || (Array.isArray(translated) && !translated.some(Boolean))) delete words[message];
    }
    if (!index || !Array.isArray(index.pages_found)) return;
    const [one, many] = index.pages_found.map((text) => text.replace("{count}", "${resultCount}"));
    words["Search finished, found one page matching the search query."] = [one, many, many, many, many, many];
  }

  function setupEntrySearch() {
    repairSphinxWords(window.crawlSearchIndex);
    const query = new URLSearchParams(window.location.search).get("q");
    if (!document.getElementById("search-results")) return;
    if (!query) {
      // An empty search page: the box at least, so it is not blank.
      if (window.crawlSearchIndex) addResultsSearchBox(window.crawlSearchIndex, "");
      return;
    }
    const root = document.documentElement.dataset.content_root || "";
    // The search page loads the index itself, beside Sphinx's (see render/search.py).
    if (window.crawlSearchIndex) return showEntryResults(window.crawlSearchIndex, query, root);
    const script = document.createElement("script");
    script.src = root + "crawl-searchindex.js";
    script.onload = () => {
      if (!window.crawlSearchIndex) return;
      repairSphinxWords(window.crawlSearchIndex);
      showEntryResults(window.crawlSearchIndex, query, root);
    };
    document.head.appendChild(script);
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
    const today = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric", month: "long", day: "numeric",
    });
    document.querySelectorAll(".crawl-print-date").forEach((node) => { node.textContent = today; });
  }

  const start = () => { setupAgeFilter(); setupEntrySearch(); setupPrintDate(); setupEditionSwitch(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
