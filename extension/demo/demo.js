// The classroom demo: a bundled, offline Dutch feed (demo/feed.jsonl) with a planted copy-paste
// campaign, a co-sharing burst, AI-written-style posts and claims about how voting works. It is
// analysed by a separate engine (nothing of it enters the user's own coordination memory) and drawn
// with the same badges and popovers as on real sites, plus a one-line explanation under each finding.
(async () => {
  const { t } = HelderI18n;
  const settings = await HelderSettings.load();
  HelderI18n.setLang(settings.uiLang);
  HelderI18n.localizePage();
  const status = document.getElementById('status');
  const feed = document.getElementById('feed');
  status.textContent = t('demoLoading');

  const text = await (await fetch('feed.jsonl')).text();
  const posts = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  posts.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));

  const articles = new Map();
  for (const p of posts) {
    const article = document.createElement('article');
    article.dataset.postId = p.id;
    const head = document.createElement('div');
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = `${p.author_name || ''} @${p.author}`;
    const when = document.createElement('time');
    when.className = 'when';
    when.dateTime = p.time;
    // The feed's own clock (UTC), as the teacher notes use it.
    when.textContent = new Date(p.time).toLocaleString(HelderI18n.current(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    head.append(who, when);
    const body = document.createElement('p');
    body.className = 'text';
    body.textContent = p.text;
    article.append(head, body);
    if (Array.isArray(p.links) && p.links.length) {
      const l = document.createElement('p');
      l.className = 'meta';
      l.textContent = `${t('demoLinkLabel')} ${p.links.join(' ')}`; // shown, never a link: demo links go nowhere
      article.append(l);
    }
    feed.append(article);
    articles.set(p.id, { article, head, post: p });
  }

  let answer;
  try {
    answer = await chrome.runtime.sendMessage({ type: 'analyzeDemo', posts });
  } catch (error) {
    answer = { ok: false, error: String(error.message) };
  }
  if (!answer || !answer.ok) {
    status.textContent = t('demoFailed', (answer && answer.error) || '');
    return;
  }
  // Everything the signals say, including "uncertain" AI scores: the class looks at the evidence.
  const all = { ...settings, signals: { coordination: true, ai: true, election: true }, sensitivity: 'high' };
  const counts = { coordination: 0, ai: 0, election: 0 };
  for (const a of answer.annotations) {
    const entry = articles.get(a.id);
    if (!entry) continue;
    const which = HelderSettings.findings(a, all);
    if (which.length === 0) continue;
    entry.article.classList.add('flagged');
    HelderUI.attachBadge(entry.head, a, which, entry.post);
    for (const s of which) {
      counts[s] += 1;
      const why = document.createElement('p');
      why.className = 'why';
      const sym = document.createElement('span');
      sym.className = `sym-${s}`;
      sym.setAttribute('aria-hidden', 'true');
      sym.textContent = `${HelderSettings.SYMBOLS[s]} `;
      why.append(sym, document.createTextNode(demoLine(s, a)));
      entry.article.append(why);
    }
  }
  status.textContent = t('demoDone', posts.length, counts.coordination, counts.ai, counts.election);
  document.body.dataset.helderDone = 'true';

  function demoLine(signal, a) {
    if (signal === 'coordination') {
      const first = (a.coordination.signals || [])[0];
      return `${t('coordinationTitle')}: ${first ? first.summary : t('coordinationNotice')}`;
    }
    if (signal === 'ai') return `${t('aiTitle')}: ${t(a.ai.level === 'likely' ? 'aiLikely' : 'aiUncertain', Math.round(a.ai.score * 100))}`;
    const links = (a.election.links || []).map((l) => l.title).filter(Boolean).slice(0, 2).join('; ');
    return `${t('electionTitle')}: ${links || t('electionOfficial')}`;
  }
})();
