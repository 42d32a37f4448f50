#!/usr/bin/env bash
# How quickly Ctrl-C stops a long result being printed and gives the prompt back (issue 12): the
# REPL in an 80x40 tmux over a generated tier (pager off), `show realisations` (every row of the
# year), Ctrl-C after PRINT_FOR seconds, the time until `iki>` is the last line again. Also the
# time the progress line first shows during the load. Timing lives here, never in a test. Ctrl-C
# that lands while the result is still being computed or laid out (before printing starts) waits
# for that to finish: raise PRINT_FOR to measure the printing alone.
#
#     bash bench/interrupt-printing.sh [IKI] [TIER_DIR]     # defaults: .build/release/iki, bench/data/small-province
set -euo pipefail
# Cold figures: iki reads the files every time, never a snapshot of an earlier run.
export IKI_NO_CACHE=1
IKI=${1:-.build/release/iki}
DATA=${2:-bench/data/small-province}
PRINT_FOR=${PRINT_FOR:-0.5}
[ -d "$DATA" ] || python3 bench/generate.py --tier "$(basename "$DATA")" --out "$(dirname "$DATA")"
SOCKET=$(mktemp -u /tmp/iki-bench-tmux.XXXXXX)
trap 'tmux -S "$SOCKET" kill-server 2>/dev/null || true' EXIT
now() { date +%s.%N; }
last_line() { tmux -S "$SOCKET" capture-pane -p | grep -v '^\s*$' | tail -1; }

started=$(now)
tmux -S "$SOCKET" new-session -d -x 80 -y 40 \
  "env IKI_PAGER= IKI_HISTORY= NO_COLOR=1 $IKI --catalogue $DATA/catalogues --realisations $DATA/realisations; sleep 30"
progress=""
until [ "$(last_line)" = "iki>" ]; do
  if [ -z "$progress" ] && tmux -S "$SOCKET" capture-pane -p | grep -q '^loading '; then progress=$(now); fi
  sleep 0.05
done
loaded=$(now)
tmux -S "$SOCKET" send-keys -l 'show realisations code, period, value, achievement for 2026;'
tmux -S "$SOCKET" send-keys Enter
sleep "$PRINT_FOR"
pressed=$(now)
tmux -S "$SOCKET" send-keys C-c
until [ "$(last_line)" = "iki>" ]; do sleep 0.01; done
back=$(now)
if [ -n "$progress" ]; then seen="$(echo "$progress - $started" | bc) s"; else seen="never (a load under 1 s)"; fi
echo "load: $(echo "$loaded - $started" | bc) s (progress line first seen after $seen)"
echo "Ctrl-C to prompt while printing: $(echo "($back - $pressed) * 1000" | bc | cut -d. -f1) ms"
