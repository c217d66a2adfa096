/* The portal's search worker: Material for MkDocs 9.8's search box and result list talk to it with
 * Material's worker messages (setup, ready, query, result), and it answers in Material's result shape.
 * It replaces Material's worker because that one appends a wildcard to every query word, and lunr
 * skips stemming for wildcard terms: an inflected Kazakh or Russian word found nothing.
 *
 * How a word travels (see ARCHITECTURE.md, "Search"):
 * - into the index: a document's title and text are split on the index's separator, lower-cased,
 *   and each word goes into two fields: `title`/`text` as written, `titleStem`/`textStem` as its
 *   stem (lunr.kk.js for Kazakh, lunr-languages' Snowball stemmer for Russian, lunr's Porter
 *   stemmer for English);
 * - from the box: each query word becomes three clauses — the word as written (the strongest), its
 *   stem against the stem fields, and the word as a beginning (trailing wildcard, the weakest), so
 *   results show while a word is being typed, an exact form ranks above a stem match, and a title
 *   above body text (the field boosts of the index's config).
 * Highlighting marks each word of a result whose stem or beginning matched. */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var EXACT_BOOST = 6, STEM_BOOST = 3, PREFIX_BOOST = 1;
  var HIGHLIGHTED_GROUPS = 20;
  // lunr's query syntax characters; a reader's "+" or "*" is not an operator here
  var QUERY_SYNTAX = /[*+~^:]/g;
  var BLOCK = /<(p|li|h[1-6]|dd|dt|td|th|pre|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/g;

  var engine = null;

  function scriptBase() {
    // Material runs workers in an iframe from file:// (its iframe-worker shim), where relative
    // script addresses resolve against the page, not the worker script.
    if (typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent) {
      var script = document.querySelector("script[src]");
      return script.src.replace(/[^/]*$/, "");
    }
    return "";
  }

  function loadLanguage(lang, done) {
    var base = scriptBase();
    function load(scripts, next) {
      var loaded = importScripts.apply(self, scripts.map(function (script) { return base + script; }));
      if (loaded && typeof loaded.then === "function") loaded.then(next); else next();
    }
    load(["language.js", "lunr.js"], function () {
      var stemmers = self.ccdSearchLanguage.scripts(lang).filter(function (script) { return script !== "lunr.js"; });
      load(stemmers, function () { done(self.ccdSearchLanguage.tools(lang)); });
    });
  }

  function decodeEntities(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, function (entity, name) {
      return { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", nbsp: " " }[name];
    });
  }

  function Engine(data, tools) {
    var config = data.config;
    this.separator = new RegExp(config.separator, "g");
    this.separatorKept = new RegExp("(" + config.separator + ")"); // splits keeping the separators
    this.tools = tools;
    this.options = data.options || {};
    this.documents = Object.create(null);
    this.index = this.build(data.docs, config.fields || {});
  }

  Engine.prototype.words = function (text) {
    var tools = this.tools;
    return decodeEntities(text.replace(/<[^>]*>/g, " ")).split(this.separator)
      .map(tools.normalize)
      .filter(function (word) { return word && !tools.isStopWord(word); });
  };

  Engine.prototype.build = function (docs, fields) {
    var engine = this, documents = this.documents;
    docs.forEach(function (doc) {
      var path = doc.location.split("#")[0];
      var article = documents[path];
      if (article && doc.location !== path) doc.parent = article;
      documents[doc.location] = doc;
    });
    return lunr(function () {
      var builder = this;
      builder.pipeline.reset();
      builder.searchPipeline.reset();
      builder.ref("location");
      ["title", "text"].forEach(function (field) {
        var boost = (fields[field] && fields[field].boost) || 1;
        builder.field(field, { boost: boost });
        builder.field(field + "Stem", { boost: boost });
      });
      docs.forEach(function (doc) {
        var title = engine.words(doc.title), text = engine.words(doc.text || "");
        builder.add({
          location: doc.location,
          title: title,
          text: text,
          titleStem: title.map(engine.tools.stem),
          textStem: text.map(engine.tools.stem),
        }, { boost: doc.boost || 1 });
      });
    });
  };

  // The query's words, once each; a stop word counts only as the last word, which may be the
  // beginning of another word being typed ("me" of "mediation").
  Engine.prototype.queryWords = function (query) {
    var tools = this.tools, seen = Object.create(null);
    var words = decodeEntities(query.replace(QUERY_SYNTAX, " ")).split(this.separator).map(tools.normalize);
    return words.filter(function (word, i) {
      if (!word || seen[word] || (tools.isStopWord(word) && i < words.length - 1)) return false;
      seen[word] = true;
      return true;
    });
  };

  Engine.prototype.search = function (query) {
    var engine = this, words = this.queryWords(query);
    if (!words.length) return { items: [] };
    var stems = words.map(this.tools.stem);
    var hits = this.index.query(function (q) {
      words.forEach(function (word, i) {
        q.term(word, { fields: ["title", "text"], boost: EXACT_BOOST, usePipeline: false });
        q.term(stems[i], { fields: ["titleStem", "textStem"], boost: STEM_BOOST, usePipeline: false });
        q.term(word, {
          fields: ["title", "text"], boost: PREFIX_BOOST, usePipeline: false,
          wildcard: lunr.Query.wildcard.TRAILING,
        });
      });
    });
    var items = hits.map(function (hit) {
      var doc = engine.documents[hit.ref];
      var terms = engine.matchedWords(words, stems, hit.matchData.metadata);
      var found = words.filter(function (word) { return terms[word]; }).length;
      // as Material ranks: a page's own entry above its sections, more query words above fewer
      var boost = (doc.parent ? 0 : 1) + found / words.length;
      return {
        location: doc.location,
        title: doc.title,
        text: doc.text || "",
        tags: doc.tags,
        parent: doc.parent,
        score: hit.score * (1 + boost * boost),
        terms: terms,
      };
    }).sort(function (a, b) { return b.score - a.score; });
    var groups = this.group(items);
    // Marking words is most of a query's cost; a reader sees the first pages of results (Material
    // lists ten at a time), so only those are marked.
    groups.slice(0, HIGHLIGHTED_GROUPS).forEach(function (group) {
      group.forEach(function (item) {
        item.title = engine.highlight(item.title, words, stems, true);
        item.text = engine.highlight(item.text, words, stems, false);
      });
    });
    return { items: groups, suggest: this.options.suggest ? this.suggest(words) : undefined };
  };

  // Which query words a result matched: as written, as a beginning, or by stem.
  Engine.prototype.matchedWords = function (words, stems, metadata) {
    var terms = {};
    words.forEach(function (word, i) {
      terms[word] = Object.keys(metadata).some(function (term) {
        var fields = metadata[term];
        return ((fields.title || fields.text) && term.indexOf(word) === 0) ||
          ((fields.titleStem || fields.textStem) && term === stems[i]);
      });
    });
    return terms;
  };

  // Results grouped by page, each group led by the page's own entry, in order of the best score.
  Engine.prototype.group = function (items) {
    var groups = [], byPage = Object.create(null), documents = this.documents;
    items.forEach(function (item) {
      var page = item.parent ? item.parent.location : item.location;
      if (!byPage[page]) groups.push(byPage[page] = []);
      byPage[page].push(item);
    });
    return groups.map(function (group) {
      var page = group[0].parent ? group[0].parent.location : group[0].location;
      var hasArticle = group.some(function (item) { return item.location === page; });
      if (!hasArticle) {
        var article = documents[page];
        group.push({ location: article.location, title: article.title, text: article.text,
          tags: article.tags, score: 0, terms: {} });
      }
      return group.map(function (item) { delete item.parent; return item; });
    });
  };

  Engine.prototype.matches = function (word, words, stems) {
    var form = this.tools.normalize(word);
    if (!form) return false;
    var stem = null;
    for (var i = 0; i < words.length; i++) {
      if (form.indexOf(words[i]) === 0) return true;
      if (stem === null) stem = this.tools.stem(form);
      if (stem === stems[i]) return true;
    }
    return false;
  };

  // Marks matched words in the text outside tags; for body text, keeps the first two blocks that
  // hold a match (as Material shows them), or the whole text when only the title matched.
  Engine.prototype.highlight = function (html, words, stems, full) {
    var engine = this, separator = this.separatorKept;
    function mark(fragment) {
      return fragment.split(/(<[^>]*>)/).map(function (part) {
        if (part.charAt(0) === "<") return part;
        return part.split(separator).map(function (piece, i) {
          if (i % 2 === 1 || !engine.matches(decodeEntities(piece), words, stems)) return piece;
          return "<mark>" + piece + "</mark>";
        }).join("");
      }).join("");
    }
    if (full) return mark(html);
    var blocks = [], match;
    BLOCK.lastIndex = 0;
    while ((match = BLOCK.exec(html)) && blocks.length < 2) {
      var marked = mark(match[2]);
      if (marked.indexOf("<mark>") >= 0) blocks.push("<p>" + marked + "</p>");
    }
    return blocks.length ? blocks.join("") : html;
  };

  // Material completes the last word in the box from the titles of the best match.
  Engine.prototype.suggest = function (words) {
    var titles = this.index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, {
          fields: ["title"], usePipeline: false, presence: lunr.Query.presence.REQUIRED,
          wildcard: lunr.Query.wildcard.TRAILING,
        });
      });
    });
    return titles.length ? Object.keys(titles[0].matchData.metadata) : [];
  };

  // A reader types faster than a long query runs: queries that arrive while one runs are not
  // answered one by one, only the last of them is (Material shows whichever result comes last).
  var pendingQuery = null;

  function answerLatestQuery() {
    var query = pendingQuery;
    pendingQuery = null;
    var data;
    try {
      data = engine.search(query);
    } catch (error) {
      // a query lunr cannot run: report it to the console, show no results
      self.console.warn("Search query failed: " + query, error);
      data = { items: [] };
    }
    self.postMessage({ type: RESULT, data: data });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      loadLanguage(message.data.config.lang[0], function (tools) {
        engine = new Engine(message.data, tools);
        self.postMessage({ type: READY });
      });
    } else if (message.type === QUERY) {
      if (pendingQuery === null) self.setTimeout(answerLatestQuery, 0);
      pendingQuery = message.data;
    } else {
      throw new TypeError("Unknown search message type: " + message.type);
    }
  });
})();
