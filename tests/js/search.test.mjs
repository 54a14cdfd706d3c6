// crawl-search.js without a browser: `node --test tests/js` (run from pytest by
// tests/test_javascript.py). The pure parts of the entry search: how a query is cut
// into words and stems, which typos are forgiven, which phrases a query names, how
// entries rank, and what comes before any result. PYTHON names the interpreter used
// to check that the index (Python) and the query (JavaScript) cut words alike.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
// CRAWL_STATIC: the scripts as they ship (minified; tests/test_javascript.py), else the sources.
const factory = require(join(process.env.CRAWL_STATIC || join(ROOT, "sphinx_crawl", "static"), "crawl-search.js"));
const search = factory({ language: "en" });

// A small index in the shape render/search.py writes: entries as rows, each field's
// words -> entry positions as gaps in base 36.
const gaps = (positions) =>
  positions.map((p, i) => (p - (i ? positions[i - 1] : 0)).toString(36)).join(",");
function indexOf(entries) {
  const words = { k: {}, t: {}, g: {}, x: {} };
  entries.forEach((entry, n) => {
    for (const field of Object.keys(words)) {
      for (const word of new Set(search.words(entry[field] || ""))) {
        (words[field][word] ??= []).push(n);
      }
    }
  });
  for (const field of Object.keys(words)) {
    for (const word of Object.keys(words[field])) words[field][word] = gaps(words[field][word]);
  }
  const labels = ["Red flag", "Question", "Tip"];
  return {
    entries: entries.map((e) => [e.t, 0, e.id, labels.indexOf(e.kind), -1, -1]),
    pages: ["page.html"],
    labels,
    words,
    roles: { 0: "sign", 1: "answer" },
    stop: "a the my is it baby to of and in on".split(" "),
    intent: {
      question: ["is", "why", "when", "how", "should"],
      worry: ["worried", "normal"],
      age: ["months", "month"],
      negation: ["not", "no", "doesnt"],
      alarm: ["worried", "scared"],
    },
    synonyms: { bum: ["bottom"] },
    out_of_scope: { speech: { text: "Not covered.", words: ["talking"] } },
    emergency: { signs: ["not breathing", "blue lips", "fit"], unwell: ["fever"] },
  };
}
const INDEX = indexOf([
  { id: "stiff", kind: "Red flag", t: "Stiff or tight legs", k: "stiff legs, rigid", x: "Legs feel stiff." },
  { id: "normal", kind: "Question", t: "Is crawling backwards normal?", k: "normal, backwards", x: "Usually, yes: crawling backwards is a phase." },
  { id: "carpet", kind: "Tip", t: "Try carpet on a slippery floor", k: "slippery floor, socks", x: "Socks slide; carpet grips." },
  { id: "shuffle", kind: "Tip", t: "Bottom shuffling", k: "bottom shuffle", x: "Some babies move on their bottom." },
  { id: "smile", kind: "Tip", t: "Praise every try", x: "Smile and clap when your baby reaches." },
]);
const ids = (query) => search.rankEntries(INDEX, query).map(({ n }) => INDEX.entries[n][2]);

test("a query is cut into words as the index is (Python's words() gives the same)", () => {
  const samples = [
    "My baby's NOT crawling!", "little one won't crawl", "Rígidas piernas, 12-month-old",
    "bottom—shuffle", "it's  normal?", "Ünïcode wörds and 3 weeks",
  ];
  const python = JSON.parse(execFileSync(
    process.env.PYTHON || "python3",
    ["-c", "import json, sys; from sphinx_crawl.render.search import words; " +
      "print(json.dumps([words(s) for s in json.loads(sys.argv[1])]))", JSON.stringify(samples)],
    { cwd: ROOT, encoding: "utf-8" },
  ));
  assert.deepEqual(samples.map(search.words), python);
  assert.deepEqual(search.words("My baby's little one won't"), ["my", "babys", "wont"]);
});

test("English stems join a word's forms; accents do not count", () => {
  for (const [word, root] of [["worried", "worry"], ["tries", "try"], ["dragging", "drag"],
    ["pulling", "pull"], ["crawls", "crawl"], ["stiffness", "stiffness"], ["breathe", "breath"],
    ["breathing", "breath"]]) {
    assert.equal(search.englishStem(word), root, word);
  }
  assert.equal(search.fold("rígidas"), "rigidas");
  assert.equal(search.stem("Rígidas".toLowerCase()), "rigida");
});

