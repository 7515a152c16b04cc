#!/usr/bin/env bash
# npm run demo: all set-up, the local stack (two federated SPIRE trust domains, agents, a
# Kubernetes API server, an OpenID provider), and the console on http://localhost:3000 (listening
# on 127.0.0.1 only), printing how to sign in. Ctrl-C stops the console; the stack keeps running
# until `npm run stack:down`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ensure_node_modules
export NEXT_TELEMETRY_DISABLED=1
port="${SPIRE_CONSOLE_PORT:-3000}"
stack_dir="${SPIRE_CONSOLE_STACK_DIR:-$PWD/.stack}"

node scripts/stack/cli.ts up

echo "[demo] building the console"
next build

export SPIRE_CONSOLE_CONFIG="${SPIRE_CONSOLE_CONFIG:-$stack_dir/console.json}"
# A bootstrap admin token for scripts: made once per stack, kept 0600 in the stack dir.
token_file="$stack_dir/bootstrap-token"
if [ -z "${SPIRE_CONSOLE_BOOTSTRAP_TOKEN:-}${SPIRE_CONSOLE_BOOTSTRAP_TOKEN_FILE:-}" ]; then
  if [ ! -s "$token_file" ]; then
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))' >"$token_file")
  fi
  export SPIRE_CONSOLE_BOOTSTRAP_TOKEN_FILE="$token_file"
fi
node scripts/demo/sign-in-help.ts "http://localhost:$port" "${SPIRE_CONSOLE_BOOTSTRAP_TOKEN_FILE:-(your SPIRE_CONSOLE_BOOTSTRAP_TOKEN)}"
echo "[demo] SPIRE Console on http://localhost:$port (config: $SPIRE_CONSOLE_CONFIG)"
export NODE_OPTIONS="${NODE_OPTIONS:-} --import $PWD/server/request-hook.mjs"
exec next start --hostname 127.0.0.1 --port "$port"
