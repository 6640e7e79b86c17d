// Screenshot of the classroom demo feed as the extension shows it (store build, headless Chromium):
// build/demo-feed.png (and the whole page in build/demo-feed-full.png), and with --docs also docs/demo-feed.png (the README's picture).
// `make demo` runs this after printing the annotated feed.
import fs from 'node:fs';
import path from 'node:path';
import { launch, ROOT, STORE_EXTENSION } from '../tests/e2e/harness.mjs';

if (!fs.existsSync('/usr/bin/chromium')) {
  console.log('demo screenshot: /usr/bin/chromium is missing, skipped');
  process.exit(0);
}
if (!fs.existsSync(path.join(STORE_EXTENSION, 'manifest.json'))) {
  console.log('demo screenshot: build/extension is missing (run make extension), skipped');
  process.exit(0);
}
const lang = process.env.HELDER_UI === 'en' ? 'en-GB' : 'nl-NL';
const browser = await launch({ extension: STORE_EXTENSION, locale: lang });
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 1300 });
  await page.goto(browser.extUrl('demo/demo.html'));
  await page.locator('body[data-helder-done="true"]').waitFor({ timeout: 60_000 });
  const badge = page.locator('helder-badge').first();
  const out = path.join(ROOT, 'build', 'demo-feed.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (await badge.count()) {
    await badge.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -150));
    // Open the popover, as a reader would, so the picture shows the evidence and the links.
    await badge.click(); // the shadow root is closed in the store build: click the badge's host
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: out, fullPage: false });
  const full = path.join(ROOT, 'build', 'demo-feed-full.png');
  await page.screenshot({ path: full, fullPage: true });
  console.log(`\nScreenshot of the annotated demo feed: ${path.relative(ROOT, out)} (whole page: ${path.relative(ROOT, full)})`);
  if (process.argv.includes('--docs')) {
    fs.copyFileSync(out, path.join(ROOT, 'docs', 'demo-feed.png'));
    console.log('copied to docs/demo-feed.png');
  }
} finally {
  await browser.context.close();
}
