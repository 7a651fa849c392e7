"""The clerk's text reaches the Word document as typed (README "Promises"): every
character, line breaks and indentation alike in the body and the appendix, list markers
and signs kept; only the documented changes (ends trimmed, NFC, a typed dash before a
list entry) happen."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cchc_cli.load.yaml import looks_legacy
from cchc_cli.report.render import list_item
from tests.report_tree import PLAN_NAME, unit_tree

TASK = "CQS-01"  # in progress in quý I, no evidence: its result cell is the result alone
TASK_CONTENT = "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"


@pytest.mark.parametrize(
    ("typed", "entry"),
    [
        ("+ 15% hồ sơ trực tuyến", "+ 15% hồ sơ trực tuyến"),  # "- 15%" would read as minus
        ("+15% so với cùng kỳ", "+15% so với cùng kỳ"),
        ("-5 hồ sơ quá hạn", "-5 hồ sơ quá hạn"),  # a sign, not a marker
        ("* ghi chú", "* ghi chú"),
        ("- Còn hồ sơ quá hạn.", "Còn hồ sơ quá hạn."),  # the template writes its own "- "
        ("—\tCòn hồ sơ quá hạn.", "Còn hồ sơ quá hạn."),
        ("-", "-"),
    ],
)
def test_only_a_typed_dash_gives_way_to_the_templates(typed: str, entry: str) -> None:
    assert list_item(typed) == entry


def _report(root: Path, direction: str, strength: str, result: str) -> Any:
    """The quý I report of the test unit with these three texts, as a python-docx Document."""
    from cchc_cli.cli.period_options import parse_period
    from cchc_cli.output.report import FORMATS
    from cchc_cli.report.run import Request, prepare

    plan = unit_tree(root, quarters=(1,))
    record = root / "progress" / PLAN_NAME / "2024-Q1.yaml"
    lines = record.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    skip = False
    for line in lines:
        if skip and line.startswith("      "):
            continue
        skip = False
        if line == "    result: Đang triển khai CQS-01.":
            out.append(f"    result: {json.dumps(result, ensure_ascii=False)}")
        elif line == "  direction:":
            out += [line, f"    - {json.dumps(direction, ensure_ascii=False)}"]
            skip = True
        elif line.startswith("  strengths:"):
            out.append(f"  strengths: [{json.dumps(strength, ensure_ascii=False)}]")
        else:
            out.append(line)
    record.write_text("\n".join(out) + "\n", encoding="utf-8")
    request = Request(
        period=parse_period("2024-Q1", None, None),
        progress_dir=root / "progress",
        today=date(2024, 3, 5),
        report_date=date(2024, 3, 5),
    )
    prepared = prepare(request, plan, whole=False)
    return Document(io.BytesIO(FORMATS["docx"](prepared.rendered)))


def _as_documented(typed: str) -> str:
    # README "Promises": NFC, the two ends trimmed, "\r\n" and "\r" are line breaks.
    text = unicodedata.normalize("NFC", typed).strip()
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _result_cell(document: Any) -> str:
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if TASK_CONTENT in cells:
                return cells[-1]
    raise AssertionError("the task's row is missing from Phụ lục I")


def _found(document: Any, typed: dict[str, str]) -> None:
    paragraphs = [p.text for p in document.paragraphs]
    direction, strength, result = (_as_documented(typed[k]) for k in typed)
    assert direction in paragraphs
    assert "- " + list_item(strength) in paragraphs
    # The body counts a task in progress under its area; its result is in Phụ lục I.
    assert _result_cell(document) == result


def test_markers_signs_breaks_and_indentation_as_typed(tmp_path: Path) -> None:
    typed = {
        "direction": "Dòng một\n  thụt lề hai khoảng\n\n# không phải tiêu đề & <b>",
        "strength": "+ 15% hồ sơ trực tuyến\n- -5 hồ sơ quá hạn\n    * ghi chú | \\ **",
        "result": "Dòng một kết quả\n  thụt lề\n\tthụt bằng tab\ndòng cuối",
    }
    document = _report(tmp_path, **typed)
    _found(document, typed)
    paragraphs = [p.text for p in document.paragraphs]
    assert "- + 15% hồ sơ trực tuyến\n- -5 hồ sơ quá hạn\n    * ghi chú | \\ **" in paragraphs
    assert "Dòng một\n  thụt lề hai khoảng\n\n# không phải tiêu đề & <b>" in paragraphs
    assert _result_cell(document) == typed["result"]


_CHARACTERS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn"), exclude_characters="\ufeff"
)
_MARKUP = ["- ", "+ ", "* ", "• ", "– ", "-5", "+15%", "1. ", "# ", "| ", "  ", "\t", "\n"]
_PIECES = st.sampled_from(
    [*_MARKUP, "\n\n", "\r\n", "\\", "<br>", "**", "&amp;", "<!-- center -->", "`", "…", "Ủy"]
)
_TEXT = st.lists(st.one_of(st.text(_CHARACTERS, max_size=12), _PIECES), max_size=10).map("".join)


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(direction=_TEXT, strength=_TEXT, result=_TEXT)
def test_any_text_reaches_the_document_as_documented(
    tmp_path_factory: pytest.TempPathFactory, direction: str, strength: str, result: str
) -> None:
    typed = {"direction": direction, "strength": strength, "result": result}
    for text in typed.values():
        documented = _as_documented(text)
        assume(documented and not looks_legacy(documented))
    _found(_report(tmp_path_factory.mktemp("unit"), **typed), typed)
