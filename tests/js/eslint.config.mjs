// ESLint for the package's scripts (nox -s lint): the recommended rules, for scripts
// that run in browsers without a bundler (a build ships terser's copies, static/min, with
// shortened names: output.shipped_bytes) and load as CommonJS in Node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  // A template, not a script: offline.py writes the file list in place of @FILES@.
  // terser's copies are checked against their sources instead (tests/js/minify.py).
  { ignores: ["sphinx_crawl/static/crawl-sw.js", "sphinx_crawl/static/min/**"] },
  js.configs.recommended,
  {
    files: ["sphinx_crawl/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        ...globals.browser,
        module: "readonly", // the factories' Node export (crawl-ages.js, crawl-search.js)
        Documentation: "readonly", // Sphinx's doctools.js
        Search: "readonly", // Sphinx's searchtools.js (its query waits for the entries)
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
