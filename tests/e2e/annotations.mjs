// Annotations the tests dictate through the test build's `testAnnotations` hook (background/sw.js),
// so drawing can be tested exactly, independently of what the signals find in fixture text.
export function nothing(id) {
  return {
    id, lang: 'nl',
    coordination: { level: 'none', score: 0, cluster: null, signals: [] },
    ai: { status: 'unavailable', score: null, level: null },
    election: { topic: false, links: [], matched: [] },
    errors: [],
  };
}

export function coordination(id, summary = '7 accounts posted near-identical text within 4 minutes') {
  const a = nothing(id);
  a.coordination = { level: 'strong', score: 0.9, cluster: 'c1', signals: [{ kind: 'copy_paste', accounts: 7, posts: 7, span_s: 250, summary }] };
  return a;
}

export function ai(id, level = 'likely', score = 0.91) {
  const a = nothing(id);
  a.ai = { status: 'scored', score, level };
  return a;
}

export function election(id, links = [{ url: 'https://www.kiesraad.nl/verkiezingen', title: 'Kiesraad: hoe stemmen werkt', source: 'Kiesraad' }], matched = ['per post stemmen']) {
  const a = nothing(id);
  a.election = { topic: true, links, matched, councillor: true, why: 'Dit bericht gaat over hoe je stemt.' };
  return a;
}

export function all(id) {
  const a = coordination(id);
  a.ai = ai(id).ai;
  a.election = election(id).election;
  return a;
}

export async function dictate(sw, map) {
  await sw.evaluate((m) => chrome.storage.local.set({ testAnnotations: m }), map);
}
