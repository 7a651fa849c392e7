"""Writing output files: no overwrite without --force, atomic, clear errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from cchc_cli.errors import OutputError, UsageError
from cchc_cli.output import safewrite
from cchc_cli.output.safewrite import write_new


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "2024" / "a.docx"
    write_new(target, b"one")
    assert target.read_bytes() == b"one"
    assert leftovers(target.parent) == []


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"edited in Word")
    with pytest.raises(OutputError) as caught:
        write_new(target, b"new")
    assert caught.value.exit_code == 3
    assert "a.docx" in caught.value.message
    assert "--force" in caught.value.hint
    assert target.read_bytes() == b"edited in Word"
    assert leftovers(tmp_path) == []


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    write_new(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_new(tmp_path, b"x", force=True)


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    target = tmp_path / "a.docx"

    def broken_fsync(fd: int) -> None:
        raise exc

    monkeypatch.setattr(safewrite.os, "fsync", broken_fsync)
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_new(target, b"x" * 100_000)
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(safewrite.os, "fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_new(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_locked_destination_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to replace a file open in Word with PermissionError.
    target = tmp_path / "a.docx"
    target.write_bytes(b"open in Word")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safewrite.os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        write_new(target, b"new", force=True)
    assert "Word" in caught.value.hint
    assert target.read_bytes() == b"open in Word"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safewrite.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as caught:
        write_new(tmp_path / "a.docx", b"x")
    assert "không có quyền ghi vào đó" in caught.value.message
    assert "Permission" not in caught.value.message
    assert not (tmp_path / "a.docx").exists()


def test_no_hard_links_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(safewrite.os, "link", no_links)
    target = tmp_path / "a.docx"
    write_new(target, b"x")
    assert target.read_bytes() == b"x"
    with pytest.raises(OutputError):
        write_new(target, b"y")
    assert target.read_bytes() == b"x"


def test_the_refusal_names_what_the_caller_protects(tmp_path: Path) -> None:
    target = tmp_path / "2024-Q1.yaml"
    target.write_bytes(b"# typed by the clerk\n")

    def refuse(shown: str) -> OutputError:
        return OutputError(f"Tệp tiến độ '{shown}' đã có.", "Xóa tệp đó nếu muốn tạo lại.")

    with pytest.raises(OutputError) as caught:
        write_new(target, b"new", exists=refuse)
    assert caught.value.message.startswith("Tệp tiến độ") and "2024-Q1.yaml" in caught.value.message
    assert target.read_bytes() == b"# typed by the clerk\n"


def test_a_file_created_meanwhile_is_still_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.docx"
    real_link = safewrite.os.link

    def racing_link(source: Path, destination: Path) -> None:
        Path(destination).write_bytes(b"another writer")
        real_link(source, destination)

    monkeypatch.setattr(safewrite.os, "link", racing_link)
    with pytest.raises(OutputError) as caught:
        write_new(target, b"mine")
    assert "--force" in caught.value.hint
    assert target.read_bytes() == b"another writer"
    assert leftovers(tmp_path) == []


def test_the_new_file_has_the_usual_permissions(tmp_path: Path) -> None:
    # mkstemp's private 0600 would lock colleagues out of a report on a shared folder.
    old = os.umask(0o022)
    try:
        write_new(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o644


def test_force_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_new(target, b"new", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "đĩa đã đầy"),
        (OSError(errno.EROFS, "Read-only file system"), "ổ đĩa chỉ cho đọc"),
        (OSError(errno.EIO, "Input/output error"), "chi tiết: Input/output error"),
    ],
)
def test_system_errors_are_worded_for_the_clerk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    def failing(*args: object) -> None:
        raise error

    monkeypatch.setattr(safewrite.os, "fsync", failing)
    with pytest.raises(OutputError) as caught:
        write_new(tmp_path / "a.docx", b"x")
    assert words in caught.value.message and caught.value.hint
    assert leftovers(tmp_path) == []


def test_a_file_in_the_way_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_new(tmp_path / "plan.yaml" / "r.docx", b"x")
    assert "một phần của đường dẫn là tệp, không phải thư mục" in caught.value.message


def test_an_input_file_is_never_written_over_even_with_force(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("unit: x\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        write_new(tmp_path / "." / "plan.yaml", b"PK", force=True, inputs=[plan])
    assert caught.value.exit_code == 2 and "chính là một tệp đầu vào" in caught.value.message
    assert plan.read_text(encoding="utf-8") == "unit: x\n"


@pytest.mark.parametrize("signum", [2, 15])
def test_a_signal_during_the_move_waits_until_the_temporary_file_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    from cchc_cli import interrupts
    from cchc_cli.errors import Terminated

    target = tmp_path / "a.docx"
    real_link = os.link

    def link(source: str, destination: str) -> None:
        interrupts._on_signal(signum, None)  # as the handler runs when the signal arrives
        assert leftovers(tmp_path) != []  # the signal has not acted yet
        real_link(source, destination)

    monkeypatch.setattr(safewrite.os, "link", link)
    with pytest.raises(KeyboardInterrupt if signum == 2 else Terminated):
        write_new(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert leftovers(tmp_path) == []
    assert interrupts._held == 0 and interrupts._pending == []  # back to normal
