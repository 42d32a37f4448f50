#!/usr/bin/env python3
"""The iki benchmark: per tier, catalogue parse throughput, realisations ingest, latency of a fixed
query set after load, cold start and peak memory, side by side with the sqlite3 shell and DuckDB
given the same realisations and a flat CSV of the indicators iki exports; results checked equal.

    bash bench/peers-setup.sh                      # sqlite3, DuckDB, GNU time (once)
    python3 bench/run.py --tiers office,small-province,province [--runs 5]

Builds iki in release (`swift build` with BUILD_ARGUMENTS below: one static executable) unless
--iki is given, generates missing tiers with bench/generate.py (national only when listed), prints
one Markdown table per tier and writes it to bench/results/TIER.md. Every figure is the median of
--runs runs. A result of a peer that differs from iki's fails the run (exit 1) with the difference.

    python3 bench/run.py --check-only --tiers office,small-province --iki .build/debug/iki

checks results only (each engine once, no timing): what CI runs (Tests/CLITests/BenchSmokeTests.swift).

What is measured (see bench/README.md):
  catalogue parse   `iki check --catalogue DIR` on the catalogues alone; MB/s over the *.txt bytes;
                    reference `wc -l` on the same files
  ingest            `iki --catalogue C --realisations R -c 'describe indicators'` minus the same
                    without --realisations; rows/s and MB/s over the realisations folder's CSVs.
                    Peers: every CSV of the folder into one table (sqlite3 `.import`, DuckDB read_csv)
  queries           the query set in ONE iki process after load (`set timer on`, each query an
                    `export ... to FILE` so the time includes rendering and writing), --runs rounds;
                    peers: the same SQL in their own session after their ingest, output to a CSV file
  cold start        `iki -c '<mission query>' --format csv` on the bundled data vs `sqlite3 :memory: 'select 1'`
  peak memory       /usr/bin/time -v, maximum resident set size of the query process (load + queries)
"""
import argparse
import csv
import io
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MISSION = 'show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%'

# The query set: name, iki statement, SQL over the peers' tables (see sql_for), how to compare.
QUERIES = [
    ("mission", MISSION,
     "select code, target, realisation, achievement, category from ach_now "
     "where bidang = 'Fasilitasi Pembiayaan' and achievement < 80",
     {"key": ["code"], "numbers": ["target", "realisation", "achievement"], "texts": ["category"]}),
    ("bidang-office",
     "show indicators region, office, bidang, avg(achievement) as average, count(*) as indicators group by region, office, bidang",
     "select region, office, bidang, avg(achievement) as average, count(*) as indicators from ach_now group by region, office, bidang",
     {"key": ["region", "office", "bidang"], "numbers": ["average", "indicators"]}),
    ("worst-10",
     "show indicators code, achievement order by achievement limit 10",
     "select code, achievement from ach_now order by achievement nulls last limit 10",
     {"worst": True}),
    ("not-reported",
     "show indicators code where realisation is missing",
     "select code from ach_now where realisation is null",
     {"key": ["code"], "numbers": []}),
    ("change",
     "show indicators bidang, avg(achievement) as average, avg(previous_achievement) as previous, "
     "avg(achievement) - avg(previous_achievement) as change group by bidang",
     "select a.bidang, avg(a.achievement) as average, avg(p.achievement) as previous, "
     "avg(a.achievement) - avg(p.achievement) as change from ach_now a join ach_before p on p.code = a.code group by a.bidang",
     {"key": ["bidang"], "numbers": ["average", "previous", "change"]}),
]

NUMERIC = {"value", "numerator", "denominator", "target"}
ROW_COLUMNS = ["code", "period", "value", "numerator", "denominator", "target", "consolidation", "polarity", "note"]
INDICATOR_COLUMNS = ["code", "office", "region", "bidang", "kind", "polarity", "consolidation", "catalogue_target"]


def evaluation_sql(name, period, year):
    """The indicators evaluated for one month, as iki defines it (README "How achievement is computed"):
    realisation = sum(value) for counts, sum(numerator)/sum(denominator)*100 for ratios, over the
    reported rows of the month; target = the yearly target (a row for the year in the files, else the
    catalogue's) x 1/12 for summed counts, unchanged otherwise; achievement = realisation/target*100
    rounded once to one decimal (first to a millionth, as iki does),
    (2 - realisation/target)*100 for negative polarity; missing stays NULL."""
    return f"""
{name}_rows as (
  select code, sum(value) as v, sum(numerator) as n, sum(denominator) as d from realisations
  where period = '{period}' and (value is not null or (numerator is not null and denominator is not null))
  group by code),
{name}_ev as (
  select i.code, i.region, i.office, i.bidang, i.kind, i.polarity,
    case when m.code is null then null when i.kind = 'count' then m.v when m.d = 0 then null
         else m.n / m.d * 100 end as realisation,
    coalesce(y.target, i.catalogue_target)
      * (case when i.kind = 'count' and i.consolidation = 'sum' then cast(1 as double) / 12 else 1 end) as target
  from indicators i
  left join {name}_rows m on m.code = i.code
  left join yearly y on y.code = i.code),
{name} as (
  select e.*, round(round(case when e.realisation is null or e.target is null or e.target = 0 then null
                   when e.polarity = 'negative' then (2 - e.realisation / e.target) * 100
                   else e.realisation / e.target * 100 end, 6), 1) as achievement
  from {name}_ev e)"""


