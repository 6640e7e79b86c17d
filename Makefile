# Helder: the two commands a newcomer needs are `make demo` and `make test` (see README.md).
# Everything else here is what those two are made of.
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= 2
NATIVE := build/native
WASM := build/wasm
SAN := build/sanitize

.PHONY: all setup build native wasm extension extension-zip demo test test-unit test-sanitize test-node test-e2e bench clean

all: build

setup:
	@bash tools/setup.sh

build: setup native wasm extension

native:
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(NATIVE) -j$(JOBS)

# The wasm build reuses the Unicode table the native build generates from libutf8proc.
wasm: native
	@[ -f $(WASM)/CMakeCache.txt ] || emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(WASM) -j$(JOBS)

extension: wasm
	@if [ -f extension/build.mjs ]; then node extension/build.mjs; fi

# The store-ready zip of the extension: build/helder-extension-<version>.zip
extension-zip: wasm
	@node extension/build.mjs --zip

demo: build
	@node tools/demo.mjs

test: build
	@bash tools/run_tests.sh

test-unit: native
	@cd $(NATIVE) && ctest --output-on-failure

test-sanitize: setup
	@cmake -S . -B $(SAN) -DCMAKE_BUILD_TYPE=Debug -DHELDER_SANITIZE=ON > /dev/null
	@cmake --build $(SAN) -j$(JOBS) --target helder_unit_tests
	@$(SAN)/helder_unit_tests

test-node: wasm
	@node --test tests/node/

bench: build
	@bash tools/run_bench.sh

clean:
	rm -rf build

# Evaluations on ../shared data (they print figures; the test suite checks the same ones).
eval: build
	@node tools/eval_coordination.mjs
	@node tools/eval_artificial_campaigns.mjs
	@node tests/election/evaluate.mjs
	@/usr/bin/python3 models/ai/train.py --quick > /dev/null && echo "ai: see models/ai/metrics.json (full run: /usr/bin/python3 models/ai/train.py)"
