// The AI-text model under ONNX Runtime Web, shared by the CLI (Node) and the extension's offscreen
// document: the caller passes the ort module (already configured: one thread, no proxy, local wasm
// paths) and the model bytes; nothing is fetched from anywhere.
//
//   const scorer = await createAiScorer({ ort, modelBytes });
//   const probabilities = await scorer.score(features, rows, dim);   // Float32Array(rows)
//
// `features` is the engine's Float32Array of rows x dim values (wasm/src/ai_features.h).

export async function createAiScorer({ ort, modelBytes }) {
  if (!ort || !modelBytes) throw new TypeError('createAiScorer: ort and modelBytes are required');
  const bytes = modelBytes instanceof Uint8Array ? modelBytes : new Uint8Array(modelBytes);
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const input = session.inputNames[0];
  const output = session.outputNames[0];
  const expectedDim = session.inputMetadata?.[0]?.shape?.[1];
  return {
    inputName: input,
    outputName: output,
    async score(features, rows, dim) {
      if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(dim) || dim <= 0) throw new RangeError(`bad shape ${rows} x ${dim}`);
      if (features.length !== rows * dim) throw new RangeError(`features hold ${features.length} values, not ${rows} x ${dim}`);
      if (typeof expectedDim === 'number' && expectedDim !== dim) throw new RangeError(`the model expects ${expectedDim} features per row, the engine gave ${dim}`);
      if (rows === 0) return new Float32Array(0);
      const out = new Float32Array(rows);
      // Batches of 256 rows keep the tensors small (the CLI hands over up to 1,000 posts at once).
      for (let start = 0; start < rows; start += 256) {
        const n = Math.min(256, rows - start);
        const tensor = new ort.Tensor('float32', features.subarray(start * dim, (start + n) * dim), [n, dim]);
        const result = await session.run({ [input]: tensor });
        out.set(result[output].data, start);
      }
      return out;
    },
  };
}
