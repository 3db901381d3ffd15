// The administration page in Chromium, against a real server: signing in, creating a
// workspace, making, rotating and revoking named links, archiving, erasing a name, deleting;
// making a portfolio for one organisation (its mistakes said at the field) and removing it;
// the edit-link holder's own links page; Swedish and English; axe-core finds no violations
// and the page does not scroll sideways at 200 % zoom.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { check, click, outDir, runBrowserTest, waitUntil, watchErrors } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  });
  if (violations.length) console.error(violations.join('\n'));
  check(violations.length === 0, name + ': axe-core finds no violations');
}

const text = (page, sel) => page.locator(sel).innerText();

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const api = async (method, path, token, body) => {
    const r = await fetch(server.url + path.replace(/^\//, ''), { method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
                                                                   body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: r.status === 204 ? {} : await r.json() };
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Answers every confirm() with yes, and a rename prompt with the new name.
  let promptAnswer = '';
  page.on('dialog', (d) => d.type() === 'prompt' ? d.accept(promptAnswer) : d.accept());

  // Signing in: a wrong token is said at the field, the right one opens the list.
  await page.goto(server.url + 'admin');
  check(await page.getAttribute('html', 'lang') === 'sv', 'the page is Swedish first');
  await axe(page, 'sign-in');
  await page.getByLabel('Administratörsnyckel').fill('fel-nyckel');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.length > 0);
  check((await text(page, '#alert')).includes('Nyckeln gäller inte'), 'a wrong token: "' + await text(page, '#alert') + '"');
  check(await page.getAttribute('#admin-token', 'aria-invalid') === 'true', 'the token field is marked invalid');
  await page.getByLabel('Administratörsnyckel').fill(server.adminToken);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('table', { name: 'Arbetsytor' }).waitFor();
  const rows = await page.locator('#workspaces tbody tr').count();
  check(rows === 5, 'the five demo workspaces are listed (' + rows + ')');
  await axe(page, 'workspaces');
  await page.screenshot({ path: join(out, 'admin-workspaces.png'), fullPage: true });

  // An empty name is said in Swedish at the field (not the browser's own bubble).
  await page.getByRole('button', { name: 'Skapa arbetsytan' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.length > 0);
  check((await text(page, '#alert')).includes('Skriv ett namn'), 'an empty name: "' + await text(page, '#alert') + '"');
  check(await page.evaluate(() => document.activeElement.id) === 'create-name' && await page.getAttribute('#create-name', 'aria-invalid') === 'true',
        'focus is on the name field, marked invalid');

  // A new workspace from an example: its two links are shown once, to copy.
  await page.getByLabel('Namn', { exact: true }).fill('Provyta Kramfors');
  await page.getByLabel('Ett exempel').check();
  await page.getByLabel('Exempel', { exact: true }).selectOption('familjehem-vasternorrland');
  await page.getByRole('button', { name: 'Skapa arbetsytan' }).click();
  await waitUntil(page, () => document.querySelectorAll('#create-result input').length === 2);
  check((await text(page, '#status')).includes('Provyta Kramfors är skapad'), 'created: "' + await text(page, '#status') + '"');
  const editUrl = await page.locator('#create-result input').first().inputValue();
  const m = editUrl.match(/#w=([0-9a-f]+)&t=([0-9a-f]{32})$/);
  check(m !== null, 'the edit link is a full link: ' + editUrl);
  const [, id, editToken] = m;
  check((await api('GET', '/api/workspaces/' + id, editToken)).status === 200, 'the shown edit link opens the workspace');

  // From a file: a Samverkan workspace chosen in the file field.
  const fileState = { schema_version: 2, name: 'Från fil', parties: { ange: { name: 'Ånge', kind: 'municipality', population: 9100 } } };
  await page.getByLabel('Namn', { exact: true }).fill('Från en fil');
  await page.getByLabel('En fil (Samverkan-JSON)').check();
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'ange.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fileState)) });
  await page.getByRole('button', { name: 'Skapa arbetsytan' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('Från en fil är skapad'));
  const fromFile = (await page.locator('#create-result input').first().inputValue()).match(/#w=([0-9a-f]+)&t=([0-9a-f]{32})$/);
  const fileWs = await api('GET', '/api/workspaces/' + fromFile[1], fromFile[2]);
  check(fileWs.body.state.parties.ange.name === 'Ånge' && fileWs.body.state.name === 'Från en fil', 'a workspace created from a file holds the file\'s parties');
  // A file that is not a workspace is said at the field, and nothing is created.
  await page.getByLabel('Namn', { exact: true }).fill('Fel fil');
  await page.getByLabel('En fil (Samverkan-JSON)').check();
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"parties": {"x": {"kind": "planet"}}}') });
  await page.getByRole('button', { name: 'Skapa arbetsytan' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.length > 0);
  check((await text(page, '#alert')).includes('Filen kunde inte läsas'), 'a wrong file: "' + await text(page, '#alert') + '"');

  // Its links: make one for Anna, rotate it, revoke it.
  await page.getByRole('button', { name: 'Länkar för Provyta Kramfors' }).click();
  await page.getByRole('table', { name: 'Länkar' }).waitFor();
  await page.getByLabel('Vem länken är till').fill('Anna Svensson, Kramfors');
  await page.getByLabel('Roll', { exact: true }).selectOption('edit');
  await page.getByRole('button', { name: 'Skapa länken' }).click();
  await waitUntil(page, () => document.querySelectorAll('#links .fresh input').length === 1);
  const annaUrl = await page.locator('#links .fresh input').inputValue();
  const annaToken = annaUrl.split('&t=')[1];
  check((await text(page, '#status')).includes('Anna Svensson, Kramfors är klar'), 'the link is made: "' + await text(page, '#status') + '"');
  check(await page.evaluate(() => document.activeElement.classList.contains('url')), 'focus moves to the new link');
  check(await page.locator('#links tbody tr').count() === 3, 'three links listed');
  await axe(page, 'links');
  await page.screenshot({ path: join(out, 'admin-links.png'), fullPage: true });
  check((await api('GET', '/api/workspaces/' + id, annaToken)).status === 200, 'Anna\'s link opens the workspace');

  await page.getByRole('button', { name: 'Byt nyckel för Anna Svensson, Kramfors' }).click();
  await waitUntil(page, (old) => { const i = document.querySelector('#links .fresh input'); return i && !i.value.endsWith(old); }, annaToken);
  const rotatedToken = (await page.locator('#links .fresh input').inputValue()).split('&t=')[1];
  check((await api('GET', '/api/workspaces/' + id, annaToken)).status === 401, 'after rotation the old token gets 401');
  check((await api('GET', '/api/workspaces/' + id, rotatedToken)).status === 200, 'and the new one opens it');
  await page.getByRole('button', { name: 'Återkalla Anna Svensson, Kramfors' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('återkallad'));
  check((await api('GET', '/api/workspaces/' + id, rotatedToken)).status === 401, 'a revoked link gets 401');
  check(await page.locator('#links tbody tr').count() === 2, 'two links left');

  // Archive: every link reads only; the list says so.
  await page.getByRole('button', { name: 'Arkivera Provyta Kramfors' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('arkiverad'));
  check((await page.locator('#workspaces tr', { hasText: 'Provyta Kramfors' }).innerText()).includes('Arkiverad'), 'the row says Arkiverad');
  const archived = await api('GET', '/api/workspaces/' + id, editToken);
  check(archived.body.archived === true && archived.body.access === 'view', 'the edit link now reads only');
  await page.getByRole('button', { name: 'Återställ Provyta Kramfors från arkivet' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('återställd'));

  // Rename, then erase a name from it.
  promptAnswer = 'Provyta Ådalen';
  await page.getByRole('button', { name: 'Byt namn på Provyta Kramfors' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('Provyta Ådalen'));
  check((await api('GET', '/api/workspaces/' + id, editToken)).body.state.name === 'Provyta Ådalen', 'renamed through a change');
  await page.getByLabel('Arbetsyta', { exact: true }).selectOption(id);
  await page.getByLabel(/Text att radera/).fill('ab');
  await page.getByRole('button', { name: 'Radera texten' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.length > 0);
  check((await text(page, '#alert')).includes('minst 3 tecken'), 'too short a text is refused at the field: "' + await text(page, '#alert') + '"');
  await page.getByLabel(/Text att radera/).fill('Familjehemssekreterare');
  await page.getByRole('button', { name: 'Radera texten' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('förekomster'));
  check(/\d+ förekomster ersattes med \[borttaget\]/.test(await text(page, '#status')), 'erased: "' + await text(page, '#status') + '"');
  const after = await api('GET', '/api/workspaces/' + id, editToken);
  check(!JSON.stringify(after.body.state).toLowerCase().includes('familjehemssekreterare'), 'the text is gone from the workspace');
  const log = await text(page, 'table:has(caption:text("Logg"))');
  check(log.includes('Raderade personuppgifter') && !log.includes('Familjehemssekreterare'), 'the log says an erasure happened, not what was erased');

  // Delete.
  await page.getByRole('button', { name: 'Ta bort Provyta Ådalen' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('borttagen'));
  check(await page.locator('#workspaces tbody tr').count() === 6, 'the row is gone');
  check((await api('GET', '/api/workspaces/' + id, server.adminToken)).status === 404, 'the workspace is gone');

  // A portfolio for Kramfors over two workspaces: mistakes said at the field, then made.
  await page.getByRole('button', { name: 'Skapa portföljen' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.length > 0);
  check((await text(page, '#alert')).includes('organisationens namn') && await page.evaluate(() => document.activeElement.id) === 'pf-party',
        'no organisation: said, and the field has focus: "' + await text(page, '#alert') + '"');
  await page.getByLabel('Organisation', { exact: true }).fill('Kramfors');
  await page.getByRole('button', { name: 'Skapa portföljen' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.includes('arbetsyta'));
  check((await text(page, '#alert')).includes('Välj minst en arbetsyta'), 'no workspace chosen: "' + await text(page, '#alert') + '"');
  await page.locator('#pf-workspaces').getByLabel('HälSam Västernorrland').check();
  await page.locator('#pf-workspaces').getByLabel('Familjehem Västernorrland').check();
  await page.getByLabel('År (valfritt)').fill('20x');
  await page.getByRole('button', { name: 'Skapa portföljen' }).click();
  await waitUntil(page, () => document.getElementById('alert').textContent.includes('fyra siffror'));
  check(await page.getAttribute('#pf-year', 'aria-invalid') === 'true', 'a year that is no year is marked at its field');
  await page.getByLabel('År (valfritt)').fill('2024');
  await page.getByRole('button', { name: 'Skapa portföljen' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('Portföljen'));
  check((await text(page, '#status')).includes('Portföljen Kramfors är skapad'), 'made: "' + await text(page, '#status') + '"');
  await axe(page, 'portfolio made');
  await page.locator('#portfolios').screenshot({ path: join(out, 'admin-portfolio.png') });
  const pfUrl = await page.locator('#pf-result input').first().inputValue();
  const pm = pfUrl.match(/#p=(p[0-9a-f]+)&t=([0-9a-f]{32})$/);
  check(pm !== null, 'the portfolio link is shown once, whole: ' + pfUrl);
  if (pm) {
    const pf = await api('GET', '/api/portfolios/' + pm[1], pm[2]);
    check(pf.status === 200 && pf.body.year === 2024 && pf.body.workspaces.length === 2, 'it opens Kramfors\' portfolio for 2024 over two workspaces');
    check(pf.body.workspaces.every((w) => /^#w=/.test(w.open || '')), 'and each line leads into its workspace');
  }
  check((await page.locator('#portfolios tbody tr').innerText()).includes('HälSam Västernorrland'), 'the list names its workspaces');
  await page.getByRole('button', { name: 'Ta bort portföljen Kramfors' }).click();
  await waitUntil(page, () => document.getElementById('status').textContent.includes('borttagen'));
  check(await page.locator('#portfolios tbody tr').count() === 0, 'removed from the list');
  if (pm) check((await api('GET', '/api/portfolios/' + pm[1], pm[2])).status === 401, 'and its link ends');

  // English, and 200 % zoom.
  await page.getByRole('button', { name: 'In English' }).click();
  await page.getByRole('table', { name: 'Workspaces' }).waitFor();
  check(await page.getAttribute('html', 'lang') === 'en', 'lang="en" after the switch');
  await axe(page, 'workspaces in English');
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, 'at 200 % zoom the page does not scroll sideways (overflow ' + overflow + ' px)');
  await page.screenshot({ path: join(out, 'admin-en-640.png'), fullPage: true });
  await page.getByRole('button', { name: 'På svenska' }).click();

  // The holder of an edit link manages their workspace's links; the token leaves the address.
  const linkPage = await context.newPage();
  const linkErrors = watchErrors(linkPage);
  linkPage.on('dialog', (d) => d.accept());
  const demo = server.links['Familjehem Västernorrland'];
  await linkPage.goto(server.url + 'admin' + demo.edit.slice(demo.edit.indexOf('#')));
  await linkPage.getByRole('table', { name: 'Länkar' }).waitFor();
  check(!linkPage.url().includes('&t='), 'the token is gone from the address bar: ' + linkPage.url());
  check((await linkPage.locator('h1').innerText()).includes('Familjehem Västernorrland'), 'the page names the workspace');
  check(await linkPage.locator('#workspaces').count() === 0, 'and shows no other workspace');
  check((await linkPage.locator('#links tbody tr').first().innerText()).includes('(din länk)'), 'the holder\'s own link is marked');
  await linkPage.getByLabel('Vem länken är till').fill('Socialnämnden i Ånge');
  await linkPage.getByRole('button', { name: 'Skapa länken' }).click();
  await waitUntil(linkPage, () => document.querySelectorAll('#links tbody tr').length === 3);
  await axe(linkPage, 'an edit link\'s links page');
  // Its last edit link cannot be revoked by its holder.
  await linkPage.getByRole('button', { name: 'Återkalla Redigering' }).click();
  await waitUntil(linkPage, () => document.getElementById('alert').textContent.length > 0);
  check((await text(linkPage, '#alert')).includes('sista redigeringslänk'), 'the last edit link stays: "' + await text(linkPage, '#alert') + '"');
  await linkPage.screenshot({ path: join(out, 'admin-edit-link.png'), fullPage: true });

  // A view link's holder is told plainly that links are not theirs to manage.
  const viewPage = await context.newPage();
  await viewPage.goto(server.url + 'admin' + demo.view.slice(demo.view.indexOf('#')));
  await waitUntil(viewPage, () => document.getElementById('alert').textContent.length > 0);
  check((await text(viewPage, '#alert')).includes('Det gick inte'), 'a view link: "' + await text(viewPage, '#alert') + '"');

  // In the app: the edit link's holder finds "Länkar …" in the file menu; archiving turns the
  // open app read-only at once and says so; a revoked link says so, and what is typed stays.
  const app = await context.newPage();
  const appErrors = watchErrors(app);
  const hal = server.links['HälSam Västernorrland'];
  const halId = hal.edit.match(/#w=([0-9a-f]+)/)[1];
  await app.goto(hal.edit.replace('/#', '/?test=1#'));
  check(await waitUntil(app, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.online, null, 20000), 'the app opens HälSam from its edit link');
  await click(app, 'file');
  const opened = context.waitForEvent('page');
  await click(app, 'menu-links');
  const linksTab = await opened;
  await linksTab.waitForLoadState();
  await linksTab.getByRole('table', { name: 'Länkar' }).waitFor();
  check(linksTab.url().endsWith('/admin#w=' + halId), 'Arkiv → Länkar … opens the workspace\'s links page (' + linksTab.url() + ')');
  await linksTab.close();
  await app.keyboard.press('Escape');

  check((await api('POST', '/api/workspaces/' + halId + '/archive', server.adminToken)).status === 200, 'HälSam archived through the API');
  check(await waitUntil(app, () => !!window.samverkan.rects.archived, null, 5000), 'the open app shows Arkiverad within seconds');
  await app.screenshot({ path: join(out, 'app-archived.png') });
  check((await api('POST', '/api/workspaces/' + halId + '/unarchive', server.adminToken)).status === 200, 'and restored');
  check(await waitUntil(app, () => !window.samverkan.rects.archived && !window.samverkan.rects['view-mode'], null, 5000), 'the app can edit again');

  const halLinks = (await api('GET', '/api/workspaces/' + halId + '/links', server.adminToken)).body.links;
  const editLink = halLinks.find((l) => l.name === 'Redigering');
  check((await api('DELETE', '/api/workspaces/' + halId + '/links/' + editLink.link_id, server.adminToken)).status === 204, 'its edit link revoked by the admin');
  check(await waitUntil(app, () => !!window.samverkan.rects.revoked, null, 8000), 'the open app says the link is no longer valid');
  const before = (await api('GET', '/api/workspaces/' + halId, server.adminToken)).body.revision;
  check(await app.evaluate(() => Module.ccall('samverkan_edit', 'number', ['string'], [JSON.stringify([{ op: 'replace', path: '/description', value: 'Skrivet efter återkallelsen' }])])) === 0,
        'the app takes no new edit with a revoked link (it reads only)');
  await new Promise((r) => setTimeout(r, 1000));
  check((await api('GET', '/api/workspaces/' + halId, server.adminToken)).body.revision === before, 'nothing reached the server');
  await app.screenshot({ path: join(out, 'app-revoked.png') });

  // The only errors are the refusals the test asked for (a wrong token, a short text, the last edit link, the view link, the revoked link).
  const unexpected = [...errors, ...linkErrors, ...appErrors.filter((e) => !/events|access/.test(e))].filter((e) => !/status of (400|401|403|409|422)|^HTTP (400|401|403|409|422) /.test(e));
  check(unexpected.length === 0, 'no other console or network errors: ' + unexpected.join('; '));
});
