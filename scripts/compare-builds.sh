#!/usr/bin/env bash
# Build the same content with the code of two commits and compare every output file, byte for byte.
#   bash scripts/compare-builds.sh BEFORE [AFTER]     (AFTER: the working tree when left out)
# The content of BEFORE is used for both builds, so only the code differs. Prints the files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
before=${1:?usage: compare-builds.sh BEFORE [AFTER]}
after=${2:-}
work=$(mktemp -d)
# the builder's mkdocs plugin is found through the installed package's entry point: each side installs
# its own tree for its build, and the checkout is installed again at the end
trap '"$root/.venv/bin/python" -m pip install -q --no-deps -e "$root" >/dev/null 2>&1 || true;
      git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true;
      git -C "$root" worktree remove --force "$work/after" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/before" "$before"
if [ -n "$after" ]; then
  git worktree add -q --detach "$work/after" "$after"
else
  mkdir "$work/after"
  git ls-files -co --exclude-standard | grep -v '^content/' | tar -cf - -T - | tar -xf - -C "$work/after"
fi
rm -rf "$work/after/content" && cp -r "$work/before/content" "$work/after/content"
for side in before after; do
  ln -s "$root/node_modules" "$work/$side/node_modules"
  "$root/.venv/bin/python" -m pip install -q --no-deps -e "$work/$side" >/dev/null 2>&1
  (cd "$work/$side" && "$root/.venv/bin/python" -m builder build --no-cache >/dev/null)
done
differ=$(diff -rq "$work/before/site" "$work/after/site"; diff -rq "$work/before/dist" "$work/after/dist") || true
files=$(find "$work/after/site" "$work/after/dist" -type f | wc -l)
if [ -n "$differ" ]; then
  echo "$differ"
  echo "$(echo "$differ" | wc -l) of $files files differ"
  exit 1
fi
echo "all $files files of site/ and dist/ are byte-identical"
