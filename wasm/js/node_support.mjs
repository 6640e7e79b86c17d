// Node-only helpers: find the built wasm module, the resources and the model on disk. The CLI, the
// node tests and the benchmarks use these; the extension has its own loader in the offscreen document.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHelder } from './engine.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WASM_DIR = path.join(ROOT, 'build', 'wasm');

// `dir`: another build of the engine (benchmarks compare against a saved baseline build).
export async function loadEngineModule(dir = WASM_DIR) {
  const glue = path.join(dir, 'helder_engine.js');
  if (!fs.existsSync(glue)) {
    throw new Error(`the wasm engine is not built (${glue} is missing): run 'make build' first`);
  }
  const require = createRequire(import.meta.url);
  const createModule = require(glue);
  // Emscripten 3.1.6 tries fetch() on a file path under Node 20: hand it the bytes instead.
  const wasmBinary = fs.readFileSync(path.join(dir, 'helder_engine.wasm'));
  return createModule({ wasmBinary });
}

function engineFactory() {
  const require = createRequire(import.meta.url);
  return require(path.join(WASM_DIR, 'helder_engine.js'));
}

// Every resource the engine loads: rule packs, calendars and thresholds under rules/ (not the
// schemas, not the site selectors, which are the extension's) and the language profile.
export function resourceNames(rulesDir = path.join(ROOT, 'rules')) {
  const names = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'schema' && entry.name !== 'sites') walk(path.join(dir, entry.name), relPath);
      } else if (entry.name.endsWith('.json')) {
        names.push({ name: relPath, file: path.join(dir, entry.name) });
      }
    }
  };
  if (fs.existsSync(rulesDir)) walk(rulesDir, 'rules');
  return names;
}

export function readResources({ rulesDir } = {}) {
  const resources = {};
  resources['models/langid.json'] = fs.readFileSync(path.join(ROOT, 'models', 'langid.json'), 'utf8');
  for (const { name, file } of resourceNames(rulesDir)) resources[name] = fs.readFileSync(file, 'utf8');
  return resources;
}

// The AI scorer over ONNX Runtime Web, or null when the model or ORT is missing (the ai block then
// says "unavailable").
export async function createNodeAiScorer() {
  const modelPath = path.join(ROOT, 'models', 'ai_text.onnx');
  const scorerPath = path.join(ROOT, 'wasm', 'js', 'ai_model.mjs');
  if (!fs.existsSync(modelPath) || !fs.existsSync(scorerPath)) return null;
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  const { createAiScorer } = await import(pathToFileURL(scorerPath).href);
  return createAiScorer({ ort, modelBytes: fs.readFileSync(modelPath) });
}

export async function createNodeHelder({ rulesDir, uiLang = 'en', now = null, ai = true } = {}) {
  const glue = path.join(WASM_DIR, 'helder_engine.js');
  if (!fs.existsSync(glue)) throw new Error(`the wasm engine is not built (${glue} is missing): run 'make build' first`);
  return createHelder({
    createModule: engineFactory(),
    wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'helder_engine.wasm')),
    rules: readResources({ rulesDir }),
    aiScorer: ai ? await createNodeAiScorer() : null,
    uiLang,
    now,
  });
}
