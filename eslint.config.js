// ESLint for the JavaScript the portal and the LMS packages ship: plain browser scripts with no build
// step, in ES5 syntax (LMS pages may run in old browsers), so a script may use only what it declares.
// Run: `npx eslint` (tests/test_lint.py runs it too).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    // built copies of the scripts, the tools, and the hidden folders (a build's staging folders, caches)
    // and third-party code vendored as published (theme/assets/vendor/)
    ignores: ["site/", "site.*/", "dist/", "dist.*/", ".*/", "tests/", "theme/assets/vendor/"],
  },
  {
    ...js.configs.recommended,
    files: ["theme/assets/**/*.js", "scorm/player/*.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // typed arrays came to browsers before ES2015 made them part of the language
        Uint8Array: "readonly",
        // the objects the scripts hand each other: quiz.js defines CCDQuiz, runtime.js CCDRuntime
        CCDQuiz: "readonly",
        CCDRuntime: "readonly",
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      // ES5 has no `catch {}` without a binding
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
  {
    // the search worker and its stemmers run in a Web Worker (or Material's iframe stand-in for one
    // on file://) and in pages, beside lunr
    files: ["theme/assets/search/*.js"],
    languageOptions: { globals: { ...globals.worker, lunr: "readonly" } },
  },
  {
    // the editor's start-up script (/admin/, builder/outputs/cms/): it runs beside Decap CMS, which needs a
    // recent browser anyway, so later syntax is allowed
    ...js.configs.recommended,
    files: ["builder/outputs/cms/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: globals.browser },
  },
  {
    // the portal's service worker (the build writes it into the site as sw.js, filling in the
    // placeholders): service workers exist only in recent browsers, so later syntax is allowed
    ...js.configs.recommended,
    files: ["builder/portal/service_worker.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.serviceworker, __LANGUAGES__: "readonly", __BYPASSED__: "readonly" },
    },
  },
  {
    ...js.configs.recommended,
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
