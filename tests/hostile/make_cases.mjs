// The hostile-input corpus: broken and hostile input lines, each with its defined result. Some lines
// are megabytes long, so the corpus is kept as this deterministic definition; tests/node/hostile.test.mjs
// runs every case, and `node tests/hostile/make_cases.mjs OUT.jsonl` writes them out for other tools.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function buildCases() {
const cases = [];
const base = { platform: 'x', author: 'hostile', time: '2026-11-20T10:00:00Z' };
const add = (name, line, expect) => cases.push({ name, line, expect });
const post = (id, fields) => JSON.stringify({ id, ...base, ...fields });
// expect: { kind: 'annotation', id, errors: [regex...] (each must match some error), clean: bool }
//      or { kind: 'error', error: regex }

// 1. Huge texts: truncated with a flag, never dropped.
for (const [i, n] of [16385, 20000, 100000, 500000, 1000000, 2000000].entries()) {
  add(`huge text ${n} chars`, post(`huge-${i}`, { text: 'a'.repeat(n) }), { kind: 'annotation', id: `huge-${i}`, errors: ['truncated'] });
  if (n <= 1000000) add(`huge multibyte text ${n} chars`, post(`huge-mb-${i}`, { text: 'é€😀'.repeat(Math.ceil(n / 3)) }), { kind: 'annotation', id: `huge-mb-${i}`, errors: ['truncated'] });
}
add('line over 4 MiB', post('too-big', { text: 'x'.repeat(5 * 1024 * 1024) }), { kind: 'error', error: 'bytes, more than' });
add('multibyte line over 4 MiB', post('too-big-mb', { text: 'é€😀'.repeat(700000) }), { kind: 'error', error: 'bytes, more than' });

// 2. Lone surrogates and replacement characters (what JavaScript strings can carry).
for (const [i, s] of ['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '😀\ud83d', '\ud83d\ud83d', '\ufffd\ufffe\uffff'].entries()) {
  add(`lone surrogate ${i}`, post(`sur-${i}`, { text: `Stem ${s} morgen` }), { kind: 'annotation', id: `sur-${i}` });
  add(`lone surrogate in author ${i}`, post(`sur-a-${i}`, { text: 'gewoon bericht', author: `x${s}` }), { kind: 'annotation', id: `sur-a-${i}` });
}

// 3. Invisible and direction-changing characters.
const invisibles = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u180e'];
for (const [i, ch] of invisibles.entries()) {
  add(`invisible U+${ch.codePointAt(0).toString(16)} flood`, post(`inv-${i}`, { text: ch.repeat(20000) }), { kind: 'annotation', id: `inv-${i}`, errors: ['truncated'] });
  add(`invisible U+${ch.codePointAt(0).toString(16)} between letters`, post(`inv-w-${i}`, { text: `s${ch}t${ch}e${ch}m${ch}p${ch}a${ch}s kwijt` }), { kind: 'annotation', id: `inv-w-${i}`, clean: true });
}

// 4. Lists: too many, wrong types.
for (const n of [65, 1000, 10000]) {
  add(`${n} hashtags`, post(`tags-${n}`, { text: 'tags', hashtags: Array.from({ length: n }, (_, k) => `tag${k}`) }), { kind: 'annotation', id: `tags-${n}`, errors: ['cut to 64'] });
  add(`${n} links`, post(`links-${n}`, { text: 'links', links: Array.from({ length: n }, (_, k) => `https://e.example/${k}`) }), { kind: 'annotation', id: `links-${n}`, errors: ['cut to 64'] });
  add(`${n} hashtags in text`, post(`tagtext-${n}`, { text: Array.from({ length: n }, (_, k) => `#t${k}`).join(' ') }), { kind: 'annotation', id: `tagtext-${n}` });
}
for (const [i, v] of [5, 'string', { a: 1 }, [1, 2], [null], [[['deep']]], true].entries()) {
  add(`hashtags of wrong type ${i}`, post(`tagtype-${i}`, { text: 't', hashtags: v }), { kind: 'annotation', id: `tagtype-${i}`, errors: ['hashtags'] });
  add(`links of wrong type ${i}`, post(`linktype-${i}`, { text: 't', links: v }), { kind: 'annotation', id: `linktype-${i}`, errors: ['links'] });
}

// 5. Wrong types for every field.
const wrongValues = [5, 1.5, true, null, [], {}, ['a'], { text: 'x' }];
for (const field of ['id', 'platform', 'author', 'text', 'time', 'author_name', 'lang', 'url', 'reply_to', 'shared_object']) {
  for (const [i, v] of wrongValues.entries()) {
    const fields = { id: `wt-${field}-${i}`, ...base, text: 'bericht', [field]: v };
    const line = JSON.stringify(fields);
    const required = ['id', 'platform', 'author', 'text', 'time'].includes(field);
    if (field === 'id') {
      add(`id of type ${JSON.stringify(v)}`, line, { kind: 'error', error: "'id'" });
    } else if (field === 'time' && typeof v === 'number') {
      add(`time ${v}`, line, { kind: 'annotation', id: fields.id, errors: ['time'] });
    } else if (v === null && !required) {
      add(`${field} null`, line, { kind: 'annotation', id: fields.id, clean: true });
    } else {
      add(`${field} of type ${JSON.stringify(v)}`, line, { kind: 'annotation', id: fields.id, errors: [field] });
    }
  }
}

// 6. Missing fields.
for (const field of ['platform', 'author', 'text', 'time']) {
  const fields = { id: `miss-${field}`, ...base, text: 'bericht' };
  delete fields[field];
  add(`missing ${field}`, JSON.stringify(fields), { kind: 'annotation', id: `miss-${field}`, errors: [`missing field '${field}'`] });
}
add('missing id', JSON.stringify({ ...base, text: 't' }), { kind: 'error', error: "missing field 'id'" });
add('empty id', JSON.stringify({ id: '', ...base, text: 't' }), { kind: 'error', error: "'id' is empty" });
add('empty object', '{}', { kind: 'error', error: "missing field 'id'" });

// 7. Times.
for (const [i, t] of ['', 'now', '2026-02-30T00:00:00Z', '2026-13-01', '99999-01-01', '2026-11-20T10:00:00+25:00', '1e400', 'NaN', '2026-11-20T10:00:00.123456789123Z', '-2026-01-01'].entries()) {
  add(`bad time ${JSON.stringify(t)}`, post(`time-${i}`, { text: 't', time: t }), { kind: 'annotation', id: `time-${i}`, errors: ['time'] });
}
for (const [i, t] of [1e12, -1, 0, 1e308, 4102444801].entries()) {
  add(`time number ${t}`, post(`timen-${i}`, { text: 't', time: t }), { kind: 'annotation', id: `timen-${i}`, errors: ['time'] });
}

// 8. Broken and strange JSON.
const broken = ['{', '}', '[', '{"id": "x"', '{"id": "x",}', "{'id': 'x'}", 'null', 'true', '42', '"string"', '[]', '[{"id":"x"}]',
  '{"id": "x" "text": "y"}', '{"id": NaN}', '{"id": Infinity}', '{"id": "\\x41"}', '{"id": "a\\', '\u0000', '\u0000{"id":"x"}', 'undefined'];
for (const [i, line] of broken.entries()) add(`broken JSON ${i}: ${line.slice(0, 20)}`, line, { kind: 'error', error: '(not valid JSON|must be a JSON object|id)' });
for (const depth of [10, 100, 1000, 10000, 100000]) {
  add(`array nesting ${depth}`, '['.repeat(depth) + ']'.repeat(depth), { kind: 'error', error: 'must be a JSON object' });
  add(`object nesting ${depth} in text`, JSON.stringify({ id: `nest-${depth}`, ...base }).slice(0, -1) + ',"text":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}', { kind: 'annotation', id: `nest-${depth}`, errors: ["'text' must be a string"] });
}
add('duplicate keys', '{"id":"dupkey","id":"dupkey2","platform":"x","author":"a","text":"t","time":1762000000}', { kind: 'annotation', id: 'dupkey2' });
add('very long id', post('i'.repeat(5000), { text: 't' }), { kind: 'annotation', id: 'i'.repeat(1024), errors: ["'id' truncated"] });
add('extra unknown fields', JSON.stringify({ id: 'extra', ...base, text: 't', evil: '<script>', __proto__x: 1 }), { kind: 'annotation', id: 'extra', clean: true });
add('__proto__ key', '{"id":"proto","platform":"x","author":"a","text":"t","time":1762000000,"__proto__":{"polluted":true}}', { kind: 'annotation', id: 'proto', clean: true });

// 9. Markup, script and URL tricks in text (the engine treats them as text; rendering is tested in the extension).
const tricks = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><svg onload=alert(1)>', '{{constructor.constructor("alert(1)")()}}',
  '<style>*{display:none}</style>', 'data:text/html;base64,PHNjcmlwdD4=', '\\u003cscript\\u003e', '<a href="javascript:alert(1)">stem hier</a>', 'https://kiesraad.nl.evil.example/stem',
  'https://xn--kiesrad-9ya.nl/', 'http://www.kiesraad.nl@evil.example/', '<iframe src="https://evil.example">', '%3Cscript%3E', '&lt;script&gt;'];
