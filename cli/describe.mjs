// Human-readable wording of an annotation, in Dutch or English. Evidence, not verdicts; every
// uncertainty stated.
const T = {
  en: {
    language: { nl: 'Dutch', en: 'English', other: 'another language', und: 'not enough text to tell' },
    lang: 'Language',
    coordination: 'Coordination',
    coordNone: 'no sign of coordination among the posts seen so far',
    ai: 'AI-written text',
    aiStatus: {
      too_short: 'too short to judge',
      unsupported_language: 'language not supported: no judgement',
      unavailable: 'model not available: no judgement',
    },
    aiLevel: { low: 'unlikely', uncertain: 'uncertain', likely: 'likely' },
    aiNote: 'a probability from a small model, not proof; it errs on short texts and on non-native writers',
    election: 'Election information',
    electionNone: 'not about an election or about voting',
    errors: 'Problems',
  },
  nl: {
    language: { nl: 'Nederlands', en: 'Engels', other: 'een andere taal', und: 'te weinig tekst om te bepalen' },
    lang: 'Taal',
    coordination: 'Coördinatie',
    coordNone: 'geen teken van coördinatie tussen de berichten die tot nu toe gezien zijn',
    ai: 'Door AI geschreven tekst',
    aiStatus: {
      too_short: 'te kort om te beoordelen',
      unsupported_language: 'taal niet ondersteund: geen oordeel',
      unavailable: 'model niet beschikbaar: geen oordeel',
    },
    aiLevel: { low: 'onwaarschijnlijk', uncertain: 'onzeker', likely: 'waarschijnlijk' },
    aiNote: 'een kans uit een klein model, geen bewijs; het vergist zich bij korte teksten en bij niet-moedertaalsprekers',
    election: 'Verkiezingsinformatie',
    electionNone: 'gaat niet over een verkiezing of over stemmen',
    errors: 'Problemen',
  },
};

export function describeAnnotation(a, ui = 'en') {
  const t = T[ui] ?? T.en;
  const lines = [];
  lines.push(`${t.lang}: ${t.language[a.lang] ?? a.lang}`);
  const c = a.coordination;
  if (!c || c.level === 'none' || !c.signals?.length) {
    lines.push(`${t.coordination}: ${t.coordNone}`);
  } else {
    lines.push(`${t.coordination}: ${c.level} (${c.score})`);
    for (const s of c.signals) lines.push(`  - ${s.summary}`);
  }
  const ai = a.ai;
  if (ai?.status === 'scored') {
    lines.push(`${t.ai}: ${t.aiLevel[ai.level] ?? ai.level} (p = ${ai.score}) - ${t.aiNote}`);
  } else {
    lines.push(`${t.ai}: ${t.aiStatus[ai?.status] ?? ai?.status}`);
  }
  const e = a.election;
  if (e?.topic) {
    lines.push(`${t.election}:`);
    if (e.why) lines.push(`  ${e.why}`);
    for (const link of e.links ?? []) lines.push(`  - ${link.title}: ${link.url}`);
  } else {
    lines.push(`${t.election}: ${t.electionNone}`);
  }
  if (a.errors?.length) lines.push(`${t.errors}: ${a.errors.join('; ')}`);
  return lines.join('\n');
}
