#!/usr/bin/env bash
# Installs the package as a user would (`npm pack`, then the tarball into an empty folder
# with production dependencies only) and runs the CLI from there: `chuyende --help`,
# `chuyende demo`, `chuyende kiem-tra` on the demo's register. Fails if any of them fails,
# so a module loaded at run time but missing from `dependencies`, or a file missing from
# `files`, stops CI.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# `npm pack` runs `prepare` (tsc → build/), which the tarball ships.
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/user"
cd "$work/user"
npm init -y >/dev/null
npm install --omit=dev --no-audit --no-fund --ignore-scripts "$work/$tarball" >/dev/null
test ! -e node_modules/typescript || { echo "typescript reached a production install" >&2; exit 1; }
test ! -e node_modules/webpack || { echo "webpack reached a production install" >&2; exit 1; }

bin=node_modules/.bin/chuyende
set -x
"$bin" --help >/dev/null
"$bin" demo -o demo-out >/dev/null
register=demo-out/so-chuyen-de-mau.xlsx
"$bin" kiem-tra "$register" --json >/dev/null || [ $? -eq 1 ]
set +x
echo "Packed install: --help, demo, kiem-tra ran from $work/user."
