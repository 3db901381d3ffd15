// The served report is how a screen-reader user reads a workspace: axe-core in Chromium
// must find no violations (sv and en, report and annex); it must read at 200 % zoom
// without sideways scrolling of the page, and print to a PDF.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { check, outDir, runBrowserTest, watchErrors } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  });
}

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const params = new URLSearchParams(server.viewLink.split('#')[1]);
  const base = server.url + 'w/' + params.get('w');
  const token = '?access_token=' + params.get('t');
  // The report's CSP forbids injected scripts; only the checker is let in.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const errors = watchErrors(page);

  for (const [name, url] of [['report sv', base + '/report' + token], ['report en', base + '/report' + token + '&lang=en'],
                             ['annex', base + '/bilaga/sundsvall' + token]]) {
    const res = await page.goto(url);
    check(res.status() === 200, name + ': served (200)');
    check(!page.url().includes('access_token'), name + ': the token left the address (a printout shows ' + page.url() + ')');
    const violations = await axe(page);
    if (violations.length) console.error(violations.join('\n'));
    check(violations.length === 0, name + ': axe-core finds no violations');
  }

  // 200 % zoom: a 1280 px window at 200 % lays out like 640 CSS px.
  await page.goto(base + '/report' + token);
  const h = await page.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelectorAll('h1').length,
                                         tables: document.querySelectorAll('table caption').length,
                                         th: document.querySelectorAll('th[scope]').length }));
  check(h.lang === 'sv' && h.h1 === 1 && h.tables > 5 && h.th > 20, 'semantic: lang="sv", one h1, captioned tables with header cells (' + JSON.stringify(h) + ')');
  await page.setViewportSize({ width: 640, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, 'at 200 % zoom the page itself does not scroll sideways (overflow ' + overflow + ' px)');
  await page.screenshot({ path: join(out, 'report-200.png') });

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(join(out, 'report.pdf'), pdf);
  check(pdf.length > 10000 && pdf.subarray(0, 5).toString() === '%PDF-', 'Print → PDF gives a document (' + pdf.length + ' bytes)');
  check(errors.length === 0, 'no console or network errors: ' + errors.join('; '));
});
