// The service worker: a thin router. Content scripts and extension pages send requests here; the
// engine and the AI model live in the offscreen document, created once (one shared promise, so two
// requests arriving together cannot create it twice) and re-created if it went away. The worker also
// owns the context menu of councillor mode and the notices shown in the popup.
import '../lib/build_data.js';
import '../lib/settings.js';
import '../lib/i18n.js';

const OFFSCREEN_URL = 'offscreen/offscreen.html';
const TEST_BUILD = Boolean(globalThis.HelderBuild && globalThis.HelderBuild.test);
const MENU_ID = 'helder-check';
let offscreenReady = null;

async function offscreenExists() {
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  return contexts.length > 0;
}

function ensureOffscreen() {
  if (!offscreenReady) {
    offscreenReady = (async () => {
      if (!(await offscreenExists())) {
        try {
          await chrome.offscreen.createDocument({
            url: OFFSCREEN_URL,
            reasons: ['WORKERS'],
            justification: 'Runs the Helder analysis engine (WebAssembly) and the AI-text model on this device.',
          });
        } catch (error) {
          // Another request created it between our check and our call: that is fine.
          if (!String(error && error.message).includes('single offscreen')) throw error;
        }
      }
    })().catch((error) => {
      offscreenReady = null;
      throw error;
    });
  }
  return offscreenReady;
}

// Sends a request to the offscreen document. If the document was closed (by the browser, or killed
// mid-batch), the message fails: forget the promise, create the document again and retry once.
async function toOffscreen(request) {
  // Every request carries the current settings: the document may have just (re)started.
  const message = request.settings ? request : { ...request, settings: await engineSettings() };
  let lastError = null;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await ensureOffscreen();
      const answer = await chrome.runtime.sendMessage({ ...message, target: 'offscreen' });
      if (answer !== undefined) return answer;
      lastError = new Error('no answer from the offscreen document');
    } catch (error) {
      lastError = error;
    }
    offscreenReady = null;
  }
  throw lastError;
}

async function engineSettings() {
  const s = await globalThis.HelderSettings.load();
  const lang = s.uiLang === 'auto' ? globalThis.HelderI18n.browserLang() : s.uiLang;
  const { customRules = {} } = await chrome.storage.local.get('customRules');
  return { retentionDays: s.retentionDays, storeCapMB: s.storeCapMB, uiLang: lang, customRules };
}

// Notices (the coordination memory was reset, storage is full, ...) are kept until the user has
// seen them in the popup; the toolbar icon shows "!" meanwhile. They live in session storage (in
// memory), which still works when the disk quota is exhausted.
async function addNotices(notices) {
  if (!Array.isArray(notices) || notices.length === 0) return;
  const { notices: old = [] } = await chrome.storage.session.get('notices');
  const merged = [...(Array.isArray(old) ? old : []), ...notices.map((n) => ({ ...n, at: Date.now() }))].slice(-20);
  await chrome.storage.session.set({ notices: merged });
  await chrome.action.setBadgeText({ text: '!' });
  await chrome.action.setBadgeBackgroundColor({ color: '#A85A00' });
}

async function analyze(posts) {
  let delayMs = 0;
  if (TEST_BUILD) ({ testDelayMs: delayMs = 0 } = await chrome.storage.local.get('testDelayMs'));
  const answer = await toOffscreen({ type: 'analyze', posts, settings: await engineSettings(), delayMs });
  if (answer && answer.notices) await addNotices(answer.notices);
  if (TEST_BUILD) {
    // Test build only: the batches exactly as sent, so a test can replay them through the engine
    // under Node and compare the badges with what it finds.
    (globalThis.helderSentBatches ||= []).push(posts);
  }
  if (TEST_BUILD && answer && answer.ok) {
    // Test build only: the tests may dictate annotations for given post ids, to exercise drawing
    // (injection corpus, popover) independently of what the signals find.
    const { testAnnotations = {} } = await chrome.storage.local.get('testAnnotations');
    answer.annotations = answer.annotations.map((a) => (a && testAnnotations[a.id] ? { ...testAnnotations[a.id], id: a.id } : a));
  }
  return answer;
}

// Other sites (any Mastodon instance, any page of <article> posts): the user turns Helder on from
// the popup, which asks Chromium for that one origin (optional host permission, granted by the user);
// the content scripts are then registered for it and injected into the open tab.
function siteScriptId(origin) {
  return `helder-site-${new URL(origin).host}`;
}

