// Helder's JS API over the wasm engine, shared by the command-line tool and the extension's offscreen
// document. One long-lived Helder object per context. Nothing here touches the network.
//
//   const helder = await createHelder({ createModule, wasmBinary, rules, aiScorer, uiLang });
//   const annotations = await helder.analyze(posts);   // same order, same ids
//
// The engine (C++) parses posts, identifies the language, runs the coordination and election signals
// and extracts the AI-model features; the AI scorer (ONNX Runtime Web) turns features into calibrated
// probabilities, and the engine maps them to levels. Both run in this one code path.

const PENDING = 'pending';

export async function createHelder({ createModule, wasmBinary, locateFile, rules = {}, aiScorer = null, uiLang = 'en', now = null } = {}) {
  if (typeof createModule !== 'function') throw new TypeError('createHelder: createModule (the wasm factory) is required');
  const moduleArgs = {};
  if (wasmBinary) moduleArgs.wasmBinary = wasmBinary;
  if (locateFile) moduleArgs.locateFile = locateFile;
  const module = await createModule(moduleArgs);
  const engine = new module.Engine();
  const loadErrors = [];
  const loadWarnings = [];  // loaded, with parts switched off (a rule whose pattern exceeds the matching bounds)
  // The language profile first: other resources may depend on the language of a post.
  const names = Object.keys(rules).sort((a, b) => (a.startsWith('models/') ? -1 : 0) - (b.startsWith('models/') ? -1 : 0));
  for (const name of names) {
    const result = JSON.parse(engine.loadResource(name, rules[name]));
    if (!result.ok) loadErrors.push(result.error);
    if (result.warnings) loadWarnings.push(...result.warnings);
  }
  engine.setUiLang(uiLang);
  if (now !== null) engine.setNow(toEpochSeconds(now));
  const helder = new Helder(module, engine, aiScorer, loadErrors);
  helder.loadWarnings = loadWarnings;
  return helder;
}

export function toEpochSeconds(value) {
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${value}`);
  return ms / 1000;
}

// The engine's JSON objects come with sorted keys; people read annotations id first.
function inContractOrder(r) {
  if (!('id' in r)) return r;
  const { id, lang, coordination, ai, election, errors, ...rest } = r;
  return { id, lang, coordination, ai, election, ...rest, errors };
}

class Helder {
  constructor(module, engine, aiScorer, loadErrors) {
    this.module = module;
    this.engine = engine;
    this.aiScorer = aiScorer;
    this.loadErrors = loadErrors;
  }

  // Posts are objects of the input contract (schemas/post.schema.json). Returns one annotation per
  // post, or {line, error} for an item without a usable id.
  async analyze(posts) {
    const lines = posts.map((p) => (typeof p === 'string' ? p.replace(/\n/g, ' ') : JSON.stringify(p ?? null)));
    return this.analyzeLines(lines);
  }

  // Raw JSON lines in (as read from a file). Blank lines produce no output.
  async analyzeLines(lines) {
    const out = this.engine.analyzeJsonl(lines.join('\n'));
    const results = out.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
    await this.#fillAi(results);
    return results.map(inContractOrder);
  }

  async #fillAi(results) {
    const pending = results.filter((r) => r.ai && r.ai.status === PENDING);
    if (pending.length === 0) return;
    const dim = this.engine.aiFeatureDim();
    let scores = null;
    if (this.aiScorer && dim > 0) {
      const features = this.module.aiFeatures(this.engine);
      try {
        scores = await this.aiScorer.score(features, features.length / dim, dim);
      } catch (error) {
        for (const r of pending) r.errors.push(`ai model failed: ${error.message}`);
      }
    }
    for (const r of pending) {
      const row = r.ai.row;
      if (scores && row >= 0 && row < scores.length && Number.isFinite(scores[row])) {
        const p = Math.min(1, Math.max(0, scores[row]));
        r.ai = { status: 'scored', score: Math.round(p * 1000) / 1000, level: this.engine.aiLevel(p) };
      } else {
        r.ai = { status: 'unavailable', score: null, level: null };
      }
    }
  }

  loadRules(name, text) {
    return JSON.parse(this.engine.loadResource(name, text));
  }

  setNow(value) {
    this.engine.setNow(value === null ? 0 : toEpochSeconds(value));
  }

  setUiLang(lang) {
    this.engine.setUiLang(lang);
  }

  exportState() {
    return this.engine.exportState();
  }

  importState(bytes) {
    const error = this.engine.importState(bytes);
    return { ok: error === '', error };
  }

  forget() {
    this.engine.forget();
  }

  stats() {
    return JSON.parse(this.engine.stats());
  }
}
