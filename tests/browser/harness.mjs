// Shared pieces of the browser tests: a real samverkan-server process on a free
// port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

export function args() {
  const out = {};
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, '')] = a[i + 1];
  return out;
}

let serverSerial = 0;

// Starts the server with a fresh data folder; resolves with {url, stop}.
// `options.data` and `options.port` start it again on an earlier server's data and port.
export function startServer(serverPath, webDir, options = {}) {
  const data = options.data || mkdtempSync(join(tmpdir(), 'samverkan-browser-'));
  const proc = spawn(serverPath, ['--host', '127.0.0.1', '--port', String(options.port || 0), '--data', data, '--web', webDir, ...(options.args || [])],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  // With SAMVERKAN_TEST_LOGS, the server's output is also kept there (the log_secrets test reads it).
  const logDir = process.env.SAMVERKAN_TEST_LOGS;
  let logFile = null;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    logFile = join(logDir, basename(process.argv[1], '.mjs') + '-' + (++serverSerial) + '.log');
    writeFileSync(logFile, '');
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + log)), 10000);
    const onData = (chunk) => {
      log += chunk;
      if (logFile) appendFileSync(logFile, chunk);
      const m = log.match(/running: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m && log.includes('Stop with Ctrl-C')) {
        clearTimeout(timer);
        // Tokens never reach the log: every demo workspace's links, by name, and a new admin
        // token are in the data folder (readable by this user only).
        const links = {};
        const kept = existsSync(join(data, 'links.txt')) ? readFileSync(join(data, 'links.txt'), 'utf8') : '';
        for (const l of kept.matchAll(/^(.+)\tedit\t(\S+)\tview\t(\S+)$/gm)) links[l[1]] = { edit: m[1] + l[2], view: m[1] + l[3] };
        const halsam = links['HälSam Västernorrland'] || {};
        const admin = existsSync(join(data, 'admin-token')) ? readFileSync(join(data, 'admin-token'), 'utf8').trim() : null;
        resolve({ url: m[1], editLink: halsam.edit, viewLink: halsam.view, links, data, log: () => log, adminToken: admin,
                  stop: () => new Promise((r) => { if (proc.exitCode !== null || proc.signalCode !== null) return r(); proc.once('exit', r); proc.kill('SIGTERM'); }) });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error('server exited ' + code + ': ' + log)));
  });
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
           '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

// Collects console errors and page errors; the tests fail on any.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', (e) => errors.push('page: ' + e.message + (process.env.DEBUG ? ' ' + e.stack : '')));
  // An event stream the page closed on purpose (to follow again under a new name) is aborted, not failed.
  page.on('requestfailed', (r) => {
    if (r.url().includes('/events?') && (r.failure() || {}).errorText === 'net::ERR_ABORTED') return;
    // The workspace's answer, read as it comes on web/fetch_worker.js: Chromium at times reports
    // that request aborted after the worker has read every byte of it (the page opens the
    // workspace all the same; a download that really failed leaves it unopened, which every
    // test checks). Only that request, and only "aborted".
    if (/\/api\/workspaces\/[^/?]+$/.test(r.url()) && r.method() === 'GET' && r.headers().accept === 'application/json' &&
        (r.failure() || {}).errorText === 'net::ERR_ABORTED') return;
    errors.push('request failed: ' + r.url() + ' ' + ((r.failure() || {}).errorText || ''));
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push('HTTP ' + r.status() + ' ' + r.url()); });
  return errors;
}

// How much of a PNG screenshot differs from its most common colour, and how many colours it has.
export function pixelStats(buffer) {
  const png = PNG.sync.read(buffer);
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const c = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const total = png.width * png.height;
  const background = Math.max(...counts.values());
  return { colours: counts.size, drawnPercent: (100 * (total - background)) / total };
}

// Waits for `fn` to hold in the page; false when it does not within `timeout` ms.
export async function waitUntil(page, fn, arg, timeout = 15000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 20 });
    return true;
  } catch (e) {
    // A timeout is the answer "no"; anything else (the page threw) is said, so a failure names its cause.
    if (!String(e.message).includes('Timeout')) console.log('# waitUntil: ' + String(e.message).split('\n')[0]);
    return false;
  }
}

export function outDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function check(cond, message) {
  if (!cond) throw new Error(message);
  console.log('ok - ' + message);
}

// Runs one test against a fresh server: `body({server, browser, args})` throws on failure.
// Prints the closing line ("1 passed, 0 failed") and exits with the result.
// `withBrowser: false` for tests that drive something else (the desktop app).
export async function runBrowserTest(body, { withBrowser = true, serverArgs = [], browserArgs = [] } = {}) {
  const a = args();
  const server = await startServer(a.server, a.web, { args: serverArgs });
  const browser = withBrowser ? await launchBrowser(browserArgs) : null;
  let failed = false;
  try {
    await body({ server, browser, args: a });
  } catch (e) {
    failed = true;
    console.error('not ok - ' + e.message);
    console.error(server.log());
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  process.exit(failed ? 1 : 0);
}

async function waitOrThrow(page, fn, arg, what, timeout = 15000) {
  if (!(await waitUntil(page, fn, arg, timeout))) throw new Error('timed out waiting for ' + what);
}

// The rectangle of a named widget in CSS pixels (ImGui draws in device pixels; the page runs
// with ?test=1), once it has stayed put for a few frames (a popup's first frame is laid out
// off screen).
export async function rect(page, name) {
  await waitOrThrow(page, (n) => {
    const s = window.samverkan;
    if (!s || !s.rects || !s.rects[n]) return false;
    const key = JSON.stringify(s.rects[n]);
    if (!window.__stable || window.__stable.name !== n || window.__stable.key !== key) {
      window.__stable = { name: n, key, frame: s.frames };
      return false;
    }
    return s.frames - window.__stable.frame >= 3;
  }, name, 'widget ' + name);
  return page.evaluate((n) => {
    const c = document.getElementById('canvas');
    const k = c.clientWidth / c.width;
    const [x, y, w, h] = window.samverkan.rects[n];
    return { x: x * k, y: y * k, w: w * k, h: h * k };
  }, name);
}

// A real mouse click in the middle of a named widget, then a few frames so that it is drawn.
export async function click(page, name) {
  const r = await rect(page, name);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  const f = await page.evaluate(() => window.samverkan.frames);
  await waitOrThrow(page, (n) => window.samverkan.frames >= n + 3, f, 'frames after a click');
}
