#!/usr/bin/env node
// helder: the command-line face of the engine (the same wasm module and ONNX Runtime Web the
// extension runs). Each command lives in cli/commands/<name>.mjs and exports run(args, io).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const HELP = `helder - on-device signals for social-media posts (coordination, AI-text likelihood, election information)

Usage:
  helder analyze [--rules DIR] [--now ISO-TIME] [--ui nl|en] [--no-ai] [FILE|-]
      Posts as JSON lines in (one post per line), annotations as JSON lines out, same order.
      Posts are processed in time order with state carried across posts. Malformed lines are
      reported on stderr and in the annotation's "errors"; processing continues.
  helder check [--ui nl|en] [--now ISO-TIME] "some text"
      A readable summary of the signals for one text.
  helder coshare --window SECONDS --min-repetition N FILE.csv
      Coordinated co-sharing edges (CooRTweet definition) of object_id,account_id,content_id,timestamp_share rows.
  helder help
      This text.

Exit status: 0 when the command ran (even with malformed input lines), 2 on usage errors, 1 on failure.
Nothing is sent anywhere: everything runs on this machine.`;



export function listCommands() {
  return fs.readdirSync(path.join(HERE, 'commands')).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4));
}

async function main(argv) {
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(HELP + '\n');
    return command ? 0 : 2;
  }
  if (!/^[a-z][a-z-]*$/.test(command) || !listCommands().includes(command)) {
    io.stderr.write(`helder: unknown command '${command}'. Commands: ${listCommands().join(', ')}. See 'helder help'.\n`);
    return 2;
  }
  const { run } = await import(pathToFileURL(path.join(HERE, 'commands', `${command}.mjs`)).href);
  try {
    return (await run(args, io)) ?? 0;
  } catch (error) {
    if (error?.name === 'UsageError') {
      io.stderr.write(`helder ${command}: ${error.message}\nSee 'helder help'.\n`);
      return 2;
    }
    io.stderr.write(`helder ${command}: ${error.message}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
