/* The course player: table of contents, previous/next, progress, language switch, and the start of
 * the quiz engine with the LMS tracker (or local storage when no LMS is found). */
(function () {
  "use strict";
  var course = JSON.parse(document.getElementById("ccd-course").textContent);
  var connection = new CCDRuntime.Connection(course.scorm);
  var standalone = !connection.start();
  var tracker;
  var current = { lang: null, page: 0 };

  function pagesOf(lang) { return Array.prototype.slice.call(document.querySelectorAll("section.ccd-page[data-lang='" + lang + "']")); }

  /* Learner preference, else the LMS page's language (when it lets us look), else the browser's, else Kazakh. */
  function chooseLanguage(saved) {
    var offered = course.languages;
    function pick(value) {
      if (!value) return null;
      var code = String(value).toLowerCase().slice(0, 2);
      return offered.indexOf(code) >= 0 ? code : null;
    }
    if (pick(saved)) return pick(saved);
    if (!standalone) {
      var preferred = pick(connection.get(connection.model.language));
      if (preferred) return preferred;
    }
    try {
      var frame = window;
      while (frame.parent && frame.parent !== frame) {
        frame = frame.parent;
        var lang = pick(frame.document.documentElement.getAttribute("lang"));
        if (lang) return lang;
      }
    } catch (e) { /* the LMS page is on another origin: do not look */ }
    var browser = (navigator.languages || [navigator.language]).map(pick).filter(Boolean)[0];
    return browser || (offered.indexOf("kk") >= 0 ? "kk" : offered[0]);
  }

  function show(lang, index, focus) {
    var pages = pagesOf(lang);
    index = Math.max(0, Math.min(index, pages.length - 1));
    document.querySelectorAll("section.ccd-page").forEach(function (section) { section.hidden = true; });
    pages[index].hidden = false;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-ui-lang]").forEach(function (el) { el.hidden = el.getAttribute("data-ui-lang") !== lang; });
    document.querySelectorAll(".ccd-toc a").forEach(function (link) {
      var here = link.getAttribute("data-index") === String(index) && link.closest("[data-ui-lang]").getAttribute("data-ui-lang") === lang;
      if (here) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    });
    document.querySelectorAll(".ccd-lang button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === lang));
    });
    document.querySelectorAll(".ccd-progress-bar").forEach(function (bar) { bar.value = index + 1; bar.max = pages.length; });
    document.querySelectorAll(".ccd-prev").forEach(function (b) { b.disabled = index === 0; });
    document.querySelectorAll(".ccd-next").forEach(function (b) { b.disabled = index === pages.length - 1; });
    current.lang = lang; current.page = index;
    if (focus) { var heading = pages[index].querySelector("h1"); if (heading) { heading.tabIndex = -1; heading.focus(); } }
    window.scrollTo(0, 0);
    if (tracker && tracker.bookmark) tracker.bookmark(index, pages[index].id, lang);
  }

  function updateScore() {
    var status = document.querySelector(".ccd-score");
    if (!status || !tracker.state) return;
    var graded = course.quizzes.filter(function (q) { return q.graded; });
    var right = graded.filter(function (q) { var r = tracker.state.a[tracker.quizIndex[q.id]]; return r && r[1]; }).length;
    var answered = graded.filter(function (q) { return tracker.state.a[tracker.quizIndex[q.id]]; }).length;
    status.textContent = course.labels[current.lang].score.replace("{answered}", answered).replace("{total}", graded.length).replace("{right}", right);
  }

  function startPlayer() {
    if (standalone) {
      tracker = new CCDRuntime.LocalTracker(course, updateScore);
      document.querySelectorAll(".ccd-standalone").forEach(function (note) { note.hidden = false; });
    } else {
      tracker = new CCDRuntime.LmsTracker(course, connection, updateScore);
      tracker.restore();  // into tracker.state, read below
    }
    var lang = chooseLanguage(tracker.state.l);
    show(lang, tracker.state.p || 0, false);
    CCDQuiz.start(tracker);
    updateScore();

    document.querySelectorAll(".ccd-prev").forEach(function (b) { b.addEventListener("click", function () { show(current.lang, current.page - 1, true); }); });
    document.querySelectorAll(".ccd-next").forEach(function (b) { b.addEventListener("click", function () { show(current.lang, current.page + 1, true); }); });
    document.querySelectorAll(".ccd-lang button").forEach(function (button) {
      button.addEventListener("click", function () { show(button.getAttribute("data-lang"), current.page, false); updateScore(); });
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-page], .ccd-toc a");
      if (!link) return;
      event.preventDefault();
      var target = link.getAttribute("data-index");
      if (target === null) {
        var section = document.getElementById(link.getAttribute("data-page"));
        target = pagesOf(section.getAttribute("data-lang")).indexOf(section);
      }
      show(current.lang, +target, true);
    });
    // Save at exit without a "leave site?" prompt: pagehide and a hidden page, never beforeunload.
    var closed = false;
    function leave() { if (!closed && !standalone) { closed = true; connection.finish(); } }
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && !standalone) {
        connection.set(connection.model.sessionTime, CCDRuntime.sessionTime(connection.version, Date.now() - connection.started));
        connection.commit();
      }
    });
    // a commit the LMS refused is tried again
    window.setInterval(function () { if (!standalone && connection.order.length) connection.commit(); }, 10000);
  }

  window.CCDPlayer = { connection: function () { return connection; }, tracker: function () { return tracker; }, show: show };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startPlayer); else startPlayer();
})();
