// Runs the portal's search worker (theme/assets/search/worker.js) in Node, as Material's search box
// runs it in the browser: a setup message with the index, then one query message per query.
// Input on stdin (JSON): {folders: {search, lunr, material}, index: {config, docs}, queries: [..],
// burst: false}; output on stdout: the worker's answers, in order (with burst, the queries are sent
// at once and only the answers the worker gives are listed).
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const input = JSON.parse(fs.readFileSync(0, "utf-8"));
const { folders } = input;

function resolve(script) {
  if (script.startsWith("../javascripts/lunr/min/")) return path.join(folders.material, path.basename(script));
  if (script === "lunr.js") return folders.lunr;
  return path.join(folders.search, script);
}

const listeners = [];
let reply = null;
const context = {
  console,
  setTimeout,
  addEventListener: (type, listener) => listeners.push(listener),
  postMessage: (message) => reply(message),
  importScripts: (...scripts) => {
    for (const script of scripts) vm.runInContext(fs.readFileSync(resolve(script), "utf-8"), context, { filename: script });
  },
};
context.self = context;
vm.createContext(context);
context.importScripts("worker.js");

function send(message) {
  return new Promise((resolve) => {
    reply = resolve;
    for (const listener of listeners) listener({ data: message });
  });
}

(async () => {
  const ready = await send({ type: 0, data: { ...input.index, options: { suggest: true } } });
  if (ready.type !== 1) throw new Error("the worker did not answer the setup with ready");
  const results = [];
  if (input.burst) {
    // all queries at once, as keystrokes arrive while a query runs: collect every answer given
    reply = (message) => results.push(message.data);
    for (const query of input.queries) for (const listener of listeners) listener({ data: { type: 2, data: query } });
    await new Promise((resolve) => setTimeout(resolve, 50));
  } else {
    for (const query of input.queries) results.push((await send({ type: 2, data: query })).data);
  }
  process.stdout.write(JSON.stringify(results));
})();
