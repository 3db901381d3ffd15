// The report and an annex printed to PDF by Chromium, as an official attaching them to a
// tjänsteskrivelse would: the token is gone from the address before anything prints, every
// page has its number ("Sida 2 av 7") and the running header with the diarienummer, the
// summary comes first, no date or amount is broken across lines, and no word runs off the
// page. Poppler (pdftotext, pdftoppm) reads the PDF back.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, outDir, pixelStats, runBrowserTest, watchErrors } from './harness.mjs';

// Pages of a PDF as text (pdftotext -layout), and every word's box with its page's size.
function pdfPages(pdf) {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}
function wordsOffPage(pdf) {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const off = [];
  for (const page of html.split('<page ').slice(1)) {
    const width = parseFloat(page.match(/width="([\d.]+)"/)[1]);
    for (const w of page.matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</g))
      if (parseFloat(w[2]) > width - 1 || parseFloat(w[1]) < 1) off.push(w[3]);
  }
  return off;
}

async function printed(page, url, pdf, out) {
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = pdfPages(pdf);
  const base = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '40', pdf, base]);
  const pngs = readdirSync(out).filter((f) => f.startsWith(base.split('/').pop() + '-') && f.endsWith('.png'));
  return { pages, pngs };
}

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const link = server.links['HälSam Västernorrland'].view;
  const editLink = server.links['HälSam Västernorrland'].edit;
  const id = link.match(/#w=([0-9a-f]+)/)[1], token = link.match(/&t=([0-9a-f]+)/)[1];
  const editToken = editLink.match(/&t=([0-9a-f]+)/)[1];
  // The diarienummer, set as the app sets it: a change to the workspace.
  const patched = await fetch(server.url + 'api/workspaces/' + id, {
    method: 'PATCH', headers: { Authorization: 'Bearer ' + editToken, 'If-Match': '"1"', 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify([{ op: 'add', path: '/case_number', value: 'HS 2026/0042' }]) });
  check(patched.status === 200, 'the case number is set');

  const page = await browser.newPage();
  const errors = watchErrors(page);
  const report = await printed(page, server.url + 'w/' + id + '/report?access_token=' + token, join(out, 'report.pdf'), out);
  check(!page.url().includes(token) && !page.url().includes('access_token'), 'the printed address carries no token: ' + page.url());
  const n = report.pages.length;
  check(n >= 3, 'the report prints on several pages: ' + n);
  report.pages.forEach((text, i) => {
    check(text.includes(`Sida ${i + 1} av ${n}`), `page ${i + 1} says "Sida ${i + 1} av ${n}"`);
    check(text.includes('Dnr HS 2026/0042') && text.includes('HälSam'), `page ${i + 1} has the running header with the diarienummer`);
  });
  const all = report.pages.join('\n');
  const order = ['Sammanfattning', 'Beslut', 'Kostnader per part', 'Parter'].map((h) => all.indexOf(h));
  check(order.every((x) => x >= 0) && order.every((x, i) => i === 0 || x > order[i - 1]), 'the summary comes first, then decisions, costs and parties: ' + order);
  check(!/\d{4}-\s*\n\s*\d{2}-\d{2}/.test(all) && !/\d{4}-\d{2}-\s*\n/.test(all), 'no date is broken across lines');
  check(!/\d\s*\n\s*(kr|mnkr|%)\b/.test(all), 'no amount is parted from its unit');
  const off = wordsOffPage(join(out, 'report.pdf'));
  check(off.length === 0, 'no word runs off a page: ' + off.slice(0, 5).join(' '));
  check(report.pngs.length === n, 'every page renders to a picture: ' + report.pngs.length);
  for (const png of report.pngs) check(pixelStats(readFileSync(join(out, png))).drawnPercent > 1, png + ' is not blank');

  // Only the chosen sections, in the chosen order.
  await page.goto(server.url + 'w/' + id + '/report?sections=costs,summary');
  const text = await page.evaluate(() => document.body.innerText);
  check(text.indexOf('Kostnader per part') < text.indexOf('Sammanfattning') && !text.includes('Att kontrollera'), 'the sections asked for, in that order');
  const bad = await fetch(server.url + 'w/' + id + '/report?sections=costs,budget', { headers: { Authorization: 'Bearer ' + token } });
  check(bad.status === 400 && (await bad.json()).message.includes('budget'), 'an unknown section is named in the answer');

  // An annex prints the same way.
  const annex = await printed(page, server.url + 'w/' + id + '/bilaga/kramfors?access_token=' + token, join(out, 'annex.pdf'), out);
  annex.pages.forEach((t, i) => check(t.includes(`Sida ${i + 1} av ${annex.pages.length}`) && t.includes('Dnr HS 2026/0042'),
                                      `annex page ${i + 1} is numbered and headed`));
  check(errors.length === 0, 'no console or network errors: ' + errors.join('; '));
});
