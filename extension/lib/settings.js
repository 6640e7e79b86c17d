// Settings shared by every part of the extension (classic script: content scripts load it with
// <script>-like injection, modules import it for its side effect). Settings live in
// chrome.storage.local under "settings"; anything missing, of the wrong type or out of range falls
// back to its default, so a corrupted or half-written settings object can never break Helder and a
// reset of the coordination memory never touches them.
(() => {
  const DEFAULTS = Object.freeze({
    enabled: true,
    signals: Object.freeze({ coordination: true, ai: true, election: true }),
    sensitivity: 'normal', // low | normal | high
    retentionDays: 30, // how long the coordination memory keeps what it saw
    storeCapMB: 8, // the most the saved coordination memory may take on disk
    uiLang: 'auto', // auto (browser language) | nl | en
    councillorMode: false,
    classroomMode: false,
    disabledSites: Object.freeze([]), // hostnames where the user switched Helder off
  });
  const LIMITS = { retentionDays: [1, 365], storeCapMB: [1, 64] };

  function clampInt(value, [lo, hi], fallback) {
    const n = Number(value);
    if (!Number.isFinite(n)) return fallback;
    return Math.min(hi, Math.max(lo, Math.round(n)));
  }

  function normalize(raw) {
    const s = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const signals = s.signals && typeof s.signals === 'object' ? s.signals : {};
    return {
      enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULTS.enabled,
      signals: {
        coordination: typeof signals.coordination === 'boolean' ? signals.coordination : true,
        ai: typeof signals.ai === 'boolean' ? signals.ai : true,
        election: typeof signals.election === 'boolean' ? signals.election : true,
      },
      sensitivity: ['low', 'normal', 'high'].includes(s.sensitivity) ? s.sensitivity : DEFAULTS.sensitivity,
      retentionDays: clampInt(s.retentionDays, LIMITS.retentionDays, DEFAULTS.retentionDays),
      storeCapMB: clampInt(s.storeCapMB, LIMITS.storeCapMB, DEFAULTS.storeCapMB),
      uiLang: ['auto', 'nl', 'en'].includes(s.uiLang) ? s.uiLang : DEFAULTS.uiLang,
      councillorMode: typeof s.councillorMode === 'boolean' ? s.councillorMode : false,
      classroomMode: typeof s.classroomMode === 'boolean' ? s.classroomMode : false,
      disabledSites: Array.isArray(s.disabledSites)
        ? s.disabledSites.filter((h) => typeof h === 'string' && h.length < 256).slice(0, 1000)
        : [],
    };
  }

  async function load() {
    try {
      const got = await chrome.storage.local.get('settings');
      return normalize(got.settings);
    } catch {
      return normalize(null);
    }
  }

  async function save(settings) {
    const clean = normalize(settings);
    await chrome.storage.local.set({ settings: clean });
    return clean;
  }

  async function update(patch) {
    const current = await load();
    return save({ ...current, ...patch, signals: { ...current.signals, ...(patch.signals || {}) } });
  }

  // What a badge shows for one annotation under these settings: a list of signal names with
  // something to say. "uncertain" AI scores and "notice" coordination count only at the sensitivity
  // where the user asked for more.
  function findings(annotation, settings) {
    const out = [];
    if (!annotation || typeof annotation !== 'object') return out;
    const c = annotation.coordination;
    if (settings.signals.coordination && c && (c.level === 'strong' || (c.level === 'notice' && settings.sensitivity !== 'low'))) {
      out.push('coordination');
    }
    const a = annotation.ai;
    if (settings.signals.ai && a && a.status === 'scored' && (a.level === 'likely' || (a.level === 'uncertain' && settings.sensitivity === 'high'))) {
      out.push('ai');
    }
    const e = annotation.election;
    if (settings.signals.election && e && e.topic === true) out.push('election');
    return out;
  }

  // Each signal has its own symbol beside its name, so colour is never the only cue.
  const SYMBOLS = Object.freeze({ coordination: '\u25B2', ai: '\u25C6', election: '\u2139' });

  globalThis.HelderSettings = { SYMBOLS, DEFAULTS, LIMITS, normalize, load, save, update, findings };
})();
