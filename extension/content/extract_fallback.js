// Stand-in for content/extract.js (the site adapters, built on the `sites` branch) so this branch
// runs end to end on its own: it knows only the generic page made of <article> posts. build.mjs
// uses it only when content/extract.js does not exist; remove it once the adapters are merged.
(() => {
  if (globalThis.HelderExtract) return;
  function matchSite(location, sites) {
    return sites.find((s) => s.id === 'generic') || { id: 'generic' };
  }
  function extractPosts(root) {
    const out = [];
    for (const element of root.querySelectorAll('article')) {
      const link = element.querySelector('a[href][rel~="bookmark"]');
      const id = element.getAttribute('data-post-id') || (link && link.href);
      const time = element.querySelector('time[datetime]');
      const author = element.querySelector('[rel~="author"], .author');
      const textEl = element.querySelector('.post-text, p');
      if (!id || !time || !textEl) continue;
      const anchor = element.querySelector('header') || element;
      out.push({
        element,
        anchor,
        post: {
          id,
          platform: 'generic',
          author: (author && (author.getAttribute('data-handle') || author.textContent) || '').trim().slice(0, 200),
          text: textEl.textContent.trim(),
          time: time.getAttribute('datetime'),
        },
      });
    }
    return out;
  }
  globalThis.HelderExtract = { matchSite, extractPosts };
})();
