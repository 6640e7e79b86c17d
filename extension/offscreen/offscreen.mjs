// The offscreen document: home of the wasm engine and ONNX Runtime Web (the AI-text model). It
// answers the service worker's requests one at a time, keeps the coordination memory, and saves it
// to IndexedDB shortly after each batch.
import { createHelder } from '../engine/engine.mjs';
import { loadState, saveState, clearState } from './store.mjs';

const SAVE_DELAY_MS = 1500;
const MAX_SEEN = 20000; // annotations remembered by post id, so a post seen in two tabs is fed once
let helder = null;
let bundledRules = {};
let aiScorer = null;
let ready = null;
let build = { ai: false, test: false };
let rulesSignature = '[]'; // no imported packs
let notices = [];
let saveTimer = null;
let settings = { retentionDays: 30, storeCapMB: 8, uiLang: 'en', customRules: {} };
const seen = new Map(); // platform + id -> annotation
let queue = Promise.resolve(); // requests run one after another: the engine is not re-entrant

async function loadAi() {
  try {
    const ort = await import('../ort/ort.wasm.min.mjs');
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.wasm.wasmPaths = chrome.runtime.getURL('ort/');
    const { createAiScorer } = await import('../engine/ai_model.mjs');
    const modelBytes = new Uint8Array(await (await fetch('../models/ai_text.onnx')).arrayBuffer());
    return await createAiScorer({ ort, modelBytes });
  } catch (error) {
    console.warn('Helder: the AI-text model could not be loaded; that signal says "unavailable"', error);
    return null;
  }
}

// Bundled resources first, then the user's imported packs (which may replace a bundled one of the
// same name); a pack the engine rejects leaves the previous one in use and is reported.
async function makeEngine(custom) {
  const engine = await createHelder({
    createModule: globalThis.createHelderEngine,
    locateFile: (file) => chrome.runtime.getURL(`engine/${file}`),
    rules: bundledRules,
    aiScorer,
    uiLang: settings.uiLang === 'nl' ? 'nl' : 'en',
  });
  if (engine.loadErrors.length) console.warn('Helder: bundled resources rejected', engine.loadErrors);
  for (const [name, text] of Object.entries(custom)) {
    const result = engine.loadRules(name, String(text));
    if (!result.ok) notify('rulesRejected', result.error);
  }
  return engine;
}

async function start() {
  build = await (await fetch('../engine/build_info.json')).json();
  bundledRules = await (await fetch('../engine/resources.json')).json();
  aiScorer = build.ai ? await loadAi() : null;
  helder = await makeEngine({});
  const restored = await loadState(settings);
  if (restored.notice) notify(restored.notice, restored.detail);
  if (restored.bytes && restored.bytes.length) {
    const result = helder.importState(restored.bytes);
    if (!result.ok) {
      // The bytes passed the checksum but the engine refuses them (another engine version, ...):
      // start empty rather than guess.
      helder.forget();
      await clearState().catch(() => {});
      notify('stateCorrupt', result.error);
    }
  }
}

// Imported rule packs (options page) are loaded after the bundled ones, whenever they change.
async function applySettings(next) {
  if (!next) return;
  settings = { ...settings, ...next };
  helder.setUiLang(settings.uiLang === 'nl' ? 'nl' : 'en');
  const custom = settings.customRules && typeof settings.customRules === 'object' ? settings.customRules : {};
  const signature = JSON.stringify(Object.keys(custom).sort().map((k) => [k, String(custom[k])]));
  if (signature === rulesSignature) return;
  rulesSignature = signature;
  // Rebuild the engine with the new set of packs and carry the coordination memory over.
  const memory = helder.exportState();
  const fresh = await makeEngine(custom);
  if (memory.length) fresh.importState(memory);
  helder.engine.delete();
  helder = fresh;
  seen.clear();
}

function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(async () => {
    const notice = await saveState(helder.exportState(), settings);
    if (notice) notify(notice);
  }, SAVE_DELAY_MS);
}

// A notice goes to the service worker at once (it shows "!" on the toolbar icon and keeps it for the
// popup); if the worker cannot be reached, it rides along with the next answer instead.
function notify(kind, detail) {
  const notice = detail ? { kind, detail: String(detail).slice(0, 500) } : { kind };
  chrome.runtime.sendMessage({ type: 'offscreenNotice', notice }).catch(() => notices.push(notice));
}

