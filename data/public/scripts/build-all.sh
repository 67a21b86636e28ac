#!/bin/sh
# Rebuild every <source>.jsonl, stats/*.json and README.md from raw/ (deterministic; no network).
set -e
cd "$(dirname "$0")"
for s in clinc150 banking77 bitext nlupp hwu64 hint3; do node "$s.js"; done
node readme.js
