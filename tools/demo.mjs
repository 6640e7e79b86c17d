// `make demo`: shows Helder annotating the bundled offline demo feed (the classroom feed), through the
// same wasm engine and ONNX Runtime Web the extension runs, then takes a screenshot of the feed in
// headless Chromium with the extension loaded, and says where the unpacked extension is.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createNodeHelder, ROOT } from '../wasm/js/node_support.mjs';

function loadFeed() {
  for (const name of ['feed.jsonl', 'feed.json']) {
    const file = path.join(ROOT, 'extension', 'demo', name);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const posts = name.endsWith('.jsonl') ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : JSON.parse(text);
    return { file, posts: Array.isArray(posts) ? posts : posts.posts };
  }
  throw new Error('no demo feed in extension/demo/');
}

function short(text, n) {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

const ui = process.env.HELDER_UI === 'en' ? 'en' : 'nl';
const { file, posts } = loadFeed();
const sorted = [...posts].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
// The feed's own day (an hour after its last post), as the extension's demo page uses it: the
// election calendar is then in the phase the feed describes, whatever today's date.
const now = new Date(Date.parse(sorted[sorted.length - 1].time) + 3600000).toISOString();
const helder = await createNodeHelder({ uiLang: ui, now });
const annotations = await helder.analyze(sorted);
console.log(`Helder demo: ${posts.length} posts from ${path.relative(ROOT, file)}, analysed on this machine (nothing leaves it)\n`);
for (const [i, a] of annotations.entries()) {
  const p = sorted[i];
  const marks = [];
  if (a.coordination.level !== 'none') marks.push(`COORDINATION ${a.coordination.level}: ${a.coordination.signals.map((s) => s.summary).join(' | ')}`);
  if (a.ai.status === 'scored' && a.ai.level !== 'low') marks.push(`AI ${a.ai.level} (p=${a.ai.score})`);
  else if (a.ai.status !== 'scored') marks.push(`AI: ${a.ai.status}`);
  if (a.election.topic) marks.push(`ELECTION: ${a.election.links.map((l) => l.url).join(' ')}`);
  console.log(`@${p.author.padEnd(16)} ${short(p.text, 70)}`);
  for (const m of marks) console.log(`    -> ${m}`);
}
const counts = {
  coordination: annotations.filter((a) => a.coordination.level !== 'none').length,
  ai: annotations.filter((a) => a.ai.status === 'scored' && a.ai.level !== 'low').length,
  election: annotations.filter((a) => a.election.topic).length,
};
console.log(`\nSignals: ${counts.coordination} posts with coordination evidence, ${counts.ai} with AI-text likelihood at least "uncertain", ${counts.election} with official election information.`);

const shot = path.join(ROOT, 'tools', 'demo_screenshot.mjs');
if (fs.existsSync(shot)) {
  const r = spawnSync('node', [shot], { stdio: 'inherit' });
  if (r.status !== 0) console.log('(the screenshot step failed; see above)');
}
const ext = path.join(ROOT, 'build', 'extension');
if (fs.existsSync(path.join(ext, 'manifest.json'))) {
  console.log(`\nThe unpacked extension is in ${ext}\nLoad it in Chromium: chrome://extensions -> Developer mode -> Load unpacked -> choose that folder.`);
}
