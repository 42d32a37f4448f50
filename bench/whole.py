#!/usr/bin/env python3
"""The whole run, side by side: how long a user waits from starting the program to its last result,
for iki cold (no snapshot), iki warm (its snapshot), DuckDB with 1 and 2 threads and the sqlite3
shell, on the same files and the four queries of issue 15 (mission, group by region/office/bidang,
worst 10, not reported); ratios iki ÷ each, peak memory against the input, results checked equal.

    bash bench/peers-setup.sh                                      # sqlite3, DuckDB, GNU time (once)
    python3 bench/generate.py --tier province --layout one-file --from bench/data/province
    python3 bench/whole.py --data bench/data/province --data bench/data/province-one-file [--runs 5]

Each --data is a tier folder written by generate.py (either layout). The engines run in turn, round
after round (iki cold, iki warm, DuckDB 1 thread, DuckDB 2 threads, sqlite3, then again), so a
drift in the shared machine's speed touches all of them alike; each figure is the median of --runs.
A peer's result that differs from iki's, or iki warm's from iki cold's, fails the run (exit 1).

    python3 bench/whole.py --check-only --data DIR --iki .build/debug/iki

runs each engine once and checks the results only (CI: Tests/CLITests/BenchSmokeTests.swift).

    python3 bench/whole.py --data bench/data/national --engines "iki warm,duckdb 2 threads" --runs 1

runs only those engines (and iki cold, the results' reference): the national tier without sqlite3.

What each engine is given (see bench/README.md, "The whole run"):
  iki       the catalogues folder and the realisations folder; a script of four `export ... to FILE
            format csv`. Cold: `--no-cache` and an empty XDG_CACHE_HOME when the binary has a
            snapshot (`--no-cache` in its help), else plain. Warm: a second run with the cache in a
            temporary XDG_CACHE_HOME filled by one untimed run; "not available" without a snapshot.
  DuckDB    (Python, run.py's session) `SET threads = N`, the realisations CSVs with read_csv, the
            flat indicators CSV iki exports (made before timing, as in run.py), the four queries
            with COPY ... TO.
  sqlite3   `sqlite3 :memory:`: .import of the same CSVs and the indicators CSV, the four queries
            with .once.
Whole run = wall time of the process from outside (fork to exit, so start-up, loading, the queries,
writing the results and the exit are all in it). CPU = user + system seconds (GNU time): steadier
than wall time on a shared machine, and the sum over threads. Peak memory = GNU time's maximum
resident set.
"""
import argparse
import json
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402  (the query set, its SQL and the comparison are run.py's)

FOUR = ["mission", "bidang-office", "worst-10", "not-reported"]
ENGINES = ["iki cold", "iki warm", "duckdb 1 thread", "duckdb 2 threads", "sqlite3"]
QUERIES = [q for q in bench.QUERIES if q[0] in FOUR]


def log(text):
    print(text, file=sys.stderr, flush=True)


def timed_process(cmd, env=None):
    """Wall seconds, peak RSS (kB) and CPU seconds (user + system, GNU time) of one process; its
    failure stops the run."""
    start = time.perf_counter()
    result = subprocess.run(bench.with_time_v(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0 or ("Error" in result.stderr and cmd[0].endswith("sqlite3")):
        raise SystemExit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-3000:]}")
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([0-9.]+)", result.stderr)) or None
    return wall, bench.peak_rss_kb(result.stderr), cpu


def iki_has_snapshot(iki):
    """Whether this iki keeps a snapshot: `--no-cache` in its help (the root's or run's)."""
    texts = [subprocess.run([iki] + args, capture_output=True, text=True).stdout for args in (["--help"], ["run", "--help"])]
    return any("--no-cache" in t for t in texts)


class Layout:
    """One tier folder: its files, the engines' commands over it, and where their results go."""

    def __init__(self, base, iki, work, snapshot, only=None):
        self.base = base
        with open(os.path.join(base, "tier.json")) as f:
            self.info = json.load(f)
        self.name = os.path.basename(os.path.normpath(base))
        self.catalogues, self.realisations = os.path.join(base, "catalogues"), os.path.join(base, "realisations")
        self.work = os.path.join(work, self.name)
        os.makedirs(self.work, exist_ok=True)
        csvs = bench.files_in(self.realisations, ".csv")
        self.csv_files, self.csv_bytes = len(csvs), sum(os.path.getsize(p) for p in csvs)
        self.catalogue_bytes = sum(os.path.getsize(p) for p in bench.files_in(self.catalogues, ".txt"))
        self.organisation_bytes = sum(os.path.getsize(p) for p in bench.files_in(self.catalogues, ".organisation.csv"))
        log(f"{self.name}: the flat indicators CSV for the peers (iki's export, not timed) ...")
        self.indicators_csv = os.path.join(self.work, "indicators.csv")
        bench.flat_indicators(iki, self.catalogues, self.realisations, self.indicators_csv)
        self.indicators_bytes = os.path.getsize(self.indicators_csv)
        period = self.info["latest"]
        self.sql = [(name, bench.sql_for(sql, period, bench.previous_month(period), period[:4])) for name, _, sql, _ in QUERIES]
        self.groups = [(list(h), files) for h, files in bench.csv_groups(self.realisations).items()]
        self.engines = {name: setup for name, setup in self._engines(iki, snapshot).items() if only is None or name in only}

    def out(self, engine):
        path = os.path.join(self.work, engine)
        os.makedirs(path, exist_ok=True)
        return path

    def _engines(self, iki, snapshot):
        """name -> (command, environment, input bytes); None for an engine not available."""
        iki_input = self.catalogue_bytes + self.organisation_bytes + self.csv_bytes
        peer_input = self.csv_bytes + self.indicators_bytes
        engines = {}
        for variant in ("iki cold", "iki warm"):
            out = self.out(variant.replace(" ", "-"))
            script = os.path.join(out, "queries.iki")
            with open(script, "w") as f:
                for name, statement, _, _ in QUERIES:
                    f.write(f'export {statement} to "{os.path.join(out, name + ".csv")}" format csv;\n')
            cmd = [iki, "--catalogue", self.catalogues, "--realisations", self.realisations, "--format", "csv", "--quiet", script]
            env = dict(os.environ)
            env.pop("IKI_NO_CACHE", None)  # the warm run's snapshot is the point
            # A cache of its own either way, so no snapshot written by anyone else is used.
            env["XDG_CACHE_HOME"] = os.path.join(out, "cache")
            os.makedirs(env["XDG_CACHE_HOME"], exist_ok=True)
            if variant == "iki cold":
                engines[variant] = (cmd + (["--no-cache"] if snapshot else []), env, iki_input)
            else:
                engines[variant] = (cmd, env, iki_input) if snapshot else None
        if bench.available_peers(["duckdb"]):
            for threads in (1, 2):
                name = f"duckdb {threads} thread" + ("s" if threads > 1 else "")
                out = self.out(f"duckdb-{threads}")
                spec = os.path.join(out, "session.json")
                with open(spec, "w") as f:
                    json.dump({"threads": threads, "groups": self.groups, "indicators": self.indicators_csv,
                               "queries": self.sql, "out": out}, f)
                # run.py's DuckDB session (its per-query timings are not used here).
                engines[name] = ([sys.executable, os.path.join(HERE, "run.py"), "--duckdb-session", spec], None, peer_input)
        if bench.available_peers(["sqlite3"]):
            out = self.out("sqlite3")
            script = os.path.join(out, "session.sql")
            with open(script, "w") as f:
                f.write(bench.sqlite_script(self.groups, self.indicators_csv, self.sql, out))
            engines["sqlite3"] = (["sqlite3", ":memory:", f".read {script}"], None, peer_input)
        return engines

    def result_dir(self, engine):
        return os.path.join(self.work, {"iki cold": "iki-cold", "iki warm": "iki-warm", "duckdb 1 thread": "duckdb-1",
                                        "duckdb 2 threads": "duckdb-2", "sqlite3": "sqlite3"}[engine])

    def check(self):
        """Every engine's results against iki cold's; returns the failures and the row counts."""
        failures, rows = [], {}
        reference = self.result_dir("iki cold")
        for name, _, _, spec in QUERIES:
            iki_rows = bench.read_csv(os.path.join(reference, name + ".csv"))
            rows[name] = len(iki_rows)
            for engine, setup in self.engines.items():
                if engine == "iki cold" or setup is None:
                    continue
                theirs = os.path.join(self.result_dir(engine), name + ".csv")
                if engine == "iki warm":
                    with open(theirs, "rb") as a, open(os.path.join(reference, name + ".csv"), "rb") as b:
                        if a.read() != b.read():
                            failures.append(f"{self.name}: {name}: iki warm's result differs from iki cold's")
                    continue
                for problem in bench.compare(name, spec, iki_rows, bench.read_csv(theirs), engine):
                    failures.append(f"{self.name}: {name}: {problem}")
        return failures, rows


def measure(layout, runs, check_only):
    engines = {name: setup for name, setup in layout.engines.items() if setup is not None}
    if "iki warm" in engines:
        log(f"{layout.name}: iki warm: one untimed run to write the snapshot ...")
        cmd, env, _ = engines["iki warm"]
        timed_process(cmd, env)
    figures = {name: {"wall": [], "rss_kb": [], "cpu": []} for name in engines}
    for r in range(1 if check_only else runs):
        for name, (cmd, env, _) in engines.items():
            wall, rss, cpu = timed_process(cmd, env)
            figures[name]["wall"].append(wall)
            figures[name]["rss_kb"].append(rss or 0)
            figures[name]["cpu"].append(cpu)
            log(f"{layout.name}: round {r + 1}: {name} {wall:.3f} s wall, {cpu or 0:.3f} s CPU, {(rss or 0) / 1024:,.0f} MB")
    failures, rows = layout.check()
    if failures:
        log("\n".join(["", f"RESULTS DIFFER ({layout.name}):"] + ["  " + f for f in failures] + [""]))
        raise SystemExit(1)
    log(f"{layout.name}: results equal to iki's for " + ", ".join(n for n in engines if n != "iki cold") +
        " (" + ", ".join(f"{k} {v} rows" for k, v in rows.items()) + ")")
    return figures, rows


def interpreter_start(runs):
    """What DuckDB's figures carry that is not DuckDB's work: starting Python and importing duckdb."""
    return statistics.median(timed_process([sys.executable, "-c", "import duckdb"])[0] for _ in range(max(3, runs)))


def table(layout, figures, rows, runs, python_start, snapshot):
    info = layout.info
    mb = 1e6
    shape = (f"one file ({layout.csv_files} CSV)" if info.get("layout") == "one-file"
             else f"one targets and one realisations file per office ({layout.csv_files:,} CSVs)")
    lines = [f"### {layout.name}: {shape}", "",
             f"{info['offices']:,} offices, {info['indicators']:,} indicators, {info['rows']:,} realisation and target rows; "
             f"catalogues {layout.catalogue_bytes / mb:,.1f} MB + organisation files {layout.organisation_bytes / mb:,.1f} MB, "
             f"realisations {layout.csv_bytes / mb:,.1f} MB; the peers' flat indicators CSV {layout.indicators_bytes / mb:,.1f} MB. "
             f"Latest month {info['latest']}. Rows: " + ", ".join(f"{k} {v:,}" for k, v in rows.items()) + ".", "",
             "| engine | whole run, s (median) | min-max | iki cold ÷ it | iki warm ÷ it | CPU, s (median) | iki cold's CPU ÷ it | peak memory, MB | ÷ its input |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    med = {name: statistics.median(f["wall"]) for name, f in figures.items()}
    cpu = {name: statistics.median(f["cpu"]) if all(f["cpu"]) else None for name, f in figures.items()}
    cold, warm = med.get("iki cold"), med.get("iki warm")
    for name, setup in layout.engines.items():
        if setup is None:
            lines.append(f"| {name} | not available (this iki has no snapshot: no `--no-cache` in its help) | | | | | | | |")
            continue
        f = figures[name]
        peak = max(f["rss_kb"]) * 1024
        cpu_cells = (f"{cpu[name]:.3f} | " + (f"{cpu['iki cold'] / cpu[name]:.2f}" if cpu.get("iki cold") else "-")) if cpu[name] else "- | -"
        lines.append(f"| {name} | {med[name]:.3f} | {min(f['wall']):.3f}-{max(f['wall']):.3f} | "
                     f"{cold / med[name]:.2f} | " + (f"{warm / med[name]:.2f}" if warm else "-") +
                     f" | {cpu_cells} | {peak / 2**20:,.0f} | {peak / setup[2]:.2f} |")
    lines.append("")
    if python_start is not None and any(n.startswith("duckdb") for n in figures):
        lines.append(f"DuckDB's figures include starting Python and `import duckdb`: {python_start:.3f} s (median) of each.")
    lines.append(f"Medians of {runs} rounds; iki ÷ it below 1 means iki finished first. Input: iki reads the catalogues, "
                 f"organisation files and realisations ({(layout.catalogue_bytes + layout.organisation_bytes + layout.csv_bytes) / mb:,.1f} MB); "
                 f"the peers the realisations and the flat indicators CSV ({(layout.csv_bytes + layout.indicators_bytes) / mb:,.1f} MB).")
    return "\n".join(lines) + "\n"


def main():
    # iki reads the files every time unless a run's own cache is the point (iki warm).
    os.environ["IKI_NO_CACHE"] = "1"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", action="append", required=False, help="a tier folder (repeat for several layouts)")
    parser.add_argument("--iki", help="the iki binary (default: build it in release as run.py does)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", help="where results and scripts go (default: a temporary folder)")
    parser.add_argument("--output", help="also write the Markdown to this file")
    parser.add_argument("--check-only", action="store_true", help="each engine once, results checked, no table")
    parser.add_argument("--engines", help="a comma-separated subset of: " + ", ".join(ENGINES) +
                        " (iki cold is always run: it is the results' reference); e.g. the national tier without sqlite3")
    args = parser.parse_args()
    if not args.data:
        parser.error("give at least one --data TIER_FOLDER")
    only = None
    if args.engines:
        only = {"iki cold"} | {name.strip() for name in args.engines.split(",") if name.strip()}
        unknown = sorted(only - set(ENGINES))
        if unknown:
            parser.error(f"unknown engine(s): {', '.join(unknown)}; the engines are: {', '.join(ENGINES)}")
    iki = os.path.abspath(args.iki) if args.iki else bench.build_iki()
    snapshot = iki_has_snapshot(iki)
    log(f"iki {'has' if snapshot else 'has no'} snapshot (--no-cache {'in' if snapshot else 'not in'} its help)")
    work = args.work or tempfile.mkdtemp(prefix="iki-whole-")
    try:
        layouts = [Layout(os.path.abspath(d), iki, work, snapshot, only) for d in args.data]
        python_start = None if args.check_only or not bench.available_peers(["duckdb"]) else interpreter_start(args.runs)
        parts = [f"Machine: {bench.machine()}. iki {bench.iki_version()}" +
                 (f"; sqlite3 {subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]}" if shutil.which("sqlite3") else "") +
                 ". Whole run: wall time of the process from start to exit, the four queries of issue 15 each written to a CSV file.", ""]
        for layout in layouts:
            figures, rows = measure(layout, args.runs, args.check_only)
            if not args.check_only:
                parts.append(table(layout, figures, rows, args.runs, python_start, snapshot))
        if args.check_only:
            print("whole check: every result equal")
            return
        text = "\n".join(parts)
        print(text)
        if args.output:
            with open(args.output, "w") as f:
                f.write(text)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
