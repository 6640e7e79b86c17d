// Manifest validation of the built extension (what `web-ext lint` would check that matters for a
// Chromium MV3 store build, without its large dependency tree): every file the manifest and the
// pages name exists, locales are complete and agree, icons are PNGs of their declared size, no
// remote script or eval, and only the three ONNX Runtime files the CPU backend needs are shipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAVE_WASM = fs.existsSync(path.join(ROOT, 'build', 'wasm', 'helder_engine.wasm'));
const skip = !HAVE_WASM && 'build/wasm is missing (run make wasm)';
let out = null;

function built() {
  if (!out) {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'helder-ext-'));
    execFileSync('node', [path.join(ROOT, 'extension', 'build.mjs'), '--out', out], { stdio: 'pipe' });
    process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  }
  return out;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('the manifest is MV3 and every file it names exists', { skip }, () => {
  const dir = built();
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  assert.match(m.version, /^\d+\.\d+\.\d+$/);
  const files = [m.background.service_worker, m.action.default_popup, m.options_page, m.side_panel.default_path,
    ...Object.values(m.icons), ...Object.values(m.action.default_icon), ...m.content_scripts.flatMap((c) => c.js)];
  for (const f of files) assert.ok(fs.existsSync(path.join(dir, f)), `${f} is named in the manifest but missing`);
  assert.equal(m.background.type, 'module');
  assert.ok(fs.existsSync(path.join(dir, '_locales', m.default_locale, 'messages.json')));
});

test('every script and stylesheet an extension page loads exists, and none is remote or inline', { skip }, () => {
  const dir = built();
  for (const html of walk(dir).filter((f) => f.endsWith('.html'))) {
    const text = fs.readFileSync(html, 'utf8');
    for (const [, ref] of text.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
      assert.ok(!/^(https?:)?\/\//.test(ref), `${path.relative(dir, html)} loads remote ${ref}`);
      assert.ok(fs.existsSync(path.resolve(path.dirname(html), ref)), `${path.relative(dir, html)} loads missing ${ref}`);
    }
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(text), `${path.relative(dir, html)} has an inline script (the CSP forbids it)`);
    assert.ok(!/\son[a-z]+="/i.test(text), `${path.relative(dir, html)} has an inline event handler`);
  }
});

test('the extension code uses no eval, no new Function, no innerHTML and no remote URLs to fetch', { skip }, () => {
  const dir = built();
  const own = walk(dir).filter((f) => /\.(m?js)$/.test(f) && !/\/(engine\/helder_engine\.js|ort\/)/.test(f) && !f.endsWith('ai_model.mjs'));
  for (const f of own) {
    const text = fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const bad of [/\beval\(/, /new Function\(/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write\(/, /fetch\(\s*['"`]https?:/]) {
      assert.ok(!bad.test(text), `${path.relative(dir, f)} matches ${bad}`);
    }
  }
});

test('the Dutch and English locales have the same keys, and every key the code uses exists', { skip }, () => {
  const dir = built();
  const nl = JSON.parse(fs.readFileSync(path.join(dir, '_locales', 'nl', 'messages.json'), 'utf8'));
  const en = JSON.parse(fs.readFileSync(path.join(dir, '_locales', 'en', 'messages.json'), 'utf8'));
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(en)) assert.ok(typeof v.message === 'string' && v.message && nl[k].message, `empty message ${k}`);
  const used = new Set();
  for (const f of walk(dir).filter((x) => /\.(m?js|html)$/.test(x) && !x.includes('/engine/') && !x.includes('/ort/'))) {
    const text = fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const [, k] of text.matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(k);
    for (const [, k] of text.matchAll(/data-i18n(?:-aria|-title)?="([A-Za-z_]+)"/g)) used.add(k);
  }
  for (const [, k] of fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(k);
  // Keys built from a signal or notice name.
  for (const s of ['coordination', 'ai', 'election']) for (const suffix of ['Title', 'Short', 'Meaning', 'Limits']) used.add(`${s}${suffix}`);
  for (const n of ['stateCorrupt', 'storageFull', 'stateTooLarge', 'storageUnavailable', 'rulesRejected']) used.add(`notice_${n}`);
  for (const s of ['too_short', 'unsupported_language', 'unavailable']) used.add(`aiStatus_${s}`);
  for (const k of used) assert.ok(en[k], `message ${k} is used but not defined`);
});

test('icons are PNG files of the size the manifest says', { skip }, () => {
  const dir = built();
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  for (const [size, file] of Object.entries(m.icons)) {
    const b = fs.readFileSync(path.join(dir, file));
    assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
    assert.equal(b.readUInt32BE(16), Number(size), `${file} width`);
    assert.equal(b.readUInt32BE(20), Number(size), `${file} height`);
  }
});

test('only the three ONNX Runtime Web files of the CPU backend are shipped (when the AI model is)', { skip }, () => {
  const dir = built();
  const ort = path.join(dir, 'ort');
  if (!fs.existsSync(ort)) return; // no AI model in this build: no ORT either
  assert.deepEqual(fs.readdirSync(ort).sort(), ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm', 'ort.wasm.min.mjs']);
});
