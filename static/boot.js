// Start-up, the one script of the page that is not Rust. A built page already shows the report
// (report-site's prerender); the controls that need the app stay invisible until it runs
// (`app-ready` on <html>, base.css). This script comes last, so it never delays the first
// paint, and:
// - starts the app once the page is on screen: a release page names its start-up module in
//   <meta name="app-start"> and the file of its report in the data block's data-src, which is
//   fetched first;
// - is the watchdog: if the app cannot load or start, the empty #boot message says so, with a
//   retry button, and the page falls back to what works without the app (no-app.css). A page
//   without the report's HTML (`trunk serve`) also warns after 12 seconds without a start;
// - registers the service worker of a release build (beside the manifest: the site's root);
// - loads the reader's tools (wasm modules of report-tools: 审议意见; 字号 and 朗读) when a
//   reader first presses one of their buttons, or once the app runs when this browser holds
//   notes, and hands them every press. <meta name="module"> names each module, its buttons and
//   its storage key, as the Rust code defines them: no name of theirs is kept here.
(function () {
  "use strict";
  var failed = false;
  var root = document.documentElement;
  function meta(name) {
    return document.querySelector('meta[name="' + name + '"]');
  }
  // Whether the report is on the page already: then a failure costs the tools, not the text.
  function built() {
    var app = document.getElementById("app");
    return !!(app && app.firstElementChild);
  }
  function show(text) {
    var boot = document.getElementById("boot");
    if (!boot || failed) return;
    failed = true;
    boot.hidden = false;
    var noScript = document.querySelector("head noscript");
    if (built() && noScript) document.head.insertAdjacentHTML("beforeend", noScript.textContent);
    boot.className = "boot boot--error";
    boot.setAttribute("role", "alert");
    boot.textContent = text;
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "control boot__retry";
    retry.textContent = "重新加载";
    retry.addEventListener("click", function () { location.reload(); });
    boot.appendChild(document.createElement("br"));
    boot.appendChild(retry);
  }
  function broken(event) {
    // A module of the reader's tools failing is not the app failing: the report goes on.
    var file = (event && event.filename) || "";
    if (file && Array.prototype.some.call(document.querySelectorAll('meta[name="module"]'),
      function (meta) { return file.indexOf("/" + meta.getAttribute("data-name")) >= 0; })) return;
    show(built()
      ? "搜索、全部数据卡片等功能没有加载成功，下面的报告正文和目录仍可阅读。请检查网络后重新加载；如果仍然不行，请换用其他浏览器打开。"
      : "报告没有加载成功。请检查网络后重新加载；如果仍然不行，请换用其他浏览器打开。");
  }
  // The worker sits beside the manifest, at the site's root: a report of a library (`<id>/`)
  // registers the site's one worker.
  var manifest = document.querySelector('link[rel="manifest"]');
  if ("serviceWorker" in navigator && location.protocol !== "file:" && manifest) {
    navigator.serviceWorker.register(new URL("sw.js", manifest.href).href).catch(function () {});
  }
  window.addEventListener("error", broken, true);
  window.addEventListener("unhandledrejection", broken);

  // The app, after the first paint: once the browser reports the first contentful paint, or,
  // where it cannot, once the first frame is drawn; a background tab after a second.
  var started = false;
  function start() {
    var module = meta("app-start");
    if (started || !module) return;
    started = true;
    var load = function () {
      var script = document.createElement("script");
      script.type = "module";
      script.src = module.content;
      document.head.appendChild(script);
    };
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
    }, function () { broken(); });
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
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  setTimeout(start, 1000);
  // A reader who scrolls, taps or types before the app runs has moved on: the app then leaves
  // them where they are instead of going to the address's #target.
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
    addEventListener(type, function () { root.setAttribute("data-reader-moved", ""); },
      { capture: true, passive: true, once: true });
  });

  // The reader's tools: wasm modules, each loaded once, on the first press of one of its
  // buttons, then handed every press (`activate`); a module whose data this browser holds is
  // loaded once the app runs. The build writes each as <meta name="module" content="glue.js"
  // data-wasm data-press data-stored>.
  var modules = Array.prototype.slice.call(document.querySelectorAll('meta[name="module"]'));
  function note(text, role) {
    var p = document.createElement("p");
    p.className = "boot boot--slow floating-box";
    p.setAttribute("role", role);
    p.textContent = text;
    document.body.appendChild(p);
    return p;
  }
  function withModule(meta, then, pressed) {
    var timer = null;
    var shown = null;
    if (!meta.loading) {
      meta.loading = import(meta.content).then(function (module) {
        return module.default({ module_or_path: meta.getAttribute("data-wasm") })
          .then(function () { return module; });
      }).catch(function () {
        meta.loading = null;
        var failed = note("这项功能没有加载成功，请检查网络后再试。", "alert");
        setTimeout(function () { failed.remove(); }, 8000);
        return Promise.reject();
      });
      // A press on a slow network: say that it is coming.
      if (pressed) {
        timer = setTimeout(function () { shown = note("正在加载这项功能……", "status"); }, 400);
      }
    }
    var done = function () {
      clearTimeout(timer);
      if (shown) shown.remove();
    };
    meta.loading.then(function (module) { done(); then(module); }, done);
  }
  function pressed(event) {
    modules.forEach(function (meta) {
      var target = event.target.closest && event.target.closest(meta.getAttribute("data-press"));
      if (target) withModule(meta, function (module) { module.activate(target); }, true);
    });
  }
  document.addEventListener("click", pressed);
  // A box or a list reached with Tab is pressed too (the library's search box and filters):
  // typing or choosing needs its module.
  document.addEventListener("focusin", function (event) {
    if (event.target.tagName === "INPUT" || event.target.tagName === "SELECT") pressed(event);
  });
  // A module that reads the address (the library's filters) starts at once when it holds a
  // choice (`?year=…`).
  if (location.search) {
    modules.forEach(function (meta) {
      if (meta.hasAttribute("data-on-address")) {
        withModule(meta, function (module) { module.activate(document.body); });
      }
    });
  }
  function holds(prefix) {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf(prefix) === 0) return true;
      }
    } catch (e) {
      // storage refused: nothing held
    }
    return false;
  }
  new MutationObserver(function (records, watcher) {
    if (!root.classList.contains("app-ready")) return;
    watcher.disconnect();
    modules.forEach(function (meta) {
      var prefix = meta.getAttribute("data-stored");
      if (prefix && holds(prefix)) withModule(meta, function () {});
    });
  }).observe(root, { attributes: true, attributeFilter: ["class"] });

  setTimeout(function () {
    if (!built()) {
      show("报告还没有加载出来。可能是网络较慢，也可能是这个浏览器不支持本页。可以再等一会儿，或重新加载。");
      return;
    }
    // The text is there; say, without alarm and without moving it, that the tools are slow.
    var boot = document.getElementById("boot");
    if (boot && !failed && !root.classList.contains("app-ready")) {
      boot.hidden = false;
      boot.className = "boot boot--slow floating-box";
      boot.textContent = "网络较慢，搜索和目录还在加载，可以先阅读报告。";
    }
  }, 12000);
})();
