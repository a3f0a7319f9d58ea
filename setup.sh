#!/usr/bin/env bash
# Set up everything the hub needs on a fresh machine, inside this folder:
#   .venv/         Python packages, pinned in requirements.txt
#   node_modules/  front-end assets from the npm registry, pinned in package-lock.json
# With --browser it also installs what the tests use from Debian: chromium (the browser tests),
# a headless Java runtime (the W3C Nu HTML checker, vnu.jar from npm) and the British English
# word list (the search tokenizer's proof over a whole dictionary).
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")"

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

if [ -f package-lock.json ]; then
  # --ignore-scripts: no package needs an install script (vnu-jar's would download a Java
  # runtime from the internet; it uses Debian's instead).
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ]; then
  missing=""
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  command -v java >/dev/null || missing="$missing default-jre-headless"
  [ -f /usr/share/dict/british-english ] || missing="$missing wbritish"
  if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  fi
fi
echo "Setup complete."
