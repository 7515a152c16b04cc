#!/usr/bin/env bash
# npm run check: the quick loop for contributors — lint, format check, type-check and the unit
# tests, failing fast on the first that fails. No stack, no build, no browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

step() {
  local started=$SECONDS
  echo "[check] $1"
  shift
  "$@"
  echo "[check]   ok in $((SECONDS - started)) s"
}

# A contributor's repeated runs reuse ESLint's and Prettier's caches (in .cache/, git-ignored): only
# changed files are read again. CI starts cold on purpose: the type-aware rules read other files'
# types, which a per-file cache cannot see change.
cache_eslint=() cache_prettier=()
if [ -z "${CI:-}" ]; then
  cache_eslint=(--cache --cache-strategy content --cache-location .cache/eslint/)
  cache_prettier=(--cache --cache-strategy content --cache-location .cache/prettier-cache)
fi
step "lint (eslint)" eslint "${cache_eslint[@]}" .
step "format (prettier --check)" prettier --check --log-level warn "${cache_prettier[@]}" .
step "types (tsc --noEmit)" tsc --noEmit
if [ "${1:-}" != "--static" ]; then
  step "unit tests (vitest --project unit)" vitest run --project unit
fi
