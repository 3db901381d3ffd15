// The desktop app on a server link, in a real window under Xvfb: its edit reaches the
// server, and another client's edit made meanwhile reaches it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, runBrowserTest } from '../browser/harness.mjs';

await runBrowserTest(async ({ server, args: a }) => {
  const link = new URL(server.editLink);
  const params = new URLSearchParams(link.hash.slice(1));
  const id = params.get('w'), token = params.get('t');
  const api = `${server.url}api/workspaces/${id}`;
  const auth = { Authorization: 'Bearer ' + token };
  const saved = join(tmpdir(), `samverkan-desktop-${process.pid}.json`);
  const desktopEdit = JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status', value: 'adopted' }]);
  const app = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', a.app, '--link', server.editLink, '--edit', desktopEdit,
                                 '--frames', '30', '--wait-revision', '3', '--save-on-exit', saved], { stdio: 'inherit' });
  const exited = new Promise((resolve) => app.once('exit', resolve));
  // When the desktop's edit is in, another client edits something else.
  let revision = 1;
  for (let i = 0; i < 100 && revision < 2; i++) {
    await new Promise((r) => setTimeout(r, 100));
    revision = (await (await fetch(api, { headers: auth })).json()).revision;
  }
  check(revision === 2, 'the desktop app\'s edit reached the server');
  const other = await fetch(api, { method: 'PATCH', headers: { ...auth, 'If-Match': '"2"', 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/ange/status', value: 'declined' }]) });
  check(other.status === 200, 'another client edits meanwhile');
  const code = await exited;
  check(code === 0, 'the desktop app exits cleanly (code ' + code + ')');
  const state = (await (await fetch(api, { headers: auth })).json()).state;
  const local = JSON.parse(readFileSync(saved, 'utf8'));
  check(state.matters['tjanstepersonsstruktur-2022'].decisions.kramfors.status === 'adopted', 'the server has the desktop\'s edit');
  check(JSON.stringify(local) === JSON.stringify(state), 'the desktop app ended with the server\'s state, the other edit included');
}, { withBrowser: false });
