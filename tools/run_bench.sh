#!/usr/bin/env bash
# `make bench`: every benchmark, printing figures (never asserting on time). Each bench file in
# bench/*.mjs and each native bench-* program runs; the engine bench compares native and wasm.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench
node -e "import('./wasm/js/node_support.mjs').then(m => { console.log('models/langid.json'); for (const r of m.resourceNames()) console.log(r.name); })" > build/bench/resources.txt
feed=build/bench/feed_100k.jsonl
[ -f "$feed" ] || build/native/bench-engine --write-feed "$feed" 100000
echo "=== engine: 100,000 generated posts, batches of 1,000"
native_line=$(build/native/bench-engine "$feed" .)
echo "$native_line" | grep -v NATIVE_POSTS_PER_S
rate=$(echo "$native_line" | sed -n 's/NATIVE_POSTS_PER_S=//p')
node bench/engine_wasm.mjs "$feed" "$rate"
echo "=== bench-coordination: a stream of 1,000,000 synthetic posts (the store's limit is in rules/coordination.json)"
build/native/bench-coordination 1000000
for b in build/native/bench-*; do
  [ "$(basename "$b")" = bench-engine ] && continue
  [ "$(basename "$b")" = bench-coordination ] && continue
  echo "=== $(basename "$b")"
  "$b"
done
# The election signal in wasm under Node (1,000 posts x 500 rules; the native figures come from
# bench-election above).
echo "=== bench-election-wasm (wasm under Node)"
if cmake --build build/wasm -j2 --target bench-election-wasm > build/bench/election_wasm_build.log 2>&1; then
  node build/wasm/bench-election-wasm.js .
else
  echo "bench-election-wasm: build failed, see build/bench/election_wasm_build.log"
fi
for b in bench/*.mjs; do
  [ "$(basename "$b")" = engine_wasm.mjs ] && continue
  echo "=== $b"
  node "$b"
done
if [ -f tools/bench_extension.mjs ]; then
  echo "=== extension: 1,000-post feed in headless Chromium"
  node tools/bench_extension.mjs 1000
fi
