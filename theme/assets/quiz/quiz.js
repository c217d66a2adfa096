/* The quiz engine of the Cross-cultural Dialogue portal and packages: plain JavaScript, no network.
 *
 * Quizzes are rendered by builder/quiz/html.py. The page holds no plain answers: the engine hashes
 * the learner's normalised response with the quiz's salt and compares it with the hashes in the
 * payload. Results go to a tracker: the portal keeps them in local storage; an LMS package passes
 * its own tracker to CCDQuiz.start(tracker).
 */
(function () {
  "use strict";

  /* ---------- SHA-256 (crypto.subtle needs a secure context, which LMS pages often are not) ---------- */
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function sha256(text) {
    var bytes = Array.from(new TextEncoder().encode(text));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var shift = 56; shift >= 0; shift -= 8) bytes.push(shift >= 32 ? Math.floor(bitLength / Math.pow(2, shift)) & 0xff : (bitLength >>> shift) & 0xff);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var i = 0; i < 16; i++) {
        var j = offset + i * 4;
        w[i] = ((bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3]) >>> 0;
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + hh].map(function (x) { return x >>> 0; });
    }
    return h.map(function (x) { return ("00000000" + x.toString(16)).slice(-8); }).join("");
  }

  function answerHash(salt, value) { return sha256(salt + "|" + value).slice(0, 20); }

  /* Mirrors builder/quiz/answers.py normalize_answer. */
  var EDGE = /^[\s.,;:!?«»"'“”„()[\]]+|[\s.,;:!?«»"'“”„()[\]]+$/g;
  function normalizeAnswer(text) {
    return String(text).normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim().replace(EDGE, "");
  }

  function decodePayload(encoded) {
    var binary = atob(encoded);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /* A graded question's feedback travels sealed (builder/quiz/answers.py seal): XORed with a SHA-256
   * key stream, so it cannot be read in the page source before answering. Not a secret from someone
   * who runs this code by hand: a course that checks answers in the browser cannot have one. */
  function unseal(data, label, text) {
    if (!data.x || !text) return text;
    var binary = atob(text), bytes = new Uint8Array(binary.length), stream = "";
    for (var block = 0; stream.length < binary.length * 2; block++) stream += sha256(data.s + "|seal|" + label + "|" + block);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) ^ parseInt(stream.substr(i * 2, 2), 16);
    return new TextDecoder().decode(bytes);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return key in values ? values[key] : ""; });
  }

  /* ---------- the quiz types: one handler each (their Python side: builder/model/quiz/types/) ----------
   * read(quiz): the response in the form; isEmpty(response); write(quiz, response): show a stored response;
   * clear(quiz): a blank response; evaluate(data, response): right or not, by the payload's hashes (pure:
   * the page and LMS trackers use it); mark(quiz, result, response): what the reader sees after checking;
   * scorm(version, response): the response in SCORM 1.2 / 2004 interaction format. */
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  function checkedBoxes(quiz) {
    return Array.prototype.slice.call(quiz.form.querySelectorAll("input:checked"));
  }

  function clearInputs(quiz) {
    quiz.form.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (input) { input.checked = false; });
    quiz.form.querySelectorAll("input[type=text]").forEach(function (input) { input.value = ""; });
    quiz.form.querySelectorAll("select").forEach(function (select) { select.value = ""; });
  }

  /* Match and order: one hashed mark per pair or item, right when every one is. */
  function partsEvaluate(prefix) {
    return function (data, response) {
      var parts = data.m.map(function (mark, i) {
        return response[i] !== "" && answerHash(data.s, prefix + i + ":" + response[i]) === mark;
      });
      return { right: parts.every(Boolean), parts: parts };
    };
  }

  var CHOICE = {
    // options are shown shuffled: an input's value is the option's authored index
    read: function (quiz) { return checkedBoxes(quiz).map(function (i) { return Number(i.value); }); },
    isEmpty: function (response) { return response.length === 0; },
    write: function (quiz, response) {
      quiz.form.querySelectorAll("input").forEach(function (input) { input.checked = response.indexOf(Number(input.value)) >= 0; });
    },
    clear: clearInputs,
    evaluate: function (data, response) {
      var parts = data.m.map(function (mark, i) { return answerHash(data.s, "o" + i + ":1") === mark; });
      var right = answerHash(data.s, response.slice().sort(function (x, y) { return x - y; }).join(",")) === data.k;
      return { right: right, correctOptions: parts };
    },
    mark: function (quiz, result, response) {
      quiz.form.querySelectorAll(".ccd-quiz__option").forEach(function (row) {
        var i = Number(row.querySelector("input").value);
        var chosen = response.indexOf(i) >= 0;
        var box = row.querySelector(".ccd-quiz__option-feedback");
        row.classList.toggle("ccd-quiz__option--right", chosen && result.correctOptions[i]);
        row.classList.toggle("ccd-quiz__option--wrong", chosen && !result.correctOptions[i]);
        var text = unseal(quiz.data, "f" + i, quiz.data.f[i]);
        if (chosen && text) { box.textContent = text; box.hidden = false; }
      });
    },
    scorm: function (version, response) {
      return response.map(function (i) { return version === "1.2" ? LETTERS[i] : "o" + (i + 1); }).join(version === "1.2" ? "," : "[,]");
    }
  };

  var TYPES = {
    single: CHOICE,
    multiple: CHOICE,
    truefalse: {
      read: function (quiz) { var picked = quiz.form.querySelector("input:checked"); return picked ? picked.value : ""; },
      isEmpty: function (response) { return response.length === 0; },
      write: function (quiz, response) {
        quiz.form.querySelectorAll("input").forEach(function (input) { input.checked = input.value === response; });
      },
      clear: clearInputs,
      evaluate: function (data, response) { return { right: answerHash(data.s, String(response)) === data.k }; },
      mark: function () {},
      scorm: function (version, response) { return version === "1.2" ? (response === "true" ? "t" : "f") : response; }
    },
    text: {
      read: function (quiz) { return quiz.form.querySelector("input[type=text]").value; },
      isEmpty: function (response) { return normalizeAnswer(response) === ""; },
      write: function (quiz, response) { quiz.form.querySelector("input[type=text]").value = response; },
      clear: clearInputs,
      evaluate: function (data, response) { return { right: data.k.indexOf(answerHash(data.s, normalizeAnswer(response))) >= 0 }; },
      mark: function () {},
      scorm: function (version, response) { return String(response).slice(0, 250); }
    },
    match: {
      read: function (quiz) {
        return Array.prototype.slice.call(quiz.form.querySelectorAll("select")).map(function (s) { return s.value; });
      },
      isEmpty: function (response) { return response.some(function (value) { return value === ""; }); },
      write: function (quiz, response) {
        quiz.form.querySelectorAll("select").forEach(function (select, i) { select.value = response[i] || ""; });
      },
      clear: clearInputs,
      evaluate: partsEvaluate("m"),
      mark: function (quiz, result) {
        quiz.form.querySelectorAll(".ccd-quiz__pair").forEach(function (row, i) {
          row.classList.toggle("ccd-quiz__pair--right", result.parts[i]);
          row.classList.toggle("ccd-quiz__pair--wrong", !result.parts[i]);
          row.querySelector(".ccd-quiz__pair-mark").textContent = result.parts[i] ? "✓" : "✗";
        });
      },
      scorm: function (version, response) {
        var dot = version === "1.2" ? "." : "[.]";
        return response.map(function (pos, i) { return (i + 1) + dot + (version === "1.2" ? LETTERS[+pos] : "r" + (+pos + 1)); })
          .join(version === "1.2" ? "," : "[,]");
      }
    },
    order: {
      read: function (quiz) { return quiz.items().map(function (item) { return item.getAttribute("data-pos"); }); },
      isEmpty: function (response) { return response.length === 0; },
      write: function (quiz, response) {
        var list = quiz.form.querySelector(".ccd-quiz__items");
        var byPos = {};
        quiz.items().forEach(function (item) { byPos[item.getAttribute("data-pos")] = item; });
        response.forEach(function (pos) { if (byPos[pos]) list.appendChild(byPos[pos]); });
        quiz.refreshPositions();
      },
      clear: function (quiz) { TYPES.order.write(quiz, quiz.shownOrder); },  // from the order first shown
      evaluate: partsEvaluate("p"),
      mark: function (quiz, result) {
        quiz.items().forEach(function (item, i) {
          item.classList.toggle("ccd-quiz__item--right", result.parts[i]);
          item.classList.toggle("ccd-quiz__item--wrong", !result.parts[i]);
        });
      },
      scorm: function (version, response) {
        return response.map(function (pos) { return version === "1.2" ? LETTERS[+pos] : "i" + (+pos + 1); }).join(version === "1.2" ? "," : "[,]");
      }
    }
  };

  function evaluate(type, data, response) {
    return TYPES[type].evaluate(data, response);
  }

  /* ---------- the portal's tracker: local storage ---------- */
  var STORAGE_KEY = "ccd-progress-v1";

  function LocalStorageTracker(storage) {
    this.storage = storage || window.localStorage;
  }
  LocalStorageTracker.prototype.all = function () {
    try { return JSON.parse(this.storage.getItem(STORAGE_KEY)) || { pages: {} }; } catch (e) { return { pages: {} }; }
  };
  LocalStorageTracker.prototype.write = function (state) {
    try { this.storage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep going */ }
  };
  LocalStorageTracker.prototype.page = function () {
    return this.all().pages[location.pathname] || null;
  };
  LocalStorageTracker.prototype.load = function (quizId) {
    var page = this.page();
    return page && page.quizzes[quizId] || null;
  };
  LocalStorageTracker.prototype.save = function (quizId, record, context) {
    var state = this.all();
    var page = state.pages[location.pathname] || { quizzes: {} };
    page.title = context.title;
    page.total = context.total;
    page.quizzes[quizId] = record;
    state.pages[location.pathname] = page;
    this.write(state);
  };
  LocalStorageTracker.prototype.clear = function (quizId) {
    var state = this.all();
    var page = state.pages[location.pathname];
    if (page && page.quizzes[quizId]) { delete page.quizzes[quizId]; this.write(state); }
  };
  LocalStorageTracker.prototype.reset = function () {
    try { this.storage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  };

  /* ---------- one quiz on the page ---------- */
  function Quiz(form, tracker, onChange) {
    this.form = form;
    this.id = form.getAttribute("data-quiz");
    this.type = form.getAttribute("data-type");
    this.data = decodePayload(form.getAttribute("data-payload"));
    this.labels = JSON.parse(form.getAttribute("data-labels"));
    this.tracker = tracker;
    this.onChange = onChange;
    this.feedback = form.querySelector(".ccd-quiz__feedback");
    this.checkButton = form.querySelector(".ccd-quiz__check");
    this.retryButton = form.querySelector(".ccd-quiz__retry");
    this.result = null;
    form.querySelector(".ccd-quiz__controls").hidden = false;
    this.shownOrder = this.items().map(function (item) { return item.getAttribute("data-pos"); });
    if (this.type === "order") this.addMoveButtons();
    var self = this;
    form.addEventListener("submit", function (event) { event.preventDefault(); self.check(); });
    this.retryButton.addEventListener("click", function () { self.retry(); });
    var saved = tracker.load(this.id);
    if (saved && saved.response !== undefined) { this.setResponse(saved.response); this.check(true); }
  }

  Quiz.prototype.inputs = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll("input, select, .ccd-quiz__move"));
  };

  Quiz.prototype.items = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll(".ccd-quiz__item"));
  };

  Quiz.prototype.addMoveButtons = function () {
    var self = this;
    this.items().forEach(function (item) {
      var text = item.querySelector(".ccd-quiz__item-text").textContent;
      [["up", -1], ["down", 1]].forEach(function (spec) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "ccd-quiz__move ccd-quiz__move--" + spec[0];
        button.setAttribute("aria-label", self.labels["move_" + spec[0]] + ": " + text);
        button.textContent = spec[0] === "up" ? "↑" : "↓";
        button.addEventListener("click", function () { self.move(item, spec[1], button); });
        item.appendChild(button);
      });
    });
    this.refreshPositions();
  };

  Quiz.prototype.move = function (item, step, button) {
    var list = item.parentNode;
    var items = this.items();
    var index = items.indexOf(item);
    var target = index + step;
    if (target < 0 || target >= items.length) return;
    if (step < 0) list.insertBefore(item, items[target]); else list.insertBefore(items[target], item);
    this.refreshPositions();
    button.focus();
    this.feedback.textContent = format(this.labels.moved, {
      item: item.querySelector(".ccd-quiz__item-text").textContent, position: target + 1
    });
  };

  Quiz.prototype.refreshPositions = function () {
    var items = this.items();
    items.forEach(function (item, index) {
      item.querySelector(".ccd-quiz__move--up").disabled = index === 0;
      item.querySelector(".ccd-quiz__move--down").disabled = index === items.length - 1;
    });
  };

  Quiz.prototype.response = function () { return TYPES[this.type].read(this); };

  Quiz.prototype.isEmpty = function (response) { return TYPES[this.type].isEmpty(response); };

  Quiz.prototype.setResponse = function (response) { TYPES[this.type].write(this, response); };

  /* A new attempt starts from a blank response, and an order quiz from the order first shown. */
  Quiz.prototype.clearResponse = function () { TYPES[this.type].clear(this); };

  Quiz.prototype.check = function (restoring) {
    var response = this.response();
    if (this.isEmpty(response)) {
      this.feedback.textContent = this.labels.choose;
      return;
    }
    var result = evaluate(this.type, this.data, response);
    this.result = result;
    this.show(result, response);
    this.inputs().forEach(function (input) { input.disabled = true; });
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    if (!restoring) {
      this.tracker.save(this.id, { response: response, right: result.right, at: new Date().toISOString() }, this.context());
      this.retryButton.focus();
    }
    this.onChange();
  };

  Quiz.prototype.context = function () {
    var heading = document.querySelector("article h1, h1");
    return {
      title: heading ? heading.textContent.replace(/¶$/, "").trim() : document.title,
      total: document.querySelectorAll("form.ccd-quiz").length,
      type: this.type, data: this.data
    };
  };

  Quiz.prototype.show = function (result, response) {
    var form = this.form, labels = this.labels, data = this.data;
    var verdict = result.right ? labels.correct : labels.incorrect;
    if (!result.right && result.parts && result.parts.some(Boolean)) verdict = labels.partly;
    if (this.type === "multiple" && !result.right && response.some(function (i) { return result.correctOptions[i]; })) verdict = labels.partly;
    form.classList.toggle("ccd-quiz--right", result.right);
    form.classList.toggle("ccd-quiz--wrong", !result.right);
    TYPES[this.type].mark(this, result, response);
    this.feedback.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = verdict;
    this.feedback.appendChild(strong);
    var explanation = unseal(data, "e", data.e);
    if (explanation) this.feedback.appendChild(document.createTextNode(" " + explanation));
  };

  Quiz.prototype.retry = function () {
    var form = this.form;
    this.result = null;
    form.classList.remove("ccd-quiz--right", "ccd-quiz--wrong");
    this.inputs().forEach(function (input) { input.disabled = false; });
    this.clearResponse();
    form.querySelectorAll(".ccd-quiz__option-feedback").forEach(function (box) { box.hidden = true; box.textContent = ""; });
    form.querySelectorAll(".ccd-quiz__pair-mark").forEach(function (mark) { mark.textContent = ""; });
    form.querySelectorAll("[class*='--right'],[class*='--wrong']").forEach(function (el) {
      el.className = el.className.replace(/\s?ccd-quiz__\w+--(right|wrong)/g, "");
    });
    this.feedback.textContent = "";
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
    this.tracker.clear(this.id);
    this.onChange();
    var first = form.querySelector("input, select, .ccd-quiz__move:not([disabled])");
    if (first) first.focus();
  };

  /* ---------- the page: quizzes, their summary, the progress table ---------- */
  function updateSummary(quizzes) {
    var summary = document.querySelector(".ccd-quiz-summary");
    if (!summary) return;
    var answered = quizzes.filter(function (q) { return q.result; });
    var right = answered.filter(function (q) { return q.result.right; }).length;
    var total = quizzes.length;
    summary.querySelector(".ccd-quiz-summary__score").textContent = answered.length
      ? format(summary.getAttribute("data-template"), { right: right, total: total })
      : format(summary.getAttribute("data-template-none"), { total: total });
  }

  function renderProgress(container, tracker) {
    var status = container.querySelector(".ccd-progress__status");
    var table = container.querySelector(".ccd-progress__table");
    var body = table.querySelector("tbody");
    var totalLine = container.querySelector(".ccd-progress__total");
    var reset = container.querySelector(".ccd-progress__reset");
    var state = tracker.all();
    var paths = Object.keys(state.pages).filter(function (p) { return Object.keys(state.pages[p].quizzes).length; }).sort();
    body.textContent = "";
    var sumRight = 0, sumTotal = 0;
    paths.forEach(function (path) {
      var page = state.pages[path];
      var records = Object.keys(page.quizzes).map(function (id) { return page.quizzes[id]; });
      var right = records.filter(function (r) { return r.right; }).length;
      var last = records.map(function (r) { return r.at; }).sort().pop();
      sumRight += right; sumTotal += page.total;
      var row = document.createElement("tr");
      var cell = document.createElement("td");
      var link = document.createElement("a");
      link.href = path; link.textContent = page.title || path;
      cell.appendChild(link); row.appendChild(cell);
      cell = document.createElement("td");
      cell.textContent = format(container.getAttribute("data-summary"), { right: right, total: page.total });
      row.appendChild(cell);
      cell = document.createElement("td");
      var time = document.createElement("time");
      time.dateTime = last; time.textContent = new Date(last).toLocaleString(document.documentElement.lang);
      cell.appendChild(time); row.appendChild(cell);
      body.appendChild(row);
    });
    var any = paths.length > 0;
    table.hidden = !any;
    reset.hidden = !any;
    totalLine.hidden = !any;
    totalLine.textContent = any ? format(container.getAttribute("data-progress-total"), { right: sumRight, total: sumTotal }) : "";
    status.textContent = any ? "" : container.getAttribute("data-progress-empty");
  }

  function startProgress(tracker) {
    document.querySelectorAll(".ccd-progress").forEach(function (container) {
      renderProgress(container, tracker);
      container.querySelector(".ccd-progress__reset").addEventListener("click", function () {
        if (!window.confirm(container.getAttribute("data-progress-reset-confirm"))) return;
        tracker.reset();
        renderProgress(container, tracker);
        container.querySelector(".ccd-progress__status").textContent = container.getAttribute("data-progress-reset-done");
      });
    });
  }

  /* An LMS package starts its quizzes at once (its player reads the score right after); the portal starts
   * them a few at a time, yielding between batches: a chapter with many self-checks then never holds the
   * main thread long enough for a phone to feel frozen (a task over 50 ms delays the reader's first tap
   * and scroll). A quiz's buttons appear when it is started. */
  var STEP_BUDGET = 8; // ms of work per task when starting in steps
  function startQuizzes(tracker, inSteps) {
    var quizzes = [];
    var refresh = function () { updateSummary(quizzes); };
    var forms = Array.prototype.slice.call(document.querySelectorAll("form.ccd-quiz:not([data-started])"));
    function step() {
      var until = Date.now() + STEP_BUDGET;
      while (forms.length && (!inSteps || Date.now() < until)) {
        var form = forms.shift();
        form.setAttribute("data-started", "true");
        quizzes.push(new Quiz(form, tracker, refresh));
      }
      if (forms.length) {
        setTimeout(step, 0);
        return;
      }
      refresh();
      if (tracker.all) startProgress(tracker);
    }
    step();
    return quizzes;
  }

  function start(tracker) {
    return startQuizzes(tracker || new LocalStorageTracker(), false);
  }

  window.CCDQuiz = {
    start: start, evaluate: evaluate, TYPES: TYPES, sha256: sha256, answerHash: answerHash,
    normalizeAnswer: normalizeAnswer, decodePayload: decodePayload, LocalStorageTracker: LocalStorageTracker
  };

  // The portal starts by itself; an LMS package sets data-quiz-tracker="lms" on <html> and starts
  // the engine with its own tracker.
  function autoStart() {
    if (document.documentElement.getAttribute("data-quiz-tracker") !== "lms") startQuizzes(new LocalStorageTracker(), true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", autoStart); else autoStart();
})();
