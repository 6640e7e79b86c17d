// The site adapters on their fixture pages (tests/e2e/fixtures/sites/, written to follow each
// platform's markup): exactly the expected posts with the expected fields, decoys (ads, "who to
// follow", sidebars) left out, nothing twice, and nothing again once the caller marked them.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, chromium } from '@playwright/test';
import { ROOT } from '../harness.mjs';

const FIX = path.join(ROOT, 'tests', 'e2e', 'fixtures', 'sites');
const EXTRACT = fs.readFileSync(path.join(ROOT, 'extension', 'content', 'extract.js'), 'utf8');
const site = (id) => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'sites', `${id}.json`), 'utf8'));

const expected = {
  x: [
    { id: '1860000000000000001', author: 'anna_dijk', lang: 'nl', hashtags: ['waterschappen'], textHas: '😡' },
    { id: '1860000000000000002', author: 'nieuwsNL', links: ['https://t.co/abc123'] },
    { id: '1860000000000000003', author: 'sam_reads', shared_object: '1859999999999999999' },
  ],
  mastodon: [
    { id: '113500000000000001', author: 'gemeente', hashtags: ['PS2027'], links: ['https://www.elkestemtelt.nl/'] },
    { id: '113500000000000002', author: 'nieuws@other.example' },
    { id: '113500000000000003', author: 'sam', textHas: '\n' },
  ],
  reddit: [
    { id: '/r/thenetherlands/comments/abc001/stempas_kwijt/', author: 'jansen_nl' },
    { id: '/r/thenetherlands/comments/abc002/fietsen/', author: 'fietser99' },
    { id: '/r/thenetherlands/comments/abc001/comment/def001/', author: 'helpful_henk', reply_to: 't3_abc001' },
  ],
  bluesky: [
    { id: '/profile/anna.bsky.social/post/3kabc001', author: 'anna.bsky.social', hashtags: ['PS2027'] },
    { id: '/profile/kees.bsky.social/post/3kabc002', author: 'kees.bsky.social', links: ['https://www.elkestemtelt.nl/'] },
    { id: '/profile/sam.bsky.social/post/3kabc003', author: 'sam.bsky.social' },
  ],
  generic: [{ id: 'blog-1', author: 'Anna' }, { id: 'blog-2', author: 'Bert' }, { id: 'blog-3', author: 'Carla' }],
  youtube: [{ id: 'UgxAAA001', author: 'kiezer_anna' }, { id: 'UgxAAA002', author: 'bert_b', textHas: '👍' }],
  telegram: [{ id: '4101', author: 'Kanaal Nieuws NL' }, { id: '4102', author: 'Kanaal Nieuws NL', links: ['https://onbekend.example/artikel'] }],
  instagram: [{ id: 'CxAAA001', author: 'gemeente_voorbeeld', hashtags: ['ps2027'] }, { id: 'CxAAA002', author: 'fietsliefhebber' }],
  tiktok: [{ id: '7300000000000000001', author: 'politiekuitgelegd', hashtags: ['verkiezingen'] }, { id: '7300000000000000002', author: 'kookmetkees' }],
  facebook: [{ id: 'https://www.facebook.com/gemeente.voorbeeld/posts/pfbid0AAA001', author: 'Gemeente Voorbeeld' }, { id: 'https://www.facebook.com/jan.jansen/posts/pfbid0AAA002', author: 'Jan Jansen' }],
};

let browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
test.afterAll(async () => browser?.close());

for (const [id, want] of Object.entries(expected)) {
  test(`${id}: the adapter reads exactly the posts of the fixture`, async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: fs.readFileSync(path.join(FIX, `${id}.html`), 'utf8') }));
    await page.goto('https://fixture.test/page');
    await page.addScriptTag({ content: EXTRACT });
    const posts = await page.evaluate((s) => globalThis.HelderExtract.extractPosts(document, s, { marker: 'data-seen' }).map((x) => {
      x.element.setAttribute('data-seen', '1');
      return x.post;
    }), site(id));
    expect(posts.map((p) => p.id)).toEqual(want.map((w) => w.id));
    for (const [i, w] of want.entries()) {
      const p = posts[i];
      expect(p.author).toBe(w.author);
      expect(p.text.length).toBeGreaterThan(5);
      expect(typeof p.time === 'number' || !Number.isNaN(Date.parse(p.time))).toBe(true);
      if (w.lang) expect(p.lang).toBe(w.lang);
      if (w.hashtags) expect(p.hashtags).toEqual(w.hashtags);
      if (w.links) expect(p.links).toEqual(w.links);
      if (w.shared_object) expect(p.shared_object).toBe(w.shared_object);
      if (w.reply_to) expect(p.reply_to).toBe(w.reply_to);
      if (w.textHas) expect(p.text).toContain(w.textHas);
    }
    const again = await page.evaluate((s) => globalThis.HelderExtract.extractPosts(document, s, { marker: 'data-seen' }).length, site(id));
    expect(again).toBe(0);
    await page.close();
  });
}
