#!/usr/bin/env bash
# Installs the real Claude Code CLI for the interop test (test/interop/claudeCode.interop.ts), the
# wizard's end-to-end test and the demo, idempotently, from the npm registry only:
#   <repo>/.e2e-tools/claude-code/                   the newest tested version (CLAUDE_CODE_VERSION)
#   <repo>/.e2e-tools/claude-code/versions/<version>/ with --all: the oldest supported version and
#                                                     the last one before it (OLDER_VERSIONS), side by side
#
# From 2.1.114 the npm package pulls a native binary for this platform from an optional dependency
# (@anthropic-ai/claude-code-linux-x64 etc.: one 380 MB executable, hard-linked into bin/claude.exe
# by the postinstall, so about 365 MB on disk per version). Each folder has a marker file .installed
# holding its version; work already done is skipped. The versions are the support table's
# (src/core/claudeCode/supportTable.ts: NEWEST_TESTED_VERSION, MINIMUM_SUPPORTED_VERSION,
# LAST_UNSUPPORTED_VERSION); a unit test checks that they agree.
#
# Usage: scripts/claude-code-tools.sh [--all] [--force]
#   CLAUDE_CODE_TOOLS_DIR overrides the tools folder. Prints the path of the newest `claude` last
#   (with --all, one "<version> <path>" line per older version before it).
set -euo pipefail

CLAUDE_CODE_VERSION="2.1.332"
# The oldest version this extension supports, and the last one before it (run to prove the warning about it).
OLDER_VERSIONS=("2.1.224" "2.1.223")
# What one version takes on disk, with room to spare (the binary is about 365 MB).
NEEDED_KB=$((600 * 1024))

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CLAUDE_CODE_TOOLS_DIR:-$ROOT/.e2e-tools/claude-code}"

FORCE=0
ALL=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --all) ALL=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
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
  local claude="$1" dir="$2"
  local check_home="$dir/.check-home"
  mkdir -p "$check_home"
  env -i PATH="$PATH" HOME="$check_home" \
    DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1 DISABLE_ERROR_REPORTING=1 \
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
    timeout 60 "$claude" --version </dev/null 2>/dev/null
  local rc=$?
  rm -rf "$check_home"
  return $rc
}

# install <version> <folder>: npm install into the folder (its own package.json), then check the version.
install() {
  local version="$1" dir="$2"
  local want="@anthropic-ai/claude-code=$version"
  local marker="$dir/.installed"
  local claude="$dir/node_modules/.bin/claude"
  mkdir -p "$dir"
  if [ "$FORCE" = 0 ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ] && [ -x "$claude" ]; then
    log "claude-code $version: already in $dir"
  else
    rm -f "$marker"
    local free_kb
    free_kb="$(df -Pk "$dir" | awk 'NR==2 {print $4}')"
    if [ -n "$free_kb" ] && [ "$free_kb" -lt "$NEEDED_KB" ]; then
      echo "claude-code-tools: $((free_kb / 1024)) MB free on the disk of $dir; Claude Code $version needs about 365 MB (600 MB with room for npm). Free some space and run again." >&2
      exit 1
    fi
    # A package.json of its own, so that npm installs here and not into the repository's root.
    if [ ! -f "$dir/package.json" ]; then
      printf '{\n  "name": "claude-code-tools",\n  "private": true,\n  "description": "The real Claude Code CLI for the interop test, installed by scripts/claude-code-tools.sh (git-ignored)"\n}\n' \
        > "$dir/package.json"
    fi
    log "npm install @anthropic-ai/claude-code@$version (a 380 MB native binary) into $dir"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "@anthropic-ai/claude-code@$version" >&2)
    if [ ! -x "$claude" ]; then
      echo "claude-code-tools: $claude is missing after npm install" >&2
      exit 1
    fi
    echo "$want" > "$marker"
  fi
  # Sanity check: it runs offline and reports the version asked for.
  local line
  if ! line="$(claude_version "$claude" "$dir")"; then
    echo "claude-code-tools: '$claude --version' failed" >&2
    rm -f "$marker"
    exit 1
  fi
  case "$line" in
    "$version"*) ;;
    *) echo "claude-code-tools: expected version $version, got: $line" >&2; rm -f "$marker"; exit 1 ;;
  esac
  log "claude --version: $line ($dir)"
}

if [ "$ALL" = 1 ]; then
  for version in "${OLDER_VERSIONS[@]}"; do
    install "$version" "$TOOLS/versions/$version"
    echo "$version $TOOLS/versions/$version/node_modules/.bin/claude"
  done
fi
install "$CLAUDE_CODE_VERSION" "$TOOLS"
log "done in $((SECONDS - START))s"
echo "$TOOLS/node_modules/.bin/claude"
