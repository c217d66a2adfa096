/* The portal offline, the page's side (the worker: sw.js at the portal root, written by the build from
 * builder/portal/service_worker.js). After the page has loaded it registers the worker and asks it to
 * store this page's language; the footer then says what is stored and offers to remove it, or says a
 * new version is ready and switches to it. Where no worker can run (file://, old browsers) or none is
 * published (the preview of `builder serve`), the status stays hidden and the page is as it was. */
(function () {
  "use strict";
  var REMOVED = "ccd-offline-removed"; // localStorage: the reader removed the copy; do not store again
  var START_DELAY = 2000; // ms after load: the page and its first requests come first
  var box = document.querySelector("[data-ccd-offline]");
  var script = document.currentScript;
  var container = navigator.serviceWorker;
  if (!box || !script || !container || location.protocol === "file:") return;

  var texts = JSON.parse(box.getAttribute("data-ccd-offline"));
  var text = box.querySelector(".ccd-offline__text");
  var action = box.querySelector(".ccd-offline__action");
  var root = new URL("..", script.src).href; // this script is in the shared assets/ of the portal root
  var lang = document.documentElement.lang;
  var hadController = Boolean(container.controller);
  var waiting = null; // a new version's worker, stored and waiting for the reader
  var onAction = null;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function megabytes(bytes) {
    // the decimal mark of the language (Babel's, from the build): browsers' own data for Kazakh varies
    return format(texts.megabytes, { size: (bytes / 1e6).toFixed(1).replace(".", texts.decimal) });
  }

  // state: saving, stored, failed, removed, update; "none" (no worker here) keeps the box hidden
  function show(state, message, label, then) {
    box.setAttribute("data-state", state);
    box.hidden = state === "none";
    if (text.textContent !== message) text.textContent = message;
    action.hidden = !label;
    action.textContent = label || "";
    onAction = then || null;
  }

  action.addEventListener("click", function () {
    if (onAction) onAction();
  });

  function removed() {
    try { return localStorage.getItem(REMOVED) === "1"; } catch (error) { return false; }
  }

  function remember(isRemoved) {
    try {
      if (isRemoved) localStorage.setItem(REMOVED, "1");
      else localStorage.removeItem(REMOVED);
    } catch (error) { /* private browsing: the choice lasts for this page only */ }
  }

  function showUpdate(worker) {
    waiting = worker;
    show("update", texts.update_ready, texts.update, function () {
      action.disabled = true;
      worker.postMessage({ type: "activate" });
    });
  }

  function watch(registration) {
    if (registration.waiting && container.controller) showUpdate(registration.waiting);
    function follow(worker) {
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && container.controller) showUpdate(worker);
      });
    }
    follow(registration.installing);
    registration.addEventListener("updatefound", function () { follow(registration.installing); });
  }

  function onMessage(event) {
    var message = event.data || {};
    if (waiting) return; // the offer to switch stays until taken
    if (message.type === "progress" && message.lang === lang) {
      show("saving", format(texts.saving, { percent: Math.floor((100 * message.done) / message.total) }));
    } else if (message.type === "status") {
      if (message.saving && message.saving[lang]) return;
      if (message.languages.indexOf(lang) >= 0) show("stored", format(texts.ready, { size: megabytes(message.bytes) }), texts.remove, remove);
      else if (message.failed.indexOf(lang) >= 0) show("failed", texts.failed);
    } else if (message.type === "removed") {
      container.getRegistration(root).then(function (registration) {
        if (registration) registration.unregister();
      });
      show("removed", texts.removed, texts.enable, enable);
    }
  }

  function remove() {
    remember(true);
    action.disabled = true;
    container.ready.then(function (registration) {
      action.disabled = false;
      registration.active.postMessage({ type: "remove" });
    });
  }

  function enable() {
    remember(false);
    register();
  }

  function unpublished() {
    // no worker here: a worker a published build left on this address must not serve this site's pages
    container.getRegistration(root).then(function (registration) {
      if (!registration) return;
      registration.unregister().then(function () {
        if (container.controller) location.reload();
      });
    });
  }

  function register() {
    container.register(root + "sw.js", { scope: root }).then(function (registration) {
      watch(registration);
      return container.ready;
    }).then(function (registration) {
      registration.active.postMessage({ type: "store", lang: lang });
    }, function () {
      show("none", ""); // no worker published here, or offline before the first visit was stored
    });
  }

  function start() {
    container.addEventListener("message", onMessage);
    container.startMessages();
    container.addEventListener("controllerchange", function () {
      // a new version took over: show its pages, never this page with the next build's files
      if (hadController) location.reload();
      hadController = true;
    });
    if (removed()) {
      unpublished();
      show("removed", texts.removed, texts.enable, enable);
      return;
    }
    if (!container.controller) {
      register();
      return;
    }
    // a page a worker served: is one still published here? (a preview on the address of a published
    // build is not, and its worker would keep serving the build's pages)
    fetch(root + "sw.js", { method: "HEAD", cache: "no-store" }).then(function (response) {
      if (response.status !== 404) return register();
      show("none", "");
      unpublished();
    }, register); // offline: the worker registered before serves on
  }

  if (document.readyState === "complete") setTimeout(start, START_DELAY);
  else window.addEventListener("load", function () { setTimeout(start, START_DELAY); });
})();
