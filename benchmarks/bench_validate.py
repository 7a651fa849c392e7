"""Benchmark `cchc validate` on 3,321 plan files (one per commune-level unit in Vietnam).

Side by side, in the same run and on the same files: check-jsonschema with the exported
schema (it checks shape only), and a bare `yaml.load(..., CSafeLoader)` of every file
(the floor: parsing alone). Start-up is measured by bench_startup.py.

Run: .venv/bin/python benchmarks/bench_validate.py [--units N]
Targets: faster than check-jsonschema; within 2x of the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SOURCE = Path(os.environ.get("CCHC_BENCH_PLAN", ROOT / "plans" / "phu-lien-2024.yaml"))

FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def make_units(folder: Path, count: int) -> list[Path]:
    text = SOURCE.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        path = folder / f"unit-{number:04d}.yaml"
        path.write_text(text.replace("Phù Liễn", f"Đơn vị số {number + 1}"), encoding="utf-8")
        paths.append(path)
    return paths


def timed(argv: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    return elapsed, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3321)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        files = make_units(folder, args.units)
        schema = folder / "schema.json"
        schema.write_text(
            subprocess.run(
                [str(BIN / "cchc"), "schema"], capture_output=True, check=True, text=True
            ).stdout,
            encoding="utf-8",
        )
        cchc, code = timed([str(BIN / "cchc"), "validate", "-f", "json", str(folder)])
        floor, _ = timed([sys.executable, "-c", FLOOR, str(folder)])
        checker = BIN / "check-jsonschema"
        if checker.exists():
            cjs, _ = timed([str(checker), "--schemafile", str(schema), *map(str, files)])
        else:
            cjs = float("nan")
        print(f"files: {len(files)} (copies of {SOURCE.name}, {SOURCE.stat().st_size} bytes each)")
        print(f"cchc validate:              {cchc:7.2f} s  (exit {code})")
        print(f"check-jsonschema:           {cjs:7.2f} s  (cchc is {cjs / cchc:.2f}x faster)")
        print(f"yaml.load CSafeLoader floor:{floor:7.2f} s  (cchc / floor = {cchc / floor:.2f}x)")
        print(f"per file (cchc):            {cchc / len(files) * 1000:7.2f} ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
