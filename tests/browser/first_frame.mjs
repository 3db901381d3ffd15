// The page, loaded from the real server in headless Chromium, draws its first frame:
// the canvas has pixels that are not background and the console has no errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, outDir, pixelStats, runBrowserTest, watchErrors } from './harness.mjs';

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
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
  // Without a link the page still works: the built-in demo, offline.
  const plain = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await plain.goto(server.url);
  await plain.waitForFunction(() => window.samverkan && window.samverkan.source, null, { timeout: 30000 });
  check(await plain.evaluate(() => window.samverkan.source) === 'demo', 'without a link the page opens the built-in demo');
  check(errors.length === 0, 'no errors in the console: ' + JSON.stringify(errors));
});
