// The desktop app on a server link, in a real window under Xvfb: its edit reaches the
// server, and another client's edit made meanwhile reaches it. Then, with the server
// stopped, the app starts from its kept copy, takes an edit offline, and sends it when the
// server is back.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, runBrowserTest, startServer } from '../browser/harness.mjs';

// The desktop's own folders (kept copies, recent files, recovery) in a fresh place.
const home = mkdtempSync(join(tmpdir(), 'samverkan-desktop-home-'));
const env = { ...process.env, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };

function run(appPath, args) {
  const p = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', appPath, ...args], { stdio: 'inherit', env });
  return new Promise((resolve) => p.once('exit', resolve));
}

// Who the user is, as the app keeps it (Vem är du?): sent with each change.
mkdirSync(join(home, 'config', 'samverkan'), { recursive: true });
writeFileSync(join(home, 'config', 'samverkan', 'author.json'), JSON.stringify({ name: 'Dag Dahl', organisation: 'Timrå kommun', asked: true }));

await runBrowserTest(async ({ server, args: a }) => {
  const link = new URL(server.editLink);
  const params = new URLSearchParams(link.hash.slice(1));
  const id = params.get('w'), token = params.get('t');
  const api = `${server.url}api/workspaces/${id}`;
  const auth = { Authorization: 'Bearer ' + token };
  const saved = join(tmpdir(), `samverkan-desktop-${process.pid}.json`);
  const desktopEdit = JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status', value: 'adopted' }]);
  const app = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', a.app, '--link', server.editLink, '--edit', desktopEdit,
                                 '--frames', '30', '--wait-revision', '3', '--save-on-exit', saved], { stdio: 'inherit', env });
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
  const history = (await (await fetch(api + '/history', { headers: auth })).json()).history;
  check(history[1].revision === 2 && history[1].author === 'Redigering (Dag Dahl, Timrå kommun)', 'the desktop\'s change is by its user: ' + history[1].author);
  check(history[1].summary === 'Kramfors: Ej beslutat → Antaget (Tjänstepersonsstruktur för HälSam)', 'and says what in words: ' + history[1].summary);
  // The kept copy is two files: the base is the state as the server sent it at the start
  // (revision 1), and the changes since (the desktop's and the other's) went to the line only.
  const kept = join(home, 'cache', 'samverkan');
  const files = readdirSync(kept).sort();
  check(files.length === 2 && files[0].endsWith(`_${id}.base.json`) && files[1].endsWith(`_${id}.line.json`), 'the kept copy is a base and a line: ' + files.join(', '));
  const base = JSON.parse(readFileSync(join(kept, files[0]), 'utf8'));
  const line = JSON.parse(readFileSync(join(kept, files[1]), 'utf8'));
  check(base.format === 'samverkan-offline-base-1' && base.revision === 1 && base.confirmed.matters['tjanstepersonsstruktur-2022'].decisions.kramfors.status !== 'adopted',
        'the base is the state at revision 1, not written again for the changes after it');
  check(line.format === 'samverkan-offline-line-1' && line.base_revision === 1 && line.revision === 3 && line.since_base.length === 2 && line.pending.length === 0,
        'the line holds the two changes since the base (revision ' + line.revision + ', ' + line.since_base.length + ' steps)');
  const baseWritten = statSync(join(kept, files[0])).mtimeMs;
  // Historik on the desktop: the server's list, with the user's name.
  const mirror = join(home, 'mirror.json');
  const historyCode = await run(a.app, ['--link', server.editLink, '--history', '--frames', '20', '--mirror', mirror]);
  check(historyCode === 0, 'the desktop app opens Historik (code ' + historyCode + ')');
  const said = readFileSync(mirror, 'utf8');
  check(said.includes('Redigering (Dag Dahl, Timrå kommun)') && said.includes('Kramfors: Ej beslutat → Antaget'), 'its Historik lists the change by its user, in words');
  check(statSync(join(kept, files[0])).mtimeMs > baseWritten, 'a new run online starts a new base from the state it is sent');

  // No server: the app opens its kept copy, and an edit waits in it.
  const port = new URL(server.url).port;
  await server.stop();
  const offlineEdit = JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/timra/status', value: 'paused' }]);
  const offlineSaved = join(home, 'offline.json');
  const offlineCode = await run(a.app, ['--link', server.editLink, '--edit', offlineEdit, '--frames', '10', '--wait-seconds', '1', '--save-on-exit', offlineSaved]);
  check(offlineCode === 0, 'with the server stopped, the desktop app starts from its kept copy (code ' + offlineCode + ')');
  const offline = JSON.parse(readFileSync(offlineSaved, 'utf8'));
  check(offline.matters['tjanstepersonsstruktur-2022'].decisions.timra.status === 'paused' &&
        offline.matters['tjanstepersonsstruktur-2022'].decisions.ange.status === 'declined',
        'offline it shows the last state it saw, with the new edit');
  // Started again with the server still away, then the server comes back on the same data
  // and port while the app runs: the app fetches the state in the background and sends the
  // edit that waited.
  const back = run(a.app, ['--link', server.editLink, '--frames', '10', '--wait-revision', '4', '--wait-seconds', '40']);
  await new Promise((r) => setTimeout(r, 2500));
  const again = await startServer(a.server, a.web, { data: server.data, port });
  try {
    const onlineCode = await back;
    check(onlineCode === 0, 'with the server back while it runs, the app sends what waited and exits cleanly');
    const after = (await (await fetch(api, { headers: auth })).json());
    check(after.revision === 4 && after.state.matters['tjanstepersonsstruktur-2022'].decisions.timra.status === 'paused',
          'the edit made offline reached the server (revision ' + after.revision + ')');
  } finally {
    await again.stop();
  }
  // An edit made offline, and the next start with the server there: the app shows the server's
  // state at once, reads its sync copy meanwhile, and then sends what waited before anything new.
  const waitingEdit = JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/harnosand/status', value: 'declined' }]);
  check(await run(a.app, ['--link', server.editLink, '--edit', waitingEdit, '--frames', '5', '--wait-seconds', '1']) === 0, 'another edit waits offline');
  const third = await startServer(a.server, a.web, { data: server.data, port });
  try {
    const newEdit = JSON.stringify([{ op: 'replace', path: '/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status', value: 'paused' }]);
    const code = await run(a.app, ['--link', server.editLink, '--edit', newEdit, '--frames', '5', '--wait-revision', '6', '--wait-seconds', '20']);
    check(code === 0, 'started online with a change waiting, the app exits cleanly (code ' + code + ')');
    const now = await (await fetch(api, { headers: auth })).json();
    const d = now.state.matters['tjanstepersonsstruktur-2022'].decisions;
    check(now.revision === 6 && d.harnosand.status === 'declined' && d.kramfors.status === 'paused',
          'the change that waited and the one made at start both reached the server (revision ' + now.revision + ')');
    const last = (await (await fetch(api + '/history', { headers: auth })).json()).history.slice(0, 2).map((h) => h.summary).reverse();   // newest first
    check(last[0].startsWith('Härnösand') && last[1].startsWith('Kramfors'), 'the one that waited went first: ' + last.join(' | '));
  } finally {
    await third.stop();
  }
}, { withBrowser: false });
