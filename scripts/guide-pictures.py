"""Make the user guide's pictures: two pages of the quý I report of the shipped example.

docs/huong-dan-su-dung.md shows the first page and the first page of Phụ lục I of the
report `cchc report --quarter 2024-Q1 plans/phu-lien-2024.yaml --date 2024-03-04`
writes, as a reader sees them: LibreOffice converts the .docx to PDF and pdftoppm renders
the pages (as ../shared/tools/docx-preview does); they are stored as 16-grey PNGs, a
third of the size of pdftoppm's own. docs/images/SOURCES.sha256 records a digest of every
file the pictures are made from, and of the pictures; tests/docs/test_guide_pictures.py
fails when one changed (file times are useless in a git clone), without LibreOffice.

Usage: .venv/bin/python scripts/guide-pictures.py           (needs soffice, pdftoppm, pdftotext)
       .venv/bin/python scripts/guide-pictures.py --check   (compare the digests only)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
MANIFEST = IMAGES / "SOURCES.sha256"
DPI = 120
DATE = "2024-03-04"  # the day before the quý I report was due, as the README's example

# What the pictures are made from: the wording, the shipped data, the code that turns
# them into a document's layout, and this script (its pages and resolution).
SOURCES = (
    "templates/*.j2",
    "plans/phu-lien-2024.yaml",
    "progress/phu-lien-2024/*.yaml",
    "src/cchc_cli/report/*.py",
    "src/cchc_cli/output/docx/*.py",
    "src/cchc_cli/output/report/docx.py",
    "src/cchc_cli/vietnamese.py",
    "scripts/guide-pictures.py",
)

# Picture name → the text of a line that starts the page (None: the first page).
PAGES: dict[str, str | None] = {
    "bao-cao-quy-1-trang-1.png": None,
    "bao-cao-quy-1-phu-luc-1.png": "Phụ lục I",
}

HEADER = (
    "# Made by scripts/guide-pictures.py; do not edit. SHA-256 of each file the guide's\n"
    "# pictures are made from (line endings normalised), then of the pictures.\n"
)


def source_files() -> list[str]:
    """Every file the pictures depend on, relative to the repository, sorted."""
    found = {p for pattern in SOURCES for p in ROOT.glob(pattern) if p.is_file()}
    return sorted(p.relative_to(ROOT).as_posix() for p in found)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text() -> str:
    """The manifest for the files on disk now; a picture not made yet is 'missing'."""
    lines = [HEADER]
    for name in source_files():
        # A Windows checkout may turn LF into CRLF: the same text, the same pictures.
        data = (ROOT / name).read_bytes().replace(b"\r\n", b"\n")
        lines.append(f"{_sha256(data)}  {name}\n")
    for picture in PAGES:
        path = IMAGES / picture
        digest = _sha256(path.read_bytes()) if path.is_file() else "missing"
        lines.append(f"{digest}  docs/images/{picture}\n")
    return "".join(lines)


def differences(recorded: str, current: str) -> list[str]:
    """What changed between two manifests, one line a file."""

    def entries(text: str) -> dict[str, str]:
        pairs = (line.split("  ", 1) for line in text.splitlines() if line and line[0] != "#")
        return {name: digest for digest, name in pairs}

    old, new = entries(recorded), entries(current)
    out = [f"changed: {n}" for n in sorted(old.keys() & new.keys()) if old[n] != new[n]]
    out += [f"new: {n}" for n in sorted(new.keys() - old.keys())]
    out += [f"gone: {n}" for n in sorted(old.keys() - new.keys())]
    return out


def _run(args: list[str], **kwargs: object) -> None:
    done = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def _report(folder: Path) -> Path:
    docx = folder / "bao-cao.docx"
    _run(
        [
            *(sys.executable, "-m", "cchc_cli", "report", "--quarter", "2024-Q1"),
            *(str(ROOT / "plans" / "phu-lien-2024.yaml"), "--progress-dir", str(ROOT / "progress")),
            *("--date", DATE, "-o", str(docx)),
        ],
        cwd=folder,
    )
    return docx


def _pdf(docx: Path, soffice: str) -> Path:
    # A private profile, so a running LibreOffice does not take the conversion over.
    profile = docx.parent / "profile"
    _run(
        [
            *(soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless"),
            *("--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)),
        ],
        timeout=300,
    )
    return docx.with_suffix(".pdf")


def _page_numbers(pdf: Path) -> dict[str, int]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = text.split("\f")
    numbers = {}
    for picture, first_line in PAGES.items():
        if first_line is None:
            numbers[picture] = 1
            continue
        found = [n for n, page in enumerate(pages, 1) if first_line in page.splitlines()]
        if not found:
            sys.exit(f"no page of the report has the line {first_line!r}")
        numbers[picture] = found[0]
    return numbers


def _grey_pixels(pdf: Path, page: int, folder: Path) -> tuple[int, int, bytes]:
    prefix = folder / f"page-{page}"
    _run(
        [
            *("pdftoppm", "-r", str(DPI), "-gray", "-singlefile"),
            *("-f", str(page), "-l", str(page), str(pdf), str(prefix)),
        ]
    )
    data = prefix.with_suffix(".pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    if header is None:
        sys.exit("pdftoppm wrote no 8-bit PGM")
    width, height = int(header[1]), int(header[2])
    return width, height, data[header.end() : header.end() + width * height]


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def grey16_png(width: int, height: int, pixels: bytes, dpi: int = DPI) -> bytes:
    """8-bit grey pixels as a 4-bit grey PNG: text and rules lose nothing a reader sees."""
    high = bytes(((v * 15 + 127) // 255) << 4 for v in range(256))
    low = bytes((v * 15 + 127) // 255 for v in range(256))

    def cost(row: bytes) -> int:  # libpng's heuristic: the smallest sum of signed bytes
        return sum(v if v < 128 else 256 - v for v in row)

    rows = bytearray()
    previous = bytes((width + 1) // 2)
    for y in range(height):
        row = pixels[y * width : (y + 1) * width] + (b"\xff" if width % 2 else b"")
        packed = bytes(
            a | b for a, b in zip(row[0::2].translate(high), row[1::2].translate(low), strict=True)
        )
        up = bytes((a - b) & 0xFF for a, b in zip(packed, previous, strict=True))
        rows += b"\x02" + up if cost(up) < cost(packed) else b"\x00" + packed
        previous = packed
    per_metre = round(dpi / 0.0254)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 4, 0, 0, 0, 0)),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", zlib.compress(bytes(rows), 9)),
            _chunk(b"IEND", b""),
        ]
    )


def make_pictures() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [t for t in ("pdftoppm", "pdftotext") if shutil.which(t) is None]
    if soffice is None or missing:
        sys.exit("needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext)")
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="guide-pictures-") as name:
        folder = Path(name)
        pdf = _pdf(_report(folder), soffice)
        for picture, page in _page_numbers(pdf).items():
            png = grey16_png(*_grey_pixels(pdf, page, folder))
            (IMAGES / picture).write_bytes(png)
            print(f"wrote docs/images/{picture}: page {page}, {len(png) // 1024} KiB")
    MANIFEST.write_text(manifest_text(), encoding="utf-8", newline="\n")
    print(f"wrote {MANIFEST.relative_to(ROOT).as_posix()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the digests only")
    if parser.parse_args().check:
        recorded = MANIFEST.read_text(encoding="utf-8") if MANIFEST.is_file() else ""
        changed = differences(recorded, manifest_text())
        print("\n".join(changed) or "the pictures are up to date")
        sys.exit(1 if changed else 0)
    make_pictures()


if __name__ == "__main__":
    main()
