#!/usr/bin/env bash
# Installs the peers the benchmark compares iki with: the sqlite3 shell (Debian) and DuckDB
# (Python package), plus GNU time for peak memory. Idempotent: installs only what is missing.
#
#   bash bench/peers-setup.sh
set -euo pipefail

missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import duckdb' >/dev/null 2>&1; then
    # Debian's own python refuses pip installs into the system (PEP 668); fall back to the flag.
    "$PYTHON" -m pip install --quiet duckdb 2>/dev/null \
        || "$PYTHON" -m pip install --quiet --break-system-packages duckdb
fi

echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "duckdb $("$PYTHON" -c 'import duckdb; print(duckdb.__version__)')"
echo "time: $(/usr/bin/time --version 2>&1 | head -1)"