test("typos are counted as edits, a swap of neighbours as one", () => {
  assert.equal(search.editDistance("seizure", "siezure", 2), 1);
  assert.equal(search.editDistance("crawl", "crawll", 2), 1);
  assert.equal(search.editDistance("abc", "xyz", 1), 2); // stops past the limit
  assert.equal(search.typosAllowed("fit"), 0);
  assert.equal(search.typosAllowed("fever"), 1);
  assert.equal(search.typosAllowed("breathing"), 2);
});

test("a phrase is named in any order, with typos, but not by another word of the handbook", () => {
  const vocabulary = new Set(["sock", "born", "breath"]);
  const names = (query, phrase) => search.namesPhrase(search.forms(query), phrase, vocabulary);
  assert.ok(names("my baby is not breathing!", "not breathing"));
  assert.ok(names("breathign not", "not breathing"));
  assert.ok(names("lips are blue", "blue lips"));
  assert.ok(!names("socks", "sick")); // a word the handbook has is not a typo
  assert.ok(!names("born early", "burn"));
  assert.ok(!names("does this romper suit", "fit")); // short words must be exact
});

test("a phrase in quotes is named only in its order, with stop words between", () => {
  const vocabulary = { has: () => false, between: (word) => ["his", "keep", "are"].includes(word) };
  const names = (query, phrase) => search.namesPhrase(search.forms(query), phrase, vocabulary);
  assert.ok(names("eyes rolling back", '"eyes rolling back"'));
  assert.ok(names("baby eyes rolled back", '"eyes rolling back"'));
  assert.ok(names("his eyes keep rolling back", '"eyes rolling back"'));
  assert.ok(!names("rolling back, eyes fine", '"eyes rolling back"'));
  assert.ok(!names("eyes fine, rolling back", '"eyes rolling back"'));
  assert.ok(names("rolling back, eyes fine", "eyes rolling back")); // unquoted: any order
});

test("entries rank by the words that name them, signs first only when named", () => {
  assert.equal(ids("stiff legs")[0], "stiff");
  assert.equal(ids("slippery floor socks")[0], "carpet");
  assert.equal(ids("bum")[0], "shuffle"); // a parent's word, through the synonyms
  assert.equal(ids("crawlling backwards")[0], "normal"); // a typo of a handbook word
  assert.equal(ids("is crawling backwards normal")[0], "normal"); // a question: answer first
  assert.deepEqual(ids("zebra"), []);
});

test("a query the handbook does not cover well is marked weak", () => {
  assert.equal(search.rankEntries(INDEX, "stiff legs").weak, false);
  assert.equal(search.rankEntries(INDEX, "baby cross eyed").weak, true);
  // A word only some entry's text mentions in passing counts half.
  assert.equal(search.rankEntries(INDEX, "baby doesnt smile").weak, true);
});

test("when no entry has most of the words, the ones with the most the query is about show", () => {
  // "floppy" is in one entry, "legs" in others (more of them: the rarer word is
  // "floppy"): no entry has both.
  const index = indexOf([
    { id: "floppy", kind: "Red flag", t: "Very floppy muscles", k: "floppy, loose", x: "The body feels loose." },
    { id: "stiff", kind: "Red flag", t: "Stiff or tight muscles", k: "stiff, tight", x: "Legs feel stiff." },
    { id: "kick", kind: "Tip", t: "Kick games", k: "kicking", x: "Let the legs push." },
    { id: "knees", kind: "Tip", t: "Bare knees", k: "bare knees", x: "Knees and legs grip." },
    { id: "carpet", kind: "Tip", t: "Try carpet", k: "slippery floor", x: "Carpet grips." },
    { id: "toys", kind: "Tip", t: "Toys out of reach", k: "reach", x: "A toy to reach for." },
    { id: "praise", kind: "Tip", t: "Praise every try", k: "praise", x: "Clap and smile." },
    { id: "when", kind: "Question", t: "When do babies crawl?", k: "when", x: "Around 6 to 10 months." },
  ]);
  const found = search.rankEntries(index, "floppy legs");
  assert.equal(found.partial, true);
  assert.equal(index.entries[found[0].n][2], "floppy"); // the rarer word, in a keyword
  assert.ok(!found.some(({ n }) => index.entries[n][2] === "carpet")); // neither word
  assert.equal(search.triage(index, "floppy legs", found).concern, true);
  // A query whose words one entry has is not partial.
  assert.equal(search.rankEntries(index, "stiff legs").partial, false);
  assert.equal(search.triage(index, "stiff legs", search.rankEntries(index, "stiff legs")).concern, false);
});

