/* sphinx-crawl companion: the baby remembered on this device, a progress tracker,
 * and a summary for the doctor.
 *
 * Progressive enhancement only: pages read fully without it. Nothing leaves the
 * browser: no request is made; what the parent types is only ever set with
 * textContent or .value, never as HTML. Ages come from crawl-ages.js.
 *
 * Storage: one localStorage key, "sphinx-crawl:babies", holding
 *   {"v": 1, "current": "<id>", "babies": {"<id>": {"name", "born" (YYYY-MM-DD),
 *    "early" (weeks), "marks": {"<entry id>": {"state", "date", "title", "age", "max",
 *    "note", "names"}}, "notes", "questions"}}}
 * A mark's "title" and "age" are as last seen; "names" keeps them per language of the
 * pages they were seen on ({"es": {"title", "age"}}): both editions share this record,
 * and the summary shows each mark in its own language.
 * A mark's state is "yes", "not-yet", "not-sure" or "noticed" (a sign; the checklist's
 * tick is the same mark), or "" for a note on an unmarked item. Each baby's record is
 * its own: every view remembers the baby it shows and writes to that one, never to
 * whichever is "current" at the time of writing; every view is redrawn when another
 * tab changes the record. When the browser refuses storage (site data blocked, full
 * quota), it lasts until the page is left, nothing claims to be saved, and the parent
 * is told so, with the one way to keep it from this page: the summary as a file.
 *
 * The checklist (crawl-checklist.js) keeps its ticks in the same record, through
 * window.crawlBabies.
 */
