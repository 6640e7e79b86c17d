// The built wasm engine through its JS API (wasm/js/engine.mjs), as the extension and the CLI use it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createNodeHelder } from '../../wasm/js/node_support.mjs';
import { assertAnnotationValid, post, validatePost } from './contract.mjs';

const helder = await createNodeHelder({ now: '2026-11-22T12:00:00Z' });

test('every resource in the repository loads without error', () => {
  assert.deepEqual(helder.loadErrors, []);
});

test('one annotation per post, same order, same id, valid against the schema', async () => {
  const posts = [
    post('a', 'Vergeet je stempas niet mee te nemen naar het stembureau!', '2026-03-18T08:00:00Z'),
    post('b', 'Remember to bring your ID to the polling station', 1742284800),
    post('c', 'Eens!', '2026-03-18T07:00:00Z'),
  ];
  for (const p of posts) assert.ok(validatePost(p));
  const out = await helder.analyze(posts);
  assert.deepEqual(out.map((a) => a.id), ['a', 'b', 'c']);
  for (const a of out) assertAnnotationValid(assert, a);
  assert.equal(out[0].lang, 'nl');
  assert.equal(out[1].lang, 'en');
  assert.equal(out[2].lang, 'und');
});

test('a malformed post is reported and the rest of the batch is still annotated', async () => {
  const out = await helder.analyzeLines([
    '{"id": "ok1", "platform": "x", "author": "a", "text": "Gewoon een bericht over het weer vandaag", "time": 1742284800}',
    '{this is not json',
    '{"platform": "x", "author": "a", "text": "no id", "time": 1742284800}',
    '{"id": "bad-time", "platform": "x", "author": "a", "text": "t", "time": "tomorrow"}',
    '{"id": "ok2", "platform": "x", "author": "b", "text": "Nog een bericht over het weer vandaag", "time": 1742284801}',
  ]);
  assert.equal(out.length, 5);
  assert.equal(out[0].id, 'ok1');
  assert.deepEqual(out[0].errors, []);
  assert.deepEqual(out[1], { line: 2, error: 'not valid JSON' });
  assert.match(out[2].error, /missing field 'id'/);
  assert.equal(out[3].id, 'bad-time');
  assert.match(out[3].errors.join(' '), /ISO-8601/);
  assertAnnotationValid(assert, out[3]);
  assert.equal(out[4].id, 'ok2');
});

test('text beyond the limit is truncated with a flag, not dropped', async () => {
  const [a] = await helder.analyze([post('big', 'woord '.repeat(100000), 1742284800)]);
  assertAnnotationValid(assert, a);
  assert.match(a.errors.join(' '), /truncated/);
});

test('the engine keeps working after hostile lines', async () => {
  await helder.analyzeLines(['[[[[[[[[[[', '"just a string"', '{"id": {"nested": true}}', '\u0000']);
  const [a] = await helder.analyze([post('after', 'Dit is een gewoon Nederlands bericht over de gemeenteraad', 1742284800)]);
  assert.equal(a.id, 'after');
  assert.equal(a.lang, 'nl');
});
