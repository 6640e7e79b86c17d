// The command-line tool as a councillor or researcher runs it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../wasm/js/node_support.mjs';
import { assertAnnotationValid } from './contract.mjs';

const CLI = path.join(ROOT, 'cli', 'helder.mjs');
const helder = (args, input) => spawnSync('node', [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT });

test('analyze reads JSON lines from stdin and writes one annotation per post in input order', () => {
  const input = [
    '{"id":"late","platform":"x","author":"a","text":"Later bericht over de gemeenteraad","time":"2026-03-18T10:00:00Z"}',
    '',
    '{"id":"early","platform":"x","author":"b","text":"Eerder bericht over de gemeenteraad","time":"2026-03-18T08:00:00Z"}',
  ].join('\n');
  const r = helder(['analyze', '--now', '2026-03-18T12:00:00Z', '-'], input);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((a) => a.id), ['late', 'early']);
  for (const a of lines) assertAnnotationValid(assert, a);
});

test('analyze reports malformed lines on stderr with their line number and exits 0', () => {
  const r = helder(['analyze', '-'], '{"id":"x","platform":"x","author":"a","text":"hallo daar allemaal","time":1742284800}\nnope\n');
  assert.equal(r.status, 0);
  assert.match(r.stderr, /line 2: not valid JSON/);
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('usage errors exit 2 with a message', () => {
  for (const args of [['analyze', '--bogus'], ['analyze', 'a', 'b'], ['analyze', '--now', 'soon', '-'], ['nosuchcommand'], ['analyze', '/no/such/file.jsonl'], ['check']]) {
    const r = helder(args, '');
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0);
  }
});

test('help lists the commands', () => {
  const r = helder(['help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /helder analyze/);
  assert.match(r.stdout, /helder check/);
});

test('check prints a readable summary in Dutch or English', () => {
  const nl = helder(['check', '--ui', 'nl', 'Vergeet je stempas niet mee te nemen naar het stembureau!']);
  assert.equal(nl.status, 0, nl.stderr);
  assert.match(nl.stdout, /Taal: Nederlands/);
  const en = helder(['check', '--ui', 'en', 'Remember to bring your ID to the polling station tomorrow']);
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /Language: English/);
});
