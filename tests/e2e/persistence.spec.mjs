// The coordination memory survives the offscreen document (and so a browser restart): most of a
// copy-paste campaign is seen, the memory is saved, the document is closed; the last copies arrive
// in a new document, and the badges must equal the engine's under Node with the memory carried over.
// Meaningful only when the engine's coordination signal needs the first half to flag the second,
// which the test checks first (and says so when it does not).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { launch, startFixtureServer, articlePage, badgesById, ROOT } from './harness.mjs';
import { createNodeHelder } from '../../wasm/js/node_support.mjs';

const feed = fs.readFileSync(path.join(ROOT, 'extension', 'demo', 'feed.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
// The planted copy-paste campaign (seven accounts), split so that the last two copies alone are too
// few to be a pattern: only with the memory of the first five are they flagged.
const planted = feed.filter((p) => /stadhuis terwijl/i.test(p.text.toLowerCase()) || /stadhuis, terwijl/i.test(p.text.toLowerCase()));
const first = planted.slice(0, 5);
const second = planted.slice(5);

async function nodeFindings(batches, { carry }) {
  await import(pathToFileURL(path.join(ROOT, 'extension', 'lib', 'settings.js')).href);
  const S = globalThis.HelderSettings;
  let helder = await createNodeHelder({ uiLang: 'nl' });
  const out = {};
  for (const [i, batch] of batches.entries()) {
    if (i > 0) {
      const state = carry ? helder.exportState() : null;
      helder = await createNodeHelder({ uiLang: 'nl' });
      if (state) helder.importState(state);
    }
    for (const a of await helder.analyze(batch)) {
      const which = S.findings(a, S.normalize(null));
      if (which.length && i === batches.length - 1) out[a.id] = [which.join(' ')];
    }
  }
  return out;
}

test('the coordination memory is saved and restored across offscreen documents', async () => {
  const server = await startFixtureServer();
  server.page('/first.html', articlePage(first));
  server.page('/second.html', articlePage(second));
  const browser = await launch();
  try {
    const sent = () => browser.sw.evaluate(() => globalThis.helderSentBatches || []);
    const a = await browser.context.newPage();
    await a.goto(server.url('/first.html'));
    await expect.poll(async () => (await sent()).flat().length).toBe(first.length);
    await a.waitForTimeout(2500); // the memory is saved 1.5 s after a batch
    await a.close();
    await browser.sw.evaluate(() => chrome.offscreen.closeDocument());
    const firstBatches = await sent();
    const b = await browser.context.newPage();
    await b.goto(server.url('/second.html'));
    await expect.poll(async () => (await sent()).flat().length).toBe(first.length + second.length);
    const secondBatches = (await sent()).slice(firstBatches.length);
    // The engine under Node, fed exactly what the extension sent, with and without the memory.
    const withMemory = await nodeFindings([firstBatches.flat(), secondBatches.flat()], { carry: true });
    const without = await nodeFindings([firstBatches.flat(), secondBatches.flat()], { carry: false });
    test.skip(JSON.stringify(withMemory) === JSON.stringify(without),
      'the engine flags the last copies the same with or without memory (no coordination signal on this branch yet)');
    await expect.poll(() => badgesById(b)).toEqual(withMemory);
    expect(Object.keys(withMemory).length).toBeGreaterThan(0);
  } finally {
    await browser.context.close();
    await server.close();
  }
});
