// The reader's display choices: text size (100 % to 200 %) and colours (the system's light or
// dark, or a chosen light, dark or high contrast). Plain JavaScript that runs in <head> before
// the page is drawn (the release build puts it inline, allowed by its hash in the policy: see
// page::with_inline_script), so that a remembered 200 % is there in the first paint (no jump
// when the app starts) and the choice works while the app is still loading, or when it cannot
// load. It must never contain the characters "</script", nor a string over several lines
// (the build drops whole-line comments and indentation).
// The wasm holds none of this: the controls are plain markup (src/components/display_settings.rs)
// that this script watches; nothing in the app's state depends on them.
//
// Stored in localStorage under "songshi-report.display" as {"version":1,"textSize":150,
// "theme":"dark"}, shared by every report on the site (a reader's eyes do not change per
// report). Anything else there (another version, damaged JSON, unknown values) is ignored and
// the defaults apply: 100 % and the system's colours. <html data-text-size="150"
// data-theme="dark"> carries the choice; tokens.css and base.css do the rest.
(function () {
  "use strict";
  var KEY = "songshi-report.display";
  var SIZES = ["100", "125", "150", "175", "200"];
  var THEMES = ["system", "light", "dark", "contrast"];
  var root = document.documentElement;
  var chosen = { textSize: "100", theme: "system" };

  function store() {
    try {
      return window.localStorage;
    } catch (e) {
      return null; // storage refused (private mode, blocked cookies)
    }
  }

  function read() {
    var s = store();
    var raw = s && s.getItem(KEY);
    if (!raw) return;
    try {
      var v = JSON.parse(raw);
      if (!v || v.version !== 1) return;
      if (SIZES.indexOf(String(v.textSize)) >= 0) chosen.textSize = String(v.textSize);
      if (THEMES.indexOf(v.theme) >= 0) chosen.theme = v.theme;
    } catch (e) {
      // damaged: the defaults
    }
  }

  function apply() {
    if (chosen.textSize === "100") root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", chosen.textSize);
    if (chosen.theme === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", chosen.theme);
  }

  function save() {
    var s = store();
    if (!s) return;
    try {
      s.setItem(KEY, JSON.stringify({
        version: 1,
        textSize: Number(chosen.textSize),
        theme: chosen.theme,
      }));
    } catch (e) {
      // full or refused: the choice holds for this page
    }
  }

  // The controls show the choice in force: set once the page is parsed, and again whenever
  // the panel opens (a page the app draws itself, as under `trunk serve`, has them later).
  function sync() {
    var inputs = document.querySelectorAll("input[data-display]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      input.checked = chosen[input.getAttribute("data-display")] === input.value;
    }
  }

  read();
  apply();

  document.addEventListener("change", function (event) {
    var input = event.target;
    var what = input && input.getAttribute && input.getAttribute("data-display");
    if (!what || !input.checked) return;
    var allowed = what === "textSize" ? SIZES : THEMES;
    if (allowed.indexOf(input.value) < 0) return;
    chosen[what] = input.value;
    apply();
    save();
  });

  // The panel is a <details>: opening it shows the current choice; Escape, a click outside or
  // the focus leaving it closes it, and Escape returns the focus to its summary.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches(".display-settings") && event.target.open) sync();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".display-settings[open]");
    if (!open) return;
    open.open = false;
    var summary = open.querySelector("summary");
    if (summary) summary.focus();
  });
  document.addEventListener("click", function (event) {
    var open = document.querySelector(".display-settings[open]");
    if (open && !open.contains(event.target)) open.open = false;
  });
  // Tab out of the panel closes it too: it never stays open over the page behind the focus.
  document.addEventListener("focusout", function (event) {
    var open = event.target.closest && event.target.closest(".display-settings[open]");
    if (open && event.relatedTarget && !open.contains(event.relatedTarget)) open.open = false;
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
