// A party's decision path in Beslut, in Chromium against the real server: the matrix cell says
// where the matter is (in words for a screen reader, "SNAU 16/3 → SN 30/3 → KS" on screen),
// the party's row opens its path, the executive board's outcome and meeting are set by mouse
// and keyboard (the status follows, the server has both), Undo takes the meeting back, and a
// party without steps starts from the workspace's default path.
import { join } from 'node:path';
import { check, click, rect, waitUntil, outDir, runBrowserTest, watchErrors } from './harness.mjs';

const state = (page) => page.evaluate(() => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])));
const frames = async (page, n = 3) => {
  const f = await page.evaluate(() => window.samverkan.frames);
  await waitUntil(page, (x) => window.samverkan.frames >= x, f + n, 5000);
};

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const link = server.links['Norrbotten: nära vård och suicidprevention'].edit;
  const id = link.match(/#w=([0-9a-f]+)/)[1], token = link.match(/&t=([0-9a-f]+)/)[1];
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(link.replace('/#', '/?test=1#'));
  check(await waitUntil(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2, null, 20000), 'Norrbotten opens');
  await click(page, 'tab:decisions');
  await frames(page, 4);

  // The matrix: Luleå's cell says where the matter is, in words, and shows its marker.
  const cells = await page.locator('#a11y-mirror [role=cell]').allInnerTexts();
  check(cells.includes('Ej beslutat: Föreslaget vidare av Socialnämnden 2023-03-30; nästa: Kommunstyrelsen'),
        'Luleå\'s cell says where the matter is in words');
  check(!!(await rect(page, 'cell:nara-vard:lulea:path')), 'and draws its step marker');

  // Luleå's row opens its path; the board adopts on 17 April.
  await click(page, 'path-toggle:lulea');
  await frames(page);
  check(!!(await rect(page, 'step-outcome:lulea:3')), 'the path opens under Luleå\'s row: three steps');
  await click(page, 'step-outcome:lulea:3');
  await frames(page);
  await page.getByRole('option', { name: 'Antaget', exact: true }).dispatchEvent('click');
  check(await waitUntil(page, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['nara-vard'].decisions.lulea.status === 'adopted', null, 5000),
        'the board\'s outcome Antaget makes Luleå\'s decision Antaget');
  await click(page, 'step-date:lulea:3');
  await page.keyboard.type('2023-04-17');
  await page.keyboard.press('Enter');
  check(await waitUntil(page, () => JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['nara-vard'].decisions.lulea.date === '2023-04-17', null, 5000),
        'the board\'s meeting is the decision\'s date');
  let lulea = (await state(page)).matters['nara-vard'].decisions.lulea;
  check(lulea.steps[2].outcome === 'adopted' && lulea.steps[2].date === '2023-04-17' && lulea.body === 'Kommunstyrelsen', 'the step and the decision agree');
  // The server has it.
  let onServer = null;
  for (let i = 0; i < 50; i++) {
    const r = await fetch(server.url + 'api/workspaces/' + id, { headers: { Authorization: 'Bearer ' + token } });
    onServer = (await r.json()).state.matters['nara-vard'].decisions.lulea;
    if (onServer.steps && onServer.steps[2].date === '2023-04-17') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  check(onServer.status === 'adopted' && onServer.steps[2].date === '2023-04-17', 'the server has the step and the status');
  await page.screenshot({ path: join(out, 'decision-path.png') });

  // Undo takes the meeting back (the outcome stays): one step each.
  await page.keyboard.press('Control+z');
  check(await waitUntil(page, () => !JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['nara-vard'].decisions.lulea.steps[2].date, null, 5000),
        'Ctrl+Z takes the meeting back');
  lulea = (await state(page)).matters['nara-vard'].decisions.lulea;
  check(lulea.status === 'adopted' && lulea.steps[2].outcome === 'adopted', 'and leaves the outcome');

  // Kiruna has no steps: its row starts from the workspace's default path.
  await click(page, 'path-toggle:kiruna');
  await frames(page);
  await click(page, 'path-start:kiruna');
  check(await waitUntil(page, () => (JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['nara-vard'].decisions.kiruna.steps || []).length === 3, null, 5000),
        'Kiruna\'s path starts from the default: three steps');
  const kiruna = (await state(page)).matters['nara-vard'].decisions.kiruna;
  check(kiruna.steps.map((s) => s.body).join(' → ') === 'Socialnämndens arbetsutskott → Socialnämnden → Kommunstyrelsen' && kiruna.status === 'pending',
        'its steps are the default bodies, pending');
  check(errors.length === 0, 'no console or network errors: ' + errors.join('; '));
});
