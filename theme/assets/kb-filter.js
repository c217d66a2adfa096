/* Type-to-filter for the online advisor's knowledge base (builder/blocks/kb_filter.py). No network. */
(function () {
  "use strict";
  function normalize(text) { return text.normalize("NFC").toLowerCase().replace(/ё/g, "е"); }

  function start(box) {
    var article = box.closest("article") || document.body;
    var input = box.querySelector("input");
    var status = box.querySelector(".ccd-kb-filter__status");
    var items = Array.prototype.slice.call(article.querySelectorAll("details"));
    var headings = Array.prototype.slice.call(article.querySelectorAll("h2"));
    var texts = items.map(function (item) { return normalize(item.textContent); });
    box.hidden = false;

    function apply() {
      var words = normalize(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item, i) {
        var match = words.every(function (word) { return texts[i].indexOf(word) >= 0; });
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
  }

  function init() { document.querySelectorAll(".ccd-kb-filter").forEach(start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
