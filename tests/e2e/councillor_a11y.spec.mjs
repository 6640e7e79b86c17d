// Councillor mode (check a post or a selection, side panel, report, JSON export) and accessibility
// (axe-core, WCAG 2.1 A/AA) of the popup, options, side panel, report, demo and the popover.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { launch, startFixtureServer, articlePage, makePosts, ROOT } from './harness.mjs';
import { nothing, all, dictate } from './annotations.mjs';

test.describe.configure({ mode: 'serial' });
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let browser;
let server;
const POSTS = makePosts(12, { prefix: 'c' });

test.beforeAll(async () => {
  server = await startFixtureServer();
  server.page('/feed.html', articlePage(POSTS, { title: 'Gemeente feed' }));
  browser = await launch({ locale: 'nl-NL' });
  const map = Object.fromEntries(POSTS.map((p) => [p.id, nothing(p.id)]));
  map.c1 = all('c1');
  map.c4 = all('c4');
  await dictate(browser.sw, map);
  await browser.sw.evaluate(() => HelderSettings.update({ councillorMode: true }));
});

test.afterAll(async () => {
  await browser?.context.close();
  await server?.close();
});

// Runs axe in the page (evaluate bypasses the extension pages' CSP) and returns the violations.
async function axe(page, context = null) {
  await page.evaluate(AXE);
  return page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx || document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, context);
}

test('check a post with Helder: side panel with every signal, add to report, printable report and JSON export', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/feed.html'));
  await expect(page.locator('helder-badge')).toHaveCount(2);
  await page.locator('article[data-post-id="c1"] .post-text').click({ button: 'right' });
  await browser.sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await helderDebug.councillorCheck({ menuItemId: 'helder-check' }, tab);
  });
  const current = await browser.sw.evaluate(async () => (await chrome.storage.local.get('councillorCurrent')).councillorCurrent);
  expect(current.post.id).toBe('c1');
  expect(current.annotation.coordination.level).toBe('strong');

  const panel = await browser.context.newPage();
  await panel.goto(browser.extUrl('sidepanel/sidepanel.html'));
  await expect(panel.locator('#result')).toContainText(POSTS[1].text.slice(0, 40));
  await expect(panel.locator('#result')).toContainText('7 accounts posted near-identical text');
  // The post is about the council (election.councillor): the panel offers where to get help.
  await expect(panel.locator('#result a[href="https://www.desinformatieingemeente.nl/"]')).toHaveCount(1);
  await panel.locator('#add').click();
  await expect(panel.locator('#report-count')).toContainText('1');
  expect(await axe(panel)).toEqual([]);

  // A selection that is not a known post is checked as text of its own.
  await browser.sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await helderDebug.councillorCheck({ menuItemId: 'helder-check', selectionText: 'Stemmen kan dit jaar ook per post, zegt men.' }, tab);
  });
  await expect(panel.locator('#result')).toContainText('Stemmen kan dit jaar ook per post');
  await panel.locator('#add').click();
  await expect(panel.locator('#report-count')).toContainText('2');

  const report = await browser.context.newPage();
  await report.goto(browser.extUrl('report/report.html'));
  await expect(report.locator('#items article')).toHaveCount(2);
  await expect(report.locator('#help a[href="https://www.desinformatieingemeente.nl/"]')).toHaveCount(1);
  expect(await axe(report)).toEqual([]);
  const [download] = await Promise.all([report.waitForEvent('download'), report.locator('#json').click()]);
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(doc.format).toBe('helder-report');
  expect(doc.items.map((i) => i.post.platform === 'selection')).toEqual([false, true]);
  expect(doc.help.some((h) => h.url === 'https://www.desinformatieingemeente.nl/')).toBe(true);
  await Promise.all([page.close(), panel.close(), report.close()]);
});

test('forget everything empties the memory and the report but keeps the settings', async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extUrl('options/options.html'));
  await options.locator('#forget').click();
  await options.locator('#forget-confirm').click();
  await expect(options.locator('#forget-status')).not.toBeEmpty();
  const left = await browser.sw.evaluate(async () => chrome.storage.local.get(['report', 'councillorCurrent', 'settings']));
  expect(left.report).toBeUndefined();
  expect(left.councillorCurrent).toBeUndefined();
  expect(left.settings.councillorMode).toBe(true);
  await options.close();
});

test('rule-pack import: a pack the engine rejects is refused whole, naming the pack; export gives the format back', async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extUrl('options/options.html'));
  const bad = path.join(test.info().outputDir, 'bad-pack.json');
  fs.mkdirSync(path.dirname(bad), { recursive: true });
  fs.writeFileSync(bad, JSON.stringify({ format: 'helder-rule-packs', packs: { '../../etc/passwd': {} } }));
  await options.locator('#import').setInputFiles(bad);
  await expect(options.locator('#rules-status')).toContainText('../../etc/passwd');
  fs.writeFileSync(bad, '{ not json');
  await options.locator('#import').setInputFiles(bad);
  await expect(options.locator('#rules-status')).toContainText('bad-pack.json');
  expect(await browser.sw.evaluate(async () => (await chrome.storage.local.get('customRules')).customRules)).toBeUndefined();
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#export').click()]);
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(doc.format).toBe('helder-rule-packs');
  expect(typeof doc.packs).toBe('object');
  await options.close();
});

for (const [name, file] of [['popup', 'popup/popup.html'], ['options', 'options/options.html'], ['side panel (empty)', 'sidepanel/sidepanel.html'], ['demo', 'demo/demo.html']]) {
  test(`accessibility: the ${name} page has no WCAG 2.1 A/AA violations`, async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extUrl(file));
    await page.waitForLoadState('load');
    if (file.startsWith('demo')) await expect(page.locator('body[data-helder-done="true"]')).toHaveCount(1);
    await page.waitForTimeout(300);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
}

test('accessibility: the badge and the open popover have no WCAG 2.1 A/AA violations', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/feed.html'));
  await expect(page.locator('helder-badge')).toHaveCount(2);
  await page.locator('helder-badge[data-helder-id="c4"] button.badge').click();
  await expect(page.locator('helder-badge[data-helder-id="c4"] [role="dialog"]')).toBeVisible();
  expect(await axe(page, { include: [['helder-badge']] })).toEqual([]);
  await page.close();
});
