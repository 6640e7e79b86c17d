// The election data (rules/election/*.json, rules/election_calendar.json, rules/sources.json) against
// their JSON Schemas (rules/schema/), the allowlist rule for every link, and the engine's own
// validation: a bad pack is rejected whole, naming file, rule and reason, and the last good one stays.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, readResources, loadEngineModule } from '../../wasm/js/node_support.mjs';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schema = (name) => ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'schema', name), 'utf8')));
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const packFiles = fs.readdirSync(path.join(ROOT, 'rules', 'election')).filter((f) => f.endsWith('.json')).sort();

export function allowlisted(url, sources) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.port && u.port !== '443')) return false;
  return sources.some((s) => u.hostname === s.domain || u.hostname.endsWith(`.${s.domain}`));
}

test('every election rule pack validates against rules/schema/election_pack.schema.json', () => {
  const validate = schema('election_pack.schema.json');
  assert.ok(packFiles.length > 0);
  for (const f of packFiles) {
    const pack = readJson(`rules/election/${f}`);
    assert.ok(validate(pack), `rules/election/${f}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('every rule explains itself in Dutch and in English (two different texts)', () => {
  for (const f of packFiles) {
    for (const rule of readJson(`rules/election/${f}`).rules) {
      assert.notEqual(rule.why.nl, rule.why.en, `${f}: rule ${rule.id}: the Dutch "why" is the English one`);
      for (const word of ['nep', 'fake', 'desinformatie', 'disinformation', 'leugen', 'lie', 'bot'])
        assert.ok(!new RegExp(`\\b${word}\\b`, 'i').test(`${rule.why.nl} ${rule.why.en}`), `${f}: rule ${rule.id}: says "${word}" (evidence, not verdicts)`);
    }
  }
});

test('the calendar and the allowlist validate against their schemas', () => {
  const cal = schema('election_calendar.schema.json');
  assert.ok(cal(readJson('rules/election_calendar.json')), ajv.errorsText(cal.errors));
  const src = schema('sources.schema.json');
  assert.ok(src(readJson('rules/sources.json')), ajv.errorsText(src.errors));
});

test('rule ids are unique across packs and every link a rule names is in the calendar', () => {
  const calendar = readJson('rules/election_calendar.json');
  const seen = new Set();
  for (const f of packFiles) {
    for (const rule of readJson(`rules/election/${f}`).rules) {
      assert.ok(!seen.has(rule.id), `${f}: rule id ${rule.id} is used twice`);
      seen.add(rule.id);
      for (const id of rule.links) assert.ok(id === '@election' || id in calendar.links, `${f}: rule ${rule.id}: unknown link ${id}`);
    }
  }
});

test('every link URL in the calendar is https and on the allowlist', () => {
  const { sources } = readJson('rules/sources.json');
  const { links } = readJson('rules/election_calendar.json');
  for (const [id, link] of Object.entries(links)) {
    assert.ok(link.url.startsWith('https://'), `${id}: ${link.url}`);
    assert.ok(allowlisted(link.url, sources), `${id}: ${link.url} is not on rules/sources.json`);
  }
  for (const bad of ['http://www.kiesraad.nl/', 'https://kiesraad.nl.evil.example/', 'https://evilkiesraad.nl/', 'https://user@kiesraad.nl/', 'javascript:alert(1)'])
    assert.ok(!allowlisted(bad, sources), bad);
});

test('the calendar has the elections ahead, marks unfixed dates, and the 17 March 2027 elections', () => {
  const { elections } = readJson('rules/election_calendar.json');
  const byId = Object.fromEntries(elections.map((e) => [e.id, e]));
  for (const id of ['ps2027', 'ws2027', 'er2027']) {
    assert.equal(byId[id]?.date, '2027-03-17', id);
    assert.equal(byId[id].fixed, true, id);
  }
  for (const kind of ['ep', 'tk', 'gr']) assert.ok(elections.some((e) => e.kind === kind && e.date > '2027-03-17'), `a ${kind} election after 2027`);
  assert.equal(byId.ep2029.fixed, false);
  // Every election day is a real date and the date Dutch elections are held on (Wednesday, EP: Thursday).
  for (const e of elections) {
    const day = new Date(`${e.date}T12:00:00Z`).getUTCDay();
    assert.equal(day, e.kind === 'ep' ? 4 : 3, `${e.id} ${e.date}`);
  }
});

test('the engine loads every election resource without an error', async () => {
  const module = await loadEngineModule();
  const engine = new module.Engine();
  const resources = readResources();
  for (const [name, text] of Object.entries(resources)) {
    const r = JSON.parse(engine.loadResource(name, text));
    assert.ok(r.ok, `${name}: ${r.error}`);
  }
  const stats = JSON.parse(engine.stats()).election;
  assert.equal(stats.packs, packFiles.length);
  assert.deepEqual(stats.disabled_rules, []);
  engine.delete();
});

test('a bad pack is rejected whole, naming file, rule and reason, and the last good pack stays in use', async () => {
  const module = await loadEngineModule();
  const engine = new module.Engine();
  for (const [name, text] of Object.entries(readResources())) engine.loadResource(name, text);
  engine.setNow(Date.parse('2027-02-01T12:00:00Z') / 1000);
  const post = JSON.stringify({ id: 'p', platform: 'x', author: 'a', text: 'Waar moet ik mijn stempas inleveren?', time: '2027-02-01T10:00:00Z' });
  const before = JSON.parse(engine.analyzeJsonl(post)).election;
  assert.ok(before.matched.includes('nl.stempas'));
  const pack = readJson('rules/election/voting_process.json');
  pack.rules[1].patterns.push('(unclosed');
  const r = JSON.parse(engine.loadResource('rules/election/voting_process.json', JSON.stringify(pack)));
  assert.equal(r.ok, false);
  assert.match(r.error, /rules\/election\/voting_process\.json/);
  assert.match(r.error, new RegExp(`rule ${pack.rules[1].id.replace('.', '\\.')}`));
  assert.match(r.error, /does not compile/);
  const after = JSON.parse(engine.analyzeJsonl(post)).election;
  assert.deepEqual(after, before);
  engine.delete();
});
