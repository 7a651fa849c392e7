"""The reports as a reader sees them: rendered by LibreOffice, measured page by page.

The shipped quý I report, the four reports of the fixture year and two drafts with
quarters missing. A reviewer objected to a 20-page quý I report whose appendix pages
were up to 45% blank, and to a last page holding only the recipients and the signature.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import PLANS, ROOT, run_cli
from tests.year_tree import DRAFTS, REPORTS, write_report

pytestmark = pytest.mark.libreoffice

MARGIN_PT = 20 / 25.4 * 72  # the decree's top and bottom margins, 20 mm


@dataclass(frozen=True)
class Page:
    landscape: bool
    text: str
    blank: float  # the share of the text area below the last line


def pdf_pages(pdf: Path) -> list[Page]:
    """Each page's orientation, text and how much of it is left blank at the bottom."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for width, height, body in re.findall(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, flags=re.DOTALL
    ):
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', body)
        top, bottom = MARGIN_PT, float(height) - MARGIN_PT
        # The page number sits in the top margin: not text of the page.
        lines = [float(y1) for y0, y1, _ in words if float(y0) >= top * 0.95]
        last = max(lines, default=top)
        pages.append(
            Page(
                float(width) > float(height),
                " ".join(html.unescape(w) for *_, w in words),
                (bottom - last) / (bottom - top),
            )
        )
    return pages


@pytest.fixture(scope="module")
def rendered(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/setup.sh test installs it")
    root = tmp_path_factory.mktemp("rendered")
    docs = [write_report(kind, root / f"{kind}.docx").path for kind in REPORTS]
    for kind, quarters in DRAFTS.items():
        docs.append(write_report(kind, root / f"{kind}-du-thao.docx", quarters=quarters).path)
    shipped = root / "shipped-quy-1.docx"
    made = run_cli(
        "report", "-q", "2024-Q1", PLANS / "phu-lien-2024.yaml",
        "--progress-dir", ROOT / "progress", "-o", shipped, "--date", "2024-03-04",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    docs.append(shipped)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(root / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {doc.stem: pdf_pages(root / f"{doc.stem}.pdf") for doc in docs}


NAMES = [*REPORTS, *(f"{k}-du-thao" for k in DRAFTS), "shipped-quy-1"]


@pytest.fixture(params=NAMES)
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_shipped_quarter_report_is_short(rendered: dict[str, list[Page]]) -> None:
    pages = rendered["shipped-quy-1"]
    body = [p for p in pages if not p.landscape]
    assert len(body) <= 8, "body and signature"
    assert len(pages) <= 14, "whole document"


def test_no_appendix_page_is_more_than_a_third_blank(
    rendered: dict[str, list[Page]], name: str
) -> None:
    pages = rendered[name]
    appendix = [n for n, p in enumerate(pages) if p.landscape]
    assert appendix and appendix[-1] == len(pages) - 1
    # The document's last page ends where the last table ends; every other appendix
    # page is filled, a tall row broken across pages rather than moved whole.
    for number in appendix[:-1]:
        assert pages[number].blank <= 1 / 3, f"{name}: page {number + 1}"


def test_the_closing_goes_with_the_signature(rendered: dict[str, list[Page]], name: str) -> None:
    pages = rendered[name]
    (signed,) = [p for p in pages if "Nơi nhận:" in p.text]
    # "./." ends the closing sentence on the page of the recipients and the signature:
    # that page never holds them alone.
    assert "./." in signed.text
    assert "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính" in signed.text
    assert not signed.landscape


def test_the_body_is_never_longer_than_its_appendices_need(
    rendered: dict[str, list[Page]], name: str
) -> None:
    # A report that restated the plan task by task ran to 9 pages of body.
    assert sum(not p.landscape for p in rendered[name]) <= 5


def test_the_signature_is_never_left_alone_wherever_the_page_ends(
    soffice: str, tmp_path: Path
) -> None:
    # The shipped quý I report with 0 to 13 more proposals: the closing sentence and the
    # signature block fall at every place of a page, the foot of the page among them.
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source = (ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml").read_text(encoding="utf-8")
    plan = PLANS / "phu-lien-2024.yaml"
    docs = []
    for extra in range(14):
        folder = tmp_path / f"v{extra}" / "phu-lien-2024"
        folder.mkdir(parents=True)
        more = "".join(
            f'    - "Đề nghị bổ sung số {n}: một kiến nghị thêm, đủ dài cho hai dòng của '
            'báo cáo, để thử vị trí của khối chữ ký trên trang."\n'
            for n in range(extra)
        )
        text = source.replace('"../../plans/phu-lien-2024.yaml"', f'"{plan}"')
        (folder / "2024-Q1.yaml").write_text(
            text.replace("  proposals:\n", "  proposals:\n" + more), encoding="utf-8"
        )
        out = tmp_path / f"v{extra}.docx"
        made = run_cli(
            "report", "-q", "2024-Q1", plan, "--progress-dir", folder.parent,
            "-o", out, "--date", "2024-03-04",
        )  # fmt: skip
        assert made.exit_code == 0, made.stderr
        docs.append(out)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    moved = 0
    for doc in docs:
        (signed,) = [p for p in pdf_pages(doc.with_suffix(".pdf")) if "Nơi nhận:" in p.text]
        assert "./." in signed.text, doc.name
        closing = signed.text.index("Trên đây là báo cáo")
        moved += closing < 20  # the closing sentence opens the page: it went with them
    assert moved, "no variant put the signature at the foot of a page"
