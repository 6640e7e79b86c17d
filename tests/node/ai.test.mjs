// The AI-text signal through the wasm engine and ONNX Runtime Web: the model loads, tensor shapes
// match the engine's features, the calibrated output is monotone in the model's evidence, and the
// too-short and unsupported-language paths never reach the model.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, createNodeHelder, createNodeAiScorer } from '../../wasm/js/node_support.mjs';

const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'ai.json'), 'utf8'));
const post = (id, text, extra = {}) => ({ id, platform: 'x', author: `a_${id}`, text, time: 1700000000, ...extra });

test('the model file is small, loads in ORT Web and answers one probability per row', async () => {
  const size = fs.statSync(path.join(ROOT, 'models', 'ai_text.onnx')).size;
  assert.ok(size <= 5 * 1024 * 1024, `${size} bytes`);
  const scorer = await createNodeAiScorer();
  assert.ok(scorer, 'the scorer loads');
  const dim = rules.feature_dim;
  const features = new Float32Array(3 * dim);
  const p = await scorer.score(features, 3, dim);
  assert.equal(p.length, 3);
  for (const v of p) assert.ok(v > 0 && v < 1);
  await assert.rejects(scorer.score(new Float32Array(10), 1, 10), /expects|features/);
  await assert.rejects(scorer.score(new Float32Array(dim), 2, dim), /hold/);
  assert.equal((await scorer.score(new Float32Array(0), 0, dim)).length, 0);
});

test('the engine computes rows of the width the model and rules/ai.json expect', async () => {
  const helder = await createNodeHelder({ ai: false });
  assert.equal(helder.engine.aiFeatureDim(), rules.feature_dim);
  await helder.analyzeLines([JSON.stringify(post('1', 'This is a sentence that is long enough for the model to be asked about it.'))]);
  const f = helder.module.aiFeatures(helder.engine);
  assert.equal(f.length, rules.feature_dim);
  assert.ok(f.every((v) => Number.isFinite(v)));
});

test('calibration is monotone: more evidence along the model weights never lowers the probability', async () => {
  const scorer = await createNodeAiScorer();
  const dim = rules.feature_dim;
  // Probe each of the first 64 hashed features at increasing strength: the output must move one way.
  let checked = 0;
  for (let k = 0; k < 64; k++) {
    const rows = 6;
    const f = new Float32Array(rows * dim);
    for (let r = 0; r < rows; r++) f[r * dim + k] = r * 0.2;
    const p = await scorer.score(f, rows, dim);
    const up = p[rows - 1] >= p[0];
    for (let r = 1; r < rows; r++) assert.ok(up ? p[r] >= p[r - 1] - 1e-7 : p[r] <= p[r - 1] + 1e-7, `feature ${k}`);
    checked++;
  }
  assert.equal(checked, 64);
  const helder = await createNodeHelder({ ai: false });
  const levels = [0, 0.2, rules.uncertain - 0.01, rules.uncertain, 0.8, rules.likely - 0.001, rules.likely, 0.99].map((p) => helder.engine.aiLevel(p));
  const rank = { low: 0, uncertain: 1, likely: 2 };
  for (let i = 1; i < levels.length; i++) assert.ok(rank[levels[i]] >= rank[levels[i - 1]], levels.join(','));
  assert.equal(helder.engine.aiLevel(rules.likely), 'likely');
});

test('too short, unsupported language and scored paths through the CLI', () => {
  const posts = [
    post('short', 'Eens!'),
    post('short2', 'Helemaal mee eens, goed gezegd'),
    post('de', 'Morgen wird gewählt, und wir sind nicht zufrieden mit der Regierung in Berlin, das ist doch klar.'),
    post('en', 'In the upcoming election, it is crucial for every citizen to exercise their right to vote and make their voices heard.'),
    post('nl', 'Vanochtend de fiets laten maken, de band was alweer lek. Wie kent een goede fietsenmaker in Utrecht?'),
  ];
  const r = spawnSync('node', [path.join(ROOT, 'cli', 'helder.mjs'), 'analyze', '-'], { input: posts.map((p) => JSON.stringify(p)).join('\n'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.id, a.ai]));
  assert.deepEqual(out.short, { status: 'too_short', score: null, level: null });
  assert.equal(out.short2.status, 'too_short');
  assert.deepEqual(out.de, { status: 'unsupported_language', score: null, level: null });
  assert.equal(out.en.status, 'scored');
  assert.equal(out.nl.status, 'scored');
  assert.equal(out.nl.level, 'low', 'a citizen\'s own Dutch words');
  const noAi = spawnSync('node', [path.join(ROOT, 'cli', 'helder.mjs'), 'analyze', '--no-ai', '-'], { input: JSON.stringify(posts[3]), encoding: 'utf8' });
  assert.equal(JSON.parse(noAi.stdout).ai.status, 'unavailable');
});

test('casing, emoji and hashtags do not move the score', async () => {
  const helder = await createNodeHelder();
  const base = 'It is important to remember that every vote counts and that democracy thrives when citizens participate in elections.';
  const out = await helder.analyze([post('a', base), post('b', base.toUpperCase()), post('c', `${base} 🗳️🇳🇱 #vote #election`)]);
  assert.equal(out[0].ai.score, out[1].ai.score);
  assert.equal(out[0].ai.score, out[2].ai.score);
});

test('the training script runs on a small sample (skipped without numpy/onnx or ../shared)', (t) => {
  const py = spawnSync('/usr/bin/python3', ['-c', 'import numpy, onnx'], { encoding: 'utf8' });
  const shared = path.join(ROOT, '..', 'shared', 'data', 'aitext');
  if (py.status !== 0) return t.skip('python3-numpy or python3-onnx is not installed');
  if (!fs.existsSync(shared)) return t.skip('../shared is absent');
  const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'models', 'ai', 'train.py'), '--quick', '--shared', path.join(ROOT, '..', 'shared')], { encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.equal(r.status, 0, r.stderr);
  const m = JSON.parse(r.stdout);
  assert.ok(m.per_dataset.electai.auroc > 0.5);
  assert.ok(m.likely >= m.uncertain);
});
