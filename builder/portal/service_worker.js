// The portal's service worker, one for every language, at the portal root. builder/portal/service_worker.py
// writes it into each published build with the build's version and languages filled in; the precache
// list of each language (sw-precache-<lang>.json beside it) names every file the language needs, with
// its size and SHA-256. See ARCHITECTURE.md, "The portal offline".
//
// - A language is stored when one of its pages asks ("store"): the page's own language only, so a
//   reader downloads the language they read, and another one when they open it.
// - Caches are per version: ccd-offline-<version>-<lang> and ccd-offline-<version>-assets (the shared
//   assets, stored once). A worker answers from its own version's caches only, so a page and what it
//   loads always come from one build.
// - A new build's worker stores again every language the reader had, while the old worker keeps
//   serving; files whose digest is unchanged are copied from the old caches, not downloaded. Once
//   stored it waits; the page offers to switch ("activate"), and the old caches go on activation.
// - /admin/ (the editor) and downloads/ are never answered here: they go to the network as they are.
"use strict";

const VERSION = "__VERSION__";
const LANGUAGES = __LANGUAGES__; // language code -> its folder below the portal root ("" for the root)
const PREFIX = "ccd-offline-";
const SHARED = "assets/";
const BYPASSED = __BYPASSED__; // folders at the root the worker leaves alone
const COMPLETE = "__complete__"; // in a language's cache once all of it is stored: the list it stored
const PARALLEL = 4;

const scope = new URL(self.registration.scope);
const cacheName = (part, version = VERSION) => `${PREFIX}${version}-${part}`;
const ownCache = (name) => name.startsWith(`${PREFIX}${VERSION}-`);
const marker = (lang) => new URL(`${LANGUAGES[lang]}${COMPLETE}`, scope).href;
let generation = 0; // raised by "remove": a store under way stops writing
const storing = new Map(); // language -> its store under way, shared by every page that asks
const progress = new Map(); // language -> [bytes done, bytes in all]
const failed = new Set();

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // the languages the reader has stored, in any earlier version: store them again for this one
      const stored = await storedLanguages();
      for (const lang of stored) await storeLanguage(lang);
      if (!stored.length) await self.skipWaiting(); // nothing stored: no old copy to keep consistent
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !ownCache(name)) await caches.delete(name);
      }
      await self.clients.claim();
      await broadcast();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (BYPASSED.some((folder) => path.startsWith(folder))) return; // the network, as without a worker
  event.respondWith(answer(request, path));
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "store" && Object.hasOwn(LANGUAGES, message.lang)) {
    event.waitUntil(
      storeLanguage(message.lang).then(broadcast, () => {
        failed.add(message.lang);
        return broadcast();
      }),
    );
  } else if (message.type === "status") {
    event.waitUntil(broadcast());
  } else if (message.type === "remove") {
    generation += 1;
    event.waitUntil(removeAll().then(() => post({ type: "removed" })));
  } else if (message.type === "activate") {
    self.skipWaiting();
  }
});

async function answer(request, path) {
  const hit = await cached(request);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    // offline and not stored: a page of a stored language shows its "not found" page
    if (request.mode === "navigate") {
      const lang = languageOf(path);
      const notFound = await cached(new URL(`${LANGUAGES[lang]}404.html`, scope).href);
      if (notFound) return notFound;
    }
    throw error;
  }
}

async function cached(request) {
  for (const name of await caches.keys()) {
    if (!ownCache(name)) continue;
    // ignoreSearch: search results open pages as page/?h=word
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

function languageOf(path) {
  const folder = path.split("/")[0] + "/";
  return Object.keys(LANGUAGES).find((lang) => LANGUAGES[lang] === folder) ||
    Object.keys(LANGUAGES).find((lang) => LANGUAGES[lang] === "");
}

async function storedLanguages(version) {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || (version && !name.startsWith(`${PREFIX}${version}-`))) continue;
    const lang = name.slice(name.lastIndexOf("-") + 1);
    if (!Object.hasOwn(LANGUAGES, lang) || found.includes(lang)) continue;
    if (await (await caches.open(name)).match(marker(lang))) found.push(lang);
  }
  return found;
}

