// The extension's settings normalisation and the rule that decides when a badge appears
// (extension/lib/settings.js), and the checksum that detects a torn saved memory (offscreen/store.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/lib/settings.js';
import { checksum } from '../../extension/offscreen/store.mjs';

const S = globalThis.HelderSettings;
const none = { coordination: { level: 'none' }, ai: { status: 'unavailable', score: null, level: null }, election: { topic: false } };
const withC = (level) => ({ ...none, coordination: { level } });
const withAi = (level) => ({ ...none, ai: { status: 'scored', score: 0.5, level } });
const withE = { ...none, election: { topic: true } };

test('garbage settings fall back to defaults field by field', () => {
  const table = [
    [null, S.normalize({})],
    ['text', S.normalize({})],
    [[1, 2], S.normalize({})],
    [{ sensitivity: 'extreme' }, { ...S.normalize({}), sensitivity: 'normal' }],
    [{ retentionDays: -4 }, { ...S.normalize({}), retentionDays: 1 }],
    [{ retentionDays: 1e9 }, { ...S.normalize({}), retentionDays: 365 }],
    [{ retentionDays: 'x' }, { ...S.normalize({}), retentionDays: 30 }],
    [{ storeCapMB: 1000 }, { ...S.normalize({}), storeCapMB: 64 }],
    [{ signals: { ai: 'no', election: false } }, { ...S.normalize({}), signals: { coordination: true, ai: true, election: false } }],
    [{ disabledSites: ['a.nl', 5, 'b.nl'] }, { ...S.normalize({}), disabledSites: ['a.nl', 'b.nl'] }],
    [{ uiLang: 'de' }, { ...S.normalize({}), uiLang: 'auto' }],
  ];
  for (const [input, expected] of table) assert.deepEqual(S.normalize(input), expected, JSON.stringify(input));
  assert.equal(S.normalize({}).retentionDays, 30, 'the default retention is 30 days');
});

test('a badge appears only when a signal has something to say at the chosen sensitivity', () => {
  const on = S.normalize({});
  const table = [
    // annotation, sensitivity, expected signals
    [none, 'normal', []],
    [withC('none'), 'high', []],
    [withC('notice'), 'low', []],
    [withC('notice'), 'normal', ['coordination']],
    [withC('strong'), 'low', ['coordination']],
    [withAi('low'), 'high', []],
    [withAi('uncertain'), 'normal', []],
    [withAi('uncertain'), 'high', ['ai']],
    [withAi('likely'), 'low', ['ai']],
    [{ ...none, ai: { status: 'too_short', score: null, level: null } }, 'high', []],
    [withE, 'low', ['election']],
    [{ ...withC('strong'), ai: { status: 'scored', score: 0.9, level: 'likely' }, election: { topic: true } }, 'normal', ['coordination', 'ai', 'election']],
    [null, 'normal', []],
    ['text', 'normal', []],
  ];
  for (const [a, sensitivity, expected] of table) assert.deepEqual(S.findings(a, { ...on, sensitivity }), expected, `${JSON.stringify(a)} at ${sensitivity}`);
});

test('a signal switched off never shows', () => {
  const all = { ...withC('strong'), ai: { status: 'scored', score: 0.9, level: 'likely' }, election: { topic: true } };
  assert.deepEqual(S.findings(all, S.normalize({ signals: { ai: false } })), ['coordination', 'election']);
  assert.deepEqual(S.findings(all, S.normalize({ signals: { coordination: false, election: false } })), ['ai']);
});

test('the saved-memory checksum changes with any changed, missing or extra byte', () => {
  const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 31) % 256));
  const base = checksum(bytes);
  const flipped = bytes.slice();
  flipped[500] ^= 1;
  assert.notEqual(checksum(flipped), base);
  assert.notEqual(checksum(bytes.subarray(0, 999)), base);
  assert.notEqual(checksum(new Uint8Array([...bytes, 0])), base);
  assert.equal(checksum(new Uint8Array(0)), 0x811c9dc5);
});
