// Extension benchmark (figures, not a test): a 1,000-post generic feed in headless Chromium with the
// test build of the extension and the real engine. Prints the time until every post is annotated,
// long tasks (> 50 ms) on the page with and without Helder (the fixture page itself runs no script,
// so the difference is Helder's), and memory: the page's JS heap (which holds the content script) with
// and without Helder, and the offscreen document's JS heap and wasm memory.
//   node tools/bench_extension.mjs [posts=1000]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, startFixtureServer, articlePage, articlePost, makePosts, ROOT, TEST_EXTENSION } from '../tests/e2e/harness.mjs';

const N = Number(process.argv[2] || 1000);
if (!fs.existsSync('/usr/bin/chromium')) {
  console.log('bench_extension: /usr/bin/chromium is missing, skipped');
  process.exit(0);
}
execFileSync('node', [path.join(ROOT, 'extension', 'build.mjs'), '--test'], { stdio: 'ignore' });

// Varied text so the feed resembles a timeline rather than one template.
const WORDS = 'gemeente fiets buurt regen markt school trein stadhuis park bibliotheek koffie voetbal kermis dijk haven brug zon wind verkeer sporthal concert'.split(' ');
const posts = makePosts(N, { prefix: 'b' }).map((p, i) => ({ ...p, text: `${p.text} ${Array.from({ length: 12 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ')} #${WORDS[i % WORDS.length]}` }));
const server = await startFixtureServer();
server.page('/bench.html', articlePage(posts, { title: 'Benchmark feed', extraHead: `<script>
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
</script>` }));

// The same feed arriving as infinite scroll does: 25 posts every 100 ms into an initially empty page.
server.page('/scroll.html', articlePage([], { title: 'Benchmark feed (infinite scroll)', extraHead: `<script>
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  window.__chunks = ${JSON.stringify(chunks(posts.map(articlePost), 25).map((c) => c.join('')))};
  window.addEventListener('load', () => {
    const timer = setInterval(() => {
      const next = window.__chunks.shift();
      if (next === undefined) return clearInterval(timer);
      document.getElementById('feed').insertAdjacentHTML('beforeend', next);
      window.scrollTo(0, document.body.scrollHeight);
    }, 100);
  });
</script>` }));

function chunks(list, n) {
  const out = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

async function run(withHelder, pagePath = '/bench.html') {
  const browser = await launch({ extension: withHelder ? TEST_EXTENSION : null });
  // Warm the engine so the figure is the steady-state cost (the cold start is reported separately).
  const t0 = Date.now();
  if (withHelder) await browser.sw.evaluate(() => helderDebug.toOffscreen({ type: 'stats' }));
  const cold = Date.now() - t0;
  const page = await browser.context.newPage();
  const start = Date.now();
  await page.goto(server.url(pagePath), { waitUntil: 'domcontentloaded' });
  let annotatedMs = null;
  if (withHelder) {
    for (;;) {
      const f = await browser.sw.evaluate(async (url) => {
        for (const tab of await chrome.tabs.query({})) {
          try {
            const r = await chrome.tabs.sendMessage(tab.id, { type: 'pageFindings' });
            if (r && r.url === url) return r;
          } catch { /* not ours */ }
        }
        return null;
      }, server.url(pagePath));
      if (f && f.analysed >= N && f.pending === 0) break;
      if (Date.now() - start > 180_000) throw new Error(`not all posts annotated after 180 s: ${JSON.stringify(f)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    annotatedMs = Date.now() - start;
  }
  // Scroll through the whole feed as a reader would, then let things settle.
  for (let y = 0; y < 40; y += 1) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(500);
  const pageStats = await page.evaluate(() => ({ long: window.__long, heap: performance.memory ? performance.memory.usedJSHeapSize : null }));
  let offscreen = null;
  if (withHelder) offscreen = await browser.sw.evaluate(() => helderDebug.toOffscreen({ type: 'stats' }));
  await browser.context.close();
  return { cold, annotatedMs, long: pageStats.long, heap: pageStats.heap, offscreen };
}

const mb = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1048576).toFixed(1)} MB`);
const without = await run(false);
const withH = await run(true);
const scrollWithout = await run(false, '/scroll.html');
const scrollWith = await run(true, '/scroll.html');
await server.close();
const longOver = (l) => l.filter((d) => d > 50);
console.log(`extension: ${N}-post generic feed, headless Chromium, test build, real engine${withH.offscreen && withH.offscreen.ai ? ' and AI model' : ' (no AI model in this build)'}`);
console.log(`  engine start (offscreen document, cold):   ${withH.cold} ms`);
console.log(`  time until every post is annotated:        ${withH.annotatedMs} ms (${(N / (withH.annotatedMs / 1000)).toFixed(0)} posts/s, batches of 50)`);
console.log(`  long tasks > 50 ms on the page, with Helder:    ${longOver(withH.long).length} (longest ${Math.max(0, ...withH.long).toFixed(0)} ms)`);
console.log(`  long tasks > 50 ms on the page, without Helder: ${longOver(without.long).length} (longest ${Math.max(0, ...without.long).toFixed(0)} ms)`);
console.log(`  page JS heap with / without Helder:        ${mb(withH.heap)} / ${mb(without.heap)} (content script share ~${mb(withH.heap - without.heap)})`);
if (withH.offscreen && withH.offscreen.memory) {
  console.log(`  offscreen document JS heap / wasm memory:  ${mb(withH.offscreen.memory.jsHeapBytes)} / ${mb(withH.offscreen.memory.wasmBytes)}`);
}
console.log(`infinite scroll: the same ${N} posts arriving 25 every 100 ms`);
console.log(`  time until every post is annotated:        ${scrollWith.annotatedMs} ms (the feed itself takes ~${Math.ceil(N / 25) * 100} ms to arrive)`);
console.log(`  long tasks > 50 ms on the page, with Helder:    ${longOver(scrollWith.long).length} (longest ${Math.max(0, ...scrollWith.long).toFixed(0)} ms)`);
console.log(`  long tasks > 50 ms on the page, without Helder: ${longOver(scrollWithout.long).length} (longest ${Math.max(0, ...scrollWithout.long).toFixed(0)} ms)`);
console.log(`  page JS heap with / without Helder:        ${mb(scrollWith.heap)} / ${mb(scrollWithout.heap)}`);
