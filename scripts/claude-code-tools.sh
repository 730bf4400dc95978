#!/usr/bin/env bash
# Installs the real Claude Code CLI for the interop test (test/interop/claudeCode.interop.ts),
# idempotently, into <repo>/.e2e-tools/claude-code/ (git-ignored):
#   npm install @anthropic-ai/claude-code@<pinned version>
#
# The npm package pulls a native binary for this platform from an optional dependency
# (@anthropic-ai/claude-code-linux-x64 etc.: one 380 MB executable, hard-linked into bin/claude.exe by
# the postinstall, so about 365 MB on disk). Nothing is downloaded from outside the
# npm registry. Work already done is skipped (marker file .installed holds the version).
#
# Usage: scripts/claude-code-tools.sh [--force]
#   CLAUDE_CODE_TOOLS_DIR overrides the tools folder. Prints the path of `claude` last.
set -euo pipefail

CLAUDE_CODE_VERSION="2.1.330"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CLAUDE_CODE_TOOLS_DIR:-$ROOT/.e2e-tools/claude-code}"
MARKER="$TOOLS/.installed"
WANT="@anthropic-ai/claude-code=$CLAUDE_CODE_VERSION"
CLAUDE="$TOOLS/node_modules/.bin/claude"

FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "claude-code-tools: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

START=$SECONDS
log() { printf '[claude-code-tools %4ss] %s\n' "$((SECONDS - START))" "$*" >&2; }

mkdir -p "$TOOLS"
# One installer at a time (two test runs started together).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOLS/.lock"
  if ! flock -n 9; then
    log "another claude-code-tools.sh is running; waiting for it"
    flock 9
  fi
fi

# `claude --version` with a throw-away HOME and everything that could reach the network switched off.
claude_version() {
  local check_home="$TOOLS/.check-home"
  mkdir -p "$check_home"
  env -i PATH="$PATH" HOME="$check_home" \
    DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1 DISABLE_ERROR_REPORTING=1 \
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
    timeout 60 "$CLAUDE" --version </dev/null 2>/dev/null
  local rc=$?
  rm -rf "$check_home"
  return $rc
}

installed_ok() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -x "$CLAUDE" ]
}

if [ "$FORCE" = 0 ] && installed_ok; then
  log "claude-code $CLAUDE_CODE_VERSION: already in $TOOLS"
else
  rm -f "$MARKER"
  # A package.json of its own, so that npm installs here and not into the repository's root.
  if [ ! -f "$TOOLS/package.json" ]; then
    printf '{\n  "name": "claude-code-tools",\n  "private": true,\n  "description": "The real Claude Code CLI for the interop test, installed by scripts/claude-code-tools.sh (git-ignored)"\n}\n' \
      > "$TOOLS/package.json"
  fi
  cd "$TOOLS"
  log "npm install @anthropic-ai/claude-code@$CLAUDE_CODE_VERSION (a 380 MB native binary)"
  npm install --no-audit --no-fund --loglevel=error "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION" >&2
  if [ ! -x "$CLAUDE" ]; then
    echo "claude-code-tools: $CLAUDE is missing after npm install" >&2
    exit 1
  fi
  echo "$WANT" > "$MARKER"
fi

# Sanity check: it runs offline and reports the pinned version.
if ! VERSION_LINE="$(claude_version)"; then
  echo "claude-code-tools: '$CLAUDE --version' failed" >&2
  rm -f "$MARKER"
  exit 1
fi
case "$VERSION_LINE" in
  "$CLAUDE_CODE_VERSION"*) ;;
  *) echo "claude-code-tools: expected version $CLAUDE_CODE_VERSION, got: $VERSION_LINE" >&2; rm -f "$MARKER"; exit 1 ;;
esac
log "claude --version: $VERSION_LINE; done in $((SECONDS - START))s"
echo "$CLAUDE"
