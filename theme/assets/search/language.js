/* One language's word handling for search and the advisor's filter: which scripts hold its stemmer
 * (relative to this folder) and, once they are loaded, how a word is normalised, stemmed and
 * recognised as a stop word. Shared by the search worker (worker.js) and the page's filter
 * (kb-filter.js), so both match the same word forms.
 *
 * Adding a language: list its scripts here (a lunr-languages pack that Material ships, or a
 * lunr.<code>.js of our own beside this file defining self.ccdStemmers.<code>) and its branch in
 * tools(); the builder keeps Material's packs named in MATERIAL_LANGUAGE_PACKS
 * (builder/portal/plugin/assets.py). */
(function () {
  "use strict";

  var SCRIPTS = {
    kk: ["lunr.kk.js"],
    ru: ["lunr.js", "../javascripts/lunr/min/lunr.stemmer.support.min.js", "../javascripts/lunr/min/lunr.ru.min.js"],
    en: ["lunr.js"],
  };

  function normalize(word) {
    return word.normalize("NFC").toLowerCase().replace(/ё/g, "е");
  }

  function lunrTools(stemmer, stopWordFilter) {
    return {
      stem: function (word) { return stemmer(new lunr.Token(word)).toString(); },
      isStopWord: function (word) { return !stopWordFilter(new lunr.Token(word)); },
    };
  }

  // The language's functions, with each word's stem remembered (texts repeat their words).
  function tools(lang) {
    var own;
    if (lang === "kk") own = { stem: self.ccdStemmers.kk, isStopWord: function () { return false; } };
    else if (lang === "ru") own = lunrTools(lunr.ru.stemmer, lunr.ru.stopWordFilter);
    else own = lunrTools(lunr.stemmer, lunr.stopWordFilter);
    var stems = Object.create(null);
    return {
      normalize: normalize,
      isStopWord: own.isStopWord,
      stem: function (word) {
        if (!(word in stems)) stems[word] = own.stem(word);
        return stems[word];
      },
    };
  }

  self.ccdSearchLanguage = {
    scripts: function (lang) { return SCRIPTS[lang] || SCRIPTS.en; },
    tools: tools,
  };
})();
