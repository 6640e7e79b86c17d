// Site adapters: reads posts from a page using the selectors of rules/sites/<site>.json (bundled by
// build.mjs as globalThis.HelderSites), so a platform's DOM change is a data edit. A classic script
// (content scripts are not modules). It only reads the DOM: never innerHTML, never a regex built
// from page text (the only patterns are the site files' own), and every loop and string is bounded.
(() => {
  const MAX_POSTS = 200;
  const MAX_TEXT = 16 * 1024;
  const MAX_LIST = 64;

  function hostMatches(host, pattern) {
    return host === pattern || host.endsWith(`.${pattern}`);
  }

  // The adapter for this page: by host first, then by a DOM marker (Mastodon runs on any instance,
  // social.overheid.nl included), then the generic <article> page.
  function matchSite(location, sites) {
    const host = String(location.hostname || '').toLowerCase();
    for (const s of sites) if ((s.match?.hosts || []).some((h) => hostMatches(host, h))) return s;
    const doc = globalThis.document;
    if (doc) for (const s of sites) if (s.match?.dom && safeQuery(doc, s.match.dom)) return s;
    return sites.find((s) => s.id === 'generic') || null;
  }

  function safeQuery(root, selector) {
    try {
      return root.querySelector(selector);
    } catch {
      return null;
    }
  }

  function safeQueryAll(root, selector, max) {
    try {
      return Array.prototype.slice.call(root.querySelectorAll(selector), 0, max);
    } catch {
      return [];
    }
  }

  // Visible text with line breaks and emoji images (their alt text) kept, bounded.
  function readText(element) {
    let out = '';
    const walk = (node, depth) => {
      if (out.length >= MAX_TEXT || depth > 64) return;
      for (let child = node.firstChild; child && out.length < MAX_TEXT; child = child.nextSibling) {
        if (child.nodeType === 3) out += child.nodeValue;
        else if (child.nodeType === 1) {
          const tag = child.tagName;
          if (tag === 'BR') out += '\n';
          else if (tag === 'IMG') out += child.getAttribute('alt') || '';
          else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HELDER-BADGE') continue;
          else {
            const block = tag === 'P' || tag === 'DIV' || tag === 'LI';
            if (block && out && !out.endsWith('\n')) out += '\n';
            walk(child, depth + 1);
          }
        }
      }
    };
    walk(element, 0);
    return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_TEXT);
  }

  function absolute(href) {
    try {
      return new URL(href, globalThis.location?.href).href;
    } catch {
      return '';
    }
  }

  // One field by its spec: {selector?, attr?, pattern?, self?}. `pattern` comes from the site file
  // (trusted data), never from the page; its first group is the value.
  function field(element, spec, { text = false } = {}) {
    if (!spec) return '';
    const target = spec.self ? element : spec.selector ? safeQuery(element, spec.selector) : element;
    if (!target) return '';
    let value = spec.attr ? target.getAttribute(spec.attr) || '' : text ? readText(target) : (target.textContent || '').trim();
    if (spec.attr === 'href' && value) value = absolute(value);
    if (spec.pattern && value) {
      let re;
      try {
        re = new RegExp(spec.pattern);
      } catch {
        return '';
      }
      const m = re.exec(value.slice(0, 2048));
      value = m ? m[1] || m[0] : '';
    }
    return String(value).slice(0, spec.attr ? 2048 : MAX_TEXT);
  }

  function list(element, spec) {
    if (!spec) return [];
    const out = [];
    for (const node of safeQueryAll(element, spec.selector, MAX_LIST * 2)) {
      let value = spec.attr ? node.getAttribute(spec.attr) || '' : (node.textContent || '').trim();
      if (spec.attr === 'href') value = absolute(value);
      if (spec.prefix_strip && value.startsWith(spec.prefix_strip)) value = value.slice(spec.prefix_strip.length);
      if (value && !out.includes(value)) out.push(value.slice(0, 1024));
      if (out.length >= MAX_LIST) break;
    }
    return out;
  }

  function excluded(element, site) {
    for (const sel of site.exclude || []) {
      try {
        if (element.matches(sel) || element.querySelector(sel) || element.closest(sel)) return true;
      } catch {
        /* a bad selector in an imported file excludes nothing */
      }
    }
    return false;
  }

  function extractPosts(root, site, options = {}) {
    if (!site || !site.post) return [];
    const marker = options.marker || null;
    const out = [];
    const seen = new Set();
    for (const element of safeQueryAll(root, site.post, MAX_POSTS * 2)) {
      if (out.length >= MAX_POSTS) break;
      if (marker && element.hasAttribute(marker)) continue;
      if (excluded(element, site)) continue;
      const f = site.fields || {};
      const permalink = field(element, f.permalink);
      const id = field(element, f.id) || permalink;
      const text = field(element, f.text, { text: true });
      if (!id || !text || seen.has(id)) continue;
      seen.add(id);
      let author = field(element, f.author);
      if (f.author?.strip_at && author.startsWith('@')) author = author.slice(1);
      const post = { id: id.slice(0, 1024), platform: site.platform || site.id, author: author || 'unknown', text };
      const name = field(element, f.author_name);
      if (name) post.author_name = name.slice(0, 200);
      const time = field(element, f.time);
      // Without a machine-readable time, the moment it was seen (documented per site in docs/SITES.md).
      post.time = time && !Number.isNaN(Date.parse(time)) ? time : /^\d{9,11}$/.test(time) ? Number(time) : new Date().toISOString();
      if (permalink) post.url = permalink;
      const links = list(element, f.links).filter((l) => /^https?:/i.test(l) && !(site.internal_link_hosts || []).some((h) => hostMatches(new URL(l).hostname, h)));
      if (links.length) post.links = links;
      const tags = list(element, f.hashtags).map((t) => t.replace(/^#/, ''));
      if (tags.length) post.hashtags = tags;
      const reply = field(element, f.reply_to);
      if (reply) post.reply_to = reply.slice(0, 1024);
      const shared = field(element, f.shared_object);
      if (shared && shared !== id) post.shared_object = shared.slice(0, 1024);
      const lang = field(element, f.lang);
      if (lang) post.lang = lang.slice(0, 16);
      const anchor = (site.anchor && safeQuery(element, site.anchor)) || element;
      out.push({ element, anchor, post });
    }
    return out;
  }

  function validateSite(site) {
    const errors = [];
    if (!site || typeof site !== 'object') return ['not an object'];
    if (typeof site.id !== 'string' || !/^[a-z0-9_-]{1,32}$/.test(site.id)) errors.push('id');
    if (typeof site.post !== 'string' || !site.post) errors.push('post selector');
    if (!site.fields || !site.fields.text) errors.push('fields.text');
    return errors;
  }

  globalThis.HelderExtract = { matchSite, extractPosts, validateSite, readText };
})();
