// Start-up. A built page already shows the report (src/bin/prerender.rs); the controls that
// need the app (buttons, search) stay invisible until it runs (`app-ready` on <html>, see
// base.css). This script comes last in the page, so it never delays the first paint, and:
// - starts the app once the page is on screen: a release page names its start-up module in
//   <meta name="app-start"> instead of loading it at once (src/page.rs, with_deferred_start),
//   and the file of its report in the data block's data-src (with_report_data_file), which
//   is fetched first;
// - is the watchdog: if the app cannot load or start (the wasm fails to download or to
//   compile, the browser is too old, a script error), the empty #boot message says so, with a
//   retry button, and the page falls back to what works without the app (no-app.css, as with
//   JavaScript off). A page without the report's HTML (`trunk serve`) says 正在加载报告…… and
//   also warns after 12 seconds without a start. The app removes #boot when it starts;
// - registers the service worker of a release build;
// - loads the review notes (static/notes.js) and reading aloud (static/read-aloud.js) when
//   they are needed.
(function () {
  "use strict";
  var failed = false;
  // Whether the report is on the page already (the built page): then a failure costs the
  // reader the tools, not the text.
  function built() {
    var app = document.getElementById("app");
    return !!(app && app.firstElementChild);
  }

  function show(text) {
    var boot = document.getElementById("boot");
    if (!boot || failed) return;
    failed = true;
    boot.hidden = false;
    // The page falls back to what works without the app: the no-script stylesheet.
    var noScript = document.querySelector("head noscript");
    if (built() && noScript) document.head.insertAdjacentHTML("beforeend", noScript.textContent);
    boot.className = "boot boot--error";
    boot.setAttribute("role", "alert");
    boot.textContent = text;
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "control boot__retry";
    retry.textContent = "重新加载";
    retry.addEventListener("click", function () {
      location.reload();
    });
    boot.appendChild(document.createElement("br"));
    boot.appendChild(retry);
  }

  function broken(event) {
    // An optional script that failed (notes.js, offline) is not the app failing.
    var from = event && event.target;
    if (from && from.hasAttribute && from.hasAttribute("data-optional")) return;
    // Nor is a mistake in the notes' or reading's own script: the report goes on working.
    if (event && /(notes|read-aloud)\.js/.test(event.filename || "")) return;
    show(built()
      ? "搜索、全部数据卡片等功能没有加载成功，下面的报告正文和目录仍可阅读。请检查网络后重新加载；如果仍然不行，请换用其他浏览器打开。"
      : "报告没有加载成功。请检查网络后重新加载；如果仍然不行，请换用其他浏览器打开。");
  }

  // Offline after the first visit: a release build has a manifest and a service worker
  // (src/bin/prerender.rs); a page opened from disk or a debug build has neither.
  if ("serviceWorker" in navigator && location.protocol !== "file:" &&
      document.querySelector('link[rel="manifest"]')) {
    navigator.serviceWorker.register("sw.js").catch(function () {});
  }

  window.addEventListener("error", broken, true);

  // The app, after the first paint: once the browser reports the first contentful paint (the
  // report's text is on screen), or, where it cannot, a timeout set in the frame before it
  // runs once that frame is drawn. A page in a background tab, which draws no frames, starts
  // it after a second. Nothing the app needs is then requested before the text is shown.
  var started = false;
  function start() {
    var meta = document.querySelector('meta[name="app-start"]');
    if (started || !meta) return;
    started = true;
    var load = function () {
      var script = document.createElement("script");
      script.type = "module";
      script.src = meta.content;
      document.head.appendChild(script);
    };
    // A release page names the file that holds its report (page::with_report_data_file) so
    // that its first bytes are the text: the app reads it from the data block, filled here.
    var block = document.getElementById("report-data");
    var src = block && block.getAttribute("data-src");
    if (!src || block.textContent) return load();
    fetch(src).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (text) {
      block.textContent = text;
      block.removeAttribute("data-src");
      load();
    }, function () {
      broken();
    });
  }
  function afterFrame() {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  }
  var paints = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (built() && paints && paints.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        setTimeout(start, 0);
      }
    }).observe({ type: "paint", buffered: true });
  } else {
    afterFrame();
  }
  setTimeout(start, 1000);
  window.addEventListener("unhandledrejection", broken);
  // A reader who scrolls, taps or types before the app runs has moved on: the app then leaves
  // them where they are instead of going to the address's #target (src/hooks.rs).
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
    addEventListener(type, function () {
      document.documentElement.setAttribute("data-reader-moved", "");
    }, { capture: true, passive: true, once: true });
  });

  // Scripts loaded only when a reader needs them, never on a first visit otherwise:
  // 审议意见 (static/notes.js, the review notes: when a reader first presses 写意见 or 我的意见,
  // or once the app runs when this browser holds notes) and 朗读 (static/read-aloud.js: when
  // a reader first presses 朗读). Every press of those buttons goes through here. The single
  // file has them inline.
  var waiting = {};
  function withScript(file, name, then) {
    if (window[name]) return then();
    if (waiting[file]) return waiting[file].push(then);
    waiting[file] = [then];
    var script = document.createElement("script");
    script.src = file;
    script.setAttribute("data-optional", "");
    script.onload = function () {
      var queued = waiting[file];
      delete waiting[file];
      if (window[name]) queued.forEach(function (f) { f(); });
    };
    script.onerror = function () {
      delete waiting[file];
      script.remove();
      var note = document.createElement("p");
      note.className = "boot boot--slow floating-box";
      note.setAttribute("role", "alert");
      note.textContent = "这项功能没有加载成功，请检查网络后再试。";
      document.body.appendChild(note);
      setTimeout(function () { note.remove(); }, 8000);
    };
    document.head.appendChild(script);
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest &&
      event.target.closest("[data-note-section], [data-notes-open], [data-read-section]");
    if (!target) return;
    if (target.hasAttribute("data-read-section")) {
      withScript("read-aloud.js", "songshiReadAloud", function () {
        window.songshiReadAloud.activate(target);
      });
    } else {
      withScript("notes.js", "songshiNotes", function () {
        window.songshiNotes.activate(target);
      });
    }
  });
  function holdsNotes() {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf("songshi-report.notes") === 0) return true;
      }
    } catch (e) {
      // storage refused: no notes
    }
    return false;
  }
  new MutationObserver(function (records, watcher) {
    if (!document.documentElement.classList.contains("app-ready")) return;
    watcher.disconnect();
    if (holdsNotes()) withScript("notes.js", "songshiNotes", function () {});
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });

  setTimeout(function () {
    if (built()) {
      // The text is there; say, without alarm, that the tools are slow to come.
      var boot = document.getElementById("boot");
      if (boot && !failed && !document.documentElement.classList.contains("app-ready")) {
        // Floating at the bottom of the screen: the text does not move.
        boot.hidden = false;
        boot.className = "boot boot--slow floating-box";
        boot.textContent = "网络较慢，搜索和目录还在加载，可以先阅读报告。";
      }
      return;
    }
    show("报告还没有加载出来。可能是网络较慢，也可能是这个浏览器不支持本页。可以再等一会儿，或重新加载。");
  }, 12000);
})();
