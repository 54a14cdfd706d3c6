// Helper for tests/test_search_parts.py: the parts the search page's preload script
// (render/search_preload.py) asks for, beside those crawl-search.js then loads, per query.
// argv: <file holding the preload <script>> <up-front table JSON> <queries JSON>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const factory = require(join(ROOT, "sphinx_crawl", "static", "crawl-search.js"));
const [scriptFile, upfrontFile, queriesFile] = process.argv.slice(2);
const html = readFileSync(scriptFile, "utf-8");
const code = html.replace(/^<script>/, "").replace(/<\/script>$/, "");
const upfront = JSON.parse(readFileSync(upfrontFile, "utf-8"));
const search = factory({ language: "en" });
const found = JSON.parse(readFileSync(queriesFile, "utf-8")).map((query) => {
  const links = [];
  const document = {
    documentElement: { dataset: {} },
    head: { appendChild: (link) => links.push(link) },
    createElement: () => ({}),
  };
  const window = { location: { search: "?" + new URLSearchParams({ q: query }) } };
  new Function("window", "document", code)(window, document);
  return {
    query,
    preloaded: links.map((link) => [link.rel, link.as, link.href]),
    needed: search.wordParts(upfront, query),
    version: upfront.parts.version,
  };
});
process.stdout.write(JSON.stringify(found));
