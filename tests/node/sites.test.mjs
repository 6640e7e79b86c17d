// Site adapters as data: every rules/sites/*.json validates against its schema, and the adapter for
// a page is chosen by host (Mastodon also by its page markup, on any instance).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from '../../wasm/js/node_support.mjs';

const dir = path.join(ROOT, 'rules', 'sites');
const sites = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

function loadExtract(document = null) {
  const context = { globalThis: {}, URL };
  context.globalThis.document = document;
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'extension', 'content', 'extract.js'), 'utf8'), context);
  return context.globalThis.HelderExtract;
}

test('every site adapter validates against rules/schema/site.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'schema', 'site.schema.json'), 'utf8')));
  for (const s of sites) assert.ok(validate(s), `${s.id}: ${ajv.errorsText(validate.errors)}`);
  const ids = sites.map((s) => s.id);
  for (const want of ['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'reddit', 'mastodon', 'bluesky', 'telegram', 'generic']) assert.ok(ids.includes(want), want);
  const extract = loadExtract();
  for (const s of sites) assert.equal(extract.validateSite(s).length, 0, s.id);
  for (const s of sites) if (s.fields.id?.pattern) assert.doesNotThrow(() => new RegExp(s.fields.id.pattern), s.id);
});

test('the adapter is chosen by host, Mastodon also by its markup, and the generic one otherwise', () => {
  const extract = loadExtract();
  const pick = (host) => extract.matchSite({ hostname: host }, sites)?.id;
  assert.equal(pick('x.com'), 'x');
  assert.equal(pick('mobile.twitter.com'), 'x');
  assert.equal(pick('www.facebook.com'), 'facebook');
  assert.equal(pick('www.reddit.com'), 'reddit');
  assert.equal(pick('old.reddit.com'), 'reddit');
  assert.equal(pick('bsky.app'), 'bluesky');
  assert.equal(pick('web.telegram.org'), 'telegram');
  assert.equal(pick('social.overheid.nl'), 'mastodon');
  assert.equal(pick('notx.com'), 'generic');
  const withMastodonRoot = loadExtract({ querySelector: (sel) => (sel.includes('#mastodon') ? {} : null) });
  assert.equal(withMastodonRoot.matchSite({ hostname: 'toot.example' }, sites).id, 'mastodon');
});
