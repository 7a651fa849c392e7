"""Command `cchc diff`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.output import chosen, format_enum, resolve_output, save
from cchc_cli.output.diff import ENDINGS, FORMATS

if TYPE_CHECKING:
    from cchc_cli.diff.changes import DiffReport


app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)


def _build(paths: list[Path], revision: str | None) -> DiffReport:
    from cchc_cli.diff.run import diff_paths, diff_revision
    from cchc_cli.errors import UsageError

    if revision is not None:
        if len(paths) != 1:
            raise UsageError(
                "--rev cần đúng một tệp kế hoạch.",
                "Ví dụ: cchc diff --rev HEAD~1 plans/ke-hoach.yaml.",
            )
        return diff_revision(revision, paths[0])
    if len(paths) != 2:
        raise UsageError(
            "Cần hai tệp (hoặc hai thư mục) kế hoạch: CŨ và MỚI.",
            "Ví dụ: cchc diff plans/phu-lien-2024.yaml plans/phu-lien-2025.yaml.",
        )
    return diff_paths(paths[0], paths[1])


@app.command(
    "diff",
    cls=Command,
    help=help_of(
        "diff",
        "Mã thoát: 0 xong (với --exit-code: 0 không khác, 1 có khác); 2 kế hoạch có lỗi "
        "hoặc sai cách dùng; 3 không ghi được tệp.",
    ),
)
def diff(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Hai tệp hoặc hai thư mục kế hoạch, cũ rồi mới (một tệp khi có --rev).",
            show_default=False,
            metavar="CŨ MỚI",
        ),
    ],
    *,
    revision: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--rev",
            help="So sánh tệp với chính nó ở phiên bản git REV (ví dụ HEAD~1).",
            metavar="REV",
        ),
    ] = None,
    output_format: Annotated[
        Optional[Format],  # type: ignore[valid-type]  # noqa: UP045 - built from the registry
        typer.Option(
            "--format",
            "-f",
            help="Định dạng: text, markdown, json, docx (mặc định theo đuôi tệp -o, không có "
            "thì text).",
            show_default=False,
            metavar="text|markdown|json|docx",
        ),
    ] = None,
    output_text: Annotated[
        Optional[str],  # noqa: UP045 - text, so that a final '/' (a folder) is seen
        typer.Option(
            "--output",
            "-o",
            help="Ghi ra tệp (bắt buộc với docx).",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp đã có.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Mã thoát 1 khi có khác biệt, 0 khi không có.")
    ] = False,
) -> int:
    from cchc_cli.cli.console import emit, reader_may_stop

    target = resolve_output(
        output_text,
        chosen(output_format),
        ENDINGS,
        "text",
        file_only=frozenset({"docx"}),
        bare_names=True,
        example="thay-doi.docx",
        what="bảng so sánh",
    )
    report = _build(paths, revision)
    verdict = 1 if exit_code and report.differs else 0
    rendered = FORMATS[target.format](report)
    if target.file is not None:
        save(target.file, rendered, force=force, inputs=paths)
        return verdict
    with reader_may_stop():
        emit(rendered)
    return verdict
