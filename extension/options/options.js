// Options: signals, sensitivity, language, memory (retention, cap, forget everything), modes, and
// rule packs. An imported pack is checked by the engine itself (in a scratch engine in the offscreen
// document) and used only if every pack in the file passes; a bad file is rejected whole, naming the
// pack and the engine's reason.
(async () => {
  const { t } = HelderI18n;
  const $ = (id) => document.getElementById(id);
  let settings = await HelderSettings.load();
  HelderI18n.setLang(settings.uiLang);
  HelderI18n.localizePage();
  const FORMAT = 'helder-rule-packs';

  function fill() {
    for (const s of ['coordination', 'ai', 'election']) $(`sig-${s}`).checked = settings.signals[s];
    $('sensitivity').value = settings.sensitivity;
    $('uiLang').value = settings.uiLang;
    $('retentionDays').value = settings.retentionDays;
    $('storeCapMB').value = settings.storeCapMB;
    $('councillorMode').checked = settings.councillorMode;
    $('classroomMode').checked = settings.classroomMode;
  }

  async function save(patch) {
    settings = await HelderSettings.update(patch);
    fill();
    $('saved').textContent = t('optSaved');
  }

  for (const s of ['coordination', 'ai', 'election']) $(`sig-${s}`).addEventListener('change', (e) => save({ signals: { [s]: e.target.checked } }));
  $('sensitivity').addEventListener('change', (e) => save({ sensitivity: e.target.value }));
  $('uiLang').addEventListener('change', async (e) => {
    await save({ uiLang: e.target.value });
    HelderI18n.setLang(settings.uiLang);
    HelderI18n.localizePage();
  });
  $('retentionDays').addEventListener('change', (e) => save({ retentionDays: e.target.value }));
  $('storeCapMB').addEventListener('change', (e) => save({ storeCapMB: e.target.value }));
  $('councillorMode').addEventListener('change', (e) => save({ councillorMode: e.target.checked }));
  $('classroomMode').addEventListener('change', (e) => save({ classroomMode: e.target.checked }));
  $('demo').addEventListener('click', () => chrome.runtime.sendMessage({ type: 'openDemo' }));
  $('report').addEventListener('click', () => chrome.tabs.create({ url: chrome.runtime.getURL('report/report.html') }));

  $('forget').addEventListener('click', () => {
    $('forget-confirm').hidden = false;
    $('forget-confirm').focus();
  });
  $('forget-confirm').addEventListener('click', async () => {
    $('forget-confirm').hidden = true;
    const answer = await chrome.runtime.sendMessage({ type: 'forgetEverything' }).catch((e) => ({ ok: false, error: e.message }));
    $('forget-status').textContent = answer && answer.ok ? t('optForgotten') : t('optForgetFailed', (answer && answer.error) || '');
    showStats();
  });

  async function showStats() {
    const answer = await chrome.runtime.sendMessage({ type: 'stats' }).catch(() => null);
    $('stats').textContent = answer && answer.ok ? t('optStats', JSON.stringify(answer.stats.coordination || {}), answer.ai ? t('yes') : t('no')) : '';
  }

  async function showNotices() {
    const { notices = [] } = await chrome.storage.session.get('notices');
    $('notices').replaceChildren();
    for (const kind of new Set((Array.isArray(notices) ? notices : []).map((n) => n && n.kind).filter((k) => typeof k === 'string'))) {
      const p = document.createElement('p');
      p.className = 'notice';
      p.textContent = t(`notice_${kind}`);
      $('notices').append(p);
    }
  }

  // Import: {"format": "helder-rule-packs", "packs": {"rules/<folder>/<file>.json": {...}}}, or a
  // single pack whose file name says where it goes (rules/<folder>/<file>.json is asked for).
  $('import').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    const status = $('rules-status');
    if (!file) return;
    status.textContent = t('optChecking');
    let packs;
    try {
      if (file.size > 4 * 1024 * 1024) throw new Error(t('optTooBig'));
      const doc = JSON.parse(await file.text());
      if (!doc || doc.format !== FORMAT || typeof doc.packs !== 'object' || Array.isArray(doc.packs)) throw new Error(t('optBadFormat', FORMAT));
      packs = Object.entries(doc.packs).map(([name, pack]) => [name, typeof pack === 'string' ? pack : JSON.stringify(pack)]);
      if (packs.length === 0 || packs.length > 50) throw new Error(t('optBadFormat', FORMAT));
    } catch (error) {
      status.textContent = t('optRejected', file.name, error.message);
      e.target.value = '';
      return;
    }
    for (const [name, text] of packs) {
      const result = await chrome.runtime.sendMessage({ type: 'validateRules', name, text }).catch((err) => ({ ok: false, error: err.message }));
      if (!result || !result.ok) {
        status.textContent = t('optRejected', `${file.name}: ${name}`, (result && result.error) || '?');
        e.target.value = '';
        return;
      }
    }
    const { customRules = {} } = await chrome.storage.local.get('customRules');
    await chrome.storage.local.set({ customRules: { ...customRules, ...Object.fromEntries(packs) } });
    status.textContent = t('optImported', packs.length);
    e.target.value = '';
  });

  $('export').addEventListener('click', async () => {
    const bundled = await (await fetch('../engine/resources.json')).json();
    const { customRules = {} } = await chrome.storage.local.get('customRules');
    const packs = {};
    for (const [name, text] of Object.entries({ ...bundled, ...customRules })) {
      if (!name.startsWith('rules/')) continue;
      try {
        packs[name] = JSON.parse(text);
      } catch {
        packs[name] = text;
      }
    }
    const blob = new Blob([JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), packs }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'helder-rule-packs.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });

  $('drop-custom').addEventListener('click', async () => {
    await chrome.storage.local.remove('customRules');
    $('rules-status').textContent = t('optDropped');
  });

  fill();
  showNotices();
  showStats();
})();
