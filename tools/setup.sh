#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Helder. Idempotent: it installs
# only missing packages, and runs `npm ci` only when package-lock.json changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  emscripten node-acorn          # Debian's Emscripten 3.1.6; acorn for its link step
  catch2 nlohmann-json3-dev libboost1.81-dev libutf8proc-dev
  clang libclang-rt-14-dev       # sanitizers and libFuzzer
  chromium chromium-driver xvfb xauth fonts-dejavu-core
  python3-numpy python3-onnx
)

missing=()
# Node.js 18 or newer: Debian's own nodejs + npm unless a newer Node is already installed.
if ! command -v node > /dev/null || ! command -v npm > /dev/null ||
   [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  missing+=(nodejs npm)
fi
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: run as root (or with sudo) to install packages" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # --no-install-recommends keeps python3-scipy/pythran (which pull Boost 1.74) out.
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.helder-npm-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# `npx helder` must find this repository's own CLI, never a package of that name from the registry.
mkdir -p node_modules/.bin
ln -sf ../../cli/helder.mjs node_modules/.bin/helder
