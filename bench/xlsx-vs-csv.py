#!/usr/bin/env python3
"""Loading a workbook against loading the same rows as CSV (iki check, release build).

    swift build -c release && python3 bench/xlsx-vs-csv.py [ROWS]   # needs openpyxl

Writes ROWS realisation rows (the bundled codes, month after month from 1900) as CSV and as
.xlsx (openpyxl, write-only), then times `iki check --realisations` on each (best of 3).
"""
import csv, os, subprocess, sys, tempfile, time
import openpyxl

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
IKI = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "iki")
codes = subprocess.run([IKI, "-c", "show indicators code", "--format", "csv"], capture_output=True, text=True).stdout.split()[1:]
folder = tempfile.mkdtemp()
rows, year, month = [], 1900, 1
while len(rows) < ROWS:
    for code in codes:
        rows.append((code, f"{year}-{month:02d}", month))
    month += 1
    if month > 12:
        month, year = 1, year + 1
rows = rows[:ROWS]
with open(os.path.join(folder, "r.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "period", "value"])
    w.writerows(rows)
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Realisasi")
ws.append(["code", "period", "value"])
for r in rows:
    ws.append(r)
wb.save(os.path.join(folder, "r.xlsx"))
for name in ("r.csv", "r.xlsx"):
    path = os.path.join(folder, name)
    best = min(timing for timing in (
        (lambda t0: (subprocess.run([IKI, "check", "--realisations", path], capture_output=True), time.perf_counter() - t0)[1])(time.perf_counter())
        for _ in range(3)))
    print(f"{name}: {os.path.getsize(path) / 1e6:.1f} MB, {ROWS} rows, iki check {best:.2f} s")
