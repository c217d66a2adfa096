/* The LMS runtime of a course package: finds the SCORM API, reports to it, never loses an answer.
 *
 * One file for both versions; the package sets CCD_COURSE.scorm to "1.2" or "2004" and only that
 * version's API object and data model elements are used. Without an LMS the course runs standalone
 * with local storage (the player says so).
 */
(function () {
  "use strict";

  var MAX_SEARCH = 500;

  /* The standard search: this window and its parents, then the opener and its parents. */
  function findIn(win, name) {
    var tries = 0;
    while (win && tries < MAX_SEARCH) {
      try { if (win[name]) return win[name]; } catch (e) { /* another origin: keep climbing */ }
      if (win.parent === win) break;
      win = win.parent;
      tries += 1;
    }
    return null;
  }

  function findAPI(name) {
    var api = findIn(window, name);
    if (!api) {
      try { if (window.opener) api = findIn(window.opener, name); } catch (e) { api = null; }
    }
    return api;
  }

  /* Each version's names for the same ideas. */
  var MODELS = {
    "1.2": {
      apiName: "API",
      call: { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError", errorText: "LMSGetErrorString" },
      status: "cmi.core.lesson_status", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time", raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
      language: "cmi.student_preference.language", mode: "cmi.core.lesson_mode", entry: "cmi.core.entry",
      response: "student_response", suspendLimit: 4096
    },
    "2004": {
      apiName: "API_1484_11",
      call: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError", errorText: "GetErrorString" },
      status: "cmi.completion_status", success: "cmi.success_status", location: "cmi.location", exit: "cmi.exit",
      sessionTime: "cmi.session_time", raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", scaled: "cmi.score.scaled",
      language: "cmi.learner_preference.language", mode: "cmi.mode", entry: "cmi.entry",
      response: "learner_response", suspendLimit: 64000
    }
  };

  function pad(number, width) { var s = String(number); while (s.length < width) s = "0" + s; return s; }

  /* 1.2: HHHH:MM:SS.SS; 2004: an ISO 8601 duration. */
  function sessionTime(version, milliseconds) {
    var centis = Math.round(milliseconds / 10);
    var hours = Math.floor(centis / 360000), minutes = Math.floor(centis / 6000) % 60, seconds = (centis % 6000) / 100;
    if (version === "1.2") return pad(Math.min(hours, 9999), 4) + ":" + pad(minutes, 2) + ":" + (seconds < 10 ? "0" : "") + seconds.toFixed(2);
    return "PT" + hours + "H" + minutes + "M" + seconds.toFixed(2).replace(/\.?0+$/, "") + "S";
  }

  function timestamp(version) {
    var iso = new Date().toISOString().slice(0, 19);
    return version === "1.2" ? iso.slice(11) : iso;
  }

  /* ---------- the connection ---------- */
  function Connection(version) {
    this.version = version;
    this.model = MODELS[version];
    this.api = findAPI(this.model.apiName);
    this.started = Date.now();
    this.pending = {};      // element -> value not yet accepted by a successful commit
    this.order = [];
    this.errors = [];
    this.open = false;
  }

  Connection.prototype.invoke = function (name, args) {
    var api = this.api;
    var result = api[this.model.call[name]].apply(api, args);
    var code = String(api[this.model.call.error]() || "0");
    if (code !== "0") {
      var text;
      try { text = api[this.model.call.errorText](code); } catch (e) { text = ""; }
      this.errors.push(name + " " + (args[0] || "") + ": " + code + " " + text);
    }
    return { value: result, ok: code === "0" && String(result) !== "false" };
  };

  Connection.prototype.start = function () {
    if (!this.api) return false;
    this.open = this.invoke("init", [""]).ok;
    return this.open;
  };

  Connection.prototype.get = function (element) {
    if (!this.open) return "";
    var outcome = this.invoke("get", [element]);
    return outcome.ok ? String(outcome.value) : "";
  };

  /* Values are kept until a commit succeeds, so a failed commit loses nothing: the next one sends them again. */
  Connection.prototype.set = function (element, value) {
    value = String(value);
    if (!(element in this.pending)) this.order.push(element);
    this.pending[element] = value;
    if (this.open) this.invoke("set", [element, value]);
  };

  Connection.prototype.commit = function () {
    if (!this.open) return false;
    var self = this;
    // send again whatever the LMS may have dropped with a failed commit
    this.order.forEach(function (element) { self.invoke("set", [element, self.pending[element]]); });
    var ok = this.invoke("commit", [""]).ok;
    if (ok) { this.pending = {}; this.order = []; }
    return ok;
  };

  Connection.prototype.finish = function () {
    if (!this.open) return;
    this.set(this.model.sessionTime, sessionTime(this.version, Date.now() - this.started));
    this.commit();
    this.invoke("finish", [""]);
    this.open = false;
  };

  /* ---------- the tracker the quiz engine talks to ---------- */
  var STATUS_RANK = { "not attempted": 0, "unknown": 0, "browsed": 1, "incomplete": 1, "completed": 2, "failed": 2, "passed": 3 };

  function LmsTracker(course, connection, onChange) {
    this.course = course;             // CCD_COURSE: graded quizzes, pass mark, interactions meta
    this.connection = connection;
    this.onChange = onChange || function () {};
    this.state = { l: "", p: 0, a: {} }; // language, page, answers by quiz index; b: best finished score
    this.quizIndex = {};
    var self = this;
    course.quizzes.forEach(function (quiz, index) { self.quizIndex[quiz.id] = index; });
    this.interactionCount = 0;
  }

  LmsTracker.prototype.restore = function () {
    var c = this.connection, m = c.model;
    var raw = c.get("cmi.suspend_data");
    if (raw) {
      try { var saved = JSON.parse(raw); if (saved && saved.a) this.state = saved; } catch (e) { /* start afresh */ }
    }
    var count = parseInt(c.get("cmi.interactions._count"), 10);
    this.interactionCount = isNaN(count) ? 0 : count;
    var status = c.get(m.status);
    if (!STATUS_RANK[status]) c.set(m.status, "incomplete");
    c.set(m.exit, "suspend");
    c.commit();
    return { page: this.state.p, location: c.get(m.location) };
  };

  LmsTracker.prototype.load = function (quizId) {
    var record = this.state.a[this.quizIndex[quizId]];
    return record ? { response: record[0], right: !!record[1] } : null;
  };

  LmsTracker.prototype.clear = function (quizId) {
    delete this.state.a[this.quizIndex[quizId]];
    this.saveState();
  };

  LmsTracker.prototype.save = function (quizId, record) {
    var index = this.quizIndex[quizId];
    this.state.a[index] = [record.response, record.right ? 1 : 0];
    var quiz = this.course.quizzes[index];
    if (quiz.graded) this.recordInteraction(quiz, record);
    this.report();
    this.saveState();
    this.onChange();
  };

  LmsTracker.prototype.saveState = function () {
    var text = JSON.stringify(this.state);
    if (text.length <= this.connection.model.suspendLimit) this.connection.set("cmi.suspend_data", text);
    this.connection.commit();
  };

  LmsTracker.prototype.bookmark = function (page, anchor, language) {
    this.state.p = page;
    this.state.l = language;
    this.connection.set(this.connection.model.location, anchor);
    this.saveState();
  };

  LmsTracker.prototype.recordInteraction = function (quiz, record) {
    var c = this.connection, m = c.model, v = c.version;
    var n = "cmi.interactions." + this.interactionCount + ".";
    this.interactionCount += 1;
    c.set(n + "id", quiz.id);
    c.set(n + "type", quiz.interaction);
    c.set(n + m.response, formatResponse(v, quiz, record.response));
    c.set(n + "result", record.right ? "correct" : (v === "1.2" ? "wrong" : "incorrect"));
    c.set(n + (v === "1.2" ? "time" : "timestamp"), timestamp(v));
    if (v === "2004") {
      c.set(n + "correct_responses.0.pattern", quiz.pattern);
      c.set(n + "description", quiz.description.slice(0, 250));
    }
  };

  /* Score and success are reported once every graded question is answered, never before: an LMS
   * turns a reported partial score into "failed" (Moodle's 1.2 player applies the mastery score to it
   * when the learner leaves; in 2004 the scaled passing score does the same), so an unfinished attempt
   * reports none and stays "incomplete". A retry never lowers the best finished score of the attempt. */
  LmsTracker.prototype.report = function () {
    var c = this.connection, m = c.model, course = this.course, self = this;
    var graded = course.quizzes.filter(function (quiz) { return quiz.graded; });
    var answered = graded.filter(function (quiz) { return self.state.a[self.quizIndex[quiz.id]]; });
    if (!graded.length || answered.length < graded.length) return;
    var right = answered.filter(function (quiz) { return self.state.a[self.quizIndex[quiz.id]][1]; }).length;
    var score = Math.max(Math.round((right / graded.length) * 100), this.state.b || 0);
    this.state.b = score;
    var passed = score >= course.passMark;
    c.set(m.min, 0);
    c.set(m.max, 100);
    c.set(m.raw, score);
    if (c.version === "2004") {
      c.set(m.scaled, (score / 100).toFixed(2));
      c.set(m.status, "completed");
      c.set(m.success, passed ? "passed" : "failed");
    } else {
      c.set(m.status, passed ? "passed" : "failed");
    }
  };

  /* Interaction responses in each version's format (SCORM 1.2 RTE 3.4.2.4, SCORM 2004 RTE 4.2.9): each quiz
   * type's handler in the quiz engine (theme/assets/quiz/quiz.js) knows its own. */
  function formatResponse(version, quiz, response) {
    return window.CCDQuiz.TYPES[quiz.type].scorm(version, response);
  }

  /* ---------- standalone: no LMS found, results stay in this browser ---------- */
  function LocalTracker(course, onChange) {
    this.course = course;
    this.onChange = onChange || function () {};
    this.key = "ccd-course-" + course.id + "-" + course.scorm;
    this.quizIndex = {};
    var self = this;
    course.quizzes.forEach(function (quiz, index) { self.quizIndex[quiz.id] = index; });
    this.state = { l: "", p: 0, a: {} };
    try { var saved = JSON.parse(window.localStorage.getItem(this.key)); if (saved && saved.a) this.state = saved; } catch (e) { /* none */ }
  }
  LocalTracker.prototype.load = LmsTracker.prototype.load;
  LocalTracker.prototype.saveState = function () {
    try { window.localStorage.setItem(this.key, JSON.stringify(this.state)); } catch (e) { /* private mode */ }
  };
  LocalTracker.prototype.clear = function (quizId) { delete this.state.a[this.quizIndex[quizId]]; this.saveState(); };
  LocalTracker.prototype.save = function (quizId, record) {
    this.state.a[this.quizIndex[quizId]] = [record.response, record.right ? 1 : 0];
    this.saveState();
    this.onChange();
  };
  LocalTracker.prototype.bookmark = function (page, anchor, language) { this.state.p = page; this.state.l = language; this.saveState(); };

  window.CCDRuntime = {
    findAPI: findAPI, sessionTime: sessionTime, formatResponse: formatResponse,
    Connection: Connection, LmsTracker: LmsTracker, LocalTracker: LocalTracker, MODELS: MODELS
  };
})();
