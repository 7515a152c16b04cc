#!/usr/bin/env bash
# npm test: all set-up, then every test — lint, format and types first (failing fast), then unit,
# integration against a fresh real SPIRE + Kubernetes + OpenID provider stack, the PostgreSQL
# store suite, and e2e in Chromium against a second stack of its own, beside the integration tests.
# The tests get their stacks in .cache/test-stack and .cache/test-stack-e2e and stop them.
# With arguments (test files or vitest options) everything runs in one vitest on the first stack.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_node_modules
ensure_chromium
ensure_postgresql
export NEXT_TELEMETRY_DISABLED=1
export SPIRE_CONSOLE_STACK_DIR="${SPIRE_CONSOLE_TEST_STACK_DIR:-$PWD/.cache/test-stack}"
e2e_stack_dir="$SPIRE_CONSOLE_STACK_DIR-e2e"

echo "[test] lint, format and types"
bash scripts/check.sh --static

stacks=("$SPIRE_CONSOLE_STACK_DIR")
[ "$#" -eq 0 ] && stacks+=("$e2e_stack_dir")
stop_stacks() {
  for dir in "${stacks[@]}"; do SPIRE_CONSOLE_STACK_DIR="$dir" node scripts/stack/cli.ts down || true; done
}
for dir in "${stacks[@]}"; do
  SPIRE_CONSOLE_STACK_DIR="$dir" node scripts/stack/cli.ts down >/dev/null 2>&1 || true
  rm -rf "$dir"
done
trap stop_stacks EXIT
mkdir -p test-results

echo "[test] starting a fresh stack in $SPIRE_CONSOLE_STACK_DIR"
node scripts/stack/cli.ts up
e2e_stack_pid=""
if [ "$#" -eq 0 ]; then
  # Its own sockets, ports, Kubernetes and provider: the e2e files stop, freeze and rotate servers too.
  echo "[test] starting the e2e tests' own stack in $e2e_stack_dir (output: test-results/stack-e2e.log)"
  SPIRE_CONSOLE_STACK_DIR="$e2e_stack_dir" node scripts/stack/cli.ts up >test-results/stack-e2e.log 2>&1 &
  e2e_stack_pid=$!
fi

echo "[test] building the console (its types were checked above)"
SPIRE_CONSOLE_BUILD_TYPES_CHECKED=1 next build

echo "[test] helm for the chart tests (built once into the cache)"
node scripts/helm/cli.ts

echo "[test] oauth2-proxy for the trusted-proxy tests (built once into the cache)"
node scripts/oauth2-proxy/cli.ts

echo "[test] Alertmanager for the alert tests (built once into the cache)"
node scripts/alertmanager/cli.ts

echo "[test] Prometheus for the SPIRE metrics tests (built once into the cache)"
node scripts/prometheus/cli.ts

status=0
report=(--reporter=default --reporter=json)
if [ "$#" -gt 0 ]; then
  vitest run "${report[@]}" --outputFile.json=test-results/vitest.json "$@" || status=$?
  node scripts/test-summary.ts test-results/vitest.json || true
  exit "$status"
fi

if ! wait "$e2e_stack_pid"; then
  cat test-results/stack-e2e.log
  echo "[test] the e2e stack did not start" >&2
  exit 1
fi
echo "[test] e2e in Chromium on $e2e_stack_dir, beside unit and integration (its output follows theirs)"
SPIRE_CONSOLE_STACK_DIR="$e2e_stack_dir" vitest run --project e2e "${report[@]}" \
  --outputFile.json=test-results/vitest-e2e.json >test-results/e2e.log 2>&1 &
e2e_pid=$!
vitest run --project unit --project integration "${report[@]}" --outputFile.json=test-results/vitest.json || status=$?
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
echo "[test] e2e (exit $e2e_status):"
cat test-results/e2e.log
[ "$e2e_status" -eq 0 ] || status=$e2e_status
node scripts/test-summary.ts test-results/vitest.json test-results/vitest-e2e.json || true
exit "$status"
