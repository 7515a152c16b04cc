# Shared set-up for `npm test` and `npm run demo`: sourced, not run.
# Installs npm dependencies (which bring Node 24) when they are missing or stale.

ensure_node_modules() {
  if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # `npm ci` installs exactly the committed lock file (which lists every platform's optional
    # packages). The system npm may run on an older Node than the project's engines: its engine
    # warnings are noise here, because every npm script then runs on Node 24 from node_modules.
    echo "[setup] installing npm dependencies with npm ci (system Node $(node --version); the project then runs on Node 24 from node_modules)…"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # npm puts node_modules/.bin first on PATH for scripts; make sure that holds here too.
  export PATH="$PWD/node_modules/.bin:$PATH"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 22 ]; then
    echo "[setup] Node $(node --version) is too old; the devDependency node@24 did not install. Run: npm install" >&2
    exit 1
  fi
}

# Installs a Debian package with apt-get (as root) unless `probe` already succeeds.
ensure_debian_package() {
  local package=$1 why=$2 probe=$3
  if eval "$probe"; then return; fi
  echo "[setup] installing Debian's $package $why (apt-get)…"
  if [ "$(id -u)" -ne 0 ]; then
    echo "[setup] ${package} is missing and apt-get needs root: run 'sudo apt-get install -y $package' once." >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

ensure_chromium() {
  ensure_debian_package chromium "for the browser tests" '[ -x /usr/bin/chromium ]'
}

ensure_postgresql() {
  ensure_debian_package postgresql "for the store tests" 'compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null'
}
