// Shared by the node tests: the JSON contract validators, built from schemas/.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from '../../wasm/js/node_support.mjs';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const load = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));
export const validatePost = ajv.compile(load('post.schema.json'));
export const validateAnnotation = ajv.compile(load('annotation.schema.json'));

export function assertAnnotationValid(assert, annotation) {
  const ok = validateAnnotation(annotation);
  assert.ok(ok, `annotation ${JSON.stringify(annotation)} breaks the contract: ${ajv.errorsText(validateAnnotation.errors)}`);
}

export function post(id, text, time, extra = {}) {
  return { id, platform: 'test', author: extra.author ?? `author_${id}`, text, time, ...extra };
}
