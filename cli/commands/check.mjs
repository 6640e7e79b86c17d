// helder check "text": a readable summary of the signals for one text, in Dutch or English.
import { parseArgs, UsageError } from '../args.mjs';
import { createNodeHelder } from '../../wasm/js/node_support.mjs';
import { describeAnnotation } from '../describe.mjs';

export async function run(args, io) {
  const { flags, positional } = parseArgs(args, { ui: 'string', now: 'string', 'no-ai': 'boolean' });
  if (positional.length !== 1 || positional[0].trim() === '') throw new UsageError('give one text in quotes, e.g. helder check "Stem morgen!"');
  const ui = flags.ui ?? 'en';
  if (!['nl', 'en'].includes(ui)) throw new UsageError('--ui must be nl or en');
  const helder = await createNodeHelder({ uiLang: ui, now: flags.now ?? null, ai: !flags['no-ai'] });
  const post = { id: 'check', platform: 'cli', author: 'you', text: positional[0], time: new Date().toISOString() };
  const [annotation] = await helder.analyze([post]);
  io.stdout.write(describeAnnotation(annotation, ui) + '\n');
  return 0;
}
