"""Office files (.docx, .xlsx) are zip packages: written with fixed timestamps so that the
same content gives the same bytes."""

from __future__ import annotations

import io
import zipfile

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def repack(data: bytes) -> bytes:
    """Re-write a zip with fixed timestamps and permissions, keeping its entry order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(item.filename), compresslevel=6)
    return out.getvalue()
