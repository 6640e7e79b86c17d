// Builds the test variant of the extension once before the end-to-end tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export default function globalSetup() {
  if (!fs.existsSync(path.join(ROOT, 'build', 'wasm', 'helder_engine.wasm'))) {
    throw new Error('build/wasm is missing: run `make wasm` before the end-to-end tests');
  }
  execFileSync('node', [path.join(ROOT, 'extension', 'build.mjs'), '--test'], { stdio: 'inherit' });
  execFileSync('node', [path.join(ROOT, 'extension', 'build.mjs')], { stdio: 'inherit' });
}
