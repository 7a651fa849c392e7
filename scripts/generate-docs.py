"""Regenerate every reference the repository keeps from the code, so they never drift.

schema/*.schema.json (editor completion), docs/plan-fields.md, docs/progress-fields.md,
docs/office-fields.md (the fields), docs/codes.md (every problem code),
docs/shared-indicators.md, and the tables of exit codes and problem codes inside the
user guide (docs/huong-dan-su-dung.md, between its "BEGIN generated"/"END generated"
comments). A test fails when one is stale.
Usage: .venv/bin/python scripts/generate-docs.py
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "docs/huong-dan-su-dung.md"


def exit_codes_table() -> str:
    """The exit codes and their meaning, as errors.EXIT_CODES says them."""
    from cchc_cli.errors import EXIT_CODES

    rows = [
        "| " + " | ".join((str(code), meaning.replace("|", "\\|"))) + " |"
        for code, meaning in EXIT_CODES.items()
    ]
    return "\n".join(["| Mã thoát | Ý nghĩa |", "|---|---|", *rows])


def codes_tables() -> str:
    """docs/codes.md's tables of problem codes, one level down for the guide's appendix."""
    from cchc_cli.output.codes import codes_markdown

    text = codes_markdown()
    tables = text[text.index("\n## ") + 1 :].rstrip("\n")
    return re.sub(r"^## ", "### ", tables, flags=re.MULTILINE)


def fill_guide(text: str) -> str:
    """The guide's text with each generated region made anew; the rest is hand-written."""
    for name, make in (("exit-codes", exit_codes_table), ("codes", codes_tables)):
        region = re.compile(
            rf"(<!-- BEGIN generated: {name} [^\n]*-->\n)(?:.*?\n)?(<!-- END generated: {name} -->)",
            re.DOTALL,
        )
        if region.search(text) is None:
            raise SystemExit(f"{GUIDE}: the region '{name}' is missing")
        body = make()
        text = region.sub(lambda m: f"{m[1]}{body}\n{m[2]}", text)  # noqa: B023 - used at once
    return text


def generated() -> dict[str, Callable[[], str]]:
    """Each generated file, relative to the repository, with what makes its text."""
    from cchc_cli.model.shared import shared_markdown
    from cchc_cli.output.codes import codes_markdown
    from cchc_cli.schema import fields_markdown, schema_text

    return {
        "schema/cchc-plan.schema.json": lambda: schema_text(progress=False),
        "schema/cchc-progress.schema.json": lambda: schema_text(progress=True),
        "docs/plan-fields.md": lambda: fields_markdown(False),
        "docs/progress-fields.md": lambda: fields_markdown(True),
        "docs/codes.md": codes_markdown,
        "docs/shared-indicators.md": shared_markdown,
        GUIDE: lambda: fill_guide((ROOT / GUIDE).read_text(encoding="utf-8")),
        "schema/cchc-office.schema.json": lambda: schema_text(office=True),
        "docs/office-fields.md": lambda: fields_markdown(office=True),
    }


def main() -> None:
    for name, make in generated().items():
        path = ROOT / name
        text = make()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {name}")


if __name__ == "__main__":
    main()
