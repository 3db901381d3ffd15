// The administration page: workspaces, their named links, archive, delete, erasing a
// person's data and the log, for the holder of the admin token; and the links of one
// workspace for the holder of its edit link (/admin#w=ID, the token kept in this tab only).
// Plain DOM: real buttons, labels, captioned tables and live regions, so a screen reader and
// the keyboard reach everything. Every text comes from the app's translation table (the
// server puts it in #texts); every rule is the server's, which answers in JSON.
(function () {
  'use strict';
  const texts = JSON.parse(document.getElementById('texts').textContent);
  let lang = localStorage.getItem('samverkan.lang') === 'en' ? 'en' : 'sv';
  const session = { token: '', workspace: '', admin: false };
  const names = {};   // workspace id -> name, for the log

  function t(key, ...args) {
    const s = (texts[lang] && texts[lang][key]) || key;
    return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  }

  // Elements, made small: el('button', {type: 'button'}, 'Text').
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else if (v === true) e.setAttribute(k, '');
      else if (v !== false && v != null) e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  // Messages: polite for what happened, an alert for what went wrong.
  function say(text) { document.getElementById('alert').textContent = ''; document.getElementById('status').textContent = text; }
  function fail(text) { document.getElementById('status').textContent = ''; document.getElementById('alert').textContent = text; }

  // Swedish dates as the rest of the app writes them: 2026-12-01 14:05 (local time).
  function when(iso) {
    if (!iso) return t('admin.never');
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes());
  }
  const count = (n) => Number(n).toLocaleString('sv-SE');

  // The API, with the session's token. Answers {status, body}; never throws.
  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + session.token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      let json = {};
      try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { message: text }; }
      return { status: r.status, body: json };
    } catch (e) {
      return { status: 0, body: { message: t('admin.offline') } };
    }
  }
  function problem(r) {
    if (r.status === 0) return t('admin.offline');
    if (r.status === 401) return session.admin ? t('admin.bad_token') : t('admin.link_gone');
    return t('admin.failed', r.body.message || ('HTTP ' + r.status));
  }

  function linkUrl(fragment) { return location.origin + '/' + fragment; }

  // A link just made or rotated: shown once, with a copy button.
  function freshLink(label, url) {
    const id = 'fresh-' + Math.random().toString(36).slice(2);
    const input = el('input', { id, type: 'text', readonly: true, value: url, class: 'url' });
    const copy = el('button', { type: 'button', on: { click: async () => {
      try { await navigator.clipboard.writeText(url); say(t('admin.copied')); }
      catch (e) {
        input.select();
        try { document.execCommand('copy') ? say(t('admin.copied')) : fail(t('admin.copy_failed')); } catch (e2) { fail(t('admin.copy_failed')); }
      }
    } } }, t('admin.copy'));
    return el('div', { class: 'fresh' }, el('label', { for: id }, label), el('div', { class: 'row' }, input, copy));
  }

  // `quiet`: the caption repeats the heading above it, so only a screen reader reads it.
  function table(caption, heads, rows, quiet) {
    return el('div', { class: 'scroll' }, el('table', {},
      el('caption', { class: quiet ? 'visually-hidden' : null }, caption),
      el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
  }

  function field(id, label, input, hint) {
    input.id = id;
    if (hint) input.setAttribute('aria-describedby', id + '-hint');
    return el('div', { class: 'field' }, el('label', { for: id }, label), hint ? el('p', { id: id + '-hint', class: 'hint' }, hint) : null, input);
  }

  // ---- Links of one workspace ----
  async function linksSection(id, name) {
    const section = el('section', { 'aria-labelledby': 'links-h', id: 'links' });
    const r = await api('GET', '/api/workspaces/' + encodeURIComponent(id) + '/links');
    section.append(el('h2', { id: 'links-h', tabindex: '-1' }, t('admin.manage_links', name)), el('p', {}, t('admin.links_help')));
    if (r.status !== 200) { fail(problem(r)); return section; }
    const fresh = el('div', { 'aria-live': 'polite' });
    const rows = r.body.links.map((l) => {
      const role = l.role === 'edit' ? t('admin.role_edit') : t('admin.role_view');
      const rotate = el('button', { type: 'button', 'aria-label': t('admin.rotate', l.name), on: { click: async () => {
        if (!confirm(t('admin.rotate_confirm', l.name))) return;
        const a = await api('POST', '/api/workspaces/' + id + '/links/' + l.link_id + '/rotate');
        if (a.status !== 200) return fail(problem(a));
        if (l.yours) return adoptToken(id, a.body.token, t('admin.link_for', l.name, role));
        await showLinks(id, name, freshLink(t('admin.link_for', l.name, role), linkUrl(a.body.fragment)), t('admin.link_made', l.name));
      } } }, t('admin.rotate_short'));
      const revoke = el('button', { type: 'button', class: 'danger', 'aria-label': t('admin.revoke', l.name), on: { click: async () => {
        if (!confirm(t('admin.revoke_confirm', l.name))) return;
        const a = await api('DELETE', '/api/workspaces/' + id + '/links/' + l.link_id);
        if (a.status === 409) return fail(t('admin.last_edit_link'));
        if (a.status !== 204) return fail(problem(a));
        if (l.yours) { session.token = ''; sessionStorage.removeItem('samverkan.link.' + id); return start(); }
        await showLinks(id, name, null, t('admin.revoked', l.name));
      } } }, t('admin.revoke_short'));
      return el('tr', {},
        el('th', { scope: 'row' }, l.name, l.yours ? ' ' + t('admin.yours') : ''),
        el('td', {}, role), el('td', { class: 'date' }, when(l.created)), el('td', {}, l.created_by), el('td', { class: 'date' }, when(l.last_used)),
        el('td', { class: 'actions' }, rotate, revoke));
    });
    section.append(table(t('admin.links'), [t('admin.col_name'), t('admin.col_role'), t('admin.col_created'), t('admin.col_created_by'),
                                           t('admin.col_last_used'), t('admin.col_actions')], rows, true), fresh);

    const linkName = el('input', { type: 'text', maxlength: '80', autocomplete: 'off', 'aria-required': 'true' });
    const role = el('select', {}, el('option', { value: 'view' }, t('admin.role_view')), el('option', { value: 'edit' }, t('admin.role_edit')));
    const form = el('form', { 'aria-labelledby': 'new-link-h', on: { submit: async (ev) => {
      ev.preventDefault();
      const n = linkName.value.trim();
      if (!n) { linkName.setAttribute('aria-invalid', 'true'); linkName.focus(); return fail(t('admin.name_missing')); }
      const a = await api('POST', '/api/workspaces/' + id + '/links', { name: n, role: role.value });
      if (a.status !== 201) return fail(problem(a));
      const roleText = a.body.role === 'edit' ? t('admin.role_edit') : t('admin.role_view');
      await showLinks(id, name, freshLink(t('admin.link_for', a.body.name, roleText), linkUrl(a.body.fragment)), t('admin.link_made', a.body.name));
    } } },
      el('h3', { id: 'new-link-h' }, t('admin.new_link')),
      field('link-name', t('admin.link_name'), linkName, t('admin.link_name_hint')),
      field('link-role', t('admin.role'), role),
      el('button', { type: 'submit' }, t('admin.make_link')));
    section.append(form);
    return section;
  }

  // The link holder rotated their own link: the page goes on with the new token.
  function adoptToken(id, token, label) {
    session.token = token;
    sessionStorage.setItem('samverkan.link.' + id, token);
    showLinks(id, session.name, freshLink(label, linkUrl('#w=' + id + '&t=' + token)), t('admin.link_made', label));
  }

  async function showLinks(id, name, fresh, message) {
    const old = document.getElementById('links');
    const section = await linksSection(id, name);
    if (fresh) section.querySelector('[aria-live]').append(fresh);
    const slot = document.getElementById('links-slot');
    if (old) old.replaceWith(section); else if (slot) slot.replaceWith(section); else document.getElementById('content').append(section);
    if (message) say(message);
    (fresh ? fresh.querySelector('input') : section.querySelector('h2')).focus();
  }

  // ---- Admin: workspaces, new workspace, erase, log ----
  async function workspacesSection() {
    const section = el('section', { 'aria-labelledby': 'ws-h', id: 'workspaces' }, el('h2', { id: 'ws-h', tabindex: '-1' }, t('admin.workspaces')));
    const r = await api('GET', '/api/workspaces');
    if (r.status !== 200) { fail(problem(r)); return [section]; }
    const list = r.body.workspaces;
    for (const w of list) names[w.id] = w.name;
    if (!list.length) section.append(el('p', {}, t('admin.none')));
    const rows = list.map((w) => {
      // Short on screen, whole for a screen reader's list of buttons ("Ta bort HälSam Västernorrland").
      const act = (label, name, cls, fn) => el('button', { type: 'button', class: cls, 'aria-label': name, on: { click: fn } }, label);
      return el('tr', {},
        el('th', { scope: 'row' }, w.name),
        el('td', { class: 'num' }, count(w.revision)), el('td', { class: 'date' }, when(w.updated)), el('td', { class: 'num' }, count(w.links)),
        el('td', {}, w.archived ? t('admin.archived') : t('admin.active')),
        el('td', { class: 'actions' },
          act(t('admin.links'), t('admin.manage_links', w.name), '', () => showLinks(w.id, w.name)),
          act(t('admin.rename_short'), t('admin.rename', w.name), '', async () => {
            const n = prompt(t('admin.rename_prompt', w.name), w.name);
            if (n == null || !n.trim() || n.trim() === w.name) return;
            const a = await api('POST', '/api/workspaces/' + w.id + '/rename', { name: n.trim() });
            if (a.status !== 200) return fail(problem(a));
            await refresh(t('admin.renamed', n.trim()));
          }),
          act(t(w.archived ? 'admin.unarchive_short' : 'admin.archive_short'), w.archived ? t('admin.unarchive', w.name) : t('admin.archive', w.name), '', async () => {
            const a = await api('POST', '/api/workspaces/' + w.id + (w.archived ? '/unarchive' : '/archive'));
            if (a.status !== 200) return fail(problem(a));
            await refresh(t(w.archived ? 'admin.unarchived_done' : 'admin.archived_done', w.name));
          }),
          act(t('admin.delete_short'), t('admin.delete', w.name), 'danger', async () => {
            if (!confirm(t('admin.delete_confirm', w.name))) return;
            const a = await api('DELETE', '/api/workspaces/' + w.id);
            if (a.status !== 204) return fail(problem(a));
            await refresh(t('admin.deleted_done', w.name));
          })));
    });
    if (list.length) section.append(table(t('admin.workspaces'), [t('admin.col_name'), t('admin.col_revisions'), t('admin.col_updated'),
                                                                  t('admin.col_links'), t('admin.col_status'), t('admin.col_actions')], rows, true));
    return [section, el('div', { id: 'links-slot' }), createForm(), await portfoliosSection(list), eraseForm(list)];
  }

  function createForm() {
    const name = el('input', { type: 'text', maxlength: '80', autocomplete: 'off', 'aria-required': 'true' });
    const demo = el('select', {},
      el('option', { value: 'halsam-vasternorrland' }, 'HälSam Västernorrland'),
      el('option', { value: 'familjehem-vasternorrland' }, 'Familjehem Västernorrland'),
      el('option', { value: 'norrbotten' }, 'Norrbotten: nära vård och suicidprevention'),
      el('option', { value: 'utvecklingsarbete-2017' }, 'Länsgemensamt utvecklingsarbete 2017'),
      el('option', { value: 'kommunforbundet-vasternorrland' }, 'Kommunförbundet Västernorrland'));
    const file = el('input', { type: 'file', accept: '.json,application/json' });
    const choice = (value, label, checked) => {
      const id = 'start-' + value;
      return el('div', { class: 'choice' }, el('input', { type: 'radio', name: 'start', id, value, checked }), el('label', { for: id }, label));
    };
    const result = el('div', { 'aria-live': 'polite' });
    const form = el('form', { 'aria-labelledby': 'create-h', on: { submit: async (ev) => {
      ev.preventDefault();
      const n = name.value.trim();
      if (!n) { name.setAttribute('aria-invalid', 'true'); name.focus(); return fail(t('admin.name_missing')); }
      name.removeAttribute('aria-invalid');
      const start = form.querySelector('input[name=start]:checked').value;
      const body = { name: n };
      if (start === 'demo') body.demo = demo.value;
      if (start === 'file') {
        if (!file.files.length) { file.focus(); return fail(t('admin.file_missing')); }
        try { body.state = JSON.parse(await file.files[0].text()); }
        catch (e) { file.focus(); return fail(t('admin.file_bad', e.message)); }
      }
      say(t('admin.working'));
      const a = await api('POST', '/api/workspaces', body);
      if (a.status !== 201) return fail(a.status === 422 ? t('admin.file_bad', a.body.message) : problem(a));
      await refresh(t('admin.created', n));
      const box = document.querySelector('#create-result');
      box.append(freshLink(t('admin.link_for', n, t('admin.role_edit')), linkUrl('#w=' + a.body.id + '&t=' + a.body.edit_token)),
                 freshLink(t('admin.link_for', n, t('admin.role_view')), linkUrl('#w=' + a.body.id + '&t=' + a.body.view_token)));
      box.querySelector('input').focus();
    } } },
      el('h3', { id: 'create-h' }, t('admin.create')),
      field('create-name', t('admin.col_name'), name),
      el('fieldset', {}, el('legend', {}, t('admin.start')),
        choice('empty', t('admin.start_empty'), true), choice('demo', t('admin.start_demo')), choice('file', t('admin.start_file'))),
      field('create-demo', t('admin.demo'), demo),
      field('create-file', t('admin.file'), file),
      el('button', { type: 'submit' }, t('admin.create_button')));
    result.id = 'create-result';
    return el('div', {}, form, result);
  }

  function eraseForm(list) {
    if (!list.length) return null;
    const which = el('select', {}, ...list.map((w) => el('option', { value: w.id }, w.name)));
    const text = el('input', { type: 'text', autocomplete: 'off', 'aria-required': 'true' });
    return el('form', { 'aria-labelledby': 'erase-h', on: { submit: async (ev) => {
      ev.preventDefault();
      const name = which.selectedOptions[0].textContent;
      if (!text.value) { text.focus(); return fail(t('erase.too_short')); }
      if (!confirm(t('admin.erase_confirm', text.value, name))) return;
      say(t('admin.working'));
      const a = await api('POST', '/api/workspaces/' + which.value + '/erase', { text: text.value });
      if (a.status === 400 && a.body.error === 'bad_text') { text.setAttribute('aria-invalid', 'true'); text.focus(); return fail(lang === 'sv' ? a.body.sv : a.body.message); }
      if (a.status === 422) { text.focus(); return fail(t('admin.erase_breaks')); }
      if (a.status !== 200) return fail(problem(a));
      text.value = '';
      text.removeAttribute('aria-invalid');
      await refresh(a.body.occurrences ? t('admin.erased', count(a.body.occurrences), count(a.body.rows)) : t('admin.erase_none'));
    } } },
      el('h2', { id: 'erase-h' }, t('admin.erase')),
      el('p', { id: 'erase-help' }, t('admin.erase_help')),
      field('erase-workspace', t('admin.erase_workspace'), which),
      field('erase-text', t('admin.erase_text'), text),
      el('button', { type: 'submit', class: 'danger' }, t('admin.erase_button')));
  }

  // ---- Portfolios: one organisation over chosen workspaces ----
  async function portfoliosSection(list) {
    const section = el('section', { 'aria-labelledby': 'pf-h', id: 'portfolios' },
      el('h2', { id: 'pf-h', tabindex: '-1' }, t('admin.portfolios')), el('p', {}, t('admin.portfolios_help')));
    const r = await api('GET', '/api/portfolios');
    if (r.status !== 200) { fail(problem(r)); return section; }
    const made = r.body.portfolios;
    if (!made.length) section.append(el('p', {}, t('admin.portfolio_none')));
    const rows = made.map((p) => el('tr', {},
      el('th', { scope: 'row' }, p.name), el('td', {}, p.party), el('td', { class: 'num' }, p.year ? String(p.year) : t('admin.portfolio_this_year')),
      el('td', {}, p.workspaces.map((id) => names[id] || id).join(', ')), el('td', { class: 'date' }, when(p.created)),
      el('td', { class: 'actions' }, el('button', { type: 'button', class: 'danger', 'aria-label': t('admin.portfolio_delete', p.name), on: { click: async () => {
        if (!confirm(t('admin.portfolio_delete_confirm', p.name))) return;
        const a = await api('DELETE', '/api/portfolios/' + p.portfolio_id);
        if (a.status !== 204) return fail(problem(a));
        await refresh(t('admin.portfolio_deleted', p.name));
      } } }, t('admin.delete_short')))));
    if (made.length) section.append(table(t('admin.portfolios'), [t('admin.col_name'), t('admin.col_party'), t('admin.col_year'), t('admin.col_workspaces'),
                                                                  t('admin.col_created'), t('admin.col_actions')], rows, true));
    if (list.length) section.append(portfolioForm(list));
    return section;
  }

  function portfolioForm(list) {
    const party = el('input', { type: 'text', maxlength: '80', autocomplete: 'off', 'aria-required': 'true' });
    const title = el('input', { type: 'text', maxlength: '80', autocomplete: 'off' });
    const year = el('input', { type: 'text', inputmode: 'numeric', maxlength: '4', autocomplete: 'off', size: '6' });
    const boxes = list.map((w) => el('input', { type: 'checkbox', id: 'pf-ws-' + w.id, value: w.id }));
    const lines = el('input', { type: 'checkbox', id: 'pf-lines', checked: true });
    const picks = el('fieldset', { id: 'pf-workspaces' }, el('legend', {}, t('admin.portfolio_workspaces')),
      ...list.map((w, i) => el('div', { class: 'choice' }, boxes[i], el('label', { for: boxes[i].id }, w.name))));
    const invalid = (input, on) => on ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid');
    const form = el('form', { 'aria-labelledby': 'pf-create-h', on: { submit: async (ev) => {
      ev.preventDefault();
      const body = { party: party.value.trim(), workspaces: boxes.filter((b) => b.checked).map((b) => b.value), open_links: lines.checked };
      invalid(party, !body.party);
      if (!body.party) { party.focus(); return fail(t('admin.portfolio_party_missing')); }
      if (!body.workspaces.length) { boxes[0].focus(); return fail(t('admin.portfolio_pick')); }
      const y = year.value.trim();
      invalid(year, y && !/^\d{4}$/.test(y));
      if (y && !/^\d{4}$/.test(y)) { year.focus(); return fail(t('admin.portfolio_year_bad')); }
      if (y) body.year = Number(y);
      if (title.value.trim()) body.name = title.value.trim();
      say(t('admin.working'));
      const a = await api('POST', '/api/portfolios', body);
      if (a.status !== 201) return fail(problem(a));
      await refresh(t('admin.portfolio_made', a.body.name));
      const box = document.querySelector('#pf-result');
      box.append(freshLink(t('admin.portfolio_app'), linkUrl('#p=' + a.body.portfolio_id + '&t=' + a.body.token)),
                 freshLink(t('admin.portfolio_page'), location.origin + a.body.page + '?access_token=' + a.body.token));
      box.querySelector('input').focus();
    } } },
      el('h3', { id: 'pf-create-h' }, t('admin.portfolio_create')),
      field('pf-party', t('admin.portfolio_party'), party, t('admin.portfolio_party_hint')),
      field('pf-name', t('admin.portfolio_name'), title),
      field('pf-year', t('admin.portfolio_year'), year, t('admin.portfolio_year_hint')),
      picks,
      el('div', { class: 'choice' }, lines, el('label', { for: 'pf-lines' }, t('admin.portfolio_lines'))),
      el('button', { type: 'submit' }, t('admin.portfolio_button')));
    return el('div', {}, form, el('div', { id: 'pf-result', 'aria-live': 'polite' }));
  }

  async function auditSection() {
    const section = el('section', { 'aria-labelledby': 'audit-h' }, el('h2', { id: 'audit-h' }, t('admin.audit')));
    const r = await api('GET', '/api/audit');
    if (r.status !== 200) return section;
    const rows = r.body.audit.slice(0, 200).map((e) => el('tr', {},
      el('td', { class: 'date' }, when(e.time)), el('td', {}, e.actor), el('td', {}, t('admin.action.' + e.action)), el('td', {}, names[e.workspace] || e.workspace), el('td', {}, e.detail)));
    section.append(table(t('admin.audit'), [t('admin.col_time'), t('admin.col_actor'), t('admin.col_action'), t('admin.col_workspace'), t('admin.col_detail')], rows, true));
    return section;
  }

  async function refresh(message) {
    const content = document.getElementById('content');
    const parts = [...await workspacesSection(), await auditSection()];
    content.replaceChildren(...parts);
    if (message) say(message);
  }

  // ---- Signing in ----
  function signIn() {
    const input = el('input', { type: 'password', autocomplete: 'off', 'aria-required': 'true' });
    const form = el('form', { 'aria-labelledby': 'signin-h', on: { submit: async (ev) => {
      ev.preventDefault();
      session.token = input.value.trim();
      const r = await api('GET', '/api/audit');
      if (r.status !== 200) { session.token = ''; input.setAttribute('aria-invalid', 'true'); input.focus(); return fail(r.status === 0 ? t('admin.offline') : t('admin.bad_token')); }
      sessionStorage.setItem('samverkan.admin', session.token);
      start();
    } } },
      el('h2', { id: 'signin-h' }, t('admin.sign_in')),
      field('admin-token', t('admin.token_label'), input, t('admin.token_help')),
      el('button', { type: 'submit' }, t('admin.sign_in')));
    document.getElementById('content').replaceChildren(form);
    input.focus();
  }

  function frame(title) {
    document.documentElement.lang = lang;
    document.title = title;
    document.getElementById('title').textContent = title;
    const tools = document.getElementById('tools');
    tools.replaceChildren(
      el('button', { type: 'button', lang: lang === 'sv' ? 'en' : 'sv', on: { click: () => {
        lang = lang === 'sv' ? 'en' : 'sv';
        localStorage.setItem('samverkan.lang', lang);
        start();
      } } }, t('admin.language')),
      session.token && session.admin ? el('button', { type: 'button', on: { click: () => {
        sessionStorage.removeItem('samverkan.admin');
        session.token = '';
        start();
      } } }, t('admin.sign_out')) : null);
  }

  async function start() {
    const hash = new URLSearchParams(location.hash.slice(1));
    const id = hash.get('w');
    if (id) {
      // An edit link's holder: the token leaves the address bar (and a shared screen) at once.
      if (hash.get('t')) {
        sessionStorage.setItem('samverkan.link.' + id, hash.get('t'));
        history.replaceState(null, '', location.pathname + '#w=' + encodeURIComponent(id));
      }
      session.token = sessionStorage.getItem('samverkan.link.' + id) || '';
      session.admin = false;
      const r = session.token ? await api('GET', '/api/workspaces/' + encodeURIComponent(id)) : { status: 401, body: {} };
      session.name = r.status === 200 ? r.body.state.name : id;
      frame(t('admin.links_title', session.name));
      document.getElementById('content').replaceChildren();
      if (r.status !== 200) return fail(problem(r));
      const open = el('p', {}, el('a', { href: '/#w=' + encodeURIComponent(id) + '&t=' + encodeURIComponent(session.token) }, t('admin.open_app')));
      document.getElementById('content').append(open);
      return showLinks(id, session.name);
    }
    session.admin = true;
    session.token = sessionStorage.getItem('samverkan.admin') || '';
    frame(t('admin.title'));
    if (!session.token) return signIn();
    await refresh();
  }

  start();
})();
