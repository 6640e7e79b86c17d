// The coordination signal on the published artificial campaigns (Pohl et al., ICWSM 2022 workshop
// NEATCLasS): ../shared/data/coordination/artificial_campaigns. Each campaign file holds only the
// campaign's posts (GPT-Neo tweets written in the style of real accounts, pseudonymised); the user
// prefix user1_/user2_/user3_ is the attack number within the stereotype (config_stereotypes.json:
// S1 one attack, S2 three, S3 two). The original stream they were mixed into is not published, so the
// organic side here is (a) originals.json, the real tweets of the same accounts that served as
// blueprints, and (b) the organic background of tools/eval_coordination.mjs (Dutch party tweets and
// TweepFake human tweets), both placed at seeded random times around each campaign. Everything goes
// through the wasm engine in time order. Reported per stereotype: post-level precision and recall of
// `coordination.level != none`, and organic posts flagged. Deterministic (seeded).
// Usage: node tools/eval_artificial_campaigns.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DATA, organicTexts, analyzeInOrder, confusion } from './coordination_eval_support.mjs';

const DIR = path.join(SHARED_DATA, 'coordination', 'artificial_campaigns');
if (!fs.existsSync(DIR) || !fs.existsSync(path.join(SHARED_DATA, 'aitext'))) {
  console.log('eval_artificial_campaigns: ../shared is absent, skipped');
  process.exit(0);
}
const jsonl = (file) => fs.readFileSync(path.join(DIR, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
let seed = 4242;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

// Stereotype -> campaign file (names as published, including the "oartificial" typo).
const CAMPAIGNS = {
  S1: 'pseudonymized_artificial_campaign_S1.json',
  S2: 'pseudonymized_artificial_campaign_S2.json',
  S3: 'pseudonymized_oartificial_campaign_S3.json',
  S1_gpt_test: 'pseudonymized_artificial_campaign_S1_gpt-test.json',
};
const originals = jsonl('originals.json');
const background = organicTexts();
const BACKGROUND_PER_CAMPAIGN = 500;

// One stream: every campaign file, the organic background around each, and (withOriginals) the real
// tweets of the same accounts; sorted by time and fed through one engine.
async function evaluate(withOriginals) {
  seed = 4242;
  const posts = [];
  const labels = { campaign_posts: 0, originals: 0, background: 0 };
  let b = 0;
  for (const [stereotype, file] of Object.entries(CAMPAIGNS)) {
    const rows = jsonl(file);
    const times = rows.map((r) => r.timestamp / 1000);
    const t0 = Math.min(...times) - 3600, t1 = Math.max(...times) + 3600;
    const at = () => Math.floor(t0 + rnd() * (t1 - t0));
    for (const r of rows) {
      posts.push({ id: `${stereotype}-${r.tweetID}-${posts.length}`, platform: 'x', author: r.user, text: r.tweets, time: r.timestamp / 1000,
        kind: stereotype, attack: r.user.split('_')[0] });
      labels.campaign_posts++;
    }
    const campaign = stereotype.replace('_gpt_test', '_gpt-test');
    for (const o of originals.filter((x) => x.campaign === campaign)) {
      const time = at();  // drawn either way, so the background lands on the same times in both runs
      if (!withOriginals) continue;
      posts.push({ id: `orig-${posts.length}`, platform: 'x', author: o.user, text: o.tweets, time, kind: 'organic_originals', of: stereotype });
      labels.originals++;
    }
    for (let j = 0; j < BACKGROUND_PER_CAMPAIGN; j++, b++) {
      posts.push({ id: `bg-${posts.length}`, platform: 'x', author: `person${Math.floor(rnd() * 3000)}`, text: background[b % background.length], time: at(),
        kind: 'organic_background', of: stereotype });
      labels.background++;
    }
  }
  posts.sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : 1));

  const out = await analyzeInOrder(posts, ['kind', 'attack', 'of']);
  const isCampaign = (p) => p.kind in CAMPAIGNS;
  const flagged = (i) => out[i].coordination.level !== 'none';
  const result = { posts: posts.length, labels, overall: confusion(posts, out, isCampaign), byStereotype: {}, organic: {}, caughtBy: {}, clustersWith: {} };
  for (const stereotype of Object.keys(CAMPAIGNS)) {
    // Per stereotype: its campaign posts against the organic posts placed around it.
    const idx = posts.map((p, i) => i).filter((i) => posts[i].kind === stereotype || posts[i].of === stereotype);
    const c = confusion(idx.map((i) => posts[i]), idx.map((i) => out[i]), isCampaign);
    const attacks = {};
    for (const i of idx.filter((k) => posts[k].kind === stereotype)) {
      const a = (attacks[posts[i].attack] ||= { posts: 0, accounts: new Set(), flagged: 0 });
      a.posts++;
      a.accounts.add(posts[i].author);
      if (flagged(i)) a.flagged++;
    }
    for (const a of Object.values(attacks)) a.accounts = a.accounts.size;
    result.byStereotype[stereotype] = { campaign_posts: c.tp + c.fn, ...c, attacks };
  }
  for (const kind of ['organic_originals', 'organic_background']) {
    const idx = posts.map((p, i) => i).filter((i) => posts[i].kind === kind);
    result.organic[kind] = { posts: idx.length, flagged: idx.filter(flagged).length };
  }
  // What the flagged campaign posts were grouped with: other campaign posts only, or organic posts too.
  const members = {};
  posts.forEach((p, i) => { if (flagged(i) && out[i].coordination.cluster) (members[out[i].coordination.cluster] ||= []).push(p.kind); });
  posts.forEach((p, i) => {
    if (!isCampaign(p) || !flagged(i)) return;
    for (const kind of new Set(out[i].coordination.signals.map((s) => s.kind))) result.caughtBy[kind] = (result.caughtBy[kind] || 0) + 1;
    const m = members[out[i].coordination.cluster] || [];
    const key = m.some((k) => k === 'organic_originals') ? 'with_originals' : m.some((k) => k === 'organic_background') ? 'with_background' : 'campaign_only';
    result.clustersWith[key] = (result.clustersWith[key] || 0) + 1;
  });
  return result;
}

const result = { with_originals: await evaluate(true), campaigns_and_background: await evaluate(false) };
const f = (x) => (x === null ? 'n/a' : x.toFixed(3));
function print(title, r) {
  const o = r.overall;
  console.log(`${title}: ${r.posts} posts (${r.labels.campaign_posts} campaign, ${r.labels.originals} originals of the same accounts, ` +
    `${r.labels.background} organic background); post-level precision ${f(o.precision)}, recall ${f(o.recall)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`);
  for (const [k, v] of Object.entries(r.byStereotype)) {
    const attacks = Object.entries(v.attacks).map(([a, x]) => `${a}: ${x.flagged}/${x.posts} posts, ${x.accounts} accounts`).join('; ');
    console.log(`  ${k.padEnd(12)} ${String(v.campaign_posts).padStart(4)} campaign posts: precision ${f(v.precision)}, recall ${f(v.recall)} (${attacks})`);
  }
  for (const [k, v] of Object.entries(r.organic)) console.log(`  ${k.padEnd(19)} ${v.posts} posts, ${v.flagged} flagged`);
  console.log(`  flagged campaign posts by signal ${JSON.stringify(r.caughtBy)}, grouped ${JSON.stringify(r.clustersWith)}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 1));
else {
  print('artificial campaigns + originals + background', result.with_originals);
  print('artificial campaigns + background only', result.campaigns_and_background);
}
