"""Ctrl-C, SIGTERM and SIGHUP sent to a real cchc process in the middle of its work: one
line said, exit 130, 143 or 129, and no temporary file left beside the reports."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.report_tree import PLAN_NAME, unit_tree

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals sent with os.kill"),
]

SIGNALS = [
    pytest.param(signal.SIGINT, 130, "Đã dừng theo yêu cầu (Ctrl-C).", id="SIGINT"),
    pytest.param(signal.SIGTERM, 143, "nhận tín hiệu SIGTERM", id="SIGTERM"),
]
if hasattr(signal, "SIGHUP"):  # Windows has none
    SIGNALS.append(pytest.param(signal.SIGHUP, 129, "nhận tín hiệu SIGHUP", id="SIGHUP"))

# cchc as the console script runs it, with the signal sent to itself at the worst moment:
# the n-th report's bytes are in their temporary file, not yet moved into place.
AT_THE_RENAME = """
import os, signal, sys
signum, nth = int(sys.argv[1]), int(sys.argv[2])
sys.argv = ["cchc", *sys.argv[3:]]
# As in a terminal, whatever the test runner left (a background job ignores SIGINT).
signal.signal(signal.SIGINT, signal.default_int_handler)
for name in ("SIGTERM", "SIGHUP"):
    if hasattr(signal, name):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
if os.environ.get("CCHC_TEST_IGNORE"):
    signal.signal(int(os.environ["CCHC_TEST_IGNORE"]), signal.SIG_IGN)  # as nohup does
real_link, calls = os.link, [0]
def link(source, target, *args, **kwargs):
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), signum)
    return real_link(source, target, *args, **kwargs)
os.link = link
from cchc_cli.launch import main
main()
"""


def _units(root: Path, count: int) -> Path:
    plan = unit_tree(root, quarters=(1,))
    for number in range(1, count):
        name = f"{PLAN_NAME}-{number}"
        shutil.copy(plan, plan.parent / f"{name}.yaml")
        record = root / "progress" / name
        record.mkdir(parents=True)
        text = (root / "progress" / PLAN_NAME / "2024-Q1.yaml").read_text(encoding="utf-8")
        (record / "2024-Q1.yaml").write_text(
            text.replace(f"{PLAN_NAME}.yaml", f"{name}.yaml"), encoding="utf-8"
        )
    return plan.parent


def _temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def _run_with_signal(
    root: Path, signum: int, nth: int, args: list[str], env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", AT_THE_RENAME, str(int(signum)), str(nth), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(("signum", "code", "words"), SIGNALS)
def test_a_signal_during_a_single_report(
    tmp_path: Path, signum: int, code: int, words: str
) -> None:
    _units(tmp_path, 1)
    args = ["report", "-q", "2024-Q1", f"plans/{PLAN_NAME}.yaml", "-o", "out/r.docx"]
    done = _run_with_signal(tmp_path, signum, 1, [*args, "--date", "2024-03-05"])
    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert _temporary_files(tmp_path) == []
    # The write under way was finished, whole, before stopping.
    assert zipfile.is_zipfile(tmp_path / "out" / "r.docx")


@pytest.mark.parametrize(("signum", "code", "words"), SIGNALS)
def test_a_signal_during_a_folder_run(tmp_path: Path, signum: int, code: int, words: str) -> None:
    _units(tmp_path, 4)
    args = ["report", "-q", "2024-Q1", "plans/", "-o", "out/", "--date", "2024-03-05"]
    done = _run_with_signal(tmp_path, signum, 2, args)
    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert _temporary_files(tmp_path) == []
    written = sorted((tmp_path / "out").glob("*.docx"))
    assert len(written) == 2  # the one before the signal and the one it interrupted
    assert all(zipfile.is_zipfile(p) for p in written)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on Windows")
def test_a_signal_the_parent_ignores_stays_ignored(tmp_path: Path) -> None:
    # `nohup cchc report plans/ …`: closing the terminal must not stop the run.
    _units(tmp_path, 2)
    args = ["report", "-q", "2024-Q1", "plans/", "-o", "out/", "--date", "2024-03-05"]
    env = {"CCHC_TEST_IGNORE": str(int(signal.SIGHUP))}
    done = _run_with_signal(tmp_path, signal.SIGHUP, 1, args, env)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


@pytest.mark.parametrize(("signum", "code", "words"), SIGNALS)
def test_a_signal_at_any_moment_of_a_folder_run(
    tmp_path: Path, signum: int, code: int, words: str
) -> None:
    # The signal as a user sends it, at moments spread over the run: whenever it comes,
    # no temporary file is left, and what was written is whole.
    _units(tmp_path, 12)
    rng = random.Random(int(signum))
    # The script above with no signal of its own (n = 0): a terminal's Ctrl-C handling.
    command = [sys.executable, "-c", AT_THE_RENAME, "0", "0", "report", "-q", "2024-Q1", "plans/"]
    stopped = 0
    for attempt in range(6):
        out = tmp_path / f"out{attempt}"
        with subprocess.Popen(
            [*command, "-o", f"{out.name}/", "--date", "2024-03-05"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ) as process:
            # Once cchc is at work (its first report written; before, the signal finds
            # Python starting and ends it as it would any program), at a random moment.
            while not out.exists() and process.poll() is None:
                time.sleep(0.01)
            time.sleep(rng.random())
            process.send_signal(signum)
            _, stderr = process.communicate(timeout=120)
        # 0: the run was over; -signum: the signal came while Python was shutting down
        # after the run (its handlers already gone), which ends it as any program.
        assert process.returncode in (code, 0, -signum), stderr
        if process.returncode == code:
            stopped += 1
            assert words in stderr
        else:
            assert len(list(out.glob("*.docx"))) == 12
        assert "Traceback" not in stderr and "Lỗi nội bộ" not in stderr
        assert _temporary_files(tmp_path) == []
        assert all(zipfile.is_zipfile(p) for p in out.glob("*.docx"))
    assert stopped, "no signal came in the middle of a run: the test proved nothing"
