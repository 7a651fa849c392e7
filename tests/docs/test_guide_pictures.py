"""The user guide's pictures are made from the current templates, data and layout code."""

from __future__ import annotations

import importlib.util
import struct
import sys
import zlib
from types import ModuleType

import pytest

from tests.helpers import ROOT


def _script() -> ModuleType:
    name = "guide_pictures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "guide-pictures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


def test_pictures_are_made_from_the_current_sources() -> None:
    script = _script()
    recorded = script.MANIFEST.read_text(encoding="utf-8")
    current = script.manifest_text()
    changed = "\n".join(script.differences(recorded, current))
    assert recorded == current, (
        f"The guide's pictures are stale:\n{changed}\n"
        "run .venv/bin/python scripts/guide-pictures.py (needs LibreOffice), "
        "look at docs/images/*.png and commit them with docs/images/SOURCES.sha256"
    )


def _chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks[kind] = chunks.get(kind, b"") + body
        at += 12 + length
    return chunks


def _grey16_rows(data: bytes) -> list[list[int]]:
    """Decode a 4-bit grey PNG written with filters None and Up only."""
    chunks = _chunks(data)
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (4, 0)
    raw, size = zlib.decompress(chunks[b"IDAT"]), (width + 1) // 2
    rows, previous = [], bytes(size)
    for y in range(height):
        kind, line = raw[y * (size + 1)], raw[y * (size + 1) + 1 : (y + 1) * (size + 1)]
        assert kind in (0, 2)
        packed = (
            bytes((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
            if kind == 2
            else line
        )
        rows.append([n for b in packed for n in (b >> 4, b & 15)][:width])
        previous = packed
    return rows


def test_grey16_png_keeps_sixteen_levels() -> None:
    png = _script().grey16_png(3, 3, bytes([0, 128, 255, 255, 17, 0, 255, 17, 0]), dpi=120)
    assert _grey16_rows(png) == [[0, 8, 15], [15, 1, 0], [15, 1, 0]]
    ppm = struct.unpack(">IIB", _chunks(png)[b"pHYs"])
    assert ppm == (4724, 4724, 1)


@pytest.mark.parametrize("name", list(_script().PAGES))
def test_pictures_are_small_a4_pages_shown_in_the_guide(name: str) -> None:
    script = _script()
    data = (script.IMAGES / name).read_bytes()
    assert len(data) < 100 * 1024
    width, height = struct.unpack(">II", _chunks(data)[b"IHDR"][:8])
    # A4 (210 × 297 mm) at the script's resolution, portrait or landscape.
    a4 = sorted(round(mm / 25.4 * script.DPI) for mm in (210, 297))
    assert abs(sorted((width, height))[0] - a4[0]) <= 2
    assert abs(sorted((width, height))[1] - a4[1]) <= 2
    guide = (ROOT / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8")
    assert f"(images/{name})" in guide