def sql_for(query_sql, period, previous, year):
    ctes = [f"yearly as (select code, max(target) as target from realisations where period = '{year}' and target is not null group by code)"]
    ctes.append(evaluation_sql("ach_now_raw", period, year).strip())
    category = ("case when achievement >= 91 then 'Sangat Baik' when achievement >= 76 then 'Baik' "
                "when achievement >= 66 then 'Cukup' when achievement >= 51 then 'Kurang' "
                "when achievement is not null then 'Sangat Kurang' end")
    ctes.append(f"ach_now as (select *, {category} as category from ach_now_raw)")
    if "ach_before" in query_sql:
        ctes.append(evaluation_sql("ach_before", previous, year).strip())
    return "with " + ",\n".join(ctes) + "\n" + query_sql


def previous_month(period):
    year, month = map(int, period.split("-"))
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


# ----------------------------------------------------------------------------------------------
# Small helpers

def log(text):
    print(text, file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def timed(cmd, stdout=subprocess.DEVNULL, stdin=None):
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {shlex.join(cmd)}\n{result.stderr.decode()[-3000:]}")
    return elapsed


def median(values):
    return statistics.median(values) if values else None


def peak_rss_kb(stderr_text):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr_text)
    return int(m.group(1)) if m else None


def with_time_v(cmd):
    return ["/usr/bin/time", "-v"] + cmd if os.path.exists("/usr/bin/time") else cmd


def files_in(folder, suffix):
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(suffix) and not n.startswith("."))


def data_rows(files):
    total = 0
    for path in files:
        with open(path, "rb") as f:
            total += max(0, sum(1 for line in f if line.strip()) - 1)
    return total


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ----------------------------------------------------------------------------------------------
# Building iki and the data

# The release build, as it ships and as every figure in bench/ was measured (README and
# bench/README quote it; Tests/RepositoryTests/StartupCostTests checks they agree):
# - `-static-executable`: one statically linked program (the Swift runtime, Foundation, libedit,
#   libstdc++ and glibc inside), so a start maps no shared library and binds no symbol: the
#   dynamic loader was ~2.5 M of the bundled query's 12 M instructions and 150 of its 530 page
#   faults. libedit's own dependencies (tinfo, bsd, md) are named, as a static link needs them.
# - `-no-pie` (kept from before, no effect on a static executable's relocations).
# - `-disable-concrete-type-metadata-mangled-name-accessors`: generic types such as
#   `Dictionary<String, Int32>` are built through their metadata accessors with the witness tables
#   at hand, not from a mangled name that the runtime demangles and whose `Hashable` requirement
#   it checks by scanning all ~5,600 conformance records (~0.3 M instructions a scan, ten scans
#   on the bundled query's start).
BUILD_ARGUMENTS = ["-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench", "--product", "iki",
                   "-Xswiftc", "-static-executable",
                   "-Xswiftc", "-Xfrontend", "-Xswiftc", "-disable-concrete-type-metadata-mangled-name-accessors",
                   "-Xlinker", "-no-pie", "-Xlinker", "-ltinfo", "-Xlinker", "-lbsd", "-Xlinker", "-lmd"]


