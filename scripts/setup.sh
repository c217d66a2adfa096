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

# Test tools from npm (axe-core, scorm-again, vnu-jar, Lighthouse 12, ESLint) and Decap CMS with decap-server
# (the editor at /admin/); package-lock.json pins them.
npm ci --no-audit --no-fund --silent

# Decap CMS, the editor the build puts at /admin/ (builder/outputs/admin.py): its bundle (the main script,
# the chunks it loads and their WebAssembly) is copied from node_modules, never fetched from a CDN, into
# .cache/vendor/decap-cms/ (not committed). Without it the build leaves /admin/ out and says so.
rm -rf .cache/vendor/decap-cms
mkdir -p .cache/vendor/decap-cms
cp node_modules/decap-cms/dist/decap-cms.js node_modules/decap-cms/dist/decap-cms.js.LICENSE.txt \
  node_modules/decap-cms/dist/[0-9]*.decap-cms.js node_modules/decap-cms/dist/*.wasm .cache/vendor/decap-cms/

# The iframe-worker shim, which Material's search needs from file:// (Chromium runs no Web Worker there;
# theme/main.html loads it on file:// only): copied from node_modules into the theme (not committed), so
# the build, which stays Python-only, puts it in the site. Without it only search from file:// is missing.
mkdir -p theme/assets/vendor/iframe-worker
cp node_modules/iframe-worker/shim/index.js theme/assets/vendor/iframe-worker/shim.js
cp node_modules/iframe-worker/LICENSE theme/assets/vendor/iframe-worker/LICENSE

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip 2>/dev/null || true
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/builder build
