/* sphinx-crawl checklists: the parent's ticks, notes and baby's age, kept on this
 * device (localStorage) and printed as shown.
 *
 * Progressive enhancement only: without this script a checklist still reads and
 * prints, with empty boxes to tick by hand. Nothing leaves the browser: no request
 * is made. What the parent types is only ever set with textContent or .value,
 * never as HTML.
 *
 * With a baby entered in the tracker (crawl-companion.js), the ticks and notes are
 * that baby's: a tick is the same mark as the tracker's "I have noticed this", kept
 * in the baby's record (window.crawlBabies), and it follows the baby the other views
 * show. Ticks made before any baby was entered move into the baby shown, once.
 *
 * Without a baby (or without the companion), storage is one key per item,
 * "sphinx-crawl:checklist:<page>:<item>", holding {"checked": bool, "note": string},
 * and "sphinx-crawl:checklist:<page>:age". <page> is the HTML page open (in a single
 * HTML page, the root's name for every list on it: render/lists.py); keys are never
 * moved between pages, since one key may be two builds' on one site. An item with no
 * tick and no note has no key. When the browser refuses storage (site data blocked, full quota) everything
 * still works until the page is left, and the list says so. Whether storage works is
 * known in one place, crawl-companion.js (window.crawlStorage), loaded just before.
 */
