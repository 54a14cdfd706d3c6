/* sphinx-crawl companion: the baby remembered on this device, a progress tracker,
 * and a summary for the doctor.
 *
 * Progressive enhancement only: pages read fully without it. Nothing leaves the
 * browser: no request is made; what the parent types is only ever set with
 * textContent or .value, never as HTML.
 *
 * Storage: one localStorage key, "sphinx-crawl:babies", holding
 *   {"v": 1, "current": "<id>", "babies": {"<id>": {"name", "born" (YYYY-MM-DD),
 *    "early" (weeks), "marks": {"<entry id>": {"state", "date", "title", "age"}},
 *    "notes", "questions"}}}
 * When the browser refuses storage (private mode, full quota), it lasts until the
 * page is left, and the parent is told so.
 */
(() => {
  "use strict";
  const KEY = "sphinx-crawl:babies";
  const MONTH_DAYS = 30.4375;
  const CORRECT_FROM_WEEKS = 3; // as the age filter (crawl.js)
  const CORRECT_UNTIL_MONTHS = 24;
  const TEXT = window.crawlCompanionText || {};
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);
  const fill = (template, values) =>
    String(template || "").replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /* ---- Storage that never throws -------------------------------------------- */
  let persistent = true;
  let memory = null;
  const empty = () => ({ v: 1, current: "", babies: {} });
  const isDate = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value + "T00:00:00"));
  const clean = (data) => {
    // Whatever is stored is checked: a hand-edited or old value cannot break a page.
    const state = empty();
    if (!data || typeof data !== "object" || typeof data.babies !== "object" || !data.babies) return state;
    Object.keys(data.babies).slice(0, 20).forEach((id) => {
      const baby = own(data.babies, id);
      if (!baby || typeof baby !== "object" || !/^b[\w-]{1,30}$/.test(id)) return;
      const marks = {};
      Object.entries(baby.marks && typeof baby.marks === "object" ? baby.marks : {}).forEach(([entry, mark]) => {
        if (!mark || typeof mark !== "object") return;
        if (!["yes", "not-yet", "not-sure", "noticed"].includes(mark.state)) return;
        marks[entry] = {
          state: mark.state,
          date: isDate(mark.date) ? mark.date : "",
          title: String(mark.title || entry).slice(0, 200),
          age: String(mark.age || "").slice(0, 60),
          max: Number.isFinite(mark.max) ? mark.max : null, // end of its window, months
        };
      });
      const early = Number(baby.early);
      state.babies[id] = {
        name: String(baby.name || "").slice(0, 40),
        born: isDate(baby.born) ? baby.born : "",
        early: Number.isInteger(early) && early >= 0 && early <= 20 ? early : 0,
        marks,
        notes: String(baby.notes || "").slice(0, 4000),
        questions: String(baby.questions || "").slice(0, 4000),
      };
    });
    state.current = own(state.babies, data.current) ? data.current : Object.keys(state.babies)[0] || "";
    return state;
  };
  const load = () => {
    if (memory) return memory;
    try {
      memory = clean(JSON.parse(window.localStorage.getItem(KEY) || "null"));
    } catch (error) {
      persistent = false;
      memory = empty();
    }
    return memory;
  };
  const save = (state) => {
    memory = state;
    if (!persistent) return;
    try {
      if (Object.keys(state.babies).length) window.localStorage.setItem(KEY, JSON.stringify(state));
      else window.localStorage.removeItem(KEY);
    } catch (error) {
      persistent = false;
      document.querySelectorAll(".crawl-companion-unsaved").forEach((n) => { n.hidden = false; });
    }
  };
  const current = () => {
    const state = load();
    return own(state.babies, state.current) || null;
  };
  const nameOf = (state, id) => {
    const baby = own(state.babies, id);
    const n = Object.keys(state.babies).indexOf(id) + 1;
    return (baby && baby.name) || fill(TEXT.unnamed, { n: n || 1 });
  };

  /* ---- Ages ------------------------------------------------------------------ */
  const todayIso = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };
  const dayNumber = (iso) => Date.UTC(...iso.split("-").map((p, i) => Number(p) - (i === 1 ? 1 : 0))) / 864e5;
  // Age in months (one decimal, rounded down), and corrected age when it applies.
  function agesOf(baby, on = todayIso()) {
    if (!baby || !baby.born) return null;
    const days = dayNumber(on) - dayNumber(baby.born);
    if (days < 0) return null;
    const months = Math.floor((days / MONTH_DAYS) * 10) / 10;
    const correct = baby.early >= CORRECT_FROM_WEEKS && months < CORRECT_UNTIL_MONTHS;
    const corrected = correct ? Math.max(0, Math.floor(((days - baby.early * 7) / MONTH_DAYS) * 10) / 10) : null;
    return { months, corrected, effective: corrected === null ? months : corrected };
  }
  const formatDate = (iso) => {
    if (!isDate(iso)) return "";
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric", month: "long", day: "numeric",
    });
  };

  /* ---- The age filter follows the baby ------------------------------------------ */
  function setupAgeFilter() {
    const form = document.querySelector("form.crawl-age-filter");
    if (!form) return;
    const line = el("p", "crawl-baby-line");
    form.insertBefore(line, form.querySelector(".crawl-age-fields"));
    const href = form.dataset.babyHref;
    const show = () => {
      line.replaceChildren();
      const state = load();
      const baby = current();
      const ages = agesOf(baby);
      if (baby && ages) {
        const name = nameOf(state, state.current);
        const text = ages.corrected === null
          ? fill(TEXT.using, { name, age: ages.months })
          : fill(TEXT.usingCorrected, { name, age: ages.months, corrected: ages.corrected });
        line.appendChild(el("span", "", text + " "));
        if (Object.keys(state.babies).length > 1) line.appendChild(babySelect(state, "crawl-baby-filter-which", show));
      }
      if (href !== undefined) {
        const link = el("a", "crawl-baby-link", baby ? TEXT.change : TEXT.remember);
        link.href = href || "#crawl-baby-heading";
        line.appendChild(link);
      }
      line.hidden = !line.childNodes.length;
      // The URL's age, when given (a shared link), wins over the remembered baby.
      const params = new URLSearchParams(window.location.search);
      if (params.has("age") && !show.applied) return;
      if (!ages) return;
      const age = form.querySelector("[name=age]");
      const early = form.querySelector("[name=early]");
      age.value = String(ages.months);
      early.value = baby.early ? String(baby.early) : "";
      age.dispatchEvent(new Event("input", { bubbles: true }));
    };
    show();
    show.applied = true;
    document.addEventListener("crawl-baby-changed", show);
  }

  function babySelect(state, id, onChange) {
    const wrap = el("span", "crawl-baby-switch");
    const label = wrap.appendChild(el("label", "crawl-visually-hidden", TEXT.baby));
    const select = wrap.appendChild(el("select"));
    select.id = label.htmlFor = id;
    Object.keys(state.babies).forEach((babyId) => {
      const option = select.appendChild(el("option", "", nameOf(state, babyId)));
      option.value = babyId;
      option.selected = babyId === state.current;
    });
    select.addEventListener("change", () => {
      const fresh = load();
      if (own(fresh.babies, select.value)) fresh.current = select.value;
      save(fresh);
      onChange();
      document.dispatchEvent(new Event("crawl-baby-changed"));
    });
    return wrap;
  }

  /* ---- The baby panel ------------------------------------------------------------ */
  function setupBabyPanel() {
    const form = document.querySelector("form.crawl-baby");
    if (!form) return;
    const choose = form.querySelector(".crawl-baby-choose");
    const which = form.querySelector("[name=which]");
    const name = form.querySelector("[name=name]");
    const born = form.querySelector("[name=born]");
    const early = form.querySelector("[name=early]");
    const status = form.querySelector(".crawl-baby-status");
    const forget = form.querySelector(".crawl-baby-forget");
    born.max = todayIso();
    const unsaved = el("p", "crawl-companion-unsaved", TEXT.unsaved);
    unsaved.hidden = persistent;
    form.insertBefore(unsaved, status);
    let adding = false;

    const show = () => {
      const state = load();
      const baby = adding ? null : current();
      which.replaceChildren();
      Object.keys(state.babies).forEach((id) => {
        const option = which.appendChild(el("option", "", nameOf(state, id)));
        option.value = id;
        option.selected = !adding && id === state.current;
      });
      choose.hidden = Object.keys(state.babies).length < 2 || adding;
      name.value = baby ? baby.name : "";
      born.value = baby ? baby.born : "";
      early.value = baby && baby.early ? String(baby.early) : "";
      forget.hidden = !baby;
    };
    which.addEventListener("change", () => {
      const state = load();
      if (own(state.babies, which.value)) state.current = which.value;
      save(state);
      show();
      document.dispatchEvent(new Event("crawl-baby-changed"));
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!isDate(born.value) || born.value > todayIso()) {
        status.textContent = TEXT.badDate;
        born.focus();
        return;
      }
      const state = load();
      let id = adding ? "" : state.current;
      if (!own(state.babies, id)) {
        id = "b" + Date.now().toString(36);
        state.babies[id] = { marks: {}, notes: "", questions: "" };
      }
      const weeks = Math.round(Number(early.value) || 0);
      Object.assign(state.babies[id], {
        name: name.value.trim().slice(0, 40),
        born: born.value,
        early: Math.min(20, Math.max(0, weeks)),
      });
      state.current = id;
      adding = false;
      save(state);
      show();
      status.textContent = TEXT.saved;
      document.dispatchEvent(new Event("crawl-baby-changed"));
    });
    form.querySelector(".crawl-baby-add").addEventListener("click", () => {
      adding = true;
      show();
      status.textContent = "";
      name.focus();
    });
    forget.addEventListener("click", () => {
      const state = load();
      if (!own(state.babies, state.current)) return;
      if (!window.confirm(fill(TEXT.confirmForget, { name: nameOf(state, state.current) }))) return;
      delete state.babies[state.current];
      state.current = Object.keys(state.babies)[0] || "";
      save(state);
      show();
      status.textContent = TEXT.forgotten;
      document.dispatchEvent(new Event("crawl-baby-changed"));
    });
    window.addEventListener("storage", (event) => {
      if (event.key === KEY || event.key === null) { memory = null; show(); }
    });
    show();
    form.hidden = false;
  }

  /* ---- Marks: the tracker, and the milestone tables --------------------------------- */
  const setMark = (entryId, mark) => {
    const state = load();
    const baby = own(state.babies, state.current);
    if (!baby) return;
    if (mark) baby.marks[entryId] = mark;
    else delete baby.marks[entryId];
    save(state);
  };

  const maxOf = (entry) => (Number.isFinite(entry.max) ? entry.max : null);

  function setupTracker() {
    const items = [...document.querySelectorAll("li.crawl-track-item[data-crawl-track]")];
    if (!items.length) return;
    const lists = new Set(items.map((item) => item.closest(".crawl-list") || item.parentNode));
    const notices = [...lists].map((list) => {
      const notice = el("p", "crawl-track-notice");
      notice.setAttribute("role", "status");
      list.insertBefore(notice, list.firstChild);
      return notice;
    });
    const entries = items.map((item) => ({
      item,
      id: item.dataset.crawlTrack,
      mode: item.dataset.crawlTrackMode,
      max: item.dataset.crawlTrackMax === "" ? Infinity : Number(item.dataset.crawlTrackMax),
      title: item.querySelector(".crawl-track-line strong").textContent,
      age: item.dataset.crawlAgeLabel || "",
      controls: item.querySelector(".crawl-track-controls"),
      date: item.querySelector("input[type=date]"),
      help: item.querySelector(".crawl-track-help"),
    }));
    const show = () => {
      const state = load();
      const baby = current();
      const ages = agesOf(baby);
      notices.forEach((notice) => {
        notice.textContent = baby ? fill(TEXT.marksFor, { name: nameOf(state, state.current) }) : TEXT.noBaby;
      });
      entries.forEach((entry) => {
        const mark = baby ? own(baby.marks, entry.id) : undefined;
        entry.controls.hidden = !baby;
        entry.controls.querySelectorAll("input[type=radio], input[type=checkbox]").forEach((input) => {
          input.checked = !!mark && mark.state === input.value;
        });
        entry.date.value = mark ? mark.date : "";
        entry.date.max = todayIso();
        entry.date.hidden = false;
        const late = !!mark && mark.state === "not-yet" && !!ages && ages.effective > entry.max;
        if (entry.help) entry.help.hidden = !late;
        entry.item.classList.toggle("crawl-track-late", late);
        if (mark && mark.title !== entry.title) setMark(entry.id, { ...mark, title: entry.title, age: entry.age, max: maxOf(entry) });
      });
    };
    entries.forEach((entry) => {
      const record = () => {
        const chosen = entry.controls.querySelector("input[type=radio]:checked, input[type=checkbox]:checked");
        if (!chosen) { setMark(entry.id, null); show(); return; }
        if (!entry.date.value && chosen.value !== "not-sure" && chosen.value !== "not-yet") entry.date.value = todayIso();
        setMark(entry.id, { state: chosen.value, date: entry.date.value, title: entry.title, age: entry.age, max: maxOf(entry) });
        show();
      };
      entry.controls.addEventListener("change", record);
    });
    document.addEventListener("crawl-baby-changed", show);
    show();
  }

  // On a page with a milestone table: a "seen?" choice in each row, for the current baby.
  function setupRowMarks() {
    if (document.querySelector("li.crawl-track-item")) return;
    const rows = [...document.querySelectorAll("tr[data-crawl-type][id]")];
    if (!rows.length) return;
    const selects = rows.map((row) => {
      const cell = row.querySelector("td");
      const title = (cell.querySelector("strong, p") || cell).textContent.trim();
      const ageCell = row.querySelectorAll("td")[1];
      const wrap = el("span", "crawl-row-mark");
      const label = wrap.appendChild(el("label", "crawl-visually-hidden", fill(TEXT.seenLabel, { title })));
      const select = wrap.appendChild(el("select"));
      select.id = label.htmlFor = `seen-${row.id}`;
      [["", TEXT.seenSelect], ["yes", TEXT.yes], ["not-yet", TEXT.notYet], ["not-sure", TEXT.notSure]]
        .forEach(([value, text]) => { select.appendChild(el("option", "", text)).value = value; });
      select.addEventListener("change", () => {
        const baby = current();
        const old = baby && own(baby.marks, row.id);
        setMark(row.id, select.value ? {
          state: select.value,
          date: old && old.state === select.value ? old.date : (select.value === "yes" ? todayIso() : ""),
          title, age: ageCell ? ageCell.textContent.trim() : "",
          max: row.dataset.crawlAgeMax ? Number(row.dataset.crawlAgeMax) : null,
        } : null);
      });
      cell.appendChild(wrap);
      return { wrap, select, id: row.id };
    });
    const show = () => {
      const baby = current();
      selects.forEach(({ wrap, select, id }) => {
        wrap.hidden = !baby;
        const mark = baby && own(baby.marks, id);
        select.value = mark && mark.state !== "noticed" ? mark.state : "";
      });
    };
    document.addEventListener("crawl-baby-changed", show);
    show();
  }

  /* ---- The summary for the doctor -------------------------------------------------- */
  function setupSummary() {
    const root = document.querySelector(".crawl-summary");
    if (!root) return;
    const draw = () => {
      root.replaceChildren();
      const state = load();
      const baby = current();
      if (!baby) {
        root.appendChild(el("p", "", TEXT.enterBaby));
        if (root.dataset.babyHref) {
          const link = root.appendChild(el("p")).appendChild(el("a", "", TEXT.goEnter));
          link.href = root.dataset.babyHref;
        }
        return;
      }
      const ages = agesOf(baby);
      const tools = root.appendChild(el("p", "crawl-summary-tools crawl-screen-only"));
      tools.appendChild(el("button", "crawl-summary-print", TEXT.print)).type = "button";
      tools.appendChild(document.createTextNode(" "));
      tools.appendChild(el("button", "crawl-summary-download", TEXT.download)).type = "button";
      if (Object.keys(state.babies).length > 1) {
        tools.appendChild(document.createTextNode(" "));
        tools.appendChild(babySelect(state, "crawl-summary-which", draw));
      }
      root.appendChild(el("p", "crawl-summary-prepared", fill(TEXT.prepared, { date: formatDate(todayIso()) })));
      const facts = root.appendChild(el("dl", "crawl-summary-facts"));
      const fact = (term, value) => {
        facts.appendChild(el("dt", "", term));
        facts.appendChild(el("dd", "", value));
      };
      fact(TEXT.baby, nameOf(state, state.current));
      fact(TEXT.born, formatDate(baby.born));
      if (ages) fact(TEXT.age, fill(TEXT.months, { age: ages.months }));
      if (baby.early) fact(TEXT.early, fill(TEXT.weeks, { weeks: baby.early }));
      if (ages && ages.corrected !== null) fact(TEXT.corrected, fill(TEXT.months, { age: ages.corrected }));

      const marks = Object.values(baby.marks);
      const section = (heading, state, dated) => {
        const wrap = root.appendChild(el("section", "crawl-summary-part"));
        wrap.appendChild(el("h2", "", heading));
        const chosen = marks.filter((m) => m.state === state)
          .sort((a, b) => (a.date || "9").localeCompare(b.date || "9") || a.title.localeCompare(b.title));
        if (!chosen.length) { wrap.appendChild(el("p", "", TEXT.none)); return; }
        const list = wrap.appendChild(el("ul"));
        chosen.forEach((mark) => {
          const parts = [mark.title];
          if (mark.date) parts.push(fill(dated, { date: formatDate(mark.date) }));
          if (mark.age) parts.push(fill(TEXT.ages, { age: mark.age }));
          if (state === "not-yet" && ages && mark.max !== null && ages.effective > mark.max) parts.push(TEXT.pastWindow);
          list.appendChild(el("li", "", parts.join(" \u2014 ")));
        });
      };
      section(TEXT.seen, "yes", TEXT.on);
      section(TEXT.notYetList, "not-yet", TEXT.on);
      section(TEXT.notSureList, "not-sure", TEXT.on);
      section(TEXT.signs, "noticed", TEXT.since);

      const field = (key, heading, hint) => {
        const wrap = root.appendChild(el("section", "crawl-summary-part"));
        const id = `crawl-summary-${key}`;
        const h = wrap.appendChild(el("h2", "", heading));
        h.id = `${id}-heading`;
        const hintNode = wrap.appendChild(el("p", "crawl-screen-only crawl-summary-hint", hint));
        hintNode.id = `${id}-hint`;
        const area = wrap.appendChild(el("textarea"));
        area.id = id;
        area.rows = 4;
        area.maxLength = 4000;
        area.setAttribute("aria-labelledby", h.id);
        area.setAttribute("aria-describedby", hintNode.id);
        area.value = baby[key] || "";
        const printed = wrap.appendChild(el("p", "crawl-print-only crawl-summary-text", area.value));
        area.addEventListener("input", () => {
          const fresh = load();
          const target = own(fresh.babies, fresh.current);
          if (target) target[key] = area.value.slice(0, 4000);
          save(fresh);
          printed.textContent = area.value;
        });
      };
      field("notes", TEXT.notes, TEXT.notesHint);
      field("questions", TEXT.questions, TEXT.questionsHint);
      root.appendChild(el("p", "crawl-summary-disclaimer", TEXT.notAdvice));

      root.querySelector(".crawl-summary-print").addEventListener("click", () => window.print());
      root.querySelector(".crawl-summary-download").addEventListener("click", () => download(root));
    };
    document.addEventListener("crawl-baby-changed", draw);
    draw();
  }

  // The summary as a small web page of its own, made here and saved by the browser.
  function download(root) {
    const copy = root.cloneNode(true);
    copy.querySelectorAll(".crawl-screen-only, textarea").forEach((n) => n.remove());
    copy.querySelectorAll(".crawl-print-only").forEach((n) => n.classList.remove("crawl-print-only"));
    const doc = document.implementation.createHTMLDocument(TEXT.summaryTitle);
    doc.documentElement.lang = document.documentElement.lang || "en";
    const meta = doc.createElement("meta");
    meta.setAttribute("charset", "utf-8");
    doc.head.prepend(meta);
    doc.body.appendChild(el("h1", "", TEXT.summaryTitle));
    doc.body.appendChild(doc.importNode(copy, true));
    const blob = new Blob(["<!DOCTYPE html>\n" + doc.documentElement.outerHTML], { type: "text/html" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${TEXT.fileName || "summary"}-${todayIso()}.html`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  const start = () => {
    load();
    setupBabyPanel();
    setupAgeFilter();
    setupTracker();
    setupRowMarks();
    setupSummary();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
