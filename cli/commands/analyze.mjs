// helder analyze: posts JSONL in, annotations JSONL out, through the wasm engine and ORT Web.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, readAll, UsageError } from '../args.mjs';
import { createNodeHelder } from '../../wasm/js/node_support.mjs';
import { toEpochSeconds } from '../../wasm/js/engine.mjs';

const BATCH = 1000;

// Sort key of a raw line: its time when it parses, else +Infinity (bad lines go last; the engine
// reports them wherever they are).
function timeOf(line) {
  try {
    const value = JSON.parse(line);
    const t = value?.time;
    if (typeof t === 'number' && Number.isFinite(t)) return t;
    if (typeof t === 'string') {
      const ms = Date.parse(t);
      if (!Number.isNaN(ms)) return ms / 1000;
    }
  } catch {
    // reported by the engine
  }
  return Infinity;
}

export async function run(args, io) {
  const { flags, positional } = parseArgs(args, { rules: 'string', now: 'string', ui: 'string', 'no-ai': 'boolean', quiet: 'boolean' });
  if (positional.length > 1) throw new UsageError('give one input file (or - for standard input)');
  if (flags.ui && !['nl', 'en'].includes(flags.ui)) throw new UsageError('--ui must be nl or en');
  if (flags.now) {
    try {
      toEpochSeconds(flags.now);
    } catch {
      throw new UsageError(`--now: '${flags.now}' is not an ISO-8601 time`);
    }
  }
  if (flags.rules && !fs.existsSync(flags.rules)) throw new UsageError(`--rules: no folder ${flags.rules}`);
  const input = positional[0] ?? '-';
  if (input !== '-' && !fs.existsSync(input)) throw new UsageError(`no such file: ${input}`);

  const helder = await createNodeHelder({
    rulesDir: flags.rules ? path.resolve(flags.rules) : undefined,
    uiLang: flags.ui ?? 'en',
    now: flags.now ?? null,
    ai: !flags['no-ai'],
  });
  for (const error of helder.loadErrors) io.stderr.write(`helder: resource rejected, continuing without it: ${error}\n`);
  for (const warning of helder.loadWarnings ?? []) io.stderr.write(`helder: rule switched off, the others keep working: ${warning}\n`);

  const text = input === '-' ? await readAll(io.stdin) : fs.readFileSync(input, 'utf8');
  const lines = text.split('\n');
  // Keep the original line numbers; blank lines are skipped.
  const items = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim().length > 0) items.push({ lineNo: i + 1, line, time: timeOf(line) });
  }
  const order = items.map((_, i) => i).sort((a, b) => items[a].time - items[b].time || a - b);
  const outputs = new Array(items.length);
  const progress = items.length > 5000 && !flags.quiet;
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const results = await helder.analyzeLines(batch.map((k) => items[k].line));
    batch.forEach((k, j) => (outputs[k] = results[j]));
    if (progress) io.stderr.write(`helder: ${Math.min(start + BATCH, order.length)} of ${order.length} posts\n`);
  }
  let skipped = 0;
  for (let k = 0; k < items.length; k++) {
    const result = outputs[k];
    if (result && 'id' in result) {
      io.stdout.write(JSON.stringify(result) + '\n');
    } else {
      skipped++;
      io.stderr.write(`helder: line ${items[k].lineNo}: ${result?.error ?? 'no result'}\n`);
    }
  }
  if (skipped) io.stderr.write(`helder: ${skipped} line(s) skipped, ${items.length - skipped} annotated\n`);
  return 0;
}
