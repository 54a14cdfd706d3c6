// crawl-ages.js without a browser: `node --test tests/js` (run from pytest by
// tests/test_javascript.py). The rules are read from Python, as the build writes them,
// so these tests check the one JavaScript module against the numbers in
// sphinx_crawl/core/ages.py; PYTHON names the interpreter (default python3).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
// CRAWL_STATIC: the scripts as they ship (minified; tests/test_javascript.py), else the sources.
const factory = require(join(process.env.CRAWL_STATIC || join(ROOT, "sphinx_crawl", "static"), "crawl-ages.js"));
const RULES = JSON.parse(
  execFileSync(
    process.env.PYTHON || "python3",
    ["-c", "import json; from sphinx_crawl.core.ages import age_rules; print(json.dumps(age_rules()))"],
    { cwd: ROOT, encoding: "utf-8" },
  ),
);
const ages = factory(RULES);

// A date `days` after 2024-01-01 (a leap year, so February 29 is crossed).
const after = (days, from = "2024-01-01") => new Date(Date.parse(from + "T00:00:00Z") + days * 864e5)
  .toISOString().slice(0, 10);

test("the rules come from Python and are the ones the handbook states", () => {
  assert.equal(RULES.monthDays, 30.4375);
  assert.equal(RULES.correctAfterWeeksEarly, 3);
  assert.equal(RULES.correctUntilMonths, 24);
  assert.equal(RULES.maxMonths, 72);
  assert.equal(RULES.maxWeeksEarly, 20);
  assert.equal(RULES.deadlineLeadMonths, 1);
  assert.deepEqual(ages.rules.pastWindowTypes, ["milestone", "red-flag"]);
});

test("without the rules there is no module, rather than made-up numbers", () => {
  assert.throws(() => factory(undefined), /rules/);
  assert.throws(() => factory({ ...RULES, monthDays: undefined }), /rules/);
});

test("age from a birth date: whole days over the average month", () => {
  const born = "2024-01-01";
  assert.equal(ages.fromBirth(born, 0, born).months, 0);
  assert.equal(ages.fromBirth(born, 0, after(30)).months, 30 / RULES.monthDays);
  const year = ages.fromBirth(born, 0, "2025-01-01"); // 366 days: 2024 is a leap year
  assert.equal(year.days, 366);
  assert.equal(ages.formatMonths(year.months, "en"), "12");
  // Born on February 29: a year later (365 days) is still under 12 months.
  assert.equal(ages.formatMonths(ages.fromBirth("2024-02-29", 0, "2025-02-28").months, "en"), "11.9");
  assert.equal(ages.fromBirth(born, 0, "2023-12-31"), null, "born after the day");
  assert.equal(ages.fromBirth("2024-02-30", 0, born), null, "not a date");
  assert.equal(ages.fromBirth("", 0, born), null);
});

test("corrected age: more than 3 weeks early, so 3 weeks is not corrected and 4 is", () => {
  const born = "2024-01-01";
  const on = after(300, born);
  assert.equal(ages.fromBirth(born, 3, on).corrected, null);
  assert.equal(ages.fromBirth(born, 3, on).effective, 300 / RULES.monthDays);
  const four = ages.fromBirth(born, 4, on);
  assert.equal(four.corrected, (300 - 28) / RULES.monthDays);
  assert.equal(four.effective, four.corrected);
  assert.ok(ages.fromMonths(10, 3.5).corrected !== null, "3.5 weeks is more than 3");
  assert.equal(ages.fromMonths(10, 0).corrected, null);
  // Never below zero, whatever the weeks.
  assert.equal(ages.fromBirth(born, 20, after(10, born)).corrected, 0);
});

test("corrected age until 24 months (chronological), not from then on", () => {
  assert.ok(ages.fromMonths(23.9, 8).corrected !== null);
  assert.equal(ages.fromMonths(24, 8).corrected, null);
  assert.equal(ages.fromMonths(30, 8).effective, 30);
  const born = "2022-01-01";
  const lastDay = ages.fromBirth(born, 8, after(Math.ceil(24 * RULES.monthDays) - 1, born));
  assert.ok(lastDay.months < 24 && lastDay.corrected !== null);
  const firstDay = ages.fromBirth(born, 8, after(Math.ceil(24 * RULES.monthDays), born));
  assert.ok(firstDay.months >= 24 && firstDay.corrected === null);
});

test("426 days old, 6 weeks early: the same numbers wherever they are shown", () => {
  const born = "2024-01-01";
  const baby = ages.fromBirth(born, 6, after(426, born));
  assert.equal(ages.formatMonths(baby.months, "en"), "13.9");
  assert.equal(ages.formatMonths(baby.corrected, "en"), "12.6");
  // The old filter took the rounded "13.9" and corrected it again: 12.5. The exact
  // age must drive the filter; typed text is only for what a person typed.
  const retyped = ages.fromTyped(ages.inputMonths(baby.months), "6").ages;
  assert.equal(ages.formatMonths(retyped.corrected, "en"), "12.5");
  assert.equal(ages.inputMonths(baby.months), "13.9");
});

