#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine and runs the whole
# suite: unit, integration (SQLite, Redis, slapd, SMTP, xmlsec1) and browser (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> system packages (slapd, ldap-utils, xmlsec1, chromium, openssl, redis)"
bash scripts/install-system-deps.sh

echo "==> Redis on 127.0.0.1:6379"
bash scripts/ensure-redis.sh

echo "==> npm ci"
npm ci --no-audit --no-fund

echo "==> native modules"
if ! node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"; then
  echo "better-sqlite3 did not load: its install script did not run or built for another Node.js." >&2
  echo "Check 'npm install-scripts ls' and that Node.js is 20.x (better-sqlite3 13 crashes on Node 20)." >&2
  exit 1
fi

echo "==> type check"
npx tsc -p tsconfig.json --noEmit

echo "==> tests"
npm test
