"""Benchmark start-up: `cchc --help` and `cchc --version` as a user runs them.

Beside them, in the same run: `python -c pass` (the floor: the interpreter alone), a
command's own help (`cchc validate --help`, which loads typer), and `import typer`.

Run: .venv/bin/python benchmarks/bench_startup.py [--runs N]
Target: `cchc --help` and `cchc --version` <= 0.15 s (median, wall clock).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def wall(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode('utf-8', 'replace')}")
    return elapsed


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    cases = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "cchc --help": [str(BIN / "cchc"), "--help"],
        "cchc --version": [str(BIN / "cchc"), "--version"],
        "cchc validate --help": [str(BIN / "cchc"), "validate", "--help"],
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    }
    for argv in cases.values():  # warm the file cache and write .pyc files
        wall(argv)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every case alike
        for name, argv in cases.items():
            times[name].append(wall(argv))
    floor = statistics.median(times["python -c pass (floor)"])
    print(f"{datetime.date.today().isoformat()} — {machine()}; median of {args.runs} runs")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:28s} median {median:.3f} s  (min {min(samples):.3f}, max {max(samples):.3f};"
            f" {median / floor:.1f}x the floor)"
        )


if __name__ == "__main__":
    main()