test("shown to one decimal, rounded down, in the page's language", () => {
  assert.equal(ages.formatMonths(10.96, "en"), "10.9");
  assert.equal(ages.formatMonths(10.96, "es"), "10,9");
  assert.equal(ages.formatMonths(10.96, "fr"), "10,9");
  assert.equal(ages.formatMonths(14, "es"), "14");
  assert.equal(ages.formatMonths(13.999, "en"), "13.9", "never 14 before the day");
  assert.equal(ages.formatMonths(0, "en"), "0");
  assert.equal(ages.formatMonths(71.99, "en"), "71.9");
  for (const n of [0.7, 1.1, 4.35, 12.6, 20.3, 64.1]) {
    assert.equal(ages.floorTenth(n), Math.floor(Math.round(n * 1000) / 100) / 10, String(n));
  }
  assert.equal(ages.formatMonths(5, "not a language!"), "5");
});

test("every day up to the 72-month cap: shown ages never run ahead or backwards", () => {
  const born = "2020-01-01";
  let last = -1;
  for (let day = 0; day <= Math.ceil(RULES.maxMonths * RULES.monthDays); day += 1) {
    const baby = ages.fromBirth(born, 6, after(day, born));
    const shown = Number(ages.inputMonths(baby.months));
    assert.ok(shown <= baby.months && baby.months - shown < 0.1, `${day}: ${shown}`);
    assert.ok(shown >= last, `${day}: went back from ${last} to ${shown}`);
    assert.ok(baby.effective <= baby.months);
    last = shown;
  }
});

test("a window applies between its ends, and is past after it", () => {
  const window = ages.range("6", "9", "window");
  assert.equal(ages.status(window, 5.9), "before");
  assert.equal(ages.status(window, 6), "applies");
  assert.equal(ages.status(window, 9), "applies");
  assert.equal(ages.status(window, 9.01), "past");
  assert.equal(ages.status(window, 72), "past");
  assert.equal(ages.appliesAt(window, 7), true);
  assert.equal(ages.status(ages.range("12", "12", "window"), 12), "applies");
});

test("a deadline shows from its lead time before it, and for ever after", () => {
  const lead = RULES.deadlineLeadMonths;
  const by = ages.range("12", "", "by");
  assert.equal(by.max, null);
  assert.equal(ages.showsFrom(by), 12 - lead);
  assert.equal(ages.status(by, 12 - lead - 0.01), "before");
  assert.equal(ages.status(by, 12 - lead), "applies", "at 11 months: not hidden");
  assert.equal(ages.status(by, 12), "applies");
  assert.equal(ages.status(by, RULES.maxMonths), "applies", "never past");
  assert.equal(ages.showsFrom(ages.range(0.5, null, "by")), 0);
  // "From 10 months on" has no lead: it starts at its age.
  const from = ages.range(10, null, "from");
  assert.equal(ages.showsFrom(from), 10);
  assert.equal(ages.status(from, 9.99), "before");
  assert.equal(ages.status(from, 40), "applies");
});

test("past its window: milestones and signs point to help, everything else may help", () => {
  assert.equal(ages.pastKind("milestone"), "window");
  assert.equal(ages.pastKind("red-flag"), "window");
  assert.equal(ages.pastKind("tip"), "help");
  assert.equal(ages.pastKind("question"), "help");
});

test("what a person types: out-of-range numbers are named, never guessed at", () => {
  assert.deepEqual(ages.fromTyped("8", "").ages, { months: 8, corrected: null, effective: 8 });
  assert.equal(ages.fromTyped("73", "").monthsOk, false);
  assert.equal(ages.fromTyped("73", "").ages, null);
  assert.equal(ages.fromTyped("-1", "").monthsOk, false);
  assert.equal(ages.fromTyped("", "").ages, null);
  const weeks = ages.fromTyped("8", "21");
  assert.equal(weeks.weeksOk, false);
  assert.equal(weeks.ages.corrected, null, "bad weeks are left out");
  assert.equal(ages.fromTyped("72", "20").monthsOk, true);
});

test("today is the reader's calendar day", () => {
  assert.equal(ages.todayIso(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(ages.isIsoDate("2026-02-29"), false);
  assert.equal(ages.isIsoDate("2028-02-29"), true);
});

// A shared link's age with a decimal comma ("?age=10,5", as the Spanish edition writes
// ages) or a unit ("?age=10m"): the page's number field took neither, and the page
// showed every entry as if no age had been given (hostile parents s39). crawl.js puts
// what fromLink reads in the field.
test("a shared link's age is read as the number it says", () => {
  const read = ["10,5", "10.5", "10m", " 9 ", "-3", "6,0", "abc", "", null, undefined].map(ages.fromLink);
  assert.deepEqual(read, ["10.5", "10.5", "10", "9", "-3", "6.0", "", "", "", ""]);
  assert.equal(ages.fromTyped(ages.fromLink("10,5"), "").ages.months, 10.5);
});
