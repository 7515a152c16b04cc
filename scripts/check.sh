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
# The three only read the files: on 2 cores, ESLint's run (the longest) hides the other two.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
beside() {
  local log="$logs/$1"
  shift
  (
    started=$SECONDS status=0
    "$@" >"$log" 2>&1 || status=$?
    echo "$status $((SECONDS - started))" >"$log.done"
  ) &
}
report() {
  local status seconds
  read -r status seconds <"$logs/$2.done"
  echo "[check] $1"
  cat "$logs/$2"
  if [ "$status" -ne 0 ]; then
    echo "[check]   failed (exit $status) after $seconds s" >&2
    exit "$status"
  fi
  echo "[check]   ok in $seconds s"
}
echo "[check] lint (eslint), format (prettier --check) and types (tsc --noEmit), side by side"
beside lint eslint "${cache_eslint[@]}" .
beside format prettier --check --log-level warn "${cache_prettier[@]}" .
beside types tsc --noEmit
wait
report "lint (eslint)" lint
report "format (prettier --check)" format
report "types (tsc --noEmit)" types
if [ "${1:-}" != "--static" ]; then
  step "unit tests (vitest --project unit)" vitest run --project unit
fi