async function enableSite(origin, tabId) {
  const u = new URL(origin);
  if (u.protocol !== 'https:' && !TEST_BUILD) return { ok: false, error: 'https only' };
  const pattern = `${u.protocol}//${u.host}/*`;
  if (!(await chrome.permissions.contains({ origins: [pattern] }))) return { ok: false, error: 'no permission for this site' };
  const id = siteScriptId(origin);
  const js = chrome.runtime.getManifest().content_scripts[0].js;
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await chrome.scripting.registerContentScripts([{ id, matches: [pattern], js, runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  if (Number.isInteger(tabId)) await chrome.scripting.executeScript({ target: { tabId }, files: js }).catch(() => {});
  return { ok: true };
}

async function disableSite(origin) {
  const u = new URL(origin);
  const id = siteScriptId(origin);
  if ((await chrome.scripting.getRegisteredContentScripts({ ids: [id] })).length) await chrome.scripting.unregisterContentScripts({ ids: [id] });
  await chrome.permissions.remove({ origins: [`${u.protocol}//${u.host}/*`] }).catch(() => false);
  return { ok: true };
}

async function handle(message, sender) {
  switch (message.type) {
    case 'analyze':
      if (!Array.isArray(message.posts) || message.posts.length > 200) return { ok: false, error: 'bad batch' };
      return analyze(message.posts);
    case 'analyzeDemo':
      if (!Array.isArray(message.posts) || message.posts.length > 500) return { ok: false, error: 'bad batch' };
      return toOffscreen({ type: 'analyzeDemo', posts: message.posts, settings: await engineSettings() });
    case 'validateRules':
    case 'stats':
    case 'forget':
      return toOffscreen({ type: message.type, name: message.name, text: message.text, settings: await engineSettings() });
    case 'forgetEverything': {
      // Settings stay; the coordination memory, the councillor report and the notices go.
      const answer = await toOffscreen({ type: 'forget', settings: await engineSettings() });
      await chrome.storage.local.remove(['report', 'councillorCurrent']);
      await chrome.storage.session.remove('notices');
      await chrome.action.setBadgeText({ text: '' });
      return answer;
    }
    case 'offscreenNotice':
      await addNotices([message.notice]);
      return { ok: true };
    case 'clearNotices':
      await chrome.storage.session.remove('notices');
      await chrome.action.setBadgeText({ text: '' });
      return { ok: true };
    case 'testLeak':
      // Test build only: the deliberate-leak test makes this worker and the offscreen document each
      // try a request, proving the recording proxy would see one.
      if (!TEST_BUILD) return { ok: false, error: 'not a test build' };
      await fetch(message.url + 'service-worker', { cache: 'no-store' }).catch(() => {});
      return toOffscreen({ type: 'testLeak', url: message.url + 'offscreen' });
    case 'enableSite':
      return enableSite(String(message.origin), message.tabId);
    case 'disableSite':
      return disableSite(String(message.origin));
    case 'siteState': {
      const ids = (await chrome.scripting.getRegisteredContentScripts()).map((c) => c.id);
      return { ok: true, added: ids.includes(siteScriptId(String(message.origin))) };
    }
    case 'openDemo':
      await chrome.tabs.create({ url: chrome.runtime.getURL('demo/demo.html') });
      return { ok: true };
    default:
      return undefined;
  }
}

const REQUESTS = new Set(['analyze', 'analyzeDemo', 'validateRules', 'stats', 'forget', 'forgetEverything', 'offscreenNotice', 'clearNotices', 'testLeak', 'openDemo', 'enableSite', 'disableSite', 'siteState']);

// Content scripts live in web pages' processes; they may only ask for analysis. Everything else
// (forget, rule packs, sites, ...) comes from Helder's own pages.
const CONTENT_REQUESTS = new Set(['analyze']);

function fromOwnPage(sender) {
  return typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}

function allowed(message, sender) {
  return REQUESTS.has(message.type) && (fromOwnPage(sender) || CONTENT_REQUESTS.has(message.type));
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!message || message.target === 'offscreen' || sender.id !== chrome.runtime.id || !REQUESTS.has(message.type)) return false;
  if (!allowed(message, sender)) {
    reply({ ok: false, error: 'not allowed from a web page' });
    return false;
  }
  const pending = handle(message, sender);
  pending.then((answer) => {
    if (answer !== undefined) reply(answer);
  }, (error) => reply({ ok: false, error: String(error && error.message) }));
  return true;
});

// Councillor mode: "Check with Helder" on a post or a selection opens the side panel with all signals.
async function syncMenu() {
  const s = await globalThis.HelderSettings.load();
  globalThis.HelderI18n.setLang(s.uiLang);
  await chrome.contextMenus.removeAll();
  if (s.councillorMode) {
    chrome.contextMenus.create({ id: MENU_ID, title: globalThis.HelderI18n.t('menuCheck'), contexts: ['selection', 'page', 'link'] });
  }
}

async function councillorCheck(info, tab) {
  let target = { post: null, annotation: null, url: tab && tab.url ? tab.url : '' };
  try {
    target = (await chrome.tabs.sendMessage(tab.id, { type: 'councillorTarget' })) || target;
  } catch {
    // No content script on this page: only the selected text can be checked.
  }
  let post = target.post;
  const selection = typeof info.selectionText === 'string' ? info.selectionText.slice(0, 16384) : '';
  if (selection && (!post || !post.text.includes(selection))) {
    post = { id: `selection:${Date.now()}`, platform: 'selection', author: '', text: selection, time: new Date().toISOString(), url: target.url || info.pageUrl || '' };
  }
  if (!post) {
    await chrome.storage.local.set({ councillorCurrent: { error: 'noPost', at: Date.now() } });
    return;
  }
  const answer = await analyze([post]).catch((error) => ({ ok: false, error: String(error.message) }));
  const annotation = answer && answer.ok ? answer.annotations[0] : null;
  await chrome.storage.local.set({ councillorCurrent: { post, annotation, pageUrl: target.url || info.pageUrl || '', at: Date.now(), error: annotation ? null : 'analysisFailed' } });
}

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || !tab) return;
  // The side panel must be opened in direct response to the click, before any await.
  chrome.sidePanel.open({ tabId: tab.id }).catch(() => {});
  councillorCheck(info, tab);
});

chrome.runtime.onInstalled.addListener(syncMenu);
chrome.runtime.onStartup.addListener(syncMenu);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) syncMenu();
});

// Exposed for the end-to-end tests (they evaluate code in this worker); harmless otherwise.
globalThis.helderDebug = { allowed, ensureOffscreen, offscreenExists, toOffscreen, councillorCheck, enableSite, disableSite };
