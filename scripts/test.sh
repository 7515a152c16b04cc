#!/usr/bin/env bash
# npm test: all set-up, then every test — lint, format and types first (failing fast), then
# integration against a fresh real SPIRE + Kubernetes + OpenID provider stack (with the PostgreSQL
# store suite), e2e in Chromium against a second stack of its own beside them, and unit at the end.
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
# Mostly waiting (three minutes of a partner's outage): it runs on the first stack after the integration
# tests, which end before the e2e tests do.
after_integration=test/e2e/federation-freshness.test.ts

stacks=("$SPIRE_CONSOLE_STACK_DIR")
[ "$#" -eq 0 ] && stacks+=("$e2e_stack_dir")
starting=""
stop_stacks() {
  [ -z "$starting" ] || wait "$starting" || true
  for dir in "${stacks[@]}"; do SPIRE_CONSOLE_STACK_DIR="$dir" node scripts/stack/cli.ts down || true; done
}
for dir in "${stacks[@]}"; do
  SPIRE_CONSOLE_STACK_DIR="$dir" node scripts/stack/cli.ts down >/dev/null 2>&1 || true
  rm -rf "$dir"
done
trap stop_stacks EXIT
mkdir -p test-results
stack_log() { echo "test-results/stack-$(basename "$1").log"; }

# The stacks start while lint, format and types are checked, one after the other (each picks free ports
# for its processes: the second picks once the first holds its own); their output follows the checks'.
echo "[test] starting fresh stacks in ${stacks[*]}"
(
  for dir in "${stacks[@]}"; do
    SPIRE_CONSOLE_STACK_DIR="$dir" node scripts/stack/cli.ts up >"$(stack_log "$dir")" 2>&1
  done
) &
starting=$!

echo "[test] lint, format and types"
bash scripts/check.sh --static

stacks_status=0
wait "$starting" || stacks_status=$?
starting=""
for dir in "${stacks[@]}"; do [ ! -f "$(stack_log "$dir")" ] || cat "$(stack_log "$dir")"; done
[ "$stacks_status" -eq 0 ] || { echo "[test] a stack did not start (exit $stacks_status)" >&2; exit 1; }

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

echo "[test] e2e in Chromium on $e2e_stack_dir, beside the integration tests (its output follows theirs)"
SPIRE_CONSOLE_STACK_DIR="$e2e_stack_dir" vitest run --project e2e --exclude "$after_integration" "${report[@]}" \
  --outputFile.json=test-results/vitest-e2e.json >test-results/e2e.log 2>&1 &
e2e_pid=$!
vitest run --project integration "${report[@]}" --outputFile.json=test-results/vitest.json || status=$?
# The unit tests need no stack: they use the CPU the freshness test leaves while it waits.
echo "[test] $after_integration on $SPIRE_CONSOLE_STACK_DIR, after the integration tests, beside the unit tests"
vitest run --project unit "${report[@]}" --outputFile.json=test-results/vitest-unit.json \
  >test-results/unit.log 2>&1 &
unit_pid=$!
vitest run --project e2e "$after_integration" "${report[@]}" \
  --outputFile.json=test-results/vitest-after-integration.json || status=$?
# Waits for the background run $1 (pid $2), prints its log and keeps its failure in status.
finish_run() {
  local run_status=0
  wait "$2" || run_status=$?
  echo "[test] $1 (exit $run_status):"
  cat "test-results/$1.log"
  [ "$run_status" -eq 0 ] || status=$run_status
}
finish_run unit "$unit_pid"
finish_run e2e "$e2e_pid"
node scripts/test-summary.ts test-results/vitest-unit.json test-results/vitest.json test-results/vitest-e2e.json \
  test-results/vitest-after-integration.json || true
exit "$status"
