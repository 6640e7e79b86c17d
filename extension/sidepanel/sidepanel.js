// Councillor mode side panel: the post or selection the user asked about ("Check with Helder" in
// the context menu), with every signal and its evidence; "add to report" keeps it locally.
(async () => {
  const { t } = HelderI18n;
  const $ = (id) => document.getElementById(id);
  const settings = await HelderSettings.load();
  HelderI18n.setLang(settings.uiLang);
  HelderI18n.localizePage();
  let current = null;

  async function showCount() {
    $('report-count').textContent = t('panelCount', (await HelderReport.list()).length);
  }

  function show(entry) {
    current = entry && entry.post && entry.annotation ? entry : null;
    const box = $('result');
    box.replaceChildren();
    if (!entry) {
      box.append(Object.assign(document.createElement('p'), { textContent: t('panelEmpty') }));
    } else if (entry.error) {
      box.append(Object.assign(document.createElement('p'), { className: 'notice', textContent: t(`panel_${entry.error}`) }));
    } else {
      const when = Object.assign(document.createElement('p'), { className: 'meta' });
      when.textContent = `${entry.post.time || ''} ${entry.post.url || entry.pageUrl || ''}`;
      box.append(when);
      HelderReport.allSignals(box, entry.annotation, entry.post);
    }
    $('add').disabled = !current;
  }

  $('add').addEventListener('click', async () => {
    if (!current) return;
    await HelderReport.add({ post: current.post, annotation: current.annotation, pageUrl: current.pageUrl || '' });
    await showCount();
  });
  $('open-report').addEventListener('click', () => chrome.tabs.create({ url: chrome.runtime.getURL('report/report.html') }));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.councillorCurrent) show(changes.councillorCurrent.newValue);
  });
  const { councillorCurrent = null } = await chrome.storage.local.get('councillorCurrent');
  show(councillorCurrent);
  showCount();
})();
