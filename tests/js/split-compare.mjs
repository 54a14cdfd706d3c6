// Helper for tests/test_search_parts.py: ranks queries on the whole index and on the
// same index split into parts (as render/search_shards.py writes them), and prints both.
// argv: <whole.json> <upfront.json> <parts.json> <queries.json> [<language>
// <language_data.js>: the edition's language and Sphinx's script with its stemmer]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pageWindow } from "./page-scripts.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const factory = require(join(ROOT, "sphinx_crawl", "static", "crawl-search.js"));
const [whole, upfront, parts, queries] = process.argv.slice(2, 6).map((f) => JSON.parse(readFileSync(f, "utf-8")));
const [language = "en", languageData] = process.argv.slice(6);
const window = languageData ? pageWindow(languageData) : {};
const search = factory({ language, stemmer: () => window.Stemmer });

// Where a result links to: a split index's rows name their page, a whole index's
// give its place in the list of pages.
const link = (index, [, page, anchor]) => `${typeof page === "string" ? page : index.pages[page]}#${anchor}`;
const rank = (index, query) => {
  const ranked = search.rankEntries(index, query);
  return {
    ids: ranked.map(({ n }) => link(index, index.entries[n])),
    weak: ranked.weak,
    triage: search.triage(index, query, ranked),
  };
};
const out = queries.map((query) => {
  const split = JSON.parse(JSON.stringify(upfront));
  split.words = {};
  split.entries = [];
  const loaded = [];
  // As the page does: the harmless phrases where a notice may need them, the word parts
  // of the query, then the rows of the results.
  for (const name of search.harmlessParts(split, query)) {
    search.mergePart(split, name, parts[name]);
    loaded.push(name);
  }
  for (const name of search.wordParts(split, query)) {
    search.mergePart(split, name, parts[name]);
    loaded.push(name);
  }
  // Then the parts a typo's word may be in, and other languages' emergency words where
  // the query has a word neither the handbook nor the edition knows.
  for (const name of [...search.typoParts(split, query), ...search.foreignParts(split, query)]) {
    if (loaded.includes(name)) continue;
    search.mergePart(split, name, parts[name]);
    loaded.push(name);
  }
  const first = search.rankEntries(split, query);
  // A notice the table up front alone did not foresee: the harmless phrases now.
  for (const name of search.harmlessParts(split, query, search.triage(split, query, first))) {
    search.mergePart(split, name, parts[name]);
    loaded.push(`${name} (late)`);
  }
  const wanted = first.map((r) => r.n);
  for (const name of search.rowParts(split, wanted)) {
    search.mergePart(split, name, parts[name]);
    loaded.push(name);
  }
  return { query, whole: rank(whole, query), split: rank(split, query), loaded };
});
process.stdout.write(JSON.stringify(out));
