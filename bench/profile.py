#!/usr/bin/env python3
"""Instruction counts (valgrind --tool=callgrind) of iki's load and query phases, repeatable on a
shared machine where wall times are not.

    python3 bench/profile.py [--iki PATH] [--offices 90] [--label TEXT] [--top 15]

The workload is the first N offices (by file name) of the province tier (bench/data/province,
written by generate.py): about 5% of it by default. Four runs under callgrind:

  start      iki with no data (the bundled catalogue): the cost of starting
  catalogue  + the catalogues: parsing, organisation files, codes
  ingest     + the realisations
  queries    + the five queries of run.py, each exported as CSV

Each phase's figure is the difference between two runs, so it is that phase's own work. The totals
and the top functions of every run are printed; `--label` appends a row to
bench/results/profile.md, the before/after history of the optimisations.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

QUERIES = [
    'show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%',
    "show indicators region, office, bidang, avg(achievement) as average, count(*) as indicators group by region, office, bidang",
    "show indicators code, achievement order by achievement limit 10",
    "show indicators code where realisation is missing",
    "show indicators bidang, avg(achievement) as average, avg(previous_achievement) as previous, "
    "avg(achievement) - avg(previous_achievement) as change group by bidang",
]


def subset(source, offices, out):
    """The first `offices` offices of a tier: catalogues (with organisation files) and realisations."""
    cat, real = os.path.join(out, "catalogues"), os.path.join(out, "realisations")
    os.makedirs(cat)
    os.makedirs(real)
    names = sorted(f[:-4] for f in os.listdir(os.path.join(source, "catalogues")) if f.endswith(".txt"))[:offices]
    for name in names:
        for folder, target in (("catalogues", cat), ("realisations", real)):
            for f in os.listdir(os.path.join(source, folder)):
                if f.startswith(name + "."):
                    shutil.copy(os.path.join(source, folder, f), target)
    return cat, real


def callgrind(cmd, out_file):
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}"] + cmd,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
    m = re.search(r"Collected : (\d+)", result.stderr)
    return int(m.group(1))


def top(out_file, n):
    result = subprocess.run(["callgrind_annotate", "--inclusive=no", out_file], capture_output=True, text=True)
    lines = [l for l in result.stdout.splitlines() if re.match(r"^\s*[\d,]+ \(", l)]
    return lines[1:n + 1]


def main():
    # Cold figures: iki reads the files every time, never a snapshot of an earlier run.
    os.environ["IKI_NO_CACHE"] = "1"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iki", default=os.path.join(ROOT, ".build-bench", "release", "iki"))
    parser.add_argument("--data", default=os.path.join(HERE, "data", "province"))
    parser.add_argument("--offices", type=int, default=90)
    parser.add_argument("--label", help="append the figures to bench/results/profile.md under this label")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        raise SystemExit(f"{args.data} is missing: python3 bench/generate.py --tier province")
    with tempfile.TemporaryDirectory() as tmp:
        cat, real = subset(args.data, args.offices, tmp)
        script = os.path.join(tmp, "queries.iki")
        with open(script, "w") as f:
            for i, q in enumerate(QUERIES):
                f.write(f'export {q} to "{tmp}/q{i}.csv" format csv;\n')
        mb = sum(os.path.getsize(os.path.join(cat, f)) for f in os.listdir(cat) if f.endswith(".txt")) / 1e6
        runs = {
            "start": [args.iki, "-c", "help", "--format", "csv"],
            "catalogue": [args.iki, "--catalogue", cat, "-c", "help"],
            "ingest": [args.iki, "--catalogue", cat, "--realisations", real, "-c", "help"],
            "queries": [args.iki, "--catalogue", cat, "--realisations", real, script],
        }
        counts = {}
        for name, cmd in runs.items():
            out_file = os.path.join(tmp, f"{name}.callgrind")
            counts[name] = callgrind(cmd, out_file)
            print(f"{name}: {counts[name]:,} instructions", file=sys.stderr)
            for line in top(out_file, args.top):
                print("    " + line, file=sys.stderr)
    phases = {
        "catalogue": counts["catalogue"] - counts["start"],
        "ingest": counts["ingest"] - counts["catalogue"],
        "queries": counts["queries"] - counts["ingest"],
    }
    print(f"subset: {args.offices} offices, catalogues {mb:.1f} MB")
    for name, n in phases.items():
        print(f"{name:10} {n / 1e6:12,.1f} M instructions")
    if args.label:
        path = os.path.join(HERE, "results", "profile.md")
        new = not os.path.exists(path)
        with open(path, "a") as f:
            if new:
                f.write("# Instruction counts (callgrind), first 90 offices of the province tier\n\n"
                        "`python3 bench/profile.py --label TEXT`; millions of instructions per phase, "
                        "each the difference of two runs.\n\n"
                        "| change | catalogue | ingest | query set |\n|---|---:|---:|---:|\n")
            f.write(f"| {args.label} | {phases['catalogue'] / 1e6:,.0f} | {phases['ingest'] / 1e6:,.0f} | {phases['queries'] / 1e6:,.0f} |\n")


if __name__ == "__main__":
    main()
