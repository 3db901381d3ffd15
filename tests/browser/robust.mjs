// Nothing breaks in ordinary use, in the browser: a large workspace opened from its link
// keeps drawing, and on a slow line is read while it downloads; every theme × scale × language × presentation, switched at run time after
// the app has drawn full frames, draws a UI (not one colour); the theme button and the
// scale keys, clicked and pressed as a user would, too.
import { join } from 'node:path';
import { check, outDir, pixelStats, runBrowserTest, waitUntil, watchErrors } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function frames(page) { return page.evaluate(() => window.samverkan.frames); }

// A frame drawn after the last change, and its screenshot's statistics.
async function settledShot(page, path) {
  const f = await frames(page);
  if (!await waitUntil(page, (n) => window.samverkan.frames >= n + 4, f, 10000)) throw new Error('no frames after a change');
  return pixelStats(await page.screenshot({ path }));
}

// A workspace of about 3 MB: the Norrbotten demo with 200 matters, each decided by every party.
// Each matter's reference number is 1 200 digits that do not repeat, so that the answer stays
// large when compressed (about 100 kB): on the slow line below it takes seconds to come.
function largeWorkspace(state) {
  const parties = Object.keys(state.parties);
  let seed = 7;
  const digit = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % 10; };
  for (let i = 0; i < 200; i++) {
    const decisions = {};
    for (const p of parties) decisions[p] = { status: 'pending', conditions: 'Villkor '.repeat(30) };
    const milestones = {};
    for (let k = 0; k < 20; k++) milestones['m' + k] = { date: '2024-0' + (1 + (k % 9)) + '-1' + (k % 9), what: 'Delmål ' + k + ' för ärende ' + i, done: false };
    state.matters['arende-' + i] = { title: 'Ärende ' + i + ': gemensam plan för vård och omsorg', kind: 'recommendation',
      date: '2024-01-15', deadline: '2024-12-31', description: 'Beskrivning. '.repeat(600), decisions, milestones,
      reference: Array.from({ length: 1200 }, digit).join('') };
  }
  return state;
}