(() => {
  "use strict";
  const PREFIX = "sphinx-crawl:checklist:";
  const TICK = "\u2713";
  const TEXT = window.crawlCompanionText || {};
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);
  const fill = (template, values) =>
    String(template || "").replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));

  /* ---- Storage that never throws (crawl-companion.js) ---------------------- */
  const storage = window.crawlStorage;
  if (!storage) return; // without it the list reads and prints, with boxes to tick by hand
  const read = storage.read;
  const write = storage.write;
  const readItem = (key) => {
    try {
      const value = JSON.parse(read(key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  };

  /* ---- The baby's age, shared by every checklist on the page ------------- */
  const ageInputs = [];
  const agePrints = [];
  let ageKey = null;
  let monthsLabel = "{age} months";
  let babyAge = ""; // the baby shown, and their age, when a baby is entered

  function showAge() {
    const typed = ageInputs.length ? ageInputs[0].value.trim() : "";
    // The age filter's months, if the page has the filter and the field is empty.
    const filter = document.querySelector("form.crawl-age-filter [name=age]");
    const months = filter && filter.value.trim();
    const text = babyAge || typed || (months ? monthsLabel.replace("{age}", months) : "");
    agePrints.forEach((line) => {
      line.hidden = !text;
      line.querySelector(".crawl-print-age-value").textContent = text;
    });
  }

  function setAge(value, source) {
    ageInputs.forEach((input) => {
      if (input !== source) input.value = value;
    });
    if (ageKey) write(ageKey, value.trim() ? value : null);
    showAge();
  }

  /* ---- One checklist ------------------------------------------------------ */
  function setupChecklist(wrapper) {
    const top = wrapper.querySelector(".crawl-checklist-top");
    const bottom = wrapper.querySelector(".crawl-checklist-bottom");
    const items = [...wrapper.querySelectorAll("li.crawl-check-item")]
      .map((li) => ({
        li,
        box: li.querySelector("input.crawl-check[data-crawl-key]"),
        mark: li.querySelector(".crawl-check-mark"),
        field: li.querySelector(".crawl-check-note"),
        note: li.querySelector("textarea.crawl-check-note-field"),
        printed: li.querySelector(".crawl-check-note-print"),
      }))
      .filter((item) => item.box);
    if (!top || !bottom || !items.length) return;
    items.forEach((item) => {
      item.key = PREFIX + item.box.dataset.crawlKey;
      // The entry: the "Read more" link's target (the key's item may carry a suffix).
      const link = item.li.querySelector("a.crawl-check-link");
      const target = link && link.hash ? decodeURIComponent(link.hash.slice(1)) : "";
      item.entry = target || item.box.dataset.crawlKey.split(":").pop();
      const title = item.li.querySelector(".crawl-check-title");
      item.title = (title ? title.textContent : item.entry).trim();
    });
    // The baby whose record is shown ({id, name, baby, ages}), or null: this page's own.
    // What is ticked and typed here goes to that baby, even when another tab has chosen
    // another since (the list then keeps its baby while the parent works in it).
    const babies = window.crawlBabies || null;
    let shown = null;
    let redraw = () => {}; // refresh, through the companion when there is a baby

    const show = (item) => {
      const ticked = item.box.checked;
      item.li.classList.toggle("crawl-check-done", ticked);
      if (item.mark) item.mark.textContent = ticked ? TICK : "";
      if (item.note && item.printed) {
        const note = item.note.value.trim();
        item.printed.hidden = !note;
        item.printed.querySelector(".crawl-check-note-text").textContent = note;
      }
    };
    // In the baby's record: the tick is the mark "noticed" (its date, from the
    // tracker, kept), the note the mark's note; a note alone keeps an unmarked mark.
    const mergeInto = (baby, item, checked, note) => {
      const old = own(baby.marks, item.entry);
      const state = checked ? "noticed" : old && old.state !== "noticed" ? old.state : "";
      if (!state && !note.trim()) { delete baby.marks[item.entry]; return; }
      baby.marks[item.entry] = {
        state,
        date: old && old.state === state ? old.date : "",
        title: item.title,
        age: old ? old.age : "",
        max: old ? old.max : null,
        note,
        // The title in this page's language (the companion keeps one per language).
        names: babies && babies.named ? babies.named(old && old.names, item.title) : (old && old.names) || {},
      };
    };
    const save = (item) => {
      const note = item.note ? item.note.value : "";
      if (shown) {
        const id = shown.id;
        if (!babies.update(id, (baby) => mergeInto(baby, item, item.box.checked, note))) redraw();
        else babies.announce(redraw);
        return;
      }
      const keep = item.box.checked || note.trim();
      write(item.key, keep ? JSON.stringify({ checked: item.box.checked, note }) : null);
    };
    const limitOf = (item) => (item.note.maxLength > 0 ? item.note.maxLength : 1000);
    // moved: the list now shows another baby, so a note being typed is not kept in view.
    const load = (item, moved) => {
      if (shown) {
        const mark = own(shown.baby.marks, item.entry);
        item.box.checked = !!mark && mark.state === "noticed";
        if (item.note && (moved || document.activeElement !== item.note)) {
          item.note.value = mark ? mark.note.slice(0, limitOf(item)) : "";
        }
      } else {
        const saved = readItem(item.key);
        item.box.checked = saved.checked === true;
        if (item.note) item.note.value = typeof saved.note === "string" ? saved.note.slice(0, limitOf(item)) : "";
      }
      show(item);
    };
    // Ticks kept on this page before a baby was entered become the baby's, once.
    const migrate = () => {
      const old = items.map((item) => [item, read(item.key)]).filter(([, raw]) => raw !== null);
      if (!old.length) return;
      const moved = babies.update(shown.id, (baby) => old.forEach(([item]) => {
        const saved = readItem(item.key);
        const mark = own(baby.marks, item.entry);
        const kept = mark ? mark.note.trim() : "";
        const note = typeof saved.note === "string" ? saved.note.trim() : "";
        const both = kept && note && kept !== note ? `${kept}\n${note}` : kept || note;
        mergeInto(baby, item, saved.checked === true || (!!mark && mark.state === "noticed"), both);
      }));
      if (!moved) return;
      old.forEach(([item]) => write(item.key, null));
      shown = babies.shown();
      babies.announce(redraw);
    };

    items.forEach((item) => {
      item.box.addEventListener("change", () => { save(item); show(item); });
      if (item.note) {
        item.note.addEventListener("input", () => { save(item); show(item); });
        item.field.hidden = false;
      }
    });

    // The baby's age (one field per checklist, kept once per page).
    const age = top.querySelector("input[name=checklist-age]");
    const agePrint = wrapper.querySelector(".crawl-print-age");
    if (top.dataset.page) ageKey = `${PREFIX}${top.dataset.page}:age`;
    if (top.dataset.months) monthsLabel = top.dataset.months;
    if (agePrint) agePrints.push(agePrint);
    if (age) {
      ageInputs.push(age);
      age.value = (ageKey && read(ageKey)) || "";
      age.addEventListener("input", () => setAge(age.value, age));
    }

    // Tell the parent whose ticks these are, and when nothing will be kept.
    const notice = top.querySelector(".crawl-checklist-saved");
    const kept = notice ? notice.textContent : "";
    const warn = () => {
      if (notice && top.dataset.unsaved) notice.textContent = top.dataset.unsaved;
    };
    const ageLine = age ? age.closest(".crawl-checklist-age") : null;

    // Draw the baby's record (or this page's own): on start, and when the baby or
    // their record changes, here or in another tab.
    const refresh = () => {
      const before = shown ? shown.id : "";
      shown = babies ? babies.shown() : null;
      if (shown) migrate();
      wrapper.dataset.crawlBaby = shown ? shown.id : "";
      const moved = wrapper.dataset.crawlBaby !== before;
      items.forEach((item) => load(item, moved));
      if (notice) notice.textContent = shown ? fill(TEXT.marksFor, { name: shown.name }) : kept;
      if (!storage.works()) warn();
      // The baby's own age is printed; the typed one is for a list without a baby.
      if (ageLine) ageLine.hidden = !!shown;
      babyAge = shown ? [shown.name, babies.monthsText(shown.ages)].filter(Boolean).join(", ") : "";
      showAge();
    };
    storage.onLost(warn);
    redraw = refresh;
    if (babies) {
      const held = babies.view((node) => wrapper.contains(node), () => (shown ? shown.id : ""), refresh);
      redraw = held.redraw;
      top.insertBefore(held.line, notice ? notice.nextSibling : top.firstChild);
    }
    redraw();

    // Clear: asks first, then empties the boxes, the notes, the age and the storage.
    const status = bottom.querySelector(".crawl-checklist-status");
    const empty = () => items.forEach((item) => {
      item.box.checked = false;
      if (item.note) item.note.value = "";
      show(item);
    });
    bottom.querySelector(".crawl-checklist-clear").addEventListener("click", () => {
      if (shown) {
        // The baby the list shows (and names here), even if another tab chose another.
        if (!window.confirm(fill(TEXT.confirmClearFor, { name: shown.name }))) return;
        if (babies.update(shown.id, (baby) => items.forEach((item) => { delete baby.marks[item.entry]; }))) {
          empty();
          if (status) status.textContent = bottom.dataset.cleared || "";
        }
        redraw();
        babies.announce(redraw);
        return;
      }
      if (!window.confirm(bottom.dataset.confirm)) return;
      items.forEach((item) => write(item.key, null));
      empty();
      setAge("", null);
      if (status) status.textContent = bottom.dataset.cleared || "";
    });

    // Another tab of the same page changed the list: show its state here too. (A
    // baby's record is redrawn through crawlBabies.view.)
    window.addEventListener("storage", (event) => {
      if (event.key !== null && !event.key.startsWith(PREFIX)) return;
      if (age && ageKey) age.value = read(ageKey) || "";
      redraw();
    });

    top.hidden = false;
    bottom.hidden = false;
    wrapper.classList.add("crawl-checklist-ready");
  }

  function start() {
    document.querySelectorAll(".crawl-list-checklist").forEach(setupChecklist);
    if (!ageInputs.length) return;
    showAge();
    // The age filter (crawl.js), when the page has one, may give the age instead.
    ["input", "change", "reset"].forEach((type) =>
      document.addEventListener(type, (event) => {
        if (event.target instanceof Element && event.target.closest("form.crawl-age-filter")) {
          window.setTimeout(showAge, 0); // after a reset has emptied the fields
        }
      }));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