def build_iki():
    log("building iki (release, one static executable, scratch path .build-bench) ...")
    run(["swift", "build"] + BUILD_ARGUMENTS, cwd=ROOT, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build-bench", "release", "iki")


def ensure_tier(data, tier, seed):
    base = os.path.join(data, tier)
    if not os.path.exists(os.path.join(base, "tier.json")):
        log(f"generating tier {tier} into {data} ...")
        run([sys.executable, os.path.join(HERE, "generate.py"), "--tier", tier, "--out", data, "--seed", str(seed)])
    with open(os.path.join(base, "tier.json")) as f:
        info = json.load(f)
    return base, info


def flat_indicators(iki, catalogues, realisations, out_path):
    """The flat CSV of the indicators the peers get: iki's own export, plus the yearly target the
    catalogue states (from `iki template`), which iki uses when the files give none."""
    exported = subprocess.run([iki, "--catalogue", catalogues, "--realisations", realisations, "--format", "csv",
                               "-c", "show indicators code, office, region, bidang, kind, polarity, consolidation"],
                              check=True, capture_output=True, text=True).stdout
    template = subprocess.run([iki, "template", "--period", "2026", "--catalogue", catalogues],
                              check=True, capture_output=True, text=True).stdout
    stated = {r["code"]: r["target"] for r in csv.DictReader(io.StringIO(template))}
    rows = list(csv.DictReader(io.StringIO(exported)))
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(INDICATOR_COLUMNS)
        for r in rows:
            writer.writerow([r["code"], r["office"], r["region"], r["bidang"], r["kind"], r["polarity"], r["consolidation"],
                             stated.get(r["code"], "")])
    return len(rows)


def csv_groups(folder):
    """The folder's CSVs grouped by header, so each peer imports a group with one statement shape."""
    groups = {}
    for path in files_in(folder, ".csv"):
        with open(path, encoding="utf-8-sig") as f:
            header = tuple(c.strip().lower() for c in next(csv.reader([f.readline()])))
        unknown = [c for c in header if c not in ROW_COLUMNS]
        if unknown:
            raise SystemExit(f"{path}: columns {unknown} are not known to the peers' schema")
        groups.setdefault(header, []).append(path)
    return groups


# ----------------------------------------------------------------------------------------------
# iki

def iki_session(iki, catalogues, realisations, out_dir, rounds):
    """The query set `rounds` times in one iki process; per query the times (ms) and the peak RSS."""
    os.makedirs(out_dir, exist_ok=True)
    lines = ["set timer on;"]
    for _ in range(rounds):
        for name, statement, _, _ in QUERIES:
            path = os.path.join(out_dir, f"{name}.csv")
            lines.append(f'export {statement} to "{path}" format csv;')
    script = os.path.join(out_dir, "session.iki")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    cmd = with_time_v([iki, "--catalogue", catalogues, "--realisations", realisations, "--format", "csv", script])
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"iki session failed ({result.returncode}):\n{result.stderr[-3000:]}")
    times = [float(m.group(1)) for m in re.finditer(r"^time: ([0-9.]+) ms$", result.stderr, re.M)]
    if len(times) != rounds * len(QUERIES):
        raise SystemExit(f"iki session printed {len(times)} times, expected {rounds * len(QUERIES)}:\n{result.stderr[-3000:]}")
    per_query = {name: [times[r * len(QUERIES) + q] / 1000 for r in range(rounds)] for q, (name, _, _, _) in enumerate(QUERIES)}
    return {"queries": per_query, "rss_kb": peak_rss_kb(result.stderr), "wall": wall}


# ----------------------------------------------------------------------------------------------
# Peers

