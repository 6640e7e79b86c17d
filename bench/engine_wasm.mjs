// The whole engine as wasm under Node (the CLI's path) on the feed bench-engine wrote: posts/second
// and memory. Usage: node bench/engine_wasm.mjs FEED.jsonl [NATIVE_POSTS_PER_S]
import fs from 'node:fs';
import { createNodeHelder } from '../wasm/js/node_support.mjs';

const [feedPath, nativeRate] = process.argv.slice(2);
const lines = fs.readFileSync(feedPath, 'utf8').split('\n').filter((l) => l.length > 0);
const helder = await createNodeHelder({ ai: process.env.HELDER_BENCH_AI === '1' });
const t0 = process.hrtime.bigint();
let annotated = 0;
let peakRss = process.memoryUsage().rss;
for (let i = 0; i < lines.length; i += 1000) {
  annotated += (await helder.analyzeLines(lines.slice(i, i + 1000))).length;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const rate = annotated / seconds;
const wasmHeap = helder.module.HEAP8 ? helder.module.HEAP8.length : NaN;
console.log(`wasm (Node ${process.versions.node}): ${annotated} posts in ${seconds.toFixed(3)} s = ${rate.toFixed(0)} posts/s; peak RSS ${(peakRss / 1048576).toFixed(1)} MB; wasm heap ${(wasmHeap / 1048576).toFixed(1)} MB`);
if (nativeRate) console.log(`wasm/native throughput ratio: ${(rate / Number(nativeRate)).toFixed(2)}`);
