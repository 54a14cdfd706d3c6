/* sphinx-crawl checklists: the parent's ticks, notes and baby's age, kept on this
 * device (localStorage) and printed as shown.
 *
 * Progressive enhancement only: without this script a checklist still reads and
 * prints, with empty boxes to tick by hand. Nothing leaves the browser: no request
 * is made. What the parent types is only ever set with textContent or .value,
 * never as HTML.
 *
 * Storage: one key per item, "sphinx-crawl:checklist:<page>:<item>", holding
 * {"checked": bool, "note": string}, and "sphinx-crawl:checklist:<page>:age".
 * An item with no tick and no note has no key. When the browser refuses storage
 * (private mode, full quota) everything still works until the page is left.
 */
(() => {
  "use strict";
  const PREFIX = "sphinx-crawl:checklist:";
  const TICK = "\u2713";

  /* ---- Storage that never throws ------------------------------------------- */
  const memory = new Map();
  let persistent = (() => {
    try {
      const probe = `${PREFIX}probe`;
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  })();
  const lost = []; // called once when the browser stops keeping what we write
  const giveUp = () => {
    if (!persistent) return;
    persistent = false;
    lost.forEach((callback) => callback());
  };
  const read = (key) => {
    if (memory.has(key)) return memory.get(key);
    if (!persistent) return null;
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      giveUp();
      return null;
    }
  };
  const write = (key, value) => {
    memory.set(key, value);
    if (!persistent) return;
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      giveUp();
    }
  };
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

  function showAge() {
    const own = ageInputs.length ? ageInputs[0].value.trim() : "";
    // The age filter's months, if the page has the filter and the field is empty.
    const filter = document.querySelector("form.crawl-age-filter [name=age]");
    const months = filter && filter.value.trim();
    const text = own || (months ? monthsLabel.replace("{age}", months) : "");
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
    items.forEach((item) => { item.key = PREFIX + item.box.dataset.crawlKey; });

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
    const save = (item) => {
      const note = item.note ? item.note.value : "";
      const keep = item.box.checked || note.trim();
      write(item.key, keep ? JSON.stringify({ checked: item.box.checked, note }) : null);
    };
    const load = (item) => {
      const saved = readItem(item.key);
      item.box.checked = saved.checked === true;
      if (item.note) {
        const limit = item.note.maxLength > 0 ? item.note.maxLength : 1000;
        item.note.value = typeof saved.note === "string" ? saved.note.slice(0, limit) : "";
      }
      show(item);
    };

    items.forEach((item) => {
      load(item);
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

    // Tell the parent when nothing will be kept.
    const notice = top.querySelector(".crawl-checklist-saved");
    const warn = () => {
      if (notice && top.dataset.unsaved) notice.textContent = top.dataset.unsaved;
    };
    if (persistent) lost.push(warn);
    else warn();

    // Clear: asks first, then empties the boxes, the notes, the age and the storage.
    const status = bottom.querySelector(".crawl-checklist-status");
    bottom.querySelector(".crawl-checklist-clear").addEventListener("click", () => {
      if (!window.confirm(bottom.dataset.confirm)) return;
      items.forEach((item) => {
        item.box.checked = false;
        if (item.note) item.note.value = "";
        write(item.key, null);
        show(item);
      });
      setAge("", null);
      if (status) status.textContent = bottom.dataset.cleared || "";
    });

    // Another tab of the same page changed the list: show its state here too.
    window.addEventListener("storage", (event) => {
      if (event.key !== null && !event.key.startsWith(PREFIX)) return;
      items.forEach((item) => { memory.delete(item.key); load(item); });
      if (age && ageKey) {
        memory.delete(ageKey);
        age.value = read(ageKey) || "";
        showAge();
      }
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
