#!/usr/bin/env python3
"""Loading a workbook against loading the same rows as CSV (iki check, release build).

    swift build -c release && python3 bench/xlsx-vs-csv.py [ROWS] [--iki PATH] [--data DIR] [--runs N]

Writes ROWS realisation rows (the bundled codes, month after month from 1900) as CSV and as
.xlsx (openpyxl, write-only), then times `iki check --realisations` on each: the median of N runs
(default 3) of wall time, user CPU and maximum RSS (GNU time). `--data DIR` keeps the two files
there and reuses them when they are already there (to compare two builds on the same files).
"""
import argparse, csv, os, statistics, subprocess, tempfile, time
import openpyxl

parser = argparse.ArgumentParser()
parser.add_argument("rows", nargs="?", type=int, default=300000)
parser.add_argument("--iki", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "iki"))
parser.add_argument("--data")
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()
IKI, ROWS = args.iki, args.rows
folder = args.data or tempfile.mkdtemp()
os.makedirs(folder, exist_ok=True)
csv_path, xlsx_path = os.path.join(folder, f"r{ROWS}.csv"), os.path.join(folder, f"r{ROWS}.xlsx")
if not (os.path.exists(csv_path) and os.path.exists(xlsx_path)):
    codes = subprocess.run([IKI, "-c", "show indicators code", "--format", "csv"], capture_output=True, text=True).stdout.split()[1:]
    rows, year, month = [], 1900, 1
    while len(rows) < ROWS:
        for code in codes:
            rows.append((code, f"{year}-{month:02d}", month))
        month += 1
        if month > 12:
            month, year = 1, year + 1
    rows = rows[:ROWS]
    with open(csv_path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "period", "value"])
        w.writerows(rows)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Realisasi")
    ws.append(["code", "period", "value"])
    for r in rows:
        ws.append(r)
    wb.save(xlsx_path)
outputs = {}
for path in (csv_path, xlsx_path):
    walls, users, rss = [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%U %M", IKI, "check", "--realisations", path], capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        user, kb = done.stderr.strip().splitlines()[-1].split()
        users.append(float(user))
        rss.append(int(kb) / 1024)
        outputs[path] = done.stdout.replace(path, "FILE")
    print(f"{os.path.basename(path)}: {os.path.getsize(path) / 1e6:.1f} MB, {ROWS} rows, iki check median of {args.runs}: "
          f"wall {statistics.median(walls):.2f} s, user {statistics.median(users):.2f} s, max RSS {statistics.median(rss):.0f} MB "
          f"(walls {', '.join(f'{w:.2f}' for w in walls)})")
print("same output:", outputs[csv_path] == outputs[xlsx_path])