test("an entry that shares only the query's age and intent words is no result", () => {
  // The answer says "6 months"; the query is about holding the head up, which no entry
  // has with those words together: the tip that has "head" shows, the answer does not.
  const index = indexOf([
    { id: "normal", kind: "Question", t: "Is going backwards normal?", k: "normal", x: "Yes, at 6 months." },
    { id: "lift", kind: "Tip", t: "Tummy time", k: "tummy time", x: "Your baby lifts the head." },
    { id: "carpet", kind: "Tip", t: "Try carpet", k: "slippery floor", x: "Carpet grips." },
  ]);
  const found = search.rankEntries(index, "not holding head up 6 months").map(({ n }) => index.entries[n][2]);
  assert.ok(!found.includes("normal"), found);
  assert.ok(found.includes("lift"), found);
  // A query of age words alone still finds what speaks of that age.
  const ages = search.rankEntries(index, "6 months").map(({ n }) => index.entries[n][2]);
  assert.deepEqual(ages, ["normal"]);
});

test("before any result: an emergency, then an illness, then a worry not covered", () => {
  const triage = (query) => search.triage(INDEX, query, search.rankEntries(INDEX, query));
  assert.equal(triage("my baby is not breathing").urgent, "emergency");
  assert.equal(triage("blue lips and fever").urgent, "emergency");
  assert.equal(triage("fever").urgent, "unwell");
  assert.equal(triage("fever").concern, false); // the notice already sends to help
  const speech = triage("baby not talking");
  assert.equal(speech.urgent, "");
  assert.deepEqual(speech.topics.map((t) => t.text), ["Not covered."]);
  assert.equal(speech.concern, true);
  assert.equal(triage("stiff legs").concern, false);
  assert.equal(triage("zebra").concern, true); // nothing matched
});

test("a worry is told by its words, not by what it is about", () => {
  assert.ok(search.isWorry(INDEX, "my baby doesnt crawl"));
  assert.ok(search.isWorry(INDEX, "scared about crawling"));
  assert.ok(!search.isWorry(INDEX, "slippery floor"));
});

test("the age a query names is read in months, in either language's units", () => {
  const index = { intent: { months: ["month", "months", "mes", "meses"], years: ["year", "años"] } };
  assert.equal(search.queryAge(index, "baby 9 months crawls backwards"), 9);
  assert.equal(search.queryAge(index, "my 2-year-old doesn't walk"), 24);
  assert.equal(search.queryAge(index, "bebé de 10,5 meses"), 10.5);
  assert.ok(Number.isNaN(search.queryAge(index, "stiff legs")));
  // Weeks and days too; how early a baby was born is not how old it is.
  const full = { intent: intentOf("en") };
  assert.ok(Math.abs(search.queryAge(full, "my 6 week old wont lift his head") - 1.38) < 0.01);
  assert.ok(Math.abs(search.queryAge(full, "300 days old not crawling") - 9.86) < 0.01);
  assert.ok(Number.isNaN(search.queryAge(full, "born 2 months early, worried about crawling")));
  assert.equal(search.queryAge(full, "born 6 weeks early, now 9 months"), 9);
});

