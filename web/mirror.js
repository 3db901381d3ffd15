// The screen reader's mirror of the app: a real DOM over the canvas, kept in step with what
// ImGui draws (ui/a11y.h sends one batch per frame that changed). Each item becomes an
// element with its ARIA role, name, value and state, placed exactly over the widget, so that
// Chromium's accessibility tree (what NVDA, JAWS and VoiceOver read) holds the app. ImGui's
// keyboard focus is the one focus: the focused element follows it, and a reader's focus or
// click on an element moves ImGui's focus there or activates the item. The elements are
// transparent and let the mouse through to the canvas; ?mirror=show outlines them.
(function () {
  'use strict';
  var root = null, nav = null, listbox = null, menu = null, flat = null, polite = null, assertive = null;
  var elements = new Map();   // key -> element
  var tables = new Map();     // table id -> {el, rows: Map}
  var focusId = 0, following = false, editing = false;
  var show = new URLSearchParams(location.search).get('mirror') === 'show';
  var texts = {
    sv: { views: 'Vyer', options: 'Val', menu: 'Meny', app: 'Samverkan' },
    en: { views: 'Views', options: 'Choices', menu: 'Menu', app: 'Samverkan' },
  };

  function make(tag, attrs) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function install() {
    if (root) return;
    var style = document.createElement('style');
    style.textContent =
      '#a11y-mirror{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:1}' +
      '#a11y-mirror .m{position:absolute;margin:0;padding:0;border:0;box-sizing:border-box;overflow:hidden;white-space:nowrap;' +
      'font:12px sans-serif;color:#000;background:transparent;opacity:' + (show ? '1' : '0') + ';pointer-events:none}' +
      (show ? '#a11y-mirror .m{outline:1px solid rgba(230,0,180,.9);color:transparent}#a11y-mirror .m:focus{outline:3px solid #f4b400}' : '') +
      '#a11y-mirror .live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';
    document.head.appendChild(style);
    root = make('div', { id: 'a11y-mirror' });
    nav = make('nav', {});
    listbox = make('div', { role: 'listbox', id: 'a11y-listbox' });
    menu = make('div', { role: 'menu' });
    flat = make('div', {});
    polite = make('div', { role: 'status', 'aria-live': 'polite', class: 'live' });
    assertive = make('div', { role: 'alert', 'aria-live': 'assertive', class: 'live' });
    root.append(nav, flat, listbox, menu, polite, assertive);
    document.body.appendChild(root);
    // What a reader does: a click (or Enter/Space in browse mode) activates, a focus moves ImGui's focus.
    root.addEventListener('click', function (e) {
      var el = e.target.closest('[data-id]');
      if (!el) return;
      e.preventDefault();
      Module.ccall('samverkan_a11y', null, ['number', 'number'], [Number(el.dataset.id), 1]);
    });
    root.addEventListener('focusin', function (e) {
      var el = e.target.closest('[data-id]');
      if (!el || following) return;
      focusId = Number(el.dataset.id);
      Module.ccall('samverkan_a11y', null, ['number', 'number'], [focusId, 0]);
    });
  }

  // Tab and Shift+Tab visit every control in reading order (top to bottom, then left to
  // right), not only the text fields as ImGui 1.86's own tabbing does. Taken before GLFW sees it.
  function readingOrder() {
    var els = Array.from(root.querySelectorAll('[data-id]')).filter(function (e) { return e.getAttribute('aria-disabled') !== 'true' && !e.dataset.drawn; });
    var boxes = els.map(function (e) { return { e: e, x: parseFloat(e.style.left), y: parseFloat(e.style.top), h: parseFloat(e.style.height) }; });
    boxes.sort(function (a, b) {
      var sameLine = Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2;
      return sameLine ? a.x - b.x : a.y - b.y;
    });
    return boxes.map(function (b) { return b.e; });
  }
  window.addEventListener('keydown', function (e) {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey || !root) return;
    var active = document.activeElement;
    if (active && active !== document.body && active !== Module.canvas && !root.contains(active) && active.id !== 'samverkan-text-input') return;
    var order = readingOrder();
    if (!order.length) return;
    var at = order.findIndex(function (el) { return Number(el.dataset.id) === focusId; });
    var next = order[(at + (e.shiftKey ? -1 : 1) + order.length) % order.length];
    e.preventDefault();
    e.stopImmediatePropagation();
    Module.ccall('samverkan_a11y', null, ['number', 'number'], [Number(next.dataset.id), 0]);
  }, true);

  // The <input> of the field being edited: typed text goes there (web/platform.cpp).
  Module.mirrorTextTarget = function () {
    var el = editing && focusId ? elements.get('i' + focusId) : null;
    return el && el.tagName === 'INPUT' ? el : null;
  };

  // Over the canvas, in CSS pixels.
  function place() {
    var c = Module.canvas || document.getElementById('canvas');
    var r = c.getBoundingClientRect();
    root.style.left = (r.left + window.scrollX) + 'px';
    root.style.top = (r.top + window.scrollY) + 'px';
  }

  var TAGS = { textbox: 'input' };
  function element(key, role) {
    var el = elements.get(key);
    var tag = TAGS[role] || 'div';
    if (el && el.dataset.role === role) return el;
    el = document.createElement(tag);
    el.className = 'm';
    el.dataset.role = role;
    if (tag === 'input') el.type = 'text';
    elements.set(key, el);
    return el;
  }

  function set(el, name, value) {
    if (value == null || value === false) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  }
  function text(el, t) { if (el.textContent !== t) el.textContent = t; }

  // One item: [id, role, name, value, x, y, w, h, state, table, row, col].
  function fill(el, n, headingLevel) {
    var id = n[0], role = n[1], name = n[2], value = n[3], state = n[8];
    el.style.left = n[4] + 'px'; el.style.top = n[5] + 'px';
    el.style.width = Math.max(1, n[6]) + 'px'; el.style.height = Math.max(1, n[7]) + 'px';
    var interactive = id !== 0;
    if (interactive) { el.dataset.id = String(id); set(el, 'tabindex', id === focusId ? '0' : '-1'); }
    if (state & 64) el.dataset.drawn = '1';
    set(el, 'aria-disabled', state & 32 ? 'true' : null);
    switch (role) {
      case 'tab':
        set(el, 'role', 'button'); set(el, 'aria-current', state & 16 ? 'page' : null); text(el, name); break;
      case 'button':
        set(el, 'role', 'button'); set(el, 'aria-current', state & 16 ? 'true' : null); text(el, name); break;
      case 'treeitem':
        set(el, 'role', 'button'); set(el, 'aria-expanded', state & 4 ? String(!!(state & 8)) : null); text(el, name); break;
      case 'checkbox': case 'radio':
        set(el, 'role', role); set(el, 'aria-checked', String(!!(state & 2))); text(el, name); break;
      case 'combobox':
        set(el, 'role', 'combobox'); set(el, 'aria-label', name); text(el, value); break;
      case 'option':
        set(el, 'role', 'option'); set(el, 'aria-selected', String(!!(state & 16))); text(el, name); break;
      case 'menuitem':
        set(el, 'role', state & 1 ? 'menuitemcheckbox' : 'menuitem'); set(el, 'aria-checked', state & 1 ? String(!!(state & 2)) : null);
        set(el, 'aria-expanded', state & 4 ? String(!!(state & 8)) : null); text(el, name); break;
      case 'textbox':
        // ImGui's text wins, also while the field is edited (its Enter selects all, so the
        // first key replaces; the browser would have appended).
        set(el, 'aria-label', name);
        if (el.value !== value) el.value = value;
        break;
      case 'heading':
        set(el, 'role', 'heading'); set(el, 'aria-level', String(headingLevel)); text(el, name); break;
      default:
        text(el, name);
    }
  }

  // A table's header row: the header cells ImGui drew (placed over them), or else its
  // column names (not shown).
  function tableOf(id, names, drawn) {
    var t = tables.get(id);
    if (!t) {
      t = { el: make('div', { role: 'table' }), head: make('div', { role: 'row' }), rows: new Map() };
      t.el.appendChild(t.head);
      tables.set(id, t);
    }
    var heads = names.map(function (n, i) {
      var h = t.head.children[i] || make('div', { role: 'columnheader' });
      var inside = drawn && drawn.get(i);
      if (inside) { h.className = ''; reorder(h, inside); }
      else { h.className = 'live'; text(h, n); }
      return h;
    });
    reorder(t.head, heads);
    return t;
  }

  // Children in this order, touching the DOM only when it differs (a moved element loses focus).
  function reorder(parent, wanted) {
    var same = parent.children.length === wanted.length;
    for (var i = 0; same && i < wanted.length; ++i) same = parent.children[i] === wanted[i];
    if (!same) parent.replaceChildren.apply(parent, wanted);
  }

  Module.mirrorUpdate = function (json) {
    install();
    place();
    var d = JSON.parse(json);
    var lang = d.lang === 'en' ? 'en' : 'sv';
    set(root, 'lang', lang);
    set(nav, 'aria-label', texts[lang].views);
    set(listbox, 'aria-label', texts[lang].options);
    set(menu, 'aria-label', texts[lang].menu);
    focusId = d.focus;
    editing = d.editing;
    Module.mirrorFocus = d.focus;   // ImGui's nav id, for the tests
    var names = new Map(d.tables.map(function (t) { return [t[0], t[1]]; }));
    var want = { nav: [], flat: [], listbox: [], menu: [] };
    var cells = new Map();   // table -> row -> col -> [elements]
    var seen = new Set(), headings = 0, counts = new Map(), lastCombo = null, combo = null;
    d.nodes.forEach(function (n) {
      var key = n[0] !== 0 ? 'i' + n[0] : 't' + n[1] + ':' + n[9] + ':' + n[10] + ':' + n[11] + ':' + n[2];
      var c = (counts.get(key) || 0) + 1;
      counts.set(key, c);
      if (c > 1) key += '#' + c;
      seen.add(key);
      var el = element(key, n[1]);
      fill(el, n, n[1] === 'heading' ? (headings++ === 0 ? 1 : 2) : 0);
      if (n[1] === 'combobox') lastCombo = el;
      if (n[1] === 'option' && !combo) combo = lastCombo;   // its options follow the open combo
      if (n[9] !== 0) {
        var rows = cells.get(n[9]) || new Map(); cells.set(n[9], rows);
        var cols = rows.get(n[10]) || new Map(); rows.set(n[10], cols);
        var list = cols.get(n[11]) || []; cols.set(n[11], list);
        list.push(el);
      } else if (n[1] === 'tab') want.nav.push(el);
      else if (n[1] === 'option') want.listbox.push(el);
      else if (n[1] === 'menuitem') want.menu.push(el);
      else want.flat.push(el);
    });
    // An open combo owns the options shown: aria-expanded and aria-controls say so.
    elements.forEach(function (el) {
      if (el.dataset.role !== 'combobox') return;
      var open = el === combo && want.listbox.length > 0;
      set(el, 'aria-expanded', String(open));
      set(el, 'aria-controls', open ? 'a11y-listbox' : null);
    });
    // Tables: rows of cells; the first column heads its row.
    var tableEls = [];
    cells.forEach(function (rows, id) {
      var t = tableOf(id, names.get(id) || [], rows.get(-1));
      var rowEls = [t.head];
      Array.from(rows.keys()).filter(function (r) { return r >= 0; }).sort(function (a, b) { return a - b; }).forEach(function (r) {
        var row = t.rows.get(r);
        if (!row) { row = make('div', { role: 'row' }); t.rows.set(r, row); }
        var cols = rows.get(r);
        var cellEls = Array.from(cols.keys()).sort(function (a, b) { return a - b; }).map(function (col) {
          var cell = row.querySelector(':scope > [data-col="' + col + '"]') || make('div', { 'data-col': String(col) });
          set(cell, 'role', col === 0 ? 'rowheader' : 'cell');
          reorder(cell, cols.get(col));
          return cell;
        });
        reorder(row, cellEls);
        rowEls.push(row);
      });
      reorder(t.el, rowEls);
      tableEls.push(t.el);
    });
    tables.forEach(function (t, id) { if (!cells.has(id)) tables.delete(id); });
    reorder(nav, want.nav);
    reorder(flat, want.flat.concat(tableEls));
    reorder(listbox, want.listbox);
    reorder(menu, want.menu);
    listbox.hidden = want.listbox.length === 0;   // a list without options is no list
    menu.hidden = want.menu.length === 0;
    elements.forEach(function (el, key) { if (!seen.has(key)) { el.remove(); elements.delete(key); } });
    text(polite, d.polite);
    text(assertive, d.assertive);
    // The page's focus follows ImGui's, unless another part of the page has it (a dialog,
    // the text input that takes typed text while a field is edited).
    var target = d.focus ? elements.get('i' + d.focus) : null;
    var active = document.activeElement;
    var ours = !active || active === document.body || active === Module.canvas || root.contains(active);
    if (target && active !== target && ours && !d.editing) {
      following = true;
      target.focus({ preventScroll: true });
      following = false;
    }
    // The edited field's caret and selection are ImGui's (a value set anew puts the browser's
    // caret at the end; arrows, Home and a click on the canvas move ImGui's).
    if (d.editing && d.selection && target && target.tagName === 'INPUT') {
      var s = d.selection, dir = s[2] ? 'backward' : 'forward';
      if (target.selectionStart !== s[0] || target.selectionEnd !== s[1] || (s[0] !== s[1] && target.selectionDirection !== dir))
        target.setSelectionRange(s[0], s[1], dir);
    }
  };
})();