def duckdb_session(spec):
    """Runs in its own process (under /usr/bin/time): ingest, indicators, the query set; JSON on stdout."""
    import duckdb
    con = duckdb.connect()
    if spec.get("threads"):
        # bench/whole.py measures DuckDB with 1 and with 2 threads.
        con.execute(f"set threads = {int(spec['threads'])}")
    result = {"version": duckdb.__version__}
    con.execute("create table realisations (" + ", ".join(f"{c} {'double' if c in NUMERIC else 'varchar'}" for c in ROW_COLUMNS) + ")")
    start = time.perf_counter()
    for header, files in spec["groups"]:
        columns = "{" + ", ".join(f"'{c}': '{'DOUBLE' if c in NUMERIC else 'VARCHAR'}'" for c in header) + "}"
        file_list = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
        con.execute(f"insert into realisations by name select * from read_csv({file_list}, header = true, auto_detect = false, columns = {columns})")
    result["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    columns = "{" + ", ".join(f"'{c}': '{'DOUBLE' if c == 'catalogue_target' else 'VARCHAR'}'" for c in INDICATOR_COLUMNS) + "}"
    con.execute(f"create table indicators as select * from read_csv('{spec['indicators']}', header = true, auto_detect = false, columns = {columns})")
    result["indicators"] = time.perf_counter() - start
    result["queries"] = {}
    for name, sql in spec["queries"]:
        path = os.path.join(spec["out"], f"{name}.csv")
        start = time.perf_counter()
        con.execute(f"copy ({sql}) to '{path}' (header, delimiter ',')")
        result["queries"][name] = time.perf_counter() - start
    print(json.dumps(result))


def sqlite_script(groups, indicators, queries, out_dir):
    now = "(julianday('now') - 2440587.5) * 86400000.0"
    lines = [".bail on", ".mode list", ".separator |", ".headers off",
             "create table realisations (" + ", ".join(f"{c} {'real' if c in NUMERIC else 'text'}" for c in ROW_COLUMNS) + ");",
             "create table indicators (code text primary key, office text, region text, bidang text, kind text, "
             "polarity text, consolidation text, catalogue_target real);",
             f"select 'MARK', 'start', {now};"]
    for k, (header, files) in enumerate(groups):
        cols = ", ".join(f"{c} {'real' if c in NUMERIC else 'text'}" for c in header)
        lines.append(f"create table staging_{k} ({cols});")
        for path in files:
            lines.append(f'.import --csv --skip 1 "{path}" staging_{k}')
        lines.append(f"insert into realisations ({', '.join(header)}) select {', '.join(f'nullif({c}, {chr(39) * 2})' for c in header)} from staging_{k};")
        lines.append(f"drop table staging_{k};")
    lines.append(f"select 'MARK', 'ingest', {now};")
    lines.append(f'.import --csv --skip 1 "{indicators}" indicators')
    lines.append("update indicators set bidang = nullif(bidang, ''), region = nullif(region, ''), office = nullif(office, ''), "
                 "catalogue_target = nullif(catalogue_target, '');")
    lines.append(f"select 'MARK', 'indicators', {now};")
    for name, sql in queries:
        lines += [".mode csv", ".headers on", f'.once "{os.path.join(out_dir, name + ".csv")}"', sql + ";",
                  ".mode list", ".separator |", ".headers off", f"select 'MARK', '{name}', {now};"]
    return "\n".join(lines) + "\n"


def peer_sessions(peer, tier_base, info, indicators_csv, work, runs):
    groups = [(list(h), files) for h, files in csv_groups(os.path.join(tier_base, "realisations")).items()]
    period, year = info["latest"], info["latest"][:4]
    queries = [(name, sql_for(sql, period, previous_month(period), year)) for name, _, sql, _ in QUERIES]
    out_dir = os.path.join(work, peer)
    os.makedirs(out_dir, exist_ok=True)
    sessions = []
    for _ in range(runs):
        if peer == "duckdb":
            spec = {"groups": groups, "indicators": indicators_csv, "queries": queries, "out": out_dir}
            spec_path = os.path.join(out_dir, "session.json")
            with open(spec_path, "w") as f:
                json.dump(spec, f)
            cmd = with_time_v([sys.executable, os.path.abspath(__file__), "--duckdb-session", spec_path])
            start = time.perf_counter()
            result = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - start
            if result.returncode != 0:
                raise SystemExit(f"DuckDB session failed:\n{result.stderr[-3000:]}")
            session = json.loads(result.stdout.strip().splitlines()[-1])
        else:
            script = os.path.join(out_dir, "session.sql")
            with open(script, "w") as f:
                f.write(sqlite_script(groups, indicators_csv, queries, out_dir))
            cmd = with_time_v(["sqlite3", ":memory:", f".read {script}"])
            start = time.perf_counter()
            result = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - start
            if result.returncode != 0 or "Error" in result.stderr:
                raise SystemExit(f"sqlite3 session failed ({result.returncode}):\n{result.stderr[-3000:]}")
            marks = [line.split("|") for line in result.stdout.splitlines() if line.startswith("MARK|")]
            stamps = [(label, float(t)) for _, label, t in marks]
            session = {"version": subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0],
                       "ingest": (stamps[1][1] - stamps[0][1]) / 1000, "indicators": (stamps[2][1] - stamps[1][1]) / 1000,
                       "queries": {stamps[k][0]: (stamps[k][1] - stamps[k - 1][1]) / 1000 for k in range(3, len(stamps))}}
        session["rss_kb"] = peak_rss_kb(result.stderr)
        session["wall"] = wall
        sessions.append(session)
    return {
        "version": sessions[0]["version"],
        "ingest": median([s["ingest"] for s in sessions]),
        "indicators": median([s["indicators"] for s in sessions]),
        "queries": {name: median([s["queries"][name] for s in sessions]) for name, _, _, _ in QUERIES},
        "rss_kb": max((s["rss_kb"] or 0) for s in sessions) or None,
        "out": out_dir,
    }


def available_peers(wanted):
    peers = []
    for peer in wanted:
        if peer == "sqlite3" and shutil.which("sqlite3"):
            peers.append(peer)
        elif peer == "duckdb" and subprocess.run([sys.executable, "-c", "import duckdb"], capture_output=True).returncode == 0:
            peers.append(peer)
        else:
            log(f"note: {peer} is not installed (bash bench/peers-setup.sh); left out")
    return peers


# ----------------------------------------------------------------------------------------------
# Checking results

def number_or_none(text):
    text = (text or "").strip()
    return None if text == "" else float(text)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-5 + 1e-9 * max(abs(a), abs(b))


