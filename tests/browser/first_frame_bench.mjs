// The web page's first frame, N loads in one headless Chromium (each in a fresh context:
// no HTTP cache, no storage), from the real server:
//   node tests/browser/first_frame_bench.mjs SERVER_BINARY WEB_DIR [N]
// Prints, per load, the time from navigation start (the page's time origin) to the first
// animation frame after the commit that shows the app's first frame (the app draws inside an
// animation frame, so that is the next one), and from Playwright's goto() call to it.
// The ImGui example is timed at the same point (bench/imgui_example/shim.h).
// The first load also starts the browser's GPU process. Also prints the program's size as
// served (gzip), against the 500 KiB it must stay under.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startServer } from './harness.mjs';

const [serverPath, webDir, count] = process.argv.slice(2);
if (!serverPath || !webDir) {
  console.error('usage: node tests/browser/first_frame_bench.mjs SERVER_BINARY WEB_DIR [N]');
  process.exit(2);
}
const n = Number(count || 8);
const server = await startServer(serverPath, webDir);
const browser = await launchBrowser();
// Runs in the page before its scripts: notes when the first drawn frame has been presented.
const hook = () => {
  const poll = () => {
    if (window.samverkan && window.samverkan.frames >= 1) { window.firstFrameAt = performance.now(); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};
// One load of `url` in a fresh context: the first frame as the page notes it, since navigation
// start and since goto(), and when the browser showed the first thing worth seeing (for the
// example, its canvas).
async function firstFrame(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(hook);
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.firstFrameAt, null, { timeout: 30000 });
  const sinceGoto = Date.now() - t0;
  const sinceNavigation = Math.round(await page.evaluate(() => window.firstFrameAt));
  const paint = Math.round(await page.evaluate(() => {
    const p = performance.getEntriesByName('first-contentful-paint')[0];
    return p ? p.startTime : NaN;
  }));
  await context.close();
  return { sinceNavigation, sinceGoto, paint };
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const gz = (f) => statSync(join(webDir, f + '.gz')).size;
const program = gz('samverkan.wasm') + gz('samverkan.js');

// The yardstick: Dear ImGui 1.86's own GLFW + OpenGL 3 example, built with the same Emscripten
// (bench/imgui_example), served by the same server the same way, loaded in the same browser.
// The app's loads and the example's alternate (the app's first, which also starts the GPU
// process), so that a machine busier for a while weighs on both alike.
const exampleDir = join(webDir, '..', 'imgui-example');
const haveExample = existsSync(join(exampleDir, 'example.wasm'));
const exampleServer = haveExample ? await startServer(serverPath, exampleDir, { args: ['--demos', 'off'] }) : null;
const app = [], example = [];
for (let i = 0; i < n; i++) {
  if (!exampleServer || i % 2 === 0) {
    app.push(await firstFrame(server.editLink));
    if (exampleServer) example.push(await firstFrame(exampleServer.url));
  } else {
    example.push(await firstFrame(exampleServer.url));
    app.push(await firstFrame(server.editLink));
  }
}
if (exampleServer) await exampleServer.stop();
const sinceNavigation = app.map((l) => l.sinceNavigation), sinceGoto = app.map((l) => l.sinceGoto);
console.log(`first frame, ms after navigation start: ${sinceNavigation.join(' ')}  (first load ${sinceNavigation[0]}, median ${median(sinceNavigation)}; target <= 1000)`);
console.log(`first frame, ms after goto():           ${sinceGoto.join(' ')}  (first load ${sinceGoto[0]}, median ${median(sinceGoto)})`);
console.log(`first frame median ${median(sinceNavigation)} ms: ${median(sinceNavigation) <= 1000 ? 'OK' : 'OVER'}`);
console.log(`program gzip: samverkan.wasm ${gz('samverkan.wasm')} + samverkan.js ${gz('samverkan.js')} = ${program} bytes ` +
            `(${(program / 1024).toFixed(1)} KiB; target <= 500 KiB): ${program <= 500 * 1024 ? 'OK' : 'OVER'}` +
            `; fetched after the first frame: ui-font.ttf ${gz('ui-font.ttf')}`);
if (!exampleServer) {
  console.log(`no ${exampleDir}: build it with  cmake --build build/web --target imgui_example`);
} else {
  const exNavigation = example.map((l) => l.sinceNavigation), exPaint = example.map((l) => l.paint);
  const ratio = median(sinceNavigation) / median(exNavigation);
  console.log(`ImGui example first frame, ms after navigation start: ${exNavigation.join(' ')}  (median ${median(exNavigation)}; loaded in turn with the app's)`);
  // The yardstick's own check: its canvas is all it shows, so the browser's first contentful
  // paint is when its first frame was presented, and the clock must stop after it.
  const shownBefore = exNavigation.filter((t, i) => exPaint[i] <= t).length;
  console.log(`ImGui example first contentful paint (its canvas shown): ${exPaint.join(' ')}  (median ${median(exPaint)}); ` +
              `first frame noted after it in ${shownBefore} of ${n} loads`);
  console.log(`app / example first frame: ${ratio.toFixed(2)} (target <= 1.2): ${ratio <= 1.2 ? 'OK' : 'OVER'}`);
  const exGz = statSync(join(exampleDir, 'example.wasm.gz')).size + statSync(join(exampleDir, 'example.js.gz')).size;
  const sizeRatio = program / exGz;
  console.log(`ImGui example gzip: ${exGz} bytes (${(exGz / 1024).toFixed(1)} KiB); app / example ${sizeRatio.toFixed(2)} (target <= 2.3): ${sizeRatio <= 2.3 ? 'OK' : 'OVER'}`);
}
await browser.close();
await server.stop();
