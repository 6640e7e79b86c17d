// The councillor report: posts the user chose to keep ("add to report"), stored locally in
// chrome.storage.local, at most 200 entries. Shared by the side panel and the report page.
(() => {
  const MAX = 200;
  async function list() {
    const { report = [] } = await chrome.storage.local.get('report');
    return Array.isArray(report) ? report.filter((e) => e && e.post && typeof e.post.text === 'string') : [];
  }
  async function add(entry) {
    const items = await list();
    const key = `${entry.post.platform}\u0000${entry.post.id}`;
    const rest = items.filter((e) => `${e.post.platform}\u0000${e.post.id}` !== key);
    const next = [...rest, { ...entry, addedAt: new Date().toISOString() }].slice(-MAX);
    await chrome.storage.local.set({ report: next });
    return next.length;
  }
  async function clear() {
    await chrome.storage.local.remove('report');
  }

  // Every signal's state in words, including "nothing found" and "not available", for the side
  // panel and the report (councillors see the whole picture, not only what a badge would show).
  function allSignals(container, annotation, post) {
    const t = globalThis.HelderI18n.t;
    const everything = { ...globalThis.HelderSettings.normalize(null), sensitivity: 'high' };
    const which = globalThis.HelderSettings.findings(annotation, everything);
    globalThis.HelderUI.renderDetails(container, annotation, which, post, { councillor: true });
    for (const s of ['coordination', 'ai', 'election']) {
      if (which.includes(s)) continue;
      const p = document.createElement('p');
      p.className = 'meta';
      let state = t('stateNothing');
      if (s === 'ai' && annotation && annotation.ai && annotation.ai.status !== 'scored') state = t(`aiStatus_${annotation.ai.status}`);
      if (s === 'ai' && annotation && annotation.ai && annotation.ai.status === 'scored') state = t('aiLow', Math.round(annotation.ai.score * 100));
      p.textContent = `${globalThis.HelderSettings.SYMBOLS[s]} ${t(`${s}Title`)}: ${state}`;
      container.append(p);
    }
    return container;
  }

  globalThis.HelderReport = { list, add, clear, allSignals, MAX };
})();
