// The election signal as a user meets it: `npx helder analyze --now ... --ui ...` (the same bin as
// cli/helder.mjs). The date decides the links: run-up, the day itself, afterwards; every link shown is
// https and on rules/sources.json.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../../wasm/js/node_support.mjs';
import { assertAnnotationValid } from './contract.mjs';

const CLI = path.join(ROOT, 'cli', 'helder.mjs');
const { sources } = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'sources.json'), 'utf8'));
const allowlisted = (url) => {
  const u = new URL(url);
  return u.protocol === 'https:' && !u.username && sources.some((s) => u.hostname === s.domain || u.hostname.endsWith(`.${s.domain}`));
};

const FEED = [
  { id: 'stempas', text: 'Waar moet ik mijn stempas laten als ik voor de Provinciale Staten ga stemmen?' },
  { id: 'online', text: 'Dit jaar kun je gewoon online stemmen, heel handig' },
  { id: 'raad', text: 'De gemeenteraad stemt vanavond over het nieuwe zwembad' },
  { id: 'zang', text: 'Wat een prachtige stem heeft die zangeres, kippenvel' },
  { id: 'en', text: 'Where is my polling station for the Dutch provincial elections?' },
  { id: 'generic', text: 'Heb je je stempas al binnen?' },
].map((p, i) => JSON.stringify({ ...p, platform: 'x', author: `a${i}`, time: '2027-01-01T10:00:00Z' })).join('\n');

function analyze(now, ui = 'en') {
  const r = spawnSync('node', [CLI, 'analyze', '--now', now, '--ui', ui, '--no-ai', '-'], { input: FEED, encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  const out = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.id, a]));
  for (const a of Object.values(out)) {
    assertAnnotationValid(assert, a);
    for (const l of [...a.election.links, ...(a.election.councillor_links ?? [])]) assert.ok(allowlisted(l.url), `${now}: ${l.url} is not allowlisted`);
  }
  return out;
}
const urls = (a) => a.election.links.map((l) => l.url).join(' ');

test('in the run-up to 17 March 2027 the links say how and where to vote', () => {
  const out = analyze('2027-02-20T12:00:00Z');
  assert.equal(out.stempas.election.election.id, 'ps2027');
  assert.equal(out.stempas.election.election.phase, 'before');
  assert.equal(out.stempas.election.election.date_fixed, true);
  assert.match(urls(out.stempas), /elkestemtelt\.nl/);
  assert.doesNotMatch(urls(out.stempas), /verkiezingsuitslagen/);
  assert.equal(out.online.election.kind, 'claim');
  assert.equal(out.zang.election.topic, false);
  assert.equal(out.raad.election.councillor, true);
  assert.match(out.raad.election.councillor_links[0].url, /desinformatieingemeente\.nl/);
});

test('on election day the polling-station finder is shown (Amsterdam time)', () => {
  for (const now of ['2027-03-17T07:30:00+01:00', '2027-03-16T23:05:00Z', '2027-03-17T20:59:00+01:00']) {
    const out = analyze(now);
    assert.equal(out.stempas.election.election.phase, 'day', now);
    assert.match(urls(out.stempas), /waarismijnstemlokaal\.nl/, now);
    assert.match(urls(out.en), /waarismijnstemlokaal\.nl/, now);
  }
  assert.equal(analyze('2027-03-16T22:55:00Z').stempas.election.election.phase, 'before');
});

test('afterwards the official results are shown', () => {
  const out = analyze('2027-03-24T12:00:00Z');
  assert.equal(out.stempas.election.election.phase, 'after');
  assert.match(urls(out.stempas), /verkiezingsuitslagen\.nl/);
  assert.doesNotMatch(urls(out.stempas), /waarismijnstemlokaal/);
});

test('an election whose date is not yet official is marked so, in the UI language', () => {
  const en = analyze('2029-04-01T12:00:00Z', 'en');
  assert.equal(en.generic.election.election.id, 'ep2029');
  assert.equal(en.generic.election.election.date_fixed, false);
  assert.match(en.generic.election.why, /not yet official/);
  const nl = analyze('2029-04-01T12:00:00Z', 'nl');
  assert.match(nl.generic.election.why, /niet officieel vastgesteld/);
  assert.notEqual(nl.generic.election.links[0].title, en.generic.election.links[0].title);
  // A post about the provincial elections in 2029 gets no other election's date.
  assert.equal(en.stempas.election.election, undefined);
});

test('a bad pack is rejected and a runaway rule switched off, both reported, and the rest keeps working', () => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'helder-rules-'));
  try {
    fs.cpSync(path.join(ROOT, 'rules'), dir, { recursive: true });
    const rule = (id, patterns, keywords) => ({ id, languages: ['any'], kind: 'process', keywords, patterns, links: ['kiesraad'], why: { nl: 'x', en: 'x' } });
    fs.writeFileSync(path.join(dir, 'election', 'zz_bad.json'), JSON.stringify({ pack: 'bad', version: 1, rules: [rule('bad.open', ['(stempas'], ['stempas'])] }));
    fs.writeFileSync(path.join(dir, 'election', 'zz_runaway.json'), JSON.stringify({ pack: 'runaway', version: 1, rules: [rule('runaway.nested', ['(a+)+b'], ['a'])] }));
    const post = JSON.stringify({ id: 'p', platform: 'x', author: 'a', text: `stempas kwijt ${'a'.repeat(3000)}`, time: '2027-01-01T10:00:00Z' });
    const r = spawnSync('node', [CLI, 'analyze', '--rules', dir, '--now', '2027-02-20T12:00:00Z', '--no-ai', '-'], { input: post, encoding: 'utf8', cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /resource rejected, continuing without it: rules\/election\/zz_bad\.json: rule bad\.open: "patterns" 0 does not compile/);
    assert.match(r.stderr, /rule switched off, the others keep working: rules\/election\/zz_runaway\.json: rule runaway\.nested: pattern 0 exceeded the matching bounds/);
    const a = JSON.parse(r.stdout);
    assert.deepEqual(a.election.matched, ['nl.stempas']);
    assert.ok(a.election.links.length > 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
