// The no-leak proof: Chromium runs with every non-loopback request sent to a recording proxy that
// refuses them all. While Helder analyses a fixture feed and the demo, and its pages are opened, the
// proxy must see nothing. The deliberate-leak test then makes the page, the service worker and the
// offscreen document each try one request and shows the proxy catches all three, so the first test
// cannot pass because the proxy sees nothing at all.
import { test, expect } from '@playwright/test';
import { launch, startFixtureServer, startRecordingProxy, articlePage, makePosts } from './harness.mjs';

test.describe.configure({ mode: 'serial' });
let browser;
let server;
let proxy;
const POSTS = makePosts(120, { prefix: 'leak' });

test.beforeAll(async () => {
  proxy = await startRecordingProxy();
  server = await startFixtureServer();
  server.page('/feed.html', articlePage(POSTS));
  browser = await launch({ proxyPort: proxy.port });
});

test.afterAll(async () => {
  await browser?.context.close();
  await proxy?.close();
  await server?.close();
});

async function analysedOnPage(sw, url) {
  return sw.evaluate(async (u) => {
    // Without the "tabs" permission tab URLs are hidden: ask each tab's content script instead.
    for (const tab of await chrome.tabs.query({})) {
      try {
        const f = await chrome.tabs.sendMessage(tab.id, { type: 'pageFindings' });
        if (f && f.url === u) return f.pending === 0 ? f.analysed : -1;
      } catch {
        /* no content script in this tab */
      }
    }
    return -1;
  }, url);
}

test('no request leaves the machine while Helder analyses a feed, the demo and opens its pages', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/feed.html'));
  await expect.poll(() => analysedOnPage(browser.sw, server.url('/feed.html')), { timeout: 60_000 }).toBe(POSTS.length);
  const demo = await browser.context.newPage();
  await demo.goto(browser.extUrl('demo/demo.html'));
  await expect(demo.locator('body[data-helder-done="true"]')).toHaveCount(1, { timeout: 60_000 });
  for (const p of ['popup/popup.html', 'options/options.html', 'sidepanel/sidepanel.html', 'report/report.html']) {
    const other = await browser.context.newPage();
    await other.goto(browser.extUrl(p));
    await other.waitForLoadState('load');
    await other.close();
  }
  await browser.sw.evaluate(() => helderDebug.toOffscreen({ type: 'stats' }));
  await page.waitForTimeout(2000);
  expect(proxy.requests).toEqual([]);
});

test('deliberate leak: the proxy catches a request from the page, the service worker and the offscreen document', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/feed.html'));
  await page.evaluate(() => fetch('http://helder-leak.test/page', { mode: 'no-cors' }).catch(() => {}));
  await browser.sw.evaluate(async () => {
    await fetch('http://helder-leak.test/service-worker').catch(() => {});
    await helderDebug.toOffscreen({ type: 'testLeak', url: 'http://helder-leak.test/offscreen' });
  });
  await expect.poll(() => proxy.requests.map((r) => r.url).sort(), { timeout: 15_000 }).toEqual([
    'http://helder-leak.test/offscreen', 'http://helder-leak.test/page', 'http://helder-leak.test/service-worker',
  ]);
});
