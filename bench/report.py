#!/usr/bin/env python3
"""Prints Google Benchmark JSON results as a table with time and peak heap per benchmark."""
import json
import sys


def human_bytes(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return str(n)


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = [("benchmark", "real time", "cpu time", "iterations", "peak heap", "allocations")]
    for b in results["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        unit = b.get("time_unit", "ns")
        rows.append((
            b["name"],
            f'{b["real_time"]:.2f} {unit}',
            f'{b["cpu_time"]:.2f} {unit}',
            str(b["iterations"]),
            human_bytes(b["max_bytes_used"]) if "max_bytes_used" in b else "-",
            str(b.get("allocs_per_iter", "-")),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    ctx = results["context"]
    print(f'\n{ctx.get("host_name", "")}: {ctx.get("num_cpus")} cpus, {ctx.get("date")}')


if __name__ == "__main__":
    main(sys.argv[1])
