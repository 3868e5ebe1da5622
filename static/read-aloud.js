// 朗读: a section read aloud with the browser's own speech synthesis in a Chinese voice, the
// sentence being read highlighted and kept in sight, with pause, resume and stop.
//
// Plain JavaScript, loaded by boot.js only when a reader first presses 朗读 (inline in the
// single file); the page's wasm carries only the buttons' markup (src/components/
// section_view.rs). The page's text is never changed: what is spoken is a copy in which
// figures become the words a listener expects (`spoken`, below): 1687万元 → 一千六百八十七万元,
// 14.5% → 百分之十四点五, 2024年 → 二〇二四年, 1-8月 → 一至八月. Where the browser has no
// speech synthesis, or no Chinese voice, a message says so. The release build drops this
// file's whole-line comments and indentation (page::without_comment_lines): no string may run
// over several lines.
(function () {
  "use strict";
  if (window.songshiReadAloud) return;

  var DIGITS = "零一二三四五六七八九";
  var YEAR_DIGITS = "〇一二三四五六七八九";

  // A group of up to four digits (0–9999), as words; "" for 0.
  function group(n, leading) {
    var units = ["千", "百", "十", ""];
    var s = ("0000" + n).slice(-4);
    var out = "";
    var zero = false;
    for (var i = 0; i < 4; i++) {
      var d = Number(s[i]);
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += "零";
      zero = false;
      // 十五, not 一十五, at the very start of a number.
      if (i === 2 && d === 1 && !out && leading) out += "十";
      else out += DIGITS[d] + units[i];
    }
    return out;
  }

  // A whole number written in digits, as words: 1687 → 一千六百八十七, 20000 → 两万,
  // 105 → 一百零五, 0 → 零.
  function integer(digits) {
    digits = digits.replace(/^0+(?=\d)/, "");
    if (digits.length > 16) return digits.split("").map(function (d) { return DIGITS[d]; }).join("");
    if (/^0+$/.test(digits)) return "零";
    var big = ["", "万", "亿", "万亿"];
    var groups = [];
    for (var end = digits.length; end > 0; end -= 4) {
      groups.unshift(Number(digits.slice(Math.max(0, end - 4), end)));
    }
    var out = "";
    var needZero = false;
    for (var g = 0; g < groups.length; g++) {
      var n = groups[g];
      var unit = big[groups.length - 1 - g];
      if (n === 0) {
        if (out) needZero = true;
        continue;
      }
      if (out && (needZero || n < 1000)) out += "零";
      needZero = false;
      out += group(n, !out) + unit;
    }
    // 两千, 两万, 两亿 rather than 二千, 二万, 二亿 at the start of a number.
    return out.replace(/^二(?=[千万亿])/, "两");
  }

  // A number with an optional decimal part: 14.5 → 十四点五, 0.35 → 零点三五.
  function number(text) {
    var parts = text.split(".");
    var words = integer(parts[0]);
    if (parts.length > 1 && parts[1]) {
      words += "点" + parts[1].split("").map(function (d) { return DIGITS[d]; }).join("");
    }
    return words;
  }

  // What a listener should hear for a passage of the report.
  function spoken(text) {
    return String(text)
      // 1,687 → 1687
      .replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1")
      // 1-8月 → 1至8月
      .replace(/(\d)\s*[-－~～—–]\s*(?=\d)/g, "$1至")
      // 14.5% → 百分之十四点五 (also 14.5%-16%, after the line above: 百分之…至百分之…)
      .replace(/(\d+(?:\.\d+)?)\s*[%％]/g, function (_, n) { return "百分之" + number(n); })
      // 2024年 (and 2023至2024年) → 二〇二四年
      .replace(/(^|[^\d.])(\d{4})(?=(?:至\d{4})?年)/g, function (_, before, year) {
        return before + year.split("").map(function (d) { return YEAR_DIGITS[d]; }).join("");
      })
      // 2万 → 两万; other numbers as words.
      .replace(/\d+(?:\.\d+)?/g, function (n, offset, whole) {
        return n === "2" && /[千万亿]/.test(whole.charAt(offset + 1)) ? "两" : number(n);
      });
  }

  // --- Reading ------------------------------------------------------------------------------

  var bar = null;
  var queue = [];
  var at = 0;
  var voice = null;
  var back = null; // the 朗读 button to return to
  var paused = false;
  var session = 0; // a stop or a new reading makes the old utterances' events stale

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The bar at the bottom of the screen, outside the app's markup.
  // `alert`: a message read out at once; the progress (朗读中 2/6) is not, so that a screen
  // reader does not talk over the voice at every sentence.
  function showBar(what, alert) {
    if (!bar) {
      bar = el("div", "reader-bar floating-box");
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", "朗读");
      bar.setAttribute("data-testid", "reader-bar");
      document.body.appendChild(bar);
    }
    bar.textContent = "";
    bar.hidden = false;
    document.documentElement.classList.add("reading-aloud");
    var text = el("p", "reader-bar__now");
    if (alert) text.setAttribute("role", "alert");
    text.setAttribute("data-testid", "reader-now");
    bar.appendChild(text);
    text.textContent = what;
    return bar;
  }

  function control(label, testid, onClick) {
    var b = el("button", "control", label);
    b.type = "button";
    b.setAttribute("data-testid", testid);
    b.addEventListener("click", onClick);
    return b;
  }

  function message(text) {
    stop(false);
    var b = showBar(text, true);
    var close = control("关闭", "reader-close", function () { hide(); });
    b.appendChild(close);
    close.focus();
  }

  function hide() {
    if (bar) bar.hidden = true;
    document.documentElement.classList.remove("reading-aloud");
    clearHighlight();
    if (back && back.isConnected) back.focus();
  }

  // The headings and sentences of a section and its subsections, in reading order.
  function items(sectionId) {
    var heading = document.getElementById(sectionId);
    var section = heading && heading.closest("section");
    if (!section) return [];
    // The cut marker too: a listener hears where the source stops (（原文在此中断）).
    var nodes = section.querySelectorAll(".section__heading, .sentence, .section__cut");
    var out = [];
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var text = node.classList.contains("section__heading")
        ? (node.querySelector(".section__toggle") || node).textContent
        : node.textContent;
      text = text.trim();
      if (text) out.push({ node: node, text: text });
    }
    return out;
  }

  function clearHighlight() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("reading");
    var old = document.querySelectorAll(".reading-now");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("reading-now");
  }

  // Marks the passage being read without touching the app's markup where the browser can
  // (the CSS Custom Highlight API), else with a class; keeps it in sight.
  function highlight(node) {
    clearHighlight();
    if (window.CSS && CSS.highlights && window.Highlight) {
      var range = document.createRange();
      range.selectNodeContents(node);
      CSS.highlights.set("reading", new Highlight(range));
    } else {
      node.classList.add("reading-now");
    }
    // In sight between the top bar and the reading bar: its start just under the top bar
    // when it is out of that space (a long sentence at 200 % then shows from its start).
    var box = node.getBoundingClientRect();
    var topBar = document.querySelector(".top-bar");
    var top = (topBar ? topBar.getBoundingClientRect().bottom : 0) + 8;
    var barTop = bar && !bar.hidden ? bar.getBoundingClientRect().top : innerHeight;
    if (box.top < top || box.bottom > barTop - 8) {
      var calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollBy({ top: box.top - top, behavior: calm ? "auto" : "smooth" });
    }
  }

  function chooseVoice(voices) {
    var zh = voices.filter(function (v) { return /^zh/i.test(v.lang); });
    return zh.filter(function (v) { return /^zh[-_]CN/i.test(v.lang); })[0] || zh[0] || null;
  }

  // The voices, once the browser has them (some load them after the first ask).
  function voices(then) {
    var synth = window.speechSynthesis;
    var list = synth.getVoices();
    if (list.length) return then(list);
    var done = false;
    var finish = function () {
      if (done) return;
      done = true;
      synth.removeEventListener("voiceschanged", finish);
      then(synth.getVoices());
    };
    synth.addEventListener("voiceschanged", finish);
    setTimeout(finish, 2000);
  }

  function speakNext(mine) {
    if (mine !== session) return;
    if (at >= queue.length) {
      stop(true);
      return;
    }
    var item = queue[at];
    highlight(item.node);
    var now = bar && bar.querySelector("[data-testid=reader-now]");
    if (now) now.textContent = "第" + (at + 1) + "/" + queue.length + "句";
    var utterance = new SpeechSynthesisUtterance(spoken(item.text));
    utterance.lang = "zh-CN";
    utterance.voice = voice;
    utterance.rate = 0.95;
    utterance.onend = function () {
      if (mine !== session) return;
      at += 1;
      speakNext(mine);
    };
    utterance.onerror = function (event) {
      if (mine !== session || event.error === "interrupted" || event.error === "canceled") return;
      message("朗读出错了（" + event.error + "），请再试一次。");
    };
    window.speechSynthesis.speak(utterance);
  }

  function pauseOrResume(button) {
    var synth = window.speechSynthesis;
    if (paused) {
      synth.resume();
      paused = false;
      button.textContent = "暂停";
    } else {
      synth.pause();
      paused = true;
      button.textContent = "继续";
    }
  }

  // Stops reading; `finished` when the end was reached (the bar says so briefly).
  function stop(finished) {
    session += 1;
    paused = false;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    clearHighlight();
    if (finished && bar) {
      var b = showBar("朗读完毕。", true);
      var close = control("关闭", "reader-close", function () { hide(); });
      b.appendChild(close);
    } else if (bar) {
      bar.hidden = true;
      document.documentElement.classList.remove("reading-aloud");
    }
  }

  function read(button) {
    back = button;
    var sectionId = button.getAttribute("data-read-section");
    if (!("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) {
      message("这个浏览器不支持朗读。可以换用其他浏览器，或使用手机自带的读屏功能。");
      return;
    }
    // A collapsed section opens first, so that the sentence read can be seen.
    var toggle = document.querySelector("[aria-controls='" + sectionId + "-body']");
    if (toggle && toggle.getAttribute("aria-expanded") === "false") toggle.click();
    voices(function (list) {
      var chosen = chooseVoice(list);
      if (!chosen) {
        message("这个浏览器没有中文（普通话）语音，无法朗读。可以在手机或电脑的系统设置里添加中文语音后再试。");
        return;
      }
      stop(false);
      voice = chosen;
      queue = items(sectionId);
      at = 0;
      if (!queue.length) return;
      var b = showBar("正在朗读");
      var pause = control("暂停", "reader-pause", function () { pauseOrResume(pause); });
      var end = control("停止", "reader-stop", function () {
        stop(false);
        if (back && back.isConnected) back.focus();
      });
      b.appendChild(pause);
      b.appendChild(end);
      pause.focus();
      var mine = session;
      speakNext(mine);
    });
  }

  // Esc stops the reading.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && bar && !bar.hidden) {
      stop(false);
      if (back && back.isConnected) back.focus();
    }
  });

  window.songshiReadAloud = {
    activate: function (target) {
      var button = target.closest("[data-read-section]");
      if (button) read(button);
    },
    spoken: spoken,
  };
})();
