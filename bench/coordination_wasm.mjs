// Coordination benchmarks in wasm under Node (printed, never asserted):
//  1. near-duplicate lookups with a full store of 100,000 posts: posts/second sustained;
//  2. a stream of 1,000,000 posts: posts/second and store memory at 10k, 100k and 1M, against the
//     configured limit (rules/coordination.json store.max_bytes), plus the wasm heap.
// Usage: node bench/coordination_wasm.mjs [--quick]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loadEngineModule } from '../wasm/js/node_support.mjs';

const quick = process.argv.includes('--quick');
const module = await loadEngineModule();
const rules = fs.readFileSync(path.join(ROOT, 'rules', 'coordination.json'), 'utf8');
const mb = (b) => (b / 1048576).toFixed(1);

{
  const bench = new module.CoordinationBench();
  const err = bench.load(rules);
  if (err) throw new Error(err);
  const fill = JSON.parse(bench.feed(quick ? 20000 : 100000));
  const run = JSON.parse(bench.feed(quick ? 20000 : 100000));
  console.log(`near-duplicate + co-share lookups, wasm, store of ${run.stats.posts_stored} posts: ${Math.round(run.posts / run.seconds)} posts/s ` +
    `(filling: ${Math.round(fill.posts / fill.seconds)} posts/s); store ${mb(run.stats.memory_bytes)} MB of ${mb(run.stats.memory_limit_bytes)} MB`);
  bench.delete();
}
{
  const bench = new module.CoordinationBench();
  bench.load(rules);
  let total = 0;
  for (const target of quick ? [10000, 50000] : [10000, 100000, 1000000]) {
    const r = JSON.parse(bench.feed(target - total));
    total = target;
    console.log(`stream ${String(target).padStart(9)} posts: ${Math.round(r.posts / r.seconds)} posts/s over the last ${r.posts}; ` +
      `store ${r.stats.posts_stored} posts, ${mb(r.stats.memory_bytes)} MB (limit ${mb(r.stats.memory_limit_bytes)} MB); wasm heap ${mb(module.HEAP8.length)} MB`);
  }
  bench.delete();
}
