"""Every report kind opened with python-docx: page, fonts, header, sections, tables, closing."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.helpers import run_cli
from tests.report_tree import KINDS, fresh_unit, unit_tree

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
SUBJECTS = {
    "quy-1": "quý I năm 2024",
    "6-thang": "6 tháng đầu năm 2024",
    "quy-3": "quý III năm 2024",
    "nam": "năm 2024",
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("reports")
    plan = unit_tree(root)
    made = {}
    for kind, option in KINDS.items():
        out = root / f"{kind}.docx"
        result = run_cli(
            "report",
            *option,
            plan,
            "--progress-dir",
            root / "progress",
            "-o",
            out,
            "--date",
            "2024-12-05",
            "--today",
            "2024-02-01",
        )
        assert result.exit_code == 0, result.stderr
        made[kind] = out
    return made


@pytest.fixture(params=list(KINDS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def mm(length: int) -> float:
    # Word stores twentieths of a point: 210 mm is 11906 twips, 0.01 mm short.
    return round(length / Mm(1), 1)


def test_page_and_margins(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    first = doc.sections[0]
    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    for section in doc.sections:
        assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
        assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    # The appendices share one landscape section: Phụ lục II follows Phụ lục I on its
    # last page when there is room, rather than leave that page nearly empty.
    appendices = doc.sections[1:]
    assert len(appendices) == 1
    assert all(s.orientation == WD_ORIENT.LANDSCAPE for s in appendices)
    assert all(mm(s.page_width) == 297 for s in appendices)


def test_times_new_roman_on_every_run_and_no_theme_fonts(
    reports: dict[str, Path], kind: str
) -> None:
    with zipfile.ZipFile(reports[kind]) as archive:
        names = archive.namelist()
        xml = {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".xml")}
    assert not any("Theme=" in text or "cstheme" in text for text in xml.values())
    doc = Document(str(reports[kind]))
    parts = [doc.element.body] + [
        s.header._element for s in doc.sections if not s.header.is_linked_to_previous
    ]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 100
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None, run.xml[:200]
        assert all(fonts.get(qn(slot)) == "Times New Roman" for slot in FONT_SLOTS)
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert all(normal.get(qn(slot)) == "Times New Roman" for slot in FONT_SLOTS)


def test_header_table(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    left, right = doc.tables[0].rows[0].cells
    left_lines = [p.text for p in left.paragraphs if p.text]
    assert left_lines == ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số:      /BC-UBND"]
    assert all(r.bold for p in left.paragraphs[:2] for r in p.runs)
    right_lines = [p.text for p in right.paragraphs if p.text]
    assert right_lines == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày 05 tháng 12 năm 2024",
    ]
    date_line = next(p for p in right.paragraphs if p.text.startswith("Hòa Bình"))
    assert all(r.italic for r in date_line.runs)
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {e.get(qn("w:val")) for e in borders} == {"nil"}


def test_title_sections_and_ending(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    lines = texts(doc)
    title = lines.index("BÁO CÁO")
    assert lines[title + 1] == f"Kết quả thực hiện công tác cải cách hành chính {SUBJECTS[kind]}"
    assert doc.paragraphs[title].runs[0].bold
    assert doc.paragraphs[title].runs[0].font.size.pt == 14
    assert "DỮ LIỆU MẪU" in "\n".join(lines)
    assert any(line.startswith("Số liệu báo cáo tính từ ngày") for line in lines)
    starts = [
        "I. CÔNG TÁC CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    found = [next(i for i, line in enumerate(lines) if line.startswith(s)) for s in starts]
    assert found == sorted(found)
    areas = [line for line in lines if re.match(r"^[1-6]\. ", line)]
    assert areas[:6] == [
        "1. Cải cách thể chế",
        "2. Cải cách thủ tục hành chính",
        "3. Cải cách tổ chức bộ máy hành chính nhà nước",
        "4. Cải cách chế độ công vụ",
        "5. Cải cách tài chính công",
        "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    ]
    body = doc.paragraphs[found[0] + 1]
    assert body.paragraph_format.first_line_indent == Mm(12.7)
    assert body.runs[0].font.size.pt == 14
    assert any(line.endswith("./.") for line in lines)
    assert "None" not in "\n".join(lines)
    # Hostile YAML text arrives as typed, line break included.
    cells = {c.text for row in doc.tables[2].rows for c in row.cells}
    assert any("& báo cáo <kết quả>" in text for text in cells)
    assert (
        "Dòng một của đoạn nhiều dòng;\ndòng hai: # không phải tiêu đề, | không phải bảng, "
        "*không nghiêng*." in lines
    )
    # The body counts the tasks by status; each task is in Phụ lục I, not restated here.
    assert any(line.startswith("Thực hiện 1 nhiệm vụ cải cách thể chế: ") for line in lines)
    assert not any(re.match(r"^[a-e]\) ", line) for line in lines)


def test_signature_and_recipients(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    closing = doc.tables[1]
    left, right = closing.rows[0].cells
    recipients = [p.text for p in left.paragraphs]
    assert recipients[0] == "Nơi nhận:"
    assert left.paragraphs[0].runs[0].bold and left.paragraphs[0].runs[0].italic
    assert left.paragraphs[0].runs[0].font.size.pt == 12
    assert recipients[1:] == [
        "- Ủy ban nhân dân thành phố Hải Phòng (qua Sở Nội vụ);",
        "- Thường trực Đảng ủy xã;",
        "- Lưu: VT.",
    ]
    assert left.paragraphs[1].runs[0].font.size.pt == 11
    signature = [p.text for p in right.paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn An"]


def test_a_deputy_signs_on_behalf_of_the_chair(tmp_path: Path) -> None:
    plan = unit_tree(tmp_path, quarters=(1,))
    text = plan.read_text(encoding="utf-8")
    head = "    authority: TM. ỦY BAN NHÂN DÂN\n    title: CHỦ TỊCH\n    name: Trần Văn An\n"
    assert head in text
    deputy = (
        "    authority: TM. ỦY BAN NHÂN DÂN\n    deputy_of: KT. Chủ tịch\n"
        "    title: Phó Chủ tịch\n    name: Lê Thị Bình\n"
    )
    plan.write_text(text.replace(head, deputy), encoding="utf-8")
    out = tmp_path / "r.docx"
    args = ("report", "-q", "2024-Q1", plan, "--progress-dir", tmp_path / "progress")
    result = run_cli(*args, "-o", out, "--date", "2024-12-05")
    assert result.exit_code == 0, result.stderr
    right = Document(str(out)).tables[1].rows[0].cells[1]
    lines = [p for p in right.paragraphs if p.text]
    assert [p.text for p in lines] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Thị Bình",
    ]
    assert all(run.bold for p in lines for run in p.runs)


def test_page_numbers_from_page_two(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    first = doc.sections[0]
    assert first.different_first_page_header_footer
    assert first.first_page_header.paragraphs[0].text == ""
    header_xml = first.header._element.xml
    assert "PAGE" in header_xml
    assert first.header.paragraphs[0].alignment == 1  # centred
    for section in doc.sections[1:]:
        assert "PAGE" in section.header._element.xml


def test_appendix_tables(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    # An appendix's title lines are one paragraph, kept with its table: LibreOffice
    # honours keep-with-next on the last paragraphs before a table only.
    titles = [p for p in doc.paragraphs if p.text.startswith("Phụ lục ")]
    assert [p.text.split("\n")[0] for p in titles] == ["Phụ lục I", "Phụ lục II"]
    assert all(p.paragraph_format.keep_with_next for p in titles)
    lines = [line for p in doc.paragraphs for line in p.text.split("\n")]
    assert any(
        line.startswith(
            "(Kèm theo Báo cáo số      /BC-UBND ngày 05/12/2024 của Ủy ban nhân dân xã Hòa Bình)"
        )
        for line in lines
    )
    tasks, indicators = doc.tables[2], doc.tables[3]
    for table in (tasks, indicators):
        header = table.rows[0]
        assert header.cells[0].text == "STT"
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        numbers = [r.cells[0].text for r in table.rows[1:]]
        groups = [n for n in numbers if not n.isdigit()]
        # Rows are grouped by area under a row numbered I, II, …: the area's number.
        assert groups and set(groups) <= {"I", "II", "III", "IV", "V", "VI", "VII"}
        assert [n for n in numbers if n.isdigit()] == [
            str(n) for n in range(1, len(numbers) - len(groups) + 1)
        ]
        for row in table.rows[1:]:
            whole = row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            # A group row and a short row stay whole; only a tall row may break across
            # pages, rather than leave a large part of a page empty (tests/output/
            # test_libreoffice.py measures the rendered pages).
            lines = max(c.text.count("\n") + len(c.text) // 30 for c in row.cells)
            assert whole or (row.cells[0].text.isdigit() and lines > 6)
    assert [c.text for c in tasks.rows[0].cells] == [
        "STT",
        "Nhiệm vụ",
        "Chủ trì",
        "Phối hợp",  # a task of the plan has partners
        "Thời hạn",
        "Tình trạng",
        "Kết quả thực hiện",
    ]
    assert len(tasks.rows) == 1 + 7 + 8
    group = next(r for r in tasks.rows if r.cells[0].text == "II")
    assert group.cells[1].text == "CẢI CÁCH THỂ CHẾ" and len(group._tr.tc_lst) == 2
    verdicts = {
        row.cells[1].text: row.cells[5].text
        for row in indicators.rows[1:]
        if row.cells[0].text.isdigit()
    }
    assert set(verdicts.values()) <= {"đạt", "chưa đạt", "—"}
    assert verdicts["Mức độ hài lòng của người dân, tổ chức"] in {"đạt", "chưa đạt"}
    assert verdicts["Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn"] in {"đạt", "chưa đạt"}


def test_each_column_keeps_one_alignment_in_every_report(reports: dict[str, Path]) -> None:
    def aligns(kind: str) -> list[list[str | None]]:
        doc = Document(str(reports[kind]))
        found = []
        for table in doc.tables[2:]:
            row = next(r for r in table.rows[1:] if r.cells[0].text.isdigit())
            found.append([str(c.paragraphs[0].alignment) for c in row.cells])
        return found

    first = aligns("quy-1")
    assert all(aligns(kind) == first for kind in KINDS)
    status = first[0][5]
    assert status == "CENTER (1)"


def test_indicator_verdicts_by_kind(reports: dict[str, Path]) -> None:
    def verdict(kind: str, name: str) -> tuple[str, str]:
        table = Document(str(reports[kind])).tables[3]
        row = next(r for r in table.rows if r.cells[1].text == name)
        return row.cells[4].text.split("\n")[0], row.cells[5].text

    rate = "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn"
    assert verdict("quy-1", rate) == ("99,25%", "đạt")  # (120 + 275) / 398
    # 795 / 878, not (99,25 + 83,3) / 2
    assert verdict("6-thang", rate) == ("90,55%", "chưa đạt")
    assert verdict("6-thang", "Mức độ hài lòng của người dân, tổ chức") == ("88%", "chưa đạt")
    assert verdict("nam", "Số văn bản quy phạm pháp luật được rà soát") == ("11 văn bản", "—")


def test_core_properties_are_fixed(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    props = doc.core_properties
    assert props.created.date().isoformat() == "2024-12-05"
    assert props.modified == props.created
    assert props.revision == 1
    with zipfile.ZipFile(reports[kind]) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
        # Opens as a valid zip with every part readable.
        assert archive.testzip() is None


def test_docx_is_a_valid_package(reports: dict[str, Path], kind: str) -> None:
    data = reports[kind].read_bytes()
    Document(io.BytesIO(data))  # python-docx re-reads it
    assert data[:2] == b"PK"


def test_word_proofs_the_text_as_vietnamese(reports: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(reports[kind]) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    langs = re.findall(r'<w:lang [^>]*w:val="([^"]+)"', xml)
    assert langs and set(langs) == {"vi-VN"}


def test_headings_and_lead_ins_stay_with_what_follows(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    headings = [p for p in doc.paragraphs if re.match(r"^(I|II|III|IV|V)\. ", p.text)]
    assert len(headings) == 5
    for heading in headings:
        assert heading.paragraph_format.keep_with_next
        assert heading.alignment == 0  # left: a two-line heading is not stretched
    # The closing sentence, "./.", goes with the signature block to its page.
    closing = next(i for i, p in enumerate(doc.paragraphs) if p.text.endswith("./."))
    for paragraph in doc.paragraphs[closing : closing + 2]:
        assert paragraph.paragraph_format.keep_with_next


def test_a_draft_keeps_room_for_the_values_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = fresh_unit(tmp_path)
    out = tmp_path / "draft.docx"
    args = ("report", "-q", "2024-Q3", plan, "--draft", "-o", out, "--date", "2024-09-04")
    assert run_cli(*args).exit_code == 0
    tasks = Document(str(out)).tables[2]
    titles = [cell.text for cell in tasks.rows[0].cells]
    widths = {cell.text: cell.width for cell in tasks.rows[0].cells}
    status, result = titles.index("Tình trạng"), titles.index("Kết quả thực hiện")
    rows = [row for row in tasks.rows[1:] if row.cells[0].text.isdigit()]
    assert {row.cells[status].text for row in rows} == {"…"}  # no status guessed
    assert {row.cells[result].text for row in rows} == {"…"}  # nor a result
    assert widths["Kết quả thực hiện"] >= widths["Tình trạng"] > widths["Thời hạn"]


def test_document_numbers_never_break_at_their_hyphen(reports: dict[str, Path], kind: str) -> None:
    doc = Document(str(reports[kind]))
    header = doc.tables[0]
    number = next(p for c in header.rows[0].cells for p in c.paragraphs if "BC-UBND" in p.text)
    assert number._p.findall(f".//{qn('w:noBreakHyphen')}")
    xml = doc.element.body.xml
    assert "Văn phòng - Thống kê" in xml  # a dash between words stays an ordinary one
