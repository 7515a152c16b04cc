#!/usr/bin/env bash
# npm run docs:pictures: the user guide's pictures (docs/guide/pictures/*.webp), taken in Chromium by
# test/pictures/guide.pictures.ts. Starts the local stack (or reuses it), builds the console when the build is
# missing or older than the sources, and runs the walk with its own vitest config (never part of `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_node_modules
ensure_chromium
export NEXT_TELEMETRY_DISABLED=1

node scripts/stack/cli.ts up
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib -newer .next/BUILD_ID -print -quit)" ]; then
  echo "[docs:pictures] building the console"
  next build
fi
vitest run --config test/pictures/vitest.config.ts "$@"
echo "[docs:pictures] pictures in docs/guide/pictures ($(du -sh docs/guide/pictures | cut -f1))"
