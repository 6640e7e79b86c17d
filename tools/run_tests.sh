#!/usr/bin/env bash
# The whole test suite (what `make test` runs after building). Each stage prints its own results;
# the last line counts the stages that passed and failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
passed=0
failed=0
failed_names=()

stage() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failed_names+=("$name")
  fi
}

stage "C++ unit tests (Catch2 via CTest)" bash -c "cd build/native && ctest --output-on-failure"
stage "C++ unit tests under AddressSanitizer + UndefinedBehaviorSanitizer" make --no-print-directory test-sanitize
stage "wasm engine and CLI tests (node:test)" node --test tests/node/
if [ -f tests/e2e/playwright.config.mjs ]; then
  stage "extension end-to-end tests (Playwright, headless Chromium)" npx playwright test -c tests/e2e/playwright.config.mjs
fi
if [ -x tools/run_fuzzers.sh ]; then
  stage "fuzzers (bounded time)" bash tools/run_fuzzers.sh
fi

echo
if ((failed)); then
  echo "failed stages: ${failed_names[*]}"
fi
echo "stages: $passed passed, $failed failed"
((failed == 0))
