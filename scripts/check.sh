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

step "lint (eslint)" eslint .
step "format (prettier --check)" prettier --check --log-level warn .
step "types (tsc --noEmit)" tsc --noEmit
if [ "${1:-}" != "--static" ]; then
  step "unit tests (vitest --project unit)" vitest run --project unit
fi
