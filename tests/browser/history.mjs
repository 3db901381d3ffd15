// Who changed what, in Chromium against the real server: the user says who they are
// (Vem är du?, kept in the browser), a change made by mouse reaches /history with that name
// and a summary in words, another page sees the user as present, Historik lists the change,
// an old revision is shown read-only, Återställ makes it the newest through the server, and
// Ctrl+Z takes the restore back.
import { join } from 'node:path';
import { check, click, rect, waitUntil, outDir, runBrowserTest, watchErrors } from './harness.mjs';

const frames = async (page, n = 3) => {
  const f = await page.evaluate(() => window.samverkan.frames);
  await waitUntil(page, (x) => window.samverkan.frames >= x, f + n, 5000);
};
const mirrorText = (page) => page.evaluate(() => document.getElementById('a11y-mirror').innerText);

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const links = server.links['Norrbotten: nära vård och suicidprevention'];
  const id = links.edit.match(/#w=([0-9a-f]+)/)[1], token = links.edit.match(/&t=([0-9a-f]+)/)[1];
  const api = (path) => fetch(server.url + 'api/workspaces/' + id + path, { headers: { Authorization: 'Bearer ' + token } }).then((r) => r.json());

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(links.edit.replace('/#', '/?test=1#'));
  check(await waitUntil(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2, null, 20000), 'Norrbotten opens');

  // Vem är du?: asked in the status bar; the answer is kept in this browser.
  await click(page, 'author');
  await click(page, 'author-name');
  await page.keyboard.type('Åsa Öberg');
  await click(page, 'author-org');
  await page.keyboard.type('Kiruna kommun');
  await click(page, 'author-save');
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('samverkan.author')));
  check(kept && kept.name === 'Åsa Öberg' && kept.organisation === 'Kiruna kommun', 'the name and organisation are kept in the browser');

  // Another page (a view link) sees her as present.
  const other = await context.newPage();
  await other.goto(links.view.replace('/#', '/?test=1#'));
  check(await waitUntil(other, () => window.samverkan && window.samverkan.frames > 2 &&
                        document.getElementById('a11y-mirror').innerText.includes('Här nu: Redigering (Åsa Öberg, Kiruna kommun)'), null, 20000),
        'the view page\'s status bar says who else is here');

  // A change by mouse: Kiruna's decision path starts from the default.
  await page.bringToFront();
  const before = (await api('')).revision;
  await click(page, 'tab:decisions');
  await click(page, 'path-toggle:kiruna');
  await click(page, 'path-start:kiruna');
  let history = null;
  for (let i = 0; i < 50; i++) {
    history = (await api('/history')).history;
    if (history[0].revision > before) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  check(history[0].author === 'Redigering (Åsa Öberg, Kiruna kommun)', 'the server has the change by her name: ' + history[0].author);
  check(history[0].summary.startsWith('Kiruna: beslutssteg ändrades'), 'and says what changed in words: ' + history[0].summary);
  const english = (await api('/history?lang=en')).history;
  check(english[0].summary.startsWith('Kiruna: decision steps changed'), 'in English too: ' + english[0].summary);

  // Ctrl+C on Beslut: the matrix as tab-separated text, as Excel and Word paste it.
  await page.keyboard.press('Control+c');
  await waitUntil(page, () => !!window.samverkanClipboard, null, 5000);   // taken at the page's next frame
  const copied = await page.evaluate(() => window.samverkanClipboard || '');
  const rows = copied.split('\r\n').filter((r) => r).map((r) => r.split('\t'));
  check(rows[0][0] === 'Ärende' && rows.length === 3 && rows[1].includes('Ej beslutat'), 'Ctrl+C copies the matrix as a table: ' + JSON.stringify(rows[0]));

  // Historik (Ctrl+Shift+H) lists it, newest first.
  await page.keyboard.press('Control+Shift+H');
  check(await waitUntil(page, () => document.getElementById('a11y-mirror').innerText.includes('Åsa Öberg, Kiruna kommun'), null, 10000),
        'Historik lists the change with her name');
  await page.screenshot({ path: join(out, 'history.png') });
  const text = await mirrorText(page);
  check(text.includes('Kiruna: beslutssteg ändrades'), 'and the summary in words: ' + text.slice(text.indexOf('Historik'), text.indexOf('Historik') + 400));

  // The revision before hers, read-only; Återställ makes it the newest.
  await click(page, 'history:' + before);
  check(!!(await rect(page, 'past')), 'an old revision is shown, with its chip');
  check((await mirrorText(page)).includes('Du ser arbetsytan som den var efter revision ' + before), 'and says which');
  await page.screenshot({ path: join(out, 'history-past.png') });
  await click(page, 'history-restore');
  let restored = null;
  for (let i = 0; i < 50; i++) {
    restored = await api('');
    if (restored.revision > before + 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const old = await api('?revision=' + before);
  check(JSON.stringify(restored.state) === JSON.stringify(old.state), 'after Återställ the server\'s newest equals revision ' + before);
  // Ctrl+Z takes the restore back, through the server too.
  await page.keyboard.press('Control+z');
  let back = null;
  for (let i = 0; i < 50; i++) {
    back = await api('');
    if ((back.state.matters['nara-vard'].decisions.kiruna.steps || []).length === 3) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  check((back.state.matters['nara-vard'].decisions.kiruna.steps || []).length === 3, 'Ctrl+Z brings Kiruna\'s path back on the server');

  // The view page can look at history but not restore.
  await other.bringToFront();
  await click(other, 'tab:overview');
  await other.keyboard.press('Control+Shift+H');
  const seen = await waitUntil(other, () => document.getElementById('a11y-mirror').innerText.includes('Kiruna: beslutssteg ändrades'), null, 10000);
  await other.screenshot({ path: join(out, 'history-view-link.png') });
  check(seen, 'a view link sees the history too');
  await click(other, 'history:' + before);
  await rect(other, 'history-restore');
  const disabled = await other.evaluate(() => [...document.querySelectorAll('#a11y-mirror [role=button]')].some((b) => b.textContent.includes('Återställ') && b.getAttribute('aria-disabled') === 'true'));
  check(disabled, 'its Återställ is disabled');

  await other.screenshot({ path: join(out, 'history-view-link.png') });
  // Her page closes: the other page no longer names her (within seconds).
  await page.close();
  check(await waitUntil(other, () => !document.getElementById('a11y-mirror').innerText.includes('Här nu'), null, 15000),
        'when she leaves, the other page stops naming her');
  check(errors.length === 0, 'no console or network errors: ' + errors.join('; '));
});
