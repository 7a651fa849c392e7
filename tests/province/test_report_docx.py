"""The Sở Nội vụ's consolidated report laid out as the unit reports are (Nghị định 30):
page, fonts, header, closing, appendices; and as LibreOffice renders it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from tests.cli.test_rollup import DATES, DOCX, OFFICE
from tests.helpers import run_cli
from tests.output.test_rendered_pages import Page, pdf_pages
from tests.output.test_report_docx import FONT_SLOTS, mm
from tests.province_sample import sample_province

# The consolidated report of a generated province is built once for the module (seconds).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tinh")
    sample_province().make_province(folder, units=60, seed=5)
    result = run_cli(
        "rollup", folder / "plans", "--progress-dir", folder / "progress", *DATES,
        "--office", OFFICE, "-f", "docx", "-o", f"{folder}/",
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    return folder / DOCX


def _lines(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_page_margins_and_landscape_appendices(report: Path) -> None:
    doc = Document(str(report))
    first, *appendices = doc.sections
    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    for section in doc.sections:
        assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
        assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    assert len(appendices) == 1 and appendices[0].orientation == WD_ORIENT.LANDSCAPE


def test_times_new_roman_on_every_run(report: Path) -> None:
    with zipfile.ZipFile(report) as archive:
        xml = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")}
    assert not any("Theme=" in text or "cstheme" in text for text in xml.values())
    doc = Document(str(report))
    runs = list(doc.element.body.iter(qn("w:r")))
    assert len(runs) > 100
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and all(
            fonts.get(qn(slot)) == "Times New Roman" for slot in FONT_SLOTS
        )


def test_the_office_s_header(report: Path) -> None:
    doc = Document(str(report))
    left, right = doc.tables[0].rows[0].cells
    lines = [p for p in left.paragraphs if p.text]
    assert [p.text for p in lines] == [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HẢI PHÒNG",
        "SỞ NỘI VỤ",
        "Số:      /BC-SNV",
    ]
    assert not any(r.bold for p in lines[:2] for r in p.runs)  # the parent body: not bold
    assert all(r.bold for r in lines[2].runs)
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hải Phòng, ngày 10 tháng 12 năm 2024",
    ]


def test_title_body_and_ending(report: Path) -> None:
    doc = Document(str(report))
    lines = _lines(doc)
    title = lines.index("BÁO CÁO")
    assert lines[title + 1] == (
        "Tổng hợp kết quả thực hiện công tác cải cách hành chính năm 2024 của các đơn vị "
        "hành chính cấp xã"
    )
    assert "DỮ LIỆU MẪU: số liệu minh họa, không dùng để gửi báo cáo" in lines
    for heading in (
        "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. XẾP HẠNG CÁC ĐƠN VỊ THEO KHỐI",
        "IV. ĐÁNH GIÁ CHUNG",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in lines
    assert any(line.endswith("trên địa bàn thành phố Hải Phòng./.") for line in lines)
    text = "\n".join(lines)
    assert "None" not in text and "{{" not in text


def test_signature_and_recipients(report: Path) -> None:
    doc = Document(str(report))
    left, right = doc.tables[1].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "Nơi nhận:",
        "- Bộ Nội vụ;",
        "- Ủy ban nhân dân thành phố;",
        "- Ủy ban nhân dân các xã, phường, đặc khu;",
        "- Lưu: VT, CCHC.",
    ]
    # The office file names no signer: a visible "…", never an invented name.
    assert [p.text for p in right.paragraphs if p.text] == ["GIÁM ĐỐC", "…"]


def test_appendix_tables(report: Path) -> None:
    doc = Document(str(report))
    lines = [line for p in doc.paragraphs for line in p.text.split("\n")]
    assert "Phụ lục I" in lines
    assert any(line.startswith("ĐƠN VỊ CHƯA ĐỦ SỐ LIỆU") for line in lines)
    for table in doc.tables[2:]:
        header = table.rows[0]
        assert header.cells[0].text == "STT"
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    missing = doc.tables[2]
    assert [c.text for c in missing.rows[0].cells] == [
        "STT", "Đơn vị", "Tình hình báo cáo", "Thời hạn", "Còn thiếu",
    ]  # fmt: skip
    groups = [row.cells[1].text for row in missing.rows[1:] if len(row._tr.tc_lst) == 2]
    assert groups[0] == "KHỐI PHƯỜNG"


@pytest.fixture(scope="module")
def pages(report: Path, soffice: str, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path_factory.mktemp("pdf")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(report)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return pdf_pages(out / f"{report.stem}.pdf")


@pytest.mark.libreoffice
def test_rendered_the_closing_goes_with_the_signature(pages: list[Page]) -> None:
    (signed,) = [p for p in pages if "Nơi nhận:" in p.text]
    assert "./." in signed.text and not signed.landscape
    assert "Trên đây là báo cáo tổng hợp" in signed.text


@pytest.mark.libreoffice
def test_rendered_appendix_pages_are_filled(pages: list[Page]) -> None:
    appendix = [n for n, p in enumerate(pages) if p.landscape]
    assert appendix and appendix[-1] == len(pages) - 1
    assert sum(not p.landscape for p in pages) <= 4, "a short body"
    for number in appendix[:-1]:
        assert pages[number].blank <= 1 / 3, f"page {number + 1}"
