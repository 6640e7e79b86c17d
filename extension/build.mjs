// `make extension`: assembles the loadable extension in build/extension/ from extension/ (sources),
// build/wasm/ (the engine), wasm/js/ (the JS API and, when present, the AI scorer), onnxruntime-web
// (only the three files the wasm CPU backend needs), models/*.onnx, rules/ and _locales/.
//
//   node extension/build.mjs            store build   -> build/extension/
//   node extension/build.mjs --test     test build    -> build/extension-test/
//   node extension/build.mjs --zip      store build, then build/helder-extension-<version>.zip
//   --out DIR                           write the build there instead
//
// The test build differs in exactly three ways, all decided here so the store build never carries
// them: content scripts and host permissions also match http://localhost/* and http://127.0.0.1/*
// (the fixture server), a fixture page may name the site adapter it imitates, and badges are drawn
// in an open shadow root so the tests can look inside (the store build uses a closed one).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const args = new Set(process.argv.slice(2));
const TEST = args.has('--test');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'build', TEST ? 'extension-test' : 'extension');
const TEST_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

function fail(message) {
  console.error(`extension build: ${message}`);
  process.exit(1);
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function copyTree(from, to, filter = () => true) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst, filter);
    else if (filter(src)) copy(src, dst);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${path.relative(ROOT, file)}: ${error.message}`);
  }
}

// Every rule resource the engine loads, as the CLI reads them (wasm/js/node_support.mjs): rules/**
// except the schemas and the site selectors, plus the language profile.
function engineResources() {
  const names = ['models/langid.json'];
  const walk = (dir, rel) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'schema' && entry.name !== 'sites') walk(path.join(dir, entry.name), relPath);
      } else if (entry.name.endsWith('.json')) names.push(relPath);
    }
  };
  walk(path.join(ROOT, 'rules'), 'rules');
  return names;
}

function siteAdapters() {
  const dir = path.join(ROOT, 'rules', 'sites');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readJson(path.join(dir, f)));
}

// Hosts of the official sources the popover may link to: every https URL or domain named in
// rules/sources.json, plus the help pages the councillor report names (extension/lib/help_links.json).
function allowedHosts() {
  const hosts = new Set();
  const visit = (value, key) => {
    if (typeof value === 'string') {
      if (/^https:\/\//i.test(value)) {
        try { hosts.add(new URL(value).hostname.toLowerCase()); } catch { /* not a URL */ }
      } else if (/^(domain|domains|host|hosts|hostname)$/i.test(key || '') && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value)) {
        hosts.add(value.toLowerCase());
      }
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  const sources = path.join(ROOT, 'rules', 'sources.json');
  if (fs.existsSync(sources)) visit(readJson(sources));
  visit(readJson(path.join(HERE, 'lib', 'help_links.json')));
  return [...hosts].sort();
}

function build() {
  const wasmDir = path.join(ROOT, 'build', 'wasm');
  for (const f of ['helder_engine.js', 'helder_engine.wasm']) {
    if (!fs.existsSync(path.join(wasmDir, f))) fail(`build/wasm/${f} is missing: run 'make wasm' first`);
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  // Sources, except this script, the template manifest (rewritten below) and the demo feed (copied as is).
  copyTree(HERE, OUT, (src) => !['build.mjs', 'manifest.json'].includes(path.relative(HERE, src)) && !src.endsWith('.md'));

  // Engine and its JS API.
  copy(path.join(wasmDir, 'helder_engine.js'), path.join(OUT, 'engine', 'helder_engine.js'));
  copy(path.join(wasmDir, 'helder_engine.wasm'), path.join(OUT, 'engine', 'helder_engine.wasm'));
  copy(path.join(ROOT, 'wasm', 'js', 'engine.mjs'), path.join(OUT, 'engine', 'engine.mjs'));
  const aiModule = path.join(ROOT, 'wasm', 'js', 'ai_model.mjs');
  const models = fs.existsSync(path.join(ROOT, 'models')) ? fs.readdirSync(path.join(ROOT, 'models')).filter((f) => f.endsWith('.onnx')) : [];
  const hasAi = fs.existsSync(aiModule) && models.includes('ai_text.onnx');
  if (hasAi) {
    copy(aiModule, path.join(OUT, 'engine', 'ai_model.mjs'));
    for (const m of models) copy(path.join(ROOT, 'models', m), path.join(OUT, 'models', m));
    // ONNX Runtime Web: the ESM entry of the plain wasm backend and the one SIMD wasm it loads.
    const ortDist = path.join(ROOT, 'node_modules', 'onnxruntime-web', 'dist');
    for (const f of ['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
      if (!fs.existsSync(path.join(ortDist, f))) fail(`node_modules/onnxruntime-web/dist/${f} is missing: run 'make setup'`);
      copy(path.join(ortDist, f), path.join(OUT, 'ort', f));
    }
  }

  // Rule resources, bundled in one file the offscreen document reads at start.
  const resources = {};
  for (const name of engineResources()) resources[name] = fs.readFileSync(path.join(ROOT, name), 'utf8');
  fs.writeFileSync(path.join(OUT, 'engine', 'resources.json'), JSON.stringify(resources));
  fs.writeFileSync(path.join(OUT, 'engine', 'build_info.json'), JSON.stringify({ ai: hasAi, test: TEST }, null, 2));
  for (const name of Object.keys(resources)) if (name.startsWith('rules/')) copy(path.join(ROOT, name), path.join(OUT, name));

  // Data the content script needs synchronously, as classic scripts (content scripts cannot read
  // extension files without exposing them to every page as web-accessible resources).
  const sites = siteAdapters();
  fs.writeFileSync(path.join(OUT, 'content', 'sites_data.js'),
    `// Generated by extension/build.mjs from rules/sites/*.json.\nglobalThis.HelderSites = ${JSON.stringify(sites)};\n`);
  const messages = {};
  for (const lang of ['nl', 'en']) messages[lang] = readJson(path.join(HERE, '_locales', lang, 'messages.json'));
  const libData = `// Generated by extension/build.mjs: UI strings of both languages (a setting may override the\n` +
    `// browser language, which chrome.i18n cannot) and the hosts links may point at.\n` +
    `globalThis.HelderMessages = ${JSON.stringify(messages)};\n` +
    `globalThis.HelderAllowedHosts = ${JSON.stringify(allowedHosts())};\n` +
    `globalThis.HelderBuild = ${JSON.stringify({ test: TEST, ai: hasAi })};\n`;
  fs.writeFileSync(path.join(OUT, 'lib', 'build_data.js'), libData);

  // Manifest: the annotated sites come from the site adapters' host patterns.
  const manifest = readJson(path.join(HERE, 'manifest.json'));
  if (!fs.existsSync(path.join(HERE, 'content', 'extract.js'))) fail('content/extract.js (the site adapters) is missing');
  const matches = new Set(manifest.content_scripts[0].matches);
  for (const site of sites) for (const m of site.matches || []) if (/^https:\/\/[a-z0-9*.-]+\/\*$/i.test(m)) matches.add(m);
  if (TEST) for (const h of TEST_HOSTS) matches.add(h);
  manifest.content_scripts[0].matches = [...matches];
  // No host_permissions: declared content scripts need none, and the extension never fetches from
  // any site (docs/PERMISSIONS.md).
  delete manifest.host_permissions;
  if (TEST) manifest.name = `${manifest.name} (test build)`;
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  const shadowFile = path.join(OUT, 'content', 'badge.js');
  const badge = fs.readFileSync(shadowFile, 'utf8');
  if (!badge.includes("const SHADOW_MODE = 'closed';")) fail('content/badge.js must declare SHADOW_MODE');
  if (TEST) fs.writeFileSync(shadowFile, badge.replace("const SHADOW_MODE = 'closed';", "const SHADOW_MODE = 'open';"));
  console.log(`extension: ${path.relative(ROOT, OUT)}/ (${TEST ? 'test' : 'store'} build, ${sites.length} site adapters, ` +
    `${Object.keys(resources).length} rule resources, AI model ${hasAi ? 'included' : 'absent: the AI signal says "unavailable"'})`);
  return manifest;
}

const manifest = build();
if (args.has('--zip')) {
  if (TEST) fail('--zip makes the store build only');
  const zip = path.join(ROOT, 'build', `helder-extension-${manifest.version}.zip`);
  fs.rmSync(zip, { force: true });
  execFileSync('/usr/bin/python3', ['-c', `import shutil,sys; shutil.make_archive(sys.argv[1][:-4], 'zip', sys.argv[2])`, zip, OUT], { stdio: 'inherit' });
  console.log(`store zip: ${path.relative(ROOT, zip)} (${(fs.statSync(zip).size / 1e6).toFixed(1)} MB)`);
}
