// Runs the hand-written election corpus (tests/election/corpus.jsonl) through the wasm engine and
// reports precision and recall of the election topic, claims and the councillor flag per split.
// Usage: node tests/election/evaluate.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, createNodeHelder } from '../../wasm/js/node_support.mjs';

export const CORPUS = path.join(ROOT, 'tests', 'election', 'corpus.jsonl');
export const NOW = '2026-11-22T12:00:00Z';

export async function evaluate() {
  const rows = fs.readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const helder = await createNodeHelder({ now: NOW, ai: false, uiLang: 'nl' });
  const posts = rows.map((r, i) => ({ id: r.id, platform: 'x', author: `a${i}`, text: r.text, time: 1700000000 + i * 3600 }));
  const out = await helder.analyze(posts);
  const results = { splits: {}, mistakes: [] };
  for (const split of ['tune', 'heldout']) {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0, claims: 0, claims_found: 0, councillor: 0, councillor_found: 0 };
    rows.forEach((r, i) => {
      if (r.split !== split) return;
      const e = out[i].election;
      const got = e.topic === true;
      if (r.expect.topic && got) c.tp++;
      else if (!r.expect.topic && got) c.fp++;
      else if (r.expect.topic && !got) c.fn++;
      else c.tn++;
      if (r.expect.topic !== got) results.mistakes.push({ id: r.id, split, expected: r.expect.topic, matched: e.matched, text: r.text });
      if (r.expect.claim) {
        c.claims++;
        if (e.matched.some((m) => m.startsWith('claim.'))) c.claims_found++;
        else results.mistakes.push({ id: r.id, split, expected: 'claim', matched: e.matched, text: r.text });
      }
      if (r.expect.councillor) {
        c.councillor++;
        if (e.councillor) c.councillor_found++;
        else results.mistakes.push({ id: r.id, split, expected: 'councillor', matched: e.matched, text: r.text });
      }
    });
    c.posts = c.tp + c.fp + c.fn + c.tn;
    c.precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    c.recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    results.splits[split] = c;
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await evaluate();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 1));
  } else {
    for (const [split, c] of Object.entries(r.splits)) {
      console.log(`${split.padEnd(8)} posts ${c.posts}  precision ${c.precision.toFixed(3)}  recall ${c.recall.toFixed(3)}  claims ${c.claims_found}/${c.claims}  councillor ${c.councillor_found}/${c.councillor}`);
    }
    for (const m of r.mistakes) console.log(`  ${m.split} ${m.id} expected ${m.expected} got [${m.matched.join(', ')}]: ${m.text}`);
  }
}
