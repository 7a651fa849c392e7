"""Benchmark `cchc diff` on two generated plans of 2,000 tasks each, 10% of them reworded.

The new plan also renumbers the reworded tasks (so they must be found by similarity, not
by id), shuffles the task list, and adds and drops a few tasks. One `cchc diff` process,
start-up included, as a user runs it.

Run: .venv/bin/python benchmarks/bench_diff.py [--tasks N] [--runs R]
Target: <= 1 s for 2,000 tasks.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
AREAS = (
    "chi-dao",
    "the-che",
    "tthc",
    "to-chuc-bo-may",
    "cong-vu",
    "tai-chinh-cong",
    "chinh-quyen-so",
)
VOCABULARY = (
    "rà soát văn bản quy phạm pháp luật giải quyết hồ sơ thủ tục hành chính đúng hạn công khai "
    "niêm yết số hóa kết quả tuyên truyền đánh giá công chức ngân sách kiểm tra báo cáo "
    "triển khai thực hiện nâng cao chất lượng phục vụ người dân doanh nghiệp trực tuyến "
    "một cửa liên thông chuyển đổi số kế hoạch tổ chức bộ máy vị trí việc làm tài chính"
)
WORDS = VOCABULARY.split(" ")
HEAD = """unit:
  name: Thử nghiệm
  kind: xã
  signer: {authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH}
  posts:
    - {id: vp-tk, title: Công chức Văn phòng - Thống kê}
    - {id: tp-ht, title: Công chức Tư pháp - Hộ tịch}
issued: {number: 01/KH-UBND, date: %(year)d-01-10, issuer: UBND xã Thử nghiệm, title: Kế hoạch CCHC năm %(year)d}
years: %(year)d
programme: nq76
tasks:
"""


def _task(number: int, area: str, words: list[str], year: int) -> str:
    lead = "vp-tk" if number % 3 else "tp-ht"
    return (
        f'  - {{id: T-{number:05d}, area: {area}, content: "{" ".join(words)}", '
        f"lead: {lead}, due: {year}-Q{number % 4 + 1}}}\n"
    )


def make_plans(folder: Path, count: int, seed: int = 2025) -> tuple[Path, Path, int]:
    """Two plans a year apart; returns their paths and how many tasks were reworded."""
    rng = random.Random(seed)
    tasks = [(AREAS[n % len(AREAS)], rng.sample(WORDS, rng.randint(8, 20))) for n in range(count)]
    old_lines = [_task(n, area, words, 2024) for n, (area, words) in enumerate(tasks)]
    reworded = set(rng.sample(range(count), count // 10))
    new_lines = []
    for n, (area, words) in enumerate(tasks):
        if n in reworded:
            changed = list(words)
            changed[rng.randrange(len(changed))] = rng.choice(WORDS)
            changed.insert(rng.randrange(len(changed)), rng.choice(WORDS))
            new_lines.append(_task(count + n, area, changed, 2025))
        else:
            new_lines.append(_task(n, area, words, 2025))
    rng.shuffle(new_lines)
    old = folder / "old.yaml"
    new = folder / "new.yaml"
    old.write_text(HEAD % {"year": 2024} + "".join(old_lines), encoding="utf-8")
    new.write_text(HEAD % {"year": 2025} + "".join(new_lines), encoding="utf-8")
    return old, new, len(reworded)


def timed(argv: list[str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False)
    return time.perf_counter() - started, done


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cchc-bench-diff-"))
    try:
        old, new, reworded = make_plans(folder, args.tasks)
        argv = [str(BIN / "cchc"), "diff", "-f", "json", str(old), str(new)]
        times = []
        for _ in range(args.runs):
            elapsed, done = timed(argv)
            if done.returncode != 0:
                sys.stderr.write(done.stderr.decode("utf-8", "replace"))
                raise SystemExit(f"cchc diff failed with exit code {done.returncode}")
            times.append(elapsed)
        (pair,) = json.loads(done.stdout)["comparisons"]
        found = sum(t["reworded"] for t in pair["tasks"])
        by_similarity = sum(t["matched_by"] == "similarity" for t in pair["tasks"])
        print(
            f"plans: {args.tasks} tasks each ({old.stat().st_size:,} and {new.stat().st_size:,} bytes)"
        )
        print(
            f"reworded under new ids: {reworded}; found reworded: {found} (by similarity: {by_similarity})"
        )
        print(f"other changes reported: {len(pair['tasks']) - found}")
        print(
            f"cchc diff (one process): median {statistics.median(times):.3f} s, "
            f"best {min(times):.3f} s over {args.runs} runs (target <= 1 s)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
