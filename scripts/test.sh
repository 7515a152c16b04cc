#!/usr/bin/env bash
# npm test: all set-up, then every test — lint, format and types first (failing fast), then unit,
# integration against a fresh real SPIRE + Kubernetes + OpenID provider stack, the PostgreSQL
# store suite, and e2e in Chromium. The tests get their own stack in .cache/test-stack and stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_node_modules
ensure_chromium
ensure_postgresql
export NEXT_TELEMETRY_DISABLED=1
export SPIRE_CONSOLE_STACK_DIR="${SPIRE_CONSOLE_TEST_STACK_DIR:-$PWD/.cache/test-stack}"

echo "[test] lint, format and types"
bash scripts/check.sh --static

node scripts/stack/cli.ts down >/dev/null 2>&1 || true
rm -rf "$SPIRE_CONSOLE_STACK_DIR"
trap 'node scripts/stack/cli.ts down || true' EXIT

echo "[test] starting a fresh stack in $SPIRE_CONSOLE_STACK_DIR"
node scripts/stack/cli.ts up

echo "[test] building the console"
next build

echo "[test] helm for the chart tests (built once into the cache)"
node scripts/helm/cli.ts

echo "[test] oauth2-proxy for the trusted-proxy tests (built once into the cache)"
node scripts/oauth2-proxy/cli.ts

echo "[test] Alertmanager for the alert tests (built once into the cache)"
node scripts/alertmanager/cli.ts

echo "[test] Prometheus for the SPIRE metrics tests (built once into the cache)"
node scripts/prometheus/cli.ts

mkdir -p test-results
status=0
vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/test-summary.ts test-results/vitest.json || true
exit "$status"
