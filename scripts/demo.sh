#!/usr/bin/env bash
# npm run demo: all set-up, a local two-domain SPIRE stack, and the console on
# http://localhost:3000 (listening on 127.0.0.1 only). Ctrl-C stops the console; the stack
# keeps running until `npm run stack:down`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_node_modules
export NEXT_TELEMETRY_DISABLED=1
port="${SPIRE_CONSOLE_PORT:-3000}"

node scripts/stack/cli.ts up

echo "[demo] building the console"
next build

stack_dir="${SPIRE_CONSOLE_STACK_DIR:-$PWD/.stack}"
export SPIRE_CONSOLE_CONFIG="${SPIRE_CONSOLE_CONFIG:-$stack_dir/console.json}"
echo "[demo] SPIRE Console on http://localhost:$port (config: $SPIRE_CONSOLE_CONFIG)"
exec next start --hostname 127.0.0.1 --port "$port"
