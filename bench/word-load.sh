#!/usr/bin/env bash
# How long a ~1 MB Word catalogue takes to load, against the same catalogue as text:
#   bench/word-load.sh [IKI]      (default: builds and uses the release iki)
# The .docx is the bundled catalogue in the Word-like style (split runs, numbering, merged cells,
# OMML fractions) repeated REPEAT times by Tests/Fixtures/office/build_docx.py (python-docx); the
# text is the same blocks repeated as often. Prints the best of 5 wall and CPU times of `iki check` for each.
set -euo pipefail
cd "$(dirname "$0")/.."
IKI=${1:-}
if [ -z "$IKI" ]; then swift build -c release --product iki >/dev/null; IKI=.build/release/iki; fi
REPEAT=${REPEAT:-28}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
python3 Tests/Fixtures/office/build_docx.py --repeat "$REPEAT" --style word "$out/big.docx"
python3 - "$REPEAT" "$out/big.txt" <<'PY'
import sys
repeat, path = int(sys.argv[1]), sys.argv[2]
lines = open("examples/catalogue.txt", encoding="utf-8").read().split("\n")
last = max(i for i, l in enumerate(lines) if l.count("\t") >= 3) + 1
open(path, "w", encoding="utf-8").write("\n".join(lines[:last] * repeat + lines[last:]))
PY
# Wall and CPU (user + sys) seconds, best of 5: on a shared machine the CPU time is the steadier.
best() {
  local t=$(mktemp)
  for _ in 1 2 3 4 5; do /usr/bin/time -f "%e %U %S" -a -o "$t" "$IKI" check --catalogue "$1" >/dev/null 2>&1 || true; done
  python3 -c "import sys; r=[l.split() for l in open(sys.argv[1]) if l[0].isdigit()]; print('%.3f s | %.3f s' % (min(float(a) for a,_,_ in r), min(float(b)+float(c) for _,b,c in r)))" "$t"
  rm -f "$t"
}
docx_size=$(stat -c %s "$out/big.docx"); txt_size=$(stat -c %s "$out/big.txt")
positions=$("$IKI" check --catalogue "$out/big.docx" 2>/dev/null | grep '^positions' || true)
echo "| file | size | wall (best of 5) | CPU (best of 5) |"
echo "|---|---:|---:|---:|"
echo "| .docx x$REPEAT ($positions) | $((docx_size / 1024)) KB | $(best "$out/big.docx") |"
echo "| .txt x$REPEAT | $((txt_size / 1024)) KB | $(best "$out/big.txt") |"
