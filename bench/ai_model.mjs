// AI-text model path under Node (printed, never asserted): ORT Web on batches of 64 posts
// (the budget: 20 ms a batch), and posts/second of the whole model path (engine features +
// ORT) on 1,000 English posts.
import { createNodeHelder, createNodeAiScorer } from '../wasm/js/node_support.mjs';

const scorer = await createNodeAiScorer();
if (!scorer) {
  console.log('ai model: models/ai_text.onnx is absent, nothing to measure');
  process.exit(0);
}
const helder = await createNodeHelder({ ai: false });
const dim = helder.engine.aiFeatureDim();
const texts = Array.from({ length: 1000 }, (_, i) => `Post number ${i}: the council meeting tonight discusses housing, climate and the budget for schools in our town, and everyone is welcome to join the debate.`);
await helder.analyze(texts.slice(0, 64).map((t, i) => ({ id: `w${i}`, platform: 'x', author: `a${i}`, text: t, time: 1700000000 + i })));
const features = helder.module.aiFeatures(helder.engine);
const rows = features.length / dim;
await scorer.score(features, rows, dim);  // warm-up
const times = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  await scorer.score(features, rows, dim);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`ai model, ORT Web (wasm, 1 thread): batch of ${rows} posts x ${dim} features: median ${times[10].toFixed(2)} ms, worst ${times[19].toFixed(2)} ms`);
const full = await createNodeHelder({ ai: true });
const posts = texts.map((t, i) => ({ id: `p${i}`, platform: 'x', author: `a${i}`, text: t, time: 1700000000 + i }));
const t0 = performance.now();
const out = await full.analyze(posts);
const seconds = (performance.now() - t0) / 1000;
console.log(`whole engine with the AI model: ${Math.round(posts.length / seconds)} posts/s on 1,000 English posts (${out.filter((a) => a.ai.status === 'scored').length} scored)`);
