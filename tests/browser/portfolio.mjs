// The Portfölj view in Chromium, opened with a portfolio link the admin made: Kramfors over
// the five demo workspaces — its figures in the accessibility tree, axe-core clean, another
// year chosen with roles only, a change in a workspace arriving live, a line leading into its
// workspace (read-only, in a tab of its own), and a removed link said.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { check, outDir, runBrowserTest, waitUntil, watchErrors } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => [n.role && n.role.value, n.name && n.name.value]);
}

const mirrorText = (page) => page.evaluate(() => document.getElementById('a11y-mirror').textContent);

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const api = async (method, path, token, body) => {
    const r = await fetch(server.url.replace(/\/$/, '') + path, {
      method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': method === 'PATCH' ? 'application/json-patch+json' : 'application/json', ...(body && body.ifMatch ? { 'If-Match': body.ifMatch } : {}) },
      body: body ? JSON.stringify(body.json) : undefined });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  const idOf = (name) => server.links[name].edit.match(/#w=([0-9a-f]+)/)[1];
  const names = ['HälSam Västernorrland', 'Familjehem Västernorrland', 'Länsgemensamt utvecklingsarbete i socialtjänsten 2017',
                 'Socialtjänstens samverkan och stödstrukturer i Västernorrland 2020', 'Norrbotten: nära vård och suicidprevention'];
  const made = await api('POST', '/api/portfolios', server.adminToken, { json: { party: 'Kramfors', workspaces: names.map(idOf), year: 2017, open_links: true } });
  check(made.status === 201, 'the admin makes a portfolio for Kramfors over the five demo workspaces');

  const page = await browser.newPage({ viewport: { width: 1280, height: 1300 }, bypassCSP: true });
  const errors = watchErrors(page);
  await page.goto(server.url + '?test=1#p=' + made.body.portfolio_id + '&t=' + made.body.token);
  check(await waitUntil(page, () => window.samverkan && window.samverkan.source === 'portfolio' && window.samverkan.frames > 5 &&
                                    document.querySelectorAll('#a11y-mirror [data-id]').length > 5, null, 20000), 'the portfolio link opens the Portfölj view');

  // What a screen reader reads: the view, the title, the table and Kramfors' 294 695 kr in 2017.
  const tree = await axTree(page);
  const has = (role, name) => tree.some(([r, n]) => r === role && (name instanceof RegExp ? name.test(n || '') : n === name));
  check(has('button', 'Portfölj'), 'Portfölj is a view in the tree');
  check(!has('button', 'Beslut'), 'and no workspace view is offered: the link opens no workspace');
  check(has('heading', 'Kramfors: alla samverkansområden 2017'), 'the portfolio\'s title is a heading');
  check(has('columnheader', 'Samverkansområde') && has('columnheader', 'Betalas i pengar'), 'the cost table has its column headers');
  check(has('StaticText', /^294\s695\skr$/), 'Kramfors pays 294 695 kr for the 2017 development work');
  await page.screenshot({ path: join(out, 'portfolio.png') });
  const text = await mirrorText(page);
  check(text.includes('Tjänstepersonsstruktur för HälSam') && !text.includes('Inriktning och finansiering av länsgemensamt'),
        'the decisions Kramfors still owes are listed, and the one it has taken is not');

  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ': ' + v.help);
  });
  check(violations.length === 0, 'axe-core (WCAG 2.1 A/AA) finds no violations: ' + violations.join('; '));

  // Another year, with roles only.
  await page.getByRole('combobox', { name: 'År' }).dispatchEvent('click');
  await page.getByRole('option', { name: '2023', exact: true }).dispatchEvent('click');
  check(await waitUntil(page, () => window.samverkan.portfolioYear === 2023, null, 5000), 'choosing 2023 fetches that year');
  check(await waitUntil(page, () => document.getElementById('a11y-mirror').textContent.includes('Kramfors: alla samverkansområden 2023'), null, 5000),
        'and the title says 2023');
  await page.getByRole('combobox', { name: 'År' }).dispatchEvent('click');
  await page.getByRole('option', { name: '2017', exact: true }).dispatchEvent('click');
  check(await waitUntil(page, () => window.samverkan.portfolioYear === 2017, null, 5000), 'and back to 2017');

  // Live: the development work's training budget grows; Kramfors' figure follows without a reload.
  const dev = server.links['Länsgemensamt utvecklingsarbete i socialtjänsten 2017'].edit;
  const devToken = dev.match(/&t=([0-9a-f]+)/)[1];
  const patched = await api('PATCH', '/api/workspaces/' + idOf(names[2]), devToken,
                            { json: [{ op: 'replace', path: '/cost_items/basutbildningar/amount', value: 500000 }], ifMatch: '"1"' });
  check(patched.status === 200, 'a change in one of its workspaces (' + patched.status + ')');
  check(await waitUntil(page, () => !/294\s695\skr/.test(document.getElementById('a11y-mirror').textContent) &&
                                    /302\s237\skr/.test(document.getElementById('a11y-mirror').textContent), null, 8000),
        'reaches the open portfolio: Kramfors now pays 302 237 kr');
  check(errors.length === 0, 'no console or network errors: ' + errors.join('; '));

  // A line leads into its workspace: a tab of its own, through the view link the portfolio carries.
  const opened = page.context().waitForEvent('page', { timeout: 10000 });
  await page.getByRole('button', { name: names[2] }).first().dispatchEvent('click');
  const tab = await opened.catch(() => null);
  check(tab !== null, 'the line "' + names[2] + '" opens a tab');
  if (tab) {
    check(await waitUntil(tab, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 3, null, 20000),
          'which opens the workspace from the server');
    check(/#w=[0-9a-f]+&t=[0-9a-f]{32}$/.test(tab.url()) && tab.url().includes(idOf(names[2])), 'that workspace, by its own view link');
    check(await waitUntil(tab, () => document.getElementById("a11y-mirror").textContent.includes("Visningsläge"), null, 8000),
          'read-only: the app says so');
    await tab.close();
  }

  // Removed by the admin: the page says so, and keeps what it showed.
  check((await api('DELETE', '/api/portfolios/' + made.body.portfolio_id, server.adminToken)).status === 204, 'the admin removes the portfolio');
  check(await waitUntil(page, () => document.getElementById('a11y-mirror').textContent.includes('Portföljlänken gäller inte längre'), null, 8000),
        'the open page says the portfolio link is no longer valid');
  await page.screenshot({ path: join(out, 'portfolio-removed.png') });
});
