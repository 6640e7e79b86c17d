// Badges on every platform's fixture page (tests/e2e/fixtures/sites/<site>.html, written to follow
// each platform's DOM): the test reads which posts the content script sent, dictates findings for
// some of them, reloads, and checks that badges sit on exactly those posts, once each, also after
// scrolling and DOM mutations, and nowhere else.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { launch, startFixtureServer, badgesById, FIXTURES } from './harness.mjs';
import { nothing, coordination, election, all, dictate } from './annotations.mjs';

const SITES_DIR = path.join(FIXTURES, 'sites');
const sites = fs.existsSync(SITES_DIR) ? fs.readdirSync(SITES_DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort() : [];
test.describe.configure({ mode: 'serial' });
let browser;
let server;

test.beforeAll(async () => {
  if (!sites.length) return;
  server = await startFixtureServer();
  for (const site of sites) {
    // The test build reads <meta name="helder-test-site"> to pick the adapter a fixture imitates.
    const html = fs.readFileSync(path.join(SITES_DIR, `${site}.html`), 'utf8');
    const meta = `<meta name="helder-test-site" content="${site}">`;
    server.page(`/site/${site}.html`, /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${meta}`) : meta + html);
  }
  browser = await launch();
});

test.afterAll(async () => {
  await browser?.context.close();
  await server?.close();
});

test('site fixtures are present', () => {
  test.skip(sites.length === 0, 'no tests/e2e/fixtures/sites/*.html yet (the site adapters are not merged)');
  expect(sites.length).toBeGreaterThan(0);
});

for (const site of sites) {
  test(`${site}: badges on exactly the chosen posts, once, also after scrolling and mutations`, async () => {
    await browser.sw.evaluate(() => { globalThis.helderSentBatches = []; });
    await dictate(browser.sw, {});
    const page = await browser.context.newPage();
    await page.goto(server.url(`/site/${site}.html`));
    let ids = [];
    await expect.poll(async () => {
      ids = [...new Set((await browser.sw.evaluate(() => globalThis.helderSentBatches || [])).flat().map((p) => p.id))];
      return ids.length;
    }, { message: `${site}: the adapter found no post` }).toBeGreaterThan(0);
    await page.waitForTimeout(500); // let late posts arrive
    ids = [...new Set((await browser.sw.evaluate(() => globalThis.helderSentBatches || [])).flat().map((p) => p.id))];
    // Findings on every second post (a different signal each time), nothing on the others.
    const map = {};
    const expected = {};
    const makers = [['coordination', coordination], ['election', election], ['coordination ai election', all]];
    ids.forEach((id, i) => {
      if (i % 2 === 0) {
        const [names, make] = makers[(i / 2) % makers.length];
        map[id] = make(id);
        expected[id] = [names];
      } else {
        map[id] = nothing(id);
      }
    });
    await dictate(browser.sw, map);
    // A fresh page: the content script's cache is per page, the offscreen's answers are dictated.
    await page.reload();
    await expect.poll(() => badgesById(page)).toEqual(expected);
    await page.mouse.wheel(0, 5000);
    await page.evaluate(() => {
      document.body.append(Object.assign(document.createElement('div'), { textContent: 'late content' }));
      const hosts = document.querySelectorAll('helder-badge');
      if (hosts.length) hosts[0].parentElement.append(document.createTextNode(' (edited)'));
    });
    await page.waitForTimeout(800);
    expect(await badgesById(page)).toEqual(expected);
    await page.close();
  });
}