function storeLanguage(lang) {
  if (!storing.has(lang)) {
    const run = store(lang).finally(() => storing.delete(lang));
    storing.set(lang, run);
  }
  return storing.get(lang);
}

async function store(lang) {
  const started = generation;
  const own = await caches.open(cacheName(lang));
  if (await own.match(marker(lang))) return;
  failed.delete(lang);
  const response = await fetch(new URL(`sw-precache-${lang}.json`, scope), { cache: "no-store" });
  if (!response.ok) throw new Error(`no precache list for ${lang}: ${response.status}`);
  const list = await response.json();
  // a list of another build: this worker is outdated, the next one stores that build
  if (list.version !== VERSION) throw new Error(`the published build is ${list.version}, this worker ${VERSION}`);
  const shared = await caches.open(cacheName("assets"));
  const earlier = await earlierCopies();
  const queue = list.files.slice();
  let done = 0;
  let shown = -1;
  progress.set(lang, [0, list.bytes]);
  const worker = async () => {
    while (queue.length) {
      const [url, size, digest] = queue.shift();
      const target = url.startsWith(SHARED) ? shared : own;
      const address = new URL(url, scope).href;
      if (!(await target.match(address))) {
        const body = (await copyOf(earlier, address, digest)) || (await download(address, digest));
        if (generation !== started) throw new Error("removed while stored");
        await target.put(address, body);
      }
      done += size;
      progress.set(lang, [done, list.bytes]);
      const percent = Math.floor((100 * done) / list.bytes);
      if (percent !== shown) {
        shown = percent;
        await post({ type: "progress", version: VERSION, lang, done, total: list.bytes });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (generation !== started) throw new Error("removed while stored");
    await own.put(marker(lang), new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
  } finally {
    progress.delete(lang);
  }
}

async function download(address, digest) {
  // no-cache: the HTTP cache may hold the file of an earlier build; the digest proves the build
  const response = await fetch(address, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${address}: ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== digest) throw new Error(`${address} is not the file of build ${VERSION}`);
  return new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") || "" } });
}

async function earlierCopies() {
  // every file the caches of earlier versions hold, with its digest (from their stored lists)
  const copies = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || ownCache(name)) continue;
    const version = name.slice(PREFIX.length, name.lastIndexOf("-"));
    const lang = name.slice(name.lastIndexOf("-") + 1);
    if (!Object.hasOwn(LANGUAGES, lang)) continue;
    const complete = await (await caches.open(name)).match(marker(lang));
    if (!complete) continue;
    for (const [url, , digest] of (await complete.json()).files) {
      const from = url.startsWith(SHARED) ? cacheName("assets", version) : name;
      copies.set(`${new URL(url, scope).href} ${digest}`, from);
    }
  }
  return copies;
}

async function copyOf(earlier, address, digest) {
  const from = earlier.get(`${address} ${digest}`);
  if (!from) return undefined;
  const hit = await (await caches.open(from)).match(address);
  return hit ? new Response(await hit.arrayBuffer(), { headers: hit.headers }) : undefined;
}

async function sha256(body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function removeAll() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX)) await caches.delete(name);
  }
}

async function status() {
  // what this version holds: the languages stored completely, and their files' bytes counted once
  const languages = await storedLanguages(VERSION);
  const sizes = new Map();
  for (const lang of languages) {
    const list = await (await (await caches.open(cacheName(lang))).match(marker(lang))).json();
    for (const [url, size] of list.files) sizes.set(url, size);
  }
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return {
    type: "status",
    version: VERSION,
    languages,
    bytes,
    saving: Object.fromEntries(progress),
    failed: [...failed],
  };
}

async function post(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

async function broadcast() {
  await post(await status());
}
