// The real UI driven by mouse and keyboard in headless Chromium. The page runs in test mode
// (?test=1), which publishes the screen rectangles of named widgets, so the test clicks
// real pixels: it changes Kramfors' decision on the Familjehem matter, sees it in the
// matrix and in the state, switches to English, reloads and finds the edit kept, saves a
// file and opens it again. Then: the browser's own copy (IndexedDB) keeps a workspace
// without a server, and changes made while the server is away survive a reload.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { check, click, rect, waitUntil, outDir, runBrowserTest, watchErrors } from './harness.mjs';

// A frame or two between a shortcut and what follows it, as a person leaves: ImGui 1.86 applies
// the keys and the text of one frame in its own order (text first), so Ctrl+A and the first
// letters typed within one slow frame under load would select what was just typed.
async function settle(page, n = 2) {
  const f = await page.evaluate(() => window.samverkan.frames);
  await waitUntil(page, (x) => window.samverkan.frames >= x, f + n, 5000);
}


async function waitFor(page, fn, arg, what, timeout = 15000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (e) {
    throw new Error('timed out waiting for ' + what);
  }
}

// Until the page has written what it shows into IndexedDB: the next store is asked for at
// once (as when the page is hidden) and the test waits for the browser to finish it.
async function keptInBrowser(page) {
  await waitFor(page, () => {
    Module.ccall('samverkan_flush', null, [], []);
    return window.samverkan.storeDirty === false && !window.samverkan.storing;
  }, null, 'the browser to keep the workspace');
}

async function saved(page) {
  return JSON.parse(await page.evaluate(() => Module.ccall('samverkan_saved', 'string', [], [])));
}

