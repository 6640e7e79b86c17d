// The councillor report as a printable page and as JSON: each kept post with its time, URL and
// every signal's evidence, and where to report or get help.
(async () => {
  const { t } = HelderI18n;
  const $ = (id) => document.getElementById(id);
  const settings = await HelderSettings.load();
  const lang = HelderI18n.setLang(settings.uiLang);
  HelderI18n.localizePage();
  const help = await (await fetch('../lib/help_links.json')).json();

  async function render() {
    const items = await HelderReport.list();
    $('generated').textContent = t('reportGenerated', new Date().toLocaleString(lang), items.length);
    const box = $('items');
    box.replaceChildren();
    if (items.length === 0) box.append(Object.assign(document.createElement('p'), { textContent: t('reportEmpty') }));
    for (const entry of items) {
      const article = document.createElement('article');
      const meta = Object.assign(document.createElement('p'), { className: 'meta' });
      meta.textContent = [entry.post.time, entry.post.platform, entry.post.url || entry.pageUrl, `${t('reportAdded')} ${entry.addedAt}`].filter(Boolean).join(' \u00B7 ');
      article.append(meta);
      HelderReport.allSignals(article, entry.annotation, entry.post);
      box.append(article);
    }
    const list = $('help');
    list.replaceChildren();
    for (const link of help.links) {
      const li = document.createElement('li');
      const href = HelderUI.safeHref(link.url);
      const a = document.createElement(href ? 'a' : 'span');
      if (href) {
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
      a.textContent = link[lang] || link.en;
      li.append(a, document.createTextNode(` \u2014 ${link.url}`));
      list.append(li);
    }
  }

  $('print').addEventListener('click', () => window.print());
  $('json').addEventListener('click', async () => {
    const items = await HelderReport.list();
    const doc = { format: 'helder-report', version: 1, generated: new Date().toISOString(), items, help: help.links.map((l) => ({ url: l.url, title: l[lang] || l.en })) };
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    a.download = `helder-report-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
  $('clear').addEventListener('click', async () => {
    await HelderReport.clear();
    render();
  });
  render();
})();
