// The store build's manifest may hold only permissions and site patterns that docs/PERMISSIONS.md
// lists (and justifies); the test build's extra localhost patterns never reach the store build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAVE_WASM = fs.existsSync(path.join(ROOT, 'build', 'wasm', 'helder_engine.wasm'));

// Everything in backticks in the first column of a table row of the doc.
export function listedInDoc(markdown) {
  const listed = new Set();
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m) listed.add(m[1]);
  }
  return listed;
}

export function unlisted(manifest, listed) {
  const asked = [
    ...(manifest.permissions || []), ...(manifest.optional_permissions || []),
    ...(manifest.host_permissions || []), ...(manifest.optional_host_permissions || []),
    ...(manifest.content_scripts || []).flatMap((c) => c.matches || []),
    ...(manifest.web_accessible_resources || []).flatMap((w) => w.matches || []),
  ];
  return [...new Set(asked)].filter((p) => !listed.has(p));
}

function buildStore() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'helder-ext-'));
  execFileSync('node', [path.join(ROOT, 'extension', 'build.mjs'), '--out', out], { stdio: 'pipe' });
  return out;
}

test('the checker catches a permission or host pattern the doc does not list', () => {
  const listed = new Set(['storage', 'https://x.com/*']);
  assert.deepEqual(unlisted({ permissions: ['storage', 'tabs'], content_scripts: [{ matches: ['https://x.com/*', '<all_urls>'] }] }, listed), ['tabs', '<all_urls>']);
  assert.deepEqual(unlisted({ permissions: ['storage'], host_permissions: ['https://evil.example/*'] }, listed), ['https://evil.example/*']);
});

test('every permission and site pattern of the store build is listed in docs/PERMISSIONS.md', { skip: !HAVE_WASM && 'build/wasm is missing (run make wasm)' }, () => {
  const out = buildStore();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const listed = listedInDoc(fs.readFileSync(path.join(ROOT, 'docs', 'PERMISSIONS.md'), 'utf8'));
    assert.deepEqual(unlisted(manifest, listed), []);
    assert.equal(manifest.host_permissions, undefined, 'the store build needs no host permissions');
    // The doc lists nothing the manifest no longer asks for (except the test-build-only hosts).
    const asked = new Set([...(manifest.permissions || []), ...(manifest.optional_host_permissions || []), ...manifest.content_scripts.flatMap((c) => c.matches)]);
    const stale = [...listed].filter((p) => !asked.has(p) && !/^(http:\/\/(localhost|127\.0\.0\.1)\/\*)$/.test(p));
    assert.deepEqual(stale, []);
    // Store build: no localhost, closed shadow root.
    assert.ok(!JSON.stringify(manifest).includes('localhost') && !JSON.stringify(manifest).includes('127.0.0.1'));
    assert.match(fs.readFileSync(path.join(out, 'content', 'badge.js'), 'utf8'), /const SHADOW_MODE = 'closed';/);
    assert.match(manifest.content_security_policy.extension_pages, /^script-src 'self' 'wasm-unsafe-eval'; object-src 'self'$/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
