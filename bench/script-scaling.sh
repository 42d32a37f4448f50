#!/usr/bin/env bash
# How a script's run time and memory grow with its length: they should grow linearly (a script is
# lexed and parsed once). Prints seconds and max RSS for scripts of 1k, 2k and 5k statements, a
# 20 KB script of ';' and a 1 MB script of '--' comments.
# Usage: bench/script-scaling.sh [path/to/iki]   (default: .build/debug/iki, built if missing)
set -euo pipefail
# Cold figures: iki reads the files every time, never a snapshot of an earlier run.
export IKI_NO_CACHE=1
cd "$(dirname "$0")/.."
iki=${1:-.build/debug/iki}
[ -x "$iki" ] || swift build --product iki >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # name file
  /usr/bin/time -f '%e %M' -o "$work/time" "$iki" --format csv "$2" >/dev/null 2>"$work/stderr" || true
  read -r seconds kb <"$work/time"
  printf '%-28s %8s bytes  %6ss  %7s KB max RSS\n' "$1" "$(wc -c <"$2")" "$seconds" "$kb"
}

for n in 1000 2000 5000; do
  awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "show units where kind = \"bidang\";" }' >"$work/statements-$n.iki"
  measure "$n statements" "$work/statements-$n.iki"
done
for kb in 5 10 20; do
  awk -v n=$((kb * 1024)) 'BEGIN { for (i = 0; i < n; i++) printf ";" }' >"$work/semicolons-$kb.iki"
  measure "$kb KB of ';'" "$work/semicolons-$kb.iki"
done
awk 'BEGIN { for (i = 0; i < 24000; i++) print "-- a comment line of about forty characters" }' >"$work/comments.iki"
measure "1 MB of comments" "$work/comments.iki"
