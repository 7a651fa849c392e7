"""An import into a quarter's progress file, prepared: what the file will say, what
changed, and every problem; the command layer prints and writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import InvalidInputError
from cchc_cli.load.progress import existing_or_new
from cchc_cli.load.yaml import decode
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Quarter
from cchc_cli.paths import progress_path
from cchc_cli.problems import Problem, ProblemList, Severity, display_path
from cchc_cli.tthc.importer import TthcImport, import_tthc
from cchc_cli.tthc.merge import Change, merge_figures
from cchc_cli.tthc.record import table_block, with_table

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Applied:
    """The quarter file after the import: its path, its new bytes, what changed."""

    path: Path
    data: bytes
    changed: bool
    created: bool
    changes: tuple[Change, ...]
    result: TthcImport
    notes: tuple[Problem, ...]  # warnings of the import, for the clerk to read


def apply_import(
    raw: bytes,
    export: Path,
    plan: Plan,
    plan_path: Path,
    *,
    quarter: Quarter | None,
    progress_dir: Path,
    force: bool = False,
) -> Applied:
    """Import ``raw`` (the export at ``export``) into the quarter's progress file.

    Raises InvalidInputError with every problem when the export or the merge has errors:
    then nothing may be written.
    """
    from cchc_cli.progress_new import new_progress

    shown = display_path(export)
    result = import_tthc(raw, shown, plan, quarter)
    if not result.ok or result.figures is None or result.quarter is None:
        raise InvalidInputError(
            list(result.problems),
            f"Tệp thống kê {shown} có lỗi; chưa ghi số liệu nào vào tệp tiến độ.",
        )
    target = existing_or_new(
        progress_path(progress_dir, plan_path, result.quarter.year, result.quarter.number)
    )
    created = not target.is_file()
    bom = False
    if created:
        text = new_progress(plan, plan_path, result.quarter, progress_dir).text
    else:
        before = target.read_bytes()
        bom = before.startswith(_BOM)
        problems = ProblemList(display_path(target))
        decoded = decode(before, problems)
        if decoded is None:
            raise InvalidInputError(problems.items, f"Không đọc được {display_path(target)}.")
        text = decoded
    merged = merge_figures(text, result.figures, path=display_path(target), force=force)
    if not merged.ok:
        raise InvalidInputError(
            [*merged.problems, *result.problems],
            f"Chưa ghi vào {display_path(target)}: số liệu đã nhập khác số liệu của tệp thống kê."
            if merged.conflicts
            else f"Chưa ghi vào {display_path(target)}.",
        )
    assert result.table is not None  # figures come from a table
    new_text = with_table(merged.text, table_block(result.table, export.name))
    data = (_BOM if bom else b"") + new_text.encode("utf-8")
    notes = tuple(p for p in result.problems if p.severity is Severity.WARNING)
    return Applied(target, data, new_text != text, created, merged.changes, result, notes)
