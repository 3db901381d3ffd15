// The shipped nginx site (packaging/nginx-samverkan.conf) in front of the real server: Debian's
// nginx with a self-signed certificate made here, Chromium trusting that certificate, HTTP/2,
// a live edit between two pages, a 9 MB body refused by nginx, and the event stream arriving
// event by event.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { connect } from 'node:http2';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { args, check, runBrowserTest, waitUntil, watchErrors } from '../browser/harness.mjs';

const source = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'samverkan-nginx-'));
const nginxPath = args().nginx || '/usr/sbin/nginx';
if (!existsSync(nginxPath)) {
  console.log(`not ok - no nginx at ${nginxPath}: apt-get install nginx-light (scripts/setup.sh test installs it)`);
  process.exit(1);
}

// A certificate for localhost, and its key's SPKI hash: what Chromium is told to trust.
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
  '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
const spki = execFileSync('sh', ['-c', `openssl x509 -pubkey -noout -in "${dir}/cert.pem" | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`]).toString().trim();
const ca = readFileSync(join(dir, 'cert.pem'));

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

// The shipped site with this machine's ports, certificate and log folder; everything else as shipped.
function siteConfig(httpsPort, httpPort, serverPort) {
  let site = readFileSync(join(source, 'packaging', 'nginx-samverkan.conf'), 'utf8');
  const replace = (from, to) => {
    if (!site.includes(from)) throw new Error('the shipped nginx site no longer has: ' + from);
    site = site.split(from).join(to);
  };
  replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`);
  replace('listen [::]:443 ssl http2;', '');
  replace('listen 80;', `listen 127.0.0.1:${httpPort};`);
  replace('listen [::]:80;', '');
  replace('server 127.0.0.1:8080;', `server 127.0.0.1:${serverPort};`);
  replace('/etc/ssl/certs/samverkan.pem', join(dir, 'cert.pem'));
  replace('/etc/ssl/private/samverkan.key', join(dir, 'key.pem'));
  replace('/var/log/nginx/', dir + '/');
  return site;
}

function startNginx(serverPort) {
  return Promise.all([freePort(), freePort()]).then(([httpsPort, httpPort]) => {
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'site.conf'), siteConfig(httpsPort, httpPort, serverPort));
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t, i) =>
      `${t}_temp_path ${join(dir, ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'][i])};`).join('\n  ');
    writeFileSync(join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  ${temps}
  include ${dir}/site.conf;
}
`);
    execFileSync(nginxPath, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'inherit' });
    const proc = spawn(nginxPath, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const tryConnect = () => {
        const r = request({ host: '127.0.0.1', port: httpsPort, path: '/api/health', servername: 'localhost', ca }, (res) => {
          res.resume();
          resolve({ proc, httpsPort, httpPort, origin: `https://localhost:${httpsPort}/` });
        });
        r.on('error', () => (Date.now() - started > 10000 ? reject(new Error('nginx did not start')) : setTimeout(tryConnect, 100)));
        r.end();
      };
      tryConnect();
    });
  });
}

// One HTTPS request through nginx (HTTP/1.1), trusting only the test certificate.
function https(port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method, path, headers, servername: 'localhost', ca }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

