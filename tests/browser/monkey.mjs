// A seeded random user in the browser: clicks, drags, wheel turns, keys, typed text and
// insertText on the recorded widgets of every view and slide. Invariants after every step:
// no page error, the page keeps drawing, the workspace is valid JSON; at the end undoing
// every edit gives back the starting workspace. MONKEY_STEPS (default 300) and
// MONKEY_SEED (default 1) for longer or other runs; a failure prints the seed and step.
import { check, runBrowserTest, watchErrors, waitUntil } from './harness.mjs';

const seed = Number(process.env.MONKEY_SEED || 1);
const steps = Number(process.env.MONKEY_STEPS || 300);

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = ['0,3', '150.000', '295 000', '3,4 mnkr', '-5', 'en halv', '2023-2-3', '2024', 'Åre', 'Härnösand', '=SUM(1)',
               '\u202Ednammok', 'a\u0301\u0301', 'Vård 🏥', ''];
const keys = ['Tab', 'Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End',
              'Delete', 'Backspace', 'F5', 'Control+z', 'Control+y', 'Control+f', 'Control+Equal', 'Control+Minus'];

await runBrowserTest(async ({ server, browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + '?test=1');
  check(await waitUntil(page, () => window.samverkan && window.samverkan.source === 'demo' && window.samverkan.frames > 3, null, 20000),
        'the built-in demo opens');
  const saved = () => page.evaluate(() => Module.ccall('samverkan_saved', 'string', [], []));
  const start = await saved();
  const rnd = mulberry32(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  console.log(`monkey: seed ${seed}, ${steps} steps`);
  for (let step = 1; step <= steps; step++) {
    const where = await page.evaluate(() => {
      const c = document.getElementById('canvas'), k = c.clientWidth / c.width;
      return Object.values(window.samverkan.rects || {}).map(([x, y, w, h]) => [(x + w / 2) * k, (y + h / 2) * k]);
    });
    const [x, y] = where.length && rnd() < 0.7 ? pick(where) : [rnd() * 1280, rnd() * 800];
    const what = rnd();
    if (what < 0.4) await page.mouse.click(x, y);
    else if (what < 0.45) { await page.mouse.move(x, y); await page.mouse.down(); await page.mouse.move(x + (rnd() - 0.5) * 200, y + (rnd() - 0.5) * 200); await page.mouse.up(); }
    else if (what < 0.5) { await page.mouse.move(x, y); await page.mouse.wheel(0, (rnd() - 0.5) * 600); }
    else if (what < 0.65) { await page.mouse.click(x, y); const t = pick(texts); if (rnd() < 0.5) await page.keyboard.type(t); else await page.keyboard.insertText(t); await page.keyboard.press(rnd() < 0.7 ? 'Enter' : 'Tab'); }
    else await page.keyboard.press(pick(keys));
    if (step % 25 === 0) {
      const f = await page.evaluate(() => window.samverkan.frames);
      const drawing = await waitUntil(page, (n) => window.samverkan.frames > n, f, 5000);
      let valid = true;
      try { JSON.parse(await saved()); } catch (e) { valid = false; }
      if (!drawing || !valid || errors.length)
        throw new Error(`seed ${seed}, step ${step}: ` + (!drawing ? 'no frames' : !valid ? 'the workspace is not JSON' : JSON.stringify(errors)));
    }
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  let undone = 0;
  while (await page.evaluate(() => Module.ccall('samverkan_undo', 'number', [], [])) === 1) undone++;
  console.log(`monkey: ${undone} edits undone`);
  check(await saved() === start, `seed ${seed}: undoing all ${undone} edits gives back the starting workspace`);
  check(errors.length === 0, `seed ${seed}: no errors on the page: ` + JSON.stringify(errors));
});
