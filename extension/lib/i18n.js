// UI strings in Dutch and English. The language follows the browser unless the user chose one in
// the options; chrome.i18n cannot switch language at run time, so the build bundles both message
// files into lib/build_data.js (globalThis.HelderMessages) and this reads them.
(() => {
  let lang = null;

  function browserLang() {
    let ui = 'en';
    try {
      ui = chrome.i18n.getUILanguage() || 'en';
    } catch {
      ui = (globalThis.navigator && navigator.language) || 'en';
    }
    return ui.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  }

  function setLang(setting) {
    lang = setting === 'nl' || setting === 'en' ? setting : browserLang();
    return lang;
  }

  function current() {
    return lang || setLang('auto');
  }

  // t('key', 'a', 'b') fills $1, $2 in the message. Unknown keys show the key (never undefined).
  function t(key, ...subs) {
    const table = (globalThis.HelderMessages || {})[current()] || {};
    const fallback = (globalThis.HelderMessages || {}).en || {};
    const entry = table[key] || fallback[key];
    let text = entry ? entry.message : key;
    subs.forEach((s, i) => {
      text = text.split(`$${i + 1}`).join(String(s));
    });
    return text;
  }

  // Fills every element with data-i18n (textContent) and data-i18n-aria (aria-label) in a page.
  function localizePage(root = document) {
    document.documentElement.lang = current();
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
    for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  }

  globalThis.HelderI18n = { t, setLang, current, localizePage, browserLang };
})();
