// Helper for tests/test_search_triage.py: what the search page decides for each query on
// a built handbook (its crawl-searchindex.js, one file, and Sphinx's language_data.js
// with its stemmer): the notice (its kind, and the words and role the page gives it), the
// notes on topics the handbook does not cover (how many, and each one's text and link),
// and the results' ids.
// argv: <the build's output folder> <language> <queries.json, or - for lines on stdin>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { pageWindow } from "./page-scripts.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const factory = require(join(ROOT, "sphinx_crawl", "static", "crawl-search.js"));
const [out, language, queriesFile] = process.argv.slice(2);
// The scripts the page runs set window.crawlSearchIndex and window.Stemmer.
const window = pageWindow(join(out, "crawl-searchindex.js"), join(out, "_static", "language_data.js"));
const index = window.crawlSearchIndex;
const search = factory({ language, stemmer: () => window.Stemmer });
const decide = (query) => {
  const ranked = search.rankEntries(index, query);
  const needs = search.triage(index, query, ranked);
  const notice = needs.urgent ? search.noticeOf(index, needs.urgent) : null;
  // What the page lists: the ranked entries with the worried-parent card where needed.
  const shown = search.decide(index, query, ranked).results.map(({ n }) => index.entries[n][2]);
  return {
    query, urgent: needs.urgent, topics: needs.topics.length, beyond: Boolean(needs.beyond), ids: ranked.map(({ n }) => index.entries[n][2]),
    notes: needs.topics.map(({ text, url }) => ({ text, url: url || "" })),
    shown,
    notice: notice && { role: notice.role, text: [notice.heading, notice.body] },
  };
};
if (queriesFile === "-") {
  // Kept running by the tests (one Node per edition and worker, not one per test): each
  // line read is a JSON list of queries, each line written what was decided for them.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${JSON.stringify(JSON.parse(line).map(decide))}\n`);
} else {
  process.stdout.write(JSON.stringify(JSON.parse(readFileSync(queriesFile, "utf-8")).map(decide)));
}
