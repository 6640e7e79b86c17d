// Hostile and broken input (tests/hostile/make_cases.mjs, 300+ cases): each has a defined result and
// none crashes the engine or loses the posts around it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createNodeHelder } from '../../wasm/js/node_support.mjs';
import { buildCases } from '../hostile/make_cases.mjs';
import { assertAnnotationValid } from './contract.mjs';

const cases = buildCases();
const helder = await createNodeHelder({ now: '2026-11-22T12:00:00Z' });
const SENTINEL = JSON.stringify({ id: 'sentinel', platform: 'x', author: 's', text: 'Gewoon een bericht over de gemeenteraad van vandaag', time: 1762000000 });

test(`the hostile corpus has at least 300 cases (${cases.length})`, () => {
  assert.ok(cases.length >= 300);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length, 'case names are unique');
});

for (const c of cases) {
  test(`hostile: ${c.name}`, async () => {
    // The hostile line sits between two good posts: both must come through untouched.
    const out = await helder.analyzeLines([SENTINEL, c.line, SENTINEL.replace('sentinel', 'sentinel2')]);
    assert.equal(out.length, 3, 'one result per line');
    assert.equal(out[0].id, 'sentinel');
    assert.equal(out[2].id, 'sentinel2');
    assert.deepEqual(out[2].errors, []);
    const r = out[1];
    if (c.expect.kind === 'error') {
      assert.ok(!('id' in r), `expected an error line, got ${JSON.stringify(r).slice(0, 300)}`);
      assert.match(r.error, new RegExp(c.expect.error));
      assert.equal(r.line, 2);
    } else {
      assert.ok('id' in r, `expected an annotation, got ${JSON.stringify(r).slice(0, 300)}`);
      assertAnnotationValid(assert, r);
      assert.equal(r.id, c.expect.id);
      for (const pattern of c.expect.errors ?? []) {
        assert.ok(r.errors.some((e) => e.includes(pattern)), `an error mentioning '${pattern}' in ${JSON.stringify(r.errors)}`);
      }
      if (c.expect.clean) assert.deepEqual(r.errors, []);
    }
  });
}
