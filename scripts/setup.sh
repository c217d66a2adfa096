#!/usr/bin/env bash
# Set up everything on a fresh Debian machine (Python venv, Debian's Chromium for the browser tests)
# and build the whole thing from the bundled content: the portal into site/, packages and PDFs into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium (browser tests, Lighthouse), Java (the Nu Html Checker), and Pango with the
# DejaVu fonts for WeasyPrint (the print editions; DejaVu has every Kazakh letter).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
for package in fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages the tests need: sudo apt-get install -y ${missing[*]}" >&2
  fi
fi

# Test tools from npm (axe-core, scorm-again, vnu-jar, Lighthouse 12, ESLint); package-lock.json pins them.
npm ci --no-audit --no-fund --silent

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip 2>/dev/null || true
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/builder build
