// What the handbook's pages get from the scripts they load, for the Node helpers
// (triage.mjs, split-compare.mjs, test_hostile_parents_s45b.py): each script runs as a
// browser runs it, with the window as its global object. Sphinx 9's language_data.js
// sets window.Stemmer; Sphinx 8.0's assigns a global Stemmer (no "window."), which a
// page finds on its window too. Run in a function with a plain object for the window,
// as these helpers did, Sphinx 8.0's stemmer never reached the search, which then
// stemmed Spanish with its English stemmer: the tests read what no page did.
import { readFileSync } from "node:fs";
import vm from "node:vm";

// The window the given scripts leave (its crawlSearchIndex, its Stemmer), run in order.
export function pageWindow(...scripts) {
  const window = vm.createContext({});
  vm.runInContext("var window = globalThis, self = globalThis;", window);
  for (const script of scripts) vm.runInContext(readFileSync(script, "utf-8"), window, { filename: script });
  return window;
}
