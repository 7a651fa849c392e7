"""`cchc diff --format docx`: an official-style change table that Word and LibreOffice open."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.helpers import FIXTURES, run_cli, write_tree

PAIRS = FIXTURES / "diff" / "pairs"


def _write(tmp_path: Path, pair: str, name: str = "thay-doi.docx") -> Path:
    target = tmp_path / name
    result = run_cli(
        "diff", "-f", "docx", "-o", target, PAIRS / pair / "old.yaml", PAIRS / pair / "new.yaml"
    )
    assert result.exit_code == 0, result.stderr
    return target


def test_reworded_words_are_struck_and_underlined(tmp_path: Path) -> None:
    document = docx.Document(str(_write(tmp_path, "renumbered")))
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    assert [r.text for r in runs if r.font.underline] == [", hệ thống hóa", "còn hiệu lực"]
    texts = {p.text for p in document.paragraphs}
    assert "SO SÁNH HAI PHIÊN BẢN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025" in texts
    fonts = {r.font.name for r in runs if r.text.strip()}
    assert fonts == {"Times New Roman"}


def test_change_tables_have_stt_and_the_old_and_new_values(tmp_path: Path) -> None:
    document = docx.Document(str(_write(tmp_path, "targets")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["STT", "Mã", "Nội dung", "Thay đổi", "Kế hoạch cũ", "Kế hoạch mới"] in rows
    assert [
        "1",
        "DUNG-HAN",
        "Tỷ lệ hồ sơ giải quyết trước và đúng hạn",
        "Sửa chỉ số",
        "Chỉ tiêu: ≥ 90%",
        "Chỉ tiêu: ≥ 95% (nâng)",
    ] in rows
    section = document.sections[0]
    assert section.page_width > section.page_height, "landscape for the wide table"


def test_same_comparison_gives_the_same_bytes(tmp_path: Path) -> None:
    first = _write(tmp_path, "moved", "a.docx").read_bytes()
    assert _write(tmp_path, "moved", "b.docx").read_bytes() == first


@pytest.mark.libreoffice
def test_libreoffice_opens_it(tmp_path: Path, soffice: str) -> None:
    target = _write(tmp_path, "general")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "thay-doi.pdf").pages)
    assert "Phụ lục" in text and "Trần Thị Hoa" in text


def test_folders_give_one_appendix_per_unit_and_list_the_unpaired(tmp_path: Path) -> None:
    plan = (PAIRS / "moved" / "old.yaml").read_text(encoding="utf-8")
    changed = (PAIRS / "moved" / "new.yaml").read_text(encoding="utf-8")
    write_tree(
        tmp_path,
        {
            "old/a.yaml": plan,
            "old/b.yaml": plan.replace("An Dương", "Bạch Đằng"),
            "old/c.yaml": plan.replace("An Dương", "Cát Hải"),
            "new/a.yaml": changed,
            "new/b.yaml": changed.replace("An Dương", "Bạch Đằng"),
        },
    )
    target = tmp_path / "thay-doi.docx"
    result = run_cli("diff", "-f", "docx", "-o", target, tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    assert len(document.sections) == 2
    texts = [p.text for p in document.paragraphs]
    assert sum(t == "Phụ lục" for t in texts) == 2
    assert any("Chỉ có ở thư mục cũ" in t and "c.yaml" in t for t in texts)


def test_headings_are_upper_case_and_tables_fill_the_width(tmp_path: Path) -> None:
    document = docx.Document(str(_write(tmp_path, "general")))
    headings = [p.text for p in document.paragraphs if p.text[:3] in {"I. ", "II."}]
    assert headings and all(h == h.upper() for h in headings)
    widths = [sum(c.width for c in table.rows[0].cells) for table in document.tables]
    assert max(widths) - min(widths) < 36_000, "every table as wide as the text (1 mm)"
    general = next(t for t in document.tables if t.rows[0].cells[1].text == "Nội dung")
    fields = [
        [c.text for c in row.cells] for row in general.rows[1:] if "(" not in row.cells[1].text
    ]
    assert fields and all(all(fields_row) for fields_row in fields), "(không có), never blank"


def test_a_move_and_a_renumbering_show_in_the_columns(tmp_path: Path) -> None:
    document = docx.Document(str(_write(tmp_path, "moved")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    (moved,) = [row for row in rows if row[1] == "TCC-01 →\nCQS-09"]
    assert moved[3] == "Sửa nhiệm vụ\nchuyển lĩnh vực\nđổi mã"
    assert moved[4] == "Lĩnh vực: Cải cách tài chính công"
    assert moved[5] == "Lĩnh vực: Xây dựng và phát triển chính quyền điện tử, chính quyền số"


def test_an_added_line_reads_absent_in_the_old_plan(tmp_path: Path) -> None:
    document = docx.Document(str(_write(tmp_path, "general")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    added = [row for row in rows if row[1].startswith("Thêm căn cứ")]
    assert added and all(row[2] == "(không có)" and row[3] for row in added)
