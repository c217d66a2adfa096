// Runs before Decap CMS (admin/index.html loads it first) and starts Decap once its bundle has loaded.
//
// 1. The page format "ccd-page": a page's front matter is read line by line and written back the same
//    way; a key whose value the form did not change keeps its line byte for byte, and the body is
//    never touched (admonitions, quiz blocks and other fences survive an edit). Decap's own YAML
//    writer would unquote `time: "15:00"` (a sexagesimal number for the builder's YAML 1.1 reader) and
//    fold long descriptions.
// 2. "ccd-whole-file": a file (content/nav.yml) edited as one text.
// 3. The layout: Decap's i18n structure multiple_folders wants the language folder right above the
//    file (content/<section>/<lang>/<file>); the content has content/<lang>/<section>/<file>. Every
//    backend is wrapped so Decap sees its layout and the repository keeps its own.
"use strict";

window.CMS_MANUAL_INIT = true;

(function () {
  var FILE_NAME_FIELD = "file_name"; // names a new page's file (builder/outputs/cms_config.py), never written
  var WRAPPED_BACKENDS = ["github", "proxy"]; // production, and local_backend (decap-server)
  var DELIMITER = "---";

  // ---- the page format ------------------------------------------------------------------------------
  // key + NUL + JSON of a value -> a front-matter line that wrote that value (any such line is right)
  var linesRead = new Map();

  function lineKey(key, value) {
    return key + "\u0000" + JSON.stringify(value);
  }

  function parseScalar(text) {
    var value = text.trim();
    if (value.charAt(0) === '"') {
      return JSON.parse(value);
    }
    if (value.charAt(0) === "'") {
      if (value.length < 2 || value.charAt(value.length - 1) !== "'") {
        throw new Error("unclosed quote");
      }
      return value.slice(1, -1).replace(/''/g, "'");
    }
    value = value.replace(/\s+#.*$/, "");
    if (value === "" || value === "~" || value === "null") {
      return null;
    }
    if (value === "true" || value === "false") {
      return value === "true";
    }
    if (/^[-+]?\d+$/.test(value)) {
      return Number(value);
    }
    if (/^[[{&*!|>%@`]/.test(value)) {
      throw new Error("only plain and quoted values are read here");
    }
    return value; // dates (YYYY-MM-DD) stay text: the date widget reads and writes text
  }

  function splitPage(content) {
    var lines = content.split("\n");
    if (lines[0].replace(/\s+$/, "") !== DELIMITER) {
      return { front: [], body: content };
    }
    for (var i = 1; i < lines.length; i += 1) {
      if (lines[i].replace(/\s+$/, "") === DELIMITER) {
        return { front: lines.slice(1, i), body: lines.slice(i + 1).join("\n") };
      }
    }
    throw new Error("the front matter is not closed by a '---' line");
  }

  var pageFormat = {
    fromFile: function (content) {
      var page = splitPage(content);
      var data = {};
      page.front.forEach(function (line, index) {
        if (!line.trim() || /^\s*#/.test(line)) {
          return;
        }
        var match = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
        var value;
        try {
          if (!match) {
            throw new Error("not a 'key: value' line");
          }
          value = parseScalar(match[2] || "");
        } catch (problem) {
          throw new Error(
            "front matter line " + (index + 2) + " (" + line + "): " + problem.message +
              "; edit this page in a text editor",
            { cause: problem }
          );
        }
        data[match[1]] = value;
        linesRead.set(lineKey(match[1], value), line);
      });
      if (page.body.trim()) {
        data.body = page.body;
      }
      return data;
    },

    toFile: function (data, sortedKeys) {
      var order = sortedKeys || [];
      var keys = Object.keys(data).filter(function (key) {
        var value = data[key];
        return key !== "body" && key !== FILE_NAME_FIELD && value !== null && value !== undefined && value !== "";
      });
      keys.sort(function (a, b) {
        var first = order.indexOf(a) === -1 ? order.length : order.indexOf(a);
        var second = order.indexOf(b) === -1 ? order.length : order.indexOf(b);
        return first - second || keys.indexOf(a) - keys.indexOf(b);
      });
      var front = keys.map(function (key) {
        return linesRead.get(lineKey(key, data[key])) || writeLine(key, data[key]);
      });
      return [DELIMITER].concat(front, [DELIMITER]).join("\n") + "\n" + (data.body || "");
    },
  };

  function writeLine(key, value) {
    if (typeof value === "boolean" || typeof value === "number") {
      return key + ": " + String(value);
    }
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return key + ": " + value; // unquoted: the builder reads it as a date
    }
    if (typeof value !== "string") {
      throw new Error("'" + key + "' can only be text, a number, true or false here");
    }
    // JSON's string syntax is YAML's double-quoted style: safe for any text, in YAML 1.1 and 1.2
    return key + ": " + JSON.stringify(value);
  }

  var wholeFileFormat = {
    fromFile: function (content) {
      return { text: content };
    },
    toFile: function (data) {
      return data.text || "";
    },
  };

  // ---- the layout -----------------------------------------------------------------------------------
  // repository content/<lang>/<section…>/<file>  <->  Decap content/<section…>/<lang>/<file>
  function editorPath(path, locales) {
    var parts = path.split("/");
    if (parts[0] !== "content" || parts.length < 4 || locales.indexOf(parts[1]) === -1) {
      return path;
    }
    return ["content"].concat(parts.slice(2, -1), [parts[1]], parts.slice(-1)).join("/");
  }

  function repositoryPath(path, locales) {
    var parts = path.split("/");
    if (parts[0] !== "content" || parts.length < 4 || locales.indexOf(parts[parts.length - 2]) === -1) {
      return path;
    }
    return ["content", parts[parts.length - 2]].concat(parts.slice(1, -2), parts.slice(-1)).join("/");
  }

  function isPlain(value) {
    return Array.isArray(value) || (value !== null && Object.getPrototypeOf(value) === Object.prototype);
  }

  // every `path` and `newPath` in plain objects and arrays (and, in arguments, every string) mapped
  function mapPaths(value, map, strings) {
    if (typeof value === "string") {
      return strings ? map(value) : value;
    }
    if (!value || typeof value !== "object" || !isPlain(value)) {
      return value;
    }
    var copy;
    if (Array.isArray(value)) {
      copy = value.map(function (item) {
        return mapPaths(item, map, strings);
      });
    } else {
      copy = {};
      Object.keys(value).forEach(function (key) {
        var item = value[key];
        copy[key] =
          (key === "path" || key === "newPath") && typeof item === "string" ? map(item) : mapPaths(item, map, strings);
      });
    }
    Object.getOwnPropertySymbols(value).forEach(function (symbol) {
      copy[symbol] = value[symbol]; // e.g. the cursor Decap keeps on a list of entries
    });
    return copy;
  }

  function wrapBackend(backend, locales) {
    function toRepository(value) {
      return mapPaths(value, function (path) {
        return repositoryPath(path, locales);
      }, true);
    }
    function toEditor(value) {
      return mapPaths(value, function (path) {
        return editorPath(path, locales);
      }, false);
    }
    // a folder of pages (content or content/<section…>) is one folder per language in the repository
    function byLanguage(method) {
      return function (folder, extension, depth, pathRegex) {
        var section = folder.split("/").slice(1).join("/");
        return Promise.all(
          locales.map(function (locale) {
            var real = "content/" + locale + (section ? "/" + section : "");
            return method.call(backend, real, extension, depth - 1).catch(function () {
              return []; // a language folder without this section
            });
          })
        ).then(function (lists) {
          var entries = toEditor([].concat.apply([], lists));
          if (pathRegex) {
            entries = entries.filter(function (entry) {
              return pathRegex.test(entry.file.path);
            });
          }
          Object.getOwnPropertySymbols(lists[0] || []).forEach(function (symbol) {
            entries[symbol] = lists[0][symbol];
          });
          return entries;
        });
      };
    }
    return new Proxy(backend, {
      get: function (target, property) {
        var value = target[property];
        if (typeof value !== "function" || property === "constructor") {
          return value;
        }
        if (property === "entriesByFolder" || property === "allEntriesByFolder") {
          return function (folder, extension, depth, pathRegex) {
            if (!/^content(\/|$)/.test(folder)) {
              return value.apply(target, arguments).then(toEditor);
            }
            return byLanguage(value)(folder, extension, depth, pathRegex);
          };
        }
        return function () {
          var result = value.apply(target, toRepository(Array.prototype.slice.call(arguments)));
          return result && typeof result.then === "function" ? result.then(toEditor) : toEditor(result);
        };
      },
    });
  }

  function start() {
    var CMS = window.CMS;
    CMS.registerCustomFormat("ccd-page", "md", pageFormat);
    CMS.registerCustomFormat("ccd-whole-file", "yml", wholeFileFormat);
    WRAPPED_BACKENDS.forEach(function (name) {
      var registered = CMS.getBackend(name);
      if (!registered) {
        return;
      }
      var init = registered.init;
      registered.init = function (config, options) {
        var locales = (config.i18n && config.i18n.locales) || [];
        return wrapBackend(init(config, options), locales);
      };
    });
    CMS.init();
  }

  window.CCDEditor = { pageFormat: pageFormat, editorPath: editorPath, repositoryPath: repositoryPath };
  window.addEventListener("DOMContentLoaded", start);
})();
