"""Benchmark importing a Biểu 06 export of 2,000 field rows for the Phù Liễn plan.

The export is built by tests/tthc_exports.py (title block, two merged header rows,
column numbers, totals); the province's variant stores figures over 999 as text with
thousands dots. Timed: `import_tthc` (read the bytes, find and check the table, compute
the plan's counts) and `merge_figures` into a fresh quarter file, in one process after
openpyxl is loaded (median of the runs), and once cold, in a new Python process,
start-up and imports included, as a command would run it.

Run: .venv/bin/python benchmarks/bench_tthc_import.py [--rows N] [--runs R]
Target: <= 1 s for 2,000 rows.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLD = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from cchc_cli.load.shape import load_model
from cchc_cli.model.plan import Plan
from cchc_cli.tthc.importer import import_tthc
plan = load_model(Path(sys.argv[1]), Plan).model
result = import_tthc(Path(sys.argv[2]).read_bytes(), sys.argv[2], plan)
assert result.ok, [p.message for p in result.problems][:3]
print(time.perf_counter() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests import tthc_exports as tx

    from cchc_cli.load.shape import load_model
    from cchc_cli.model.plan import Plan
    from cchc_cli.model.progress import Quarter
    from cchc_cli.progress_new import progress_text
    from cchc_cli.tthc.importer import import_tthc
    from cchc_cli.tthc.merge import merge_figures

    plan_path = ROOT / "plans" / "phu-lien-2024.yaml"
    plan = load_model(plan_path, Plan).model
    assert plan is not None
    fields = tx.many_fields(args.rows)
    exports = {
        "xlsx, Biểu 06": tx.build_xlsx(replace(tx.Export(), fields=fields)),
        "xlsx, provincial variant": tx.build_xlsx(replace(tx.PROVINCE, fields=fields)),
        "csv, Biểu 06": tx.build_csv(replace(tx.Export(), fields=fields)),
    }
    quarter = Quarter(2024, 1)
    progress = progress_text(plan, plan_path, Path("p/2024-Q1.yaml"), quarter, None)
    print(f"Import of a Biểu 06 export with {args.rows:,} field rows, {args.runs} runs (median):")
    for name, raw in exports.items():
        seconds = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = import_tthc(raw, "bieu06." + name[:4].strip(","), plan, quarter)
            assert result.figures is not None, [p.message for p in result.problems][:3]
            merged = merge_figures(progress, result.figures, path="2024-Q1.yaml")
            assert merged.ok
            seconds.append(time.perf_counter() - start)
        size = len(raw) / 1024
        print(f"  {name:26} {size:7.0f} KiB  {statistics.median(seconds):6.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "bieu06.xlsx"
        export.write_bytes(exports["xlsx, Biểu 06"])
        done = subprocess.run(
            [sys.executable, "-c", COLD, str(plan_path), str(export)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"  cold, new process (start-up and imports included): {float(done.stdout):.3f} s")
    print("Target: <= 1 s for 2,000 rows.")


if __name__ == "__main__":
    main()
