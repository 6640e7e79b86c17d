// helder coshare --window SECONDS --min-repetition N FILE.csv
// Time-window co-sharing edges exactly as CooRTweet 2.1.3 computes them (detect_groups with
// remove_loops, then edges weighted by the number of co-share pairs), through the wasm engine.
import fs from 'node:fs';
import { parseArgs, UsageError, readAll } from '../args.mjs';
import { loadEngineModule } from '../../wasm/js/node_support.mjs';

export async function run(args, io) {
  const { flags, positional } = parseArgs(args, { window: 'string', 'min-repetition': 'string', 'min-participation': 'string', 'keep-loops': 'boolean', timing: 'boolean' });
  if (positional.length !== 1) throw new UsageError('give one CSV file (or - for standard input)');
  const window = Number(flags.window);
  if (flags.window === undefined || !Number.isFinite(window) || window < 0) throw new UsageError('--window must be a number of seconds >= 0');
  const mpText = flags['min-repetition'] ?? flags['min-participation'] ?? '2';
  const mp = Number(mpText);
  if (!Number.isInteger(mp) || mp < 0) throw new UsageError('--min-repetition must be a whole number >= 0');
  const csv = positional[0] === '-' ? await readAll(io.stdin) : fs.readFileSync(positional[0], 'utf8');
  const module = await loadEngineModule();
  const started = performance.now();
  const out = module.coshare(csv, window, mp, !flags['keep-loops']);
  const seconds = (performance.now() - started) / 1000;
  if (out.startsWith('error: ')) {
    io.stderr.write(`helder coshare: ${out.slice(7)}\n`);
    return 1;
  }
  io.stdout.write(out);
  if (flags.timing) io.stderr.write(`helder coshare: ${seconds.toFixed(3)} s in the wasm engine\n`);
  return 0;
}
