#!/usr/bin/env bash
# Set up everything the hub needs on a fresh machine, inside this folder:
#   .venv/         Python packages, pinned in requirements.txt
#   node_modules/  front-end assets from the npm registry, pinned in package-lock.json
# With --browser it also installs Debian's chromium, which the browser tests drive.
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")"

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
echo "Setup complete."
