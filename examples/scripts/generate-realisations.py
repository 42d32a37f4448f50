#!/usr/bin/env python3
"""Writes the bundled example targets and realisations for 2026 (January-October).

Deterministic: the same catalogue and seed give the same files. Reads the indicator list from
`iki template`, so codes always match the catalogue:

    swift build && python3 examples/scripts/generate-realisations.py [--seed 2026] [--iki .build/debug/iki]

Every indicator gets a yearly target (the catalogue's own where it states one) and ten months of
realisations around a performance level drawn per indicator: most on track, some under-achieving,
a few months not reported (a row with a blank value, which is not zero) or missing altogether.
"""
import argparse
import csv
import io
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)
MONTHS = 10  # January-October 2026

# Counts of things an office holds rather than does (buildings cleaned, cars maintained,
# applications run): a month's figure is the state, so the year is their average.
STOCK_WORDS = ("Gedung", "Mobil Dinas", "aplikasi")


def template(iki):
    out = subprocess.run([iki, "template", "--period", "2026", "--catalogue", os.path.join(EXAMPLES, "catalogue.txt")],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def number(x):
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--iki", default=os.path.join(os.path.dirname(EXAMPLES), ".build", "debug", "iki"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = template(args.iki)

    targets = [["code", "period", "target", "consolidation", "note"]]
    realisations = [["code", "period", "value", "numerator", "denominator", "note"]]
    for row in rows:
        code, kind, name = row["code"], row["kind"], row["indicator"]
        # Performance level: most indicators on track, about a quarter clearly behind.
        level = rng.choice([0.55, 0.65, 0.72, 0.78]) if rng.random() < 0.27 else rng.uniform(0.85, 1.12)
        stock = kind == "count" and any(w.lower() in name.lower() for w in STOCK_WORDS)
        if kind == "ratio":
            yearly = rng.choice([90, 95, 100, 100])
            targets.append([code, "2026", number(yearly), "", "target in percent"])
        elif stock:
            yearly = rng.choice([1, 2, 3, 4])
            targets.append([code, "2026", number(yearly), "average", "a state, not a flow: the year is the monthly average"])
        elif row["target"]:
            yearly = float(row["target"])  # stated in the catalogue; iki takes it from there
        else:
            yearly = rng.choice([12, 24, 36, 48, 60, 120, 240])
            targets.append([code, "2026", number(yearly), "", ""])

        missing_month = rng.randrange(1, MONTHS + 1) if rng.random() < 0.25 else None
        unreported_month = rng.randrange(1, MONTHS + 1) if rng.random() < 0.2 else None
        for month in range(1, MONTHS + 1):
            period = f"2026-{month:02d}"
            if month == missing_month:
                continue  # no row at all
            if month == unreported_month:
                realisations.append([code, period, "", "", "", "belum dilaporkan"])
                continue
            noise = rng.uniform(0.85, 1.15)
            if kind == "ratio":
                denominator = rng.randrange(8, 160)
                share = min(1.0, yearly / 100 * level * noise)
                numerator = round(denominator * share)
                realisations.append([code, period, "", str(numerator), str(denominator), ""])
            elif stock:
                value = max(0, round(yearly * min(1.0, level * noise)))
                realisations.append([code, period, str(value), "", "", ""])
            else:
                value = max(0, round(yearly / 12 * level * noise))
                realisations.append([code, period, str(value), "", "", ""])

    for name, table in (("targets-2026.csv", targets), ("realisations-2026.csv", realisations)):
        with open(os.path.join(EXAMPLES, name), "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(table)
        print(f"wrote examples/{name}: {len(table) - 1} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