await runBrowserTest(async ({ server, browser }) => {
  const serverPort = Number(new URL(server.url).port);
  const nginx = await startNginx(serverPort);
  try {
    const link = new URLSearchParams(server.editLink.split('#')[1]);
    const id = link.get('w'), token = link.get('t');
    const auth = { Authorization: 'Bearer ' + token };

    // Plain HTTP is sent to HTTPS.
    const plain = await new Promise((resolve) => {
      import('node:http').then(({ request: req }) => req({ host: '127.0.0.1', port: nginx.httpPort, path: '/x', headers: { Host: 'localhost' } },
        (res) => { res.resume(); resolve(res); }).end());
    });
    check(plain.statusCode === 301 && plain.headers.location === 'https://localhost/x', 'http:// answers 301 to https://');

    // The page through https:// in Chromium, over HTTP/2, and a live edit between two pages.
    const pageUrl = nginx.origin + '?test=1#' + server.editLink.split('#')[1];
    const editor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [...[editor, viewer].map(watchErrors)];
    await editor.goto(pageUrl);
    await viewer.goto(pageUrl);
    for (const p of [editor, viewer])
      check(await waitUntil(p, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.online, null, 30000),
            'both pages opened the workspace through nginx and follow its events');
    const protocol = await editor.evaluate(() => performance.getEntriesByType('navigation')[0].nextHopProtocol);
    check(protocol === 'h2', 'the page came over HTTP/2 (' + protocol + ')');
    const secure = await editor.evaluate(() => window.isSecureContext && location.protocol);
    check(secure === 'https:', 'the page is a secure https:// context, its certificate trusted');
    const path = '/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status';
    const before = await viewer.evaluate(() => window.samverkan.revision);
    const sentAt = Date.now();
    check(await editor.evaluate((p) => Module.ccall('samverkan_edit', 'number', ['string'], [JSON.stringify([{ op: 'replace', path: p, value: 'adopted' }])]), path) === 1,
          "the editor changes Kramfors' decision");
    check(await waitUntil(viewer, (r) => window.samverkan.revision === r + 1, before, 10000), 'the other page has the change live through nginx');
    console.log(`the edit reached the other page through nginx after ${Date.now() - sentAt} ms`);
    const status = await viewer.evaluate(() => JSON.parse(Module.ccall('samverkan_saved', 'string', [], []))
      .matters['tjanstepersonsstruktur-2022'].decisions.kramfors.status);
    check(status === 'adopted', 'and shows the new status');

    // A 9 MB body is refused by nginx (client_max_body_size), before the server sees it.
    const revision = JSON.parse((await https(nginx.httpsPort, 'GET', '/api/workspaces/' + id, { ...auth, Host: 'localhost' })).body).revision;
    const big = '[' + ' '.repeat(9 * 1024 * 1024) + ']';
    const refused = await https(nginx.httpsPort, 'PATCH', '/api/workspaces/' + id,
      { ...auth, Host: 'localhost', 'Content-Type': 'application/json-patch+json', 'If-Match': `"${revision}"`, 'Content-Length': Buffer.byteLength(big) }, big)
      .catch((e) => ({ status: 0, body: String(e), headers: {} }));
    check(refused.status === 413 && /nginx/.test(refused.body), 'nginx refuses a 9 MB body with 413 (' + refused.status + ')');
    const after = JSON.parse((await https(nginx.httpsPort, 'GET', '/api/workspaces/' + id, { ...auth, Host: 'localhost' })).body).revision;
    check(after === revision, 'and the workspace did not change');

    // The event stream over HTTP/2, event by event: each change arrives before the next is made.
    const session = connect(`https://127.0.0.1:${nginx.httpsPort}`, { ca, servername: 'localhost' });
    const alpn = await new Promise((resolve) => session.once('connect', () => resolve(session.alpnProtocol)));
    check(alpn === 'h2', 'nginx speaks HTTP/2 to the event stream client');
    const stream = session.request({ ':path': '/api/workspaces/' + id + '/events', ...auth, accept: 'text/event-stream' });
    const arrivals = [];
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = (event.match(/^event: (.+)$/m) || [])[1];
        if (name) arrivals.push({ name, at: Date.now(), data: (event.match(/^data: (.*)$/m) || [])[1] });
      }
    });
    const waitFor = async (what, ms) => { for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 10))) if (what()) return true; return false; };
    check(await waitFor(() => arrivals.some((e) => e.name === 'hello'), 5000), 'the stream says hello at once');
    let rev = after;
    for (const value of ['declined', 'paused', 'adopted']) {
      const patches = arrivals.filter((e) => e.name === 'patch').length;
      const sent = Date.now();
      const r = await https(nginx.httpsPort, 'PATCH', '/api/workspaces/' + id,
        { ...auth, Host: 'localhost', 'Content-Type': 'application/json-patch+json', 'If-Match': `"${rev}"` }, JSON.stringify([{ op: 'replace', path, value }]));
      check(r.status === 200, 'a change through nginx is stored (' + r.status + ')');
      rev += 1;
      check(await waitFor(() => arrivals.filter((e) => e.name === 'patch').length === patches + 1, 3000),
            `its event arrives on its own, before the next change is made (${value}, ${Date.now() - sent} ms)`);
    }
    stream.close();
    session.close();

    // nginx forwarded the stream without buffering and the server saw it as one stream, ended.
    // (nginx writes a request's line when it ends: the stream's comes after the close above.)
    const streamLine = /"GET \/api\/workspaces\/[^ ]+\/events HTTP\/2\.0" 200/;
    const accessLog = () => readFileSync(join(dir, 'samverkan.access.log'), 'utf8');
    check(await waitFor(() => streamLine.test(accessLog()), 5000), "nginx's access log shows the event stream, over HTTP/2");
    check(!/[?&]access_token=|[0-9a-f]{32}/.test(accessLog()) && !accessLog().includes(token), "nginx's access log holds no token");
    const problems = errors.flat();
    check(problems.length === 0, 'no errors on either page: ' + problems.join('; '));
  } finally {
    // A fast stop: the pages' event streams are still open, and a graceful one would wait for them.
    await new Promise((resolve) => { nginx.proc.once('exit', resolve); nginx.proc.kill('SIGTERM'); });
    rmSync(dir, { recursive: true, force: true });
  }
}, { serverArgs: ['--trust-proxy', '127.0.0.1'], browserArgs: ['--ignore-certificate-errors-spki-list=' + spki] });
