// The toolbar popup: what Helder found on this page, switches per site and per signal, the demo.
(async () => {
  const { t } = HelderI18n;
  let settings = await HelderSettings.load();
  HelderI18n.setLang(settings.uiLang);
  HelderI18n.localizePage();
  const $ = (id) => document.getElementById(id);

  async function showNotices() {
    const box = $('notices');
    box.replaceChildren();
    const { notices = [] } = await chrome.storage.session.get('notices');
    if (!Array.isArray(notices) || notices.length === 0) return;
    const kinds = [...new Set(notices.map((n) => n && n.kind).filter((k) => typeof k === 'string'))];
    for (const kind of kinds) {
      const p = document.createElement('p');
      p.className = 'notice';
      p.textContent = t(`notice_${kind}`);
      box.append(p);
    }
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.textContent = t('noticeDismiss');
    ok.addEventListener('click', async () => {
      await chrome.runtime.sendMessage({ type: 'clearNotices' });
      showNotices();
    });
    box.append(ok);
  }

  let page = null;
  let tab = null;
  try {
    [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tab && tab.id !== undefined) page = await chrome.tabs.sendMessage(tab.id, { type: 'pageFindings' });
  } catch {
    page = null; // no content script here: not a supported site
  }
  // The tab's address is known only because the user opened this popup on it (activeTab).
  let origin = null;
  try {
    const u = new URL(tab && tab.url);
    if (u.protocol === 'https:') origin = u.origin;
  } catch {
    origin = null;
  }

  async function showOtherSite() {
    if (!origin) return;
    const state = await chrome.runtime.sendMessage({ type: 'siteState', origin }).catch(() => null);
    const host = new URL(origin).host;
    if (state && state.added) {
      $('disable-here').textContent = t('popupDisableHere', host);
      $('added-site').hidden = false;
    } else if (!page) {
      $('enable-here').textContent = t('popupEnableHere', host);
      $('other-site').hidden = false;
    }
  }

  $('enable-here').addEventListener('click', async () => {
    // The permission prompt must come straight from the click.
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) return;
    await chrome.runtime.sendMessage({ type: 'enableSite', origin, tabId: tab.id });
    window.close();
  });
  $('disable-here').addEventListener('click', async () => {
    await chrome.runtime.sendMessage({ type: 'disableSite', origin });
    window.close();
  });

  function showFindings() {
    const counts = $('counts');
    counts.replaceChildren();
    if (!page || !page.site) {
      $('summary').textContent = t('popupNotSupported');
      $('site-on').disabled = true;
      return;
    }
    $('summary').textContent = page.active ? t('popupSummary', page.analysed, page.shown) : t('popupOff');
    for (const s of ['coordination', 'ai', 'election']) {
      const li = document.createElement('li');
      const sym = document.createElement('span');
      sym.className = `sym-${s}`;
      sym.setAttribute('aria-hidden', 'true');
      sym.textContent = `${HelderSettings.SYMBOLS[s]} `;
      li.append(sym, document.createTextNode(t('popupCount', t(`${s}Title`), page.counts[s])));
      counts.append(li);
    }
  }

  function showSwitches() {
    $('site-on').checked = Boolean(page && page.host && !settings.disabledSites.includes(page.host));
    for (const s of ['coordination', 'ai', 'election']) $(`sig-${s}`).checked = settings.signals[s];
  }

  $('site-on').addEventListener('change', async (e) => {
    const others = settings.disabledSites.filter((h) => h !== page.host);
    settings = await HelderSettings.update({ disabledSites: e.target.checked ? others : [...others, page.host] });
  });
  for (const s of ['coordination', 'ai', 'election']) {
    $(`sig-${s}`).addEventListener('change', async (e) => {
      settings = await HelderSettings.update({ signals: { [s]: e.target.checked } });
    });
  }
  $('demo').addEventListener('click', () => chrome.runtime.sendMessage({ type: 'openDemo' }));
  $('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

  // Classroom mode: the demo comes first, with a word on what it is.
  if (settings.classroomMode) {
    const intro = document.createElement('p');
    intro.textContent = t('popupClassroom');
    $('demo').parentElement.before(intro);
    document.querySelector('main').insertBefore($('demo').parentElement, $('notices'));
    document.querySelector('main').insertBefore(intro, $('demo').parentElement);
  }
  await showNotices();
  await showOtherSite();
  showFindings();
  showSwitches();
})();