def compare(name, spec, iki_rows, peer_rows, peer):
    problems = []
    if spec.get("worst"):
        a = [number_or_none(r["achievement"]) for r in iki_rows]
        b = [number_or_none(r["achievement"]) for r in peer_rows]
        if len(a) != len(b) or not all(close(x, y) for x, y in zip(a, b)):
            return [f"achievements differ: iki {a} vs {peer} {b}"]
        if a and a[-1] is not None:
            # Ties at the boundary may pick different indicators; below it the sets must agree.
            sure = lambda rows: {r["code"].upper() for r in rows if number_or_none(r["achievement"]) is not None
                                 and number_or_none(r["achievement"]) < a[-1] - 1e-5}
            if sure(iki_rows) != sure(peer_rows):
                problems.append(f"codes differ: iki {sorted(sure(iki_rows))} vs {peer} {sorted(sure(peer_rows))}")
        return problems
    key = lambda r: tuple((r.get(k) or "").strip().lower() for k in spec["key"])
    left = {key(r): r for r in iki_rows}
    right = {key(r): r for r in peer_rows}
    if len(left) != len(iki_rows):
        problems.append(f"iki gave {len(iki_rows) - len(left)} duplicate keys")
    only_iki, only_peer = sorted(set(left) - set(right)), sorted(set(right) - set(left))
    if only_iki:
        problems.append(f"{len(only_iki)} rows only in iki, e.g. {only_iki[:3]}")
    if only_peer:
        problems.append(f"{len(only_peer)} rows only in {peer}, e.g. {only_peer[:3]}")
    bad = 0
    for k in set(left) & set(right):
        for column in spec.get("numbers", []):
            x, y = number_or_none(left[k][column]), number_or_none(right[k][column])
            if not close(x, y):
                bad += 1
                if bad <= 3:
                    problems.append(f"{k} {column}: iki {x} vs {peer} {y}")
        for column in spec.get("texts", []):
            if (left[k][column] or "") != (right[k][column] or ""):
                bad += 1
                if bad <= 3:
                    problems.append(f"{k} {column}: iki {left[k][column]!r} vs {peer} {right[k][column]!r}")
    if bad > 3:
        problems.append(f"... {bad} differing values in all")
    return problems


def check_results(tier, iki_dir, peers):
    """Every query's result of every peer against iki's; returns the list of failures."""
    failures, rows = [], {}
    for name, _, _, spec in QUERIES:
        iki_rows = read_csv(os.path.join(iki_dir, f"{name}.csv"))
        rows[name] = len(iki_rows)
        for peer, result in peers.items():
            for problem in compare(name, spec, iki_rows, read_csv(os.path.join(result["out"], f"{name}.csv")), peer):
                failures.append(f"{tier}: {name}: {problem}")
    return failures, rows


# ----------------------------------------------------------------------------------------------
# Measuring a tier

def measure_tier(iki, tier, base, info, runs, peers_wanted, check_only, cold):
    catalogues, realisations = os.path.join(base, "catalogues"), os.path.join(base, "realisations")
    work = os.path.join(base, "work")
    os.makedirs(work, exist_ok=True)
    txt = files_in(catalogues, ".txt")
    csvs = files_in(realisations, ".csv")
    cat_bytes = sum(os.path.getsize(p) for p in txt)
    org_bytes = sum(os.path.getsize(p) for p in files_in(catalogues, ".organisation.csv"))
    csv_bytes = sum(os.path.getsize(p) for p in csvs)
    rows = data_rows(csvs)
    result = {"tier": tier, "info": info, "catalogue_bytes": cat_bytes, "organisation_bytes": org_bytes,
              "realisations_bytes": csv_bytes, "rows": rows, "runs": runs}

    # The data loads without errors.
    check = subprocess.run([iki, "check", "--catalogue", catalogues, "--realisations", realisations], capture_output=True, text=True)
    summary = check.stdout.strip().splitlines()
    result["check"] = summary[-1] if summary else f"exit {check.returncode}"
    if check.returncode != 0 or not result["check"].startswith("diagnostics: 0 errors"):
        raise SystemExit(f"{tier}: iki check reports errors: {result['check']}\n{check.stderr[-3000:]}")
    log(f"{tier}: iki check: {result['check']}")

    indicators_csv = os.path.join(work, "indicators.csv")
    result["indicators"] = flat_indicators(iki, catalogues, realisations, indicators_csv)

    rounds = 1 if check_only else runs
    log(f"{tier}: iki query session ({rounds} round(s)) ...")
    result["iki"] = iki_session(iki, catalogues, realisations, os.path.join(work, "iki"), rounds)
    peers = {}
    for peer in available_peers(peers_wanted):
        log(f"{tier}: {peer} ({1 if check_only else runs} session(s)) ...")
        peers[peer] = peer_sessions(peer, base, info, indicators_csv, work, 1 if check_only else runs)
    result["peers"] = peers
    failures, result_rows = check_results(tier, os.path.join(work, "iki"), peers)
    result["result_rows"] = result_rows
    if failures:
        log("\n".join(["", f"RESULTS DIFFER ({tier}):"] + ["  " + f for f in failures] + [""]))
        raise SystemExit(1)
    log(f"{tier}: results equal to iki's for " + (", ".join(peers) if peers else "no peer") +
        " (" + ", ".join(f"{k} {v} rows" for k, v in result_rows.items()) + ")")
    if check_only:
        return result

    log(f"{tier}: catalogue parse and ingest ({runs} runs each) ...")
    files0 = os.path.join(work, "catalogue-files")
    with open(files0, "wb") as f:
        f.write(b"\0".join(p.encode() for p in txt) + b"\0")
    result["catalogue_parse"] = median([timed([iki, "check", "--catalogue", catalogues]) for _ in range(runs)])
    result["wc"] = median([timed(["wc", "-l", f"--files0-from={files0}"]) for _ in range(runs)])
    probe = ["-c", "describe indicators", "--format", "csv"]
    result["load_catalogue"] = median([timed([iki, "--catalogue", catalogues] + probe) for _ in range(runs)])
    result["load_all"] = median([timed([iki, "--catalogue", catalogues, "--realisations", realisations] + probe) for _ in range(runs)])
    result["ingest"] = result["load_all"] - result["load_catalogue"]
    result["cold"] = cold
    return result