// A workspace created through the API from this text ({"name", "state"}); its id and links.
async function createWorkspace(server, body, what) {
  const made = await fetch(server.url + 'api/workspaces', { method: 'POST', body,
    headers: { Authorization: 'Bearer ' + server.adminToken, 'Content-Type': 'application/json' } });
  check(made.status === 201, 'the server stores ' + what + ' (' + made.status + ')');
  return made.json();
}

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);

  // 1. A large workspace from its server link (it used to overflow the wasm stack at once).
  const demo = await (await fetch(server.url + 'api/workspaces/' + new URL(server.links['Norrbotten: nära vård och suicidprevention'].edit).hash.match(/w=([^&]+)/)[1],
    { headers: { Authorization: 'Bearer ' + new URL(server.links['Norrbotten: nära vård och suicidprevention'].edit).hash.match(/t=([^&]+)/)[1] } })).json();
  const body = JSON.stringify({ name: 'Stor arbetsyta', state: largeWorkspace(demo.state) });
  check(body.length > 2.5e6, 'the large workspace is ' + (body.length / 1e6).toFixed(1) + ' MB');
  const ws = await createWorkspace(server, body, 'it');
  const big = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const bigErrors = watchErrors(big);
  // What the page says while the workspace downloads (the words are set and cleared again).
  await big.addInitScript(() => {
    window.loadingWords = [];
    window.framesWhileFetching = [];   // the program's frames each time the words changed while it downloaded
    document.addEventListener('DOMContentLoaded', () => {
      const el = document.getElementById('loading');
      new MutationObserver(() => {
        window.loadingWords.push(el.textContent);
        if (el.textContent.startsWith('Hämtar')) window.framesWhileFetching.push((window.samverkan && window.samverkan.frames) || 0);
      }).observe(el, { childList: true, characterData: true, subtree: true });
    });
  });
  await big.goto(server.url + '#w=' + ws.id + '&t=' + ws.edit_token);
  check(await waitUntil(big, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 3, null, 30000),
        'the large workspace opens from its link');
  const f0 = await frames(big);
  await sleep(2000);
  const f1 = await frames(big);
  check(f1 - f0 >= 5, 'it keeps drawing (' + (f1 - f0) + ' frames in 2 s)');
  const bigShot = pixelStats(await big.screenshot({ path: join(out, 'large.png') }));
  check(bigShot.colours > 20 && bigShot.drawnPercent > 3, 'the large workspace is drawn (' + bigShot.drawnPercent.toFixed(1) + ' % drawn)');
  // On a slow line (32 kB/s; the program itself comes from the cache now) the page says how
  // much of the workspace has come, and clears the words once it is open.
  const cdp = await big.context().newCDPSession(big);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 32 * 1024, uploadThroughput: -1 });
  await big.reload();
  check(await waitUntil(big, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 3, null, 60000),
        'the large workspace opens again on a slow line');
  const words = await big.evaluate(() => ({ seen: window.loadingWords, now: document.getElementById('loading').textContent,
                                            frames: window.framesWhileFetching }));
  check(words.seen.some((w) => /^Hämtar arbetsytan … \d+(,\d)? [kM]B av \d,\d MB \/ Fetching the workspace … \d+(\.\d)? [kM]B of \d\.\d MB$/.test(w)),
        'the download is said as it comes: ' + JSON.stringify(words.seen.slice(0, 3)));
  // The program draws nothing while a large workspace comes (the main thread reads it): the
  // spinner and the words stand.
  check(words.frames.length > 2 && words.frames[0] === words.frames[words.frames.length - 1],
        'no frame is drawn while it downloads: ' + JSON.stringify(words.frames));
  // The workspace was read from its pieces as they came, not after the last one.
  const read = await big.evaluate(() => [window.samverkan.readWhileDownloading, window.samverkan.stateSize]);
  check(read[1] > 2.5e6 && read[0] > read[1] / 2, `most of it was read while it downloaded (${read[0]} of ${read[1]} bytes)`);
  check(words.now === '', 'and the words are gone once it is open: ' + JSON.stringify(words.now));
  check(bigErrors.length === 0, 'no errors with the large workspace: ' + JSON.stringify(bigErrors));
  await big.context().close();

  // 1b. A workspace of many decisions (the large one above with 300 parties and 150 matters more:
  // 316 parties, 352 matters) is checked a few matters at a time after it opens (ui::ContinueBetweenFrames), and the checks finish even while a mouse
  // moves on the page all along, so that every frame is drawn for input.
  const many = JSON.parse(JSON.stringify(demo.state));
  for (let p = 0; p < 300; p++) many.parties['k' + p] = { name: 'Kommun ' + p, kind: 'municipality', population: 1000 + p };
  for (let i = 0; i < 150; i++) {
    const decisions = {};
    for (const p of Object.keys(many.parties)) decisions[p] = { status: 'pending' };
    many.matters['m' + i] = { title: 'Ärende ' + i, kind: 'recommendation', decisions };
  }
  const wsMany = await createWorkspace(server, JSON.stringify({ name: 'Många beslut', state: many }), 'the workspace of many decisions');
  const moving = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const movingErrors = watchErrors(moving);
  await moving.addInitScript(() => {
    const poll = () => {
      const s = window.samverkan;
      if (s && s.frames >= 1) window.leftAtFirstFrame = s.checksLeft;
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await moving.goto(server.url + '#w=' + wsMany.id + '&t=' + wsMany.edit_token);
  check(await waitUntil(moving, () => window.leftAtFirstFrame !== undefined, null, 30000), 'the workspace of many decisions opens');
  const leftAtFirst = await moving.evaluate(() => window.leftAtFirstFrame);
  check(leftAtFirst > 0, `its first frame left matters to check later (${leftAtFirst})`);
  let left = leftAtFirst;
  const movingSince = Date.now();
  for (let step = 0; left > 0 && Date.now() - movingSince < 20000; step++) {
    await moving.mouse.move(300 + (step % 40) * 10, 300 + (step % 7) * 10);
    left = await moving.evaluate(() => window.samverkan.checksLeft);
  }
  check(left === 0, `the checks finished while the mouse moved on (${left} left after ${Date.now() - movingSince} ms)`);
  check(movingErrors.length === 0, 'no errors with the workspace of many decisions: ' + JSON.stringify(movingErrors));
  await moving.context().close();

  // 2. The style matrix, switched at run time on a page that has drawn full frames.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors = watchErrors(page);
  await page.goto(server.editLink.replace('/#', '/?test=1#'));
  check(await waitUntil(page, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 5, null, 20000),
        'the HälSam page opens');
  let looks = 0, blank = [];
  for (const presenting of [0, 1])
    for (const english of [0, 1])
      for (const scale of [0.75, 1, 1.5, 2])
        for (const dark of [0, 1]) {
          await page.evaluate(([d, s, e, p]) => Module.ccall('samverkan_set_look', null, ['number', 'number', 'number', 'number'], [d, s, e, p]),
                              [dark, scale, english, presenting]);
          const name = `look-${dark ? 'dark' : 'light'}-${scale * 100}-${english ? 'en' : 'sv'}-${presenting ? 'present' : 'edit'}`;
          const st = await settledShot(page, join(out, name + '.png'));
          if (!(st.colours > 8 && st.drawnPercent > 1)) blank.push(name + ' (' + st.drawnPercent.toFixed(2) + ' %)');
          looks++;
        }
  check(looks === 32 && blank.length === 0, 'every one of 32 looks switched at run time is drawn' + (blank.length ? ': blank ' + blank.join(', ') : ''));

  // 3. As a user: the theme button and Ctrl+/Ctrl− (the first frames after each were blank).
  await page.evaluate(() => Module.ccall('samverkan_set_look', null, ['number', 'number', 'number', 'number'], [0, 1, 0, 0]));
  await settledShot(page, join(out, 'before-click.png'));
  check(await waitUntil(page, () => window.samverkan.rects && window.samverkan.rects.theme, null, 5000), 'the theme button is on screen');
  const r = await page.evaluate(() => {
    const c = document.getElementById('canvas'), k = c.clientWidth / c.width, [x, y, w, h] = window.samverkan.rects.theme;
    return { x: (x + w / 2) * k, y: (y + h / 2) * k };
  });
  await page.mouse.click(r.x, r.y);
  let st = await settledShot(page, join(out, 'after-theme-click.png'));
  check(st.colours > 8 && st.drawnPercent > 1, 'after a click on Mörkt tema the UI is drawn (' + st.drawnPercent.toFixed(1) + ' %)');
  await page.keyboard.press('Control+Equal');
  st = await settledShot(page, join(out, 'after-ctrl-plus.png'));
  check(st.colours > 8 && st.drawnPercent > 1, 'after Ctrl+ the UI is drawn (' + st.drawnPercent.toFixed(1) + ' %)');
  await page.keyboard.press('F5');
  st = await settledShot(page, join(out, 'after-f5.png'));
  check(st.colours > 4 && st.drawnPercent > 1, 'the first slide after F5 is drawn (' + st.drawnPercent.toFixed(1) + ' %)');
  const real = errors.filter((e) => !(e.startsWith('request failed:') && e.includes('/events?')));
  check(real.length === 0, 'no errors while switching: ' + JSON.stringify(real));
});
