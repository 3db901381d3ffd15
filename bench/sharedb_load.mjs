// The 50-editor workload of samverkan-load against ShareDB 7 (npm), for bench/compare_sharedb.sh:
// the same document, each editor changing its own municipality's decision with a json0
// operation (the equivalent of samverkan-load's one-field JSON Patch), timed until ShareDB
// acknowledges it. ShareDB runs in a process of its own behind a WebSocket, as samverkan-server
// does behind HTTP; the editors are ShareDB clients in this process.
//   node bench/sharedb_load.mjs [--db memory|postgres] [--pg URI] [--seconds N] [--label NAME]
// Ends with "RESULT label per_second p50 p99".
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ShareDB = require('sharedb');
const ShareDBClient = require('sharedb/lib/client');
const WebSocket = require('ws');

const kEditors = 50;
const kStatuses = ['adopted', 'declined', 'paused', 'pending'];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

// samverkan-load's document: 50 municipalities and one matter deciding in each.
function workspace() {
  const ws = { schema_version: 2, name: 'Lasttest', costs: { key: { kind: 'per_capita' }, participants: [] }, parties: {}, bodies: {},
               matters: {}, cost_items: {}, funding: {}, scenarios: {} };
  const decisions = {};
  for (let i = 0; i < kEditors; ++i) {
    const id = 'kommun-' + i;
    ws.parties[id] = { name: 'Kommun ' + i, kind: 'municipality', population: 10000 + i };
    ws.costs.participants.push(id);
    decisions[id] = { status: 'pending' };
  }
  ws.matters.strategi = { title: 'Länsgemensam strategi', kind: 'recommendation', decisions };
  return ws;
}

// The server side: ShareDB on a WebSocket, in memory or on PostgreSQL (sharedb-postgres).
async function serve() {
  const { Duplex } = require('node:stream');
  let db;
  if (arg('--db', 'memory') === 'postgres') {
    const PostgresDB = require('sharedb-postgres');
    db = new PostgresDB({ connectionString: arg('--pg'), max: 20 });
  }
  const backend = new ShareDB(db ? { db } : {});
  const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    // ShareDB listens on an object stream of JSON messages.
    const stream = new Duplex({
      objectMode: true,
      read() {},
      write(message, _encoding, done) { socket.send(JSON.stringify(message)); done(); },
    });
    socket.on('message', (data) => stream.push(JSON.parse(data)));
    socket.on('close', () => stream.push(null));
    stream.on('error', () => socket.close());
    backend.listen(stream);
  });
  server.on('listening', () => process.stdout.write('PORT ' + server.address().port + '\n'));
}

function submit(doc, op) {
  return new Promise((resolve) => doc.submitOp(op, (err) => resolve(!err)));
}

function fetchOrCreate(doc, data) {
  return new Promise((resolve, reject) => doc.fetch((err) => {
    if (err) return reject(err);
    if (doc.type) return resolve();
    doc.create(data, (e) => (e ? reject(e) : resolve()));
  }));
}

function subscribe(doc) {
  return new Promise((resolve, reject) => doc.subscribe((err) => (err ? reject(err) : resolve())));
}

let child = null;   // the ShareDB server

async function drive() {
  const seconds = Number(arg('--seconds', '10'));
  const label = arg('--label', 'sharedb-' + arg('--db', 'memory'));
  child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = text.match(/PORT (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error('the ShareDB server ended: ' + code)));
  });
  const connections = [];
  const docs = [];
  for (let i = 0; i < kEditors; ++i) {
    const socket = new WebSocket('ws://127.0.0.1:' + port);
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const connection = new ShareDBClient.Connection(socket);
    connections.push(connection);
    const doc = connection.get('workspaces', 'lasttest');
    if (i === 0) await fetchOrCreate(doc, workspace());
    await subscribe(doc);
    docs.push(doc);
  }
  console.log(`${kEditors} concurrent editors, ${seconds} s each, one decision per operation (ShareDB ${require('sharedb/package.json').version}, ${arg('--db', 'memory')})`);
  const latencies = [];
  let ok = 0, failed = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(docs.map(async (doc, i) => {
    for (let n = 0; Date.now() < until; ++n) {
      const path = ['matters', 'strategi', 'decisions', 'kommun-' + i, 'status'];
      const op = [{ p: path, od: doc.data.matters.strategi.decisions['kommun-' + i].status, oi: kStatuses[n % 4] }];
      const t0 = process.hrtime.bigint();
      const good = await submit(doc, op);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (good) ++ok; else ++failed;
    }
  }));
  latencies.sort((a, b) => a - b);
  const p50 = latencies[Math.floor(latencies.length / 2)] || 0;
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] || 0;
  const perSecond = ok / seconds;
  console.log(`${label.padEnd(14)} ${perSecond.toFixed(0).padStart(8)} patches/s   p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms   (${ok} ok, ${failed} failed)`);
  console.log(`RESULT ${label} ${perSecond.toFixed(1)} ${p50.toFixed(3)} ${p99.toFixed(3)}`);
  for (const c of connections) c.close();
  child.kill('SIGTERM');
}

if (process.argv[2] === 'serve') serve();
else drive().then(() => process.exit(0)).catch((e) => {
  console.error('sharedb_load: ' + e.message);
  if (child) child.kill('SIGKILL');
  process.exit(1);
});