def cold_start(iki, runs):
    runs = max(runs, 10)
    iki_times = [timed([iki, "-c", MISSION, "--format", "csv"]) for _ in range(runs)]
    sqlite_times = [timed(["sqlite3", ":memory:", "select 1"]) for _ in range(runs)] if shutil.which("sqlite3") else []
    return {"iki": median(iki_times), "sqlite3": median(sqlite_times), "runs": runs}


# ----------------------------------------------------------------------------------------------
# Reporting

def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), {memory} memory, {platform.system()} {platform.release()}"


def iki_version():
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "Sources"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return rev + (" + uncommitted changes in Sources/" if dirty else "")
    except OSError:
        return "unknown"


def fmt(value, unit):
    if value is None:
        return "-"
    if unit == "ms":
        v = value * 1000
        return f"{v:.1f}" if v < 100 else f"{v:,.0f}"
    if unit == "s":
        return f"{value:.3f}" if value < 10 else f"{value:,.1f}"
    if unit in ("MB/s", "MB"):
        return f"{value:,.1f}"
    if unit == "rows/s":
        return f"{value:,.0f}"
    if unit == "ratio":
        return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"
    return str(value)


def memory_report(iki, tier, base, info):
    """The national tier's figures from one iki process: load and the query set once."""
    catalogues, realisations = os.path.join(base, "catalogues"), os.path.join(base, "realisations")
    input_bytes = info["catalogue_bytes"] + info["organisation_bytes"] + info["realisations_bytes"]
    log(f"{tier}: one iki process: load, the query set once ...")
    session = iki_session(iki, catalogues, realisations, os.path.join(base, "work", "iki"), 1)
    rss = session["rss_kb"] * 1024 if session["rss_kb"] else None
    queries = {name: times[0] for name, times in session["queries"].items()}
    load = session["wall"] - sum(queries.values())
    lines = [f"## {tier} (one run: load and the query set once)", "",
             f"{info['offices']:,} offices, {info['positions']:,} positions, {info['indicators']:,} indicators, {info['rows']:,} "
             f"realisation and target rows; catalogues {info['catalogue_bytes'] / 1e6:,.0f} MB, organisation files "
             f"{info['organisation_bytes'] / 1e6:,.0f} MB, realisations {info['realisations_bytes'] / 1e6:,.0f} MB. Latest month {info['latest']}.", "",
             f"Machine: {machine()}. iki {iki_version()}. No peers, no result check at this tier (see README).", "",
             "| figure | iki |", "|---|---:|",
             f"| load (catalogues + realisations), s | {load:,.1f} |"]
    for name, t in queries.items():
        lines.append(f"| query `{name}`, ms | {t * 1000:,.0f} |")
    lines.append(f"| query set, s | {sum(queries.values()):,.1f} |")
    if rss:
        lines.append(f"| peak memory, GiB | {rss / 2**30:,.2f} |")
        lines.append(f"| input size, GiB | {input_bytes / 2**30:,.2f} |")
        lines.append(f"| peak memory ÷ input size | {rss / input_bytes:.2f} |")
    lines += ["", "Goals (issue 5):", ""]
    if rss:
        ratio = rss / input_bytes
        lines.append(f"- loads and answers the query set within 24 GiB: {'met' if rss < 24 * 2**30 else 'missed'} ({rss / 2**30:.1f} GiB)")
        lines.append(f"- peak memory at most twice the input: {ratio:.1f}x: " + ("met" if ratio <= 2 else f"missed by {ratio / 2:.1f}x"))
    slow = {n: t for n, t in queries.items() if t > 0.1}
    lines.append("- every query under 100 ms (set for the province tier): " + ("met" if not slow else "missed: " + ", ".join(f"{n} {t * 1000:,.0f} ms" for n, t in slow.items())))
    return "\n".join(lines) + "\n"


