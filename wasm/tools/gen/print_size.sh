#!/bin/sh
# Prints the raw and gzipped size of a build artefact (called after each wasm link).
printf 'size of %s: %s bytes raw, %s bytes gzipped\n' "$(basename "$1")" "$(wc -c < "$1")" "$(gzip -9c "$1" | wc -c)"