async function pixel(page, x, y) {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } }));
  return [png.data[0], png.data[1], png.data[2]];
}

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const link = server.links['Familjehem Västernorrland'].edit;
  const url = link.replace('/#', '/?test=1#');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await waitFor(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2, null, 'the workspace');

  // Beslut → Kramfors' status → Avböjt, all by mouse.
  await click(page, 'tab:decisions');
  await waitFor(page, () => window.samverkan.view === 2, null, 'the decisions view');
  await click(page, 'status:kramfors');
  await click(page, 'status-option:declined');
  check(await waitUntil(page, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters.familjehemsorganisation.decisions.kramfors.status === 'declined', null, 5000), "the state has Kramfors' decision as declined");
  const cell = await rect(page, 'cell:familjehemsorganisation:kramfors');
  const [r, g, b] = await pixel(page, cell.x + cell.w * 0.4, cell.y + cell.h * 0.5);
  check(r > 150 && g < 90 && b < 90, 'the matrix cell shows the declined colour (rgb ' + [r, g, b].join(',') + ') beside its ✗');
  // Undo and Redo from the keyboard.
  // (No eval in the page: its CSP refuses it once the wait polls from a timer.)
  const kramforsIs = (status) => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters.familjehemsorganisation.decisions.kramfors.status === status;
  await page.keyboard.press('Control+z');
  await waitFor(page, kramforsIs, 'adopted_with_conditions', 'Ctrl+Z to undo');
  // Ctrl+Y at once, the undo still on its way to the server.
  await page.keyboard.press('Control+y');
  const redone = await waitUntil(page, kramforsIs, 'declined');
  check(redone, 'Ctrl+Z undoes the change and Ctrl+Y makes it again' + (redone ? '' : ' (the page: ' + JSON.stringify(await page.evaluate(() =>
    ({ status: JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters.familjehemsorganisation.decisions.kramfors.status,
       waiting: window.samverkan.waiting, revision: window.samverkan.revision, frames: window.samverkan.frames }))) + ')'));
  await waitFor(page, () => window.samverkan.waiting === 0 && window.samverkan.revision >= 4, null, 'the changes to reach the server');
  await page.screenshot({ path: join(out, 'decisions-declined.png') });

  // English, by the language button.
  await click(page, 'language');
  check(await waitUntil(page, () => window.samverkan.lang === 'en', null), 'the language button switches to English');
  await page.screenshot({ path: join(out, 'decisions-en.png') });

  // Reload: the edit is kept (the server has it; the page opens it again).
  await page.reload();
  await waitFor(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2, null, 'the reloaded workspace');
  check((await saved(page)).matters.familjehemsorganisation.decisions.kramfors.status === 'declined', 'after a reload the edit is still there');

  // Save a file (a download), change its name, open it again (an upload): one change of the shared workspace.
  await click(page, 'file');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu-save')]);
  const file = join(out, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  const fromFile = JSON.parse(text);
  check(download.suggestedFilename().endsWith('.samverkan.json') && fromFile.matters.familjehemsorganisation.decisions.kramfors.status === 'declined',
        'Save gives a .samverkan.json file with the edit (' + download.suggestedFilename() + ')');
  fromFile.name = 'Familjehem (från fil)';
  const changed = join(out, 'changed.samverkan.json');
  writeFileSync(changed, JSON.stringify(fromFile));
  await click(page, 'file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu-open')]);
  await chooser.setFiles(changed);
  await waitFor(page, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).name === 'Familjehem (från fil)', null, 'the opened file');
  check(await waitUntil(page, () => window.samverkan.waiting === 0, null), 'Open reads the file back into the workspace, and the server has it');
  // (A reload cuts the event stream of the page it replaces: not an error.)
  const real = errors.filter((e) => !(e.startsWith('request failed:') && e.includes('/events?')));
  check(real.length === 0, 'no errors on the page: ' + JSON.stringify(real));

  // Without a server: the browser's own copy (IndexedDB) survives a reload.
  const local = await context.newPage();
  await local.goto(server.url + '?test=1');
  await waitFor(local, () => window.samverkan && window.samverkan.source === 'demo' && window.samverkan.frames > 2, null, 'the built-in demo');
  await local.evaluate(() => Module.ccall('samverkan_edit', 'number', ['string'],
    [JSON.stringify([{ op: 'replace', path: '/name', value: 'HälSam, min kopia' }])]));
  await waitFor(local, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).name === 'HälSam, min kopia', null, 'the edit');
  await keptInBrowser(local);
  await local.reload();
  // (The demo shows at once; the kept copy replaces it as soon as IndexedDB has been read.)
  await waitFor(local, () => window.samverkan && window.samverkan.frames > 2 && window.samverkan.source === 'local', null, 'the kept copy');
  const kept = await local.evaluate(() => window.samverkan.source + ' ' + JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).name);
  check(kept === 'local HälSam, min kopia', 'without a server, a reload opens the copy kept in IndexedDB (' + kept + ')');

  // A party's committee meetings, typed in: click the party, type a date, Enter.
  await click(local, 'party:timra');
  await click(local, 'add-meeting');
  await local.keyboard.type('2022-11-29');
  await local.keyboard.press('Enter');
  check(await waitUntil(local, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties.timra.committee_meetings.includes('2022-11-29'), null), "a committee meeting typed into Timrå's details is in the workspace");

  // Text that comes without key presses (an input method, dictation, insertText) keeps å, ä and ö.
  await click(local, 'party-name');
  // The text comes while Ctrl (of Ctrl+A) is still down, as it may when it follows the shortcut
  // before the page's next frame: it waits for a frame without Ctrl, and is not dropped.
  await local.keyboard.down('Control');
  await local.keyboard.press('a');
  // Where the text went, for the message below: the element with the page's focus.
  const focused = await local.evaluate(() => { const e = document.activeElement; return e ? e.tagName + (e.id ? '#' + e.id : '') + (e.dataset && e.dataset.id ? '[' + e.dataset.id + ']' : '') : 'none'; });
  await local.keyboard.insertText('Socialnämnden i Timrå');
  await local.waitForTimeout(300);
  await local.keyboard.up('Control');
  await local.keyboard.press('Enter');
  check(await waitUntil(local, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties.timra.name === 'Socialnämnden i Timrå', null, 5000),
        'a name given by insertText arrives whole: ' + JSON.stringify(await local.evaluate(() => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties.timra.name)) +
        ' (typed into ' + focused + ')');
  // And typed key by key, nothing arrives twice, and in order: å has no key on the test's
  // keyboard and comes as text without one, between letters that come from key presses.
  await click(local, 'party-name');
  await local.keyboard.press('Control+a');
  await settle(local);
  await local.keyboard.type('Timrå kommun');
  await local.keyboard.press('Enter');
  check(await waitUntil(local, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties.timra.name === 'Timrå kommun', null, 5000),
        'typed key by key, each character arrives once: ' + JSON.stringify(await local.evaluate(() => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties.timra.name)));

  // Parties from a spreadsheet: File → Import parties (CSV) adds the 16 Norrbotten parties as one change.
  await click(local, 'file');
  const [csvChooser] = await Promise.all([local.waitForEvent('filechooser'), click(local, 'menu-import')]);
  await csvChooser.setFiles(join(args.source, 'tests/data/parties-norrbotten.csv'));
  await waitFor(local, () => Object.values(JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties).some((p) => p.name === 'Luleå'),
                null, 'the imported parties');
  const imported = await saved(local);
  const lulea = Object.values(imported.parties).find((p) => p.name === 'Luleå');
  check(Object.keys(imported.parties).length === 9 + 16 && lulea.population === 79600 && lulea.kind === 'municipality',
        'the CSV import added ' + (Object.keys(imported.parties).length - 9) + ' parties with kind and population');
  await settle(local);
  await local.keyboard.press('Control+z');
  check(await waitUntil(local, () => Object.keys(JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties).length === 9, null), 'Ctrl+Z takes the whole import back in one step');

  // What Swedish Excel saves: Windows-1252 with the app's own Swedish header. å, ä and ö arrive whole.
  const cp1252 = join(out, 'parter-excel.csv');
  writeFileSync(cp1252, Buffer.from('Namn;Typ;Inv\xe5nare\r\nH\xe4rn\xf6sand-kopia;Kommun;24 900\r\n', 'latin1'));
  await click(local, 'file');
  const [cpChooser] = await Promise.all([local.waitForEvent('filechooser'), click(local, 'menu-import')]);
  await cpChooser.setFiles(cp1252);
  check(await waitUntil(local, () => Object.values(JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).parties)
        .some((p) => p.name === 'Härnösand-kopia' && p.population === 24900), null, 5000),
        'a Windows-1252 CSV with the Swedish header imports "Härnösand-kopia" with å, ä and ö');
  await local.keyboard.press('Control+z');

  // Exported CSVs keep their byte order mark, so Excel reads them as UTF-8.
  await click(local, 'file');
  await click(local, 'menu-export-csv');
  const [csvDownload] = await Promise.all([local.waitForEvent('download'), click(local, 'menu-export-parties')]);
  const csvFile = join(out, csvDownload.suggestedFilename());
  await csvDownload.saveAs(csvFile);
  const csvBytes = readFileSync(csvFile);
  check(csvBytes[0] === 0xef && csvBytes[1] === 0xbb && csvBytes[2] === 0xbf && csvBytes.toString('utf8').includes('Härnösand'),
        'Arkiv → Exportera CSV gives a file that starts with the UTF-8 byte order mark (' + csvDownload.suggestedFilename() + ')');

  // A saved view: the structure diagram as the presentation's next slide.
  await click(local, 'tab:structure');
  await click(local, 'add-slide');
  const slides = (await saved(local)).slides;
  check(slides && slides.length === 6 && slides[5].kind === 'structure',
        '"+ Bild" saves the view on screen as the last slide, after the default ones (' + (slides ? slides.length : 0) + ' slides)');
  await local.close();

  // The server away: a change waits, survives a reload, and goes out when the server is back.
  await page.route('**/api/**', (route) => route.abort());
  await page.evaluate(() => Module.ccall('samverkan_edit', 'number', ['string'],
    [JSON.stringify([{ op: 'replace', path: '/matters/familjehemsorganisation/decisions/ange/status', value: 'adopted' }])]));
  await waitFor(page, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters.familjehemsorganisation.decisions.ange.status === 'adopted', null, 'the edit');
  await keptInBrowser(page);
  await page.reload();
  await waitFor(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2, null, 'the page opened offline');
  const offline = await saved(page);
  check(offline.matters.familjehemsorganisation.decisions.ange.status === 'adopted', 'reloaded with the server away, the page opens its kept copy with the waiting change');
  check(await page.evaluate(() => window.samverkan.waiting) === 1, 'one change waits');
  await page.unroute('**/api/**');
  await waitFor(page, () => window.samverkan.waiting === 0, null, 'the waiting change to go out', 20000);
  const res = await fetch(server.url + 'api/workspaces/' + new URLSearchParams(link.split('#')[1]).get('w'),
                          { headers: { Authorization: 'Bearer ' + new URLSearchParams(link.split('#')[1]).get('t') } });
  const onServer = (await res.json()).state;
  check(onServer.matters.familjehemsorganisation.decisions.ange.status === 'adopted' && onServer.name === 'Familjehem (från fil)',
        'the server has the change that waited across the reload');
});