def report(result, machine_text, version):
    info, peers = result["info"], result["peers"]
    mb = 1e6
    lines = []
    cat_mb, csv_mb = result["catalogue_bytes"] / mb, result["realisations_bytes"] / mb
    input_mb = (result["catalogue_bytes"] + result["organisation_bytes"] + result["realisations_bytes"]) / mb
    lines.append(f"## {result['tier']}")
    lines.append("")
    lines.append(f"{info['offices']:,} offices, {info['positions']:,} positions, {result['indicators']:,} indicators, "
                 f"{result['rows']:,} realisation and target rows; catalogues {cat_mb:,.1f} MB, organisation files "
                 f"{result['organisation_bytes'] / mb:,.1f} MB, realisations {csv_mb:,.1f} MB. Latest month {info['latest']}.")
    lines.append("")
    lines.append(f"Machine: {machine_text}. iki {version}; "
                 + ", ".join(f"{p} {r['version']}" for p, r in peers.items())
                 + f". Medians of {result['runs']} runs; iki ÷ other: below 1 is iki faster for times, above 1 for throughputs.")
    lines.append("")
    lines.append("| figure | iki | compared with | its figure | iki ÷ it |")
    lines.append("|---|---:|---|---:|---:|")

    def row(figure, value, unit, others):
        first = True
        if not others:
            others = [("-", None)]
        for name, other in others:
            ratio = value / other if (value is not None and other) else None
            lines.append(f"| {figure if first else ''} | {fmt(value, unit) if first else ''} | {name} | {fmt(other, unit)} | {fmt(ratio, 'ratio')} |")
            first = False

    parse = result["catalogue_parse"]
    row("catalogue parse, MB/s (`iki check --catalogue`)", cat_mb / parse, "MB/s", [("`wc -l`", cat_mb / result["wc"])])
    row("catalogue parse, s", parse, "s", [("`wc -l`", result["wc"])])
    ingest = result["ingest"]
    peer_ingest = [(f"{p} ({'`.import`' if p == 'sqlite3' else '`read_csv`'})", r["ingest"]) for p, r in peers.items()]
    row("realisations ingest, s", ingest, "s", peer_ingest)
    row("realisations ingest, rows/s", result["rows"] / ingest if ingest > 0 else None, "rows/s",
        [(n, result["rows"] / t if t else None) for n, t in peer_ingest])
    row("realisations ingest, MB/s", csv_mb / ingest if ingest > 0 else None, "MB/s", [(n, csv_mb / t if t else None) for n, t in peer_ingest])
    row("indicators table (peers only: the flat CSV), s", None, "s", [(p, r["indicators"]) for p, r in peers.items()])
    # The first round is the one that counts: its statements evaluate the period (later rounds
    # reuse those evaluations, which a peer's fresh session cannot), so it is the slower, fair one.
    iki_q = {name: times[0] for name, times in result["iki"]["queries"].items()}
    iki_again = {name: median(times[1:]) for name, times in result["iki"]["queries"].items() if len(times) > 1}
    for name, statement, _, _ in QUERIES:
        row(f"query `{name}`, ms ({result['result_rows'][name]:,} rows)", iki_q[name], "ms", [(p, r["queries"][name]) for p, r in peers.items()])
    if iki_again:
        lines.append("| the same, repeated in the session (median of the later rounds), ms | "
                     + ", ".join(f"{n} {t * 1000:,.1f}" for n, t in iki_again.items()) + " | - | - | - |")
    total_q = sum(iki_q.values())
    row("query set, ms", total_q, "ms", [(p, sum(r["queries"].values())) for p, r in peers.items()])
    row("**ingest + query set, s**", ingest + total_q, "s", [(p, r["ingest"] + sum(r["queries"].values())) for p, r in peers.items()])
    row("load everything (catalogues + realisations), s", result["load_all"], "s", [])
    rss = result["iki"]["rss_kb"]
    row("peak memory (load + query set), MB", rss / 1024 if rss else None, "MB",
        [(p, r["rss_kb"] / 1024 if r["rss_kb"] else None) for p, r in peers.items()] + [("input size", input_mb)])
    cold = result["cold"]
    row("cold start on the bundled data, ms", cold["iki"], "ms", [("`sqlite3 :memory: 'select 1'`", cold["sqlite3"])])
    lines.append("")

    # Goals of issue 5.
    lines.append("Goals (issue 5):")
    lines.append("")
    goals = []
    if peers:
        for p, r in peers.items():
            theirs = r["ingest"] + sum(r["queries"].values())
            ours = ingest + total_q
            verdict = "met" if ours <= theirs else f"missed: iki takes {ours / theirs:.1f}x as long"
            goals.append(f"ingest + query set vs {p}: iki {ours:.2f} s, {p} {theirs:.2f} s: {verdict}")
    slow = {n: t for n, t in iki_q.items() if t > 0.1}
    goals.append("every query under 100 ms: " + ("met" if not slow else "missed: " + ", ".join(f"{n} {t * 1000:,.0f} ms ({t / 0.1:.1f}x the bound)" for n, t in slow.items())))
    if rss:
        ratio = rss * 1024 / (input_mb * mb)
        goals.append(f"peak memory at most twice the input (a goal for the national tier): {rss / 1024:,.0f} MB for {input_mb:,.1f} MB input = {ratio:.1f}x: "
                     + ("met" if ratio <= 2 else f"missed by {ratio / 2:.1f}x") + f"; within 24 GiB: {'yes' if rss < 24 * 1024 * 1024 else 'no'}")
    if cold["sqlite3"]:
        diff = (cold["iki"] - cold["sqlite3"]) * 1000
        goals.append(f"cold start within a few ms of sqlite3: iki {cold['iki'] * 1000:.1f} ms, sqlite3 {cold['sqlite3'] * 1000:.1f} ms, "
                     f"{diff:+.1f} ms: " + ("met" if diff <= 5 else f"missed by {diff - 5:.0f} ms over a 5 ms allowance"))
    fraction = result["wc"] / parse
    goals.append(f"catalogue parsing a large fraction of `wc -l`: {fraction:.1%} of its speed: " +
                 ("met" if fraction >= 0.5 else f"missed ({1 / fraction:.0f}x slower; 'large fraction' taken as >= 50%)"))
    lines += [f"- {g}" for g in goals]
    lines.append("")
    lines.append("Results of every query equal between iki and " + (", ".join(peers) or "no peer") + f" (`{result['check']}` from `iki check`).")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------------

