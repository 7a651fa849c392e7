"""Each report kind converted to PDF by LibreOffice, and the PDF's text checked."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli
from tests.report_tree import KINDS, unit_tree

pytestmark = pytest.mark.libreoffice

SUBJECTS = {
    "quy-1": "quý I năm 2024",
    "6-thang": "6 tháng đầu năm 2024",
    "quy-3": "quý III năm 2024",
    "nam": "năm 2024",
}


def to_pdf(soffice: str, docx: Path, tmp_path: Path) -> list[str]:
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / f"{docx.stem}.pdf"
    pages = PdfReader(pdf).pages
    return [unicodedata.normalize("NFC", page.extract_text()) for page in pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", list(KINDS))
def test_libreoffice_renders_the_report(soffice: str, tmp_path: Path, kind: str) -> None:
    plan = unit_tree(tmp_path)
    docx = tmp_path / f"{kind}.docx"
    result = run_cli(
        "report",
        *KINDS[kind],
        plan,
        "--progress-dir",
        tmp_path / "progress",
        "-o",
        docx,
        "--date",
        "2024-12-05",
    )
    assert result.exit_code == 0, result.stderr
    pages = to_pdf(soffice, docx, tmp_path)
    assert len(pages) >= 3
    first = flat(pages[0])
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày 05 tháng 12 năm 2024",
        "BÁO CÁO",
        f"Kết quả thực hiện công tác cải cách hành chính {SUBJECTS[kind]}",
        "DỮ LIỆU MẪU",
        "I. CÔNG TÁC CHỈ ĐẠO",
    ):
        assert expected in first, expected
    whole = flat(" ".join(pages))
    for expected in (
        "III. ĐÁNH GIÁ CHUNG",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "./.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "Trần Văn An",
        "Phụ lục I",
        "Phụ lục II",
        "STT",
        "& báo cáo <kết quả>",
    ):
        assert expected in whole, expected
    # Page numbers: none on page 1, "2" on top of page 2.
    assert not first.startswith("1 ")
    assert pages[1].strip().startswith("2")
