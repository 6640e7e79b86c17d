// Drawing Helder's findings: the badge beside a post and the popover with the evidence. Used by the
// content script on social sites and by the extension's own pages (demo feed, side panel).
//
// Post text and everything the engine derived from it is untrusted. It only ever reaches the DOM
// through textContent or attribute values set with setAttribute on elements we create; no HTML
// string is ever parsed. Links are drawn only for https URLs whose host is on the allowlist
// (rules/sources.json and lib/help_links.json), never javascript:, data: or plain http.
//
// The badge lives in a closed shadow root, so page CSS cannot restyle it and page script cannot
// reach into it; post text sits outside it and cannot imitate it.
(() => {
  const SHADOW_MODE = 'closed';
  const t = (...a) => globalThis.HelderI18n.t(...a);
  const SYMBOL = globalThis.HelderSettings.SYMBOLS; // triangle, diamond, info
  const MAX_TEXT = 280; // characters of the post shown in the popover header

  // Okabe-Ito colours (distinguishable with the common colour-vision deficiencies); every signal
  // also has its own symbol and its name in words, so colour is never the only cue.
  const CSS = `
    :host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 2px 4px; }
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .badge { display: inline-flex; gap: 6px; align-items: center; cursor: pointer; border: 2px solid #1a1a1a;
      border-radius: 999px; padding: 2px 10px; background: #ffffff; color: #1a1a1a; font-size: 12px; line-height: 18px; font-weight: 600; }
    .badge:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
    .sig { display: inline-flex; align-items: center; gap: 3px; }
    .sym { font-size: 11px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .coordination .sym { color: #A85A00; } .ai .sym { color: #005A8C; } .election .sym { color: #006B4F; }
    .pop { position: fixed; z-index: 2147483647; width: min(420px, calc(100vw - 16px)); max-height: min(70vh, 560px);
      overflow: auto; background: #ffffff; color: #1a1a1a; border: 2px solid #1a1a1a; border-radius: 8px;
      padding: 12px 14px; box-shadow: 0 6px 24px rgba(0,0,0,.25); font-size: 14px; line-height: 1.45; text-align: left; }
    .pop[hidden] { display: none; }
    h2 { font-size: 16px; margin: 0 28px 6px 0; } h3 { font-size: 14px; margin: 12px 0 4px; }
    p, ul { margin: 4px 0; } ul { padding-left: 18px; }
    .quote { color: #333; border-left: 3px solid #767676; padding-left: 8px; margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .meta { color: #4a4a4a; font-size: 13px; }
    .close { position: absolute; top: 8px; right: 8px; border: 1px solid #1a1a1a; background: #fff; color: #1a1a1a;
      border-radius: 4px; font-size: 14px; width: 28px; height: 28px; cursor: pointer; }
    .close:focus-visible, a:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
    a { color: #004d80; }
    section { border-top: 1px solid #d0d0d0; margin-top: 8px; padding-top: 4px; }
  `;

  function el(tag, attrs = {}, text = null) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== null && text !== undefined) node.textContent = String(text);
    return node;
  }

  // The URL string to put in an href, or null: https only, no credentials, host on the allowlist.
  function safeHref(url) {
    if (typeof url !== 'string' || url.length > 2048) return null;
    let u;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol !== 'https:' || u.username || u.password) return null;
    const host = u.hostname.toLowerCase();
    const allowed = globalThis.HelderAllowedHosts || [];
    if (!allowed.some((h) => host === h || host.endsWith(`.${h}`))) return null;
    return u.href;
  }

  function linkOrText(url, title) {
    const href = safeHref(url);
    if (!href) return el('span', {}, title || String(url || ''));
    const a = el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, title || href);
    return a;
  }

  function clip(text, n) {
    const s = String(text ?? '');
    return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
  }

  function duration(seconds) {
    const s = Math.max(0, Number(seconds) || 0);
    if (s < 120) return t('durSeconds', Math.round(s));
    if (s < 7200) return t('durMinutes', Math.round(s / 60));
    if (s < 172800) return t('durHours', Math.round(s / 3600));
    return t('durDays', Math.round(s / 86400));
  }

  // The evidence, meaning and limits of each finding, as DOM (for the popover, the side panel and
  // the demo page). `which` lists the signals to show; `post` is the extracted post (optional).
  function renderDetails(container, annotation, which, post, options = {}) {
    if (post && typeof post.text === 'string') {
      const who = [post.author_name, post.author ? `@${String(post.author).replace(/^@/, '')}` : ''].filter(Boolean).join(' ');
      if (who) container.append(el('p', { class: 'meta' }, t('postBy', who)));
      container.append(el('p', { class: 'quote' }, clip(post.text, MAX_TEXT)));
    }
    for (const signal of which) {
      const section = el('section', { 'aria-label': t(`${signal}Title`) });
      section.append(el('h3', {}, `${SYMBOL[signal]} ${t(`${signal}Title`)}`));
      if (signal === 'coordination') {
        const c = annotation.coordination || {};
        section.append(el('p', {}, t(c.level === 'strong' ? 'coordinationStrong' : 'coordinationNotice')));
        const list = el('ul');
        for (const s of (Array.isArray(c.signals) ? c.signals : []).slice(0, 10)) {
          const li = el('li');
          li.append(el('span', {}, String(s.summary || s.kind || '')));
          li.append(el('span', { class: 'meta' }, ` (${t('evidenceCounts', Number(s.accounts) || 0, Number(s.posts) || 0, duration(s.span_s))})`));
          list.append(li);
        }
        if (list.childElementCount) section.append(list);
      } else if (signal === 'ai') {
        const a = annotation.ai || {};
        section.append(el('p', {}, t(a.level === 'likely' ? 'aiLikely' : 'aiUncertain', Math.round((Number(a.score) || 0) * 100))));
      } else if (signal === 'election') {
        const e = annotation.election || {};
        if (typeof e.why === 'string' && e.why) section.append(el('p', {}, e.why));
        const matched = (Array.isArray(e.matched) ? e.matched : []).slice(0, 8).map((m) => `\u201C${clip(m, 80)}\u201D`);
        if (matched.length) section.append(el('p', { class: 'meta' }, t('electionMatched', matched.join(', '))));
        const links = el('ul');
        for (const l of (Array.isArray(e.links) ? e.links : []).slice(0, 20)) {
          const li = el('li');
          li.append(linkOrText(l.url, l.title));
          if (l.source) li.append(el('span', { class: 'meta' }, ` \u2014 ${l.source}`));
          links.append(li);
        }
        if (links.childElementCount) section.append(el('p', {}, t('electionOfficial')), links);
      }
      if (signal === 'election' && options.councillor && annotation.election && annotation.election.councillor === true) {
        // Councillor mode, and the post is about the council or local elections: where to get help.
        const help = el('p', {});
        help.append(el('span', {}, `${t('councillorHelp')} `), linkOrText('https://www.desinformatieingemeente.nl/', 'desinformatieingemeente.nl'));
        section.append(help);
      }
      section.append(el('p', {}, `${t('meaningLabel')} ${t(`${signal}Meaning`)}`));
      section.append(el('p', { class: 'meta' }, `${t('limitsLabel')} ${t(`${signal}Limits`)}`));
      container.append(section);
    }
    return container;
  }

  // Attaches a badge for `which` (non-empty list of signal names) to `anchor`. Returns the host
  // element. The caller removes the host to take the badge away. options.councillor: councillor mode.
  function attachBadge(anchor, annotation, which, post, options = {}) {
    const host = document.createElement('helder-badge');
    host.setAttribute('data-helder-id', String(annotation.id || '').slice(0, 200));
    host.setAttribute('data-helder-signals', which.join(' '));
    const root = host.attachShadow({ mode: SHADOW_MODE });
    const style = document.createElement('style');
    style.textContent = CSS;
    // The accessible name is the visible text (WCAG 2.5.3) plus a hidden hint of what the button does.
    const button = el('button', { type: 'button', class: 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
    button.append(el('span', {}, 'Helder'));
    for (const s of which) {
      const chip = el('span', { class: `sig ${s}` });
      chip.append(el('span', { class: 'sym', 'aria-hidden': 'true' }, SYMBOL[s]), el('span', {}, t(`${s}Short`)));
      button.append(chip);
    }
    button.append(el('span', { class: 'sr' }, t('badgeHint')));
    const titleId = 'helder-pop-title';
    const pop = el('div', { class: 'pop', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, hidden: '' });
    const close = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '\u00D7');
    pop.append(close, el('h2', { id: titleId }, t('popTitle')));
    renderDetails(pop, annotation, which, post, options);
    root.append(style, button, pop);

    const place = () => {
      const r = button.getBoundingClientRect();
      const w = Math.min(420, window.innerWidth - 16);
      pop.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - w - 8))}px`;
      const below = r.bottom + 6;
      pop.style.top = `${Math.max(8, below + 300 > window.innerHeight && r.top > 320 ? r.top - Math.min(pop.offsetHeight || 300, r.top - 8) - 6 : below)}px`;
    };
    const onKey = (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        hide(true);
      } else if (e.key === 'Tab') {
        const items = [...pop.querySelectorAll('button, a[href]')];
        const first = items[0];
        const last = items[items.length - 1];
        const active = root.activeElement;
        if (e.shiftKey && active === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && active === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    const onOutside = (e) => {
      if (!e.composedPath().includes(host)) hide(false);
    };
    function show() {
      pop.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      place();
      close.focus();
      window.addEventListener('scroll', place, { passive: true, capture: true });
      document.addEventListener('pointerdown', onOutside, true);
    }
    function hide(returnFocus) {
      if (pop.hidden) return;
      pop.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      window.removeEventListener('scroll', place, { capture: true });
      document.removeEventListener('pointerdown', onOutside, true);
      if (returnFocus) button.focus();
    }
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation(); // the post underneath must not open as well
      if (pop.hidden) show();
      else hide(true);
    });
    pop.addEventListener('keydown', onKey);
    pop.addEventListener('click', (e) => e.stopPropagation());
    close.addEventListener('click', () => hide(true));
    anchor.append(host);
    return host;
  }

  globalThis.HelderUI = { attachBadge, renderDetails, safeHref, SYMBOL, CSS };
})();
