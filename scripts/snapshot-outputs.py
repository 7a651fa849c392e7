"""Save what every command prints and writes for the shipped plans, progress and fixtures.

For refactoring: run it before and after a change, then compare the two folders
(`diff -r before after`); every difference must be one the change intends.
Not run by CI. Usage: .venv/bin/python scripts/snapshot-outputs.py OUTDIR
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CCHC = [sys.executable, "-m", "cchc_cli"]
DIFF_PAIRS = sorted((ROOT / "tests/fixtures/diff/pairs").iterdir())
UNIT = "plans/phu-lien-2024.yaml"
SAMPLE = "tests/fixtures/progress/plans/xa-mau-2024.yaml"
REPORTS = {
    "quy-1": ["--quarter", "2024-Q1", "--date", "2024-03-04"],
    "6-thang": ["--half", "2024-H1", "--date", "2024-06-04"],
    "quy-3": ["--quarter", "2024-Q3", "--date", "2024-09-04"],
    "nam": ["--annual", "2024", "--date", "2024-12-04"],
}


def cases(out: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for fmt in ("text", "json", "github", "sarif"):
        found[f"validate-plans-{fmt}"] = ["validate", "-f", fmt, "plans"]
        found[f"validate-fixtures-{fmt}"] = [
            "validate",
            "-f",
            fmt,
            "tests/fixtures/plans",
            "tests/fixtures/progress",
        ]
    found["validate-plans-progress"] = ["validate", "plans", "progress"]
    found["validate-list-checks"] = ["validate", "--list-checks"]
    found["schema"] = ["schema"]
    found["schema-progress"] = ["schema", "--progress"]
    found["schema-fields"] = ["schema", "--fields"]
    found["deadlines"] = ["deadlines", UNIT, "--today", "2024-02-20"]
    found["help"] = ["--help"]
    for name, period in REPORTS.items():
        for fmt in ("docx", "md"):
            found[f"report-{name}-{fmt}"] = [
                "report",
                *period,
                UNIT,
                "-o",
                str(out / f"report-{name}.{fmt}"),
                "--draft",
            ]
            found[f"report-sample-{name}-{fmt}"] = [
                "report",
                *period,
                SAMPLE,
                "--progress-dir",
                "tests/fixtures/progress",
                "-o",
                str(out / f"report-sample-{name}.{fmt}"),
                "--draft",
            ]
    found["progress-new"] = [
        "progress",
        "new",
        "-q",
        "2024-Q2",
        UNIT,
        "--progress-dir",
        str(out / "progress"),
    ]
    pairs = [("phu-lien", UNIT, "tests/fixtures/diff/phu-lien-2025.yaml")]
    pairs += [(p.name, str(p / "old.yaml"), str(p / "new.yaml")) for p in DIFF_PAIRS]
    for name, old, new in pairs:
        for fmt in ("text", "markdown", "json"):
            found[f"diff-{name}-{fmt}"] = ["diff", "-f", fmt, old, new]
        found[f"diff-{name}-docx"] = ["diff", old, new, "-o", str(out / f"diff-{name}.docx")]
    return found


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name, args in cases(out).items():
        done = subprocess.run(
            [*CCHC, *args],
            cwd=ROOT,
            capture_output=True,
            check=False,
            env={"COLUMNS": "100", "PATH": "/usr/bin:/bin", "TERM": "dumb"},
        )
        text = (
            f"$ cchc {' '.join(args)}\nexit {done.returncode}\n--- stdout\n"
            + done.stdout.decode("utf-8", "replace")
            + "--- stderr\n"
            + done.stderr.decode("utf-8", "replace")
        )
        (out / f"{name}.txt").write_text(text.replace(str(out), "OUT"), encoding="utf-8")
    print(f"{len(cases(out))} commands; outputs in {out}")


if __name__ == "__main__":
    main()
