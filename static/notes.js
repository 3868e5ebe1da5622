// 审议意见: the reader's review notes on passages of the report, kept in this browser only.
//
// Plain JavaScript, loaded by boot.js only when it is needed (a 写意见 or 我的意见 button is
// pressed, or this browser holds notes), so that readers who never write one do not download
// it; the page's wasm (200 KB budget) carries no notes code. The app renders the buttons as
// plain markup (src/components/section_view.rs, outline.rs); this script does the rest.
// Nothing is sent anywhere. Text from storage or from an imported file is only ever set with
// textContent, never parsed as HTML. The release build drops this file's whole-line comments
// and indentation (page::without_comment_lines): no string may run over several lines.
//
// The anchor of a note is its section id, its paragraph's index and a quote: the passage the
// reader had selected in the paragraph, or else the paragraph's start (up to 40 characters,
// ending at a punctuation mark where it can). When the
// same report is opened again the note goes back to that paragraph; when the paragraph moved,
// to the paragraph of the report that contains the quote; when no paragraph contains it, the
// note is detached: listed in 我的意见 under 原文中找不到的意见, never dropped.
//
// Storage: localStorage "songshi-report.notes:" + the report's title, as
//   {"version":1,"report":"<title>","notes":[{"id","section","paragraph","quote","cut",
//    "heading","text","created","updated"}]}
// ("cut": the quote is the start of a longer paragraph, shown with ……)
// (times in ISO 8601). A stored value that is not that (damaged, another version) is copied
// to "songshi-report.notes-damaged:" + title before anything new is written, and a message
// offers to save it as a file; the page works on with no notes. The JSON export has the same
// shape plus "exported", and can be imported on another device: notes are merged by id (the
// later edit wins) and a note with the same place and text is not added twice.
(function () {
  "use strict";
  if (window.songshiNotes) return;

  var VERSION = 1;
  var PREFIX = "songshi-report.notes:";
  var DAMAGED = "songshi-report.notes-damaged:";
  var QUOTE_CHARS = 40;
  var MAX_TEXT = 20000;

  var notes = [];
  var damaged = null; // the raw stored text that could not be read
  var freshDamage = false; // found on this load (a message at once; later only in 我的意见)
  var editor = null; // the <dialog> that writes a note
  var panel = null; // the <dialog> of 我的意见

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function button(label, className, onClick) {
    var b = el("button", className || "control", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function store() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function title() {
    var t = document.getElementById("report-title");
    return t ? t.textContent.trim() : document.title;
  }

  function key() {
    return PREFIX + title();
  }

  function now() {
    return new Date().toISOString();
  }

  // Text as compared: no whitespace, so that a quote survives re-wrapping.
  function squeeze(text) {
    return String(text).replace(/\s+/g, "");
  }

  function valid(n) {
    return n && typeof n === "object" &&
      typeof n.id === "string" && n.id.length > 0 && n.id.length <= 100 &&
      typeof n.section === "string" && n.section.length <= 200 &&
      typeof n.paragraph === "number" && n.paragraph >= 0 && n.paragraph < 100000 &&
      typeof n.quote === "string" && n.quote.length <= 2000 &&
      typeof n.text === "string" && n.text.length <= MAX_TEXT &&
      (n.heading === undefined || typeof n.heading === "string") &&
      (n.cut === undefined || typeof n.cut === "boolean") &&
      typeof n.created === "string" && typeof n.updated === "string";
  }

  function clean(n) {
    return {
      id: n.id, section: n.section, paragraph: n.paragraph, quote: n.quote, cut: n.cut === true,
      heading: typeof n.heading === "string" ? n.heading : "",
      text: n.text, created: n.created, updated: n.updated,
    };
  }

  // Reads this report's notes; damaged data is kept aside (never overwritten) and reported.
  function load() {
    var s = store();
    notes = [];
    damaged = null;
    if (!s) return;
    var raw = s.getItem(key());
    if (raw) {
      try {
        var v = JSON.parse(raw);
        if (!v || v.version !== VERSION || !Array.isArray(v.notes)) throw new Error("format");
        notes = v.notes.filter(valid).map(clean);
        if (notes.length !== v.notes.length) throw new Error("some notes damaged");
      } catch (e) {
        try {
          s.setItem(DAMAGED + title(), raw);
          freshDamage = true;
        } catch (e2) {
          // No room: the raw text stays where it is, and nothing is written over it.
          damaged = raw;
          freshDamage = true;
          return;
        }
        // The notes that could be read stay; the raw text is kept aside.
        if (notes.length) {
          s.setItem(key(), JSON.stringify({ version: VERSION, report: title(), notes: notes }));
        } else {
          s.removeItem(key());
        }
      }
    }
    damaged = s.getItem(DAMAGED + title());
  }

  function save() {
    var s = store();
    if (!s || (damaged !== null && s.getItem(key()) === damaged)) {
      announce("本机无法保存意见（浏览器不允许保存数据），请先导出。");
      return false;
    }
    try {
      if (notes.length) {
        s.setItem(key(), JSON.stringify({ version: VERSION, report: title(), notes: notes }));
      } else {
        s.removeItem(key());
      }
      return true;
    } catch (e) {
      announce("本机存储已满，意见没有保存，请先导出。");
      return false;
    }
  }

  // --- Where a note belongs ----------------------------------------------------------------

  // The text of a paragraph, without the app's chrome (the cut marker).
  function paragraphText(p) {
    var copy = p.cloneNode(true);
    var chrome = copy.querySelectorAll("[data-chrome]");
    for (var i = 0; i < chrome.length; i++) chrome[i].remove();
    return copy.textContent;
  }

  // The paragraphs of a section (not of its subsections), in order.
  function paragraphs(sectionId) {
    var body = document.getElementById(sectionId + "-body");
    if (!body) return [];
    var out = [];
    for (var c = body.firstElementChild; c; c = c.nextElementSibling) {
      if (c.classList.contains("section__text")) out.push(c);
    }
    return out;
  }

  // The paragraph element a note belongs to, or null (detached).
  function place(n) {
    var quote = squeeze(n.quote);
    var own = paragraphs(n.section);
    var p = own[n.paragraph];
    if (p && squeeze(paragraphText(p)).indexOf(quote) >= 0) return p;
    for (var i = 0; i < own.length; i++) {
      if (squeeze(paragraphText(own[i])).indexOf(quote) >= 0) return own[i];
    }
    var all = document.querySelectorAll("#report .section__text");
    for (var j = 0; j < all.length; j++) {
      if (squeeze(paragraphText(all[j])).indexOf(quote) >= 0) return all[j];
    }
    return null;
  }

  function sectionOf(p) {
    var body = p.closest("[data-section-body]");
    return body ? body.getAttribute("data-section-body") : "";
  }

  // "一、… › （一）… › 一是…": the headings from the part down to the paragraph's section.
  function headingPath(sectionId) {
    var heading = document.getElementById(sectionId);
    var names = [];
    var section = heading && heading.closest("section");
    while (section) {
      var h = section.querySelector(".section__heading");
      if (h) names.unshift(h.textContent.trim());
      section = section.parentElement && section.parentElement.closest("section.section");
    }
    return names.join(" › ");
  }

  // --- Notes in the text --------------------------------------------------------------------

  var rendering = false;

  // What a paragraph's notes are drawn after: its row of 写意见 / 复制引用.
  function actionsOf(p) {
    var next = p.nextElementSibling;
    return next && next.classList.contains("paragraph-actions") ? next : p;
  }

  // Draws every note under its paragraph's actions (after 写意见 / 复制引用). The app owns
  // the report's markup: these views are the only nodes added to it. They are checked again
  // whenever the app redraws (a MutationObserver below): a view still in its place with the
  // same notes is kept as it is (with the focus, and a 删除 waiting for 确认删除), the others
  // are drawn anew.
  function render() {
    rendering = true;
    var byParagraph = new Map();
    notes.forEach(function (n) {
      var p = place(n);
      if (!p) return;
      if (!byParagraph.has(p)) byParagraph.set(p, []);
      byParagraph.get(p).push(n);
    });
    var wanted = new Map();
    byParagraph.forEach(function (list, p) {
      var sig = JSON.stringify(list.map(function (n) { return [n.id, n.updated, n.text]; }));
      wanted.set(actionsOf(p), sig);
    });
    var old = document.querySelectorAll(".note-views");
    for (var i = 0; i < old.length; i++) {
      var box = old[i];
      var anchor = box.previousElementSibling;
      if (anchor && wanted.get(anchor) === box.getAttribute("data-sig")) {
        wanted.delete(anchor);
      } else {
        box.remove();
      }
    }
    byParagraph.forEach(function (list, p) {
      var after = actionsOf(p);
      if (!wanted.has(after)) return;
      var box = el("div", "note-views");
      box.setAttribute("data-chrome", "");
      box.setAttribute("data-sig", wanted.get(after));
      list.forEach(function (n) {
        box.appendChild(noteView(n));
      });
      after.after(box);
    });
    updateCount();
    observer.takeRecords();
    rendering = false;
  }

  function noteView(n) {
    var article = el("article", "note");
    article.id = "note-" + n.id;
    article.setAttribute("aria-label", "我的意见");
    article.setAttribute("data-testid", "note");
    article.appendChild(el("p", "note__label", "我的意见"));
    if (n.quote) article.appendChild(el("blockquote", "note__quote", quoted(n)));
    article.appendChild(el("p", "note__text", n.text));
    var actions = el("p", "note__actions");
    actions.appendChild(button("编辑", "copy-button", function () {
      openEditor({ note: n, back: this });
    }));
    actions.appendChild(deleteButton(n));
    actions.appendChild(button("全部意见", "copy-button", function () {
      openPanel(this);
    }));
    article.appendChild(actions);
    return article;
  }

  // 删除 asks once more in place (确认删除), then deletes and says so.
  function deleteButton(n) {
    var armed = false;
    var b = button("删除", "copy-button note__delete", function () {
      if (!armed) {
        armed = true;
        b.textContent = "确认删除";
        announce("再按一次“确认删除”即删除这条意见。");
        return;
      }
      notes = notes.filter(function (m) { return m.id !== n.id; });
      save();
      render();
      announce("意见已删除。");
      if (panel && panel.open) {
        fillPanel();
        panel.querySelector("h2").focus();
      } else {
        // Back to the paragraph's 写意见.
        var p = place(n);
        var add = p && actionsOf(p).querySelector(".note-add");
        if (add) add.focus();
      }
    });
    var disarm = function () {
      if (armed) {
        armed = false;
        b.textContent = "删除";
      }
    };
    b.addEventListener("blur", disarm);
    b.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && armed) {
        event.stopPropagation();
        disarm();
        announce("没有删除。");
      }
    });
    return b;
  }

  function updateCount() {
    var openers = document.querySelectorAll("[data-notes-open]");
    var label = notes.length ? "我的意见（" + notes.length + "）" : "我的意见";
    for (var i = 0; i < openers.length; i++) {
      if (openers[i].textContent !== label) openers[i].textContent = label;
    }
  }

  // --- Writing a note -----------------------------------------------------------------------

  // The reader's selection inside paragraph `p`, as a quote, or "".
  function selectedIn(p) {
    var sel = window.getSelection && window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return "";
    var range = sel.getRangeAt(0);
    if (!p.contains(range.commonAncestorContainer)) return "";
    return sel.toString().trim().slice(0, 200);
  }

  // The start of a paragraph as a quote: up to 40 characters, ending at a punctuation mark
  // where there is one after the first 10 (never in the middle of a word when it can help it).
  function opening(text) {
    var chars = Array.from(text);
    if (chars.length <= QUOTE_CHARS) return text;
    var head = chars.slice(0, QUOTE_CHARS);
    for (var i = head.length - 1; i >= 10; i--) {
      if ("，、；。：！？".indexOf(head[i]) >= 0) return head.slice(0, i + 1).join("");
    }
    return head.join("");
  }

  // A quote as shown and exported: 「…」 (the report's own “” stay readable inside), with ……
  // when it is the start of a longer paragraph.
  function quoted(n) {
    return "「" + n.quote + (n.cut ? "……" : "") + "」";
  }

  function buildEditor() {
    editor = el("dialog", "note-editor");
    editor.setAttribute("aria-labelledby", "note-editor-title");
    editor.setAttribute("data-testid", "note-editor");
    var form = el("form", "note-editor__form");
    form.method = "dialog";
    form.appendChild(el("h2", "note-editor__title", "写审议意见")).id = "note-editor-title";
    form.appendChild(el("p", "note-editor__where")).setAttribute("data-testid", "note-editor-where");
    form.appendChild(el("blockquote", "note-editor__quote"));
    var label = el("label", "note-editor__label", "我的意见");
    label.htmlFor = "note-editor-text";
    form.appendChild(label);
    var area = el("textarea", "note-editor__text");
    area.id = "note-editor-text";
    area.rows = 3;
    area.maxLength = MAX_TEXT;
    area.addEventListener("input", function () { area.setCustomValidity(""); });
    area.setAttribute("data-testid", "note-editor-text");
    form.appendChild(area);
    var actions = el("p", "note-editor__actions");
    var ok = el("button", "control note-editor__save", "保存");
    ok.type = "submit";
    ok.value = "save";
    ok.setAttribute("data-testid", "note-editor-save");
    actions.appendChild(ok);
    var cancel = button("取消", "control", function () {
      editor.close("cancel");
    });
    actions.appendChild(cancel);
    form.appendChild(actions);
    form.appendChild(el("p", "note-editor__hint",
      "意见只保存在这台设备的浏览器里，不会发送到任何地方。可以在“我的意见”里导出。"));
    editor.appendChild(form);
    form.addEventListener("submit", function (event) {
      if (!area.value.trim()) {
        event.preventDefault();
        area.setCustomValidity("请先写下意见，再按保存。");
        area.reportValidity();
        area.focus();
        return;
      }
      editor.returnValue = "save";
    });
    editor.addEventListener("close", function () {
      var job = editor.job;
      editor.job = null;
      if (editor.returnValue === "save" && job && area.value.trim()) {
        var text = area.value.trim();
        if (job.note) {
          job.note.text = text;
          job.note.updated = now();
          announce("意见已修改。");
        } else {
          notes.push({
            id: Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8),
            section: job.section, paragraph: job.paragraph, quote: job.quote, cut: job.cut,
            heading: job.heading, text: text, created: now(), updated: now(),
          });
          announce("意见已保存。");
        }
        save();
        render();
        if (panel && panel.open) fillPanel();
      }
      editor.returnValue = "";
      // Back to where the reader was: 我的意见 when it is open, else the note's 编辑 or the
      // paragraph's 写意见.
      if (panel && panel.open) {
        panel.querySelector("h2").focus();
        return;
      }
      var back = job && job.back;
      if (back && !back.isConnected && job.note) {
        back = document.querySelector("#note-" + CSS.escape(job.note.id) + " .copy-button");
      }
      if (back && back.isConnected) back.focus();
    });
    keepEscape(editor);
    document.body.appendChild(editor);
  }

  // Esc closes the dialog (the browser does that) and goes no further: the app would take it
  // as closing the outline drawer too.
  function keepEscape(dialog) {
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") event.stopPropagation();
    });
  }

  // Opens the editor for a new note on the paragraph of a 写意见 button, or for `job.note`.
  function openEditor(job) {
    if (!editor) buildEditor();
    if (!job.note) {
      var sectionId = job.back.getAttribute("data-note-section");
      var index = Number(job.back.getAttribute("data-note-paragraph")) || 0;
      var p = paragraphs(sectionId)[index];
      if (!p) return;
      var text = paragraphText(p).trim();
      job.section = sectionId;
      job.paragraph = index;
      var selected = selectedIn(p);
      job.quote = selected || opening(text);
      job.cut = !selected && job.quote.length < text.length;
      job.heading = headingPath(sectionId);
    }
    var n = job.note || job;
    editor.querySelector(".note-editor__title").textContent = job.note ? "修改审议意见" : "写审议意见";
    // Only the passage's own heading here (the exports carry the whole path).
    var path = n.heading || headingPath(n.section);
    editor.querySelector(".note-editor__where").textContent = path.split(" › ").pop();
    editor.querySelector(".note-editor__quote").textContent = quoted(n);
    var area = editor.querySelector("textarea");
    area.value = job.note ? job.note.text : "";
    editor.job = job;
    editor.returnValue = "";
    editor.showModal();
    area.focus();
  }

  // --- 我的意见 -------------------------------------------------------------------------------

  function buildPanel() {
    panel = el("dialog", "notes-panel");
    panel.setAttribute("aria-labelledby", "notes-panel-title");
    panel.setAttribute("data-testid", "notes-panel");
    keepEscape(panel);
    document.body.appendChild(panel);
    panel.addEventListener("close", function () {
      var back = panel.back;
      panel.back = null;
      if (back && back.isConnected) back.focus();
    });
  }

  function openPanel(back) {
    if (!panel) buildPanel();
    panel.back = back;
    fillPanel();
    panel.showModal();
    panel.querySelector("h2").focus();
  }

  // The notes in reading order, the detached ones last.
  function ordered() {
    var placed = [];
    var detached = [];
    notes.forEach(function (n) {
      var p = place(n);
      if (p) placed.push({ note: n, p: p });
      else detached.push({ note: n, p: null });
    });
    placed.sort(function (a, b) {
      if (a.p === b.p) return a.note.created < b.note.created ? -1 : 1;
      return a.p.compareDocumentPosition(b.p) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return { placed: placed, detached: detached };
  }

  function fillPanel() {
    panel.textContent = "";
    var head = el("div", "notes-panel__head");
    var h = el("h2", "notes-panel__title", "我的意见（" + notes.length + "条）");
    h.id = "notes-panel-title";
    h.tabIndex = -1;
    head.appendChild(h);
    head.appendChild(button("关闭", "control", function () { panel.close(); }));
    panel.appendChild(head);
    panel.appendChild(el("p", "notes-panel__intro",
      "《" + title() + "》的审议意见，只保存在这台设备的浏览器里。在正文段落下按“写意见”添加。"));

    if (damaged !== null) panel.appendChild(damagedNotice());

    var list = ordered();
    if (!notes.length) {
      panel.appendChild(el("p", "notes-panel__empty", "还没有意见。"));
    }
    if (list.placed.length) {
      var ol = el("ol", "notes-panel__list");
      list.placed.forEach(function (item) {
        ol.appendChild(panelItem(item.note, item.p));
      });
      panel.appendChild(ol);
    }
    if (list.detached.length) {
      panel.appendChild(el("h3", "notes-panel__subtitle", "原文中找不到的意见（" + list.detached.length + "条）"));
      panel.appendChild(el("p", "notes-panel__intro",
        "这些意见所引的原文不在本页的报告里（报告可能已更换或修改）。意见本身都保留着，也会一起导出。"));
      var dl = el("ol", "notes-panel__list");
      list.detached.forEach(function (item) {
        dl.appendChild(panelItem(item.note, null));
      });
      panel.appendChild(dl);
    }

    var tools = el("div", "notes-panel__tools");
    tools.appendChild(el("h3", "notes-panel__subtitle", "导出和导入"));
    var row = el("p", "notes-panel__actions");
    var copy = button("复制全部文字", "control", copyAll);
    copy.setAttribute("data-testid", "notes-copy");
    row.appendChild(copy);
    row.appendChild(download("下载 Markdown", fileName("md"), "text/markdown", markdown, "notes-markdown"));
    row.appendChild(download("下载 JSON（可导入）", fileName("json"), "application/json", json, "notes-json"));
    var importLabel = el("label", "control notes-panel__import", "导入 JSON");
    var input = el("input", "visually-hidden");
    input.type = "file";
    input.accept = ".json,application/json";
    input.setAttribute("data-testid", "notes-import");
    input.addEventListener("change", function () {
      if (input.files && input.files[0]) importFile(input.files[0]);
      input.value = "";
    });
    importLabel.appendChild(input);
    row.appendChild(importLabel);
    tools.appendChild(row);
    var manual = el("textarea", "notes-panel__manual");
    manual.hidden = true;
    manual.readOnly = true;
    manual.setAttribute("aria-label", "全部意见的文字，可全选后复制");
    manual.setAttribute("data-testid", "notes-text");
    tools.appendChild(manual);
    panel.appendChild(tools);
    var status = el("p", "notes-panel__status");
    status.setAttribute("role", "status");
    status.setAttribute("data-testid", "notes-status");
    panel.appendChild(status);
  }

  function panelItem(n, p) {
    var li = el("li", "notes-panel__item");
    li.setAttribute("data-testid", p ? "notes-item" : "notes-detached");
    var where = p ? headingPath(sectionOf(p)) : (n.heading || n.section);
    li.appendChild(el("p", "notes-panel__where", where));
    if (n.quote) li.appendChild(el("blockquote", "note__quote", quoted(n)));
    li.appendChild(el("p", "note__text", n.text));
    var actions = el("p", "note__actions");
    if (p) {
      var go = el("a", "copy-button", "看原文");
      go.href = "#" + sectionOf(p);
      go.addEventListener("click", function () {
        panel.close();
        // After the app has gone to the section: the note itself into view.
        setTimeout(function () {
          var view = document.getElementById("note-" + n.id);
          if (view) view.scrollIntoView({ block: "center" });
        }, 300);
      });
      actions.appendChild(go);
    }
    actions.appendChild(button("编辑", "copy-button", function () {
      openEditor({ note: n, back: this });
    }));
    actions.appendChild(deleteButton(n));
    li.appendChild(actions);
    return li;
  }

  function damagedNotice() {
    var box = el("div", "notes-panel__damaged");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "notes-damaged");
    box.appendChild(el("p", null,
      "这台设备上保存的一份意见数据无法读取（可能已损坏，或由更新版本的程序写入）。原始数据没有删除，可以存成文件保留。"));
    var row = el("p", "notes-panel__actions");
    row.appendChild(saveDamaged("notes-damaged-save"));
    row.appendChild(button("不再保留", "control", function () {
      var s = store();
      if (s) s.removeItem(DAMAGED + title());
      damaged = null;
      fillPanel();
      announce("原始数据已清除。");
    }));
    box.appendChild(row);
    return box;
  }

  function announce(text) {
    var status = panel && panel.open ? panel.querySelector("[role=status]") : live();
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function live() {
    var l = document.getElementById("notes-live");
    if (!l) {
      l = el("p", "visually-hidden");
      l.id = "notes-live";
      l.setAttribute("role", "status");
      l.setAttribute("data-testid", "notes-live");
      document.body.appendChild(l);
    }
    return l;
  }

  // --- Export and import --------------------------------------------------------------------

  function date() {
    var d = new Date();
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  function exportList() {
    var list = ordered();
    return list.placed.concat(list.detached).map(function (item) {
      return {
        note: item.note,
        where: item.p ? headingPath(sectionOf(item.p)) : (item.note.heading || item.note.section),
        detached: !item.p,
      };
    });
  }

  function plainText() {
    var out = ["《" + title() + "》审议意见", "（共" + notes.length + "条，" + date() + "导出）", ""];
    exportList().forEach(function (e, i) {
      out.push((i + 1) + ". " + e.where + (e.detached ? "（原文中找不到）" : ""));
      if (e.note.quote) out.push("   原文：" + quoted(e.note));
      out.push("   意见：" + e.note.text.replace(/\n/g, "\n   "));
      out.push("");
    });
    return out.join("\n");
  }

  function markdown() {
    var out = ["# 《" + title() + "》审议意见", "", "共" + notes.length + "条，" + date() + "导出。", ""];
    exportList().forEach(function (e, i) {
      out.push("## " + (i + 1) + ". " + e.where.replace(/^#+/, "") + (e.detached ? "（原文中找不到）" : ""));
      out.push("");
      if (e.note.quote) {
        out.push("> " + e.note.quote + (e.note.cut ? "……" : ""));
        out.push("");
      }
      // A line break in the note stays one (two spaces: a Markdown hard break).
      out.push(e.note.text.replace(/\n/g, "  \n"));
      out.push("");
    });
    return out.join("\n");
  }

  function json() {
    return JSON.stringify({
      version: VERSION, report: title(), exported: now(), notes: notes,
    }, null, 2);
  }

  function fileName(ext) {
    return title() + "·审议意见." + ext;
  }

  // A link that downloads, as the file `name`, what `make` returns at the moment it is pressed.
  function download(label, name, type, make, testid) {
    var a = el("a", "control", label);
    a.href = "#";
    a.download = name;
    a.setAttribute("data-testid", testid);
    a.addEventListener("click", function () {
      a.href = "data:" + type + ";charset=utf-8," + encodeURIComponent(make());
    });
    a.addEventListener("blur", function () { a.href = "#"; });
    return a;
  }

  // The raw stored text that could not be read, as a file.
  function saveDamaged(testid) {
    return download("保存原始数据", "意见原始数据.txt", "text/plain", function () { return damaged; }, testid);
  }

  function copyAll() {
    var text = plainText();
    var manual = panel.querySelector(".notes-panel__manual");
    var fallback = function () {
      manual.hidden = false;
      manual.value = text;
      manual.focus();
      manual.select();
      announce("无法自动复制：文字已选中，请按 Ctrl+C 或长按复制。");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        manual.hidden = true;
        announce("已复制全部意见（" + notes.length + "条），可以粘贴到消息或文档里。");
      }, fallback);
    } else {
      fallback();
    }
  }

  function importFile(file) {
    if (file.size > 5 * 1024 * 1024) {
      announce("这个文件太大（超过5MB），不是意见文件。");
      return;
    }
    file.text().then(function (text) {
      var v;
      try {
        v = JSON.parse(text);
      } catch (e) {
        announce("导入失败：这不是意见的 JSON 文件（内容无法读取）。本机的意见没有改动。");
        return;
      }
      if (!v || typeof v !== "object" || !Array.isArray(v.notes)) {
        announce("导入失败：文件里没有意见。本机的意见没有改动。");
        return;
      }
      if (v.version !== VERSION) {
        announce("导入失败：文件的格式版本是" + v.version + "，本程序只能读版本" + VERSION + "。本机的意见没有改动。");
        return;
      }
      if (v.report !== title()) {
        announce("导入失败：这是《" + v.report + "》的意见，不是本报告的。本机的意见没有改动。");
        return;
      }
      var incoming = v.notes.filter(valid).map(clean);
      var skipped = v.notes.length - incoming.length;
      var added = 0;
      var updated = 0;
      incoming.forEach(function (n) {
        for (var i = 0; i < notes.length; i++) {
          var m = notes[i];
          if (m.id === n.id) {
            if (n.updated > m.updated) {
              notes[i] = n;
              updated++;
            }
            return;
          }
          if (m.section === n.section && m.quote === n.quote && m.text === n.text) return;
        }
        notes.push(n);
        added++;
      });
      save();
      render();
      fillPanel();
      announce("已导入：新增" + added + "条，更新" + updated + "条" +
        (skipped ? "，" + skipped + "条无法读取已跳过" : "") + "；重复的没有再加。");
    }, function () {
      announce("导入失败：文件无法读取。");
    });
  }

  // --- Start ----------------------------------------------------------------------------------

  var observer = new MutationObserver(function (records) {
    if (rendering) return;
    // Changes inside the notes' own views (删除 turning into 确认删除), or the views themselves
    // coming and going, are this script's own.
    var ours = records.every(function (r) {
      var target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (target && target.closest(".note-views")) return true;
      var nodes = Array.prototype.slice.call(r.addedNodes).concat(Array.prototype.slice.call(r.removedNodes));
      return nodes.length > 0 && nodes.every(function (node) {
        return node.nodeType === 1 && node.classList.contains("note-views");
      });
    });
    if (ours) return;
    // Another report opened, or the app redrew part of the text: draw the notes again.
    clearTimeout(observer.timer);
    observer.timer = setTimeout(function () {
      observer.timer = null;
      var shown = title();
      if (shown !== observer.report) {
        observer.report = shown;
        load();
      }
      render();
    }, 100);
  });

  // Called by boot.js for the button that loaded this script, and for every later press.
  function activate(target) {
    var add = target.closest("[data-note-section]");
    if (add) {
      openEditor({ back: add });
      return;
    }
    var open = target.closest("[data-notes-open]");
    if (open) openPanel(open);
  }

  // A visible message when stored notes could not be read, floating at the bottom of the
  // screen (it moves nothing), outside the app's markup.
  function startupNotice() {
    var old = document.getElementById("notes-alert");
    if (old) old.remove();
    if (damaged === null || !freshDamage) return;
    // A labelled region (a landmark of its own), its message read out at once.
    var box = el("section", "notes-alert");
    box.id = "notes-alert";
    box.setAttribute("aria-label", "审议意见数据");
    box.setAttribute("data-testid", "notes-alert");
    box.appendChild(el("p", null,
      "这台设备上保存的审议意见数据无法完整读取（可能已损坏）。原始数据已另存，没有删除。"))
      .setAttribute("role", "alert");
    var row = el("p", "notes-panel__actions");
    row.appendChild(button("查看我的意见", "control", function () {
      box.remove();
      openPanel(document.querySelector("[data-notes-open]"));
    }));
    row.appendChild(saveDamaged("notes-alert-save"));
    row.appendChild(button("知道了", "control", function () {
      box.remove();
    }));
    box.appendChild(row);
    box.className = "notes-alert floating-box";
    document.body.appendChild(box);
  }

  // Starts once the app has taken over the page (`app-ready`): before that, the built page is
  // being hydrated, and the app must find it exactly as it was built.
  function start() {
    load();
    observer.report = title();
    render();
    var app = document.getElementById("app");
    if (app) observer.observe(app, { childList: true, subtree: true });
    startupNotice();
    window.songshiNotes.ready = true;
  }

  // Resolves once no redraw of the notes is pending (for the end-to-end tests: a state to
  // check after the app's own redraws have been answered, without waiting a fixed time).
  function settled() {
    return new Promise(function (resolve) {
      (function check() {
        if (observer.timer) setTimeout(check, 20);
        else resolve();
      })();
    });
  }

  window.songshiNotes = { activate: activate, ready: false, settled: settled };
  var root = document.documentElement;
  if (root.classList.contains("app-ready")) {
    start();
  } else {
    new MutationObserver(function (records, watcher) {
      if (!root.classList.contains("app-ready")) return;
      watcher.disconnect();
      start();
    }).observe(root, { attributes: true, attributeFilter: ["class"] });
  }
})();
