/* Type-to-filter for the online advisor's knowledge base (builder/blocks/kb_filter.py). No network.
 * A question stays when each typed word is part of its text or shares a stem with one of its words,
 * stemmed as the portal's search stems (assets/search/language.js and the language's stemmer,
 * loaded from beside the search worker when the box is shown). */
(function () {
  "use strict";
  var WORD_SEPARATOR = /[^0-9a-zа-яёәғқңөұүһі]+/;

  function normalize(text) { return text.normalize("NFC").toLowerCase().replace(/ё/g, "е"); }

  // Loads the scripts one after another (each may need the one before) and calls done with the
  // language's word tools, or with null when a script cannot be loaded.
  function loadStemmer(done) {
    var config = document.getElementById("__config");
    if (!config) return done(null);
    var worker = JSON.parse(config.textContent).search;
    var folder = worker.replace(/[^/]*$/, "");
    var lang = document.documentElement.lang;
    function load(scripts, next) {
      if (!scripts.length) return next();
      var tag = document.createElement("script");
      tag.src = folder + scripts[0];
      tag.onload = function () { load(scripts.slice(1), next); };
      tag.onerror = function () { done(null); };
      document.head.appendChild(tag);
    }
    load(["language.js"], function () {
      load(window.ccdSearchLanguage.scripts(lang), function () { done(window.ccdSearchLanguage.tools(lang)); });
    });
  }

  function start(box) {
    var article = box.closest("article") || document.body;
    var input = box.querySelector("input");
    var status = box.querySelector(".ccd-kb-filter__status");
    var items = Array.prototype.slice.call(article.querySelectorAll("details"));
    var headings = Array.prototype.slice.call(article.querySelectorAll("h2"));
    var texts = items.map(function (item) { return normalize(item.textContent); });
    var stems = null; // per question, the stems of its words, once the stemmer is loaded
    var tools = null;
    box.hidden = false;

    function matches(word, i) {
      if (texts[i].indexOf(word) >= 0) return true;
      return stems !== null && tools.stem(word) in stems[i];
    }

    function apply() {
      var words = normalize(input.value).split(WORD_SEPARATOR).filter(Boolean);
      var shown = 0;
      items.forEach(function (item, i) {
        var match = words.every(function (word) { return matches(word, i); });
        item.hidden = !match;
        if (match) shown += 1;
        if (words.length && match) item.open = true;
        if (!words.length) item.open = false;
      });
      // a section heading stays only if one of its questions is shown
      headings.forEach(function (heading, h) {
        var next = headings[h + 1];
        var own = items.filter(function (item) {
          return heading.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING &&
            (!next || next.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_PRECEDING);
        });
        if (own.length) heading.hidden = own.every(function (item) { return item.hidden; });
      });
      status.textContent = !words.length ? "" : shown ? box.getAttribute("data-count").replace("{count}", shown)
        : box.getAttribute("data-none");
    }
    input.addEventListener("input", apply);
    loadStemmer(function (loaded) {
      if (!loaded) return;
      tools = loaded;
      stems = texts.map(function (text) {
        var own = Object.create(null);
        text.split(WORD_SEPARATOR).forEach(function (word) { if (word) own[tools.stem(word)] = true; });
        return own;
      });
      if (input.value) apply();
    });
  }

  function init() { document.querySelectorAll(".ccd-kb-filter").forEach(start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
