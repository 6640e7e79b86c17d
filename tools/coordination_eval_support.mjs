// Helpers shared by the coordination evaluations (tools/eval_coordination.mjs with planted
// campaigns, tools/eval_artificial_campaigns.mjs with the published artificial campaigns): reading
// the organic posts from ../shared, feeding posts through the wasm engine in time order, and
// post-level scoring of `coordination.level != none`.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, createNodeHelder } from '../wasm/js/node_support.mjs';

export const SHARED_DATA = path.join(ROOT, '..', 'shared', 'data');

export function csvRows(file, sep) {
  const text = fs.readFileSync(file, 'utf8');
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c; }
    else if (c === '"') q = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  return rows;
}

// Real organic texts of at least 10 words, without repeats: Dutch party tweets, then TweepFake's
// human tweets (../shared/data/aitext), in file order.
export function organicTexts() {
  const dir = path.join(SHARED_DATA, 'aitext');
  const dutch = csvRows(path.join(dir, 'dutch_human', 'party_tweets_dev.csv'), ',');
  const dh = dutch[0].indexOf('Tweet');
  const tf = csvRows(path.join(dir, 'tweepfake', 'train.csv'), ';');
  const organic = [...dutch.slice(1).map((r) => r[dh]), ...tf.slice(1).filter((r) => r[2] === 'human').map((r) => r[1])]
    .filter((t) => t && t.split(/\s+/).length >= 10);
  return organic.filter((t, i) => organic.indexOf(t) === i);
}

// Posts (sorted by time by the caller) through one engine, in batches of 500 as the extension sends
// them; extra fields other than the post's own are stripped first. Returns the engine's results.
export async function analyzeInOrder(posts, strip = ['kind']) {
  const helder = await createNodeHelder({ ai: false });
  const out = [];
  for (let i = 0; i < posts.length; i += 500) {
    out.push(...await helder.analyze(posts.slice(i, i + 500).map((p) => {
      const q = { ...p };
      for (const k of strip) delete q[k];
      return q;
    })));
  }
  return out;
}

// Post-level confusion counts of `coordination.level != none` against isPositive(post).
export function confusion(posts, out, isPositive) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  posts.forEach((p, i) => {
    const flagged = out[i].coordination.level !== 'none';
    const positive = isPositive(p);
    if (positive && flagged) tp++;
    else if (!positive && flagged) fp++;
    else if (positive && !flagged) fn++;
    else tn++;
  });
  return { tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
}
