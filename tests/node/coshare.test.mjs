// `helder coshare` reproduces CooRTweet 2.1.3's co-sharing edges exactly: on hand-made vectors in
// tests/coshare/, on the 16 vectors and the six real-data reference runs in ../shared (skipped with
// a message when ../shared is absent). Prints the wasm core time against the reference's.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, loadEngineModule } from '../../wasm/js/node_support.mjs';

const SHARED = path.join(ROOT, '..', 'shared', 'data', 'coordination', 'coortweet');
const CLI = path.join(ROOT, 'cli', 'helder.mjs');

// CSV edges -> Map("a\tb" -> weight) with a <= b, whatever the column names.
function edges(text) {
  const map = new Map();
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  const w = header.indexOf('weight');
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = line.split(',');
    const [a, b] = [f[0], f[1]].sort();
    map.set(`${a}\t${b}`, Number(f[w]));
  }
  return map;
}

function cli(args) {
  const r = spawnSync('node', [CLI, 'coshare', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return r;
}

test('hand-made vectors: window inclusive, self-shares and the original post dropped, pairs counted', () => {
  const r = cli(['--window', '10', '--min-repetition', '1', path.join(ROOT, 'tests', 'coshare', 'window_and_loops.csv')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(edges(r.stdout), edges(fs.readFileSync(path.join(ROOT, 'tests', 'coshare', 'window_and_loops.expected.csv'), 'utf8')));
  // min participation 3: only alice (4 rows) and bob (4 rows) qualify; carol's pairs survive through them (the OR rule).
  const r3 = cli(['--window', '10', '--min-repetition', '3', path.join(ROOT, 'tests', 'coshare', 'window_and_loops.csv')]);
  assert.deepEqual([...edges(r3.stdout).entries()], [['alice\tbob', 4]]);
});

test('usage errors and unreadable input are reported', () => {
  assert.equal(cli(['--min-repetition', '2', 'x.csv']).status, 2);
  assert.equal(cli(['--window', 'soon', 'x.csv']).status, 2);
  const bad = spawnSync('node', [CLI, 'coshare', '--window', '10', '-'], { input: 'a,b\n1,2\n', encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /header must name object_id/);
});

test('the 16 CooRTweet vectors from ../shared', { skip: !fs.existsSync(SHARED) && 'skipped: ../shared is absent' }, async () => {
  const module = await loadEngineModule();
  const dir = path.join(SHARED, 'vectors');
  let checked = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    const params = path.join(dir, name, 'params.json');
    if (!fs.existsSync(params)) continue;
    const p = JSON.parse(fs.readFileSync(params, 'utf8'));
    const out = module.coshare(fs.readFileSync(path.join(dir, name, 'input.csv'), 'utf8'), p.time_window, p.min_participation, p.remove_loops !== false);
    assert.ok(!out.startsWith('error'), `${name}: ${out}`);
    const expected = fs.readFileSync(path.join(dir, name, 'expected_edges.csv'), 'utf8');
    assert.deepEqual(edges(out), expected.trim().split('\n').length > 1 ? edges(expected) : new Map(), name);
    checked++;
  }
  assert.ok(checked >= 16, `${checked} vectors`);
});

test('the six reference runs on real data, exactly, with the core time against the reference', { skip: !fs.existsSync(SHARED) && 'skipped: ../shared is absent' }, async () => {
  const runs = JSON.parse(fs.readFileSync(path.join(SHARED, 'reference', 'runs.json'), 'utf8')).runs;
  assert.equal(runs.length, 6);
  const module = await loadEngineModule();
  for (const run of runs) {
    const input = path.join(SHARED, path.basename(run.input));
    const r = cli(['--window', String(run.time_window), '--min-repetition', String(run.min_participation), input]);
    assert.equal(r.status, 0, r.stderr);
    const got = edges(r.stdout);
    const want = edges(fs.readFileSync(path.join(SHARED, 'reference', run.edges), 'utf8'));
    assert.equal(got.size, run.edges_n, run.name);
    assert.deepEqual(got, want, run.name);
    const seconds = module.coshareCoreSeconds(fs.readFileSync(input, 'utf8'), run.time_window, run.min_participation, 3);
    console.log(`coshare ${run.name}: ${run.edges_n} edges identical; wasm core ${(seconds * 1000).toFixed(1)} ms vs reference ${run.core_seconds_median} s: ${Math.round(run.core_seconds_median / seconds)}x`);
  }
});
