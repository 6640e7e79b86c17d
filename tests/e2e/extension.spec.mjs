// The extension end to end on a generic page of <article> posts: badges on exactly the posts with
// something to say, each once, also after scrolling, added posts, re-rendered posts and recycled
// elements; the popover by keyboard; the per-site switch.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { launch, TEST_EXTENSION, startFixtureServer, articlePage, articlePost, makePosts, badgesById } from './harness.mjs';
import { nothing, coordination, ai, election, all, dictate } from './annotations.mjs';

test.describe.configure({ mode: 'serial' });
let browser;
let server;

const POSTS = makePosts(60);
const LATER = makePosts(30, { prefix: 'q', start: Date.parse('2026-03-10T12:00:00Z') });
const FLAGGED = { p3: ['coordination'], p10: ['ai'], p20: ['election'], p45: ['coordination', 'ai', 'election'], q5: ['ai'], q29: ['election'], r1: ['coordination'] };

function dictated() {
  const map = {};
  for (const p of [...POSTS, ...LATER, { id: 'r1' }]) map[p.id] = nothing(p.id);
  map.p3 = coordination('p3');
  map.p10 = ai('p10');
  map.p20 = election('p20');
  map.p45 = all('p45');
  map.q5 = ai('q5');
  map.q29 = election('q29');
  map.r1 = coordination('r1');
  return map;
}

async function expectBadges(page, expected) {
  await expect.poll(async () => badgesById(page), { timeout: 30_000 }).toEqual(
    Object.fromEntries(Object.entries(expected).map(([id, s]) => [id, [s.join(' ')]])),
  );
}

test.beforeAll(async () => {
  server = await startFixtureServer();
  server.page('/generic.html', articlePage(POSTS));
  browser = await launch();
  await dictate(browser.sw, dictated());
});

test.afterAll(async () => {
  await browser?.context.close();
  await server?.close();
});

test('the service worker starts the offscreen engine once and it answers', async () => {
  const answers = await browser.sw.evaluate(async () => {
    // Two requests at once must share one offscreen document.
    const [a, b] = await Promise.all([helderDebug.toOffscreen({ type: 'stats' }), helderDebug.toOffscreen({ type: 'stats' })]);
    const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    return { a, b, count: contexts.length };
  });
  expect(answers.a.ok).toBe(true);
  expect(answers.b.ok).toBe(true);
  expect(answers.count).toBe(1);
  // When the build ships the AI model, ONNX Runtime Web must have loaded it in the offscreen document
  // (a failure would otherwise only show as "unavailable" everywhere).
  const info = JSON.parse(fs.readFileSync(path.join(TEST_EXTENSION, 'engine', 'build_info.json'), 'utf8'));
  expect(answers.a.ai).toBe(info.ai);
});

test('badges appear on exactly the posts with something to say, once each', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/generic.html'));
  const initial = Object.fromEntries(Object.entries(FLAGGED).filter(([id]) => id.startsWith('p')));
  await expectBadges(page, initial);

  // Scroll through the feed, add posts at the end (infinite scroll), re-render a flagged post's text
  // and recycle an element for another post (as virtualised feeds do).
  await page.mouse.wheel(0, 20000);
  await page.evaluate((html) => document.getElementById('feed').insertAdjacentHTML('beforeend', html), LATER.map(articlePost).join(''));
  await page.evaluate(() => {
    const a = document.querySelector('article[data-post-id="p3"] .post-text');
    a.replaceWith(a.cloneNode(true));
    const recycled = document.querySelector('article[data-post-id="p10"]');
    recycled.setAttribute('data-post-id', 'r1');
    recycled.querySelector('a[rel~="bookmark"]').setAttribute('href', '/p/r1');
  });
  const expected = { ...FLAGGED };
  delete expected.p10; // its element now shows r1
  await expectBadges(page, expected);
  // Nothing more arrives later: every post was analysed once.
  await page.waitForTimeout(1500);
  expect(await badgesById(page)).toEqual(Object.fromEntries(Object.entries(expected).map(([id, s]) => [id, [s.join(' ')]])));
  await page.close();
});

test('the popover opens and closes from the keyboard and shows evidence, meaning and limits', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/generic.html'));
  await expectBadges(page, Object.fromEntries(Object.entries(FLAGGED).filter(([id]) => id.startsWith('p'))));
  const badge = page.locator('helder-badge[data-helder-id="p45"] button.badge');
  await badge.focus();
  await expect(badge).toHaveAccessibleName(/^Helder\s*Patroon\s*AI\?\s*Verkiezingen\s*open de uitleg$/);
  await page.keyboard.press('Enter');
  const dialog = page.locator('helder-badge[data-helder-id="p45"] [role="dialog"]');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('7 accounts posted near-identical text within 4 minutes');
  await expect(dialog).toContainText('Grenzen');
  await expect(dialog.locator('a[href="https://www.kiesraad.nl/verkiezingen"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => document.activeElement && document.activeElement.localName)).toBe('helder-badge');
  await page.close();
});

test('switching Helder off for a site removes its badges, and on again brings them back', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/generic.html'));
  const initial = Object.fromEntries(Object.entries(FLAGGED).filter(([id]) => id.startsWith('p')));
  await expectBadges(page, initial);
  await browser.sw.evaluate(() => HelderSettings.update({ disabledSites: ['127.0.0.1'] }));
  await expectBadges(page, {});
  await browser.sw.evaluate(() => HelderSettings.update({ disabledSites: [] }));
  await expectBadges(page, initial);
  // A signal switched off hides only that signal.
  await browser.sw.evaluate(() => HelderSettings.update({ signals: { ai: false } }));
  const noAi = Object.fromEntries(Object.entries(initial).map(([id, s]) => [id, s.filter((x) => x !== 'ai')]).filter(([, s]) => s.length));
  await expectBadges(page, noAi);
  await browser.sw.evaluate(() => HelderSettings.update({ signals: { ai: true } }));
  await page.close();
});

test('a site added from the popup gets the content scripts registered, and removed again', async () => {
  const origin = `http://localhost:${server.port}`;
  const result = await browser.sw.evaluate(async (o) => {
    const added = await helderDebug.enableSite(o, undefined);
    const after = (await chrome.scripting.getRegisteredContentScripts()).map((c) => ({ id: c.id, matches: c.matches, js: c.js }));
    await helderDebug.disableSite(o);
    const removed = (await chrome.scripting.getRegisteredContentScripts()).map((c) => c.id);
    return { added, after, removed };
  }, origin);
  expect(result.added).toEqual({ ok: true });
  expect(result.after).toEqual([{ id: `helder-site-localhost:${server.port}`, matches: [`${origin}/*`], js: expect.arrayContaining(['content/content.js', 'content/badge.js']) }]);
  expect(result.removed).toEqual([]);
});

test('a content script may only ask for analysis: other requests from a web page are refused', async () => {
  const verdicts = await browser.sw.evaluate(() => {
    const page = { id: chrome.runtime.id, url: 'https://x.com/home', tab: { id: 1 } };
    const own = { id: chrome.runtime.id, url: chrome.runtime.getURL('options/options.html') };
    return ['analyze', 'forgetEverything', 'validateRules', 'enableSite', 'testLeak', 'analyzeDemo'].map((type) => [type, helderDebug.allowed({ type }, page), helderDebug.allowed({ type }, own)]);
  });
  expect(verdicts).toEqual([
    ['analyze', true, true], ['forgetEverything', false, true], ['validateRules', false, true],
    ['enableSite', false, true], ['testLeak', false, true], ['analyzeDemo', false, true],
  ]);
});
