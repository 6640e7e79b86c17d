// The golden corpus: a hand-written feed (tests/golden/feed.jsonl) through the CLI must give exactly the
// annotations in tests/golden/expected.jsonl and the stderr reports in expected.stderr.
// After a deliberate change of behaviour, regenerate with: HELDER_UPDATE_GOLDEN=1 node --test tests/node/golden.test.mjs
// and review the diff.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../../wasm/js/node_support.mjs';
import { assertAnnotationValid } from './contract.mjs';

const DIR = path.join(ROOT, 'tests', 'golden');
const NOW = '2026-11-22T12:00:00Z';

test('the golden feed gives the expected annotations through the CLI', () => {
  const r = spawnSync('node', [path.join(ROOT, 'cli', 'helder.mjs'), 'analyze', '--now', NOW, '--ui', 'nl', path.join(DIR, 'feed.jsonl')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const got = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  for (const a of got) assertAnnotationValid(assert, a);
  if (process.env.HELDER_UPDATE_GOLDEN === '1') {
    fs.writeFileSync(path.join(DIR, 'expected.jsonl'), got.map((a) => JSON.stringify(a)).join('\n') + '\n');
    fs.writeFileSync(path.join(DIR, 'expected.stderr'), r.stderr);
  }
  const expected = fs.readFileSync(path.join(DIR, 'expected.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(got.length, expected.length);
  for (let i = 0; i < expected.length; i++) assert.deepEqual(got[i], expected[i], `annotation ${i + 1} (${expected[i].id})`);
  assert.equal(r.stderr, fs.readFileSync(path.join(DIR, 'expected.stderr'), 'utf8'));
});
