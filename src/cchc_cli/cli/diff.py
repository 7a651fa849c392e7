"""Command `cchc diff`."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group

if TYPE_CHECKING:
    from cchc_cli.diff.changes import DiffReport


class DiffFormat(enum.StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    DOCX = "docx"


app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)

_BY_SUFFIX = {"docx": "docx", "md": "markdown", "json": "json", "txt": "text"}


def _output_file(text: str | None) -> Path | None:
    """-o as a file whose ending names a format (or none, for text)."""
    from cchc_cli.problems import UsageError

    if text is None:
        return None
    path = Path(text)
    suffix = path.suffix.lower().lstrip(".")
    if text.endswith(("/", "\\")) or path.is_dir():
        raise UsageError(f"-o '{text}' là một thư mục; cần tên tệp.", "Ví dụ: -o thay-doi.docx.")
    if suffix and suffix not in _BY_SUFFIX:
        raise UsageError(
            f"Không ghi bảng so sánh ra tệp đuôi .{suffix}.",
            "Dùng đuôi .docx, .md, .json hoặc .txt, ví dụ -o thay-doi.docx.",
        )
    return path


def _render(report: DiffReport, fmt: DiffFormat) -> bytes:
    if fmt is DiffFormat.TEXT:
        from cchc_cli.output.diff.text import plain_text

        return plain_text(report).encode("utf-8")
    if fmt is DiffFormat.MARKDOWN:
        from cchc_cli.output.diff.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt is DiffFormat.JSON:
        from cchc_cli.output.diff.json import render_json

        return render_json(report).encode("utf-8")
    from cchc_cli.output.diff.docx import render_docx

    return render_docx(report)


def _build(paths: list[Path], revision: str | None) -> DiffReport:
    from cchc_cli.diff.run import diff_paths, diff_revision
    from cchc_cli.problems import UsageError

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
        Optional[DiffFormat],  # noqa: UP045
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
    from cchc_cli.cli.console import console, print_error
    from cchc_cli.cli.output import choose_format
    from cchc_cli.problems import InvalidInputError, UsageError

    output = _output_file(output_text)
    chosen = choose_format(
        output_format.value if output_format else None, output, _BY_SUFFIX, DiffFormat.TEXT
    )
    output_format = DiffFormat(chosen)
    if output_format is DiffFormat.DOCX and output is None:
        raise UsageError("Định dạng docx cần tên tệp ra.", "Thêm -o thay-doi.docx.")
    try:
        report = _build(paths, revision)
    except InvalidInputError as exc:
        from cchc_cli.output.problems import report_problems

        print_error(exc)
        report_problems(exc.problems)
        return 2
    verdict = 1 if exit_code and report.differs else 0
    if output is not None:
        from cchc_cli.output.safewrite import write_new

        write_new(output, _render(report, output_format), force=force, inputs=paths)
        console(stderr=True).print(f"Đã ghi {output}.", highlight=False, markup=False)
        return verdict
    from cchc_cli.cli.console import reader_may_stop

    with reader_may_stop():
        if output_format is DiffFormat.TEXT:
            from cchc_cli.output.diff.text import render_text

            for renderable in render_text(report):
                console().print(renderable)
        else:
            from cchc_cli.output.problems import write_stdout

            write_stdout(_render(report, output_format).decode("utf-8"))
    return verdict
