#!/usr/bin/env bash
# Prepares a fresh machine for Atelier: the pinned pnpm, the Node packages (better-sqlite3 is
# compiled from source when no prebuilt binary can be fetched) and, with --with-browser,
# Debian's Chromium for the end-to-end tests. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
WITH_BROWSER=false
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=true ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# node-gyp downloads Node's headers unless told where they are; use the system's when present.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

pnpm install --frozen-lockfile

if [ "$WITH_BROWSER" = true ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)" >&2
    exit 1
  fi
fi
