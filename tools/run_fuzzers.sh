#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan), replays every kept crash reproducer and the
# seed corpus as regression tests, then fuzzes each target for a bounded time and prints executions
# per second and coverage. HELDER_FUZZ_SECONDS sets the time per target (default 30).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${HELDER_FUZZ_SECONDS:-30}
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHELDER_FUZZ=ON > /dev/null || exit 1
targets=$(ls wasm/fuzz/*.cpp | xargs -n1 basename | sed 's/\.cpp$//; s/_/-/g; s/^/fuzz-/')
if ! cmake --build $build -j2 --target $targets > $build/build.log 2>&1; then
  echo "fuzz: build failed:"; grep -E "error" $build/build.log | head -20; exit 1
fi
status=0
for bin in $build/fuzz-*; do
  target=$(basename "$bin" | sed 's/^fuzz-//; s/-/_/g')
  seeds=tests/fuzz/corpus/$target
  regressions=tests/fuzz/regressions/$target
  mkdir -p "$seeds" "$regressions" "$build/corpus/$target" "$build/artifacts/$target"
  # Regression: every kept reproducer and seed must run clean.
  files=$(find "$seeds" "$regressions" -type f | sort)
  if [ -n "$files" ]; then
    if ! "$bin" $files > "$build/$target.replay.log" 2>&1; then
      echo "fuzz $target: a kept input fails again:"; tail -20 "$build/$target.replay.log"; status=1; continue
    fi
  fi
  "$bin" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target/" "$build/corpus/$target" "$seeds" > "$build/$target.log" 2>&1
  rc=$?
  stats=$(grep -E "^stat::(number_of_executed_units|average_exec_per_sec)" "$build/$target.log" | awk '{print $2}' | paste -sd' ')
  cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "$build/$target.log" | tail -1)
  echo "fuzz $target: ${seconds}s, executions and exec/s: ${stats:-?}, ${cov:-no coverage line}, corpus $(ls "$build/corpus/$target" | wc -l) inputs"
  if [ $rc -ne 0 ]; then
    echo "fuzz $target: FOUND A CRASH; reproducer kept in $regressions:"
    for f in "$build/artifacts/$target"/*; do [ -f "$f" ] && cp "$f" "$regressions/"; done
    grep -A15 "ERROR" "$build/$target.log" | head -30
    status=1
  fi
done
exit $status
