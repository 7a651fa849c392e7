"""Regenerate every reference the repository keeps from the code, so they never drift.

schema/*.schema.json (editor completion), docs/plan-fields.md, docs/progress-fields.md,
docs/office-fields.md (the fields), docs/codes.md (every problem code),
docs/shared-indicators.md. A test fails when one is stale.
Usage: .venv/bin/python scripts/generate-docs.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
