#!/usr/bin/env python3
"""Hostile inputs of the robustness issue (10): how long each takes and how much memory it needs.
Each figure should stay a few seconds beyond loading, and memory a small multiple of the input.

    python3 bench/hostile.py [--iki .build/release/iki] [--cases unknown-codes,long-literal,...]
                             [--province bench/data/province]

Cases:
    unknown-codes   200 codes without their office prefix against a province (140k indicators);
                    needs the province tier (python3 bench/generate.py --tier province), else skipped.
                    Timed: `iki check` with and without the file of unknown codes.
    long-literal    `show units where bidang = "<1 MB>"` on the bundled data.
    many-periods    one indicator reported for every month, quarter, semester and year from 1900 to
                    2999 (20,900 rows); `show realisations where code = SDIN-1`.
    big-script      a 50 MB script of comments and queries: max RSS against its size.
    big-export      an export of about 200 MB (one realisations file of that size, about a million
                    rows of the bundled catalogue's count indicators, exported whole): max RSS
                    against its size. (Until 2026-12-02 it used codes SDIN-4..8, which do not
                    exist: 5/8 of the rows were refused and the export was 8 MB.)

Prints one line per case: seconds, max RSS in MB, input MB.
"""
import argparse, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(iki, args, work, stdin=None):
    """(seconds, max RSS MB, exit status) of one run, output discarded."""
    timing = os.path.join(work, "time")
    with open(os.devnull, "w") as null:
        status = subprocess.call(["/usr/bin/time", "-f", "%e %M", "-o", timing, iki] + args,
                                 stdout=null, stderr=null, stdin=stdin, cwd=work)
    with open(timing) as f:
        last = f.read().split("\n")[-2].split()
    return float(last[0]), int(last[1]) / 1024, status


def report(name, seconds, rss, size_mb, status, extra=""):
    print(f"{name:16} {seconds:8.2f} s  {rss:8.1f} MB max RSS  input {size_mb:7.1f} MB  exit {status}  {extra}", flush=True)


def unknown_codes(iki, work, province):
    if not os.path.isdir(province):
        print(f"unknown-codes    skipped: no {province} (python3 bench/generate.py --tier province)")
        return
    codes = []
    folder = os.path.join(province, "realisations")
    for name in sorted(os.listdir(folder)):
        if not name.endswith("realisations-2026.csv"):
            continue
        with open(os.path.join(folder, name)) as f:
            next(f)
            for line in f:
                short = line.split(",")[0].rsplit(".", 1)[-1]
                if short not in codes:
                    codes.append(short)
                if len(codes) == 200:
                    break
        if len(codes) == 200:
            break
    path = os.path.join(work, "unknown.csv")
    with open(path, "w") as f:
        f.write("code,period,value\n")
        for code in codes:
            f.write(f"{code},2026-01,1\n")
    catalogues = os.path.join(province, "catalogues")
    base = run(iki, ["check", "--catalogue", catalogues], work)
    seconds, rss, status = run(iki, ["check", "--catalogue", catalogues, "--realisations", path], work)
    report("unknown-codes", seconds, rss, os.path.getsize(path) / 1e6, status, f"(load alone {base[0]:.2f} s)")


def long_literal(iki, work):
    path = os.path.join(work, "long.iki")
    with open(path, "w") as f:
        f.write('show units where bidang = "' + "x" * 1_000_000 + '";\n')
    seconds, rss, status = run(iki, ["--format", "csv", path], work)
    report("long-literal", seconds, rss, os.path.getsize(path) / 1e6, status)


def many_periods(iki, work):
    path = os.path.join(work, "periods.csv")
    with open(path, "w") as f:
        f.write("code,period,value\n")
        for year in range(1900, 3000):
            for m in range(1, 13):
                f.write(f"SDIN-1,{year}-{m:02d},1\n")
            for q in range(1, 5):
                f.write(f"SDIN-1,{year}-Q{q},3\n")
            for s in range(1, 3):
                f.write(f"SDIN-1,{year}-S{s},6\n")
            f.write(f"SDIN-1,{year},12\n")
    seconds, rss, status = run(iki, ["--realisations", path, "--format", "csv", "-c", "show realisations where code = SDIN-1"], work)
    report("many-periods", seconds, rss, os.path.getsize(path) / 1e6, status, "(20,900 rows of one indicator)")


def big_script(iki, work):
    path = os.path.join(work, "big.iki")
    line = "-- a comment line of about forty characters, and a query after it\nshow units where kind = \"bidang\" limit 1;\n"
    with open(path, "w") as f:
        f.write(line * (50_000_000 // len(line)))
    seconds, rss, status = run(iki, ["--format", "csv", path], work)
    report("big-script", seconds, rss, os.path.getsize(path) / 1e6, status)


def big_export(iki, work):
    # Count indicators of the bundled catalogue (codes that load), a month each from 1900 to 2999,
    # with a note: about a million rows, an export of about 200 MB.
    listed = subprocess.run([iki, "--format", "csv", "-c", 'show indicators code where kind = "count"'],
                            capture_output=True, text=True, cwd=work).stdout.split()[1:]
    codes = listed[:80]
    path = os.path.join(work, "big.csv")
    with open(path, "w") as f:
        f.write("code,period,value,note\n")
        note = "n" * 210
        for code in codes:
            for year in range(1900, 3000):
                for m in range(1, 13):
                    f.write(f"{code},{year}-{m:02d},{m},{note}\n")
    out = os.path.join(work, "export.csv")
    seconds, rss, status = run(iki, ["--realisations", path, "-c",
                                     f'export show realisations code, period, value, note to "{out}"'], work)
    size = os.path.getsize(out) / 1e6 if os.path.exists(out) else 0
    report("big-export", seconds, rss, size, status,
           f"(export of {size:.0f} MB; realisations file {os.path.getsize(path) / 1e6:.0f} MB, {len(codes)} indicators)")


def main():
    # Cold figures: iki reads the files every time, never a snapshot of an earlier run.
    os.environ["IKI_NO_CACHE"] = "1"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iki", default=os.path.join(ROOT, ".build", "release", "iki"))
    parser.add_argument("--cases", default="unknown-codes,long-literal,many-periods,big-script,big-export")
    parser.add_argument("--province", default=os.path.join(HERE, "data", "province"))
    args = parser.parse_args()
    iki = os.path.abspath(args.iki)
    if not os.access(iki, os.X_OK):
        sys.exit(f"no {iki}: swift build -c release --product iki (or --iki PATH)")
    with tempfile.TemporaryDirectory() as work:
        for case in args.cases.split(","):
            if case == "unknown-codes":
                unknown_codes(iki, work, os.path.abspath(args.province))
            elif case == "long-literal":
                long_literal(iki, work)
            elif case == "many-periods":
                many_periods(iki, work)
            elif case == "big-script":
                big_script(iki, work)
            elif case == "big-export":
                big_export(iki, work)
            else:
                sys.exit(f"unknown case '{case}'")


if __name__ == "__main__":
    main()
