/* sphinx-crawl ages: the one place the handbook's scripts compute a baby's age.
 *
 * The numbers (days in a month, who gets a corrected age and until when, the lead
 * time of a deadline...) are not written here: they come from Python
 * (sphinx_crawl/core/ages.py, age_rules), as window.crawlRules in the browser
 * (_static/crawl-rules.js, loaded first) or as the factory's argument in Node:
 *
 *   const ages = require("crawl-ages.js")(rules);      // Node (tests/js)
 *   window.crawlAges                                   // the browser
 *
 * The age filter, the baby line, the tracker, the summary and the timeline marker
 * all use it, so the same baby shows the same numbers everywhere. Ages are kept
 * exact; only what is shown is rounded, down, to one decimal.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
    return;
  }
  try {
    root.crawlAges = factory(root.crawlRules);
  } catch (error) {
    // Without the rules no age is worked out: the pages read fully without scripts.
    root.crawlAges = null;
  }
})(typeof self !== "undefined" ? self : this, function crawlAges(rules) {
  "use strict";
  const NEEDED = ["monthDays", "correctAfterWeeksEarly", "correctUntilMonths", "maxMonths",
    "maxWeeksEarly", "deadlineLeadMonths"];
  if (!rules || NEEDED.some((key) => !Number.isFinite(rules[key]))) {
    throw new Error("crawl-ages: the age rules (window.crawlRules) are missing");
  }
  const R = Object.freeze({ ...rules, pastWindowTypes: [...(rules.pastWindowTypes || [])] });
  const DAY = 864e5;

  /* ---- Dates -------------------------------------------------------------- */
  const isIsoDate = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value + "T00:00:00Z")) &&
    new Date(value + "T00:00:00Z").toISOString().slice(0, 10) === value;
  // Days since 1970 of a calendar date: no time of day, no time zone, no summer time.
  const dayNumber = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d) / DAY;
  };
  // Today on the reader's own calendar (local time), as YYYY-MM-DD.
  const todayIso = (now = new Date()) =>
    `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;

  /* ---- Corrected age ------------------------------------------------------ */
  // Born MORE than correctAfterWeeksEarly weeks early, and younger than
  // correctUntilMonths (chronological): then corrected age is used.
  const corrects = (months, weeksEarly) =>
    Number.isFinite(weeksEarly) && weeksEarly > R.correctAfterWeeksEarly &&
    Number.isFinite(months) && months < R.correctUntilMonths;

  // Ages from an age in months (exact) and weeks born early: {months, corrected,
  // effective}; corrected is null when it does not apply. effective is the one that
  // decides what applies.
  function fromMonths(months, weeksEarly = 0) {
    if (!Number.isFinite(months) || months < 0) return null;
    const corrected = corrects(months, weeksEarly)
      ? Math.max(0, months - (weeksEarly * 7) / R.monthDays)
      : null;
    return { months, corrected, effective: corrected === null ? months : corrected };
  }

  // Ages of a baby born on `born` (YYYY-MM-DD) on the day `on` (default today); null
  // for a date that is not one, or a birth after that day.
  function fromBirth(born, weeksEarly = 0, on = todayIso()) {
    if (!isIsoDate(born) || !isIsoDate(on)) return null;
    const days = dayNumber(on) - dayNumber(born);
    if (days < 0) return null;
    const weeks = Number(weeksEarly) || 0;
    const months = days / R.monthDays;
    // From the days, not the months, so no rounding creeps in.
    const corrected = corrects(months, weeks) ? Math.max(0, (days - weeks * 7) / R.monthDays) : null;
    return { months, corrected, effective: corrected === null ? months : corrected, days };
  }

  // What a person typed in the age filter: the ages, and which of the two numbers
  // are out of range (those are named, never guessed at).
  function fromTyped(monthsText, weeksText) {
    const typed = parseFloat(monthsText);
    const typedWeeks = parseFloat(weeksText);
    const monthsOk = typed >= 0 && typed <= R.maxMonths;
    const weeksOk = !Number.isFinite(typedWeeks) || (typedWeeks >= 0 && typedWeeks <= R.maxWeeksEarly);
    const weeks = weeksOk && Number.isFinite(typedWeeks) ? typedWeeks : 0;
    return { ages: monthsOk ? fromMonths(typed, weeks) : null, weeks, monthsOk, weeksOk };
  }

  // A shared link's number as a number field takes it: "10,5" (a decimal comma, as the
  // Spanish edition writes ages) is "10.5", "10m" is "10", "-3" stays (to be named out of
  // range); anything else is "" (the field would take none of these as they are). A unit
  // that is not months or weeks ("2y", "2 años", "1e3") is not read as months: "2y" was
  // shown as a 2-month-old (s41).
  const fromLink = (text) => {
    const found = /^\s*(-?\d+(?:[.,]\d+)?)\s*(\p{L}?)/u.exec(text || "");
    return found && !/[^mswMSW]/u.test(found[2]) ? found[1].replace(",", ".") : "";
  };

  /* ---- Showing an age ----------------------------------------------------- */
  // One decimal, rounded down: 13.99 months is "13.9", never "14" before the day.
  // (The small allowance keeps 12.6, stored as 12.59999..., at 12.6.)
  const floorTenth = (months) => Math.floor(months * 10 + 1e-9) / 10;
  const formatters = new Map();
  // In the page's language: "10.9" in English, "10,9" in Spanish and French.
  function formatMonths(months, lang) {
    const key = lang || "en";
    if (!formatters.has(key)) {
      let format;
      try {
        format = new Intl.NumberFormat(key, { maximumFractionDigits: 1, useGrouping: false });
      } catch (error) {
        format = new Intl.NumberFormat("en", { maximumFractionDigits: 1, useGrouping: false });
      }
      formatters.set(key, format);
    }
    return formatters.get(key).format(floorTenth(months));
  }
  // The same, for a number field's value, which is always written with a dot.
  const inputMonths = (months) => String(floorTenth(months));

  /* ---- Does an entry apply at this age? ------------------------------------- */
  // An entry's age: {min, max (null: open), kind ("window", "from" or "by")}, from
  // the data-crawl-age-* attributes' strings or numbers.
  function range(min, max, kind) {
    const low = typeof min === "number" ? min : parseFloat(min);
    const high = max === null || max === undefined || max === "" ? null
      : typeof max === "number" ? max : parseFloat(max);
    if (!Number.isFinite(low)) return null;
    return { min: low, max: Number.isFinite(high) ? high : null, kind: kind || "window" };
  }
  // From what age an entry is shown: a deadline ("by 12 months") a little before it.
  const showsFrom = (age) => (age.kind === "by" ? Math.max(0, age.min - R.deadlineLeadMonths) : age.min);
  // "applies" at this age; "before" (the baby is younger than it); or "past" (its
  // window has gone by). Open ages (from, by) are never past.
  function status(age, months) {
    if (!age || !Number.isFinite(months)) return null;
    if (months < showsFrom(age)) return "before";
    if (age.max !== null && age.kind === "window" && months > age.max) return "past";
    return "applies";
  }
  const appliesAt = (age, months) => status(age, months) === "applies";
  // Past its window, what a type of entry says: "window" for what a baby does
  // (milestones, signs: see the signs page), "help" for the rest (tips: may still help).
  const pastKind = (type) => (R.pastWindowTypes.includes(type) ? "window" : "help");

  return Object.freeze({
    rules: R,
    isIsoDate,
    dayNumber,
    todayIso,
    corrects,
    fromMonths,
    fromBirth,
    fromTyped,
    fromLink,
    floorTenth,
    formatMonths,
    inputMonths,
    range,
    showsFrom,
    status,
    appliesAt,
    pastKind,
  });
});
