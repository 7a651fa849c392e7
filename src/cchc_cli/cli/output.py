"""Where a command's output goes and in which format: one resolver of `-o` and `--format`.

Every command that writes names its formats (name → file endings); the resolver picks
the format from `--format`, else from the ending of `-o`, else the default, and refuses
what would not open where the clerk double-clicks it (a Word file named .md, a folder
where a file is needed).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_cli.errors import UsageError


@dataclass(frozen=True)
class Target:
    """The resolved output: a format, and a file, a folder, or neither (stdout)."""

    format: str
    file: Path | None = None
    folder: Path | None = None


def format_enum(name: str, registry: Mapping[str, Any]) -> type[enum.StrEnum]:
    """A `--format` choice built from a writer registry's keys."""
    return enum.StrEnum(name, {key.upper(): key for key in registry})  # type: ignore[return-value]


def chosen(option: Any) -> str | None:
    """The name of a `--format` choice given, or None."""
    return None if option is None else str(option.value)


def resolve_output(
    output: str | None,
    given: str | None,
    endings: Mapping[str, tuple[str, ...]],
    default: str,
    *,
    folder_ok: bool = False,
    file_only: frozenset[str] = frozenset(),
    bare_names: bool = False,
    example: str = "",
    what: str = "kết quả",
) -> Target:
    """The format and place of a command's output.

    ``endings`` maps each format to the file endings that imply it. ``output`` ending in
    a separator, or naming an existing folder, is a folder (where ``folder_ok``).
    ``file_only`` formats cannot go to standard output. A file name without an ending is
    taken (in the format given or the default) only where ``bare_names``: a Word file
    without one would not open where the clerk double-clicks it.
    """
    folder = file = None
    if output is not None:
        if output.endswith(("/", "\\")) or _is_dir(Path(output)):
            if not folder_ok:
                raise UsageError(
                    f"-o '{output}' là một thư mục; cần tên tệp.",
                    f"Ví dụ: -o {example or 'ket-qua.' + endings[default][0]}.",
                )
            folder = Path(output)
        else:
            file = Path(output)
    if file is not None and bare_names and not file.suffix:
        fmt = given or default
    else:
        fmt = _format(given, file, endings, default, folder_ok, what)
    if fmt in file_only and file is None and folder is None:
        raise UsageError(
            f"Định dạng {fmt} cần tên tệp ra.", f"Thêm -o {example or 'ket-qua.' + fmt}."
        )
    return Target(fmt, file, folder)


def _format(  # noqa: PLR0917 - the resolver's own arguments, passed on
    given: str | None,
    file: Path | None,
    endings: Mapping[str, tuple[str, ...]],
    default: str,
    folder_ok: bool,
    what: str,
) -> str:
    if given is not None and given not in endings:
        raise UsageError(f"Định dạng '{given}' không có.", f"Chọn một trong: {', '.join(endings)}.")
    if file is None:
        return given or default
    suffix = file.suffix.lower().lstrip(".")
    implied = next((name for name, ends in endings.items() if suffix in ends), None)
    if implied is None:
        known = ", ".join(f".{e}" for ends in endings.values() for e in ends)
        ending = f"đuôi .{suffix}" if suffix else "không có đuôi"
        folder = "; một thư mục thì ghi kèm '/' ở cuối" if folder_ok else ""
        raise UsageError(
            f"Không ghi {what} ra tệp {ending} ('{file.name}').",
            f"Đặt tên tệp đuôi {known}, ví dụ "
            f"{file.name.split('.')[0] or 'ket-qua'}.{_first_ending(endings, given or default)}"
            f"{folder}.",
        )
    if given is not None and implied != given:
        raise UsageError(
            f"Tệp '{file}' có đuôi .{suffix} nhưng định dạng là {given}.",
            f"Bỏ --format để theo đuôi tệp, hoặc đổi đuôi tệp cho khớp với {given}.",
        )
    return implied


def _first_ending(endings: Mapping[str, tuple[str, ...]], fmt: str) -> str:
    # A format that never goes to a file (GitHub annotations) suggests the first ending.
    own = endings[fmt]
    return own[0] if own else next(e for ends in endings.values() for e in ends)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system is not a folder
        return False


def save(file: Path, data: object, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write a command's output (bytes, text, or a rich renderable as plain text) to
    ``file`` (atomically, never over an input, over an existing file only with ``force``)
    and say so on stderr: stdout stays empty, so a redirect never mixes a message into
    the output."""
    from cchc_cli.cli.console import console
    from cchc_cli.output.safewrite import write_new
    from cchc_cli.problems import display_path

    write_new(file, _file_bytes(data), force=force, inputs=inputs)
    console(stderr=True).print(f"Đã ghi {display_path(file)}.", highlight=False, markup=False)


def _file_bytes(data: object) -> bytes:
    if isinstance(data, bytes):
        return data
    if not isinstance(data, str):
        from cchc_cli.output import plain

        data = plain(data)
    return data.encode("utf-8")