test("a baby born more than 3 weeks early is ranked for its corrected age, until 2 years", () => {
  const rule = { after_weeks_early: 3, until_months: 24 };
  const age = (language, query) => search.queryAge({ intent: intentOf(language), corrected_age: rule }, query);
  const near = (value, expected) => Math.abs(value - expected) < 0.01;
  // The age the parent gives, less how early the baby came, however that is said.
  assert.equal(age("en", "my 12 month old was born 3 months early and only crawls backwards"), 9);
  assert.equal(age("en", "my 12 month born 3 months early"), 9); // the 12 is the age
  assert.ok(near(age("en", "12 month old born 8 weeks early not crawling"), 10.16));
  assert.ok(near(age("en", "premature by 6 weeks, now 10 months"), 8.62));
  assert.ok(near(age("en", "6 weeks premature baby 10 months"), 8.62));
  assert.ok(near(age("en", "born at 32 weeks, now 10 months old"), 8.16)); // a gestation
  assert.equal(age("es", "mi bebe de 12 meses nacio 3 meses antes y gatea hacia atras"), 9);
  assert.ok(near(age("es", "bebe de 12 meses prematuro de 8 semanas no gatea"), 10.16));
  assert.ok(near(age("es", "nacio de 32 semanas y tiene 10 meses"), 8.16));
  // Not corrected: 3 weeks early or less, from 2 years on, or with no rule in the index.
  assert.equal(age("en", "10 month old born 3 weeks early"), 10);
  assert.equal(age("en", "my 30 month old was born 3 months early"), 30);
  assert.equal(search.queryAge({ intent: intentOf("en") }, "12 month old born 3 months early"), 12);
  // How early, alone, is no age.
  assert.ok(Number.isNaN(age("en", "born 6 weeks early")));
});

test("an entry for an older baby than the query names ranks below one for that age", () => {
  const index = indexOf([
    { id: "one-year", kind: "Red flag", t: "Still only backwards around one year", k: "only backwards" },
    { id: "normal", kind: "Question", t: "Only backwards: normal?", k: "only backwards" },
  ]);
  index.entries[0].push(11, null); // from 11 months ("by 12 months", a month early)
  index.entries[1].push(null, null);
  index.intent.months = ["months"];
  const order = (query) => search.rankEntries(index, query).map(({ n }) => index.entries[n][2]);
  assert.equal(order("9 months only backwards")[0], "normal");
  assert.equal(order("11 months only backwards")[0], "one-year");
});

// The intent words Python writes into the index, for the build's language: asked of
// Python once a language (a Python process each: 0.3 s, eighteen calls), each caller
// getting a copy of its own.
const INTENTS = new Map();
function intentOf(language) {
  if (!INTENTS.has(language)) {
    INTENTS.set(language, JSON.parse(execFileSync(
      process.env.PYTHON || "python3",
      ["-c", "import json, sys; from sphinx_crawl.render.search import search_vocabulary; " +
        "print(json.dumps(search_vocabulary(sys.argv[1])[1]))", language],
      { cwd: ROOT, encoding: "utf-8" },
    )));
  }
  return structuredClone(INTENTS.get(language));
}

test("a very young baby and a worry is an emergency (NHS: under 8 weeks, very worried)", () => {
  for (const language of ["en", "es"]) {
    const index = {
      ...INDEX, intent: intentOf(language), crawlIntent: undefined, crawlSearcher: undefined,
      emergency: { signs: [], unwell: [], young_weeks: 8, young_months: 1.84 },
    };
    const urgent = (query) => search.triage(index, query, search.rankEntries(index, query)).urgent;
    const emergencies = language === "en"
      ? ["my 5 week old, I'm very worried", "newborn and I am scared", "3 wk old baby worried",
        "1 month old baby worried", "6-week-old worried"]
      : ["mi bebé de 3 semanas, estoy muy preocupada", "recién nacido y me preocupa",
        "bebé de 1 mes, tengo miedo"];
    for (const query of emergencies) assert.equal(urgent(query), "emergency", query);
    const not = language === "en"
      ? ["born 6 weeks early, worried she is not crawling at 10 months",
        "baby born 6 weeks premature worried", "my 10 week old, worried", "5 week old",
        "worried about crawling backwards", "9 months worried"]
      : ["nació 6 semanas antes y me preocupa", "bebé de 3 semanas", "me preocupa el gateo",
        "bebé de 10 semanas preocupada"];
    for (const query of not) assert.notEqual(urgent(query), "emergency", query);
  }
  // Without young_weeks (an adopter's choice), no such rule.
  const off = { ...INDEX, intent: intentOf("en"), crawlIntent: undefined };
  assert.equal(search.youngAndWorried(off, "my 5 week old, I'm very worried"), false);
  assert.equal(search.queryWeeks({ intent: intentOf("en") }, "born 6 weeks early, now 5 weeks"), 5);
});
