// Start-up watchdog: while the app loads, the page says 正在加载报告……; if the app cannot
// load or start (the wasm fails to download or to compile, the browser is too old, a script
// error), that message turns into an error with a retry button — at once on an error, and
// after 12 seconds without a start. The app removes the message (#boot) when it starts. It also
// registers the service worker of a release build.
(function () {
  "use strict";
  var failed = false;

  function show(text) {
    var boot = document.getElementById("boot");
    if (!boot || failed) return;
    failed = true;
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

  function broken() {
    show("报告没有加载成功。请检查网络后重新加载；如果仍然不行，请换用其他浏览器打开。");
  }

  // Offline after the first visit: a release build has a manifest and a service worker
  // (src/bin/prerender.rs); a page opened from disk or a debug build has neither.
  if ("serviceWorker" in navigator && location.protocol !== "file:" &&
      document.querySelector('link[rel="manifest"]')) {
    navigator.serviceWorker.register("sw.js").catch(function () {});
  }

  window.addEventListener("error", broken, true);
  window.addEventListener("unhandledrejection", broken);
  setTimeout(function () {
    show("报告还没有加载出来。可能是网络较慢，也可能是这个浏览器不支持本页。可以再等一会儿，或重新加载。");
  }, 12000);
})();
