"""Benchmark `cchc status` and `cchc rollup` over a province of SAMPLE units.

Generates the units with scripts/sample-province.py (sample data, invented names), then
runs each command as a subprocess, start-up included: cold (an empty cache folder, every
file read and checked) and warm (the same command again, the units' files unchanged).
Prints for each run the wall time, the CPU time of cchc's processes (user + system, its
worker processes included; the benchmark's own time.process_time is printed as well and
stays near zero), the peak memory of cchc's processes added together (sampled from
/proc every 20 ms: Linux only), the load average before the run, and the time per unit,
so that growth with the number of units can be read off.

Run: .venv/bin/python benchmarks/bench_province.py [--units 114 3321] [--seed 1]
A cold run's floor is printed first: every YAML file of the sample province parsed once
by libyaml (CSafeLoader, no checks) in one process; cold CPU time is quoted as a ratio to
it.

Targets: 3,321 units: status <= 10 s, rollup <= 30 s, under 1 GB; growth linear.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CCHC = Path(sys.executable).parent / "cchc"
PERIOD = ("--annual", "2024", "--today", "2024-12-06")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    own_cpu: float
    peak_mb: float
    load: float
    code: int


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo += [int(c) for c in children]
        except OSError:
            continue
    return found


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def timed(args: list[str], cwd: Path, cache: Path) -> Run:
    """One command: wall and CPU time, peak memory of its process tree."""
    env = {**os.environ, "CCHC_CACHE_DIR": str(cache)}
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = time.process_time()
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss_mb(_tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        sys.exit(f"cchc failed ({process.returncode}): {err.decode('utf-8', 'replace')}")
    return Run(wall, cpu, time.process_time() - own, peak, load, process.returncode)


def _say(what: str, units: int, run: Run) -> None:
    print(
        f"  {what:<15} {run.wall:7.2f} s wall  {run.cpu:7.2f} s CPU  "
        f"{run.wall / units * 1000:6.1f} ms/unit  peak {run.peak_mb:6.0f} MB  "
        f"load {run.load:4.2f}  (benchmark's own process_time {run.own_cpu:.2f} s)"
    )


def province(root: Path, units: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "sample_province", ROOT / "scripts" / "sample-province.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sample_province"] = module
    spec.loader.exec_module(module)
    module.make_province(root, units=units, seed=seed)


# The floor of a cold run: every YAML file of the province parsed once by libyaml
# (yaml.load with CSafeLoader, nothing checked), in one process.
FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(".").rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def bench(units: int, seed: int) -> None:
    root = Path(tempfile.mkdtemp(prefix=f"cchc-bench-province-{units}-"))
    try:
        start = time.perf_counter()
        province(root, units, seed)
        print(f"{units} sample units generated in {time.perf_counter() - start:.1f} s ({root})")
        # Files changed in the last seconds are not cached (they may still be changing).
        time.sleep(2.5)
        status = [str(CCHC), "status", "plans", "--progress-dir", "progress", *PERIOD]
        rollup = [
            str(CCHC), "rollup", "plans", "--progress-dir", "progress", *PERIOD,
            "--date", "2024-12-10", "-o", "out/", "--force",
            "--office", str(ROOT / "docs" / "examples" / "so-noi-vu-hai-phong.yaml"),
        ]  # fmt: skip
        floor = timed([sys.executable, "-c", FLOOR], root, root / "cache-floor")
        size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / units / 1000
        _say("floor (libyaml)", units, floor)
        print(f"  ({size:.1f} kB of YAML a unit)")
        for name, command in (("status", status), ("rollup", rollup)):
            cache = root / f"cache-{name}"
            cold = timed(command, root, cache)
            _say(f"{name} cold", units, cold)
            print(f"  {'':<14} CPU {cold.cpu / floor.cpu:.1f}x the floor's")
            _say(f"{name} warm", units, timed(command, root, cache))
        text = timed([*status, "-f", "text"], root, root / "cache-status")
        _say("status (text)", units, text)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[114, 3321])
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}  {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    for units in options.units:
        bench(units, options.seed)


if __name__ == "__main__":
    main()