def main():
    # Cold figures: iki reads the files every time, never a snapshot of an earlier run.
    os.environ["IKI_NO_CACHE"] = "1"
    parser = argparse.ArgumentParser(description="iki benchmark: tiers side by side with sqlite3 and DuckDB.")
    parser.add_argument("--tiers", default="office,small-province,province")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--data", default=os.path.join(HERE, "data"), help="where tiers are generated")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--iki", help="an iki binary to use instead of building one")
    parser.add_argument("--peers", default="sqlite3,duckdb")
    parser.add_argument("--check-only", action="store_true", help="check results only, no timing (CI)")
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    parser.add_argument("--memory-only", action="store_true",
                        help="one iki process per tier: load, the query set once; wall time, query times, peak memory "
                             "(for the national tier, where the full run takes hours); no peers")
    parser.add_argument("--report-only", action="store_true", help="print the tables again from results/TIER.json")
    parser.add_argument("--duckdb-session", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.duckdb_session:
        with open(args.duckdb_session) as f:
            duckdb_session(json.load(f))
        return
    if args.report_only:
        for tier in args.tiers.split(","):
            with open(os.path.join(args.results, f"{tier}.json")) as f:
                saved = json.load(f)
            text = report(saved, saved.get("machine") or machine(), saved.get("iki_version") or "unknown")
            print(text)
            with open(os.path.join(args.results, f"{tier}.md"), "w") as f:
                f.write(text)
        return
    iki = os.path.abspath(args.iki) if args.iki else build_iki()
    version = iki_version()  # of the work tree the binary was built from (others may commit meanwhile)
    peers = [p for p in args.peers.split(",") if p]
    if args.memory_only:
        for tier in args.tiers.split(","):
            base, info = ensure_tier(args.data, tier, args.seed)
            text = memory_report(iki, tier, base, info)
            print(text)
            os.makedirs(args.results, exist_ok=True)
            with open(os.path.join(args.results, f"{tier}.md"), "w") as f:
                f.write(text)
        return
    cold = None if args.check_only else cold_start(iki, args.runs)
    for tier in args.tiers.split(","):
        base, info = ensure_tier(args.data, tier, args.seed)
        result = measure_tier(iki, tier, base, info, args.runs, peers, args.check_only, cold)
        if args.check_only:
            continue
        result["machine"], result["iki_version"] = machine(), version
        text = report(result, result["machine"], result["iki_version"])
        print(text)
        os.makedirs(args.results, exist_ok=True)
        with open(os.path.join(args.results, f"{tier}.md"), "w") as f:
            f.write(text)
        with open(os.path.join(args.results, f"{tier}.json"), "w") as f:
            json.dump({k: v for k, v in result.items()}, f, indent=2, default=str)
    if args.check_only:
        print("bench check: every result equal")


if __name__ == "__main__":
    main()
