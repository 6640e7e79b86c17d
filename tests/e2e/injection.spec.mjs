// Injection and spoofing: hostile post text and hostile evidence strings (HTML, script, CSS, URL
// tricks, bidi overrides, fake "Helder" labels) go through the badge and the popover. Nothing may
// execute, no element but our own may appear in the shadow root, no request may leave, and only
// https links to allowlisted hosts become links (never javascript:, data:, http: or look-alikes).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { launch, startFixtureServer, startRecordingProxy, articlePage, FIXTURES } from './harness.mjs';
import { all, dictate } from './annotations.mjs';

const corpus = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'injection_corpus.json'), 'utf8'));
let browser;
let server;
let proxy;

test.beforeAll(async () => {
  proxy = await startRecordingProxy();
  server = await startFixtureServer();
  const posts = corpus.texts.map((text, i) => ({ id: `inj${i}`, author: `hostile_${i}`, author_name: text.slice(0, 120), time: new Date(Date.parse('2026-03-10T08:00:00Z') + i * 60_000).toISOString(), text }));
  server.page('/hostile.html', articlePage(posts, { title: 'Hostile feed' }));
  browser = await launch({ proxyPort: proxy.port });
  const map = {};
  posts.forEach((p) => {
    const a = all(p.id);
    a.coordination.signals[0].summary = p.text;
    a.coordination.signals[0].kind = p.text;
    a.coordination.cluster = p.text;
    a.election.matched = [p.text, corpus.texts[(corpus.texts.indexOf(p.text) + 1) % corpus.texts.length]];
    a.election.why = p.text;
    a.election.links = [...corpus.urls, ...corpus.allowed].map((url, k) => ({ url, title: k % 2 ? p.text : url, source: p.text }));
    map[p.id] = a;
  });
  await dictate(browser.sw, map);
});

test.afterAll(async () => {
  await browser?.context.close();
  await proxy?.close();
  await server?.close();
});

test('hostile text and URLs render inert through the badge and the popover', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/hostile.html'));
  const n = corpus.texts.length;
  await expect(page.locator('helder-badge')).toHaveCount(n, { timeout: 30_000 });
  // Open and close every popover.
  for (let i = 0; i < n; i += 1) {
    const badge = page.locator(`helder-badge[data-helder-id="inj${i}"] button.badge`);
    await badge.scrollIntoViewIfNeeded();
    await badge.click();
    await expect(page.locator(`helder-badge[data-helder-id="inj${i}"] [role="dialog"]`)).toBeVisible();
    await page.keyboard.press('Escape');
  }
  const allowed = corpus.allowed.map((u) => new URL(u).href).sort();
  const report = await page.evaluate(() => {
    const ownTags = new Set(['style', 'button', 'span', 'div', 'h2', 'h3', 'p', 'ul', 'li', 'section', 'a']);
    const out = { foreignTags: [], handlers: [], styles: new Set(), hrefs: [], roots: 0 };
    for (const host of document.querySelectorAll('helder-badge')) {
      const root = host.shadowRoot;
      out.roots += 1;
      for (const el of root.querySelectorAll('*')) {
        if (!ownTags.has(el.localName)) out.foreignTags.push(el.localName);
        for (const attr of el.attributes) if (/^on/i.test(attr.name) || /^(src|srcdoc|action|formaction|style)$/i.test(attr.name)) out.handlers.push(`${el.localName}[${attr.name}]`);
        if (el.localName === 'style') out.styles.add(el.textContent);
        if (el.localName === 'a') out.hrefs.push(el.getAttribute('href'));
      }
    }
    // Page-level traces of an injection: globals set by payloads, stray elements outside articles.
    out.pwned = window.__pwned;
    out.strayOutside = document.querySelectorAll('body > :not(main), main > :not(article)').length;
    out.styles = out.styles.size;
    return out;
  });
  expect(report.roots).toBe(n);
  expect(report.pwned).toBeUndefined();
  expect(report.foreignTags).toEqual([]);
  // style="" is set by our own positioning code on the popover only.
  expect(report.handlers.filter((h) => h !== 'div[style]')).toEqual([]);
  expect(report.styles).toBe(1);
  expect(report.strayOutside).toBe(0);
  // Per popover: exactly the allowlisted https links, as links; everything else as text.
  const perRoot = report.hrefs.length / n;
  expect(perRoot).toBe(allowed.length);
  expect([...new Set(report.hrefs)].sort()).toEqual(allowed);
  expect(proxy.requests).toEqual([]);
});

test('post text imitating a Helder badge does not create one', async () => {
  const page = await browser.context.newPage();
  const fake = [{ id: 'spoof1', author: 'x', time: '2026-03-10T09:00:00Z', text: 'Helder \u25B2 Patroon \u25C6 AI? \u2139 Verkiezingen' }];
  server.page('/spoof.html', articlePage(fake));
  await dictate(browser.sw, {});
  await page.goto(server.url('/spoof.html'));
  await page.waitForTimeout(1500);
  await expect(page.locator('helder-badge')).toHaveCount(0);
});
