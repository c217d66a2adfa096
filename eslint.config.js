// ESLint for the JavaScript the portal and the LMS packages ship: plain browser scripts with no build
// step, in ES5 syntax (LMS pages may run in old browsers), so a script may use only what it declares.
// Run: `npx eslint` (tests/test_lint.py runs it too).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    // built copies of the scripts, the tools, and the hidden folders (a build's staging folders, caches)
    ignores: ["site/", "site.*/", "dist/", "dist.*/", ".*/", "tests/"],
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
    ...js.configs.recommended,
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
