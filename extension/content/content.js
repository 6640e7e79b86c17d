// The content script: finds posts on the page (site adapters in content/extract.js, selectors as
// data in rules/sites/), sends them in batches to the service worker, and draws a badge on the posts
// where Helder has something to say. Incremental: a MutationObserver with a ~100 ms debounce, at
// most 50 posts per message, every post analysed once and cached by id.
(() => {
  if (globalThis.__helderContent) return; // injected twice (e.g. programmatic + manifest): run once
  globalThis.__helderContent = true;

  const DEBOUNCE_MS = 100;
  const MAX_BATCH = 50;
  const MAX_CACHE = 5000; // annotations kept per page (oldest dropped first)
  const MAX_ITEMS = 20000; // posts tracked per page
  const RETRY_MS = [250, 1000, 3000, 8000];
  const TEST_BUILD = Boolean(globalThis.HelderBuild && globalThis.HelderBuild.test);

  const cache = new Map(); // post id -> annotation
  const inFlight = new Set(); // post ids sent and not yet answered
  const waiting = new Map(); // post id -> post, queued for the next batch
  const items = new Map(); // element -> { id, anchor, post, host }
  const byId = new Map(); // post id -> Set of items showing it (a post may appear twice on a page)
  let settings = globalThis.HelderSettings.normalize(null);
  let site = null;
  let observer = null;
  let timer = null;
  let sending = false;
  let failures = 0;
  let lastContextItem = null;

  function pickSite() {
    const sites = globalThis.HelderSites || [];
    if (TEST_BUILD) {
      // Test build only: a fixture page served from localhost names the platform it imitates.
      const meta = document.querySelector('meta[name="helder-test-site"]');
      if (meta) return sites.find((s) => s.id === meta.content) || null;
    }
    return globalThis.HelderExtract.matchSite(location, sites);
  }

  function activeHere() {
    return settings.enabled && !settings.disabledSites.includes(location.hostname);
  }

  function remember(id, annotation) {
    cache.set(id, annotation);
    if (cache.size > MAX_CACHE) cache.delete(cache.keys().next().value);
  }

  function render(item) {
    if (item.host) {
      item.host.remove();
      item.host = null;
    }
    const annotation = cache.get(item.id);
    if (!annotation || !activeHere()) return;
    const which = globalThis.HelderSettings.findings(annotation, settings);
    if (which.length === 0 || !item.anchor.isConnected) return;
    item.host = globalThis.HelderUI.attachBadge(item.anchor, annotation, which, item.post, { councillor: settings.councillorMode });
  }

  // The adapter reads at most 200 posts per call (its own bound). A long feed has more: hand it the
  // page's post elements in slices of 200 through a root that answers only its post selector.
  function extractAll() {
    const extract = globalThis.HelderExtract.extractPosts;
    if (!site.post) return extract(document, site) || [];
    const elements = Array.prototype.slice.call(document.querySelectorAll(site.post), 0, MAX_ITEMS);
    const found = [];
    for (let i = 0; i < elements.length; i += 200) {
      const slice = elements.slice(i, i + 200);
      for (const f of extract({ querySelectorAll: () => slice }, site) || []) found.push(f);
    }
    return found;
  }

  function scan() {
    if (!site || !activeHere()) return;
    let found = [];
    try {
      found = extractAll();
    } catch (error) {
      console.warn('Helder: reading posts failed', error);
      return;
    }
    for (const { element, anchor, post } of found) {
      if (!element || !anchor || !post || typeof post.id !== 'string' || !post.id) continue;
      const known = items.get(element);
      if (known && known.id === post.id && (known.host === null || known.host.isConnected)) continue;
      if (known && known.host) known.host.remove(); // a recycled element now shows another post
      if (!known && items.size >= MAX_ITEMS) continue;
      if (known) forgetItem(known);
      const item = { id: post.id, anchor, post, host: null };
      items.set(element, item);
      if (!byId.has(post.id)) byId.set(post.id, new Set());
      byId.get(post.id).add(item);
      if (cache.has(post.id)) render(item);
      else if (!inFlight.has(post.id)) waiting.set(post.id, post);
    }
    if (waiting.size) flushSoon(0);
  }

  function scheduleScan() {
    clearTimeout(timer);
    timer = setTimeout(scan, DEBOUNCE_MS);
  }

  function prune() {
    for (const [element, item] of items) {
      if (!element.isConnected) {
        items.delete(element);
        forgetItem(item);
      }
    }
  }

  function forgetItem(item) {
    const set = byId.get(item.id);
    if (!set) return;
    set.delete(item);
    if (set.size === 0) byId.delete(item.id);
  }

  let flushTimer = null;
  function flushSoon(delay) {
    if (flushTimer !== null) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      flush();
    }, delay);
  }

  async function flush() {
    if (sending || waiting.size === 0) return;
    sending = true;
    const batch = [];
    for (const [id, post] of waiting) {
      batch.push(post);
      waiting.delete(id);
      inFlight.add(id);
      if (batch.length >= MAX_BATCH) break;
    }
    let answer = null;
    try {
      answer = await chrome.runtime.sendMessage({ type: 'analyze', posts: batch, site: site.id });
    } catch (error) {
      answer = { ok: false, error: String(error && error.message) };
    }
    sending = false;
    if (!chrome.runtime || !chrome.runtime.id) {
      // The extension was updated or removed: this script is orphaned. Stop quietly.
      stop();
      return;
    }
    const asked = new Set(batch.map((p) => p.id));
    if (answer && answer.ok && Array.isArray(answer.annotations)) {
      failures = 0;
      for (const a of answer.annotations) {
        // Only an annotation for a post we asked about, with its own id, is ever drawn.
        if (a && typeof a.id === 'string' && asked.has(a.id)) {
          remember(a.id, a);
          asked.delete(a.id);
        }
      }
      for (const p of batch) inFlight.delete(p.id);
      for (const id of asked) remember(id, null); // no annotation for it: analysed, nothing to say
      // Draw only the posts of this batch (not the whole page again).
      for (const p of batch) for (const item of byId.get(p.id) || []) if (!item.host) render(item);
      if (waiting.size) flushSoon(0);
    } else {
      // The service worker or the offscreen document went away mid-batch: nothing is drawn for
      // these posts, they go back to the queue and are sent again after a pause.
      for (const p of batch) {
        inFlight.delete(p.id);
        waiting.set(p.id, p);
      }
      failures += 1;
      flushSoon(RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)]);
    }
  }

  function clearBadges() {
    for (const item of items.values()) {
      if (item.host) item.host.remove();
      item.host = null;
    }
  }

  function start() {
    if (observer || !site || !activeHere()) return;
    observer = new MutationObserver((records) => {
      // Our own badges are mutations too; they must not trigger a rescan.
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && n.localName !== 'helder-badge') return scheduleScan();
          if (n.nodeType === 3) return scheduleScan();
        }
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    scan();
    setInterval(prune, 30000);
  }

  function stop() {
    if (observer) observer.disconnect();
    observer = null;
    clearBadges();
  }

  function pageFindings() {
    const counts = { coordination: 0, ai: 0, election: 0 };
    let analysed = 0;
    let shown = 0;
    for (const item of items.values()) {
      const a = cache.get(item.id);
      if (a === undefined) continue;
      analysed += 1;
      const which = a ? globalThis.HelderSettings.findings(a, settings) : [];
      if (which.length) shown += 1;
      for (const s of which) counts[s] += 1;
    }
    return { host: location.hostname, url: location.href, site: site ? site.id : null, active: activeHere(), analysed, shown, counts, pending: waiting.size + inFlight.size };
  }

  function postUnder(target) {
    for (const [element, item] of items) if (element.contains(target)) return item;
    return null;
  }

  document.addEventListener('contextmenu', (e) => {
    lastContextItem = postUnder(e.target);
  }, true);

  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    if (!message || sender.id !== chrome.runtime.id) return false;
    if (message.type === 'pageFindings') {
      reply(pageFindings());
    } else if (message.type === 'councillorTarget') {
      const item = lastContextItem;
      reply({ post: item ? item.post : null, annotation: item ? cache.get(item.id) || null : null, url: location.href });
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.settings) return;
    settings = globalThis.HelderSettings.normalize(changes.settings.newValue);
    globalThis.HelderI18n.setLang(settings.uiLang);
    if (!activeHere()) return stop();
    clearBadges();
    for (const item of items.values()) render(item);
    start();
  });

  (async () => {
    settings = await globalThis.HelderSettings.load();
    globalThis.HelderI18n.setLang(settings.uiLang);
    if (!globalThis.HelderExtract) return;
    site = pickSite();
    start();
  })();
})();