function takeNotices() {
  const out = notices;
  notices = [];
  return out;
}

async function analyze(posts) {
  const fresh = [];
  const keyOf = (p) => `${p && p.platform}\u0000${p && p.id}`;
  for (const p of posts) if (!seen.has(keyOf(p))) fresh.push(p);
  if (fresh.length) {
    const results = await helder.analyze(fresh);
    fresh.forEach((p, i) => {
      const r = results[i];
      if (r && r.id === p.id) seen.set(keyOf(p), r);
      if (seen.size > MAX_SEEN) seen.delete(seen.keys().next().value);
    });
    scheduleSave();
  }
  const annotations = posts.map((p) => seen.get(keyOf(p)) || null).filter(Boolean);
  return { ok: true, annotations, notices: takeNotices() };
}

// The classroom demo runs on its own engine, with the clock set to the feed's own day (so the
// election calendar is in the phase the feed describes); nothing of it enters the user's memory.
async function analyzeDemo(posts) {
  const times = posts.map((p) => Date.parse(p && p.time)).filter(Number.isFinite);
  const demo = await createHelder({
    createModule: globalThis.createHelderEngine,
    locateFile: (file) => chrome.runtime.getURL(`engine/${file}`),
    rules: bundledRules,
    aiScorer,
    uiLang: settings.uiLang === 'nl' ? 'nl' : 'en',
    now: times.length ? new Date(Math.max(...times) + 3600000).toISOString() : null,
  });
  try {
    return { ok: true, annotations: await demo.analyze(posts) };
  } finally {
    demo.engine.delete();
  }
}

// A scratch engine checks a rule pack without touching the live one.
async function validateRules(name, text) {
  if (typeof name !== 'string' || !/^rules\/[A-Za-z0-9_/.-]+\.json$/.test(name) || name.includes('..')) {
    return { ok: false, error: `${name}: a rule pack name must look like rules/<folder>/<file>.json` };
  }
  const engine = new helder.module.Engine();
  try {
    const result = JSON.parse(engine.loadResource(name, String(text)));
    if (result.ok && result.kind === undefined) result.kind = '';
    return result;
  } finally {
    engine.delete();
  }
}

async function handle(message) {
  if (!ready) {
    // The first request brings the user's settings (retention, cap, language) the start needs.
    if (message.settings) settings = { ...settings, ...message.settings, customRules: {} };
    ready = start();
  }
  try {
    await ready;
  } catch (error) {
    ready = null; // try again with the next request rather than failing forever
    throw error;
  }
  await applySettings(message.settings);
  switch (message.type) {
    case 'analyze':
      // Test build only: a slow batch, so the fault tests can kill a context in the middle of one.
      if (build.test && message.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(message.delayMs, 5000)));
      return analyze(Array.isArray(message.posts) ? message.posts : []);
    case 'analyzeDemo':
      return analyzeDemo(Array.isArray(message.posts) ? message.posts.slice(0, 500) : []);
    case 'validateRules':
      return validateRules(message.name, message.text);
    case 'forget':
      helder.forget();
      seen.clear();
      clearTimeout(saveTimer);
      await clearState().catch(() => {});
      return { ok: true };
    case 'stats':
      return {
        ok: true, stats: helder.stats(), ai: Boolean(aiScorer),
        // Memory of this document: JS heap (Chromium's non-standard performance.memory) and the
        // engine's WebAssembly memory.
        memory: {
          jsHeapBytes: (performance.memory && performance.memory.usedJSHeapSize) || null,
          wasmBytes: (helder.module.HEAPU8 && helder.module.HEAPU8.length) || (helder.module.wasmMemory && helder.module.wasmMemory.buffer.byteLength) || null,
        },
      };
    case 'testLeak':
      // Test build only: proves the recording proxy sees requests made from this document.
      if (!build.test) return { ok: false, error: 'not a test build' };
      try {
        await fetch(message.url, { cache: 'no-store' });
      } catch {
        /* the proxy refuses: that is the point */
      }
      return { ok: true };
    default:
      return { ok: false, error: `unknown request ${message.type}` };
  }
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!message || message.target !== 'offscreen' || sender.id !== chrome.runtime.id) return false;
  const run = queue.then(() => handle(message));
  queue = run.catch(() => {});
  run.then(reply, (error) => reply({ ok: false, error: String(error && error.message) }));
  return true;
});