(() => {
  "use strict";
  const KEY = "sphinx-crawl:babies";
  const AGES = window.crawlAges;
  const TEXT = window.crawlCompanionText || {};
  const LANG = document.documentElement.lang || "en";
  const STATES = ["yes", "not-yet", "not-sure", "noticed"];
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);
  const fill = (template, values) =>
    String(template || "").replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // An element holding only the package's words, which are English on a page of a
  // language it has no words for (TEXT.wordsLang, render/baby.py): it says so, so a
  // screen reader does not speak them with the page's voice. Not where a name the parent
  // typed, an entry's title or a date in the page's language stands in the words.
  const ours = (node) => {
    if (TEXT.wordsLang) node.lang = TEXT.wordsLang;
    return node;
  };
  // A status line: marked while it says only the package's words.
  const tell = (node, text, pure = true) => {
    node.textContent = text;
    if (pure && text && TEXT.wordsLang) node.lang = TEXT.wordsLang;
    else node.removeAttribute("lang");
  };

  /* ---- Storage: whether this browser keeps what is written ----------------------- */
  // One answer for the page, shared with crawl-checklist.js (window.crawlStorage).
  // Blocked site data makes every touch of window.localStorage throw; a full quota
  // makes writes throw. Asked once on load (a probe write), then by every write: the
  // first failure ends it for the page and tells everyone on onLost at once. From then
  // on what is written lasts in the page (memory) until it is left.
  const storage = (() => {
    const memory = new Map();
    const lost = [];
    let works = true;
    try {
      window.localStorage.setItem("sphinx-crawl:probe", "1");
      window.localStorage.removeItem("sphinx-crawl:probe");
    } catch (error) {
      works = false;
    }
    const giveUp = () => {
      if (!works) return;
      works = false;
      lost.forEach((tell) => tell());
    };
    return Object.freeze({
      works: () => works,
      onLost: (tell) => { lost.push(tell); },
      // Fresh from the browser (another tab may have written), or the page's own copy.
      read(key) {
        if (memory.has(key)) return memory.get(key);
        try {
          return window.localStorage.getItem(key);
        } catch (error) {
          giveUp();
          return null;
        }
      },
      // null removes. True when the browser keeps it, false when only this page does.
      write(key, value) {
        if (works) {
          try {
            if (value === null) window.localStorage.removeItem(key);
            else window.localStorage.setItem(key, value);
            return true;
          } catch (error) {
            giveUp();
          }
        }
        memory.set(key, value);
        return false;
      },
    });
  })();
  window.crawlStorage = storage;
  if (!AGES) return; // without the age rules nothing here can be right: the pages read as they are

  const empty = () => ({ v: 1, current: "", babies: {} });
  // A name as typed, without the characters that reorder the text around it (an
  // unclosed right-to-left override turned "Mia today: 14 months old" backwards after
  // the name), and set apart as a name of its own direction (a Hebrew or Arabic name
  // does not move the age beside it).
  const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cc}]/gu;
  const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;
  const plainName = (text) => String(text || "").replace(BIDI_CONTROLS, "");
  const isDate = AGES.isIsoDate;
  // A mark's title and age label in each language it was seen in (see the top).
  const LANGUAGE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/;
  const cleanNames = (names) => {
    const kept = {};
    if (!names || typeof names !== "object") return kept;
    Object.keys(names).filter((lang) => LANGUAGE.test(lang)).slice(0, 8).forEach((lang) => {
      const name = own(names, lang);
      if (!name || typeof name !== "object") return;
      kept[lang] = { title: String(name.title || "").slice(0, 200), age: String(name.age || "").slice(0, 60) };
    });
    return kept;
  };
  // age undefined (the checklist shows none): the one seen in this language, if any.
  const named = (names, title, age) => {
    const kept = cleanNames(names);
    if (!LANGUAGE.test(LANG)) return kept;
    const known = own(kept, LANG);
    return { ...kept, [LANG]: { title, age: age === undefined ? (known ? known.age : "") : age } };
  };
  // What a mark is called on this page: in this page's language when it was seen in it
  // (an age label never seen in it: the last one seen).
  const seenHere = (mark) => {
    const here = own(mark.names, LANG);
    return { title: (here && here.title) || mark.title, age: (here && here.age) || mark.age };
  };
  const cleanMark = (entry, mark) => {
    if (!mark || typeof mark !== "object") return null;
    const note = typeof mark.note === "string" ? mark.note.slice(0, 1000) : "";
    const state = STATES.includes(mark.state) ? mark.state : "";
    if (!state && !note.trim()) return null; // nothing marked, nothing written
    return {
      state,
      date: state && isDate(mark.date) ? mark.date : "",
      title: String(mark.title || entry).slice(0, 200),
      age: String(mark.age || "").slice(0, 60),
      max: Number.isFinite(mark.max) ? mark.max : null, // end of its window, months
      note,
      names: cleanNames(mark.names),
    };
  };
  const clean = (data) => {
    // Whatever is stored is checked: a hand-edited or old value cannot break a page.
    const state = empty();
    if (!data || typeof data !== "object" || typeof data.babies !== "object" || !data.babies) return state;
    Object.keys(data.babies).slice(0, 20).forEach((id) => {
      const baby = own(data.babies, id);
      if (!baby || typeof baby !== "object" || !/^b[\w-]{1,30}$/.test(id)) return;
      const marks = {};
      Object.entries(baby.marks && typeof baby.marks === "object" ? baby.marks : {}).forEach(([entry, mark]) => {
        const kept = cleanMark(entry, mark);
        if (kept) marks[entry] = kept;
      });
      const early = Number(baby.early);
      state.babies[id] = {
        name: plainName(baby.name).slice(0, 40),
        born: isDate(baby.born) ? baby.born : "",
        early: Number.isInteger(early) && early >= 0 && early <= AGES.rules.maxWeeksEarly ? early : 0,
        marks,
        notes: String(baby.notes || "").slice(0, 4000),
        questions: String(baby.questions || "").slice(0, 4000),
      };
    });
    state.current = own(state.babies, data.current) ? data.current : Object.keys(state.babies)[0] || "";
    return state;
  };
  // Read fresh every time: another tab may have written since.
  const load = () => {
    try {
      return clean(JSON.parse(storage.read(KEY) || "null"));
    } catch (error) {
      return empty(); // not JSON: as if nothing were kept, and the next save replaces it
    }
  };
  // True when the browser keeps it; false when it lasts only until the page is left.
  const save = (state) =>
    storage.write(KEY, Object.keys(state.babies).length ? JSON.stringify(state) : null);
  // Change one baby's record (the one a view shows); false when it is gone.
  const updateBaby = (id, change) => {
    const state = load();
    const baby = id ? own(state.babies, id) : undefined;
    if (!baby) return false;
    change(baby, state);
    save(state);
    return true;
  };
  const shownName = (state, id) => {
    const baby = own(state.babies, id);
    const n = Object.keys(state.babies).indexOf(id) + 1;
    return plainName(baby && baby.name).trim() || fill(TEXT.unnamed, { n: n || 1 });
  };
  // Two babies of the same name (a record entered twice, or "Baby 2" beside a second
  // unnamed baby) are told apart wherever a baby is named or chosen: by the date of
  // birth, or by their place when that is the same too. A mark goes to the baby the
  // parent meant.
  const nameOf = (state, id) => {
    const baby = own(state.babies, id);
    const name = shownName(state, id);
    const text = RIGHT_TO_LEFT.test(name) ? `\u2068${name}\u2069` : name;
    const fold = (value) => value.toLocaleLowerCase();
    const same = Object.keys(state.babies).filter((other) => fold(shownName(state, other)) === fold(name));
    if (!baby || same.length < 2) return text;
    const twins = same.filter((other) => state.babies[other].born === baby.born);
    return `${text} (${baby.born && twins.length < 2 ? formatDate(baby.born) : same.indexOf(id) + 1})`;
  };
  const newId = () => "b" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

  /* ---- Ages (crawl-ages.js) ------------------------------------------------------ */
  const todayIso = () => AGES.todayIso();
  const agesOf = (baby) => (baby && baby.born ? AGES.fromBirth(baby.born, baby.early) : null);
  const months = (n) => AGES.formatMonths(n, LANG);
  // A child older than every entry's age (TEXT.oldest, the oldest an entry's window
  // reaches): the handbook does not cover this child, and says so plainly with where to
  // go instead, in words (s45b: before, each item only said it was past its ages). A
  // polite live region: said when it appears, as the baby is saved or chosen.
  const beyondNote = (className) => {
    const note = ours(el("p", `crawl-beyond ${className}`));
    note.setAttribute("aria-live", "polite");
    note.hidden = true;
    return note;
  };
  const showBeyond = (note, ages) => {
    const beyond = !!ages && Number.isFinite(TEXT.oldest) && !!TEXT.beyond && ages.effective > TEXT.oldest;
    const text = beyond ? fill(TEXT.beyond, { oldest: months(TEXT.oldest) }) : "";
    if (note.textContent !== text) note.textContent = text;
    note.hidden = !beyond;
  };
  const formatDate = (iso) => {
    if (!isDate(iso)) return "";
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(LANG || undefined, {
      year: "numeric", month: "long", day: "numeric",
    });
  };

  /* ---- Views, and when to redraw them -------------------------------------------- */
  // Each view draws the current baby and remembers it; a change in this tab redraws
  // the others on the page, a change in another tab (a storage event) redraws all.
  const views = [];
  let adding = false; // the panel is taking a new baby: nothing can be marked until saved
  let elsewhere = false; // the views are redrawn for a change made in another tab
  const view = (draw) => { views.push(draw); return draw; };
  const announce = (source) => {
    views.forEach((draw) => { if (draw !== source) draw(); });
  };
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    elsewhere = true;
    try {
      views.forEach((draw) => draw());
    } finally {
      elsewhere = false;
    }
  });
  const shownBaby = () => {
    const state = load();
    const id = adding ? "" : state.current;
    return { state, id, baby: own(state.babies, id) || null };
  };
  // Don't redraw a field under the parent's fingers.
  const editing = (field) => document.activeElement === field;

  // An edit belongs to the baby it was started for, never to whichever baby another
  // tab has made current since (the rule the summary's notes always had). While the
  // parent types in a view, and as long as they work on in it, a change of baby made
  // in another tab waits: the view keeps the baby it shows, and what is entered goes
  // to that baby; the view says so at once (line, announced). When the focus leaves
  // the view, it shows the baby now chosen, and says why. A baby forgotten in another
  // tab is let go at once: nothing more can be kept for them, and the view says so.
  //   inside(node): is the node in the view; showing(): the id the view shows ("" for
  //   none); draw(): the view's own drawing, of the baby shownBaby() gives.
  const typing = () => {
    const active = document.activeElement;
    return !!active && active.matches("textarea, input:not([type]), input[type=text], " +
      "input[type=date], input[type=number]");
  };
  const steadyView = (inside, showing, draw, line) => {
    let held = "";
    let said = "";
    const say = (text) => {
      said = line.textContent = text;
      if (text) line.hidden = false;
    };
    const redraw = () => {
      const before = showing();
      const { state, id } = shownBaby();
      const kept = own(state.babies, before) ? before : "";
      if (kept && id && id !== kept && inside(document.activeElement) && (held || typing())) {
        held = kept;
        say(fill(TEXT.heldFor, { other: nameOf(state, id), name: nameOf(state, kept) }));
        return;
      }
      const followed = elsewhere || !!held;
      held = "";
      draw();
      const now = showing();
      if (followed && before && now !== before && (now || !kept)) {
        say(kept ? fill(TEXT.nowShowing, { name: nameOf(state, now) }) : TEXT.goneElsewhere);
      } else if (!elsewhere && said && line.textContent === said) {
        say(""); // a change made here: the old words no longer apply
      }
    };
    document.addEventListener("focusout", () => window.setTimeout(() => {
      if (held && !inside(document.activeElement)) redraw();
    }, 0));
    return view(redraw);
  };
  // The line a view says such changes in (announced; hidden while empty).
  const changedLine = () => {
    const line = el("p", "crawl-baby-elsewhere");
    line.setAttribute("role", "status");
    line.hidden = true;
    return line;
  };

  /* ---- When the browser keeps nothing: said where the parent enters things ------- */
  // In words, not a colour, and announced; shown as soon as a write fails. The advice is
  // what can be done on the page where it shows: another page would not have the data.
  const warnings = [];
  const warning = () => {
    const node = el("div", "crawl-companion-unsaved");
    node.setAttribute("role", "alert");
    node.appendChild(ours(el("p", "", TEXT.unsaved)));
    node.hidden = storage.works();
    warnings.push(node);
    return node;
  };
  storage.onLost(() => {
    warnings.forEach((node) => { node.hidden = false; });
    // The views' own words change too ("kept on this device"): once the write is done.
    window.setTimeout(() => views.forEach((draw) => draw()), 0);
  });

  /* ---- The age filter follows the baby ------------------------------------------ */
  function setupAgeFilter() {
    const form = document.querySelector("form.crawl-age-filter");
    if (!form) return;
    const line = el("p", "crawl-baby-line");
    form.insertBefore(line, form.querySelector(".crawl-age-fields"));
    const href = form.dataset.babyHref;
    const age = form.querySelector("[name=age]");
    const early = form.querySelector("[name=early]");
    // The URL's age, when given (a shared link), wins over the remembered baby, unless
    // it is the one the baby gave (a reload).
    const params = new URLSearchParams(window.location.search);
    let first = true;
    let applied = ""; // the baby and age last put in the fields: a mark elsewhere changes neither
    // "Showing what applies to Leo today: 14 months old" only while the fields hold
    // Leo's age: a shared link's age ("?age=3&only=1") or an age typed since shows
    // another age's entries (and hides Leo's signs), so then the line says only who
    // Leo is and how old ("Leo today: 14 months old"), the template's words from the
    // name on. (Before, it went on saying the page showed what applied to Leo.)
    let sentence = null;
    let own = { text: "", weeks: "", full: "", short: "" };
    const say = () => {
      if (!sentence) return;
      const same = (typed, kept) => (Number.parseFloat(typed) || 0) === (Number.parseFloat(kept) || 0);
      const holds = age.value.trim() !== "" && same(age.value, own.text) && same(early.value, own.weeks);
      sentence.textContent = `${holds ? own.full : own.short} `;
      line.dataset.crawlShowing = holds ? "baby" : "other";
    };
    form.addEventListener("input", say);
    form.addEventListener("change", say);
    form.addEventListener("reset", () => window.setTimeout(say, 0));
    const fromName = (template) => {
      const text = String(template || "");
      return text.includes("{name}") ? text.slice(text.indexOf("{name}")) : text;
    };
    const show = view(() => {
      line.replaceChildren();
      sentence = null;
      const { state, id, baby } = shownBaby();
      const ages = agesOf(baby);
      line.dataset.crawlBaby = baby ? id : "";
      if (baby && ages) {
        const name = nameOf(state, id);
        const template = ages.corrected === null ? TEXT.using : TEXT.usingCorrected;
        const values = { name, age: months(ages.months), corrected: months(ages.corrected || 0) };
        own = {
          text: AGES.inputMonths(ages.months),
          weeks: baby.early ? String(baby.early) : "",
          full: fill(template, values),
          short: fill(fromName(template), values),
        };
        sentence = line.appendChild(el("span", "crawl-baby-line-text"));
        say();
        if (Object.keys(state.babies).length > 1) line.appendChild(babySelect(state, id, "crawl-baby-filter-which", show));
      }
      if (href !== undefined) {
        const link = ours(el("a", "crawl-baby-link", baby ? TEXT.change : TEXT.remember));
        // On the panel's own page: its heading (crawl-baby-heading, or -2 when an entry
        // of the page has that id).
        const heading = document.querySelector("form.crawl-baby .crawl-baby-heading");
        link.href = href || `#${heading ? heading.id : "crawl-baby-heading"}`;
        line.appendChild(link);
      }
      line.hidden = !line.childNodes.length;
      const text = ages ? AGES.inputMonths(ages.months) : "";
      const weeks = baby && baby.early ? String(baby.early) : "";
      const shared = first && params.has("age") &&
        (params.get("age") !== text || (params.get("early") || "") !== weeks);
      first = false;
      const which = `${id} ${text} ${weeks}`;
      if (!ages || which === applied) return;
      applied = which;
      if (shared) return;
      age.value = text;
      early.value = weeks;
      // The exact age drives the filter (crawl.js), not the rounded text in the field.
      age.crawlExact = { text, weeks, ages };
      age.dispatchEvent(new Event("input", { bubbles: true }));
    });
    show();
    say();
  }

  // A switch between babies: sets the current baby, and every view follows.
  function babySelect(state, shownId, id, onChange) {
    const wrap = el("span", "crawl-baby-switch");
    const label = wrap.appendChild(ours(el("label", "crawl-visually-hidden", TEXT.baby)));
    const select = wrap.appendChild(el("select"));
    select.id = label.htmlFor = id;
    Object.keys(state.babies).forEach((babyId) => {
      const option = select.appendChild(el("option", "", nameOf(state, babyId)));
      option.value = babyId;
      option.selected = babyId === shownId;
    });
    select.addEventListener("change", () => {
      const fresh = load();
      if (own(fresh.babies, select.value)) fresh.current = select.value;
      save(fresh);
      onChange();
      announce(onChange);
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
    const add = form.querySelector(".crawl-baby-add");
    const forget = form.querySelector(".crawl-baby-forget");
    const cancel = ours(el("button", "crawl-baby-cancel", TEXT.cancel));
    cancel.type = "button";
    add.after(document.createTextNode(" "), cancel);
    born.max = todayIso();
    // No older than the handbook's ages go (6 years): a birth in 1900 was taken, and the
    // line said "1523 months old" beside "Enter an age from 0 to 72 months".
    const oldest = new Date();
    oldest.setMonth(oldest.getMonth() - AGES.rules.maxMonths);
    born.min = AGES.todayIso(oldest);
    // Without storage, the summary leaves with the page: offered here, as a file.
    const unsaved = warning();
    const keep = unsaved.appendChild(el("p")).appendChild(ours(el("button", "crawl-companion-keep", TEXT.saveSummary)));
    keep.type = "button";
    keep.addEventListener("click", () => {
      const { state, id, baby } = shownBaby();
      if (!baby) return;
      const copy = el("div", "crawl-summary");
      fillSummary(copy, state, id, baby, () => {});
      download(copy);
    });
    form.insertBefore(unsaved, status);
    // Right below the date of birth, before the buttons: seen as the age is entered.
    const beyond = beyondNote("crawl-baby-beyond");
    form.querySelector(".crawl-baby-fields").after(beyond);
    let shownId = "";

    // The form's baby is the one it was showing when the parent started typing: Save
    // writes to it, whatever another tab has chosen since.
    const show = steadyView((node) => form.contains(node), () => shownId, () => {
      const state = load();
      const before = shownId;
      if (!adding) shownId = own(state.babies, state.current) ? state.current : "";
      const moved = shownId !== before; // fields typed for another baby are not kept
      const baby = adding ? null : own(state.babies, shownId) || null;
      which.replaceChildren();
      Object.keys(state.babies).forEach((id) => {
        const option = which.appendChild(el("option", "", nameOf(state, id)));
        option.value = id;
        option.selected = !adding && id === shownId;
      });
      choose.hidden = Object.keys(state.babies).length < 2 || adding;
      form.dataset.crawlBaby = baby ? shownId : "";
      forget.hidden = !baby;
      keep.hidden = !baby;
      add.hidden = adding;
      cancel.hidden = !adding;
      showBeyond(beyond, adding ? null : agesOf(baby));
      if (adding) return; // what the parent is typing for the new baby stays
      if (moved || !editing(name)) name.value = baby ? baby.name : "";
      if (moved || !editing(born)) born.value = baby ? baby.born : "";
      if (moved || !editing(early)) early.value = baby && baby.early ? String(baby.early) : "";
    }, status);
    which.addEventListener("change", () => {
      const state = load();
      if (own(state.babies, which.value)) state.current = which.value;
      save(state);
      show();
      announce(show);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ages = isDate(born.value) ? AGES.fromBirth(born.value) : null;
      if (!ages || ages.months > AGES.rules.maxMonths) {
        tell(status, fill(TEXT.badDate, { years: AGES.rules.maxMonths / 12 }));
        born.focus();
        return;
      }
      const state = load();
      // The baby shown, or a new one: never whichever another tab made current.
      let id = adding ? "" : shownId;
      if (!own(state.babies, id)) {
        id = newId();
        state.babies[id] = { marks: {}, notes: "", questions: "" };
      }
      const weeks = Math.round(Number(early.value) || 0);
      Object.assign(state.babies[id], {
        name: plainName(name.value).trim().slice(0, 40),
        born: born.value,
        early: Math.min(AGES.rules.maxWeeksEarly, Math.max(0, weeks)),
      });
      state.current = id;
      adding = false;
      const kept = save(state); // never "saved" when the browser refused it
      name.blur(); born.blur(); early.blur();
      show();
      tell(status, kept ? TEXT.saved : TEXT.notSaved);
      announce(show);
    });
    add.addEventListener("click", () => {
      adding = true;
      name.value = born.value = early.value = "";
      show();
      tell(status, TEXT.addingStatus);
      announce(show);
      name.focus();
    });
    cancel.addEventListener("click", () => {
      adding = false;
      show();
      tell(status, "");
      announce(show);
      add.focus();
    });
    forget.addEventListener("click", () => {
      const state = load();
      const id = shownId;
      if (adding || !own(state.babies, id)) return;
      if (!window.confirm(fill(TEXT.confirmForget, { name: nameOf(state, id) }))) return;
      const fresh = load(); // the question may have waited a while
      delete fresh.babies[id];
      if (!own(fresh.babies, fresh.current)) fresh.current = Object.keys(fresh.babies)[0] || "";
      save(fresh);
      show();
      tell(status, TEXT.forgotten);
      announce(show);
    });
    show();
    form.hidden = false;
  }

  /* ---- Marks: the tracker, and the milestone tables --------------------------------- */
  // A mark for the baby a view shows. null: no mark (a note alone is kept).
  const setMark = (babyId, entryId, mark) => updateBaby(babyId, (baby) => {
    const old = own(baby.marks, entryId);
    const note = old ? old.note : "";
    if (mark) baby.marks[entryId] = { ...mark, note, names: named(old && old.names, mark.title, mark.age) };
    else if (note.trim()) baby.marks[entryId] = { ...old, state: "", date: "" };
    else delete baby.marks[entryId];
  });
  const maxOf = (entry) => (Number.isFinite(entry.max) ? entry.max : null);
  const datedStates = ["yes", "noticed"];

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
    const entries = items.map((item) => {
      const date = item.querySelector("input[type=date]");
      // Asked, never guessed: a "yes" without a date keeps no date.
      const prompt = ours(el("span", "crawl-track-date-prompt", TEXT.askDate));
      prompt.id = `${item.id}-date-prompt`;
      prompt.hidden = true;
      date.closest("label").after(prompt);
      return {
        item,
        id: item.dataset.crawlTrack,
        mode: item.dataset.crawlTrackMode,
        range: AGES.range(item.dataset.crawlTrackMin, item.dataset.crawlTrackMax, "window"),
        max: item.dataset.crawlTrackMax === "" ? Infinity : Number(item.dataset.crawlTrackMax),
        title: item.querySelector(".crawl-track-line strong").textContent,
        age: item.dataset.crawlAgeLabel || "",
        controls: item.querySelector(".crawl-track-controls"),
        date,
        prompt,
        help: item.querySelector(".crawl-track-help"),
      };
    });
    const changed = changedLine();
    notices[0].before(changed);
    const beyond = beyondNote("crawl-track-beyond");
    notices[0].after(beyond);
    let shownId = "";
    const show = steadyView((node) => [...lists].some((list) => list.contains(node)), () => shownId, () => {
      const { state, id, baby } = shownBaby();
      const moved = shownId !== (baby ? id : "");
      shownId = baby ? id : "";
      const ages = agesOf(baby);
      showBeyond(beyond, adding ? null : ages);
      notices.forEach((notice) => {
        const marksFor = storage.works() ? TEXT.marksFor : TEXT.marksForUnkept;
        tell(notice, adding ? TEXT.adding : baby ? fill(marksFor, { name: nameOf(state, id) }) : TEXT.noBaby, !baby || adding);
        notice.dataset.crawlBaby = shownId;
      });
      entries.forEach((entry) => {
        const mark = baby ? own(baby.marks, entry.id) : undefined;
        entry.controls.hidden = !baby;
        entry.controls.disabled = !baby;
        entry.controls.querySelectorAll("input[type=radio], input[type=checkbox]").forEach((input) => {
          input.checked = !!mark && mark.state === input.value;
        });
        if (moved || !editing(entry.date)) entry.date.value = mark ? mark.date : "";
        entry.date.max = todayIso();
        const ask = !!mark && datedStates.includes(mark.state) && !mark.date;
        entry.prompt.hidden = !ask || !baby;
        if (ask) entry.date.setAttribute("aria-describedby", entry.prompt.id);
        else entry.date.removeAttribute("aria-describedby");
        const late = !!mark && mark.state === "not-yet" && !!ages &&
          AGES.status(entry.range, ages.effective) === "past";
        if (entry.help) entry.help.hidden = !late;
        entry.item.classList.toggle("crawl-track-late", late);
      });
      // Titles change with the handbook: keep the stored ones up to date (no redraw).
      // By this language's name of the mark (one kept before names were gets one): the
      // last-seen title alone differs whenever the other edition was seen last, and two
      // tabs, one in each, would rewrite it for ever (each redraws on the other's write).
      const stale = (m, e) => m && (LANGUAGE.test(LANG)
        ? ((n) => !n || n.title !== e.title || n.age !== e.age)(own(m.names, LANG))
        : m.title !== e.title);
      if (baby && entries.some((e) => stale(own(baby.marks, e.id), e))) {
        updateBaby(shownId, (stored) => entries.forEach((e) => {
          const m = own(stored.marks, e.id);
          if (m) Object.assign(m, { title: e.title, age: e.age, max: maxOf(e), names: named(m.names, e.title, e.age) });
        }));
      }
    }, changed);
    entries.forEach((entry) => {
      const record = () => {
        if (!shownId || adding) { show(); return; }
        const chosen = entry.controls.querySelector("input[type=radio]:checked, input[type=checkbox]:checked");
        const mark = chosen ? {
          state: chosen.value,
          date: entry.date.value, // only a date the parent gave, never today made up
          title: entry.title, age: entry.age, max: maxOf(entry),
        } : null;
        if (!setMark(shownId, entry.id, mark)) { show(); return; } // forgotten in another tab
        show();
        announce(show);
      };
      entry.controls.addEventListener("change", record);
    });
    show();
  }

  // On a page with a milestone table: a "seen?" choice in each row, for the shown baby.
  function setupRowMarks() {
    if (document.querySelector("li.crawl-track-item")) return;
    const rows = [...document.querySelectorAll("tr[data-crawl-type][id]")];
    if (!rows.length) return;
    const filter = document.querySelector("form.crawl-age-filter");
    const trackerHref = filter ? filter.dataset.babyHref : undefined;
    let shownId = "";
    // When the browser keeps nothing: "Not saved", in words and announced, above the
    // first table while nothing is marked, then in the row last marked, where the
    // parent is looking (one line, moved: said once, not at every row).
    const unsaved = ours(el("p", "crawl-row-unsaved", TEXT.notSaved));
    unsaved.setAttribute("role", "alert");
    unsaved.hidden = true;
    const table = rows[0].closest("table");
    (table.closest(".crawl-milestone-table, .crawl-list") || table).before(unsaved);
    const warnUnsaved = (wrap) => {
      if (storage.works()) return;
      if (wrap && unsaved.parentNode !== wrap) wrap.appendChild(unsaved);
      unsaved.hidden = !shownId;
    };
    const selects = rows.map((row) => {
      const cell = row.querySelector("td");
      const title = (cell.querySelector("strong, p") || cell).textContent.trim();
      const ageCell = row.querySelectorAll("td")[1];
      const wrap = el("span", "crawl-row-mark");
      const label = wrap.appendChild(el("label", "crawl-visually-hidden", fill(TEXT.seenLabel, { title })));
      const select = wrap.appendChild(el("select"));
      select.id = label.htmlFor = `seen-${row.id}`;
      [["", TEXT.seenSelect], ["yes", TEXT.yes], ["not-yet", TEXT.notYet], ["not-sure", TEXT.notSure]]
        .forEach(([value, text]) => { select.appendChild(ours(el("option", "", text))).value = value; });
      // Seen, but since when? Asked in the tracker, where the date is entered.
      const dated = ours(el(trackerHref === undefined ? "span" : "a", "crawl-row-mark-date", TEXT.addDate));
      if (trackerHref !== undefined) dated.href = `${trackerHref}#track-${row.id}`;
      dated.hidden = true;
      wrap.append(" ", dated);
      select.addEventListener("change", () => {
        const state = load();
        const baby = own(state.babies, shownId);
        const old = baby && own(baby.marks, row.id);
        setMark(shownId, row.id, select.value ? {
          state: select.value,
          date: old && old.state === select.value ? old.date : "",
          title, age: ageCell ? ageCell.textContent.trim() : "",
          max: row.dataset.crawlAgeMax ? Number(row.dataset.crawlAgeMax) : null,
        } : null);
        show();
        announce(show);
        warnUnsaved(wrap);
      });
      cell.appendChild(wrap);
      return { wrap, select, dated, id: row.id };
    });
    const show = view(() => {
      const { id, baby } = shownBaby();
      shownId = baby ? id : "";
      selects.forEach(({ wrap, select, dated, id: entryId }) => {
        wrap.hidden = !baby;
        const mark = baby && own(baby.marks, entryId);
        select.value = mark && mark.state !== "noticed" ? mark.state : "";
        dated.hidden = !(mark && mark.state === "yes" && !mark.date);
      });
      warnUnsaved(null);
    });
    show();
  }

  /* ---- The summary for the doctor -------------------------------------------------- */
  function setupSummary() {
    const root = document.querySelector(".crawl-summary");
    if (!root) return;
    const changed = changedLine();
    root.before(warning(), changed);
    let waiting = false; // a redraw of the same baby held back while the parent types a note
    const draw = steadyView((node) => root.contains(node), () => root.dataset.crawlBaby || "", () => {
      if (root.contains(document.activeElement) && typing() && shownBaby().id === root.dataset.crawlBaby) {
        waiting = true;
        return;
      }
      waiting = false;
      root.replaceChildren();
      const { state, id: shownId, baby } = shownBaby();
      root.dataset.crawlBaby = baby ? shownId : "";
      if (!baby) {
        root.appendChild(ours(el("p", "", TEXT.enterBaby)));
        if (root.dataset.babyHref) {
          const link = root.appendChild(el("p")).appendChild(ours(el("a", "", TEXT.goEnter)));
          link.href = root.dataset.babyHref;
        }
        return;
      }
      fillSummary(root, state, shownId, baby, draw);
      root.querySelectorAll("textarea").forEach((area) => {
        area.addEventListener("blur", () => { if (waiting) draw(); });
      });
    }, changed);
    draw();
  }

  // The summary of one baby's record into root (on the page, or for a file).
  function fillSummary(root, state, shownId, baby, redraw) {
    const ages = agesOf(baby);
    const tools = root.appendChild(el("p", "crawl-summary-tools crawl-screen-only"));
    tools.appendChild(ours(el("button", "crawl-summary-print", TEXT.print))).type = "button";
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(ours(el("button", "crawl-summary-download", TEXT.download))).type = "button";
    if (Object.keys(state.babies).length > 1) {
      tools.appendChild(document.createTextNode(" "));
      tools.appendChild(babySelect(state, shownId, "crawl-summary-which", redraw));
    }
    root.appendChild(el("p", "crawl-summary-prepared", fill(TEXT.prepared, { date: formatDate(todayIso()) })));
    const facts = root.appendChild(el("dl", "crawl-summary-facts"));
    const fact = (term, value) => {
      facts.appendChild(ours(el("dt", "", term)));
      facts.appendChild(el("dd", "", value));
    };
    fact(TEXT.baby, nameOf(state, shownId));
    fact(TEXT.born, formatDate(baby.born));
    if (ages) fact(TEXT.age, fill(TEXT.months, { age: months(ages.months) }));
    if (baby.early) fact(TEXT.early, fill(TEXT.weeks, { weeks: baby.early }));
    if (ages && ages.corrected !== null) fact(TEXT.corrected, fill(TEXT.months, { age: months(ages.corrected) }));

    const marks = Object.values(baby.marks);
    const section = (heading, wanted, dated) => {
      const wrap = root.appendChild(el("section", "crawl-summary-part"));
      wrap.appendChild(ours(el("h2", "", heading)));
      const chosen = marks.filter((m) => m.state === wanted)
        .sort((a, b) => (a.date || "9").localeCompare(b.date || "9") ||
          seenHere(a).title.localeCompare(seenHere(b).title));
      if (!chosen.length) { wrap.appendChild(ours(el("p", "", TEXT.none))); return; }
      const list = wrap.appendChild(el("ul"));
      chosen.forEach((mark) => {
        const { title, age } = seenHere(mark);
        const parts = [title || mark.title];
        if (mark.date) parts.push(fill(dated, { date: formatDate(mark.date) }));
        if (age) parts.push(fill(TEXT.ages, { age }));
        const late = wanted === "not-yet" && ages && mark.max !== null &&
          AGES.status(AGES.range(0, mark.max, "window"), ages.effective) === "past";
        if (late) parts.push(TEXT.pastWindow);
        if (mark.note.trim()) parts.push(mark.note.trim());
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
      const h = wrap.appendChild(ours(el("h2", "", heading)));
      h.id = `${id}-heading`;
      const hintNode = wrap.appendChild(ours(el("p", "crawl-screen-only crawl-summary-hint", hint)));
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
        updateBaby(shownId, (target) => { target[key] = area.value.slice(0, 4000); });
        printed.textContent = area.value;
      });
    };
    field("notes", TEXT.notes, TEXT.notesHint);
    field("questions", TEXT.questions, TEXT.questionsHint);
    // Whom to contact, for the place the handbook was built for (crawl_contacts).
    if ((TEXT.contacts || []).length) {
      const wrap = root.appendChild(el("section", "crawl-summary-part crawl-summary-contacts"));
      wrap.appendChild(ours(el("h2", "", TEXT.contactsHeading)));
      const list = wrap.appendChild(el("ul"));
      TEXT.contacts.forEach(([heading, words]) => list.appendChild(el("li", "", `${heading}: ${words}`)));
    }
    root.appendChild(ours(el("p", "crawl-summary-disclaimer", TEXT.notAdvice)));

    root.querySelector(".crawl-summary-print").addEventListener("click", () => window.print());
    root.querySelector(".crawl-summary-download").addEventListener("click", () => download(root));
  }

  // The summary as a small web page of its own, made here and saved by the browser.
  function download(root) {
    const copy = root.cloneNode(true);
    copy.querySelectorAll(".crawl-screen-only, textarea").forEach((n) => n.remove());
    copy.querySelectorAll(".crawl-print-only").forEach((n) => n.classList.remove("crawl-print-only"));
    const doc = document.implementation.createHTMLDocument(TEXT.summaryTitle);
    doc.documentElement.lang = LANG;
    const meta = doc.createElement("meta");
    meta.setAttribute("charset", "utf-8");
    doc.head.prepend(meta);
    doc.body.appendChild(ours(el("h1", "", TEXT.summaryTitle)));
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

  /* ---- For crawl-checklist.js: the same record, the same baby ------------------------ */
  window.crawlBabies = Object.freeze({
    // The baby a view would show now: {id, name, baby, ages} or null (none, or one
    // being added on this page).
    shown() {
      const { state, id, baby } = shownBaby();
      return baby ? { id, name: nameOf(state, id), baby, ages: agesOf(baby) } : null;
    },
    update: updateBaby,
    // A mark's names with this page's title and age label for it (see the top).
    named,
    // Redraw with the others, on a change in this tab or another, keeping the baby
    // while the parent types (steadyView): the redraw to call, and the line to place.
    view(inside, showing, draw) {
      const line = changedLine();
      return { redraw: steadyView(inside, showing, draw, line), line };
    },
    announce,
    monthsText(ages) {
      if (!ages) return "";
      return ages.corrected === null ? fill(TEXT.months, { age: months(ages.months) })
        : fill(TEXT.ageCorrected, { age: months(ages.months), corrected: months(ages.corrected) });
    },
  });

  const start = () => {
    setupBabyPanel();
    setupAgeFilter();
    setupTracker();
    setupRowMarks();
    setupSummary();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
