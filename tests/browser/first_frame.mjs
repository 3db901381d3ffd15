// The page, loaded from the real server in headless Chromium, draws its first frame:
// the canvas has pixels that are not background and the console has no errors. At a device
// pixel ratio of 1 the fonts come from the atlas built into the program, at 2 they are
// built in the page. When WebGL 2 or a program file is missing, the page says so in words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, outDir, pixelStats, runBrowserTest, waitUntil, watchErrors } from './harness.mjs';

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  // What had been put on the canvas when the second frame was drawn (the first frames are drawn
  // one after another, for ImGui to settle), and every word the status line said.
  await page.addInitScript(() => {
    window.statusSaid = [];
    const poll = () => {
      const s = window.samverkan;
      if (s && s.frames >= 2 && window.paintedBySecond === undefined) window.paintedBySecond = s.painted;
      const line = document.querySelector('#a11y-mirror [role=status]');
      if (line && line.textContent && !window.statusSaid.includes(line.textContent)) window.statusSaid.push(line.textContent);
      if (!(s && s.frames >= 12)) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const t0 = Date.now();
  await page.goto(server.editLink);
  await page.waitForFunction(() => window.samverkan && window.samverkan.frames >= 1, null, { timeout: 30000 });
  const firstFrameMs = Date.now() - t0;
  const sinceNavigation = Math.round(await page.evaluate(() => performance.now()));
  console.log(`first frame after ${firstFrameMs} ms (goto) / at most ${sinceNavigation} ms after navigation start`);
  // Let the workspace arrive from the server and a few frames draw.
  await page.waitForFunction(() => window.samverkan.frames >= 10, null, { timeout: 30000 });
  const shot = await page.screenshot();
  writeFileSync(join(out, 'first-frame.png'), shot);
  const stats = pixelStats(shot);
  console.log(`screenshot: ${stats.colours} colours, ${stats.drawnPercent.toFixed(1)} % drawn`);
  check(stats.drawnPercent > 2 && stats.colours > 8, 'the canvas shows the app, not a blank page');
  check(await page.locator('#status').evaluate((e) => e.classList.contains('hidden')), 'the loading indicator is gone after the first frame');
  const opened = await page.evaluate(() => ({ source: window.samverkan.source, name: window.samverkan.name }));
  check(opened.source === 'server' && opened.name === 'HälSam Västernorrland', 'the edit link opened the server workspace: ' + JSON.stringify(opened));
  // The spinner stands until the workspace has come: no empty app is drawn before it.
  check(await page.evaluate(() => window.samverkan.openedAtFrame) === 0, 'the first frame drawn is the workspace\'s own (frames before it: ' +
        await page.evaluate(() => window.samverkan.openedAtFrame) + ')');
  // The first frame shown is already settled (ui::SettleFirstFrame): the one after it draws the
  // same and is not put on the canvas again (in software GL it would be read back). Following
  // starts after it, so nothing else has changed by then.
  const paintedBySecond = await page.evaluate(() => window.paintedBySecond);
  check(paintedBySecond === 1, `of the first two frames, only the first was put on the canvas (painted: ${paintedBySecond})`);
  // While following starts the line says so; "Offline" is for a server that does not answer.
  await page.waitForFunction(() => window.samverkan.online, null, { timeout: 10000 });
  await page.waitForFunction(() => window.samverkan.frames >= 12, null, { timeout: 10000 });
  const said = await page.evaluate(() => window.statusSaid);
  check(!said.some((t) => t.includes('Offline')) && said.some((t) => t.startsWith('Synkad')),
        'the status line went from connecting to in sync, never offline: ' + JSON.stringify(said));
  check(await page.evaluate(() => window.samverkan.fontAtlas) === 'carried', 'at scale 1 the fonts come from the atlas built into the program');
  check(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/fetch_worker.js'))),
        'the workspace was downloaded by the page\'s worker');
  // An answer that takes a while: the renderer is made, and its first draw done, while it comes
  // (ui::WarmUpRenderer, in the hidden canvas); the frame shown first is still the workspace's.
  // At a device pixel ratio of 2 the UI font comes meanwhile too, and the first frame restyles
  // with it: the texture the warm-up made is made again (it was not: a black page).
  for (const scale of [1, 2]) {
    const slow = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
    const slowErrors = watchErrors(slow);
    await slow.context().route(/\/api\/workspaces\/[^/?]+$/, async (r) => { await new Promise((ok) => setTimeout(ok, 1500)); await r.continue(); });
    await slow.goto(server.editLink);
    await slow.waitForFunction(() => window.samverkan && window.samverkan.frames >= 3 && window.samverkan.source, null, { timeout: 30000 });
    const slowMarks = await slow.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    check(slowMarks.includes('samverkan-warm') && slowMarks.indexOf('samverkan-warm') < slowMarks.indexOf('samverkan-model'),
          `at scale ${scale} the renderer was warmed up while the answer came, before the workspace opened: ` + JSON.stringify(slowMarks));
    check(await slow.evaluate(() => window.samverkan.openedAtFrame) === 0, 'the warm-up is no frame: the first frame is the workspace\'s');
    const atlas = await slow.evaluate(() => window.samverkan.fontAtlas);
    check(atlas === (scale === 1 ? 'carried' : 'built'), `at scale ${scale} the fonts are a first frame's (${atlas})`);
    const slowShot = await slow.screenshot();
    writeFileSync(join(out, `first-frame-slow-answer-${scale}x.png`), slowShot);
    const stats = pixelStats(slowShot);
    check(stats.drawnPercent > 2 && stats.colours > 8, `after a slow answer the page at scale ${scale} shows the app (${stats.colours} colours, ${stats.drawnPercent.toFixed(1)} % drawn)`);
    check(slowErrors.length === 0, 'no errors with a slow answer: ' + JSON.stringify(slowErrors));
    await slow.close();
  }
  // Where no worker can start, the page downloads the workspace itself.
  const noWorker = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const noWorkerErrors = watchErrors(noWorker);
  await noWorker.addInitScript(() => { window.Worker = undefined; });
  await noWorker.goto(server.editLink);
  await noWorker.waitForFunction(() => window.samverkan && window.samverkan.frames >= 3 && window.samverkan.source, null, { timeout: 30000 });
  const fallback = await noWorker.evaluate(() => ({ source: window.samverkan.source, name: window.samverkan.name,
    worker: performance.getEntriesByType('resource').some((e) => e.name.endsWith('/fetch_worker.js')) }));
  check(fallback.source === 'server' && fallback.name === 'HälSam Västernorrland' && !fallback.worker,
        'without workers the page fetched the workspace itself: ' + JSON.stringify(fallback));
  check(noWorkerErrors.length === 0, 'no errors without workers: ' + JSON.stringify(noWorkerErrors));
  await noWorker.close();
  // A high-DPI screen: the fonts are built at twice the size, and the text is drawn.
  const retina = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  const retinaErrors = watchErrors(retina);
  await retina.goto(server.editLink);
  await retina.waitForFunction(() => window.samverkan && window.samverkan.frames >= 10 && window.samverkan.source, null, { timeout: 30000 });
  check(await waitUntil(retina, () => window.samverkan.fontAtlas === 'built', null, 5000),
        'at scale 2 the page builds its own atlas once the UI font has arrived (' + await retina.evaluate(() => window.samverkan.fontAtlas) + ')');
  const retinaShot = await retina.screenshot();
  writeFileSync(join(out, 'first-frame-dpr2.png'), retinaShot);
  check(pixelStats(retinaShot).drawnPercent > 2, 'the high-DPI page shows the app');
  check(retinaErrors.length === 0, 'no errors on the high-DPI page: ' + JSON.stringify(retinaErrors));
  await retina.close();
  // Without the UI font (blocked): the carried atlas stands in, enlarged, and the app is drawn.
  const noFont = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  await noFont.route('**/ui-font.ttf', (r) => r.abort());
  await noFont.goto(server.editLink);
  await noFont.waitForFunction(() => window.samverkan && window.samverkan.frames >= 10 && window.samverkan.source, null, { timeout: 30000 });
  await noFont.waitForTimeout(500);
  check(await noFont.evaluate(() => window.samverkan.fontAtlas) === 'enlarged', 'without the UI font the atlas stands in, enlarged');
  check(pixelStats(await noFont.screenshot()).drawnPercent > 2, 'and the page still shows the app');
  await noFont.close();
  // Failures the page explains instead of going blank (no WebGL 2; a program file missing).
  const status = async (setup, why) => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await setup(p);
    await p.goto(server.editLink);
    await p.waitForFunction(() => document.getElementById('status').className === 'error', null, { timeout: 30000 });
    const text = await p.locator('#status-text').innerText();
    const visible = await p.locator('#status-text').isVisible();
    await p.close();
    check(visible && text.includes(why), 'the page says: ' + text);
  };
  await status((p) => p.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : get.call(this, kind, ...rest); };
  }), 'saknar WebGL 2');
  await status((p) => p.route('**/samverkan.wasm', (r) => r.fulfill({ status: 404, contentType: 'application/json', body: '{}' })), 'samverkan.wasm kunde inte laddas');
  await status((p) => p.route('**/samverkan.js', (r) => r.abort()), 'samverkan.js kunde inte laddas');
  // Without a link the page still works: the built-in demo, offline.
  const plain = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await plain.goto(server.url);
  await plain.waitForFunction(() => window.samverkan && window.samverkan.source, null, { timeout: 30000 });
  check(await plain.evaluate(() => window.samverkan.source) === 'demo', 'without a link the page opens the built-in demo');
  check(errors.length === 0, 'no errors in the console: ' + JSON.stringify(errors));
});