for (const [i, t] of tricks.entries()) {
  add(`markup trick ${i}`, post(`trick-${i}`, { text: `Stemmen kan morgen ${t}` }), { kind: 'annotation', id: `trick-${i}` });
  add(`markup trick in author ${i}`, post(`trick-a-${i}`, { text: 'bericht over de raad', author: t, author_name: t }), { kind: 'annotation', id: `trick-a-${i}` });
  add(`markup trick in link ${i}`, post(`trick-l-${i}`, { text: 'bericht', links: [t], url: t }), { kind: 'annotation', id: `trick-l-${i}` });
}

// 10. Scripts and symbols.
const scripts = ['Завтра выборы', 'الانتخابات غدا', '选举明天', '選挙は明日です', 'बुनियादी', 'ελέγχω', '𝕊𝕥𝕖𝕞 𝕞𝕠𝕣𝕘𝕖𝕟', 'Ｓｔｅｍ ｍｏｒｇｅｎ', '🗳️🗳️🗳️🗳️', '👨‍👩‍👧‍👦'.repeat(1000),
  'e\u0301'.repeat(5000), '\u0300'.repeat(5000), 'ﷺ'.repeat(3000), 'ß'.repeat(8000), 'İ'.repeat(8000), '\t\n\r\v\f', ' '.repeat(100000)];
for (const [i, t] of scripts.entries()) add(`script ${i}`, post(`script-${i}`, { text: t }), { kind: 'annotation', id: `script-${i}` });

// 11. Control characters in every string.
for (let c = 1; c < 32; c++) {
  add(`control U+${c.toString(16)}`, post(`ctl-${c}`, { text: `a${String.fromCharCode(c)}b`, author: `x${String.fromCharCode(c)}` }), { kind: 'annotation', id: `ctl-${c}`, clean: true });
}

return cases;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join('build', 'hostile_cases.jsonl');
  const cases = buildCases();
  fs.writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  console.log(`${cases.length} cases written to ${out}`);
}
