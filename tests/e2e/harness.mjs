// Shared pieces of the end-to-end tests: launching Chromium with the unpacked extension, a local
// fixture server, and the recording proxy that proves no request leaves the machine.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEST_EXTENSION = path.join(ROOT, 'build', 'extension-test');
export const STORE_EXTENSION = path.join(ROOT, 'build', 'extension');
export const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.jsonl': 'application/json' };

// Serves tests/e2e/fixtures/ and any generated pages registered with `page(path, html)`.
export async function startFixtureServer() {
  const generated = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (generated.has(url.pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return res.end(generated.get(url.pathname));
    }
    const file = path.normalize(path.join(FIXTURES, decodeURIComponent(url.pathname)));
    if (!file.startsWith(FIXTURES) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    page: (p, html) => generated.set(p, html),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// An HTTP proxy that answers 403 to everything and records what it was asked for (plain requests
// and CONNECT tunnels for https). Chromium never proxies loopback, so fixture pages still load.
export async function startRecordingProxy() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, at: Date.now() });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('blocked by the Helder test proxy');
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, requests, close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }) };
}

export async function launch({ extension = TEST_EXTENSION, proxyPort = null, locale = 'nl-NL', userDataDir = '' } = {}) {
  const args = [
    ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--component-updater=url-source=http://127.0.0.1:9/',
    '--gaia-url=http://127.0.0.1:9/', `--lang=${locale}`,
  ];
  if (process.env.HELDER_E2E_LOG) args.push('--enable-logging=stderr', '--v=0');
  if (proxyPort) args.push(`--proxy-server=http://127.0.0.1:${proxyPort}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args, locale, viewport: { width: 1280, height: 900 },
  });
  if (!extension) return { context, sw: null, extensionId: null, extUrl: null }; // a baseline browser
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = sw.url().split('/')[2];
  return { context, sw, extensionId, extUrl: (p) => `chrome-extension://${extensionId}/${p}` };
}

// A fresh handle on the (possibly restarted) service worker.
export async function serviceWorker(context) {
  const live = context.serviceWorkers();
  if (live.length) return live[live.length - 1];
  return context.waitForEvent('serviceworker', { timeout: 30_000 });
}

// Badges drawn on the page, per post id (the host element carries the id; the test build's shadow
// root is open so the tests can read the badge).
export async function badgesById(page) {
  return page.evaluate(() => {
    const out = {};
    for (const host of document.querySelectorAll('helder-badge')) {
      const id = host.getAttribute('data-helder-id');
      (out[id] ||= []).push(host.getAttribute('data-helder-signals'));
    }
    return out;
  });
}

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// A generic page of <article> posts, the structure the generic adapter reads: a permalink
// (rel=bookmark), an author, a <time datetime> and the text. Page script can add, rewrite and
// recycle posts to test the incremental path (the tests insert articlePost() HTML).
export function articlePost(p) {
  return `<article data-post-id="${esc(p.id)}"><header><a rel="author" class="author" data-handle="${esc(p.author)}" href="/u/${esc(p.author)}">${esc(p.author_name || p.author)}</a>
 <a rel="bookmark" href="/p/${esc(p.id)}"><time datetime="${esc(p.time)}">${esc(p.time)}</time></a></header><p class="post-text">${esc(p.text)}</p></article>`;
}

export function articlePage(posts, { title = 'Fixture feed', extraHead = '' } = {}) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>${extraHead}
<style>article{border:1px solid #ccc;margin:8px;padding:8px;min-height:120px}</style></head>
<body><main id="feed">${posts.map(articlePost).join('\n')}</main></body></html>`;
}

export function makePosts(n, { prefix = 'p', start = Date.parse('2026-03-10T08:00:00Z') } = {}) {
  const posts = [];
  for (let i = 0; i < n; i += 1) {
    posts.push({ id: `${prefix}${i}`, author: `user_${prefix}_${i % 97}`, author_name: `Gebruiker ${i}`, time: new Date(start + i * 61_000).toISOString(),
      text: `Bericht nummer ${i} over het weer, de fiets en de buurt. Vandaag ${['zon', 'regen', 'wind', 'mist'][i % 4]} in de stad ${i}.` });
  }
  return posts;
}
